// RFC 4180 CSV parsing of UTF-8 text: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM.
// Pure: the caller reads the file and decodes other encodings first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov {

struct CsvTable {
    std::vector<std::string> header;             // first record, trimmed
    std::vector<std::vector<std::string>> rows;  // remaining records; blank lines skipped
    std::vector<long> line_numbers;              // 1-based source line of each row

    // Index of a header column, or nullopt.
    std::optional<std::size_t> FindColumn(std::string_view name) const;
};

// Parses `text`. Errors (kInvalidArgument, with row set): "csv.empty" (no header),
// "csv.encoding" (not UTF-8), "csv.quote" (unterminated quoted field),
// "csv.width" (a row with a different number of fields than the header).
Result<CsvTable> ParseCsv(std::string_view text);

}  // namespace npgov
