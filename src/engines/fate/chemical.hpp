// What the Level III fugacity model needs to know about a chemical and its release: the
// physical-chemical properties of a neutral organic ("Type 1" in the EQC model: it partitions
// into every medium), reaction half-lives per bulk compartment, and emission rates per route.
// Plain values; checked by ValidateLevel3Input (level3.hpp) or parsed from JSON (input_json.hpp).
#pragma once

#include <optional>
#include <string>

namespace npgov::fate {

// Reaction half-lives of the bulk compartments, hours. nullopt = not degraded in that medium
// (the rate constant is zero); a given value must be > 0.
struct HalfLives {
    std::optional<double> air_h;
    std::optional<double> water_h;
    std::optional<double> soil_h;
    std::optional<double> sediment_h;
};

struct Chemical {
    std::string name;                   // for reports only
    std::string cas;                    // optional, for reports only
    double molar_mass_g_mol = 0;        // > 0
    double water_solubility_g_m3 = 0;   // > 0; of the solid if the chemical is solid (as measured)
    double vapour_pressure_pa = 0;      // > 0; of the solid if the chemical is solid (as measured)
    double log_kow = 0;                 // octanol-water partition coefficient, log10
    std::optional<double> melting_point_c;  // for the fugacity ratio of solids; absent = liquid
    double data_temperature_c = 25;     // temperature of the property data
    std::optional<double> henry_pa_m3_mol;  // measured H; absent = P·M/S
    std::optional<double> log_koc;          // measured Koc (L/kg); absent = params.koc_per_kow·Kow
    // Optional temperature corrections from data_temperature_c to the environment's temperature
    // (van 't Hoff for H and Kow, Arrhenius for the rate constants); absent = not corrected.
    std::optional<double> enthalpy_air_water_kj_mol;
    std::optional<double> enthalpy_octanol_water_kj_mol;
    std::optional<double> activation_energy_kj_mol;
    HalfLives half_lives;
    std::string source;                 // where the property values come from (free text)
};

// Continuous emission rates, kg/h (t/a ÷ 8.76). Each ≥ 0; their sum must be > 0.
struct Emissions {
    double air_kg_h = 0;
    double water_kg_h = 0;
    double soil_kg_h = 0;
};

struct Level3Input {
    Chemical chemical;
    Emissions emissions;
};

}  // namespace npgov::fate
