#include "config/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace npgov::config {
namespace {

std::filesystem::path WriteConfig(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / name;
    std::ofstream(path) << text;
    return path;
}

TEST(LoadConfigTest, ReadsAFileOverDefaults) {
    const auto path = WriteConfig("npgov_config_ok.toml",
                                  "[database]\nurl = \"sqlite:/tmp/x.db\"\n[server]\nport = 9000\n"
                                  "[auth]\nsession_hours = 2\n");
    ::unsetenv("NPGOV_DATABASE_URL");
    auto config = LoadConfig(path);
    ASSERT_TRUE(config) << config.error().Describe();
    EXPECT_EQ(config->database.url, "sqlite:/tmp/x.db");
    EXPECT_EQ(config->server.port, 9000);
    EXPECT_EQ(config->server.host, "127.0.0.1") << "untouched keys keep their defaults";
    EXPECT_EQ(config->auth.session_hours, 2);
}

TEST(LoadConfigTest, EnvironmentOverridesTheDatabaseUrl) {
    const auto path = WriteConfig("npgov_config_env.toml", "[database]\nurl = \"sqlite:/tmp/x.db\"\n");
    ::setenv("NPGOV_DATABASE_URL", "postgresql://npgov@db/npgov", 1);
    auto config = LoadConfig(path);
    ::unsetenv("NPGOV_DATABASE_URL");
    ASSERT_TRUE(config);
    EXPECT_EQ(config->database.url, "postgresql://npgov@db/npgov");
}

TEST(LoadConfigTest, BadFilesAreClearErrors) {
    EXPECT_EQ(LoadConfig(std::filesystem::path("/nonexistent/npgov.toml")).error().reason, "config.file");
    auto syntax = LoadConfig(WriteConfig("npgov_config_syntax.toml", "[server\nport = 1\n"));
    ASSERT_FALSE(syntax);
    EXPECT_EQ(syntax.error().reason, "config.parse");
    auto type = LoadConfig(WriteConfig("npgov_config_type.toml", "[server]\nport = \"eighty\"\n"));
    ASSERT_FALSE(type);
    EXPECT_EQ(type.error().reason, "config.parse");
    auto range = LoadConfig(WriteConfig("npgov_config_range.toml", "[server]\nport = 70000\n"));
    ASSERT_FALSE(range);
    EXPECT_EQ(range.error().field, "server.port");
}

}  // namespace
}  // namespace npgov::config
