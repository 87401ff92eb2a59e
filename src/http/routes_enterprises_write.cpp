// Writes to the enterprise registry over the API: create, edit (officers everything within their
// scope; enterprise users only their own enterprise's contact person and phone), bulk import
// (raw CSV/xlsx body, or the first file of a multipart form) and export as CSV or xlsx.
#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/auth/scope.hpp"
#include "modules/enterprise/enterprise_import.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

enterprise::EnterpriseImporter ImporterOf(Services& s) {
    return enterprise::EnterpriseImporter(s.db, s.enterprises, s.reference, s.audit, s.clock);
}

Result<std::optional<bool>> OptionalBool(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<bool>();
    if (!body[key].is_boolean()) {
        return MakeError(ErrorCode::kInvalidArgument, "http.field", std::string("字段 ") + key + " 须为 true 或 false",
                         std::string("field ") + key + " must be true or false", key);
    }
    return std::optional(body[key].get<bool>());
}

Result<std::optional<double>> OptionalNumber(const json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<double>();
    if (!body[key].is_number()) {
        return MakeError(ErrorCode::kInvalidArgument, "http.field", std::string("字段 ") + key + " 须为数字",
                         std::string("field ") + key + " must be a number", key);
    }
    return std::optional(body[key].get<double>());
}

Result<enterprise::EnterpriseChanges> ChangesFromBody(const json& body) {
    enterprise::EnterpriseChanges c;
    NPGOV_ASSIGN_OR_RETURN(c.name, OptionalString(body, "name"));
    NPGOV_ASSIGN_OR_RETURN(c.region_code, OptionalString(body, "region_code"));
    NPGOV_ASSIGN_OR_RETURN(c.industry_code, OptionalString(body, "industry_code"));
    NPGOV_ASSIGN_OR_RETURN(c.park, OptionalString(body, "park"));
    NPGOV_ASSIGN_OR_RETURN(c.address, OptionalString(body, "address"));
    NPGOV_ASSIGN_OR_RETURN(c.contact_name, OptionalString(body, "contact_name"));
    NPGOV_ASSIGN_OR_RETURN(c.contact_phone, OptionalString(body, "contact_phone"));
    if (body.contains("latitude") || body.contains("longitude")) {
        enterprise::Coordinates coordinates;
        NPGOV_ASSIGN_OR_RETURN(coordinates.latitude, OptionalNumber(body, "latitude"));
        NPGOV_ASSIGN_OR_RETURN(coordinates.longitude, OptionalNumber(body, "longitude"));
        c.coordinates = coordinates;
    }
    NPGOV_ASSIGN_OR_RETURN(c.on_roster, OptionalBool(body, "on_roster"));
    NPGOV_ASSIGN_OR_RETURN(c.key_discharge_unit, OptionalBool(body, "key_discharge_unit"));
    NPGOV_ASSIGN_OR_RETURN(c.soil_key_supervision, OptionalBool(body, "soil_key_supervision"));
    NPGOV_ASSIGN_OR_RETURN(c.mandatory_clean_production_audit, OptionalBool(body, "mandatory_clean_production_audit"));
    return c;
}

Result<enterprise::NewEnterprise> NewEnterpriseFromBody(const json& body) {
    enterprise::NewEnterprise e;
    NPGOV_ASSIGN_OR_RETURN(e.uscc, RequiredString(body, "uscc"));
    NPGOV_ASSIGN_OR_RETURN(e.name, RequiredString(body, "name"));
    NPGOV_ASSIGN_OR_RETURN(e.region_code, RequiredString(body, "region_code"));
    NPGOV_ASSIGN_OR_RETURN(e.industry_code, RequiredString(body, "industry_code"));
    NPGOV_ASSIGN_OR_RETURN(auto changes, ChangesFromBody(body));
    e.address = changes.address.value_or("");
    e.park = changes.park.value_or("");
    e.contact_name = changes.contact_name.value_or("");
    e.contact_phone = changes.contact_phone.value_or("");
    if (changes.coordinates) {
        e.latitude = changes.coordinates->latitude;
        e.longitude = changes.coordinates->longitude;
    }
    e.flags = {changes.on_roster.value_or(false), changes.key_discharge_unit.value_or(false),
               changes.soil_key_supervision.value_or(false), changes.mandatory_clean_production_audit.value_or(false)};
    return e;
}

// The uploaded file: the first file of a multipart form, else the raw body.
std::string UploadedBytes(const httplib::Request& request) {
    if (request.is_multipart_form_data() && !request.files.empty()) return request.files.begin()->second.content;
    return request.body;
}

bool Flag(const httplib::Request& request, const char* name) {
    const auto value = QueryParam(request, name);
    return value && (*value == "1" || *value == "true" || *value == "yes");
}

Result<Reply> EnterpriseReply(Services& services, const enterprise::Enterprise& e, int status) {
    NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
    NPGOV_ASSIGN_OR_RETURN(auto industries, services.reference.ListIndustries());
    return Reply{status, ToJson(e, regions, industries)};
}

json ImportJson(const enterprise::ImportReport& r) {
    json errors = json::array();
    for (const auto& e : r.errors) errors.push_back(ToJson(e)["error"]);
    return {{"rows", r.rows}, {"created", r.created}, {"updated", r.updated}, {"unchanged", r.unchanged},
            {"errors", errors}, {"errors_omitted", r.errors_omitted}, {"committed", r.committed}, {"format", r.format}};
}

}  // namespace

void RegisterEnterpriseWriteRoutes(httplib::Server& server, Services& services) {
    Route(server, "POST", "/api/v1/enterprises", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageEnterprises));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto input, NewEnterpriseFromBody(body));
        if (who.principal.region_code && input.region_code != *who.principal.region_code) {
            return MakeError(ErrorCode::kPermissionDenied, "enterprise.out_of_scope", "只能登记本区县的企业",
                             "you may register enterprises of your own county only", "region_code");
        }
        NPGOV_ASSIGN_OR_RETURN(auto created, services.enterprises.Create(input, who.principal.username));
        return EnterpriseReply(services, created, 201);
    });
    Route(server, "PATCH", R"(/api/v1/enterprises/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadEnterprises));
        enterprise::EditRights rights = enterprise::EditRights::kFull;
        if (!auth::Authorize(who.principal, auth::Permission::kManageEnterprises)) {
            NPGOV_RETURN_IF_ERROR(auth::Authorize(who.principal, auth::Permission::kEditOwnEnterprise));
            rights = enterprise::EditRights::kContactOnly;
        }
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto changes, ChangesFromBody(body));
        if (who.principal.region_code && changes.region_code && *changes.region_code != *who.principal.region_code) {
            return MakeError(ErrorCode::kPermissionDenied, "enterprise.out_of_scope", "不能把企业移出本区县",
                             "you may not move an enterprise out of your county", "region_code");
        }
        NPGOV_ASSIGN_OR_RETURN(auto updated, services.enterprises.Update(id, changes, rights,
                                                                         auth::EnterpriseScopeOf(who.principal),
                                                                         who.principal.username));
        return EnterpriseReply(services, updated, 200);
    });
    Route(server, "POST", "/api/v1/enterprises/import", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageEnterprises));
        if (who.principal.region_code) {
            return MakeError(ErrorCode::kPermissionDenied, "enterprise.import_city_only",
                             "批量导入企业名录须由市级人员操作", "bulk imports of the registry are for city-level staff");
        }
        enterprise::ImportOptions options;
        options.dry_run = Flag(request, "dry_run");
        if (auto mode = QueryParam(request, "mode"); mode && *mode == "upsert") options.mode = enterprise::ImportMode::kUpsert;
        NPGOV_ASSIGN_OR_RETURN(auto report, ImporterOf(services).Import(UploadedBytes(request), options,
                                                                        who.principal.username));
        if (report.errors.empty()) return Reply{200, ImportJson(report)};
        const std::string n = std::to_string(report.errors.size() + static_cast<std::size_t>(report.errors_omitted));
        json body = ToJson(MakeError(ErrorCode::kInvalidArgument, "import.rows", n + " 处错误，未导入任何数据",
                                     n + " error(s) found; nothing was imported").value());
        body["report"] = ImportJson(report);
        return Reply{400, std::move(body)};
    });
    FileRoute(server, "GET", "/api/v1/enterprises/export", [&services](const httplib::Request& request) -> Result<FileReply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadEnterprises));
        NPGOV_ASSIGN_OR_RETURN(auto format, enterprise::ParseExportFormat(QueryParam(request, "format").value_or("xlsx")));
        NPGOV_ASSIGN_OR_RETURN(auto bytes, ImporterOf(services).Export(auth::EnterpriseScopeOf(who.principal), format));
        if (format == enterprise::ExportFormat::kCsv) return FileReply{std::move(bytes), "text/csv; charset=utf-8", "企业名录.csv"};
        return FileReply{std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "企业名录.xlsx"};
    });
}

}  // namespace npgov::http
