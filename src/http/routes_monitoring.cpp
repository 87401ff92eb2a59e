// Monitoring routes: sites, results, censored-data summaries, time series and lab file imports.
// Reads need kReadMonitoring and see the caller's county only; writes need kManageMonitoring.
#include <charconv>
#include <cmath>

#include "core/cas_number.hpp"
#include "core/date.hpp"
#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/monitoring/monitoring_json.hpp"
#include "json/error_json.hpp"

namespace npgov::http {
namespace {

Error ParamError(const char* name, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "http.query", "查询参数 " + std::string(name) + " " + zh,
                     "query parameter " + std::string(name) + " " + en, name)
        .value();
}

// Re-labels a value type's error with the query parameter it came from.
Error InParam(Error e, const char* name) {
    e.field = name;
    return e;
}

Result<std::optional<std::int64_t>> IdParam(const httplib::Request& request, const char* name) {
    auto text = QueryParam(request, name);
    if (!text) return std::optional<std::int64_t>();
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value <= 0) {
        return tl::unexpected(ParamError(name, "须为正整数", "must be a positive integer"));
    }
    return std::optional(value);
}

Result<std::optional<double>> NumberParam(const httplib::Request& request, const char* name) {
    auto text = QueryParam(request, name);
    if (!text) return std::optional<double>();
    double value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
        return tl::unexpected(ParamError(name, "须为数字", "must be a number"));
    }
    return std::optional(value);
}

Result<std::optional<std::string>> CasParam(const httplib::Request& request, const char* name) {
    auto text = QueryParam(request, name);
    if (!text) return std::optional<std::string>();
    auto cas = CasNumber::Parse(*text);
    if (!cas) return tl::unexpected(InParam(cas.error(), name));
    return std::optional(cas->text());
}

// cas, medium, from, to.
Result<monitoring::ResultFilter> ParseFilter(const httplib::Request& request) {
    monitoring::ResultFilter filter;
    NPGOV_ASSIGN_OR_RETURN(filter.cas, CasParam(request, "cas"));
    if (auto text = QueryParam(request, "medium")) {
        auto medium = monitoring::ParseMedium(*text);
        if (!medium) return tl::unexpected(InParam(medium.error(), "medium"));
        filter.medium = *medium;
    }
    for (auto [name, target] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
        if (auto text = QueryParam(request, name)) {
            auto date = Date::Parse(*text);
            if (!date) return tl::unexpected(InParam(date.error(), name));
            *target = *date;
        }
    }
    return filter;
}

Result<std::optional<double>> OptionalNumber(const nlohmann::json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<double>();
    if (!body[key].is_number()) {
        return MakeError(ErrorCode::kInvalidArgument, "http.field", "字段 " + std::string(key) + " 须为数字",
                         "field " + std::string(key) + " must be a number", key);
    }
    return std::optional(body[key].get<double>());
}

Result<monitoring::NewSite> ParseNewSite(const nlohmann::json& body) {
    monitoring::NewSite site;
    NPGOV_ASSIGN_OR_RETURN(site.code, RequiredString(body, "code"));
    NPGOV_ASSIGN_OR_RETURN(site.name, RequiredString(body, "name"));
    NPGOV_ASSIGN_OR_RETURN(auto type, RequiredString(body, "site_type"));
    NPGOV_ASSIGN_OR_RETURN(site.type, monitoring::ParseSiteType(type));
    NPGOV_ASSIGN_OR_RETURN(site.region_code, RequiredString(body, "region_code"));
    NPGOV_ASSIGN_OR_RETURN(auto water_body, OptionalString(body, "water_body"));
    site.water_body = water_body.value_or("");
    NPGOV_ASSIGN_OR_RETURN(site.latitude, OptionalNumber(body, "latitude"));
    NPGOV_ASSIGN_OR_RETURN(site.longitude, OptionalNumber(body, "longitude"));
    return site;
}

// A report with row errors: 400 with the first error's gist, and every error listed.
Reply RejectedImport(const monitoring::ImportReport& report) {
    const std::int64_t count = static_cast<std::int64_t>(report.errors.size()) + report.errors_omitted;
    Error summary = MakeError(ErrorCode::kInvalidArgument, "monitoring.import_rejected",
                              "文件有 " + std::to_string(count) + " 处错误，未导入任何数据；请改正后重新上传",
                              "the file has " + std::to_string(count) +
                                  " problem(s); nothing was imported. Correct them and upload again")
                        .value();
    nlohmann::json body = monitoring::ToJson(report);
    body["error"] = ErrorJson(summary);
    return Reply{400, body};
}

}  // namespace

void RegisterMonitoringRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/monitoring/sites", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadMonitoring));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        monitoring::SiteQuery query;
        if (auto type = QueryParam(request, "type")) {
            auto parsed = monitoring::ParseSiteType(*type);
            if (!parsed) return tl::unexpected(InParam(parsed.error(), "type"));
            query.type = *parsed;
        }
        query.region_code = QueryParam(request, "region_code");
        query.text = QueryParam(request, "q");
        NPGOV_ASSIGN_OR_RETURN(auto list, services.monitoring.sites.List(query, monitoring::SiteScopeOf(who.principal), page));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        return Reply{200, ToJson(list, [&](const monitoring::Site& s) { return monitoring::ToJson(s, regions); })};
    });
    Route(server, "POST", "/api/v1/monitoring/sites", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageMonitoring));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto input, ParseNewSite(body));
        NPGOV_ASSIGN_OR_RETURN(auto site, services.monitoring.sites.Create(input, monitoring::SiteScopeOf(who.principal),
                                                                           who.principal.username));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        return Reply{201, monitoring::ToJson(site, regions)};
    });
    Route(server, "GET", R"(/api/v1/monitoring/sites/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadMonitoring));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto site, services.monitoring.sites.Find(id, monitoring::SiteScopeOf(who.principal)));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        return Reply{200, monitoring::ToJson(site, regions)};
    });
    Route(server, "GET", R"(/api/v1/monitoring/sites/(\d+)/results)",
          [&services](const httplib::Request& request) -> Result<Reply> {
              NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadMonitoring));
              NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
              NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
              NPGOV_ASSIGN_OR_RETURN(auto filter, ParseFilter(request));
              NPGOV_ASSIGN_OR_RETURN(auto list, services.monitoring.results.ListResults(
                                                    id, filter, monitoring::SiteScopeOf(who.principal), page));
              return Reply{200, ToJson(list, [](const monitoring::StoredResult& r) { return monitoring::ToJson(r); })};
          });
    Route(server, "GET", "/api/v1/monitoring/summary", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadMonitoring));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        monitoring::SummaryQuery query;
        NPGOV_ASSIGN_OR_RETURN(query.filter, ParseFilter(request));
        NPGOV_ASSIGN_OR_RETURN(query.site_id, IdParam(request, "site_id"));
        if (auto group_by = QueryParam(request, "group_by")) {
            if (*group_by == "site") {
                query.group_by = monitoring::GroupBy::kSite;
            } else if (*group_by == "substance") {
                query.group_by = monitoring::GroupBy::kSubstance;
            } else {
                return tl::unexpected(ParamError("group_by", "须为 site 或 substance", "must be site or substance"));
            }
        }
        NPGOV_ASSIGN_OR_RETURN(auto threshold, NumberParam(request, "threshold"));
        const auto threshold_unit = QueryParam(request, "threshold_unit");
        if (threshold.has_value() != threshold_unit.has_value()) {
            return tl::unexpected(ParamError(threshold ? "threshold_unit" : "threshold", "须与 threshold/threshold_unit 同时给出",
                                             "must be given together with threshold/threshold_unit"));
        }
        if (threshold) {
            auto unit = monitoring::ParseConcentrationUnit(*threshold_unit);
            if (!unit) return tl::unexpected(InParam(unit.error(), "threshold_unit"));
            query.threshold = monitoring::Threshold{*threshold, *unit};
        }
        NPGOV_ASSIGN_OR_RETURN(auto list,
                               services.monitoring.results.Summarize(query, monitoring::SiteScopeOf(who.principal), page));
        return Reply{200, ToJson(list, [](const monitoring::GroupSummary& g) { return monitoring::ToJson(g); })};
    });
    Route(server, "GET", "/api/v1/monitoring/series", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadMonitoring));
        NPGOV_ASSIGN_OR_RETURN(auto site_id, IdParam(request, "site_id"));
        NPGOV_ASSIGN_OR_RETURN(auto filter, ParseFilter(request));
        if (!site_id) return tl::unexpected(ParamError("site_id", "必须填写", "is required"));
        if (!filter.cas) return tl::unexpected(ParamError("cas", "必须填写", "is required"));
        const auto scope = monitoring::SiteScopeOf(who.principal);
        NPGOV_ASSIGN_OR_RETURN(auto series, services.monitoring.results.LoadSeries(*site_id, *filter.cas, filter, scope));
        NPGOV_ASSIGN_OR_RETURN(auto site, services.monitoring.sites.Find(*site_id, scope));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& s : series) items.push_back(monitoring::ToJson(s));
        return Reply{200, {{"site", monitoring::ToJson(site, regions)}, {"items", items}}};
    });
    Route(server, "POST", "/api/v1/monitoring/imports", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageMonitoring));
        monitoring::ImportRequest input;
        input.bytes = request.body;
        input.file_name = QueryParam(request, "file_name").value_or("");
        input.laboratory = QueryParam(request, "lab").value_or("");
        const auto dry_run = QueryParam(request, "dry_run");
        if (dry_run && *dry_run != "true" && *dry_run != "false" && *dry_run != "1" && *dry_run != "0") {
            return tl::unexpected(ParamError("dry_run", "须为 true 或 false", "must be true or false"));
        }
        input.mode = dry_run && (*dry_run == "true" || *dry_run == "1") ? monitoring::ImportMode::kDryRun
                                                                         : monitoring::ImportMode::kCommit;
        NPGOV_ASSIGN_OR_RETURN(auto report, services.monitoring.imports.Import(
                                                input, monitoring::SiteScopeOf(who.principal), who.principal.username));
        if (!report.errors.empty()) return RejectedImport(report);
        return Reply{report.committed ? 201 : 200, monitoring::ToJson(report)};
    });
}

}  // namespace npgov::http
