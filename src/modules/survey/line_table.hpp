// The survey's spreadsheet layout: reads uploaded lines (CSV in UTF-8 or GBK, or .xlsx; title
// rows, merged headers and blank lines handled by engines/tabular) and builds the campaign
// template that is offered for download, pre-filled with last year's lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/enterprise/sheet_writer.hpp"
#include "modules/survey/survey_model.hpp"

namespace npgov::survey {

inline constexpr std::size_t kMaxLinesPerSubmission = 200'000;

struct UploadedLines {
    std::vector<RawLine> lines;  // source_row set
    std::string format;          // "csv-utf8", "csv-gbk" or "xlsx"
};

// Reads the lines of an upload. Recognised headers (Chinese as in the template, English
// aliases): CAS号, 物质名称, 活动类型, 数量, 单位, 用途类别, 大气排放量(t/a), 水体排放量(t/a),
// 土壤排放量(t/a), 废物量(t/a), 商业秘密, 变化说明; 序号 and unknown columns are ignored.
// Errors: those of tabular::ReadTable; kInvalidArgument "survey_upload.columns" (field names the
// missing columns: 活动类型, 数量, 单位 and CAS号 or 物质名称); kResourceExhausted
// "survey_upload.too_many_lines" above kMaxLinesPerSubmission.
Result<UploadedLines> ReadUploadedLines(std::string_view bytes);

// The template of `campaign` for one enterprise: a title, the columns (emission columns in the
// detailed tier) with drop-down lists for activity, unit and confidentiality, and `prefill`
// (last year's lines, quantities in tonnes).
sheet::Sheet MakeTemplateSheet(const Campaign& campaign, const std::string& enterprise_line,
                               const std::vector<RawLine>& prefill);

// A sheet with the filling instructions (Chinese) for the template's second tab.
sheet::Sheet MakeInstructionsSheet(const Campaign& campaign);

}  // namespace npgov::survey
