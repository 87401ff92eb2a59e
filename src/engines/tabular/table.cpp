#include "engines/tabular/table.hpp"

#include <algorithm>
#include <utility>

#include "core/text.hpp"
#include "engines/tabular/csv_records.hpp"
#include "engines/tabular/errors.hpp"
#include "engines/tabular/grid.hpp"
#include "engines/tabular/text_encoding.hpp"
#include "engines/tabular/xlsx_reader.hpp"

namespace npgov::tabular {
namespace {

constexpr std::size_t kHeaderSearchRows = 20;  // non-blank rows searched for the header
constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kEmptyZipMagic = "PK\x05\x06";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";  // .xls, encrypted .xlsx

bool IsAscii(std::string_view code_point) {
    return code_point.size() == 1 && static_cast<unsigned char>(code_point[0]) < 0x80;
}

bool IsSpace(std::string_view code_point) {
    return (IsAscii(code_point) &&
            std::string_view(" \t\n\v\f\r").find(code_point[0]) != std::string_view::npos) ||
           code_point == "\xC2\xA0";  // no-break space, common in text pasted from web pages
}

// Trims and (by option) folds full-width forms; NormalizeFullWidth only when the cell may
// hold one (U+FFxx starts with EF, U+3000 with E3).
void NormalizeCell(std::string& cell, FullWidth full_width) {
    if (full_width == FullWidth::kToAscii && cell.find_first_of("\xEF\xE3") != std::string::npos) {
        cell = NormalizeFullWidth(cell);
    }
    const std::string_view trimmed = Trim(cell);
    if (trimmed.size() != cell.size()) cell = std::string(trimmed);
}

std::string FormatMiB(std::size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

std::string JoinNames(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& name : names) {
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

// The index in `rows` of the header row among the first kHeaderSearchRows.
Result<std::size_t> LocateHeader(const Grid& rows, const std::vector<std::string>& expected) {
    const std::size_t limit = std::min(rows.size(), kHeaderSearchRows);
    if (expected.empty()) {
        // The first row with two distinct values: a title in one cell, or merged across the
        // table (filled with the same text), is not the header.
        for (std::size_t r = 0; r < limit; ++r) {
            const auto& cells = rows[r].cells;
            const auto first =
                std::find_if(cells.begin(), cells.end(), [](const std::string& c) { return !c.empty(); });
            if (std::any_of(first, cells.end(),
                            [&](const std::string& c) { return !c.empty() && c != *first; }))
                return r;
        }
        return std::size_t{0};
    }
    std::vector<std::string> expected_keys;
    for (const std::string& name : expected) expected_keys.push_back(ToHeaderKey(name));
    std::size_t best = 0, best_count = 0;
    std::vector<std::string> best_missing = expected;
    for (std::size_t r = 0; r < limit; ++r) {
        std::vector<std::string> keys;
        for (const std::string& cell : rows[r].cells) keys.push_back(ToHeaderKey(cell));
        std::vector<std::string> missing;
        for (std::size_t e = 0; e < expected.size(); ++e) {
            if (std::find(keys.begin(), keys.end(), expected_keys[e]) == keys.end())
                missing.push_back(expected[e]);
        }
        if (missing.empty()) return r;
        const std::size_t count = expected.size() - missing.size();
        if (count > best_count) {
            best = r;
            best_count = count;
            best_missing = std::move(missing);
        }
    }
    std::string zh = "找不到表头：前 " + std::to_string(limit) + " 行中没有同时包含所需各列的一行，缺少：" +
                     JoinNames(best_missing, "、");
    std::string en = "no header row: none of the first " + std::to_string(limit) +
                     " rows has all the required columns; missing: " + JoinNames(best_missing, ", ");
    long row = 0;
    if (best_count > 0) {
        row = rows[best].source_row;
        zh += "（最接近的是第 " + std::to_string(row) + " 行）";
        en += " (closest: row " + std::to_string(row) + ")";
    }
    return tl::unexpected(MakeTabularError(ErrorCode::kInvalidArgument, "tabular.header_missing",
                                           std::move(zh), std::move(en), row, JoinNames(best_missing, ", ")));
}

Result<Table> BuildTable(Grid grid, const ReadOptions& options, Table table) {
    Grid rows;
    rows.reserve(grid.size());
    for (GridRow& row : grid) {
        for (std::string& cell : row.cells) NormalizeCell(cell, options.full_width);
        if (!IsBlankRow(row.cells)) rows.push_back(std::move(row));
    }
    if (rows.empty()) {
        return tl::unexpected(MakeTabularError(ErrorCode::kInvalidArgument, "tabular.empty", "表格没有内容",
                                               "the table has no content"));
    }
    // Header cells are always folded, whatever options.full_width says.
    Grid header_candidates(
        rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), kHeaderSearchRows)));
    for (GridRow& row : header_candidates) {
        for (std::string& cell : row.cells) cell = ToHeaderName(cell);
    }
    NPGOV_ASSIGN_OR_RETURN(const std::size_t h, LocateHeader(header_candidates, options.expected_columns));
    if (rows.size() - h - 1 > options.max_rows) {
        return tl::unexpected(TooManyRowsError(options.max_rows, rows[h + 1 + options.max_rows].source_row));
    }
    std::size_t width = 0;
    const auto used_width = [](const std::vector<std::string>& cells) {
        std::size_t w = cells.size();
        while (w > 0 && cells[w - 1].empty()) --w;
        return w;
    };
    for (std::size_t r = h; r < rows.size(); ++r) width = std::max(width, used_width(rows[r].cells));
    table.header = std::move(header_candidates[h].cells);
    table.header.resize(width);
    table.header_row = rows[h].source_row;
    table.rows.reserve(rows.size() - h - 1);
    table.source_rows.reserve(rows.size() - h - 1);
    for (std::size_t r = h + 1; r < rows.size(); ++r) {
        rows[r].cells.resize(width);
        table.rows.push_back(std::move(rows[r].cells));
        table.source_rows.push_back(rows[r].source_row);
    }
    return table;
}

Result<Table> ReadCsv(std::string_view bytes, const ReadOptions& options) {
    NPGOV_ASSIGN_OR_RETURN(DecodedText text, DecodeText(bytes, options.encoding));
    if (text.utf8.find('\0') != std::string::npos) {
        return tl::unexpected(MakeTabularError(
            ErrorCode::kInvalidArgument, "tabular.unknown_format",
            "文件不是表格：含有二进制数据。请上传 .xlsx 或 CSV 文件",
            "the file is not a spreadsheet (it holds binary data); upload an .xlsx or CSV file"));
    }
    const CsvLimits limits{options.max_rows + kHeaderSearchRows, options.max_cells};
    NPGOV_ASSIGN_OR_RETURN(Grid grid, SplitCsvRecords(text.utf8, limits));
    Table table;
    table.format = FileFormat::kCsv;
    table.encoding = text.encoding;
    return BuildTable(std::move(grid), options, std::move(table));
}

Result<Table> ReadXlsx(std::string_view bytes, const ReadOptions& options) {
    const std::size_t max_inflated =
        std::min(options.max_uncompressed_bytes, options.max_bytes > options.max_uncompressed_bytes / 10
                                                     ? options.max_uncompressed_bytes
                                                     : options.max_bytes * 10);
    const XlsxLimits limits{max_inflated, options.max_rows + kHeaderSearchRows, options.max_cells};
    NPGOV_ASSIGN_OR_RETURN(XlsxSheet sheet, ReadXlsxSheet(bytes, options.sheet, limits));
    Table table;
    table.format = FileFormat::kXlsx;
    table.encoding = TextEncoding::kUtf8;
    table.sheet = std::move(sheet.sheet);
    table.sheet_names = std::move(sheet.sheet_names);
    return BuildTable(std::move(sheet.grid), options, std::move(table));
}

}  // namespace

Result<Table> ReadTable(std::string_view bytes, const ReadOptions& options) {
    if (Trim(bytes).empty()) {
        return tl::unexpected(
            MakeTabularError(ErrorCode::kInvalidArgument, "tabular.empty", "文件为空", "the file is empty"));
    }
    if (bytes.size() > options.max_bytes) {
        return tl::unexpected(MakeTabularError(
            ErrorCode::kResourceExhausted, "tabular.too_large",
            "文件超过 " + FormatMiB(options.max_bytes) + "，请拆分后分批导入",
            "the file is larger than " + FormatMiB(options.max_bytes) + "; split it and import the parts"));
    }
    if (bytes.starts_with(kOle2Magic)) {
        return tl::unexpected(MakeTabularError(ErrorCode::kInvalidArgument, "tabular.xls_unsupported",
                                               "不支持旧版 Excel 97-2003 工作簿（.xls）或加密的工作簿。请在 "
                                               "Excel 或 WPS 中另存为 .xlsx 或 CSV（UTF-8），"
                                               "如有密码请先取消",
                                               "legacy Excel 97-2003 workbooks (.xls) and encrypted "
                                               "workbooks are not supported; save the file as .xlsx "
                                               "or CSV UTF-8 in Excel or WPS (remove any password first)"));
    }
    const bool zip = bytes.starts_with(kZipMagic) || bytes.starts_with(kEmptyZipMagic);
    const FileFormat format = options.format.value_or(zip ? FileFormat::kXlsx : FileFormat::kCsv);
    return format == FileFormat::kXlsx ? ReadXlsx(bytes, options) : ReadCsv(bytes, options);
}

std::string ToHeaderName(std::string_view cell) {
    const std::string folded = NormalizeFullWidth(cell);
    const std::vector<std::string_view> points = SplitCodePoints(folded);
    std::string out;
    std::size_t i = 0;
    while (i < points.size() && IsSpace(points[i])) ++i;
    while (i < points.size()) {
        if (!IsSpace(points[i])) {
            out += points[i++];
            continue;
        }
        std::size_t next = i;
        while (next < points.size() && IsSpace(points[next])) ++next;
        if (next == points.size()) break;  // trailing whitespace
        const bool between_non_ascii = !IsAscii(points[i - 1]) && !IsAscii(points[next]);
        if (!between_non_ascii) out += ' ';
        i = next;
    }
    return out;
}

std::string ToHeaderKey(std::string_view name) {
    std::string key = ToLowerAscii(ToHeaderName(name));
    std::erase(key, ' ');
    return key;
}

std::optional<std::size_t> Table::FindColumn(std::string_view name) const { return FindColumn({name}); }

std::optional<std::size_t> Table::FindColumn(std::initializer_list<std::string_view> names) const {
    std::vector<std::string> keys;
    for (std::string_view name : names) keys.push_back(ToHeaderKey(name));
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string key = ToHeaderKey(header[i]);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) != keys.end()) return i;
    }
    return std::nullopt;
}

Result<double> Table::NumberAt(std::size_t row, std::size_t column) const {
    NPGOV_CHECK(row < rows.size() && column < header.size());
    auto value = ParseNumberCell(rows[row][column]);
    if (!value) {
        value.error().row = source_rows[row];
        value.error().field = header[column];
    }
    return value;
}

}  // namespace npgov::tabular
