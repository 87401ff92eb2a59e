#include "modules/survey/line_table.hpp"

#include <optional>

#include "engines/tabular/table.hpp"
#include "modules/survey/line_rules.hpp"

namespace npgov::survey {
namespace {

enum Col { kSeq, kCas, kName, kActivity, kQuantity, kUnit, kUses, kAir, kWater, kSoil, kWaste, kConfidential, kReason, kCount };

struct ColumnSpec {
    const char* header;
    double width;
    std::vector<std::string_view> aliases;
};

const ColumnSpec kSpecs[kCount] = {
    {"序号", 6, {"序号", "no", "no."}},
    {"CAS号", 14, {"CAS号", "CAS", "CAS No.", "CAS登记号", "CAS编号"}},
    {"物质名称", 24, {"物质名称", "化学物质名称", "化学品名称", "名称", "substance", "name"}},
    {"活动类型", 10, {"活动类型", "活动", "activity"}},
    {"数量", 12, {"数量", "年数量", "年用量", "quantity"}},
    {"单位", 8, {"单位", "计量单位", "unit"}},
    {"用途类别", 20, {"用途类别", "用途", "use categories", "uses"}},
    {"大气排放量(t/a)", 14, {"大气排放量(t/a)", "大气排放量", "排放到大气", "emission_air", "air"}},
    {"水体排放量(t/a)", 14, {"水体排放量(t/a)", "水体排放量", "排放到水体", "emission_water", "water"}},
    {"土壤排放量(t/a)", 14, {"土壤排放量(t/a)", "土壤排放量", "排放到土壤", "emission_soil", "soil"}},
    {"废物量(t/a)", 12, {"废物量(t/a)", "废物量", "产生废物量", "waste"}},
    {"商业秘密", 8, {"商业秘密", "保密", "confidential"}},
    {"变化说明", 24, {"变化说明", "说明", "备注", "reason"}},
};

std::string FormatName(const tabular::Table& table) {
    if (table.format == tabular::FileFormat::kXlsx) return "xlsx";
    return table.encoding == tabular::TextEncoding::kGbk ? "csv-gbk" : "csv-utf8";
}

}  // namespace

Result<UploadedLines> ReadUploadedLines(std::string_view bytes) {
    tabular::ReadOptions options;
    options.full_width = tabular::FullWidth::kKeep;  // names keep their brackets; numbers fold when parsed
    options.max_rows = kMaxLinesPerSubmission + 1;
    options.expected_columns = {"活动类型"};
    auto table_or = tabular::ReadTable(bytes, options);
    if (!table_or && table_or.error().reason == "tabular.header_missing") {
        options.expected_columns = {"activity"};
        table_or = tabular::ReadTable(bytes, options);
    }
    if (!table_or && table_or.error().reason == "tabular.header_missing") {
        options.expected_columns.clear();  // read whatever header there is, to name what is missing
        table_or = tabular::ReadTable(bytes, options);
    }
    NPGOV_ASSIGN_OR_RETURN(tabular::Table table, std::move(table_or));
    std::optional<std::size_t> col[kCount];
    for (int c = 0; c < kCount; ++c) {
        for (auto alias : kSpecs[c].aliases) {
            if ((col[c] = table.FindColumn(alias))) break;
        }
    }
    std::string missing;
    if (!col[kCas] && !col[kName]) missing = "CAS号/物质名称";
    for (Col c : {kActivity, kQuantity, kUnit}) {
        if (!col[c]) missing += (missing.empty() ? "" : "、") + std::string(kSpecs[c].header);
    }
    if (!missing.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "survey_upload.columns",
                         "文件缺少必需的列：" + missing + "（请使用本次调查的模板）",
                         "the file lacks required columns: " + missing + " (use this campaign's template)", missing);
    }
    if (table.rows.size() > kMaxLinesPerSubmission) {
        Error e = MakeError(ErrorCode::kResourceExhausted, "survey_upload.too_many_lines",
                            "一次最多上传 " + std::to_string(kMaxLinesPerSubmission) + " 行",
                            "at most " + std::to_string(kMaxLinesPerSubmission) + " lines per upload").value();
        e.row = table.source_rows.back();
        return tl::unexpected(e);
    }
    UploadedLines out;
    out.format = FormatName(table);
    out.lines.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        auto cell = [&](Col c) { return col[c] ? cells[*col[c]] : std::string(); };
        RawLine line{cell(kCas),  cell(kName),  cell(kActivity), cell(kQuantity),     cell(kUnit),
                     cell(kUses), cell(kAir),   cell(kWater),    cell(kSoil),         cell(kWaste),
                     cell(kConfidential), cell(kReason), table.source_rows[r]};
        // A row with only a sequence number (a numbered but empty template row) is blank.
        if (line.cas.empty() && line.name.empty() && line.activity.empty() && line.quantity.empty() &&
            line.unit.empty() && line.uses.empty() && line.emission_air.empty() && line.emission_water.empty() &&
            line.emission_soil.empty() && line.waste.empty() && line.reason.empty()) {
            continue;
        }
        out.lines.push_back(std::move(line));
    }
    return out;
}

sheet::Sheet MakeTemplateSheet(const Campaign& campaign, const std::string& enterprise_line,
                               const std::vector<RawLine>& prefill) {
    sheet::Sheet s;
    s.name = "填报表";
    s.title_lines = {campaign.title + "（截止 " + campaign.deadline.ToIsoString() + "）", enterprise_line};
    const bool detailed = campaign.tier == Tier::kDetailed;
    for (int c = 0; c < kCount; ++c) {
        if (!detailed && c >= kAir && c <= kWaste) continue;
        sheet::Column column{kSpecs[c].header, kSpecs[c].width, {}};
        if (c == kActivity) column.choices = {"生产", "进口", "加工", "使用", "出口"};
        if (c == kUnit) column.choices = {"t", "kg", "g"};
        if (c == kConfidential) column.choices = {"是", "否"};
        s.columns.push_back(std::move(column));
    }
    int seq = 0;
    for (const auto& line : prefill) {
        std::vector<sheet::Cell> row = {static_cast<double>(++seq), line.cas, line.name, line.activity};
        if (auto number = tabular::ParseNumberCell(line.quantity)) {
            row.emplace_back(*number);
        } else {
            row.emplace_back(line.quantity);
        }
        row.emplace_back(line.unit);
        row.emplace_back(line.uses);
        if (detailed) {
            for (const std::string* v : {&line.emission_air, &line.emission_water, &line.emission_soil, &line.waste}) {
                if (auto number = tabular::ParseNumberCell(*v)) {
                    row.emplace_back(*number);
                } else {
                    row.emplace_back(*v);
                }
            }
        }
        row.emplace_back(line.confidential);
        row.emplace_back(std::string());  // a reason is this year's
        s.rows.push_back(std::move(row));
    }
    return s;
}

sheet::Sheet MakeInstructionsSheet(const Campaign& campaign) {
    sheet::Sheet s;
    s.name = "填表说明";
    s.columns = {{"说明", 100, {}}};
    const std::vector<std::string> lines = {
        "1. 每行填写一种物质的一种活动（生产、进口、加工、使用、出口）；同一物质有多种活动请分行填写。",
        "2. 物质用 CAS 号标识；没有 CAS 号的填写物质名称。",
        "3. 数量为 " + std::to_string(campaign.year) + " 年全年的量，单位填 t、kg 或 g（也可写 吨、千克、克）。",
        "4. “使用”行须填写用途类别，多项用分号分隔（如：溶剂；清洗剂）。",
        campaign.tier == Tier::kDetailed
            ? "5. 详细调查：生产、加工、使用行须填写大气、水体、土壤排放量和废物量（t/a），没有则填 0。"
            : "5. 基础调查：排放量和废物量可不填。",
        "6. 物料平衡：同一物质的出口量与排放量、废物量之和，不能超过生产量与进口量之和（或加工量与使用量之和中较大者）。",
        "7. 与上年相比变化 3 倍以上（且相差 1 吨以上）的，请在“变化说明”中说明原因。",
        "8. 涉及商业秘密的行在“商业秘密”列填“是”，公开数据中不会显示。",
        "9. 本表已预填上年度经审核的数据，请据实修改后上传；重复上传同一文件不会重复导入。",
    };
    for (const auto& line : lines) s.rows.push_back({line});
    return s;
}

}  // namespace npgov::survey
