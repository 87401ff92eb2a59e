// Number formatting for the derivation steps of the assess engine: four significant digits,
// as a report prints them ("0.001234", "1.5e+04"). The numbers themselves travel unrounded in
// StepNumber. Internal to the engine.
#pragma once

#include <cstdio>
#include <string>

namespace npgov::assess {

inline std::string Fmt(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", x);
    return buffer;
}

inline constexpr const char* kUgPerL = "μg/L";

}  // namespace npgov::assess
