// User accounts: create, list, find, disable. Every change is audited; the password hash
// never leaves this module.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::auth {

struct User {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    Role role = Role::kAnalyst;
    std::optional<std::string> department_code;
    std::optional<std::string> region_code;
    std::optional<std::int64_t> enterprise_id;
    bool disabled = false;
    std::string created_at;
};

struct NewUser {
    std::string username;      // 3–32 of [a-z0-9._-], starts with a letter or digit
    std::string display_name;  // 1–100 bytes
    std::string password;      // at least 8 characters
    Role role = Role::kAnalyst;
    std::optional<std::string> department_code;  // required for officers
    std::optional<std::string> region_code;      // optional county scope; enterprise users get their enterprise's
    std::optional<std::int64_t> enterprise_id;   // required for, and only for, enterprise users
};

struct RoleCount {
    Role role;
    std::int64_t count = 0;
};

class UserDirectory {
public:
    UserDirectory(store::Database& db, reference::ReferenceData& reference,
                  enterprise::EnterpriseRegistry& enterprises, audit::AuditLog& audit, const Clock& clock,
                  HashCost cost = HashCost::kInteractive)
        : db_(db), reference_(reference), enterprises_(enterprises), audit_(audit), clock_(clock), cost_(cost) {}

    // Errors: kInvalidArgument (user.username, user.password, user.display_name,
    // user.scope), kNotFound (department.unknown, region.unknown, enterprise.unknown),
    // kAlreadyExists ("user.username_taken").
    Result<User> Create(const NewUser& input, const std::string& actor);

    // Disables the account and ends its sessions. kNotFound "user.unknown";
    // kFailedPrecondition "user.self_disable" when an admin disables themself.
    Result<User> Disable(std::int64_t id, const std::string& actor);

    // Ordered by id.
    Result<Page<User>> List(const PageRequest& page);
    // kNotFound "user.unknown".
    Result<User> Find(std::int64_t id);
    Result<std::vector<RoleCount>> CountByRole();

    // Returns the user and their password hash, or nullopt if no such username.
    Result<std::optional<std::pair<User, std::string>>> FindCredentials(std::string_view username);

private:
    Status CheckScope(NewUser& input);

    store::Database& db_;
    reference::ReferenceData& reference_;
    enterprise::EnterpriseRegistry& enterprises_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    HashCost cost_;
};

// The audit/JSON view of a user (never the password hash).
std::string ToAuditJson(const User& user);

std::vector<store::Migration> Migrations();

}  // namespace npgov::auth
