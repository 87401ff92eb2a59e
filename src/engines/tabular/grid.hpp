// The raw grid the CSV and xlsx readers hand to ReadTable: rows of UTF-8 cell text with their
// source row numbers, before header location and normalisation. Internal to the engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace npgov::tabular {

struct GridRow {
    long source_row = 0;             // 1-based row (CSV: line where the record starts)
    std::vector<std::string> cells;  // as read: not trimmed or normalised
};

using Grid = std::vector<GridRow>;  // in source order; blank rows may be left out

// Returns true if every cell is empty or ASCII whitespace.
inline bool IsBlankRow(const std::vector<std::string>& cells) {
    for (const std::string& cell : cells) {
        if (!Trim(cell).empty()) return false;
    }
    return true;
}

}  // namespace npgov::tabular
