// Strict JSON parsing for the fate engine: every key known, every required key present, every
// number a number; errors carry the JSON path ("chemical.half_lives_h.air") in Error::field.
#include "engines/fate/input_json.hpp"

#include <initializer_list>
#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "engines/fate/level3.hpp"

namespace npgov::fate {

namespace {

using json = nlohmann::json;

Error JsonError(std::string reason, const std::string& path, const std::string& en, const std::string& zh) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(reason), path + "：" + zh, path + ": " + en, path).value();
}

std::string Join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

Status KnownKeys(const json& object, const std::string& path, const std::set<std::string>& allowed) {
    if (!object.is_object()) {
        return tl::unexpected(JsonError("fate.type", path.empty() ? "(document)" : path, "must be a JSON object", "须为 JSON 对象"));
    }
    for (const auto& item : object.items()) {
        if (allowed.count(item.key()) == 0) {
            return tl::unexpected(JsonError("fate.unknown_field", Join(path, item.key()),
                                            "unknown field \"" + item.key() + "\"", "未知字段“" + item.key() + "”"));
        }
    }
    return Ok();
}

Result<const json*> Require(const json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) {
        return tl::unexpected(JsonError("fate.missing_field", Join(path, key), "missing required field", "缺少必填字段"));
    }
    return &object.at(key);
}

Result<double> Number(const json& value, const std::string& path) {
    if (!value.is_number()) return tl::unexpected(JsonError("fate.type", path, "must be a number", "须为数值"));
    return value.get<double>();
}

Result<double> RequiredNumber(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Require(object, path, key));
    return Number(*value, Join(path, key));
}

Result<std::optional<double>> OptionalNumber(const json& object, const std::string& path, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) return std::optional<double>();
    NPGOV_ASSIGN_OR_RETURN(double value, Number(object.at(key), Join(path, key)));
    return std::optional<double>(value);
}

Result<std::string> String(const json& object, const std::string& path, const char* key, bool required) {
    if (!object.contains(key)) {
        if (!required) return std::string();
        return tl::unexpected(JsonError("fate.missing_field", Join(path, key), "missing required field", "缺少必填字段"));
    }
    const json& value = object.at(key);
    if (!value.is_string() || (required && value.get<std::string>().empty())) {
        return tl::unexpected(JsonError("fate.type", Join(path, key), "must be a non-empty string", "须为非空字符串"));
    }
    return value.get<std::string>();
}

Result<json> ParseText(std::string_view text) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        return tl::unexpected(MakeError(ErrorCode::kInvalidArgument, "fate.json",
                                        std::string("不是有效的 JSON：") + e.what(),
                                        std::string("not valid JSON: ") + e.what())
                                  .value());
    }
}

using Field = double Environment::*;
const std::pair<const char*, Field> kEnvironmentFields[] = {
    {"total_area_m2", &Environment::total_area_m2},
    {"water_area_fraction", &Environment::water_area_fraction},
    {"air_height_m", &Environment::air_height_m},
    {"water_depth_m", &Environment::water_depth_m},
    {"soil_depth_m", &Environment::soil_depth_m},
    {"sediment_depth_m", &Environment::sediment_depth_m},
    {"temperature_c", &Environment::temperature_c},
    {"aerosol_volume_fraction", &Environment::aerosol_volume_fraction},
    {"air_residence_time_h", &Environment::air_residence_time_h},
    {"suspended_particles_volume_fraction", &Environment::suspended_particles_volume_fraction},
    {"suspended_particles_density_kg_m3", &Environment::suspended_particles_density_kg_m3},
    {"suspended_particles_organic_carbon_fraction", &Environment::suspended_particles_organic_carbon_fraction},
    {"fish_volume_fraction", &Environment::fish_volume_fraction},
    {"fish_density_kg_m3", &Environment::fish_density_kg_m3},
    {"fish_lipid_fraction", &Environment::fish_lipid_fraction},
    {"water_residence_time_h", &Environment::water_residence_time_h},
    {"soil_air_volume_fraction", &Environment::soil_air_volume_fraction},
    {"soil_water_volume_fraction", &Environment::soil_water_volume_fraction},
    {"soil_solids_density_kg_m3", &Environment::soil_solids_density_kg_m3},
    {"soil_organic_carbon_fraction", &Environment::soil_organic_carbon_fraction},
    {"sediment_porosity", &Environment::sediment_porosity},
    {"sediment_solids_density_kg_m3", &Environment::sediment_solids_density_kg_m3},
    {"sediment_organic_carbon_fraction", &Environment::sediment_organic_carbon_fraction},
    {"air_side_mtc_m_h", &Environment::air_side_mtc_m_h},
    {"water_side_mtc_m_h", &Environment::water_side_mtc_m_h},
    {"rain_rate_m_h", &Environment::rain_rate_m_h},
    {"scavenging_ratio", &Environment::scavenging_ratio},
    {"aerosol_dry_deposition_velocity_m_h", &Environment::aerosol_dry_deposition_velocity_m_h},
    {"soil_air_diffusion_mtc_m_h", &Environment::soil_air_diffusion_mtc_m_h},
    {"soil_water_diffusion_mtc_m_h", &Environment::soil_water_diffusion_mtc_m_h},
    {"soil_air_boundary_layer_mtc_m_h", &Environment::soil_air_boundary_layer_mtc_m_h},
    {"soil_water_runoff_m_h", &Environment::soil_water_runoff_m_h},
    {"soil_solids_runoff_m_h", &Environment::soil_solids_runoff_m_h},
    {"sediment_water_mtc_m_h", &Environment::sediment_water_mtc_m_h},
    {"sediment_deposition_m_h", &Environment::sediment_deposition_m_h},
    {"sediment_resuspension_m_h", &Environment::sediment_resuspension_m_h},
    {"sediment_burial_m_h", &Environment::sediment_burial_m_h},
};

}  // namespace

Result<Environment> ParseEnvironment(std::string_view json_text) {
    NPGOV_ASSIGN_OR_RETURN(const json document, ParseText(json_text));
    NPGOV_RETURN_IF_ERROR(
        KnownKeys(document, "", {"format", "id", "version", "name_en", "name_zh", "about", "parameters"}));
    NPGOV_ASSIGN_OR_RETURN(const std::string format, String(document, "", "format", true));
    if (format != "npgov.fate.environment") {
        return tl::unexpected(JsonError("fate.type", "format", "must be \"npgov.fate.environment\"",
                                        "须为“npgov.fate.environment”"));
    }
    Environment e;
    NPGOV_ASSIGN_OR_RETURN(e.id, String(document, "", "id", true));
    NPGOV_ASSIGN_OR_RETURN(e.version, String(document, "", "version", true));
    NPGOV_ASSIGN_OR_RETURN(e.name_en, String(document, "", "name_en", true));
    NPGOV_ASSIGN_OR_RETURN(e.name_zh, String(document, "", "name_zh", true));
    NPGOV_RETURN_IF_ERROR(String(document, "", "about", false));
    NPGOV_ASSIGN_OR_RETURN(const json* parameters, Require(document, "", "parameters"));
    std::set<std::string> names;
    for (const auto& [name, field] : kEnvironmentFields) names.insert(name);
    NPGOV_RETURN_IF_ERROR(KnownKeys(*parameters, "parameters", names));
    // Provenance in the order of kEnvironmentFields (nlohmann's objects do not keep file order).
    for (const auto& [name, field] : kEnvironmentFields) {
        const std::string path = Join("parameters", name);
        NPGOV_ASSIGN_OR_RETURN(const json* entry, Require(*parameters, "parameters", name));
        NPGOV_RETURN_IF_ERROR(KnownKeys(*entry, path, {"value", "basis", "source", "note"}));
        ParameterProvenance p;
        p.name = name;
        NPGOV_ASSIGN_OR_RETURN(p.value, RequiredNumber(*entry, path, "value"));
        NPGOV_ASSIGN_OR_RETURN(p.basis, String(*entry, path, "basis", true));
        if (p.basis != "published" && p.basis != "derived" && p.basis != "default") {
            return tl::unexpected(JsonError("fate.type", Join(path, "basis"), "must be published, derived or default",
                                            "须为 published、derived 或 default"));
        }
        NPGOV_ASSIGN_OR_RETURN(p.source, String(*entry, path, "source", true));
        NPGOV_ASSIGN_OR_RETURN(p.note, String(*entry, path, "note", false));
        e.*field = p.value;
        e.provenance.push_back(std::move(p));
    }
    NPGOV_RETURN_IF_ERROR(ValidateEnvironment(e));
    return e;
}

Result<Level3Input> ParseLevel3Input(std::string_view json_text) {
    NPGOV_ASSIGN_OR_RETURN(const json document, ParseText(json_text));
    NPGOV_RETURN_IF_ERROR(KnownKeys(document, "", {"chemical", "emissions_kg_h"}));
    Level3Input input;
    NPGOV_ASSIGN_OR_RETURN(const json* chemical, Require(document, "", "chemical"));
    const std::string c = "chemical";
    NPGOV_RETURN_IF_ERROR(KnownKeys(
        *chemical, c,
        {"name", "cas", "source", "molar_mass_g_mol", "water_solubility_g_m3", "vapour_pressure_pa", "log_kow",
         "melting_point_c", "data_temperature_c", "henry_pa_m3_mol", "log_koc", "enthalpy_air_water_kj_mol",
         "enthalpy_octanol_water_kj_mol", "activation_energy_kj_mol", "half_lives_h"}));
    Chemical& chem = input.chemical;
    NPGOV_ASSIGN_OR_RETURN(chem.name, String(*chemical, c, "name", true));
    NPGOV_ASSIGN_OR_RETURN(chem.cas, String(*chemical, c, "cas", false));
    NPGOV_ASSIGN_OR_RETURN(chem.source, String(*chemical, c, "source", false));
    NPGOV_ASSIGN_OR_RETURN(chem.molar_mass_g_mol, RequiredNumber(*chemical, c, "molar_mass_g_mol"));
    NPGOV_ASSIGN_OR_RETURN(chem.water_solubility_g_m3, RequiredNumber(*chemical, c, "water_solubility_g_m3"));
    NPGOV_ASSIGN_OR_RETURN(chem.vapour_pressure_pa, RequiredNumber(*chemical, c, "vapour_pressure_pa"));
    NPGOV_ASSIGN_OR_RETURN(chem.log_kow, RequiredNumber(*chemical, c, "log_kow"));
    NPGOV_ASSIGN_OR_RETURN(chem.melting_point_c, OptionalNumber(*chemical, c, "melting_point_c"));
    NPGOV_ASSIGN_OR_RETURN(auto data_temperature, OptionalNumber(*chemical, c, "data_temperature_c"));
    chem.data_temperature_c = data_temperature.value_or(25.0);
    NPGOV_ASSIGN_OR_RETURN(chem.henry_pa_m3_mol, OptionalNumber(*chemical, c, "henry_pa_m3_mol"));
    NPGOV_ASSIGN_OR_RETURN(chem.log_koc, OptionalNumber(*chemical, c, "log_koc"));
    NPGOV_ASSIGN_OR_RETURN(chem.enthalpy_air_water_kj_mol, OptionalNumber(*chemical, c, "enthalpy_air_water_kj_mol"));
    NPGOV_ASSIGN_OR_RETURN(chem.enthalpy_octanol_water_kj_mol,
                           OptionalNumber(*chemical, c, "enthalpy_octanol_water_kj_mol"));
    NPGOV_ASSIGN_OR_RETURN(chem.activation_energy_kj_mol, OptionalNumber(*chemical, c, "activation_energy_kj_mol"));
    NPGOV_ASSIGN_OR_RETURN(const json* half_lives, Require(*chemical, c, "half_lives_h"));
    const std::string h = "chemical.half_lives_h";
    NPGOV_RETURN_IF_ERROR(KnownKeys(*half_lives, h, {"air", "water", "soil", "sediment"}));
    // Every medium must be named: null says "not degraded" on purpose, absence is an error.
    for (const char* key : {"air", "water", "soil", "sediment"}) NPGOV_RETURN_IF_ERROR(Require(*half_lives, h, key));
    NPGOV_ASSIGN_OR_RETURN(chem.half_lives.air_h, OptionalNumber(*half_lives, h, "air"));
    NPGOV_ASSIGN_OR_RETURN(chem.half_lives.water_h, OptionalNumber(*half_lives, h, "water"));
    NPGOV_ASSIGN_OR_RETURN(chem.half_lives.soil_h, OptionalNumber(*half_lives, h, "soil"));
    NPGOV_ASSIGN_OR_RETURN(chem.half_lives.sediment_h, OptionalNumber(*half_lives, h, "sediment"));

    NPGOV_ASSIGN_OR_RETURN(const json* emissions, Require(document, "", "emissions_kg_h"));
    const std::string em = "emissions_kg_h";
    NPGOV_RETURN_IF_ERROR(KnownKeys(*emissions, em, {"air", "water", "soil"}));
    for (auto [key, target] : {std::pair{"air", &input.emissions.air_kg_h}, {"water", &input.emissions.water_kg_h},
                               {"soil", &input.emissions.soil_kg_h}}) {
        if (emissions->contains(key)) {
            NPGOV_ASSIGN_OR_RETURN(*target, Number(emissions->at(key), Join(em, key)));
        }
    }
    NPGOV_RETURN_IF_ERROR(ValidateLevel3Input(input));
    return input;
}

}  // namespace npgov::fate
