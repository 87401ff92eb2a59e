// Error values shared by the tabular engine's readers. Internal to the engine.
#pragma once

#include <cstddef>
#include <string>

#include "core/error.hpp"

namespace npgov::tabular {

// An Error with the given parts (MakeError plus row and field).
Error MakeTabularError(ErrorCode code, std::string reason, std::string zh, std::string en, long row = 0,
                       std::string field = {});

// kResourceExhausted "tabular.too_many_rows": more than `max_rows` rows, found at `row`.
Error TooManyRowsError(std::size_t max_rows, long row);

// kResourceExhausted "tabular.too_large": more than `max_cells` cells, found at `row`.
Error TooManyCellsError(std::size_t max_cells, long row);

// kInvalidArgument "tabular.xlsx_corrupt" naming the part (zip entry) at fault and why.
Error XlsxCorruptError(const std::string& part, const std::string& why_zh, const std::string& why_en);

}  // namespace npgov::tabular
