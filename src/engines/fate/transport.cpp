#include "engines/fate/transport.hpp"

#include <cmath>

namespace npgov::fate {

namespace {

constexpr std::size_t kA = 0, kW = 1, kS = 2, kD = 3;

double RateConstant(const std::optional<double>& half_life_h) {
    return half_life_h ? std::log(2.0) / *half_life_h : 0.0;
}

// Resistances in series; a zero conductance on either side blocks the path.
double Series(double d1, double d2) { return (d1 > 0 && d2 > 0) ? 1 / (1 / d1 + 1 / d2) : 0.0; }

}  // namespace

DValues ComputeDValues(const Chemical& chemical, const Environment& e, const Partitioning& partitioning,
                       const Level3Params& params) {
    const ZValues& z = partitioning.z;
    DValues d;
    const double area_water = e.total_area_m2 * e.water_area_fraction;
    const double area_soil = e.total_area_m2 - area_water;
    d.area_m2 = {e.total_area_m2, area_water, area_soil, area_water};
    d.volume_m3 = {e.total_area_m2 * e.air_height_m, area_water * e.water_depth_m, area_soil * e.soil_depth_m,
                   area_water * e.sediment_depth_m};

    d.rate_constant = {RateConstant(chemical.half_lives.air_h), RateConstant(chemical.half_lives.water_h),
                       RateConstant(chemical.half_lives.soil_h), RateConstant(chemical.half_lives.sediment_h)};
    const double t = partitioning.k.temperature_k;
    const double t_data = chemical.data_temperature_c + 273.15;
    if (chemical.activation_energy_kj_mol && std::abs(t - t_data) > 1e-9) {
        const double factor =
            std::exp(-(*chemical.activation_energy_kj_mol * 1000 / params.gas_constant) * (1 / t - 1 / t_data));
        for (double& k : d.rate_constant) k *= factor;
    }
    for (std::size_t i = 0; i < 4; ++i) d.reaction[i] = d.rate_constant[i] * d.volume_m3[i] * z.bulk[i];

    d.advection[kA] = d.volume_m3[kA] / e.air_residence_time_h * z.bulk[kA];
    d.advection[kW] = d.volume_m3[kW] / e.water_residence_time_h * z.bulk[kW];
    d.advection[kS] = 0;
    d.advection[kD] = e.sediment_burial_m_h * area_water * z.sediment_solids;

    const double aerosol = e.aerosol_volume_fraction * z.aerosol;  // Z of aerosol per m3 of air
    auto add = [&d](Compartment from, Compartment to, std::string_view process, double value) {
        d.processes.push_back({from, to, process, value});
        d.transfer[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)] += value;
    };
    using C = Compartment;
    // Air ↔ water.
    const double d_vw = Series(e.air_side_mtc_m_h * area_water * z.air, e.water_side_mtc_m_h * area_water * z.water);
    add(C::kAir, C::kWater, "diffusion", d_vw);
    add(C::kAir, C::kWater, "rain dissolution", e.rain_rate_m_h * area_water * z.water);
    add(C::kAir, C::kWater, "aerosol deposition",
        (e.rain_rate_m_h * e.scavenging_ratio + e.aerosol_dry_deposition_velocity_m_h) * area_water * aerosol);
    add(C::kWater, C::kAir, "diffusion", d_vw);
    // Air ↔ soil: boundary layer in series with the soil's air and water phases in parallel.
    const double d_vs = Series(e.soil_air_boundary_layer_mtc_m_h * area_soil * z.air,
                               e.soil_air_diffusion_mtc_m_h * area_soil * z.air +
                                   e.soil_water_diffusion_mtc_m_h * area_soil * z.water);
    add(C::kAir, C::kSoil, "diffusion", d_vs);
    add(C::kAir, C::kSoil, "rain dissolution", e.rain_rate_m_h * area_soil * z.water);
    add(C::kAir, C::kSoil, "aerosol deposition",
        (e.rain_rate_m_h * e.scavenging_ratio + e.aerosol_dry_deposition_velocity_m_h) * area_soil * aerosol);
    add(C::kSoil, C::kAir, "diffusion", d_vs);
    // Soil → water.
    add(C::kSoil, C::kWater, "runoff", e.soil_water_runoff_m_h * area_soil * z.water);
    add(C::kSoil, C::kWater, "erosion", e.soil_solids_runoff_m_h * area_soil * z.soil_solids);
    // Water ↔ sediment.
    const double d_y = e.sediment_water_mtc_m_h * area_water * z.water;
    add(C::kWater, C::kSediment, "diffusion", d_y);
    add(C::kWater, C::kSediment, "deposition", e.sediment_deposition_m_h * area_water * z.suspended_particles);
    add(C::kSediment, C::kWater, "diffusion", d_y);
    add(C::kSediment, C::kWater, "resuspension", e.sediment_resuspension_m_h * area_water * z.sediment_solids);
    return d;
}

}  // namespace npgov::fate
