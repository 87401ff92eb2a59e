// npgov's configuration: one tree of plain structs with commented defaults, read once from
// npgov.toml at start and passed down by const&. The environment overrides secrets only
// (NPGOV_DATABASE_URL, which may carry a password).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace npgov::config {

struct DatabaseConfig {
    std::string url = "sqlite:var/npgov.db";  // or "postgresql://user@host:5432/npgov"
    int pool_size = 16;                       // connections; at least the server's threads
};

struct ServerConfig {
    std::string host = "127.0.0.1";  // loopback by default; put a TLS proxy in front for others
    int port = 8080;                 // 0 picks a free port (printed at start)
    int threads = 16;                // request worker threads
    std::string web_root = "web/dist";  // the built web app; served at /
};

struct AuthConfig {
    std::int64_t session_hours = 12;  // a session lasts this long after login
    int max_failed_logins = 5;        // per username and per client address …
    int lockout_minutes = 15;         // … within this window
    bool secure_cookie = false;       // set true behind HTTPS: cookie gets the Secure flag
};

struct Config {
    DatabaseConfig database;
    ServerConfig server;
    AuthConfig auth;
    std::string data_dir = "data";  // reference data files
    std::string log_level = "info"; // trace, debug, info, warn, error
};

// Reads `path` if given (it must exist), else ./npgov.toml if it exists, else defaults; then
// applies NPGOV_DATABASE_URL. Errors: kNotFound "config.file", kInvalidArgument
// "config.parse" / "config.value" (message names the key).
Result<Config> LoadConfig(const std::optional<std::filesystem::path>& path);

}  // namespace npgov::config
