#include "modules/enterprise/sheet_writer.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <xlsxwriter.h>

namespace npgov::sheet {
namespace {

Error XlsxError(const std::string& what) {
    return MakeError(ErrorCode::kInternal, "sheet.xlsx", "生成 Excel 文件失败：" + what,
                     "could not write the Excel file: " + what)
        .value();
}

void AppendCsvField(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// Removes the temporary file when the export is done, whatever happens.
struct TempFile {
    std::string path;
    ~TempFile() {
        if (!path.empty()) std::remove(path.c_str());
    }
};

}  // namespace

std::string FormatNumber(double value) {
    char buffer[400];  // fixed notation of the largest double needs 309 digits
    // Fixed notation (shortest that round-trips): "200000", never "2e+05", for people and Excel.
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc()) return "";
    return std::string(buffer, end);
}

std::string ToCsv(const Sheet& sheet, bool bom) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    const auto line = [&](const std::vector<Cell>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            if (const auto* text = std::get_if<std::string>(&cells[i])) {
                AppendCsvField(out, *text);
            } else if (const auto* number = std::get_if<double>(&cells[i])) {
                out += FormatNumber(*number);
            }
        }
        out += "\r\n";
    };
    for (const auto& title : sheet.title_lines) line({Cell(title)});
    std::vector<Cell> header;
    for (const auto& column : sheet.columns) header.emplace_back(column.header);
    line(header);
    for (const auto& row : sheet.rows) line(row);
    return out;
}

Result<std::string> ToXlsx(const std::vector<Sheet>& sheets) {
    const auto dir = std::filesystem::temp_directory_path();
    std::string pattern = (dir / "npgov-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return tl::unexpected(XlsxError("cannot create a temporary file in " + dir.string()));
    ::close(fd);
    TempFile temp{pattern};
    const std::string tmpdir = dir.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows stream to disk: large exports stay small in memory
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    lxw_workbook* workbook = workbook_new_opt(temp.path.c_str(), &options);
    if (!workbook) return tl::unexpected(XlsxError("workbook_new_opt"));
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xDDEBF7);
    format_set_border(bold, LXW_BORDER_THIN);
    format_set_text_wrap(bold);
    lxw_format* title = workbook_add_format(workbook);
    format_set_bold(title);
    format_set_font_size(title, 13);
    for (const auto& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.empty() ? nullptr : sheet.name.c_str());
        if (!ws) {
            workbook_close(workbook);
            return tl::unexpected(XlsxError("bad sheet name " + sheet.name));
        }
        const auto width = static_cast<lxw_col_t>(sheet.columns.empty() ? 1 : sheet.columns.size());
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) worksheet_set_column(ws, c, c, sheet.columns[c].width, nullptr);
        lxw_row_t r = 0;
        for (const auto& line : sheet.title_lines) {
            if (width > 1) {
                worksheet_merge_range(ws, r, 0, r, width - 1, line.c_str(), title);
            } else {
                worksheet_write_string(ws, r, 0, line.c_str(), title);
            }
            ++r;
        }
        const lxw_row_t header_row = r;
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) {
            worksheet_write_string(ws, r, c, sheet.columns[c].header.c_str(), bold);
        }
        ++r;
        worksheet_freeze_panes(ws, r, 0);
        const lxw_row_t last_row = header_row + 1000 > header_row + sheet.rows.size()
                                       ? header_row + 1000
                                       : static_cast<lxw_row_t>(header_row + sheet.rows.size());
        for (lxw_col_t c = 0; c < sheet.columns.size(); ++c) {
            if (sheet.columns[c].choices.empty()) continue;
            std::vector<char*> list;  // libxlsxwriter's list type is char** but it only reads
            for (const auto& choice : sheet.columns[c].choices) list.push_back(const_cast<char*>(choice.c_str()));
            list.push_back(nullptr);
            lxw_data_validation validation{};
            validation.validate = LXW_VALIDATION_TYPE_LIST;
            validation.value_list = list.data();
            worksheet_data_validation_range(ws, header_row + 1, c, last_row, c, &validation);
        }
        for (const auto& row : sheet.rows) {
            for (lxw_col_t c = 0; c < row.size(); ++c) {
                lxw_error status = LXW_NO_ERROR;
                if (const auto* text = std::get_if<std::string>(&row[c])) {
                    if (!text->empty()) status = worksheet_write_string(ws, r, c, text->c_str(), nullptr);
                } else if (const auto* number = std::get_if<double>(&row[c])) {
                    status = worksheet_write_number(ws, r, c, *number, nullptr);
                }
                if (status != LXW_NO_ERROR) {
                    workbook_close(workbook);
                    return tl::unexpected(XlsxError(lxw_strerror(status)));
                }
            }
            ++r;
        }
    }
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR) return tl::unexpected(XlsxError(lxw_strerror(closed)));
    std::ifstream in(temp.path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace npgov::sheet
