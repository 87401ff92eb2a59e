// The shipped environment files load and name a source for every value; Level III input
// documents are parsed strictly, with the JSON path of the fault in Error::field.
#include "engines/fate/input_json.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "engines/fate/test_support.hpp"

namespace npgov::fate {
namespace {

using testing::LoadEnvironment;
using testing::ReadText;

TEST(ParseEnvironmentTest, ShippedFilesLoadWithSources) {
    for (const char* name : {"eqc_environment", "shuozhou_environment"}) {
        const Environment e = LoadEnvironment(name);
        EXPECT_EQ(e.provenance.size(), 37u) << name;
        for (const ParameterProvenance& p : e.provenance) {
            EXPECT_FALSE(p.source.empty()) << name << " " << p.name;
        }
    }
    const Environment eqc = LoadEnvironment("eqc_environment");
    EXPECT_EQ(eqc.id, "eqc_standard");
    EXPECT_DOUBLE_EQ(eqc.total_area_m2, 1e11);
    EXPECT_DOUBLE_EQ(eqc.soil_depth_m, 0.2);
    EXPECT_DOUBLE_EQ(eqc.temperature_c, 25);
}

TEST(ParseEnvironmentTest, ShuozhouUsesCityFiguresWhereFound) {
    // 10 619 km2, 6.8 °C, 450 mm/year (Xinhua Shanxi city overview, cited in the file).
    const Environment e = LoadEnvironment("shuozhou_environment");
    EXPECT_EQ(e.id, "shuozhou");
    EXPECT_DOUBLE_EQ(e.total_area_m2, 1.0619e10);
    EXPECT_DOUBLE_EQ(e.temperature_c, 6.8);
    EXPECT_NEAR(e.rain_rate_m_h, 0.450 / 8760, 1e-10);
    EXPECT_NEAR(e.air_residence_time_h, std::sqrt(1.0619e10) / 3.3 / 3600, 1e-3);
    std::size_t published = 0, derived = 0, defaults = 0;
    for (const ParameterProvenance& p : e.provenance) {
        published += p.basis == "published";
        derived += p.basis == "derived";
        defaults += p.basis == "default";
    }
    EXPECT_EQ(published, 3u);  // area, temperature, rain
    EXPECT_EQ(derived, 3u);    // water fraction, air residence time, runoff
    EXPECT_EQ(defaults, 31u);
}

TEST(ParseEnvironmentTest, RejectsIncompleteOrUnknownOrOutOfRange) {
    const std::string good = ReadText(std::string(NPGOV_FATE_DATA_DIR) + "/eqc_environment.json");
    struct Case {
        std::string from, to, reason, field;
    };
    const Case cases[] = {
        {"\"rain_rate_m_h\"", "\"rain_rate_mh\"", "fate.unknown_field", "parameters.rain_rate_mh"},
        {"\"basis\": \"published\"", "\"basis\": \"guess\"", "fate.type", "parameters.total_area_m2.basis"},
        {"\"value\": 20,", "\"value\": -20,", "fate.environment.range", "water_depth_m"},
        {"\"format\": \"npgov.fate.environment\"", "\"format\": \"other\"", "fate.type", "format"},
    };
    for (const Case& c : cases) {
        std::string text = good;
        const auto at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        text.replace(at, c.from.size(), c.to);
        auto parsed = ParseEnvironment(text);
        ASSERT_FALSE(parsed) << c.to;
        EXPECT_EQ(parsed.error().reason, c.reason) << c.to;
        EXPECT_EQ(parsed.error().field, c.field) << c.to;
    }
    auto not_json = ParseEnvironment("{\"format\": ");
    ASSERT_FALSE(not_json);
    EXPECT_EQ(not_json.error().reason, "fate.json");
}

constexpr const char* kInput = R"({
  "chemical": {"name": "benzene", "molar_mass_g_mol": 78.11, "water_solubility_g_m3": 1780,
               "vapour_pressure_pa": 12700, "log_kow": 2.13, "melting_point_c": 5.5,
               "half_lives_h": {"air": 17, "water": 170, "soil": 550, "sediment": null}},
  "emissions_kg_h": {"air": 1000, "soil": 10}
})";

TEST(ParseLevel3InputTest, ReadsChemicalAndEmissions) {
    auto input = ParseLevel3Input(kInput);
    ASSERT_TRUE(input) << input.error().Describe();
    EXPECT_EQ(input->chemical.name, "benzene");
    EXPECT_DOUBLE_EQ(input->chemical.data_temperature_c, 25);
    EXPECT_EQ(input->chemical.half_lives.air_h, 17);
    EXPECT_FALSE(input->chemical.half_lives.sediment_h);  // null: not degraded
    EXPECT_DOUBLE_EQ(input->emissions.air_kg_h, 1000);
    EXPECT_DOUBLE_EQ(input->emissions.water_kg_h, 0);
    EXPECT_DOUBLE_EQ(input->emissions.soil_kg_h, 10);
}

TEST(ParseLevel3InputTest, ErrorsNameTheField) {
    struct Case {
        std::string from, to, reason, field;
    };
    const Case cases[] = {
        {"\"log_kow\": 2.13, ", "", "fate.missing_field", "chemical.log_kow"},
        {"\"water\": 170", "\"water\": -170", "fate.input.range", "chemical.half_lives_h.water"},
        {"\"water\": 170, ", "", "fate.missing_field", "chemical.half_lives_h.water"},
        {"\"melting_point_c\"", "\"melting_point\"", "fate.unknown_field", "chemical.melting_point"},
        {"\"air\": 1000", "\"air\": \"1000\"", "fate.type", "emissions_kg_h.air"},
        {"\"air\": 1000, \"soil\": 10", "\"groundwater\": 1", "fate.unknown_field", "emissions_kg_h.groundwater"},
        {"\"air\": 1000, \"soil\": 10", "\"air\": 0", "fate.input.range", "emissions_kg_h"},
        {"\"soil\": 10", "\"soil\": -10", "fate.input.range", "emissions_kg_h.soil"},
        {"\"name\": \"benzene\", ", "", "fate.missing_field", "chemical.name"},
    };
    for (const Case& c : cases) {
        std::string text = kInput;
        const auto at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        text.replace(at, c.from.size(), c.to);
        auto parsed = ParseLevel3Input(text);
        ASSERT_FALSE(parsed) << c.to;
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(parsed.error().reason, c.reason) << c.from << " → " << c.to << ": " << parsed.error().Describe();
        EXPECT_EQ(parsed.error().field, c.field) << c.from << " → " << c.to;
    }
    for (const char* bad : {"", "not json", "[1, 2]", "{\"chemical\": 5, \"emissions_kg_h\": {}}"}) {
        auto parsed = ParseLevel3Input(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument) << bad;
    }
}

}  // namespace
}  // namespace npgov::fate
