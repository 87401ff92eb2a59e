#include "modules/auth/users.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::auth {
namespace {

constexpr const char* kColumns =
    "SELECT id, username, display_name, role, department_code, region_code, enterprise_id, disabled, "
    "created_at FROM users";
constexpr const char* kInsert =
    "INSERT INTO users (username, display_name, password_hash, role, department_code, region_code, "
    "enterprise_id, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id";

User FromRow(const store::Row& row) {
    return {row.Int(0),         row.Text(1),        row.Text(2),        *ParseRole(row.Text(3)),
            row.OptionalText(4), row.OptionalText(5), row.OptionalInt(6), row.Int(7) != 0, row.Text(8)};
}

Status CheckUsername(const std::string& name) {
    bool ok = name.size() >= 3 && name.size() <= 32;
    for (std::size_t i = 0; ok && i < name.size(); ++i) {
        const char c = name[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        ok = alnum || (i > 0 && (c == '.' || c == '_' || c == '-'));
    }
    if (ok) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "user.username",
                     "用户名须为 3–32 位小写字母、数字或 . _ -，并以字母或数字开头",
                     "the username must be 3–32 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit",
                     "username");
}

Status CheckPassword(const std::string& password) {
    if (password.size() >= 8 && password.size() <= 256) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "user.password", "密码至少 8 个字符", "the password must have at least 8 characters",
                     "password");
}

}  // namespace

std::string ToAuditJson(const User& u) {
    nlohmann::json j = {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name},
                        {"role", ToString(u.role)}, {"disabled", u.disabled}};
    j["department_code"] = u.department_code ? nlohmann::json(*u.department_code) : nlohmann::json(nullptr);
    j["region_code"] = u.region_code ? nlohmann::json(*u.region_code) : nlohmann::json(nullptr);
    j["enterprise_id"] = u.enterprise_id ? nlohmann::json(*u.enterprise_id) : nlohmann::json(nullptr);
    return j.dump();
}

Status UserDirectory::CheckScope(NewUser& input) {
    auto scope_error = [](std::string zh, std::string en, std::string field) {
        return MakeError(ErrorCode::kInvalidArgument, "user.scope", std::move(zh), std::move(en), std::move(field));
    };
    if (input.role == Role::kEnterprise) {
        if (!input.enterprise_id) return scope_error("企业用户须关联一家企业", "an enterprise user must belong to an enterprise", "enterprise_id");
        NPGOV_ASSIGN_OR_RETURN(auto e, enterprises_.Find(*input.enterprise_id));
        input.region_code = e.region_code;
    } else if (input.enterprise_id) {
        return scope_error("只有企业用户可以关联企业", "only enterprise users belong to an enterprise", "enterprise_id");
    }
    if (input.role == Role::kOfficer && !input.department_code) {
        return scope_error("部门用户须指定所属部门", "an officer must belong to a department", "department_code");
    }
    if (input.department_code) NPGOV_RETURN_IF_ERROR(reference_.FindDepartment(*input.department_code));
    if (input.region_code) NPGOV_RETURN_IF_ERROR(reference_.FindRegion(*input.region_code));
    return Ok();
}

Result<User> UserDirectory::Create(const NewUser& original, const std::string& actor) {
    NewUser input = original;
    input.display_name = std::string(Trim(input.display_name));
    NPGOV_RETURN_IF_ERROR(CheckUsername(input.username));
    NPGOV_RETURN_IF_ERROR(CheckPassword(input.password));
    if (input.display_name.empty() || input.display_name.size() > 100) {
        return MakeError(ErrorCode::kInvalidArgument, "user.display_name", "姓名不能为空且不超过 100 字节",
                         "the display name must be 1–100 bytes", "display_name");
    }
    if (input.department_code && input.department_code->empty()) input.department_code.reset();
    if (input.region_code && input.region_code->empty()) input.region_code.reset();
    NPGOV_RETURN_IF_ERROR(CheckScope(input));
    NPGOV_ASSIGN_OR_RETURN(auto hash, HashPassword(input.password, cost_));

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    User user{0, input.username, input.display_name, input.role, input.department_code, input.region_code,
              input.enterprise_id, false, clock_.Now().ToIsoString()};
    auto rows = store::Query(*connection, kInsert,
                             {user.username, user.display_name, hash, std::string(ToString(user.role)),
                              store::ToValue(user.department_code), store::ToValue(user.region_code),
                              store::ToValue(user.enterprise_id), user.created_at, user.created_at});
    if (!rows && rows.error().code == ErrorCode::kAlreadyExists) {
        return MakeError(ErrorCode::kAlreadyExists, "user.username_taken", "用户名 " + user.username + " 已被使用",
                         "the username " + user.username + " is taken", "username");
    }
    if (!rows) return tl::unexpected(rows.error());
    user.id = rows->rows.at(0).Int(0);
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "user.create", "user", std::to_string(user.id),
                                                      std::nullopt, ToAuditJson(user)}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return user;
}

Result<User> UserDirectory::Disable(std::int64_t id, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, std::string(kColumns) + " WHERE id = ?", {id}));
    if (!row) {
        return MakeError(ErrorCode::kNotFound, "user.unknown", "用户 " + std::to_string(id) + " 不存在",
                         "there is no user " + std::to_string(id), "id");
    }
    const User before = FromRow(*row);
    if (before.username == actor) {
        return MakeError(ErrorCode::kFailedPrecondition, "user.self_disable", "不能停用自己的账号",
                         "you cannot disable your own account", "id");
    }
    User after = before;
    after.disabled = true;
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?",
                                         {clock_.Now().ToIsoString(), id}));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE sessions SET revoked = 1 WHERE user_id = ?", {id}));
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "user.disable", "user", std::to_string(id),
                                                      ToAuditJson(before), ToAuditJson(after)}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<Page<User>> UserDirectory::List(const PageRequest& page) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<User>(*connection, {kColumns, "users", "", " ORDER BY id", {}}, page, FromRow);
}

Result<User> UserDirectory::Find(std::int64_t id) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, std::string(kColumns) + " WHERE id = ?", {id}));
    if (!row) {
        return MakeError(ErrorCode::kNotFound, "user.unknown", "用户 " + std::to_string(id) + " 不存在",
                         "there is no user " + std::to_string(id), "id");
    }
    return FromRow(*row);
}

Result<std::vector<RoleCount>> UserDirectory::CountByRole() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, "SELECT role, COUNT(*) FROM users GROUP BY role ORDER BY role", {}));
    std::vector<RoleCount> out;
    for (const auto& row : rows.rows) out.push_back({*ParseRole(row.Text(0)), row.Int(1)});
    return out;
}

Result<std::optional<std::pair<User, std::string>>> UserDirectory::FindCredentials(std::string_view username) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(
        auto row, store::QueryOne(*connection,
                                  "SELECT id, username, display_name, role, department_code, region_code, "
                                  "enterprise_id, disabled, created_at, password_hash FROM users WHERE username = ?",
                                  {std::string(username)}));
    if (!row) return std::optional<std::pair<User, std::string>>();
    return std::optional(std::pair(FromRow(*row), row->Text(9)));
}

std::vector<store::Migration> Migrations() {
    return {{3, "auth", R"sql(
CREATE TABLE users (
    id              {{id}},
    username        TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,
    department_code TEXT,
    region_code     TEXT,
    enterprise_id   BIGINT,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);
)sql"}};
}

}  // namespace npgov::auth
