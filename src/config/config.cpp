#include "config/config.hpp"

#include <cstdlib>

#include <toml.hpp>

namespace npgov::config {
namespace {

Error ValueError(const std::string& key, const std::string& why_zh, const std::string& why_en) {
    return MakeError(ErrorCode::kInvalidArgument, "config.value", "配置项 " + key + " " + why_zh,
                     "configuration key " + key + " " + why_en, key).value();
}

template <typename T>
void Read(const toml::value& table, const char* section, const char* key, T& out) {
    if (!table.contains(section)) return;
    const auto& s = toml::find(table, section);
    if (s.contains(key)) out = toml::find<T>(s, key);
}

Status Validate(const Config& c) {
    if (c.server.port < 0 || c.server.port > 65535) return tl::unexpected(ValueError("server.port", "须在 0–65535 之间", "must be 0–65535"));
    if (c.server.threads < 1 || c.server.threads > 1024) return tl::unexpected(ValueError("server.threads", "须在 1–1024 之间", "must be 1–1024"));
    if (c.database.pool_size < 1) return tl::unexpected(ValueError("database.pool_size", "须至少为 1", "must be at least 1"));
    if (c.auth.session_hours < 1) return tl::unexpected(ValueError("auth.session_hours", "须至少为 1", "must be at least 1"));
    if (c.auth.max_failed_logins < 1) return tl::unexpected(ValueError("auth.max_failed_logins", "须至少为 1", "must be at least 1"));
    if (c.auth.lockout_minutes < 1) return tl::unexpected(ValueError("auth.lockout_minutes", "须至少为 1", "must be at least 1"));
    return Ok();
}

}  // namespace

Result<Config> LoadConfig(const std::optional<std::filesystem::path>& path) {
    Config c;
    std::optional<std::filesystem::path> file = path;
    if (!file && std::filesystem::exists("npgov.toml")) file = "npgov.toml";
    if (file) {
        if (!std::filesystem::exists(*file)) {
            return MakeError(ErrorCode::kNotFound, "config.file", "找不到配置文件：" + file->string(),
                             "configuration file not found: " + file->string(), "config");
        }
        try {
            const auto t = toml::parse(file->string());
            Read(t, "database", "url", c.database.url);
            Read(t, "database", "pool_size", c.database.pool_size);
            Read(t, "server", "host", c.server.host);
            Read(t, "server", "port", c.server.port);
            Read(t, "server", "threads", c.server.threads);
            Read(t, "server", "web_root", c.server.web_root);
            Read(t, "auth", "session_hours", c.auth.session_hours);
            Read(t, "auth", "max_failed_logins", c.auth.max_failed_logins);
            Read(t, "auth", "lockout_minutes", c.auth.lockout_minutes);
            Read(t, "auth", "secure_cookie", c.auth.secure_cookie);
            if (t.contains("data_dir")) c.data_dir = toml::find<std::string>(t, "data_dir");
            if (t.contains("log_level")) c.log_level = toml::find<std::string>(t, "log_level");
        } catch (const std::exception& e) {
            return MakeError(ErrorCode::kInvalidArgument, "config.parse", "配置文件格式错误：" + std::string(e.what()),
                             "cannot read the configuration: " + std::string(e.what()), "config");
        }
    }
    if (const char* url = std::getenv("NPGOV_DATABASE_URL"); url && *url) c.database.url = url;
    NPGOV_RETURN_IF_ERROR(Validate(c));
    return c;
}

}  // namespace npgov::config
