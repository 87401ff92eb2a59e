// The tabular engine: turns the bytes of an uploaded spreadsheet (.xlsx, or CSV in UTF-8 or
// GBK/GB18030) into one clean table of UTF-8 text, so that every import starts from the same
// header row, trimmed cells and source row numbers. Pure: bytes in, values out.
// Formats: ECMA-376 Office Open XML (SpreadsheetML) read with libzip + expat; CSV per RFC 4180.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::tabular {

inline constexpr std::string_view kTabularVersion = "1";

enum class FileFormat { kCsv, kXlsx };
enum class TextEncoding { kUtf8, kGbk };  // kGbk is decoded as GB18030, a superset of GBK/GB2312
enum class FullWidth { kToAscii, kKeep };  // what to do with full-width forms in data cells

struct ReadOptions {
    std::optional<FileFormat> format;      // default: by magic bytes (PK\3\4 → xlsx, else CSV)
    std::optional<TextEncoding> encoding;  // CSV only; default: UTF-8 if valid, else GBK
    std::optional<std::string> sheet;      // xlsx only; default: the first visible sheet
    std::size_t max_bytes = 64u << 20;     // size of the upload
    std::size_t max_rows = 1'000'000;      // data rows after the header
    std::size_t max_cells = 20'000'000;    // rows × columns held while reading
    // Cap on the uncompressed size of the xlsx parts read; the effective cap is
    // min(10 × max_bytes, this). Guards against zip bombs.
    std::size_t max_uncompressed_bytes = std::size_t{1} << 30;
    // Column names that identify the header row below a title (compared as header keys, see
    // ToHeaderKey). Empty: the header is the first non-blank row with two distinct values.
    std::vector<std::string> expected_columns;
    FullWidth full_width = FullWidth::kToAscii;
};

struct Table {
    std::vector<std::string> header;             // normalised (ToHeaderName), one per column
    std::vector<std::vector<std::string>> rows;  // data rows, each header.size() cells
    std::vector<long> source_rows;               // 1-based source row (CSV line) of each row
    long header_row = 0;                         // 1-based source row of the header
    std::string sheet;                           // xlsx: the sheet read; CSV: empty
    std::vector<std::string> sheet_names;        // xlsx: every sheet, in workbook order
    TextEncoding encoding = TextEncoding::kUtf8;  // CSV: as decoded; xlsx: always UTF-8
    FileFormat format = FileFormat::kCsv;

    // Index of the first column whose header key equals the key of any of `names` (aliases,
    // e.g. {"CAS", "CAS号", "CAS No."}), or nullopt.
    std::optional<std::size_t> FindColumn(std::string_view name) const;
    std::optional<std::size_t> FindColumn(std::initializer_list<std::string_view> names) const;

    // ParseNumberCell of rows[row][column], with the error's row set to source_rows[row] and
    // field to header[column]. Both indices must be in range.
    Result<double> NumberAt(std::size_t row, std::size_t column) const;
};

// Reads one table from `bytes`. Cells are trimmed and, by default, full-width forms folded to
// ASCII ("１２３，４" → "123,4"); fully blank rows are dropped (other rows keep their source
// numbers); rows are padded to the width of the widest row. xlsx specifics: merged ranges
// are filled with their top-left value; numbers are the stored value in shortest form at
// Excel's 15 significant digits; cells with a date style become "2023-05-13" (with
// "T14:30:00" when the format shows a time; "14:30:00" for time-only formats); booleans
// "TRUE"/"FALSE"; error cells their text ("#N/A"); formulas their cached value.
// Errors (field/row set where one is at fault):
//   kInvalidArgument   "tabular.empty" (no bytes or no non-blank row), "tabular.xls_unsupported"
//                      (legacy .xls or an encrypted workbook), "tabular.unknown_format"
//                      (binary, not a spreadsheet), "tabular.encoding" (row = line of the bad
//                      byte), "tabular.csv_quote", "tabular.xlsx_corrupt",
//                      "tabular.sheet_not_found" (field "sheet"), "tabular.header_missing"
//                      (field lists the missing columns)
//   kResourceExhausted "tabular.too_large" (bytes, uncompressed parts or cells over the
//                      caps), "tabular.too_many_rows"
Result<Table> ReadTable(std::string_view bytes, const ReadOptions& options = {});

// Returns the display form of a header cell: trimmed, full-width forms folded to ASCII,
// whitespace runs (incl. line breaks) collapsed to one space, or removed between two
// non-ASCII characters ("企业\n名称" → "企业名称", "CAS\n No." → "CAS No.").
std::string ToHeaderName(std::string_view cell);

// Returns the matching key of a header or column name: ToHeaderName, ASCII lower-cased, all
// spaces removed ("CAS 号" and "cas号" share a key).
std::string ToHeaderKey(std::string_view name);

// Parses a number typed into a cell: optional sign, digits with an optional decimal point
// ('.', or '。' typed with a Chinese input method) and exponent ("1.2E-3"); full-width forms
// and surrounding spaces are accepted. Commas are thousands separators only in groups of
// three before the decimal point ("1,234.5", "１，２３４"); any other comma ("123,4": a
// decimal comma or a typo) is refused rather than guessed. Returns kInvalidArgument
// "tabular.number" for "", "abc", "1.2.3", "12%", NaN, infinity and out-of-range values.
Result<double> ParseNumberCell(std::string_view text);

}  // namespace npgov::tabular
