#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/auth/scope.hpp"

namespace npgov::http {
namespace {

template <typename T>
nlohmann::json Items(const std::vector<T>& list) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : list) items.push_back(ToJson(item));
    return {{"items", items}};
}

}  // namespace

void RegisterRegistryRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/reference/departments", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadReference));
        NPGOV_ASSIGN_OR_RETURN(auto list, services.reference.ListDepartments());
        return Reply{200, Items(list)};
    });
    Route(server, "GET", "/api/v1/reference/regions", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadReference));
        NPGOV_ASSIGN_OR_RETURN(auto list, services.reference.ListRegions());
        return Reply{200, Items(list)};
    });
    Route(server, "GET", "/api/v1/reference/industries", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadReference));
        NPGOV_ASSIGN_OR_RETURN(auto list, services.reference.ListIndustries());
        return Reply{200, Items(list)};
    });
    Route(server, "GET", "/api/v1/enterprises", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadEnterprises));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        enterprise::EnterpriseQuery query{QueryParam(request, "q"), QueryParam(request, "region_code")};
        NPGOV_ASSIGN_OR_RETURN(auto list, services.enterprises.List(query, auth::EnterpriseScopeOf(who.principal), page));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        NPGOV_ASSIGN_OR_RETURN(auto industries, services.reference.ListIndustries());
        return Reply{200, ToJson(list, [&](const enterprise::Enterprise& e) { return ToJson(e, regions, industries); })};
    });
    Route(server, "GET", R"(/api/v1/enterprises/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadEnterprises));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto e, services.enterprises.FindInScope(id, auth::EnterpriseScopeOf(who.principal)));
        NPGOV_ASSIGN_OR_RETURN(auto regions, services.reference.ListRegions());
        NPGOV_ASSIGN_OR_RETURN(auto industries, services.reference.ListIndustries());
        return Reply{200, ToJson(e, regions, industries)};
    });
    Route(server, "GET", "/api/v1/dashboard", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kReadDashboard));
        NPGOV_ASSIGN_OR_RETURN(auto summary, services.dashboard.Summarise(who.principal));
        return Reply{200, ToJson(summary)};
    });
}

void RegisterSystemRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/health", [&services](const httplib::Request&) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(bool demo, services.enterprises.HasSyntheticData());
        return Reply{200, {{"status", "ok"},
                           {"version", NPGOV_VERSION},
                           {"database", store::ToString(services.db.dialect())},
                           {"demo", demo}}};
    });
}

}  // namespace npgov::http
