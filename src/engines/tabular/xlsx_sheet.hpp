// Reads one worksheet part (ECMA-376 Part 1 §18.3: <sheetData>, <mergeCells>) into a grid of
// cell text: shared strings looked up, numbers in shortest form, date-styled numbers as ISO
// dates, merged ranges filled with their top-left value. Internal to the engine.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/tabular/excel_date.hpp"
#include "engines/tabular/grid.hpp"
#include "engines/tabular/zip_archive.hpp"

namespace npgov::tabular {

struct SheetContext {
    const std::vector<std::string>& shared_strings;
    const std::vector<DateStyle>& styles;  // by cell style index (<c s="…">)
    DateSystem date_system = DateSystem::k1900;
    std::size_t max_rows = 0;   // non-blank rows; more is "tabular.too_many_rows"
    std::size_t max_cells = 0;  // cells held (row widths summed, merge fills included)
};

// Returns the non-blank rows of the worksheet `part`, in row order. Errors: those of
// ParseXmlPart; "tabular.xlsx_corrupt" for a bad cell reference or shared-string index;
// kResourceExhausted "tabular.too_many_rows" / "tabular.too_large".
Result<Grid> ParseWorksheet(ZipArchive& archive, const std::string& part, const SheetContext& context);

// Same, for worksheet XML already in memory (tests).
Result<Grid> ParseWorksheetXml(std::string_view xml, const SheetContext& context);

struct CellRef {
    long row = 0;            // 1-based
    std::size_t column = 0;  // 0-based: A = 0
};

// Parses an A1 reference ("B3", "XFD1048576"); nullopt outside the sheet's limits.
std::optional<CellRef> ParseCellRef(std::string_view ref);

// Returns a stored numeric value as text: unchanged if it has at most 15 significant digits
// (trailing fractional zeros dropped), else rounded to 15 significant digits — Excel's
// precision ("Excel specifications and limits", Microsoft) — in shortest form
// ("0.30000000000000004" → "0.3"). Text that is not a number is returned unchanged.
std::string ToNumberText(std::string_view stored);

}  // namespace npgov::tabular
