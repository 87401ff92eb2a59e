// Login, logout and session lookup. A session is an opaque random token (cookie or bearer);
// the database keeps only its SHA-256. Browser writes also need the session's CSRF token.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/login_limiter.hpp"
#include "modules/auth/roles.hpp"
#include "modules/auth/users.hpp"
#include "store/database.hpp"

namespace npgov::auth {

struct SessionOptions {
    std::int64_t lifetime_seconds = 12 * 3600;
};

struct Session {
    std::string token;       // give to the client once; not stored
    std::string csrf_token;  // the browser echoes it in X-CSRF-Token on writes
    std::string expires_at;  // ISO 8601 UTC
    User user;
};

// An authenticated request's identity.
struct Authenticated {
    Principal principal;
    User user;
    std::string csrf_token;
};

class SessionManager {
public:
    SessionManager(store::Database& db, UserDirectory& users, audit::AuditLog& audit, LoginLimiter& limiter,
                   const Clock& clock, SessionOptions options = {})
        : db_(db), users_(users), audit_(audit), limiter_(limiter), clock_(clock), options_(options) {}

    // Checks the password and opens a session. Errors: kUnauthenticated
    // "auth.bad_credentials" (unknown user or wrong password: same message),
    // "auth.disabled"; kResourceExhausted "auth.rate_limited". Failed attempts are audited.
    Result<Session> Login(const std::string& username, const std::string& password, const std::string& client);

    // Revokes the session of `token` (no-op for an unknown token).
    Status Logout(const std::string& token);

    // Resolves a token to its user. Errors: kUnauthenticated "auth.no_session" (unknown,
    // forged or revoked), "auth.session_expired", "auth.disabled".
    Result<Authenticated> Resolve(const std::string& token);

private:
    store::Database& db_;
    UserDirectory& users_;
    audit::AuditLog& audit_;
    LoginLimiter& limiter_;
    const Clock& clock_;
    SessionOptions options_;
};

// The principal for a user.
Principal ToPrincipal(const User& user);

}  // namespace npgov::auth
