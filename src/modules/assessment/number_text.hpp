// Numbers as the assessment module writes them into evidence and steps: four significant digits
// below 1000 ("0.0123", "12.5"), whole numbers from 1000 to 10^6 ("15200"), and exponent form
// beyond 10^6 or below 10^-4 ("2.500e-07"). Pure.
#pragma once

#include <string>

namespace npgov::assessment {

std::string FormatNumber(double value);

}  // namespace npgov::assessment
