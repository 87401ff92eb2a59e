#include "modules/assessment/number_text.hpp"

#include <cmath>
#include <cstdio>

namespace npgov::assessment {

std::string FormatNumber(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "∞" : "−∞");
    char buffer[32];
    const double magnitude = std::fabs(value);
    if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4)) {
        std::snprintf(buffer, sizeof buffer, "%.3e", value);
    } else if (magnitude >= 1000) {
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.4g", value);
    }
    return buffer;
}

}  // namespace npgov::assessment
