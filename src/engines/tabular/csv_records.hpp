// Splits decoded CSV text into records, as core/csv.hpp's ParseCsv does (RFC 4180: quoted
// fields, doubled quotes, CRLF or LF) but without its rules that the first record is the header
// and every record has the header's width: uploads carry title rows and ragged lines.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/error.hpp"
#include "engines/tabular/grid.hpp"

namespace npgov::tabular {

struct CsvLimits {
    std::size_t max_rows = 0;   // non-blank records; more is "tabular.too_many_rows"
    std::size_t max_cells = 0;  // fields over all non-blank records; more is "tabular.too_large"
};

// Returns the non-blank records of `utf8`, each with the line it starts on. Errors:
// kInvalidArgument "tabular.csv_quote" (unterminated quoted field; row = its line),
// kResourceExhausted "tabular.too_many_rows" / "tabular.too_large".
Result<Grid> SplitCsvRecords(std::string_view utf8, const CsvLimits& limits);

}  // namespace npgov::tabular
