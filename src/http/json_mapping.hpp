// JSON renderings of module values for the API (free functions, apart from the handlers).
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/users.hpp"
#include "modules/dashboard/dashboard.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"

namespace npgov::http {

nlohmann::json ToJson(const Error& error);  // {"error": {code, reason, message_zh, message_en, field?}}
nlohmann::json ToJson(const auth::User& user);
nlohmann::json ToJson(const audit::Entry& entry);
nlohmann::json ToJson(const audit::VerifyReport& report);
nlohmann::json ToJson(const reference::Department& department);
nlohmann::json ToJson(const reference::Region& region);
nlohmann::json ToJson(const reference::Industry& industry);
nlohmann::json ToJson(const dashboard::Summary& summary);
// An enterprise with the reference names of its region and industry (empty if unknown).
nlohmann::json ToJson(const enterprise::Enterprise& e, const std::vector<reference::Region>& regions,
                      const std::vector<reference::Industry>& industries);

// {"items": [...], "page", "page_size", "total"} with each item rendered by `render`.
template <typename T, typename Render>
nlohmann::json ToJson(const Page<T>& page, Render render) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page.items) items.push_back(render(item));
    return {{"items", items}, {"page", page.page}, {"page_size", page.page_size}, {"total", page.total}};
}

}  // namespace npgov::http
