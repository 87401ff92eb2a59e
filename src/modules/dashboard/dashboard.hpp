// The home page's figures: counts from the registry, users and audit log, within the
// caller's scope, with the reference names a reader needs next to each code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/auth/users.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"

namespace npgov::dashboard {

struct NamedCount {
    std::string code;
    std::string name_zh;
    std::string name_en;
    std::int64_t count = 0;
};

struct Summary {
    std::int64_t enterprises = 0;
    std::int64_t users = 0;
    std::int64_t departments = 0;
    std::int64_t audit_entries = 0;
    std::vector<NamedCount> enterprises_by_region;    // every region, zero counts included
    std::vector<NamedCount> enterprises_by_industry;  // industries with at least one enterprise
    std::vector<auth::RoleCount> users_by_role;
};

class Dashboard {
public:
    Dashboard(reference::ReferenceData& reference, enterprise::EnterpriseRegistry& enterprises,
              auth::UserDirectory& users, audit::AuditLog& audit)
        : reference_(reference), enterprises_(enterprises), users_(users), audit_(audit) {}

    // Enterprise figures are limited to the principal's scope; user and audit counts are
    // shown to admins only (zero for others).
    Result<Summary> Summarise(const auth::Principal& principal);

private:
    reference::ReferenceData& reference_;
    enterprise::EnterpriseRegistry& enterprises_;
    auth::UserDirectory& users_;
    audit::AuditLog& audit_;
};

}  // namespace npgov::dashboard
