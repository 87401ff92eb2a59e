// Reads one worksheet of an .xlsx workbook held in memory into a grid: locates the workbook
// through the package relationships, picks the sheet, and reads shared strings, cell styles
// and the sheet. Internal to the engine (ReadTable is the public entry).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/tabular/grid.hpp"

namespace npgov::tabular {

struct XlsxLimits {
    std::size_t max_inflated_bytes = 0;  // all parts read, uncompressed
    std::size_t max_rows = 0;            // non-blank rows of the sheet
    std::size_t max_cells = 0;
};

struct XlsxSheet {
    Grid grid;
    std::string sheet;                     // name of the sheet read
    std::vector<std::string> sheet_names;  // all sheets, workbook order
};

// Reads the sheet named `sheet` (exact, else ignoring surrounding spaces and ASCII case), or
// the first visible sheet. Errors: "tabular.xlsx_corrupt", "tabular.sheet_not_found" (field
// "sheet"; the message lists the sheets), and those of ParseWorksheet.
Result<XlsxSheet> ReadXlsxSheet(std::string_view bytes, const std::optional<std::string>& sheet,
                                const XlsxLimits& limits);

}  // namespace npgov::tabular
