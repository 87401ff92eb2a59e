#include "engines/assess/test_factors.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace npgov::assess::testing {

std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const PnecFactors& ShippedFactors() {
    static const PnecFactors factors = [] {
        auto parsed = ParsePnecFactors(ReadText(NPGOV_ASSESS_FACTORS_FILE));
        if (!parsed) {
            ADD_FAILURE() << parsed.error().Describe();
            return PnecFactors{};
        }
        return *parsed;
    }();
    return factors;
}

EcotoxRow Row(long row, std::string species, std::string group, std::string endpoint, std::string value, std::string unit,
              std::string reliability, std::string exposure) {
    EcotoxRow r;
    r.row = row;
    r.species = std::move(species);
    r.taxon_group = std::move(group);
    r.endpoint = std::move(endpoint);
    r.value = std::move(value);
    r.unit = std::move(unit);
    r.reliability = std::move(reliability);
    r.exposure = std::move(exposure);
    r.source = "test";
    return r;
}

std::vector<EcotoxRecord> Records(const std::vector<EcotoxRow>& rows) {
    EcotoxParse parsed = ParseEcotoxRows(rows, ShippedFactors());
    for (const Error& e : parsed.errors) ADD_FAILURE() << e.Describe();
    return parsed.records;
}

}  // namespace npgov::assess::testing
