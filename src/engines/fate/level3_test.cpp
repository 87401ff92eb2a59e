// The Level III solution against physical limits that any correct implementation must meet
// (Mackay 2001 ch. 6 and 7): the mass balance closes, overall and per compartment;
// without intermedia transport each compartment is alone (f = E / ΣD); with very fast
// diffusive exchange the fugacities become equal and tend to the Level II solution
// f = ΣE / Σ(D_reaction + D_advection) (Mackay 2001 ch. 6); the model is linear in emissions.
// Agreement with an independent numpy implementation is in golden_test.cpp.
#include "engines/fate/level3.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "engines/fate/test_support.hpp"

namespace npgov::fate {
namespace {

using testing::Benzene;
using testing::LoadEnvironment;

Level3Input Hexachlorobenzene() {
    Level3Input input;
    Chemical& c = input.chemical;
    c.name = "hexachlorobenzene";
    c.molar_mass_g_mol = 284.78;
    c.water_solubility_g_m3 = 0.005;
    c.vapour_pressure_pa = 0.0023;
    c.log_kow = 5.5;
    c.melting_point_c = 230;
    c.half_lives = {17000.0, 55000.0, 55000.0, std::nullopt};
    input.emissions = {10, 0, 100};
    return input;
}

// Inflow minus outflow of compartment i (kg/h), relative to its throughput.
double CompartmentImbalance(const Level3Result& r, std::size_t i) {
    double in = r.compartments[i].emission_kg_h, out = r.compartments[i].reaction_kg_h + r.compartments[i].advection_kg_h;
    for (std::size_t j = 0; j < 4; ++j) {
        in += r.transfer_kg_h[j][i];
        out += r.transfer_kg_h[i][j];
    }
    return std::abs(in - out) / std::max(in, out);
}

TEST(ComputeLevel3Test, MassBalanceClosesOverallAndPerCompartment) {
    for (const char* env_name : {"eqc_environment", "shuozhou_environment"}) {
        const Environment env = LoadEnvironment(env_name);
        for (const Level3Input& input : {Benzene(), Hexachlorobenzene()}) {
            auto r = ComputeLevel3(input, env);
            ASSERT_TRUE(r) << r.error().Describe();
            EXPECT_LT(r->mass_balance_residual, 1e-9) << env_name << " " << input.chemical.name;
            EXPECT_NEAR(r->total_reaction_kg_h + r->total_advection_kg_h, r->total_emission_kg_h,
                        1e-9 * r->total_emission_kg_h);
            for (std::size_t i = 0; i < 4; ++i) {
                EXPECT_LT(CompartmentImbalance(*r, i), 1e-9) << env_name << " " << input.chemical.name << " compartment " << i;
            }
            double percent = 0;
            for (const CompartmentResult& c : r->compartments) percent += c.percent;
            EXPECT_NEAR(percent, 100, 1e-9);
            // Residence times: 1/τ_overall = 1/τ_reaction + 1/τ_advection (Mackay 2001 ch. 6).
            EXPECT_NEAR(1 / r->residence_time_h, 1 / r->reaction_persistence_h + 1 / r->advection_persistence_h,
                        1e-9 / r->residence_time_h);
        }
    }
}

Environment WithoutTransport(Environment e) {
    for (double* v : {&e.air_side_mtc_m_h, &e.water_side_mtc_m_h, &e.rain_rate_m_h, &e.scavenging_ratio,
                      &e.aerosol_dry_deposition_velocity_m_h, &e.soil_air_diffusion_mtc_m_h,
                      &e.soil_water_diffusion_mtc_m_h, &e.soil_air_boundary_layer_mtc_m_h, &e.soil_water_runoff_m_h,
                      &e.soil_solids_runoff_m_h, &e.sediment_water_mtc_m_h, &e.sediment_deposition_m_h,
                      &e.sediment_resuspension_m_h, &e.sediment_burial_m_h}) {
        *v = 0;
    }
    return e;
}

TEST(ComputeLevel3Test, WithoutIntermediaTransportCompartmentsDecouple) {
    const Environment env = WithoutTransport(LoadEnvironment("eqc_environment"));
    const Level3Input input = Benzene();
    auto r = ComputeLevel3(input, env);
    ASSERT_TRUE(r) << r.error().Describe();
    const auto& c = r->compartments;
    const double mol = 1000 / 0.07811;  // 1000 kg/h in mol/h, per route
    EXPECT_NEAR(c[0].fugacity_pa, mol / (c[0].d_reaction + c[0].d_advection), 1e-12 * c[0].fugacity_pa);
    EXPECT_NEAR(c[1].fugacity_pa, mol / (c[1].d_reaction + c[1].d_advection), 1e-12 * c[1].fugacity_pa);
    EXPECT_NEAR(c[2].fugacity_pa, mol / c[2].d_reaction, 1e-12 * c[2].fugacity_pa);
    EXPECT_EQ(c[3].fugacity_pa, 0);
    for (const TransferResult& t : r->transfers) EXPECT_EQ(t.rate_kg_h, 0) << t.process;
    // Each compartment loses what it receives.
    EXPECT_NEAR(c[2].reaction_kg_h, 1000, 1e-9);
    EXPECT_NEAR(c[0].reaction_kg_h + c[0].advection_kg_h, 1000, 1e-9);
}

// Only diffusive exchange, scaled by `factor`: rain, aerosol deposition, runoff, sediment
// deposition, resuspension and burial (one-way carriers) are switched off.
Environment DiffusionOnly(Environment e, double factor) {
    e.rain_rate_m_h = e.scavenging_ratio = e.aerosol_dry_deposition_velocity_m_h = 0;
    e.soil_water_runoff_m_h = e.soil_solids_runoff_m_h = 0;
    e.sediment_deposition_m_h = e.sediment_resuspension_m_h = e.sediment_burial_m_h = 0;
    for (double* v : {&e.air_side_mtc_m_h, &e.water_side_mtc_m_h, &e.soil_air_diffusion_mtc_m_h,
                      &e.soil_water_diffusion_mtc_m_h, &e.soil_air_boundary_layer_mtc_m_h, &e.sediment_water_mtc_m_h}) {
        *v *= factor;
    }
    return e;
}

TEST(ComputeLevel3Test, FastExchangeTendsToLevelTwo) {
    const Environment eqc = LoadEnvironment("eqc_environment");
    const Level3Input input = Benzene();
    double previous_spread = INFINITY;
    for (double factor : {1.0, 1e3, 1e6, 1e9}) {
        auto r = ComputeLevel3(input, DiffusionOnly(eqc, factor));
        ASSERT_TRUE(r) << r.error().Describe();
        double lo = INFINITY, hi = 0, losses = 0;
        for (const CompartmentResult& c : r->compartments) {
            lo = std::min(lo, c.fugacity_pa);
            hi = std::max(hi, c.fugacity_pa);
            losses += c.d_reaction + c.d_advection;
        }
        const double spread = (hi - lo) / hi;
        EXPECT_LT(spread, previous_spread) << "factor " << factor;
        previous_spread = spread;
        EXPECT_LT(r->mass_balance_residual, 1e-9) << "factor " << factor;
        if (factor == 1e9) {
            // Level II: one fugacity, f = ΣE / Σ(D_R + D_A); the remaining difference is of the
            // order of (loss D) / (exchange D) ≈ 1e-7 at this factor.
            const double level2 = 3000 / 78.11 * 1000 / losses;
            EXPECT_LT(spread, 1e-6);
            for (const CompartmentResult& c : r->compartments) EXPECT_NEAR(c.fugacity_pa, level2, 1e-6 * level2);
        }
    }
}

TEST(ComputeLevel3Test, LinearInEmissions) {
    const Environment env = LoadEnvironment("shuozhou_environment");
    Level3Input air = Benzene(), water = Benzene(), both = Benzene();
    air.emissions = {700, 0, 0};
    water.emissions = {0, 300, 0};
    both.emissions = {700, 300, 0};
    auto ra = ComputeLevel3(air, env), rw = ComputeLevel3(water, env), rb = ComputeLevel3(both, env);
    ASSERT_TRUE(ra && rw && rb);
    for (std::size_t i = 0; i < 4; ++i) {
        const double sum = ra->compartments[i].fugacity_pa + rw->compartments[i].fugacity_pa;
        EXPECT_NEAR(rb->compartments[i].fugacity_pa, sum, 1e-12 * sum) << i;
    }
}

TEST(ComputeLevel3Test, ReportsUnitsAndPhases) {
    const Environment env = LoadEnvironment("eqc_environment");
    auto r = ComputeLevel3(Benzene(), env);
    ASSERT_TRUE(r);
    const auto& c = r->compartments;
    EXPECT_EQ(c[0].pec_unit, "ng/m3");
    EXPECT_DOUBLE_EQ(c[0].pec, c[0].concentration_g_m3 * 1e9);
    EXPECT_EQ(c[1].pec_unit, "ng/L");
    EXPECT_DOUBLE_EQ(c[1].pec, c[1].concentration_g_m3 * 1e6);
    EXPECT_LT(c[1].dissolved_ng_l, c[1].pec);  // some on particles and in fish
    EXPECT_EQ(c[2].pec_unit, "ug/kg dry");
    // EQC soil: 0.5 solids × 2400 kg/m3 = 1200 kg dry solids per m3 of bulk soil.
    EXPECT_NEAR(c[2].pec, c[2].concentration_g_m3 / 1200 * 1e6, 1e-12 * c[2].pec);
    EXPECT_NEAR(c[3].pec, c[3].concentration_g_m3 / 480 * 1e6, 1e-12 * c[3].pec);  // 0.2 × 2400
    EXPECT_DOUBLE_EQ(c[2].concentration_g_m3, c[2].concentration_mol_m3 * 78.11);
    EXPECT_DOUBLE_EQ(c[1].amount_kg, c[1].amount_mol * 0.07811);
    EXPECT_EQ(r->environment_id, "eqc_standard");
    EXPECT_EQ(r->transfers.size(), 14u);  // 3 air→water, 1 back, 3 air→soil, 1 back, 2 soil→water, 2 + 2 water↔sediment
}

TEST(ComputeLevel3Test, NotesSayWhatWasNotCorrectedOrDefaulted) {
    auto eqc = ComputeLevel3(Benzene(), LoadEnvironment("eqc_environment"));
    ASSERT_TRUE(eqc);
    EXPECT_TRUE(eqc->notes.empty());
    auto shuozhou = ComputeLevel3(Benzene(), LoadEnvironment("shuozhou_environment"));
    ASSERT_TRUE(shuozhou);
    ASSERT_EQ(shuozhou->notes.size(), 4u);  // H, Kow, half-lives not corrected; EQC defaults used
    EXPECT_NE(shuozhou->notes.back().find("environment parameters are EQC standard defaults"), std::string::npos);
}

TEST(ComputeLevel3Test, RefusesACompartmentThatCannotLoseChemical) {
    Environment env = WithoutTransport(LoadEnvironment("eqc_environment"));
    Level3Input input = Benzene();
    input.chemical.half_lives.soil_h.reset();  // soil neither reacts nor exchanges
    auto r = ComputeLevel3(input, env);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(r.error().reason, "fate.no_steady_state");
    EXPECT_EQ(r.error().field, "soil");
    input.emissions.soil_kg_h = 0;  // nothing reaches the soil: solvable, f_soil = 0
    r = ComputeLevel3(input, env);
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(r->compartments[2].fugacity_pa, 0);
}

TEST(ValidateLevel3InputTest, NamesTheFieldAtFault) {
    struct Case {
        void (*edit)(Level3Input&);
        const char* field;
    };
    const Case cases[] = {
        {[](Level3Input& i) { i.chemical.molar_mass_g_mol = 0; }, "chemical.molar_mass_g_mol"},
        {[](Level3Input& i) { i.chemical.water_solubility_g_m3 = -1; }, "chemical.water_solubility_g_m3"},
        {[](Level3Input& i) { i.chemical.vapour_pressure_pa = NAN; }, "chemical.vapour_pressure_pa"},
        {[](Level3Input& i) { i.chemical.half_lives.water_h = -5; }, "chemical.half_lives_h.water"},
        {[](Level3Input& i) { i.chemical.half_lives.sediment_h = 0; }, "chemical.half_lives_h.sediment"},
        {[](Level3Input& i) { i.chemical.henry_pa_m3_mol = 0; }, "chemical.henry_pa_m3_mol"},
        {[](Level3Input& i) { i.emissions.soil_kg_h = -1; }, "emissions_kg_h.soil"},
        {[](Level3Input& i) { i.emissions = {0, 0, 0}; }, "emissions_kg_h"},
    };
    for (const Case& c : cases) {
        Level3Input input = Benzene();
        c.edit(input);
        auto status = ValidateLevel3Input(input);
        ASSERT_FALSE(status) << c.field;
        EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
        EXPECT_EQ(status.error().reason, "fate.input.range");
        EXPECT_EQ(status.error().field, c.field);
    }
}

}  // namespace
}  // namespace npgov::fate
