// Writes simple tables as a spreadsheet (.xlsx, with libxlsxwriter) or as CSV (UTF-8 with a
// byte-order mark, which Excel in Chinese locales opens correctly). Used by every export and
// by the survey template; general, kept in the enterprise module (the first exporter) until an
// engines/ home exists. libxlsxwriter is included only in sheet_writer.cpp.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace npgov::sheet {

// A cell: blank, a number or text.
using Cell = std::variant<std::monostate, double, std::string>;

struct Column {
    std::string header;
    double width = 14;                  // in characters
    std::vector<std::string> choices;   // xlsx: a drop-down list of allowed values, if any
};

struct Sheet {
    std::string name;                      // sheet tab, at most 31 characters
    std::vector<std::string> title_lines;  // above the header, each merged across the columns
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;   // each at most columns.size() cells
};

// The workbook's bytes. Errors: kInternal "sheet.xlsx" when libxlsxwriter fails (disk full in
// the temporary directory, more than 1,048,576 rows).
Result<std::string> ToXlsx(const std::vector<Sheet>& sheets);

// The sheet as CSV (RFC 4180, CRLF): title lines, header, rows; numbers in shortest form.
// `bom` prefixes the UTF-8 byte-order mark.
std::string ToCsv(const Sheet& sheet, bool bom = true);

// Shortest text that reads back as the same double ("0.1", "12500", "1e-07").
std::string FormatNumber(double value);

}  // namespace npgov::sheet
