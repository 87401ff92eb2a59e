// `npgov fate level3`: a chemical's properties and emissions (JSON) in, the Mackay Level III
// steady state of an environment (default data/fate/shuozhou_environment.json) out, as a table
// or JSON. No database. Bad input is exit 65 with the JSON path of the fault.
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "engines/fate/input_json.hpp"
#include "engines/fate/level3.hpp"

namespace npgov::cli {

namespace {

using nlohmann::json;

constexpr const char* kInputFormat = R"(Input file (JSON; docs/fate.md):
  {"chemical": {"name": "benzene", "cas": "71-43-2",
                "molar_mass_g_mol": 78.11, "water_solubility_g_m3": 1780,
                "vapour_pressure_pa": 12700, "log_kow": 2.13, "melting_point_c": 5.5,
                "half_lives_h": {"air": 17, "water": 170, "soil": 550, "sediment": 1700}},
   "emissions_kg_h": {"air": 1000, "water": 1000, "soil": 1000}}
Required: name, molar_mass_g_mol, water_solubility_g_m3 (of the solid if solid),
vapour_pressure_pa (of the solid if solid), log_kow, half_lives_h with all four media
(null = not degraded), emissions_kg_h (air/water/soil, kg/h = t/a / 8.76; at least one > 0).
Optional: cas, source, melting_point_c (solids: fugacity ratio), data_temperature_c
(default 25), henry_pa_m3_mol, log_koc (default Koc = 0.41 Kow), enthalpy_air_water_kj_mol,
enthalpy_octanol_water_kj_mol, activation_energy_kj_mol (temperature corrections).
Unknown keys are errors (exit 65).)";

struct FateLevel3Args {
    std::string input;
    std::optional<std::string> environment;  // default <data_dir>/fate/shuozhou_environment.json
    bool json = false;
};

// A JSON number, or null for an infinite persistence (no loss of that kind).
json Number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json CompartmentJson(const fate::CompartmentResult& c) {
    json out = {{"compartment", fate::ToString(c.compartment)},
                {"volume_m3", c.volume_m3},
                {"z_bulk_mol_m3_pa", c.z_bulk},
                {"fugacity_pa", c.fugacity_pa},
                {"concentration_mol_m3", c.concentration_mol_m3},
                {"concentration_g_m3", c.concentration_g_m3},
                {"pec", {{"value", c.pec}, {"unit", c.pec_unit}}},
                {"amount_mol", c.amount_mol},
                {"amount_kg", c.amount_kg},
                {"percent", c.percent},
                {"emission_kg_h", c.emission_kg_h},
                {"reaction_rate_constant_per_h", c.rate_constant_per_h},
                {"d_reaction_mol_pa_h", c.d_reaction},
                {"d_advection_mol_pa_h", c.d_advection},
                {"reaction_kg_h", c.reaction_kg_h},
                {"advection_kg_h", c.advection_kg_h}};
    switch (c.compartment) {
        case fate::Compartment::kAir:
            out["fraction_on_aerosol"] = c.fraction_in_aerosol;
            break;
        case fate::Compartment::kWater:
            out["dissolved_ng_l"] = c.dissolved_ng_l;
            out["suspended_particles_ug_kg"] = c.particles_ug_kg;
            out["fish_ug_kg_wet"] = c.fish_ug_kg;
            break;
        case fate::Compartment::kSoil:
        case fate::Compartment::kSediment:
            out["sorbed_ug_kg_solids"] = c.sorbed_ug_kg;
            break;
    }
    return out;
}

json ResultJson(const FateLevel3Args& args, const std::string& environment_path, const fate::Level3Input& input,
                const fate::Environment& env, const fate::Level3Result& r) {
    const fate::Chemical& c = input.chemical;
    json chemical = {{"name", c.name},
                     {"molar_mass_g_mol", c.molar_mass_g_mol},
                     {"water_solubility_g_m3", c.water_solubility_g_m3},
                     {"vapour_pressure_pa", c.vapour_pressure_pa},
                     {"log_kow", c.log_kow},
                     {"data_temperature_c", c.data_temperature_c}};
    if (!c.cas.empty()) chemical["cas"] = c.cas;
    if (!c.source.empty()) chemical["source"] = c.source;
    json parameters = json::array();
    for (const fate::ParameterProvenance& p : env.provenance) {
        json item = {{"name", p.name}, {"value", p.value}, {"basis", p.basis}, {"source", p.source}};
        if (!p.note.empty()) item["note"] = p.note;
        parameters.push_back(std::move(item));
    }
    json compartments = json::array();
    for (const fate::CompartmentResult& cr : r.compartments) compartments.push_back(CompartmentJson(cr));
    json transfers = json::array();
    for (const fate::TransferResult& t : r.transfers) {
        transfers.push_back({{"from", fate::ToString(t.from)}, {"to", fate::ToString(t.to)}, {"process", t.process},
                             {"d_mol_pa_h", t.d}, {"rate_kg_h", t.rate_kg_h}});
    }
    const fate::ZValues& z = r.z;
    const fate::PartitionCoefficients& k = r.k;
    return {
        {"method", {{"name", r.method}, {"version", r.version}, {"citation", r.citation}}},
        {"input", args.input},
        {"chemical", chemical},
        {"emissions_kg_h",
         {{"air", input.emissions.air_kg_h}, {"water", input.emissions.water_kg_h}, {"soil", input.emissions.soil_kg_h}}},
        {"environment",
         {{"file", environment_path},
          {"id", env.id},
          {"version", env.version},
          {"name_en", env.name_en},
          {"name_zh", env.name_zh},
          {"parameters", parameters}}},
        {"partitioning",
         {{"temperature_k", k.temperature_k},
          {"henry_pa_m3_mol", k.henry_pa_m3_mol},
          {"k_air_water", k.k_air_water},
          {"kow", k.kow},
          {"koc_l_kg", k.koc_l_kg},
          {"fugacity_ratio", k.fugacity_ratio},
          {"liquid_vapour_pressure_pa", k.liquid_vapour_pressure_pa},
          {"k_aerosol_air", k.k_aerosol_air},
          {"z_mol_m3_pa",
           {{"air", z.air},
            {"aerosol", z.aerosol},
            {"water", z.water},
            {"suspended_particles", z.suspended_particles},
            {"fish", z.fish},
            {"soil_solids", z.soil_solids},
            {"sediment_solids", z.sediment_solids}}}}},
        {"compartments", compartments},
        {"transfers", transfers},
        {"totals",
         {{"emission_kg_h", r.total_emission_kg_h},
          {"amount_kg", r.total_amount_kg},
          {"reaction_kg_h", r.total_reaction_kg_h},
          {"advection_kg_h", r.total_advection_kg_h},
          {"residence_time_h", r.residence_time_h},
          {"reaction_persistence_h", Number(r.reaction_persistence_h)},
          {"advection_persistence_h", Number(r.advection_persistence_h)},
          {"mass_balance_residual", r.mass_balance_residual}}},
        {"notes", r.notes},
    };
}

std::string G(double x) { return fmt::format("{:.4g}", x); }

void PrintText(const fate::Level3Input& input, const fate::Environment& env, const fate::Level3Result& r, std::ostream& out) {
    out << "Level III 逸度模型 / fugacity model [" << r.method << " v" << r.version << "]\n";
    out << "化学品 chemical: " << input.chemical.name << (input.chemical.cas.empty() ? "" : " (" + input.chemical.cas + ")")
        << "; 环境 environment: " << env.name_zh << " / " << env.name_en << " [" << env.id << " v" << env.version << "]\n";
    out << "H = " << G(r.k.henry_pa_m3_mol) << " Pa·m3/mol, Kaw = " << G(r.k.k_air_water) << ", Koc = " << G(r.k.koc_l_kg)
        << " L/kg, T = " << G(r.k.temperature_k) << " K\n\n";
    out << fmt::format("{:<9} {:>11} {:>11} {:>11} {:>7} {:>21} {:>11} {:>11}\n", "compart.", "f (Pa)", "C (g/m3)",
                       "amount kg", "%", "PEC", "react kg/h", "advec kg/h");
    for (const fate::CompartmentResult& c : r.compartments) {
        out << fmt::format("{:<9} {:>11.4g} {:>11.4g} {:>11.4g} {:>7.2f} {:>11.4g} {:<9} {:>11.4g} {:>11.4g}\n",
                           fate::ToString(c.compartment), c.fugacity_pa, c.concentration_g_m3, c.amount_kg, c.percent,
                           c.pec, c.pec_unit, c.reaction_kg_h, c.advection_kg_h);
    }
    out << "\n迁移 intermedia transfer (kg/h):";
    for (fate::Compartment from : fate::kCompartments) {
        for (fate::Compartment to : fate::kCompartments) {
            const double rate = r.transfer_kg_h[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
            if (from != to && rate > 0) out << " " << fate::ToString(from) << "→" << fate::ToString(to) << " " << G(rate) << ";";
        }
    }
    out << "\n总量 total amount " << G(r.total_amount_kg) << " kg; 停留时间 residence time " << G(r.residence_time_h)
        << " h (reaction " << G(r.reaction_persistence_h) << " h, advection " << G(r.advection_persistence_h)
        << " h); mass balance residual " << G(r.mass_balance_residual) << "\n";
    for (const std::string& note : r.notes) out << "注 note: " << note << "\n";
}

int RunFateLevel3(const FateLevel3Args& args, const config::Config& config, CliContext& context) {
    const std::string environment_path =
        args.environment.value_or((std::filesystem::path(config.data_dir) / "fate" / "shuozhou_environment.json").string());
    auto input_text = ReadInputFile(args.input);
    if (!input_text) {
        Error e = input_text.error();
        e.field = "input";
        return Fail(context, e, args.json);
    }
    auto input = fate::ParseLevel3Input(*input_text);
    if (!input) return Fail(context, input.error(), args.json);
    auto environment_text = ReadInputFile(environment_path);
    if (!environment_text) {
        Error e = environment_text.error();
        e.field = "environment";
        return Fail(context, e, args.json);
    }
    auto environment = fate::ParseEnvironment(*environment_text);
    if (!environment) {
        Error e = environment.error();
        e.message_en = environment_path + ": " + e.message_en;
        e.message_zh = environment_path + "：" + e.message_zh;
        return Fail(context, e, args.json);
    }
    auto result = fate::ComputeLevel3(*input, *environment);
    if (!result) return Fail(context, result.error(), args.json);
    if (args.json) {
        context.out << ResultJson(args, environment_path, *input, *environment, *result).dump(2) << "\n";
    } else {
        PrintText(*input, *environment, *result, context.out);
    }
    return kExitOk;
}

}  // namespace

void AddFateCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto* fate_cmd = app.add_subcommand("fate", "multimedia fate models (no database)");
    fate_cmd->require_subcommand(1);
    auto args = std::make_shared<FateLevel3Args>();
    auto* level3_cmd = fate_cmd->add_subcommand(
        "level3", "Mackay Level III fugacity model (EQC): fugacities, concentrations (PEC), amounts, percentages, "
                  "losses, intermedia transfers and residence times in air, water, soil and sediment");
    level3_cmd->add_option("--input", args->input, "JSON file with the chemical's properties and emissions")->required();
    level3_cmd->add_option("--environment", args->environment,
                           "environment file (default <data_dir>/fate/shuozhou_environment.json; "
                           "data/fate/eqc_environment.json is the EQC standard)");
    level3_cmd->add_flag("--json", args->json, "print JSON");
    level3_cmd->footer(kInputFormat);
    level3_cmd->callback([args, &action, &context] {
        action = [args, &context](const config::Config& c) { return RunFateLevel3(*args, c, context); };
    });
}

}  // namespace npgov::cli
