#include "modules/auth/login_limiter.hpp"

#include <algorithm>

namespace npgov::auth {

std::int64_t LoginLimiter::SecondsBlocked(const std::string& key, std::int64_t now) {
    auto it = failures_.find(key);
    if (it == failures_.end()) return 0;
    auto& times = it->second;
    while (!times.empty() && times.front() <= now - limits_.window_seconds) times.pop_front();
    if (times.empty()) {
        failures_.erase(it);
        return 0;
    }
    if (static_cast<int>(times.size()) < limits_.max_failures) return 0;
    return std::max<std::int64_t>(1, times.front() + limits_.window_seconds - now);
}

Status LoginLimiter::Check(const std::string& username, const std::string& client) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.Now().unix_seconds;
    const std::int64_t wait = std::max(SecondsBlocked("user:" + username, now), SecondsBlocked("client:" + client, now));
    if (wait == 0) return Ok();
    const std::string minutes = std::to_string((wait + 59) / 60);
    return MakeError(ErrorCode::kResourceExhausted, "auth.rate_limited",
                     "登录失败次数过多，请 " + minutes + " 分钟后再试",
                     "too many failed logins; try again in " + minutes + " minute(s)", "username");
}

void LoginLimiter::RecordFailure(const std::string& username, const std::string& client) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_.Now().unix_seconds;
    failures_["user:" + username].push_back(now);
    failures_["client:" + client].push_back(now);
}

void LoginLimiter::RecordSuccess(const std::string& username) {
    std::lock_guard lock(mutex_);
    failures_.erase("user:" + username);
}

}  // namespace npgov::auth
