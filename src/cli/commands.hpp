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

// `npgov monitoring import|site add|sites|summary` (cmd_monitoring.cpp).
struct MonitoringImportArgs {
    std::string file;                // lab result file: CSV (UTF-8 or GBK) or xlsx
    std::optional<std::string> lab;  // laboratory for rows that name none
    bool dry_run = false;
    bool json = false;
};
int RunMonitoringImport(const MonitoringImportArgs& args, const config::Config& config, CliContext& context);
struct MonitoringSiteAddArgs {
    std::string code, name, type, region, water_body;
    std::optional<double> latitude, longitude;
    bool json = false;
};
int RunMonitoringSiteAdd(const MonitoringSiteAddArgs& args, const config::Config& config, CliContext& context);
struct MonitoringSitesArgs {
    std::optional<std::string> type, region;
    bool json = false;
};
int RunMonitoringSites(const MonitoringSitesArgs& args, const config::Config& config, CliContext& context);
struct MonitoringSummaryArgs {
    std::optional<std::string> cas, site;
    std::string group_by = "site";
    std::optional<double> threshold;
    std::optional<std::string> threshold_unit;
    bool json = false;
};
int RunMonitoringSummary(const MonitoringSummaryArgs& args, const config::Config& config, CliContext& context);

}  // namespace npgov::cli

namespace CLI {
class App;
}

namespace npgov::cli {

// `npgov substance …`, `npgov lists …` and `npgov import iecsc` (cmd_substance.cpp): adds the
// verbs to `app`; the verb chosen sets `action`.
void AddSubstanceCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context);
// Loads data/lists/ (list editions and the seed substances); run by `db seed-reference`.
int SeedListsAndSubstances(const config::Config& config, CliContext& context);

// `npgov enterprise import|export` (cmd_enterprise.cpp) and `npgov survey …` (cmd_survey.cpp).
void AddEnterpriseCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context);
void AddSurveyCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context);
// `npgov fate level3` (cmd_fate.cpp): Mackay Level III fugacity model; no database.
void AddFateCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context);
// `npgov assess …`: cli.cpp creates the group and hands it to each verb's Add function.
// `assess pnec` (cmd_assess.cpp): PNEC by assessment factors and by SSD from a file; no database.
void AddAssessPnecCommand(CLI::App& assess, std::function<int(const config::Config&)>& action, CliContext& context);
// `assess screen` and `assess risk` (cmd_assess_db.cpp): screening of the registry, stored as a
// run; the risk assessment of one substance. On the configured database.
void AddAssessDbCommands(CLI::App& assess, std::function<int(const config::Config&)>& action, CliContext& context);
// `npgov hazard import|show` (cmd_hazard.cpp): hazard data files and a substance's hazard profile.
void AddHazardCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context);
// Whole-file helpers of those verbs. Errors: kNotFound / kUnavailable "cli.file".
Result<std::string> ReadInputFile(const std::string& path);
Status WriteOutputFile(const std::string& path, const std::string& bytes);

}  // namespace npgov::cli
