// Screening and risk assessment routes (modules/assessment): screening runs with their ranked
// rows and evidence, and per-substance assessments with the review workflow. Reads need
// kReadAssessment; runs and drafts kRunAssessment; review and publication kReviewAssessment
// (the module also refuses the assessor as reviewer or publisher).
#include <charconv>
#include <cmath>

#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/assessment/assessment_json.hpp"
#include "modules/assessment/screening_json.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

Error Unwired() {
    return MakeError(ErrorCode::kUnavailable, "assessment.unavailable", "评估模块未启用", "the assessment module is not enabled")
        .value();
}

Result<assessment::Assessment*> ModuleOf(Services& services) {
    if (!services.assessment) return tl::unexpected(Unwired());
    return services.assessment;
}

Error ParamError(const char* name, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "http.query", "查询参数 " + std::string(name) + " " + zh,
                     "query parameter " + std::string(name) + " " + en, name)
        .value();
}

Result<assessment::RowFilter> ParseRowFilter(const httplib::Request& request) {
    assessment::RowFilter filter;
    filter.category = QueryParam(request, "category");
    filter.dimension = QueryParam(request, "dimension");
    filter.gap = QueryParam(request, "gap");
    filter.list = QueryParam(request, "list");
    filter.text = QueryParam(request, "q");
    if (auto text = QueryParam(request, "min_score")) {
        double value = 0;
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (ec != std::errc() || end != text->data() + text->size() || !std::isfinite(value) || value < 0 || value > 1) {
            return tl::unexpected(ParamError("min_score", "须为 0 到 1 之间的数", "must be a number from 0 to 1"));
        }
        filter.min_score = value;
    }
    return filter;
}

Result<std::string> Comment(const json& body) {
    NPGOV_ASSIGN_OR_RETURN(auto comment, OptionalString(body, "comment"));
    return comment.value_or("");
}

Result<json> BodyOrEmpty(const httplib::Request& request) {
    if (request.body.empty()) return json::object();
    return ParseJsonBody(request);
}

using Step = Result<assessment::Record> (assessment::Assessments::*)(std::int64_t, const std::string&, const auth::Principal&);

RouteHandler WorkflowHandler(Services& services, Step step) {
    return [&services, step](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReviewAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto body, BodyOrEmpty(request));
        NPGOV_ASSIGN_OR_RETURN(auto comment, Comment(body));
        NPGOV_ASSIGN_OR_RETURN(auto record, (module->assessments.*step)(id, comment, who.principal));
        return Reply{200, assessment::ToJson(record, false)};
    };
}

}  // namespace

void RegisterAssessmentRoutes(httplib::Server& server, Services& services) {
    Route(server, "POST", "/api/v1/screening/runs", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kRunAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto body, BodyOrEmpty(request));
        assessment::RunRequest run_request;
        NPGOV_ASSIGN_OR_RETURN(auto year, OptionalInt(body, "year"));
        if (year) {
            if (*year < 2000 || *year > 2100) {
                return MakeError(ErrorCode::kInvalidArgument, "http.field", "year 须在 2000 到 2100 之间",
                                 "year must be between 2000 and 2100", "year");
            }
            run_request.year = static_cast<int>(*year);
        }
        const bool wait = body.contains("wait") && body["wait"].is_boolean() && body["wait"].get<bool>();
        if (wait) {
            NPGOV_ASSIGN_OR_RETURN(auto run, module->screening.Run(run_request, who.principal));
            return Reply{201, assessment::ToJson(run, false)};
        }
        NPGOV_ASSIGN_OR_RETURN(auto run, module->screening.Start(run_request, who.principal));
        return Reply{202, assessment::ToJson(run, false)};
    });
    Route(server, "GET", "/api/v1/screening/runs", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        NPGOV_ASSIGN_OR_RETURN(auto runs, module->screening.List(who.principal, page));
        return Reply{200, ToJson(runs, [](const assessment::RunInfo& r) { return assessment::ToJson(r, false); })};
    });
    Route(server, "GET", R"(/api/v1/screening/runs/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        NPGOV_ASSIGN_OR_RETURN(auto filter, ParseRowFilter(request));
        NPGOV_ASSIGN_OR_RETURN(auto found, module->screening.Find(id, filter, who.principal, page));
        json out = assessment::ToJson(found.run, true);
        const json& texts = out["texts"];
        out["rows"] = ToJson(found.rows, [&](const assessment::RunRow& r) { return assessment::ToJson(r, texts); });
        return Reply{200, out};
    });
    Route(server, "GET", R"(/api/v1/assessments/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto view, module->assessments.View(id, who.principal));
        json out = assessment::ToJson(view);
        NPGOV_ASSIGN_OR_RETURN(auto latest, module->screening.LatestRowOf(id, who.principal));
        if (latest) {
            const json texts = json::parse(latest->first.texts_json, nullptr, false);
            out["screening"] = {{"run", assessment::ToJson(latest->first, false)},
                                {"row", assessment::ToJson(latest->second, texts.is_discarded() ? json::object() : texts)}};
        } else {
            out["screening"] = nullptr;
        }
        out["may"] = {{"save", auth::Authorize(who.principal, auth::Permission::kRunAssessment).has_value()},
                      {"review", auth::Authorize(who.principal, auth::Permission::kReviewAssessment).has_value()},
                      {"user", who.principal.username}};
        return Reply{200, out};
    });
    Route(server, "POST", R"(/api/v1/assessments/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kRunAssessment));
        NPGOV_ASSIGN_OR_RETURN(auto module, ModuleOf(services));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto body, BodyOrEmpty(request));
        assessment::SaveRequest save;
        NPGOV_ASSIGN_OR_RETURN(auto method, OptionalString(body, "pnec_method"));
        NPGOV_ASSIGN_OR_RETURN(save.pnec_choice, assessment::ParsePnecChoice(method.value_or("lowest")));
        NPGOV_ASSIGN_OR_RETURN(save.comment, Comment(body));
        NPGOV_ASSIGN_OR_RETURN(auto record, module->assessments.Save(id, save, who.principal));
        return Reply{200, assessment::ToJson(record, false)};
    });
    Route(server, "POST", R"(/api/v1/assessments/(\d+)/review)", WorkflowHandler(services, &assessment::Assessments::Review));
    Route(server, "POST", R"(/api/v1/assessments/(\d+)/publish)", WorkflowHandler(services, &assessment::Assessments::Publish));
}

}  // namespace npgov::http
