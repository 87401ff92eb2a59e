// Hazard data routes: a substance's hazard profile (every role that reads substances), the
// import of a hazard data file and the entry of single properties, ecotoxicity endpoints and
// classifications from the web app (kEditHazard: admin, officer, analyst).
#include <cmath>

#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "json/error_json.hpp"
#include "modules/hazard/hazard_json.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

struct Hazard {
    hazard::HazardData& data;
    substance::SubstanceRegistry& substances;
};

// The modules this file serves; wired by Application (a null one is a wiring bug).
Hazard HazardOf(Services& s) {
    NPGOV_CHECK(s.hazard && s.substances);
    return {*s.hazard, *s.substances};
}

Error FieldError(const char* key, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "http.field", "字段 " + std::string(key) + " " + zh,
                     "field " + std::string(key) + " " + en, key)
        .value();
}

Result<std::optional<double>> OptionalNumber(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<double>();
    if (!body[key].is_number() || !std::isfinite(body[key].get<double>())) {
        return tl::unexpected(FieldError(key, "须为数字", "must be a number"));
    }
    return std::optional(body[key].get<double>());
}

Result<double> RequiredNumber(const json& body, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(auto value, OptionalNumber(body, key));
    if (!value) return tl::unexpected(FieldError(key, "必须填写", "is required"));
    return *value;
}

Result<std::optional<int>> OptionalSmallInt(const json& body, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(auto value, OptionalInt(body, key));
    if (!value) return std::optional<int>();
    if (*value < -100000 || *value > 100000) return tl::unexpected(FieldError(key, "超出范围", "is out of range"));
    return std::optional<int>(static_cast<int>(*value));
}

std::string Text(const std::optional<std::string>& v) { return v.value_or(""); }

// Parses a required vocabulary field with `parse`, naming the field in the error.
template <typename Parse>
auto ParseField(const json& body, const char* key, Parse parse) -> Result<typename decltype(parse(""))::value_type> {
    NPGOV_ASSIGN_OR_RETURN(auto text, RequiredString(body, key));
    auto parsed = parse(text);
    if (!parsed) {
        Error e = parsed.error();
        e.field = key;
        return tl::unexpected(e);
    }
    return *parsed;
}

template <typename Parse>
auto OptionalField(const json& body, const char* key, Parse parse)
    -> Result<std::optional<typename decltype(parse(""))::value_type>> {
    NPGOV_ASSIGN_OR_RETURN(auto text, OptionalString(body, key));
    using T = typename decltype(parse(""))::value_type;
    if (!text || text->empty()) return std::optional<T>();
    auto parsed = parse(*text);
    if (!parsed) {
        Error e = parsed.error();
        e.field = key;
        return tl::unexpected(e);
    }
    return std::optional<T>(*parsed);
}

// {property, qualifier?, value, unit?, temperature_c?, provenance, reliability?, source?,
//  source_year?, method?, method_version?, inputs?, notes?}
Result<hazard::NewPropertyValue> ParseProperty(const json& body) {
    hazard::NewPropertyValue p;
    NPGOV_ASSIGN_OR_RETURN(p.property, ParseField(body, "property", hazard::ParseProperty));
    NPGOV_ASSIGN_OR_RETURN(auto qualifier, OptionalField(body, "qualifier", hazard::ParseQualifier));
    p.qualifier = qualifier.value_or(hazard::Qualifier::kEqual);
    NPGOV_ASSIGN_OR_RETURN(p.value, RequiredNumber(body, "value"));
    NPGOV_ASSIGN_OR_RETURN(auto unit, OptionalString(body, "unit"));
    p.unit = Text(unit);
    NPGOV_ASSIGN_OR_RETURN(p.temperature_c, OptionalNumber(body, "temperature_c"));
    NPGOV_ASSIGN_OR_RETURN(p.provenance, ParseField(body, "provenance", hazard::ParseProvenance));
    NPGOV_ASSIGN_OR_RETURN(p.reliability, OptionalSmallInt(body, "reliability"));
    NPGOV_ASSIGN_OR_RETURN(auto source, OptionalString(body, "source"));
    p.source = Text(source);
    NPGOV_ASSIGN_OR_RETURN(p.source_year, OptionalSmallInt(body, "source_year"));
    for (auto [key, target] : {std::pair{"method", &p.method}, {"method_version", &p.method_version},
                               {"inputs", &p.inputs}, {"notes", &p.notes}}) {
        NPGOV_ASSIGN_OR_RETURN(auto text, OptionalString(body, key));
        *target = Text(text);
    }
    return p;
}

// {species, taxon_group, trophic_level?, compartment?, endpoint, effect?, exposure, duration,
//  duration_unit, qualifier?, value, unit, reliability, source, source_year?, guideline?, notes?}
Result<hazard::NewEcotox> ParseEcotox(const json& body) {
    hazard::NewEcotox e;
    NPGOV_ASSIGN_OR_RETURN(e.species, RequiredString(body, "species"));
    NPGOV_ASSIGN_OR_RETURN(e.taxon_group, ParseField(body, "taxon_group", hazard::ParseTaxonGroup));
    NPGOV_ASSIGN_OR_RETURN(e.trophic_level, OptionalField(body, "trophic_level", hazard::ParseTrophicLevel));
    NPGOV_ASSIGN_OR_RETURN(e.compartment, OptionalField(body, "compartment", hazard::ParseCompartment));
    NPGOV_ASSIGN_OR_RETURN(e.endpoint, ParseField(body, "endpoint", hazard::ParseEndpoint));
    NPGOV_ASSIGN_OR_RETURN(e.exposure, ParseField(body, "exposure", hazard::ParseExposure));
    NPGOV_ASSIGN_OR_RETURN(e.duration, RequiredNumber(body, "duration"));
    NPGOV_ASSIGN_OR_RETURN(e.duration_unit, RequiredString(body, "duration_unit"));
    NPGOV_ASSIGN_OR_RETURN(auto qualifier, OptionalField(body, "qualifier", hazard::ParseQualifier));
    e.qualifier = qualifier.value_or(hazard::Qualifier::kEqual);
    NPGOV_ASSIGN_OR_RETURN(e.value, RequiredNumber(body, "value"));
    NPGOV_ASSIGN_OR_RETURN(e.unit, RequiredString(body, "unit"));
    NPGOV_ASSIGN_OR_RETURN(auto reliability, OptionalSmallInt(body, "reliability"));
    if (!reliability) return tl::unexpected(FieldError("reliability", "必须填写（Klimisch 1–4）", "is required (Klimisch 1–4)"));
    e.reliability = *reliability;
    NPGOV_ASSIGN_OR_RETURN(e.source, RequiredString(body, "source"));
    NPGOV_ASSIGN_OR_RETURN(e.source_year, OptionalSmallInt(body, "source_year"));
    for (auto [key, target] : {std::pair{"effect", &e.effect}, {"guideline", &e.guideline}, {"notes", &e.notes}}) {
        NPGOV_ASSIGN_OR_RETURN(auto text, OptionalString(body, key));
        *target = Text(text);
    }
    return e;
}

// {classification, category, source, source_year?, notes?}
Result<hazard::NewClassification> ParseClassification(const json& body) {
    hazard::NewClassification c;
    NPGOV_ASSIGN_OR_RETURN(c.kind, ParseField(body, "classification", hazard::ParseClassificationKind));
    NPGOV_ASSIGN_OR_RETURN(c.category, RequiredString(body, "category"));
    NPGOV_ASSIGN_OR_RETURN(c.source, RequiredString(body, "source"));
    NPGOV_ASSIGN_OR_RETURN(c.source_year, OptionalSmallInt(body, "source_year"));
    NPGOV_ASSIGN_OR_RETURN(auto notes, OptionalString(body, "notes"));
    c.notes = Text(notes);
    return c;
}

// A report with row errors: 400 with a summary error, and every error in the report.
Reply RejectedImport(const hazard::ImportReport& report) {
    const std::int64_t count = static_cast<std::int64_t>(report.errors.size()) + report.errors_omitted;
    Error summary = MakeError(ErrorCode::kInvalidArgument, "hazard.import_rejected",
                              "文件有 " + std::to_string(count) + " 处错误，未导入任何数据；请改正后重新上传",
                              "the file has " + std::to_string(count) +
                                  " problem(s); nothing was imported. Correct them and upload again")
                        .value();
    json body = hazard::ToJson(report);
    body["error"] = ErrorJson(summary);
    return Reply{400, body};
}

}  // namespace

void RegisterHazardRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", R"(/api/v1/substances/(\d+)/hazard)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        Hazard h = HazardOf(services);
        NPGOV_ASSIGN_OR_RETURN(auto substance, h.substances.Find(id));
        NPGOV_ASSIGN_OR_RETURN(auto profile, h.data.LoadProfile(substance));
        return Reply{200, hazard::ToJson(profile, substance)};
    });
    Route(server, "POST", "/api/v1/hazard/import", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditHazard));
        hazard::ImportRequest input;
        input.bytes = request.body;
        input.file_name = QueryParam(request, "file_name").value_or("");
        const auto dry_run = QueryParam(request, "dry_run");
        if (dry_run && *dry_run != "true" && *dry_run != "false" && *dry_run != "1" && *dry_run != "0") {
            return MakeError(ErrorCode::kInvalidArgument, "http.query", "查询参数 dry_run 须为 true 或 false",
                             "query parameter dry_run must be true or false", "dry_run");
        }
        input.mode = dry_run && (*dry_run == "true" || *dry_run == "1") ? hazard::ImportMode::kDryRun
                                                                         : hazard::ImportMode::kCommit;
        NPGOV_ASSIGN_OR_RETURN(auto report, HazardOf(services).data.Import(input, who.principal.username));
        if (!report.errors.empty()) return RejectedImport(report);
        return Reply{report.committed ? 201 : 200, hazard::ToJson(report)};
    });
    Route(server, "POST", R"(/api/v1/substances/(\d+)/hazard/properties)",
          [&services](const httplib::Request& request) -> Result<Reply> {
              NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditHazard));
              NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
              NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
              NPGOV_ASSIGN_OR_RETURN(auto input, ParseProperty(body));
              NPGOV_ASSIGN_OR_RETURN(auto stored, HazardOf(services).data.AddProperty(id, input, who.principal.username));
              return Reply{201, hazard::ToJson(stored)};
          });
    Route(server, "POST", R"(/api/v1/substances/(\d+)/hazard/ecotox)",
          [&services](const httplib::Request& request) -> Result<Reply> {
              NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditHazard));
              NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
              NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
              NPGOV_ASSIGN_OR_RETURN(auto input, ParseEcotox(body));
              NPGOV_ASSIGN_OR_RETURN(auto stored, HazardOf(services).data.AddEcotox(id, input, who.principal.username));
              return Reply{201, hazard::ToJson(stored)};
          });
    Route(server, "POST", R"(/api/v1/substances/(\d+)/hazard/classifications)",
          [&services](const httplib::Request& request) -> Result<Reply> {
              NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditHazard));
              NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
              NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
              NPGOV_ASSIGN_OR_RETURN(auto input, ParseClassification(body));
              NPGOV_ASSIGN_OR_RETURN(auto stored,
                                     HazardOf(services).data.AddClassification(id, input, who.principal.username));
              return Reply{201, hazard::ToJson(stored)};
          });
}

}  // namespace npgov::http
