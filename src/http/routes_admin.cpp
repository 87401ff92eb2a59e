#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"

namespace npgov::http {
namespace {

Result<auth::NewUser> NewUserFromBody(const nlohmann::json& body) {
    auth::NewUser user;
    NPGOV_ASSIGN_OR_RETURN(user.username, RequiredString(body, "username"));
    NPGOV_ASSIGN_OR_RETURN(user.display_name, RequiredString(body, "display_name"));
    NPGOV_ASSIGN_OR_RETURN(user.password, RequiredString(body, "password"));
    NPGOV_ASSIGN_OR_RETURN(auto role, RequiredString(body, "role"));
    NPGOV_ASSIGN_OR_RETURN(user.role, auth::ParseRole(role));
    NPGOV_ASSIGN_OR_RETURN(user.department_code, OptionalString(body, "department_code"));
    NPGOV_ASSIGN_OR_RETURN(user.region_code, OptionalString(body, "region_code"));
    NPGOV_ASSIGN_OR_RETURN(user.enterprise_id, OptionalInt(body, "enterprise_id"));
    return user;
}

}  // namespace

void RegisterAdminRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/users", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kManageUsers));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        NPGOV_ASSIGN_OR_RETURN(auto users, services.users.List(page));
        return Reply{200, ToJson(users, [](const auth::User& u) { return ToJson(u); })};
    });
    Route(server, "POST", "/api/v1/users", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageUsers));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto input, NewUserFromBody(body));
        NPGOV_ASSIGN_OR_RETURN(auto user, services.users.Create(input, who.user.username));
        return Reply{201, ToJson(user)};
    });
    Route(server, "POST", R"(/api/v1/users/(\d+)/disable)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kManageUsers));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto user, services.users.Disable(id, who.user.username));
        return Reply{200, ToJson(user)};
    });
    Route(server, "GET", "/api/v1/audit", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadAudit));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        audit::EntryFilter filter{QueryParam(request, "actor"), QueryParam(request, "action")};
        NPGOV_ASSIGN_OR_RETURN(auto entries, services.audit.List(filter, page));
        return Reply{200, ToJson(entries, [](const audit::Entry& e) { return ToJson(e); })};
    });
    Route(server, "GET", "/api/v1/audit/verify", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadAudit));
        NPGOV_ASSIGN_OR_RETURN(auto report, services.audit.Verify());
        return Reply{200, ToJson(report)};
    });
}

}  // namespace npgov::http
