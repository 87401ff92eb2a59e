#include "modules/auth/sessions.hpp"

#include <nlohmann/json.hpp>

#include "modules/auth/secrets.hpp"
#include "store/transaction.hpp"

namespace npgov::auth {
namespace {

constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, revoked) "
    "VALUES (?, ?, ?, ?, ?, 0)";
constexpr const char* kSelectSession =
    "SELECT user_id, csrf_token, expires_at, revoked FROM sessions WHERE token_hash = ?";

// A real argon2id hash of a random password, verified against when the username is unknown
// so that both failures take the same time.
const std::string& DecoyHash() {
    static const std::string hash = *HashPassword(MakeToken("decoy-"));
    return hash;
}

Error BadCredentials() {
    return MakeError(ErrorCode::kUnauthenticated, "auth.bad_credentials", "用户名或密码错误",
                     "wrong username or password", "password").value();
}

}  // namespace

Principal ToPrincipal(const User& user) {
    return {user.id, user.username, user.role, user.department_code, user.region_code, user.enterprise_id};
}

Result<Session> SessionManager::Login(const std::string& username, const std::string& password,
                                      const std::string& client) {
    NPGOV_RETURN_IF_ERROR(limiter_.Check(username, client));
    NPGOV_ASSIGN_OR_RETURN(auto credentials, users_.FindCredentials(username));
    const bool matches = credentials ? VerifyPassword(password, credentials->second)
                                     : (VerifyPassword(password, DecoyHash()), false);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    if (!matches || credentials->first.disabled) {
        limiter_.RecordFailure(username, client);
        const nlohmann::json detail = {{"client", client}, {"reason", matches ? "disabled" : "bad_credentials"}};
        NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {username, "auth.login_failed", "user",
                                                          credentials ? std::to_string(credentials->first.id) : "",
                                                          std::nullopt, detail.dump()}));
        NPGOV_RETURN_IF_ERROR(tx.Commit());
        if (!matches) return tl::unexpected(BadCredentials());
        return MakeError(ErrorCode::kUnauthenticated, "auth.disabled", "该账号已停用", "this account is disabled");
    }
    limiter_.RecordSuccess(username);
    const User& user = credentials->first;
    const Timestamp now = clock_.Now();
    Session session{MakeToken("npg_"), MakeToken(""), Timestamp{now.unix_seconds + options_.lifetime_seconds}.ToIsoString(),
                    user};
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, kInsertSession,
                                         {Sha256Hex(session.token), user.id, session.csrf_token, now.ToIsoString(),
                                          session.expires_at}));
    const nlohmann::json detail = {{"client", client}, {"expires_at", session.expires_at}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {username, "auth.login", "user", std::to_string(user.id),
                                                      std::nullopt, detail.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return session;
}

Status SessionManager::Logout(const std::string& token) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    const std::string token_hash = Sha256Hex(token);
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection,
                                                     "SELECT s.user_id, u.username FROM sessions s JOIN users u "
                                                     "ON u.id = s.user_id WHERE s.token_hash = ? AND s.revoked = 0",
                                                     {token_hash}));
    if (!row) return Ok();
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE sessions SET revoked = 1 WHERE token_hash = ?", {token_hash}));
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {row->Text(1), "auth.logout", "user", std::to_string(row->Int(0)),
                                                      std::nullopt, std::nullopt}));
    return tx.Commit();
}

Result<Authenticated> SessionManager::Resolve(const std::string& token) {
    auto no_session = [] {
        return MakeError(ErrorCode::kUnauthenticated, "auth.no_session", "未登录或会话无效，请重新登录",
                         "not signed in or the session is invalid; please sign in");
    };
    if (token.empty() || token.size() > 128) return no_session();
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, kSelectSession, {Sha256Hex(token)}));
    if (!row || row->Int(3) != 0) return no_session();
    NPGOV_ASSIGN_OR_RETURN(auto expires, Timestamp::Parse(row->Text(2)));
    if (expires.unix_seconds <= clock_.Now().unix_seconds) {
        return MakeError(ErrorCode::kUnauthenticated, "auth.session_expired", "会话已过期，请重新登录",
                         "the session has expired; please sign in again");
    }
    NPGOV_ASSIGN_OR_RETURN(auto user, users_.Find(row->Int(0)));
    if (user.disabled) {
        return MakeError(ErrorCode::kUnauthenticated, "auth.disabled", "该账号已停用", "this account is disabled");
    }
    return Authenticated{ToPrincipal(user), user, row->Text(1)};
}

}  // namespace npgov::auth
