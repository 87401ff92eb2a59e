// Shared pieces of the HTTP face: the error → status table, JSON replies, request parsing and
// the one authentication + authorization step every protected route goes through.
// Internal to src/http (it is the only place <httplib.h> may be included).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/auth/roles.hpp"
#include "modules/auth/sessions.hpp"
#include "services/services.hpp"

namespace npgov::http {

inline constexpr const char* kSessionCookie = "npgov_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct Reply {
    int status = 200;
    nlohmann::json body;  // ignored for 204
    std::vector<std::pair<std::string, std::string>> headers;
};

using RouteHandler = std::function<Result<Reply>(const httplib::Request&)>;

// The one translation table from error code to HTTP status.
int HttpStatus(ErrorCode code);

// Registers `handler` for `method` ("GET", "POST") and `pattern`, rendering its Reply or
// Error, and turning any escaped exception into a logged 500 (the last-resort catch).
void Route(httplib::Server& server, const char* method, const std::string& pattern, RouteHandler handler);

// Parses the body as a JSON object. Errors: kInvalidArgument "http.json".
Result<nlohmann::json> ParseJsonBody(const httplib::Request& request);

// Reads an optional string member; a non-string value is kInvalidArgument "http.field".
Result<std::optional<std::string>> OptionalString(const nlohmann::json& body, const char* key);
// Reads a required string member. Errors: kInvalidArgument "http.field".
Result<std::string> RequiredString(const nlohmann::json& body, const char* key);
// Reads an optional integer member. Errors: kInvalidArgument "http.field".
Result<std::optional<std::int64_t>> OptionalInt(const nlohmann::json& body, const char* key);

// page and page_size query parameters, validated. Errors: kInvalidArgument "page.range".
Result<PageRequest> ParsePage(const httplib::Request& request);

// A non-empty query parameter, or nullopt.
std::optional<std::string> QueryParam(const httplib::Request& request, const char* name);

// The path's first regex capture as an id. Errors: kInvalidArgument "http.id".
Result<std::int64_t> PathId(const httplib::Request& request);

// Authenticates the request (Bearer token, else the session cookie; writes with the cookie
// must carry the session's CSRF token) and authorizes `permission`.
// Errors: kUnauthenticated (auth.no_session, auth.session_expired, auth.disabled),
// kPermissionDenied (auth.csrf, auth.forbidden).
Result<auth::Authenticated> Authenticate(Services& services, const httplib::Request& request,
                                         auth::Permission permission);

// The raw session token sent with the request (bearer first, then cookie), or "".
std::string SessionToken(const httplib::Request& request);

}  // namespace npgov::http
