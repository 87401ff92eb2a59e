// Bound-parameter lists for statements whose length depends on the data: IN lists and
// multi-row VALUES. Values are always bound, never spliced (database.hpp).
#pragma once

#include <cstddef>
#include <string>

namespace npgov::store {

// "?, ?, ?" — n placeholders, e.g. for `IN (…)`.
std::string Placeholders(std::size_t n);

// "(?, ?), (?, ?)" — `rows` tuples of `columns` placeholders, for a multi-row VALUES.
std::string RowPlaceholders(std::size_t rows, std::size_t columns);

}  // namespace npgov::store
