#include "engines/fate/partitioning.hpp"

#include <cmath>

#include <fmt/format.h>

namespace npgov::fate {

namespace {

constexpr double kKelvin = 273.15;

// van 't Hoff / Arrhenius factor exp(−(ΔH/R)(1/T − 1/T0)) for ΔH in kJ/mol.
double TemperatureFactor(double enthalpy_kj_mol, double temperature_k, double reference_k, double gas_constant) {
    return std::exp(-(enthalpy_kj_mol * 1000 / gas_constant) * (1 / temperature_k - 1 / reference_k));
}

}  // namespace

std::string_view ToString(Compartment compartment) {
    switch (compartment) {
        case Compartment::kAir: return "air";
        case Compartment::kWater: return "water";
        case Compartment::kSoil: return "soil";
        case Compartment::kSediment: return "sediment";
    }
    return "?";
}

Partitioning ComputePartitioning(const Chemical& chemical, const Environment& environment, const Level3Params& params) {
    Partitioning out;
    PartitionCoefficients& k = out.k;
    const double t = environment.temperature_c + kKelvin;
    const double t_data = chemical.data_temperature_c + kKelvin;
    const bool same_temperature = std::abs(t - t_data) < 1e-9;
    k.temperature_k = t;

    // Henry's law constant at the data temperature, then corrected if an enthalpy is given.
    double henry = chemical.henry_pa_m3_mol.value_or(chemical.vapour_pressure_pa * chemical.molar_mass_g_mol /
                                                     chemical.water_solubility_g_m3);
    double kow = std::pow(10.0, chemical.log_kow);
    if (!same_temperature) {
        if (chemical.enthalpy_air_water_kj_mol) {
            henry *= TemperatureFactor(*chemical.enthalpy_air_water_kj_mol, t, t_data, params.gas_constant);
        } else {
            out.notes.push_back(fmt::format("Henry's law constant used as given at {:g} °C, not corrected to the "
                                            "environment's {:g} °C (no enthalpy_air_water_kj_mol)",
                                            chemical.data_temperature_c, environment.temperature_c));
        }
        if (chemical.enthalpy_octanol_water_kj_mol) {
            kow *= TemperatureFactor(*chemical.enthalpy_octanol_water_kj_mol, t, t_data, params.gas_constant);
        } else {
            out.notes.push_back(fmt::format("Kow used as given at {:g} °C, not corrected to {:g} °C "
                                            "(no enthalpy_octanol_water_kj_mol)",
                                            chemical.data_temperature_c, environment.temperature_c));
        }
    }
    k.henry_pa_m3_mol = henry;
    k.kow = kow;
    k.k_air_water = henry / (params.gas_constant * t);
    k.koc_l_kg = chemical.log_koc ? std::pow(10.0, *chemical.log_koc) : params.koc_per_kow * kow;

    // Fugacity ratio at the data temperature (where P_S was measured).
    if (chemical.melting_point_c && *chemical.melting_point_c + kKelvin > t_data) {
        k.fugacity_ratio = std::exp(params.fusion_entropy_over_r * (1 - (*chemical.melting_point_c + kKelvin) / t_data));
    }
    k.liquid_vapour_pressure_pa = chemical.vapour_pressure_pa / k.fugacity_ratio;
    k.k_aerosol_air = params.aerosol_constant_pa / k.liquid_vapour_pressure_pa;
    k.k_soil_water = k.koc_l_kg * environment.soil_organic_carbon_fraction * environment.soil_solids_density_kg_m3 / 1000;
    k.k_sediment_water =
        k.koc_l_kg * environment.sediment_organic_carbon_fraction * environment.sediment_solids_density_kg_m3 / 1000;
    k.k_particles_water = k.koc_l_kg * environment.suspended_particles_organic_carbon_fraction *
                          environment.suspended_particles_density_kg_m3 / 1000;
    k.k_fish_water = environment.fish_lipid_fraction * kow * environment.fish_density_kg_m3 / 1000;

    ZValues& z = out.z;
    z.air = 1 / (params.gas_constant * t);
    z.water = 1 / henry;
    z.aerosol = k.k_aerosol_air * z.air;
    z.suspended_particles = k.k_particles_water * z.water;
    z.fish = k.k_fish_water * z.water;
    z.soil_solids = k.k_soil_water * z.water;
    z.sediment_solids = k.k_sediment_water * z.water;

    const Environment& e = environment;
    z.bulk[0] = (1 - e.aerosol_volume_fraction) * z.air + e.aerosol_volume_fraction * z.aerosol;
    z.bulk[1] = (1 - e.suspended_particles_volume_fraction - e.fish_volume_fraction) * z.water +
                e.suspended_particles_volume_fraction * z.suspended_particles + e.fish_volume_fraction * z.fish;
    z.bulk[2] = e.soil_air_volume_fraction * z.air + e.soil_water_volume_fraction * z.water +
                (1 - e.soil_air_volume_fraction - e.soil_water_volume_fraction) * z.soil_solids;
    z.bulk[3] = e.sediment_porosity * z.water + (1 - e.sediment_porosity) * z.sediment_solids;
    return out;
}

}  // namespace npgov::fate
