#include "engines/tabular/xlsx_reader.hpp"

#include <utility>

#include "core/text.hpp"
#include "engines/tabular/errors.hpp"
#include "engines/tabular/xlsx_parts.hpp"
#include "engines/tabular/xlsx_sheet.hpp"
#include "engines/tabular/zip_archive.hpp"

namespace npgov::tabular {
namespace {

const Relationship* FindByType(const std::vector<Relationship>& relationships, std::string_view kind) {
    for (const Relationship& r : relationships) {
        if (IsRelationshipType(r.type, kind)) return &r;
    }
    return nullptr;
}

const Relationship* FindById(const std::vector<Relationship>& relationships, std::string_view id) {
    for (const Relationship& r : relationships) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

std::string JoinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
        if (!out.empty()) out += "、";
        out += name;
    }
    return out;
}

Result<const SheetEntry*> ChooseSheet(const Workbook& workbook, const std::vector<std::string>& names,
                                      const std::optional<std::string>& wanted) {
    if (workbook.sheets.empty()) {
        return tl::unexpected(XlsxCorruptError("workbook", "没有工作表", "no worksheets"));
    }
    if (!wanted) {
        for (const SheetEntry& sheet : workbook.sheets) {
            if (!sheet.hidden) return &sheet;
        }
        return &workbook.sheets.front();
    }
    for (const SheetEntry& sheet : workbook.sheets) {
        if (sheet.name == *wanted) return &sheet;
    }
    const std::string key = ToLowerAscii(Trim(*wanted));
    for (const SheetEntry& sheet : workbook.sheets) {
        if (ToLowerAscii(Trim(sheet.name)) == key) return &sheet;
    }
    return tl::unexpected(MakeTabularError(
        ErrorCode::kInvalidArgument, "tabular.sheet_not_found",
        "工作簿中没有名为“" + ToMessageSnippet(*wanted) + "”的工作表（现有：" + JoinNames(names) + "）",
        "the workbook has no sheet named \"" + ToMessageSnippet(*wanted) + "\" (sheets: " + JoinNames(names) +
            ")",
        0, "sheet"));
}

}  // namespace

Result<XlsxSheet> ReadXlsxSheet(std::string_view bytes, const std::optional<std::string>& wanted,
                                const XlsxLimits& limits) {
    NPGOV_ASSIGN_OR_RETURN(ZipArchive archive, ZipArchive::Open(bytes, limits.max_inflated_bytes));

    // Package → workbook (Open Packaging Conventions); "xl/workbook.xml" when no .rels says.
    NPGOV_ASSIGN_OR_RETURN(std::vector<Relationship> package, ParseRelationships(archive, ""));
    const Relationship* document = FindByType(package, "officeDocument");
    const std::string workbook_part = document != nullptr ? document->target : "xl/workbook.xml";
    if (!archive.Contains(workbook_part)) {
        return tl::unexpected(
            XlsxCorruptError(workbook_part, "缺少工作簿部件（可能不是 Excel 文件，例如 .docx 或普通压缩包）",
                             "no workbook part (not an Excel file: a .docx or a plain zip?)"));
    }
    NPGOV_ASSIGN_OR_RETURN(Workbook workbook, ParseWorkbook(archive, workbook_part));
    NPGOV_ASSIGN_OR_RETURN(std::vector<Relationship> parts, ParseRelationships(archive, workbook_part));

    XlsxSheet out;
    for (const SheetEntry& sheet : workbook.sheets) out.sheet_names.push_back(sheet.name);
    NPGOV_ASSIGN_OR_RETURN(const SheetEntry* chosen, ChooseSheet(workbook, out.sheet_names, wanted));
    out.sheet = chosen->name;
    const Relationship* sheet_part = FindById(parts, chosen->relationship_id);
    if (sheet_part == nullptr || !archive.Contains(sheet_part->target)) {
        return tl::unexpected(XlsxCorruptError(workbook_part, "找不到工作表“" + chosen->name + "”的数据部件",
                                               "no part for sheet \"" + chosen->name + "\""));
    }
    if (!IsRelationshipType(sheet_part->type, "worksheet")) {
        return tl::unexpected(MakeTabularError(
            ErrorCode::kInvalidArgument, "tabular.sheet_not_found",
            "“" + chosen->name + "”是图表或对话框，不是数据工作表",
            "\"" + chosen->name + "\" is a chart or dialog sheet, not a worksheet", 0, "sheet"));
    }

    std::vector<std::string> shared_strings;
    if (const Relationship* r = FindByType(parts, "sharedStrings");
        r != nullptr && archive.Contains(r->target)) {
        NPGOV_ASSIGN_OR_RETURN(shared_strings, ParseSharedStrings(archive, r->target));
    }
    std::vector<DateStyle> styles;
    if (const Relationship* r = FindByType(parts, "styles"); r != nullptr && archive.Contains(r->target)) {
        NPGOV_ASSIGN_OR_RETURN(styles, ParseCellDateStyles(archive, r->target));
    }
    const SheetContext context{shared_strings, styles, workbook.date_system, limits.max_rows,
                               limits.max_cells};
    NPGOV_ASSIGN_OR_RETURN(out.grid, ParseWorksheet(archive, sheet_part->target, context));
    return out;
}

}  // namespace npgov::tabular
