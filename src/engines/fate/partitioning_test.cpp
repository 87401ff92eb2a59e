// Z values and partition coefficients against textbook figures and the definitions of Mackay
// (2001) ch. 5 (Table 5.2) and the EQC model (Mackay et al. 1996).
#include "engines/fate/partitioning.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "engines/fate/test_support.hpp"

namespace npgov::fate {
namespace {

using testing::Benzene;
using testing::LoadEnvironment;

TEST(ComputePartitioningTest, AirZValueIsOneOverRT) {
    // Mackay (2001) ch. 5: Z_air = 1/RT = 4.04e-4 mol/(m3·Pa) at 25 °C, for any chemical.
    const Partitioning p = ComputePartitioning(Benzene().chemical, LoadEnvironment("eqc_environment"));
    EXPECT_NEAR(p.z.air, 4.034e-4, 0.0005e-4);
    EXPECT_DOUBLE_EQ(p.z.air, 1 / (8.314 * 298.15));
    EXPECT_DOUBLE_EQ(p.k.temperature_k, 298.15);
}

TEST(ComputePartitioningTest, HenryFromVapourPressureAndSolubility) {
    // Benzene: H = P·M/S = 12700 × 78.11 / 1780 = 557 Pa·m3/mol, the value commonly tabulated
    // for benzene at 25 °C (Mackay, Shiu, Ma & Lee 2006, Handbook of Physical-Chemical
    // Properties and Environmental Fate for Organic Chemicals). Tolerance: the rounding of 557.
    const Partitioning p = ComputePartitioning(Benzene().chemical, LoadEnvironment("eqc_environment"));
    EXPECT_NEAR(p.k.henry_pa_m3_mol, 557, 0.5);
    EXPECT_DOUBLE_EQ(p.z.water, 1 / p.k.henry_pa_m3_mol);
    EXPECT_NEAR(p.k.k_air_water, 557.3 / (8.314 * 298.15), 1e-3);  // 0.225
}

TEST(ComputePartitioningTest, MeasuredHenryAndKocOverrideEstimates) {
    Chemical c = Benzene().chemical;
    c.henry_pa_m3_mol = 500;
    c.log_koc = 2.0;
    const Partitioning p = ComputePartitioning(c, LoadEnvironment("eqc_environment"));
    EXPECT_DOUBLE_EQ(p.k.henry_pa_m3_mol, 500);
    EXPECT_DOUBLE_EQ(p.k.koc_l_kg, 100);
    c.log_koc.reset();
    EXPECT_DOUBLE_EQ(ComputePartitioning(c, LoadEnvironment("eqc_environment")).k.koc_l_kg, 0.41 * std::pow(10, 2.13));
}

TEST(ComputePartitioningTest, FugacityRatioOnlyForSolids) {
    // F = exp(6.79 (1 − Tm/T)) (Mackay 2001 ch. 3): 1 for liquids, < 1 below the melting point.
    const Environment eqc = LoadEnvironment("eqc_environment");
    Chemical c = Benzene().chemical;  // melts at 5.5 °C: liquid at 25 °C
    EXPECT_DOUBLE_EQ(ComputePartitioning(c, eqc).k.fugacity_ratio, 1);
    c.melting_point_c.reset();
    EXPECT_DOUBLE_EQ(ComputePartitioning(c, eqc).k.fugacity_ratio, 1);
    c.melting_point_c = 100;  // exp(6.79 × (1 − 373.15/298.15)) = 0.1812
    const Partitioning p = ComputePartitioning(c, eqc);
    EXPECT_NEAR(p.k.fugacity_ratio, 0.1812, 1e-4);
    EXPECT_DOUBLE_EQ(p.k.liquid_vapour_pressure_pa, 12700 / p.k.fugacity_ratio);
    EXPECT_DOUBLE_EQ(p.k.k_aerosol_air, 6e6 / p.k.liquid_vapour_pressure_pa);
}

TEST(ComputePartitioningTest, BulkZValuesAreVolumeWeighted) {
    // EQC standard: aerosol 2e-11, particles 5e-6 and fish 1e-6 of water, soil 0.2 air / 0.3
    // water / 0.5 solids, sediment 0.8 water / 0.2 solids.
    const Partitioning p = ComputePartitioning(Benzene().chemical, LoadEnvironment("eqc_environment"));
    const ZValues& z = p.z;
    EXPECT_DOUBLE_EQ(z.soil_solids, 0.41 * std::pow(10, 2.13) * 0.02 * 2.4 * z.water);
    EXPECT_DOUBLE_EQ(z.sediment_solids, 2 * z.soil_solids);  // OC 0.04 vs 0.02
    EXPECT_DOUBLE_EQ(z.fish, 0.048 * std::pow(10, 2.13) * z.water);
    EXPECT_DOUBLE_EQ(z.bulk[0], (1 - 2e-11) * z.air + 2e-11 * z.aerosol);
    EXPECT_DOUBLE_EQ(z.bulk[1], (1 - 6e-6) * z.water + 5e-6 * z.suspended_particles + 1e-6 * z.fish);
    EXPECT_DOUBLE_EQ(z.bulk[2], 0.2 * z.air + 0.3 * z.water + 0.5 * z.soil_solids);
    EXPECT_DOUBLE_EQ(z.bulk[3], 0.8 * z.water + 0.2 * z.sediment_solids);
}

TEST(ComputePartitioningTest, TemperatureCorrectionOnlyWithEnthalpies) {
    // Shuozhou is at 6.8 °C; data at 25 °C. Without enthalpies H and Kow stay as given (and a
    // note says so); with them, van 't Hoff: H(T) = H(T0) exp(−ΔH/R (1/T − 1/T0)).
    const Environment shuozhou = LoadEnvironment("shuozhou_environment");
    Chemical c = Benzene().chemical;
    Partitioning p = ComputePartitioning(c, shuozhou);
    EXPECT_NEAR(p.k.henry_pa_m3_mol, 12700 * 78.11 / 1780, 1e-9);
    EXPECT_EQ(p.notes.size(), 2u);
    c.enthalpy_air_water_kj_mol = 30;
    c.enthalpy_octanol_water_kj_mol = -10;
    p = ComputePartitioning(c, shuozhou);
    const double t = 6.8 + 273.15, t0 = 298.15;
    EXPECT_NEAR(p.k.henry_pa_m3_mol, 12700 * 78.11 / 1780 * std::exp(-30000 / 8.314 * (1 / t - 1 / t0)), 1e-9);
    EXPECT_LT(p.k.henry_pa_m3_mol, 557);  // less volatile in the cold
    EXPECT_GT(p.k.kow, std::pow(10, 2.13));  // exothermic octanol-water transfer: Kow rises when cold
    EXPECT_TRUE(p.notes.empty());
}

}  // namespace
}  // namespace npgov::fate
