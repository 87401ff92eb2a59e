// The verbs of the `npgov` command, each an Args struct and a Run function. Internal to src/cli.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cli/cli.hpp"

namespace npgov::cli {

// Prints `error` (both languages, or JSON) to context.err and returns its exit code.
int Fail(CliContext& context, const Error& error, bool json = false);

struct ServeArgs {
    std::optional<int> port;
    std::optional<std::string> host;
};
int RunServe(const ServeArgs& args, const config::Config& config, CliContext& context);

int RunDbMigrate(const config::Config& config, CliContext& context);
int RunDbSeedReference(const config::Config& config, CliContext& context);
struct SeedDemoArgs {
    std::uint64_t seed = 2023;
    int enterprises = 120;
};
int RunDbSeedDemo(const SeedDemoArgs& args, const config::Config& config, CliContext& context);

struct UserAddArgs {
    std::string username;
    std::string display_name;
    std::string role;
    std::optional<std::string> department;
    std::optional<std::string> region;
    std::optional<std::int64_t> enterprise_id;
    bool password_stdin = false;  // else NPGOV_NEW_PASSWORD
    bool json = false;
};
int RunUserAdd(const UserAddArgs& args, const config::Config& config, CliContext& context, std::istream& in);
struct UserListArgs {
    bool json = false;
};
int RunUserList(const UserListArgs& args, const config::Config& config, CliContext& context);
struct UserDisableArgs {
    std::string username;
    bool json = false;
};
int RunUserDisable(const UserDisableArgs& args, const config::Config& config, CliContext& context);

struct AuditVerifyArgs {
    bool json = false;
};
int RunAuditVerify(const AuditVerifyArgs& args, const config::Config& config, CliContext& context);

enum class ValidateKind { kCas, kUscc };
struct ValidateArgs {
    ValidateKind kind = ValidateKind::kCas;
    std::string value;
    bool json = false;
};
int RunValidate(const ValidateArgs& args, CliContext& context);

// `npgov stats censored|trend`: CSV in, stats engine summaries out; no database (cmd_stats.cpp).
struct StatsCensoredArgs {
    std::string input;                    // CSV: [group,] value, censored[, limit]
    std::optional<std::string> group_by;  // grouping column; default "group" if present
    bool json = false;
};
int RunStatsCensored(const StatsCensoredArgs& args, CliContext& context);
struct StatsTrendArgs {
    std::string input;  // CSV: time (date or decimal year), value[, season]
    bool json = false;
};
int RunStatsTrend(const StatsTrendArgs& args, CliContext& context);

}  // namespace npgov::cli
