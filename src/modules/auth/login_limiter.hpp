// Limits password guessing: after `max_failures` failed logins for one username or from one
// client address within `window_seconds`, further attempts for it are refused until the
// window has passed. Counts are per process (a restart clears them). Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace npgov::auth {

struct LoginLimits {
    int max_failures = 5;
    std::int64_t window_seconds = 15 * 60;
};

class LoginLimiter {
public:
    LoginLimiter(const Clock& clock, LoginLimits limits) : clock_(clock), limits_(limits) {}

    // Ok, or kResourceExhausted "auth.rate_limited" naming the seconds to wait.
    Status Check(const std::string& username, const std::string& client);
    void RecordFailure(const std::string& username, const std::string& client);
    // A success clears the username's failures (not the client's).
    void RecordSuccess(const std::string& username);

private:
    std::int64_t SecondsBlocked(const std::string& key, std::int64_t now);

    const Clock& clock_;
    LoginLimits limits_;
    std::mutex mutex_;
    std::map<std::string, std::deque<std::int64_t>> failures_;  // key → failure times
};

}  // namespace npgov::auth
