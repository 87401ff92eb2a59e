// The evaluative environment of the Level III model: four bulk compartments (air with
// aerosols; water with suspended particles and fish; soil of air, water and solids; sediment of
// pore water and solids), their advective residence times, and the transport velocities and
// mass-transfer coefficients of the EQC model (Mackay, Di Guardo, Paterson & Cowan 1996,
// Environ. Toxicol. Chem. 15:1627-1637; Mackay 2001, Multimedia Environmental Models, 2nd ed.,
// ch. 7). Values come from a data file (data/fate/*.json, parsed by ParseEnvironment in
// input_json.hpp) in which each one names its source.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"

namespace npgov::fate {

// Where one parameter value came from, as the data file says.
struct ParameterProvenance {
    std::string name;    // the parameter's key, e.g. "rain_rate_m_h"
    double value = 0;
    std::string basis;   // "published" (a cited figure), "derived" (computed from cited figures,
                         // method in note) or "default" (the EQC standard value, not site data)
    std::string source;
    std::string note;
};

struct Environment {
    std::string id, version, name_en, name_zh;

    // Geometry. Sediment underlies all water; soil covers the rest of the area.
    double total_area_m2 = 0;
    double water_area_fraction = 0;  // [0, 1)
    double air_height_m = 0;
    double water_depth_m = 0;
    double soil_depth_m = 0;
    double sediment_depth_m = 0;
    double temperature_c = 25;

    // Air.
    double aerosol_volume_fraction = 0;  // m3 aerosol per m3 air
    double air_residence_time_h = 0;     // advective outflow = V_air / this

    // Water.
    double suspended_particles_volume_fraction = 0;
    double suspended_particles_density_kg_m3 = 0;
    double suspended_particles_organic_carbon_fraction = 0;  // mass fraction
    double fish_volume_fraction = 0;
    double fish_density_kg_m3 = 0;
    double fish_lipid_fraction = 0;  // K_fish-water = lipid · Kow · density / 1000
    double water_residence_time_h = 0;

    // Soil: volume fractions of air and water; solids are the rest.
    double soil_air_volume_fraction = 0;
    double soil_water_volume_fraction = 0;
    double soil_solids_density_kg_m3 = 0;
    double soil_organic_carbon_fraction = 0;

    // Sediment: porosity = pore-water volume fraction; solids are the rest.
    double sediment_porosity = 0;
    double sediment_solids_density_kg_m3 = 0;
    double sediment_organic_carbon_fraction = 0;

    // Intermedia transport (all ≥ 0; m/h unless named otherwise).
    double air_side_mtc_m_h = 0;                // air-water, air film
    double water_side_mtc_m_h = 0;              // air-water, water film
    double rain_rate_m_h = 0;
    double scavenging_ratio = 0;                // volumes of air scavenged per volume of rain
    double aerosol_dry_deposition_velocity_m_h = 0;
    double soil_air_diffusion_mtc_m_h = 0;      // soil air phase
    double soil_water_diffusion_mtc_m_h = 0;    // soil water phase
    double soil_air_boundary_layer_mtc_m_h = 0;
    double soil_water_runoff_m_h = 0;           // m3 water / m2 soil / h
    double soil_solids_runoff_m_h = 0;          // m3 solids / m2 soil / h (erosion)
    double sediment_water_mtc_m_h = 0;          // water-sediment diffusion
    double sediment_deposition_m_h = 0;         // m3 particles / m2 / h
    double sediment_resuspension_m_h = 0;       // m3 sediment solids / m2 / h
    double sediment_burial_m_h = 0;             // m3 sediment solids / m2 / h

    std::vector<ParameterProvenance> provenance;  // one per parameter, in a fixed order
};

// Returns kInvalidArgument "fate.environment.range" naming the field when a value is out of
// its range (areas, depths, densities, residence times > 0; fractions in [0, 1) with soil air +
// water < 1; transport values ≥ 0; temperature in (−60, 60) °C).
Status ValidateEnvironment(const Environment& environment);

}  // namespace npgov::fate
