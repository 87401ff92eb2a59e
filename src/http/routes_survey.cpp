// The chemical information survey over the API (modules/survey): campaigns and who must report,
// submissions with drafts, uploads and the review workflow, templates and result exports.
// Who may do what is decided by the survey module from the caller's role and scope; uploads
// take the file as the raw body or as the first file of a multipart form.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/enterprise/enterprise_import.hpp"
#include "modules/lists/list_registry.hpp"
#include "modules/survey/line_table.hpp"
#include "modules/survey/substance_link.hpp"
#include "modules/survey/survey_json.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The survey service over this process's modules; it holds references only.
survey::SurveyService SurveyOf(Services& s) {
    survey::SubstanceResolver resolver;
    if (s.substances) resolver = survey::MakeRegistryResolver(*s.substances);
    return survey::SurveyService(s.db, s.enterprises, s.reference, s.audit, s.clock, std::move(resolver));
}

std::string UploadedBytes(const httplib::Request& request) {
    if (request.is_multipart_form_data() && !request.files.empty()) return request.files.begin()->second.content;
    return request.body;
}

Result<std::optional<std::int64_t>> QueryInt(const httplib::Request& request, const char* name) {
    auto text = QueryParam(request, name);
    if (!text) return std::optional<std::int64_t>();
    try {
        std::size_t used = 0;
        const long long value = std::stoll(*text, &used);
        if (used == text->size() && value > 0) return std::optional<std::int64_t>(value);
    } catch (const std::exception&) {
    }
    return MakeError(ErrorCode::kInvalidArgument, "http.query", std::string("参数 ") + name + " 须为正整数",
                     std::string("parameter ") + name + " must be a positive integer", name);
}

Result<std::string> Comment(const httplib::Request& request) {
    if (request.body.empty()) return std::string();
    NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
    NPGOV_ASSIGN_OR_RETURN(auto comment, OptionalString(body, "comment"));
    return comment.value_or("");
}

// A review step: takes an optional {"comment"} and moves the submission on.
using ReviewStep = Result<survey::Submission> (survey::SurveyService::*)(std::int64_t, const std::string&,
                                                                         const auth::Principal&);
void ReviewRoute(httplib::Server& server, const char* method, const char* pattern, Services& services, ReviewStep step) {
    Route(server, method, pattern, [&services, step](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReviewSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto comment, Comment(request));
        auto service = SurveyOf(services);
        NPGOV_ASSIGN_OR_RETURN(auto s, (service.*step)(id, comment, who.principal));
        return Reply{200, survey::ToJson(s)};
    });
}

Result<survey::ResultQuery> ResultQueryOf(const httplib::Request& request) {
    survey::ResultQuery q;
    NPGOV_ASSIGN_OR_RETURN(q.campaign_id, QueryInt(request, "campaign_id"));
    NPGOV_ASSIGN_OR_RETURN(auto year, QueryInt(request, "year"));
    if (year) q.year = static_cast<int>(*year);
    q.cas = QueryParam(request, "cas");
    q.region_code = QueryParam(request, "region_code");
    NPGOV_ASSIGN_OR_RETURN(q.group_by, survey::ParseGroupByList(QueryParam(request, "by").value_or("substance")));
    return q;
}

// For results grouped by list entry: the list edition named by ?list= (default the
// key-controlled list) and ?edition= (default its newest), kept in `holder`.
Status AttachList(Services& services, const httplib::Request& request, survey::ResultQuery& query,
                  std::optional<lists::Edition>& holder) {
    if (std::find(query.group_by.begin(), query.group_by.end(), survey::GroupBy::kListEntry) == query.group_by.end()) {
        return Ok();
    }
    NPGOV_CHECK(services.lists != nullptr);
    NPGOV_ASSIGN_OR_RETURN(holder, services.lists->FindEdition(QueryParam(request, "list").value_or("key_controlled"),
                                                               QueryParam(request, "edition").value_or("")));
    query.list = &*holder;
    return Ok();
}

// An upload's or a save's report: 200 when stored or unchanged; 400 naming the errors otherwise
// (with the whole report, so that every error can be shown).
Reply SaveReply(const survey::SaveReport& report) {
    json body = survey::ToJson(report);
    if (report.stored || report.unchanged) return Reply{200, std::move(body)};
    const std::string n = std::to_string(report.errors);
    json error = ToJson(MakeError(ErrorCode::kInvalidArgument, "import.rows", "文件有 " + n + " 处错误，未导入任何数据",
                                  "the file has " + n + " error(s); nothing was imported").value());
    error["report"] = std::move(body);
    return Reply{400, std::move(error)};
}

// RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name.
std::string ContentDisposition(const std::string& file_name) {
    std::string encoded;
    for (unsigned char c : file_name) {
        if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
            encoded += static_cast<char>(c);
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", c);
            encoded += buffer;
        }
    }
    const auto dot = file_name.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : file_name.substr(dot);
    return "attachment; filename=\"npgov-export" + extension + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

void FileRoute(httplib::Server& server, const char* method, const std::string& pattern,
               std::function<Result<FileReply>(const httplib::Request&)> handler) {
    auto wrapped = [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        auto send_error = [&](const Error& e) {
            response.status = HttpStatus(e.code);
            response.set_content(ToJson(e).dump(), "application/json; charset=utf-8");
        };
        try {
            auto reply = handler(request);
            if (!reply) {
                if (HttpStatus(reply.error().code) >= 500) {
                    spdlog::error("event=request_failed path={} error={}", request.path, reply.error().Describe());
                }
                send_error(reply.error());
                return;
            }
            response.status = 200;
            response.set_header("Content-Disposition", ContentDisposition(reply->file_name));
            response.set_content(std::move(reply->bytes), reply->content_type.c_str());
        } catch (const InternalError& bug) {
            spdlog::error("event=internal_error path={} what={}", request.path, bug.what);
            send_error(MakeError(ErrorCode::kInternal, "internal", "服务器内部错误", "internal server error").value());
        } catch (const std::exception& ex) {
            spdlog::error("event=exception path={} what={}", request.path, ex.what());
            send_error(MakeError(ErrorCode::kInternal, "internal", "服务器内部错误", "internal server error").value());
        }
    };
    NPGOV_CHECK(std::string_view(method) == "GET");
    server.Get(pattern, wrapped);
}

void RegisterSurveyRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/survey/campaigns", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto list, SurveyOf(services).ListCampaigns());
        json items = json::array();
        for (const auto& c : list) items.push_back(survey::ToJson(c));
        return Reply{200, {{"items", items}}};
    });
    Route(server, "POST", "/api/v1/survey/campaigns", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageSurveyCampaigns));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        survey::NewCampaign input;
        NPGOV_ASSIGN_OR_RETURN(auto year, OptionalInt(body, "year"));
        input.year = static_cast<int>(year.value_or(0));
        NPGOV_ASSIGN_OR_RETURN(auto tier, OptionalString(body, "tier"));
        NPGOV_ASSIGN_OR_RETURN(input.tier, survey::ParseTier(tier.value_or("basic")));
        NPGOV_ASSIGN_OR_RETURN(auto title, OptionalString(body, "title"));
        input.title = title.value_or("");
        NPGOV_ASSIGN_OR_RETURN(input.deadline, RequiredString(body, "deadline"));
        for (const char* key : {"industries", "substances"}) {
            if (!body.contains(key) || body[key].is_null()) continue;
            if (!body[key].is_array()) {
                return MakeError(ErrorCode::kInvalidArgument, "http.field", std::string("字段 ") + key + " 须为字符串数组",
                                 std::string("field ") + key + " must be an array of strings", key);
            }
            for (const auto& item : body[key]) {
                if (!item.is_string()) {
                    return MakeError(ErrorCode::kInvalidArgument, "http.field", std::string("字段 ") + key + " 须为字符串数组",
                                     std::string("field ") + key + " must be an array of strings", key);
                }
                (std::string_view(key) == "industries" ? input.industries : input.substances).push_back(item.get<std::string>());
            }
        }
        NPGOV_ASSIGN_OR_RETURN(auto campaign, SurveyOf(services).CreateCampaign(input, who.principal));
        return Reply{201, survey::ToJson(campaign)};
    });
    Route(server, "GET", R"(/api/v1/survey/campaigns/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto campaign, SurveyOf(services).FindCampaign(id));
        return Reply{200, survey::ToJson(campaign)};
    });
    Route(server, "GET", R"(/api/v1/survey/campaigns/(\d+)/status)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto report, SurveyOf(services).CampaignStatus(id, who.principal));
        return Reply{200, survey::ToJson(report)};
    });
    FileRoute(server, "GET", R"(/api/v1/survey/campaigns/(\d+)/template)",
              [&services](const httplib::Request& request) -> Result<FileReply> {
                  NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
                  NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
                  NPGOV_ASSIGN_OR_RETURN(auto enterprise_id, QueryInt(request, "enterprise_id"));
                  if (!enterprise_id) enterprise_id = who.principal.enterprise_id;
                  if (!enterprise_id) {
                      return MakeError(ErrorCode::kInvalidArgument, "http.query", "请指定 enterprise_id",
                                       "give enterprise_id", "enterprise_id");
                  }
                  NPGOV_ASSIGN_OR_RETURN(auto bytes, SurveyOf(services).Template(id, *enterprise_id, who.principal));
                  return FileReply{std::move(bytes), kXlsxType, "化学物质环境信息调查模板.xlsx"};
              });
    Route(server, "GET", "/api/v1/survey/results", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto query, ResultQueryOf(request));
        std::optional<lists::Edition> edition;
        NPGOV_RETURN_IF_ERROR(AttachList(services, request, query, edition));
        NPGOV_ASSIGN_OR_RETURN(auto table, SurveyOf(services).Results(query, who.principal));
        return Reply{200, survey::ToJson(table)};
    });
    FileRoute(server, "GET", "/api/v1/survey/results/export", [&services](const httplib::Request& request) -> Result<FileReply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto query, ResultQueryOf(request));
        NPGOV_ASSIGN_OR_RETURN(auto format, enterprise::ParseExportFormat(QueryParam(request, "format").value_or("xlsx")));
        std::optional<lists::Edition> edition;
        NPGOV_RETURN_IF_ERROR(AttachList(services, request, query, edition));
        NPGOV_ASSIGN_OR_RETURN(auto table, SurveyOf(services).Results(query, who.principal));
        const auto sheet = survey::ToSheet(table, "化学物质环境信息调查结果（单位：吨）");
        if (format == enterprise::ExportFormat::kCsv) return FileReply{sheet::ToCsv(sheet), "text/csv; charset=utf-8", "调查结果.csv"};
        NPGOV_ASSIGN_OR_RETURN(auto bytes, sheet::ToXlsx({sheet}));
        return FileReply{std::move(bytes), kXlsxType, "调查结果.xlsx"};
    });
    Route(server, "GET", "/api/v1/survey/submissions", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        survey::SubmissionFilter filter;
        NPGOV_ASSIGN_OR_RETURN(filter.campaign_id, QueryInt(request, "campaign_id"));
        if (auto status = QueryParam(request, "status")) {
            NPGOV_ASSIGN_OR_RETURN(filter.status, survey::ParseStatus(*status));
        }
        NPGOV_ASSIGN_OR_RETURN(auto list, SurveyOf(services).ListSubmissions(filter, who.principal, page));
        return Reply{200, ToJson(list, [](const survey::Submission& s) { return survey::ToJson(s); })};
    });
    Route(server, "POST", "/api/v1/survey/submissions", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto campaign_id, OptionalInt(body, "campaign_id"));
        NPGOV_ASSIGN_OR_RETURN(auto enterprise_id, OptionalInt(body, "enterprise_id"));
        if (!enterprise_id) enterprise_id = who.principal.enterprise_id;
        if (!campaign_id || !enterprise_id) {
            return MakeError(ErrorCode::kInvalidArgument, "http.field", "请指定 campaign_id 和 enterprise_id",
                             "give campaign_id and enterprise_id", campaign_id ? "enterprise_id" : "campaign_id");
        }
        NPGOV_ASSIGN_OR_RETURN(auto s, SurveyOf(services).OpenSubmission(*campaign_id, *enterprise_id, who.principal));
        return Reply{200, survey::ToJson(s)};
    });
    Route(server, "GET", R"(/api/v1/survey/submissions/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        NPGOV_ASSIGN_OR_RETURN(auto version, QueryInt(request, "version"));
        NPGOV_ASSIGN_OR_RETURN(auto view, SurveyOf(services).ViewSubmission(id, static_cast<int>(version.value_or(0)),
                                                                            who.principal, page));
        return Reply{200, survey::ToJson(view)};
    });
    Route(server, "GET", R"(/api/v1/survey/submissions/(\d+)/versions)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        auto svc = SurveyOf(services);
        NPGOV_ASSIGN_OR_RETURN(auto versions, svc.ListVersions(id, who.principal));
        NPGOV_ASSIGN_OR_RETURN(auto events, svc.ListEvents(id, who.principal));
        json v = json::array(), e = json::array();
        for (const auto& item : versions) v.push_back(survey::ToJson(item));
        for (const auto& item : events) e.push_back(survey::ToJson(item));
        return Reply{200, {{"versions", v}, {"events", e}}};
    });
    Route(server, "POST", R"(/api/v1/survey/submissions/(\d+)/lines)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        if (!body.contains("lines") || !body["lines"].is_array()) {
            return MakeError(ErrorCode::kInvalidArgument, "http.field", "字段 lines 须为数组", "field lines must be an array",
                             "lines");
        }
        std::vector<survey::RawLine> lines;
        lines.reserve(body["lines"].size());
        for (std::size_t i = 0; i < body["lines"].size(); ++i) {
            NPGOV_ASSIGN_OR_RETURN(auto line, survey::RawLineFromJson(body["lines"][i], static_cast<long>(i + 1)));
            lines.push_back(std::move(line));
        }
        NPGOV_ASSIGN_OR_RETURN(auto report, SurveyOf(services).SaveDraft(id, lines, who.principal));
        return Reply{200, survey::ToJson(report)};
    });
    Route(server, "POST", R"(/api/v1/survey/submissions/(\d+)/upload)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        const auto dry_run = QueryParam(request, "dry_run");
        NPGOV_ASSIGN_OR_RETURN(auto report, SurveyOf(services).Upload(id, UploadedBytes(request), who.principal,
                                                                      dry_run && (*dry_run == "1" || *dry_run == "true")));
        if (dry_run && report.errors == 0) return Reply{200, survey::ToJson(report)};
        return SaveReply(report);
    });
    Route(server, "POST", R"(/api/v1/survey/submissions/(\d+)/submit)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kEditSurvey));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto s, SurveyOf(services).Submit(id, who.principal));
        return Reply{200, survey::ToJson(s)};
    });
    ReviewRoute(server, "POST", R"(/api/v1/survey/submissions/(\d+)/county-review)", services,
                &survey::SurveyService::CountyReview);
    ReviewRoute(server, "POST", R"(/api/v1/survey/submissions/(\d+)/approve)", services, &survey::SurveyService::Approve);
    ReviewRoute(server, "POST", R"(/api/v1/survey/submissions/(\d+)/return)", services, &survey::SurveyService::Return);
}

}  // namespace npgov::http
