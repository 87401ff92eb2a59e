// Shared helpers of the fate engine's tests: the committed environment files and cases.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "engines/fate/environment.hpp"
#include "engines/fate/input_json.hpp"

namespace npgov::fate::testing {

inline std::string ReadText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// data/fate/<name>.json, parsed; a failure fails the calling test.
inline Environment LoadEnvironment(const std::string& name) {
    auto parsed = ParseEnvironment(ReadText(std::string(NPGOV_FATE_DATA_DIR) + "/" + name + ".json"));
    EXPECT_TRUE(parsed) << name << ": " << parsed.error().Describe();
    return parsed ? *parsed : Environment{};
}

// Benzene as in tests/golden/fate/cases.json (illustrative properties, 1000 kg/h per route).
inline Level3Input Benzene() {
    Level3Input input;
    Chemical& c = input.chemical;
    c.name = "benzene";
    c.molar_mass_g_mol = 78.11;
    c.water_solubility_g_m3 = 1780;
    c.vapour_pressure_pa = 12700;
    c.log_kow = 2.13;
    c.melting_point_c = 5.5;
    c.half_lives = {17.0, 170.0, 550.0, 1700.0};
    input.emissions = {1000, 1000, 1000};
    return input;
}

}  // namespace npgov::fate::testing
