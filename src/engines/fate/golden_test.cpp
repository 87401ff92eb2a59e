// The Level III engine against an independent implementation: tests/golden/fate/
// level3_reference.py, written from the model equations (Mackay 2001 ch. 5 and 7; EQC, Mackay et
// al. 1996) in numpy, which assembles the 4 × 4 mass balance as a matrix and solves it by LU
// (numpy.linalg.solve), where the engine uses Mackay's elimination. level3_golden.csv holds its
// output for tests/golden/fate/cases.json in the EQC and Shuozhou environments; the ctest
// fate_goldens_regenerate re-runs it. Tolerance 1e-9 relative: the two solvers round
// differently (measured: at most 5e-16 on fugacities, amounts and PECs); a wrong D or Z value
// differs in the first digits.
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "engines/fate/level3.hpp"
#include "engines/fate/test_support.hpp"

namespace npgov::fate {
namespace {

using testing::LoadEnvironment;
using testing::ReadText;

// The quantities of the golden file, named as level3_reference.py names them.
std::map<std::string, double> Quantities(const Level3Result& r) {
    std::map<std::string, double> q;
    for (const CompartmentResult& c : r.compartments) {
        const std::string m(ToString(c.compartment));
        q["f_" + m] = c.fugacity_pa;
        q["z_bulk_" + m] = c.z_bulk;
        q["amount_kg_" + m] = c.amount_kg;
        q["percent_" + m] = c.percent;
        q["conc_g_m3_" + m] = c.concentration_g_m3;
        q["pec_" + m] = c.pec;
        q["reaction_kg_h_" + m] = c.reaction_kg_h;
        q["advection_kg_h_" + m] = c.advection_kg_h;
    }
    for (Compartment from : kCompartments) {
        for (Compartment to : kCompartments) {
            const double rate = r.transfer_kg_h[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
            if (from != to && rate != 0) q["transfer_kg_h_" + std::string(ToString(from)) + "_" + std::string(ToString(to))] = rate;
        }
    }
    q["total_amount_kg"] = r.total_amount_kg;
    q["residence_time_h"] = r.residence_time_h;
    q["reaction_persistence_h"] = r.reaction_persistence_h;
    q["advection_persistence_h"] = r.advection_persistence_h;
    q["z_air"] = r.z.air;
    q["z_water"] = r.z.water;
    q["z_aerosol"] = r.z.aerosol;
    q["z_particles"] = r.z.suspended_particles;
    q["z_fish"] = r.z.fish;
    q["z_soil_solids"] = r.z.soil_solids;
    q["z_sediment_solids"] = r.z.sediment_solids;
    q["henry_pa_m3_mol"] = r.k.henry_pa_m3_mol;
    q["koc_l_kg"] = r.k.koc_l_kg;
    q["fugacity_ratio"] = r.k.fugacity_ratio;
    q["fraction_in_aerosol"] = r.compartments[0].fraction_in_aerosol;
    q["dissolved_ng_l"] = r.compartments[1].dissolved_ng_l;
    q["particles_ug_kg"] = r.compartments[1].particles_ug_kg;
    q["fish_ug_kg"] = r.compartments[1].fish_ug_kg;
    q["sorbed_soil_ug_kg"] = r.compartments[2].sorbed_ug_kg;
    q["sorbed_sediment_ug_kg"] = r.compartments[3].sorbed_ug_kg;
    return q;
}

TEST(Level3GoldenTest, MatchesIndependentNumpyReference) {
    const std::string golden_dir = NPGOV_FATE_GOLDEN_DIR;
    auto table = ParseCsv(ReadText(golden_dir + "/level3_golden.csv"));
    ASSERT_TRUE(table) << table.error().Describe();
    // (case, environment) → quantity → value
    std::map<std::pair<std::string, std::string>, std::map<std::string, double>> golden;
    for (const auto& row : table->rows) golden[{row[0], row[1]}][row[2]] = std::stod(row[3]);

    const auto cases = nlohmann::json::parse(ReadText(golden_dir + "/cases.json"));
    const std::vector<Environment> environments = {LoadEnvironment("eqc_environment"),
                                                   LoadEnvironment("shuozhou_environment")};
    std::size_t compared = 0;
    for (const auto& c : cases.at("cases")) {
        const std::string id = c.at("id").get<std::string>();
        auto input = ParseLevel3Input(c.at("input").dump());
        ASSERT_TRUE(input) << id << ": " << input.error().Describe();
        for (const Environment& env : environments) {
            auto result = ComputeLevel3(*input, env);
            ASSERT_TRUE(result) << id << " in " << env.id << ": " << result.error().Describe();
            const auto& expected = golden[{id, env.id}];
            ASSERT_FALSE(expected.empty()) << id << " in " << env.id << " missing from the golden file";
            const auto actual = Quantities(*result);
            for (const auto& [name, want] : expected) {
                const auto it = actual.find(name);
                ASSERT_NE(it, actual.end()) << name;
                EXPECT_NEAR(it->second, want, 1e-9 * std::abs(want)) << id << " in " << env.id << ": " << name;
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, table->rows.size());
}

}  // namespace
}  // namespace npgov::fate
