#include "engines/fate/level3.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace npgov::fate {

namespace {

constexpr std::size_t kA = 0, kW = 1, kS = 2, kD = 3;

Status InputError(const std::string& field, const std::string& en, const std::string& zh) {
    return MakeError(ErrorCode::kInvalidArgument, "fate.input.range", field + " " + zh, field + " " + en, field);
}

Status Positive(double value, const std::string& field) {
    if (!std::isfinite(value) || value <= 0) return InputError(field, "must be a number > 0", "须为大于 0 的数");
    return Ok();
}

Status Finite(const std::optional<double>& value, const std::string& field) {
    if (value && !std::isfinite(*value)) return InputError(field, "must be a finite number", "须为有限数值");
    return Ok();
}

tl::unexpected<Error> NoSteadyState(Compartment compartment) {
    const std::string name(ToString(compartment));
    return MakeError(ErrorCode::kFailedPrecondition, "fate.no_steady_state",
                     "区室 " + name + " 接收化学品但没有任何损失途径（无降解、平流或迁出），不存在稳态",
                     "compartment " + name + " receives chemical but has no loss (no reaction, advection or transfer "
                     "out): there is no steady state",
                     name);
}

// a / b where b > 0, else 0 (a compartment with no loss receives nothing; checked by the caller).
double Ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

}  // namespace

Status ValidateLevel3Input(const Level3Input& input) {
    const Chemical& c = input.chemical;
    NPGOV_RETURN_IF_ERROR(Positive(c.molar_mass_g_mol, "chemical.molar_mass_g_mol"));
    NPGOV_RETURN_IF_ERROR(Positive(c.water_solubility_g_m3, "chemical.water_solubility_g_m3"));
    NPGOV_RETURN_IF_ERROR(Positive(c.vapour_pressure_pa, "chemical.vapour_pressure_pa"));
    if (!std::isfinite(c.log_kow)) return InputError("chemical.log_kow", "must be a finite number", "须为有限数值");
    if (!std::isfinite(c.data_temperature_c) || c.data_temperature_c <= -60 || c.data_temperature_c >= 100) {
        return InputError("chemical.data_temperature_c", "must be between −60 and 100 °C", "须在 −60 至 100 °C 之间");
    }
    if (c.melting_point_c && (!std::isfinite(*c.melting_point_c) || *c.melting_point_c <= -273.15)) {
        return InputError("chemical.melting_point_c", "must be above absolute zero", "须高于绝对零度");
    }
    if (c.henry_pa_m3_mol) NPGOV_RETURN_IF_ERROR(Positive(*c.henry_pa_m3_mol, "chemical.henry_pa_m3_mol"));
    NPGOV_RETURN_IF_ERROR(Finite(c.log_koc, "chemical.log_koc"));
    NPGOV_RETURN_IF_ERROR(Finite(c.enthalpy_air_water_kj_mol, "chemical.enthalpy_air_water_kj_mol"));
    NPGOV_RETURN_IF_ERROR(Finite(c.enthalpy_octanol_water_kj_mol, "chemical.enthalpy_octanol_water_kj_mol"));
    NPGOV_RETURN_IF_ERROR(Finite(c.activation_energy_kj_mol, "chemical.activation_energy_kj_mol"));
    for (auto [value, name] : {std::pair{c.half_lives.air_h, "air"}, {c.half_lives.water_h, "water"},
                               {c.half_lives.soil_h, "soil"}, {c.half_lives.sediment_h, "sediment"}}) {
        if (value) NPGOV_RETURN_IF_ERROR(Positive(*value, std::string("chemical.half_lives_h.") + name));
    }
    const Emissions& e = input.emissions;
    for (auto [value, name] : {std::pair{e.air_kg_h, "air"}, {e.water_kg_h, "water"}, {e.soil_kg_h, "soil"}}) {
        if (!std::isfinite(value) || value < 0) {
            return InputError(std::string("emissions_kg_h.") + name, "must be a number ≥ 0", "须为不小于 0 的数");
        }
    }
    if (e.air_kg_h + e.water_kg_h + e.soil_kg_h <= 0) {
        return InputError("emissions_kg_h", "must have at least one emission > 0", "至少须有一项排放大于 0");
    }
    return Ok();
}

Result<Level3Result> ComputeLevel3(const Level3Input& input, const Environment& environment, const Level3Params& params) {
    NPGOV_RETURN_IF_ERROR(ValidateLevel3Input(input));
    NPGOV_RETURN_IF_ERROR(ValidateEnvironment(environment));
    const Chemical& chemical = input.chemical;
    const Partitioning partitioning = ComputePartitioning(chemical, environment, params);
    const DValues d = ComputeDValues(chemical, environment, partitioning, params);

    const double mass = chemical.molar_mass_g_mol / 1000;  // kg/mol
    const std::array<double, 4> emission_mol_h = {input.emissions.air_kg_h / mass, input.emissions.water_kg_h / mass,
                                                  input.emissions.soil_kg_h / mass, 0.0};
    const auto& t = d.transfer;
    const double e_a = emission_mol_h[kA], e_w = emission_mol_h[kW], e_s = emission_mol_h[kS];

    // Soil: losses other than to air, and in total.
    const double soil_other = d.reaction[kS] + d.advection[kS] + t[kS][kW];
    const double soil_total = soil_other + t[kS][kA];
    if (soil_total == 0 && (e_s > 0 || t[kA][kS] > 0)) return NoSteadyState(Compartment::kSoil);
    // Sediment: share of what it takes up from water that it loses for good.
    const double sediment_total = d.reaction[kD] + d.advection[kD] + t[kD][kW];
    if (sediment_total == 0 && t[kW][kD] > 0) return NoSteadyState(Compartment::kSediment);
    const double sediment_kept = Ratio(d.reaction[kD] + d.advection[kD], sediment_total);
    // Water: effective losses not returning to air (j3_out) and all (j3), with soil and
    // sediment eliminated; j1, j2 are water's inputs from emission and soil, and from air.
    const double j3_out = d.reaction[kW] + d.advection[kW] + t[kW][kD] * sediment_kept;
    const double j3 = j3_out + t[kW][kA];
    const double j1 = e_w + e_s * Ratio(t[kS][kW], soil_total);
    const double j2 = t[kA][kW] + t[kA][kS] * Ratio(t[kS][kW], soil_total);
    if (j3 == 0 && (j1 > 0 || j2 > 0)) return NoSteadyState(Compartment::kWater);
    const double water_out = j3 > 0 ? j3_out / j3 : 1.0;
    // Air: the remaining equation in f_A, every term non-negative.
    const double numerator = e_a + j1 * Ratio(t[kW][kA], j3) + e_s * Ratio(t[kS][kA], soil_total);
    const double denominator = d.reaction[kA] + d.advection[kA] + t[kA][kW] * water_out +
                               t[kA][kS] * Ratio(d.reaction[kS] + d.advection[kS] + t[kS][kW] * water_out, soil_total);
    if (denominator == 0 && numerator > 0) return NoSteadyState(Compartment::kAir);

    std::array<double, 4> f{};
    f[kA] = Ratio(numerator, denominator);
    f[kW] = Ratio(j1 + f[kA] * j2, j3);
    f[kS] = Ratio(e_s + f[kA] * t[kA][kS], soil_total);
    f[kD] = Ratio(f[kW] * t[kW][kD], sediment_total);

    Level3Result r;
    r.environment_id = environment.id;
    r.environment_version = environment.version;
    r.k = partitioning.k;
    r.z = partitioning.z;
    r.notes = partitioning.notes;
    const ZValues& z = partitioning.z;
    const Environment& env = environment;
    const double g_mol = chemical.molar_mass_g_mol;

    for (std::size_t i = 0; i < 4; ++i) {
        CompartmentResult& c = r.compartments[i];
        c.compartment = kCompartments[i];
        c.volume_m3 = d.volume_m3[i];
        c.z_bulk = z.bulk[i];
        c.fugacity_pa = f[i];
        c.concentration_mol_m3 = f[i] * z.bulk[i];
        c.concentration_g_m3 = c.concentration_mol_m3 * g_mol;
        c.amount_mol = c.concentration_mol_m3 * d.volume_m3[i];
        c.amount_kg = c.amount_mol * mass;
        c.emission_kg_h = emission_mol_h[i] * mass;
        c.rate_constant_per_h = d.rate_constant[i];
        c.d_reaction = d.reaction[i];
        c.d_advection = d.advection[i];
        c.reaction_kg_h = d.reaction[i] * f[i] * mass;
        c.advection_kg_h = d.advection[i] * f[i] * mass;
        r.total_amount_kg += c.amount_kg;
        r.total_reaction_kg_h += c.reaction_kg_h;
        r.total_advection_kg_h += c.advection_kg_h;
        r.total_emission_kg_h += c.emission_kg_h;
    }
    CompartmentResult& air = r.compartments[kA];
    air.pec = air.concentration_g_m3 * 1e9;
    air.pec_unit = "ng/m3";
    air.fraction_in_aerosol = env.aerosol_volume_fraction * z.aerosol / z.bulk[kA];
    CompartmentResult& water = r.compartments[kW];
    water.pec = water.concentration_g_m3 * 1e6;
    water.pec_unit = "ng/L";
    water.dissolved_ng_l = f[kW] * z.water * g_mol * 1e6;
    water.particles_ug_kg = f[kW] * z.suspended_particles * g_mol / env.suspended_particles_density_kg_m3 * 1e6;
    water.fish_ug_kg = f[kW] * z.fish * g_mol / env.fish_density_kg_m3 * 1e6;
    CompartmentResult& soil = r.compartments[kS];
    const double soil_solids_kg_m3 =
        (1 - env.soil_air_volume_fraction - env.soil_water_volume_fraction) * env.soil_solids_density_kg_m3;
    soil.pec = soil.concentration_g_m3 / soil_solids_kg_m3 * 1e6;
    soil.pec_unit = "ug/kg dry";
    soil.sorbed_ug_kg = f[kS] * z.soil_solids * g_mol / env.soil_solids_density_kg_m3 * 1e6;
    CompartmentResult& sediment = r.compartments[kD];
    const double sediment_solids_kg_m3 = (1 - env.sediment_porosity) * env.sediment_solids_density_kg_m3;
    sediment.pec = sediment.concentration_g_m3 / sediment_solids_kg_m3 * 1e6;
    sediment.pec_unit = "ug/kg dry";
    sediment.sorbed_ug_kg = f[kD] * z.sediment_solids * g_mol / env.sediment_solids_density_kg_m3 * 1e6;

    for (const TransportProcess& p : d.processes) {
        const double rate = p.d * f[static_cast<std::size_t>(p.from)] * mass;
        r.transfers.push_back({p.from, p.to, p.process, p.d, rate});
        r.transfer_kg_h[static_cast<std::size_t>(p.from)][static_cast<std::size_t>(p.to)] += rate;
    }
    for (CompartmentResult& c : r.compartments) c.percent = r.total_amount_kg > 0 ? 100 * c.amount_kg / r.total_amount_kg : 0;

    constexpr double kInf = std::numeric_limits<double>::infinity();
    r.residence_time_h = r.total_amount_kg / r.total_emission_kg_h;
    r.reaction_persistence_h = r.total_reaction_kg_h > 0 ? r.total_amount_kg / r.total_reaction_kg_h : kInf;
    r.advection_persistence_h = r.total_advection_kg_h > 0 ? r.total_amount_kg / r.total_advection_kg_h : kInf;
    r.mass_balance_residual =
        std::abs(r.total_emission_kg_h - r.total_reaction_kg_h - r.total_advection_kg_h) / r.total_emission_kg_h;

    const double t_env = env.temperature_c, t_data = chemical.data_temperature_c;
    if (std::abs(t_env - t_data) > 1e-9 && !chemical.activation_energy_kj_mol) {
        r.notes.push_back(fmt::format("half-lives used as given at {:g} °C, not corrected to {:g} °C "
                                      "(no activation_energy_kj_mol)",
                                      t_data, t_env));
    }
    std::size_t defaults = 0;
    for (const ParameterProvenance& p : env.provenance) defaults += p.basis == "default";
    if (defaults > 0) {
        r.notes.push_back(fmt::format("{} of {} environment parameters are EQC standard defaults, not data for this "
                                      "environment ({} {})",
                                      defaults, env.provenance.size(), env.id, env.version));
    }
    return r;
}

}  // namespace npgov::fate
