// Test helpers of the assess engine: the shipped parameter file, parsed once, and a shorthand
// for building records. Test-only.
#pragma once

#include <string>
#include <vector>

#include "engines/assess/ecotox_record.hpp"
#include "engines/assess/pnec_factors.hpp"

namespace npgov::assess::testing {

// data/assess/pnec_factors.json, parsed (the test fails if it does not parse).
const PnecFactors& ShippedFactors();

// The text of a file (empty if unreadable).
std::string ReadText(const std::string& path);

// A record row: species, group, endpoint, value, unit, reliability; duration, exposure, source
// left as given.
EcotoxRow Row(long row, std::string species, std::string group, std::string endpoint, std::string value,
              std::string unit = "mg/L", std::string reliability = "1", std::string exposure = "");

// Parses rows with the shipped factors and fails the test on any row error.
std::vector<EcotoxRecord> Records(const std::vector<EcotoxRow>& rows);

}  // namespace npgov::assess::testing
