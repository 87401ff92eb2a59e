#include "engines/fate/environment.hpp"

#include <cmath>
#include <string>

namespace npgov::fate {

namespace {

Status RangeError(const std::string& field, const std::string& en, const std::string& zh) {
    return MakeError(ErrorCode::kInvalidArgument, "fate.environment.range", "环境参数 " + field + " " + zh,
                     "environment parameter " + field + " " + en, field);
}

Status Positive(double value, const char* field) {
    if (!std::isfinite(value) || value <= 0) return RangeError(field, "must be > 0", "须大于 0");
    return Ok();
}

Status NonNegative(double value, const char* field) {
    if (!std::isfinite(value) || value < 0) return RangeError(field, "must be ≥ 0", "须不小于 0");
    return Ok();
}

Status Fraction(double value, const char* field) {
    if (!std::isfinite(value) || value < 0 || value >= 1) return RangeError(field, "must be in [0, 1)", "须在 [0, 1) 内");
    return Ok();
}

}  // namespace

Status ValidateEnvironment(const Environment& e) {
    for (auto [value, field] : {std::pair{e.total_area_m2, "total_area_m2"}, {e.air_height_m, "air_height_m"},
                                {e.water_depth_m, "water_depth_m"}, {e.soil_depth_m, "soil_depth_m"},
                                {e.sediment_depth_m, "sediment_depth_m"},
                                {e.air_residence_time_h, "air_residence_time_h"},
                                {e.water_residence_time_h, "water_residence_time_h"},
                                {e.suspended_particles_density_kg_m3, "suspended_particles_density_kg_m3"},
                                {e.fish_density_kg_m3, "fish_density_kg_m3"},
                                {e.soil_solids_density_kg_m3, "soil_solids_density_kg_m3"},
                                {e.sediment_solids_density_kg_m3, "sediment_solids_density_kg_m3"}}) {
        NPGOV_RETURN_IF_ERROR(Positive(value, field));
    }
    for (auto [value, field] :
         {std::pair{e.water_area_fraction, "water_area_fraction"}, {e.aerosol_volume_fraction, "aerosol_volume_fraction"},
          {e.suspended_particles_volume_fraction, "suspended_particles_volume_fraction"},
          {e.suspended_particles_organic_carbon_fraction, "suspended_particles_organic_carbon_fraction"},
          {e.fish_volume_fraction, "fish_volume_fraction"}, {e.fish_lipid_fraction, "fish_lipid_fraction"},
          {e.soil_air_volume_fraction, "soil_air_volume_fraction"},
          {e.soil_water_volume_fraction, "soil_water_volume_fraction"},
          {e.soil_organic_carbon_fraction, "soil_organic_carbon_fraction"}, {e.sediment_porosity, "sediment_porosity"},
          {e.sediment_organic_carbon_fraction, "sediment_organic_carbon_fraction"}}) {
        NPGOV_RETURN_IF_ERROR(Fraction(value, field));
    }
    if (e.suspended_particles_volume_fraction + e.fish_volume_fraction >= 1) {
        return RangeError("fish_volume_fraction", "plus suspended_particles_volume_fraction must be < 1",
                          "与 suspended_particles_volume_fraction 之和须小于 1");
    }
    if (e.soil_air_volume_fraction + e.soil_water_volume_fraction >= 1) {
        return RangeError("soil_water_volume_fraction", "plus soil_air_volume_fraction must be < 1 (soil needs solids)",
                          "与 soil_air_volume_fraction 之和须小于 1（土壤须含固相）");
    }
    for (auto [value, field] : {std::pair{e.air_side_mtc_m_h, "air_side_mtc_m_h"},
                                {e.water_side_mtc_m_h, "water_side_mtc_m_h"}, {e.rain_rate_m_h, "rain_rate_m_h"},
                                {e.scavenging_ratio, "scavenging_ratio"},
                                {e.aerosol_dry_deposition_velocity_m_h, "aerosol_dry_deposition_velocity_m_h"},
                                {e.soil_air_diffusion_mtc_m_h, "soil_air_diffusion_mtc_m_h"},
                                {e.soil_water_diffusion_mtc_m_h, "soil_water_diffusion_mtc_m_h"},
                                {e.soil_air_boundary_layer_mtc_m_h, "soil_air_boundary_layer_mtc_m_h"},
                                {e.soil_water_runoff_m_h, "soil_water_runoff_m_h"},
                                {e.soil_solids_runoff_m_h, "soil_solids_runoff_m_h"},
                                {e.sediment_water_mtc_m_h, "sediment_water_mtc_m_h"},
                                {e.sediment_deposition_m_h, "sediment_deposition_m_h"},
                                {e.sediment_resuspension_m_h, "sediment_resuspension_m_h"},
                                {e.sediment_burial_m_h, "sediment_burial_m_h"}}) {
        NPGOV_RETURN_IF_ERROR(NonNegative(value, field));
    }
    if (!std::isfinite(e.temperature_c) || e.temperature_c <= -60 || e.temperature_c >= 60) {
        return RangeError("temperature_c", "must be between −60 and 60 °C", "须在 −60 至 60 °C 之间");
    }
    return Ok();
}

}  // namespace npgov::fate
