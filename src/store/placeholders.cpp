#include "store/placeholders.hpp"

namespace npgov::store {

std::string Placeholders(std::size_t n) {
    std::string out;
    out.reserve(n * 3);
    for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
    return out;
}

std::string RowPlaceholders(std::size_t rows, std::size_t columns) {
    const std::string one = "(" + Placeholders(columns) + ")";
    std::string out;
    out.reserve(rows * (one.size() + 2));
    for (std::size_t r = 0; r < rows; ++r) {
        if (r != 0) out += ", ";
        out += one;
    }
    return out;
}

}  // namespace npgov::store
