// Partition coefficients and fugacity capacities (Z values, mol/(m3·Pa)) of a neutral organic
// chemical in the phases of the EQC environment: Mackay (2001) Multimedia Environmental
// Models, 2nd ed., ch. 5 (Table 5.2 for the Z-value definitions) and ch. 3 (fugacity ratio);
// Mackay et al. (1996) Environ. Toxicol. Chem. 15:1627 for the EQC choices (Koc = 0.41 Kow,
// Karickhoff 1981; aerosol K_QA = 6e6 / P_L after Junge and Pankow, Mackay 2001 ch. 5; fish K_FW =
// lipid · Kow).
//   Z_air = 1/(R T); Z_water = 1/H, H = P·M/S unless measured;
//   Z_solid = Koc · f_oc · ρ_solid/1000 · Z_water (soil, sediment, suspended particles);
//   Z_fish = lipid · Kow · ρ_fish/1000 · Z_water; Z_aerosol = 6e6/P_L · Z_air,
//   P_L = P_S / F, F = exp(6.79 (1 − T_m/T)) for solids (Walden's rule), F = 1 for liquids.
// Bulk Z values are volume-weighted sums over each compartment's phases. Pure.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "engines/fate/chemical.hpp"
#include "engines/fate/environment.hpp"

namespace npgov::fate {

// Method constants, with the values the EQC model and Mackay (2001) use.
struct Level3Params {
    double gas_constant = 8.314;              // Pa·m3/(mol·K), as in Mackay (2001)
    double koc_per_kow = 0.41;                // Karickhoff (1981), L/kg per unit Kow
    double aerosol_constant_pa = 6e6;         // K_QA = this / P_L (Mackay 2001 ch. 5)
    double fusion_entropy_over_r = 6.79;      // ΔS_fus/R = 56.5 J/(mol·K)/R (Walden's rule)
};

enum class Compartment { kAir = 0, kWater = 1, kSoil = 2, kSediment = 3 };
inline constexpr std::array<Compartment, 4> kCompartments = {Compartment::kAir, Compartment::kWater,
                                                             Compartment::kSoil, Compartment::kSediment};
// "air", "water", "soil", "sediment".
std::string_view ToString(Compartment compartment);

struct PartitionCoefficients {
    double temperature_k = 0;          // the environment's
    double henry_pa_m3_mol = 0;        // at the environment's temperature (if corrected)
    double k_air_water = 0;            // H / (R T), dimensionless
    double kow = 0;
    double koc_l_kg = 0;
    double fugacity_ratio = 1;         // solid / subcooled liquid vapour pressure
    double liquid_vapour_pressure_pa = 0;
    double k_aerosol_air = 0;          // dimensionless
    double k_soil_water = 0;           // dimensionless (solids), Koc·f_oc·ρ/1000
    double k_sediment_water = 0;
    double k_particles_water = 0;
    double k_fish_water = 0;
};

struct ZValues {
    double air = 0, aerosol = 0, water = 0, suspended_particles = 0, fish = 0, soil_solids = 0,
           sediment_solids = 0;
    std::array<double, 4> bulk{};  // indexed by Compartment
};

struct Partitioning {
    PartitionCoefficients k;
    ZValues z;
    std::vector<std::string> notes;  // e.g. which properties were not corrected for temperature
};

// Expects a validated chemical and environment (ValidateLevel3Input, ValidateEnvironment).
Partitioning ComputePartitioning(const Chemical& chemical, const Environment& environment,
                                 const Level3Params& params = {});

}  // namespace npgov::fate
