#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"

namespace npgov::http {
namespace {

std::string SessionCookie(const std::string& token, std::int64_t max_age, bool secure) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
           std::to_string(max_age) + (secure ? "; Secure" : "");
}

Result<auth::Session> LoginFromBody(Services& services, const httplib::Request& request) {
    NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
    NPGOV_ASSIGN_OR_RETURN(auto username, RequiredString(body, "username"));
    NPGOV_ASSIGN_OR_RETURN(auto password, RequiredString(body, "password"));
    return services.sessions.Login(username, password, request.remote_addr);
}

}  // namespace

void RegisterAuthRoutes(httplib::Server& server, Services& services) {
    // Browser login: the token goes only into an HttpOnly cookie; the page gets the CSRF token.
    Route(server, "POST", "/api/v1/auth/login", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto session, LoginFromBody(services, request));
        Reply reply{200, {{"user", ToJson(session.user)}, {"csrf_token", session.csrf_token},
                          {"expires_at", session.expires_at}}};
        reply.headers.emplace_back("Set-Cookie", SessionCookie(session.token, services.config.auth.session_hours * 3600,
                                                               services.config.auth.secure_cookie));
        return reply;
    });
    // API clients: the token in the body, to send as "Authorization: Bearer <token>".
    Route(server, "POST", "/api/v1/auth/token", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto session, LoginFromBody(services, request));
        return Reply{200, {{"user", ToJson(session.user)}, {"token", session.token}, {"expires_at", session.expires_at}}};
    });
    Route(server, "POST", "/api/v1/auth/logout", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadReference));
        NPGOV_RETURN_IF_ERROR(services.sessions.Logout(SessionToken(request)));
        Reply reply{204, nullptr};
        reply.headers.emplace_back("Set-Cookie", SessionCookie("", 0, services.config.auth.secure_cookie));
        return reply;
    });
    Route(server, "GET", "/api/v1/me", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadReference));
        return Reply{200, {{"user", ToJson(who.user)}, {"csrf_token", who.csrf_token}}};
    });
}

}  // namespace npgov::http
