#include "http/http_support.hpp"

#include <charconv>

#include <spdlog/spdlog.h>

#include "http/json_mapping.hpp"
#include "modules/auth/secrets.hpp"

namespace npgov::http {
namespace {

Error FieldError(const char* key, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "http.field", "字段 " + std::string(key) + " " + zh,
                     "field " + std::string(key) + " " + en, key).value();
}

std::optional<long> ParseLong(const std::string& text) {
    long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string CookieValue(const httplib::Request& request, const std::string& name) {
    const std::string header = request.get_header_value("Cookie");
    std::size_t pos = 0;
    while (pos < header.size()) {
        std::size_t end = header.find(';', pos);
        if (end == std::string::npos) end = header.size();
        std::string_view pair(header.data() + pos, end - pos);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=') {
            return std::string(pair.substr(name.size() + 1));
        }
        pos = end + 1;
    }
    return "";
}

void Send(httplib::Response& response, int status, const nlohmann::json& body) {
    response.status = status;
    if (status != 204) response.set_content(body.dump(), "application/json; charset=utf-8");
}

}  // namespace

int HttpStatus(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return 400;
        case ErrorCode::kUnauthenticated: return 401;
        case ErrorCode::kPermissionDenied: return 403;
        case ErrorCode::kNotFound: return 404;
        case ErrorCode::kAlreadyExists: return 409;
        case ErrorCode::kFailedPrecondition: return 409;
        case ErrorCode::kResourceExhausted: return 429;
        case ErrorCode::kUnavailable: return 503;
        case ErrorCode::kDataLoss: return 500;
        case ErrorCode::kInternal: return 500;
    }
    return 500;
}

void Route(httplib::Server& server, const char* method, const std::string& pattern, RouteHandler handler) {
    auto wrapped = [handler = std::move(handler)](const httplib::Request& request, httplib::Response& response) {
        response.set_header("Cache-Control", "no-store");
        try {
            auto reply = handler(request);
            if (!reply) {
                const Error& e = reply.error();
                if (HttpStatus(e.code) >= 500) spdlog::error("event=request_failed path={} error={}", request.path, e.Describe());
                Send(response, HttpStatus(e.code), ToJson(e));
                return;
            }
            for (const auto& [name, value] : reply->headers) response.set_header(name, value);
            Send(response, reply->status, reply->body);
        } catch (const InternalError& bug) {
            spdlog::error("event=internal_error path={} what={}", request.path, bug.what);
            Send(response, 500, ToJson(MakeError(ErrorCode::kInternal, "internal", "服务器内部错误", "internal server error").value()));
        } catch (const std::exception& ex) {
            spdlog::error("event=exception path={} what={}", request.path, ex.what());
            Send(response, 500, ToJson(MakeError(ErrorCode::kInternal, "internal", "服务器内部错误", "internal server error").value()));
        }
    };
    if (std::string_view(method) == "GET") {
        server.Get(pattern, wrapped);
    } else if (std::string_view(method) == "POST") {
        server.Post(pattern, wrapped);
    } else if (std::string_view(method) == "PATCH") {
        server.Patch(pattern, wrapped);
    } else if (std::string_view(method) == "DELETE") {
        server.Delete(pattern, wrapped);
    } else {
        NPGOV_CHECK(false && "unsupported method");
    }
}

Result<nlohmann::json> ParseJsonBody(const httplib::Request& request) {
    auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return MakeError(ErrorCode::kInvalidArgument, "http.json", "请求体须为 JSON 对象",
                         "the request body must be a JSON object");
    }
    return body;
}

Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<std::string>();
    if (!body[key].is_string()) return tl::unexpected(FieldError(key, "须为字符串", "must be a string"));
    return std::optional(body[key].get<std::string>());
}

Result<std::string> RequiredString(const nlohmann::json& body, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(auto value, OptionalString(body, key));
    if (!value) return tl::unexpected(FieldError(key, "必须填写", "is required"));
    return *value;
}

Result<std::optional<std::int64_t>> OptionalInt(const nlohmann::json& body, const char* key) {
    if (!body.contains(key) || body[key].is_null()) return std::optional<std::int64_t>();
    if (!body[key].is_number_integer()) return tl::unexpected(FieldError(key, "须为整数", "must be an integer"));
    return std::optional(body[key].get<std::int64_t>());
}

Result<PageRequest> ParsePage(const httplib::Request& request) {
    long page = 1;
    long page_size = kDefaultPageSize;
    if (auto text = QueryParam(request, "page")) page = ParseLong(*text).value_or(0);
    if (auto text = QueryParam(request, "page_size")) page_size = ParseLong(*text).value_or(0);
    return MakePageRequest(page, page_size);
}

std::optional<std::string> QueryParam(const httplib::Request& request, const char* name) {
    if (!request.has_param(name)) return std::nullopt;
    std::string value = request.get_param_value(name);
    if (value.empty()) return std::nullopt;
    return value;
}

Result<std::int64_t> PathId(const httplib::Request& request) {
    if (request.matches.size() > 1) {
        if (auto id = ParseLong(request.matches[1].str()); id && *id > 0) return *id;
    }
    return MakeError(ErrorCode::kInvalidArgument, "http.id", "路径中的编号无效", "invalid id in the path", "id");
}

std::string SessionToken(const httplib::Request& request) {
    const std::string authorization = request.get_header_value("Authorization");
    if (authorization.rfind("Bearer ", 0) == 0) return authorization.substr(7);
    return CookieValue(request, kSessionCookie);
}

Result<auth::Authenticated> Authenticate(Services& services, const httplib::Request& request,
                                         auth::Permission permission) {
    const bool bearer = request.get_header_value("Authorization").rfind("Bearer ", 0) == 0;
    NPGOV_ASSIGN_OR_RETURN(auto who, services.sessions.Resolve(SessionToken(request)));
    const bool safe = request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS";
    if (!bearer && !safe && !auth::ConstantTimeEquals(request.get_header_value(kCsrfHeader), who.csrf_token)) {
        return MakeError(ErrorCode::kPermissionDenied, "auth.csrf", "缺少或错误的 CSRF 令牌，请刷新页面后重试",
                         "missing or wrong CSRF token; reload the page and try again");
    }
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who.principal, permission));
    return who;
}

}  // namespace npgov::http
