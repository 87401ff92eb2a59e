#include "cli/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace npgov::cli {

int ExitCode(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument:
        case ErrorCode::kNotFound:
        case ErrorCode::kAlreadyExists:
        case ErrorCode::kFailedPrecondition:
        case ErrorCode::kDataLoss:
            return kExitData;
        case ErrorCode::kUnauthenticated:
        case ErrorCode::kPermissionDenied:
            return kExitNoPermission;
        case ErrorCode::kResourceExhausted:
            return kExitTryLater;
        case ErrorCode::kUnavailable:
            return kExitUnavailable;
        case ErrorCode::kInternal:
            return kExitInternal;
    }
    return kExitInternal;
}

int RunCli(int argc, char** argv, CliContext& context) {
    CLI::App app{"npgov — new-pollutant governance platform (新污染物治理平台)", "npgov"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("npgov ") + NPGOV_VERSION);
    std::optional<std::string> config_path;
    app.add_option("--config", config_path, "configuration file (default ./npgov.toml if present)");

    std::function<int(const config::Config&)> action;

    ServeArgs serve;
    auto* serve_cmd = app.add_subcommand("serve", "serve the API and the web app");
    serve_cmd->add_option("--port", serve.port, "port (0 = any free port); overrides server.port");
    serve_cmd->add_option("--host", serve.host, "address to listen on; overrides server.host");
    serve_cmd->callback([&] { action = [&](const config::Config& c) { return RunServe(serve, c, context); }; });

    auto* db_cmd = app.add_subcommand("db", "database maintenance");
    db_cmd->require_subcommand(1);
    db_cmd->add_subcommand("migrate", "create or upgrade the schema")->callback([&] {
        action = [&](const config::Config& c) { return RunDbMigrate(c, context); };
    });
    db_cmd->add_subcommand("seed-reference", "load departments, regions and industries from data/")->callback([&] {
        action = [&](const config::Config& c) { return RunDbSeedReference(c, context); };
    });
    SeedDemoArgs seed_demo;
    auto* seed_demo_cmd = db_cmd->add_subcommand("seed-demo", "generate the synthetic demo city into an empty database");
    seed_demo_cmd->add_option("--seed", seed_demo.seed, "random seed (same seed, same data)")->capture_default_str();
    seed_demo_cmd->add_option("--enterprises", seed_demo.enterprises, "number of enterprises")
        ->check(CLI::Range(1, 100000))->capture_default_str();
    seed_demo_cmd->callback([&] { action = [&](const config::Config& c) { return RunDbSeedDemo(seed_demo, c, context); }; });

    auto* user_cmd = app.add_subcommand("user", "user accounts");
    user_cmd->require_subcommand(1);
    UserAddArgs user_add;
    auto* add_cmd = user_cmd->add_subcommand("add", "create a user (password from NPGOV_NEW_PASSWORD or --password-stdin)");
    add_cmd->add_option("username", user_add.username, "login name")->required();
    add_cmd->add_option("--name", user_add.display_name, "display name")->required();
    add_cmd->add_option("--role", user_add.role, "admin | officer | inspector | enterprise | analyst")->required();
    add_cmd->add_option("--department", user_add.department, "department code (required for officers)");
    add_cmd->add_option("--region", user_add.region, "county code limiting the user's scope");
    add_cmd->add_option("--enterprise-id", user_add.enterprise_id, "the enterprise of an enterprise user");
    add_cmd->add_flag("--password-stdin", user_add.password_stdin, "read the password from standard input");
    add_cmd->add_flag("--json", user_add.json, "print JSON");
    add_cmd->callback([&] { action = [&](const config::Config& c) { return RunUserAdd(user_add, c, context, std::cin); }; });
    UserListArgs user_list;
    auto* list_cmd = user_cmd->add_subcommand("list", "list users");
    list_cmd->add_flag("--json", user_list.json, "print JSON");
    list_cmd->callback([&] { action = [&](const config::Config& c) { return RunUserList(user_list, c, context); }; });
    UserDisableArgs user_disable;
    auto* disable_cmd = user_cmd->add_subcommand("disable", "disable a user and end their sessions");
    disable_cmd->add_option("username", user_disable.username, "login name")->required();
    disable_cmd->add_flag("--json", user_disable.json, "print JSON");
    disable_cmd->callback([&] { action = [&](const config::Config& c) { return RunUserDisable(user_disable, c, context); }; });

    auto* audit_cmd = app.add_subcommand("audit", "the hash-chained audit log");
    audit_cmd->require_subcommand(1);
    AuditVerifyArgs audit_verify;
    auto* verify_cmd = audit_cmd->add_subcommand("verify", "recompute the chain; exit 65 at the first broken link");
    verify_cmd->add_flag("--json", audit_verify.json, "print JSON");
    verify_cmd->callback([&] { action = [&](const config::Config& c) { return RunAuditVerify(audit_verify, c, context); }; });

    auto* validate_cmd = app.add_subcommand("validate", "check an identifier; exit 0 if valid, 65 if not");
    validate_cmd->require_subcommand(1);
    ValidateArgs validate;
    for (auto [name, kind, help] : {std::tuple{"cas", ValidateKind::kCas, "a CAS Registry Number (format and check digit)"},
                                    std::tuple{"uscc", ValidateKind::kUscc, "a unified social credit code (GB 32100-2015)"}}) {
        auto* cmd = validate_cmd->add_subcommand(name, help);
        cmd->add_option("value", validate.value, "the identifier")->required();
        cmd->add_flag("--json", validate.json, "print {\"valid\": …, \"error\": …}");
        cmd->callback([&validate, &action, &context, kind = kind] {
            validate.kind = kind;
            action = [&](const config::Config&) { return RunValidate(validate, context); };
        });
    }

    auto* stats_cmd = app.add_subcommand("stats", "statistics of a CSV file: non-detects, trends (no database)");
    stats_cmd->require_subcommand(1);
    StatsCensoredArgs stats_censored;
    auto* censored_cmd = stats_cmd->add_subcommand(
        "censored", "per group: detection frequency, Kaplan-Meier and ROS estimates, LOD/2 for comparison");
    censored_cmd->add_option("--input", stats_censored.input, "CSV with columns [group,] value, censored, limit")->required();
    censored_cmd->add_option("--group-by", stats_censored.group_by, "grouping column (default: group, if present)");
    censored_cmd->add_flag("--json", stats_censored.json, "print JSON");
    censored_cmd->callback([&] { action = [&](const config::Config&) { return RunStatsCensored(stats_censored, context); }; });
    StatsTrendArgs stats_trend;
    auto* trend_cmd = stats_cmd->add_subcommand("trend", "Mann-Kendall, Sen slope, and seasonal Kendall with a season column");
    trend_cmd->add_option("--input", stats_trend.input, "CSV with columns time (date or decimal year), value[, season]")->required();
    trend_cmd->add_flag("--json", stats_trend.json, "print JSON");
    trend_cmd->callback([&] { action = [&](const config::Config&) { return RunStatsTrend(stats_trend, context); }; });

    auto* monitoring_cmd = app.add_subcommand("monitoring", "monitoring sites and lab results (non-detects kept as data)");
    monitoring_cmd->require_subcommand(1);
    MonitoringImportArgs monitoring_import;
    auto* monitoring_import_cmd = monitoring_cmd->add_subcommand(
        "import", "import a lab result file (CSV UTF-8/GBK or xlsx): every row checked, all or nothing");
    monitoring_import_cmd->add_option("file", monitoring_import.file, "the lab's file")->required();
    monitoring_import_cmd->add_option("--lab", monitoring_import.lab, "laboratory, for files without a laboratory column");
    monitoring_import_cmd->add_flag("--dry-run", monitoring_import.dry_run, "check every row, store nothing");
    monitoring_import_cmd->add_flag("--json", monitoring_import.json, "print JSON");
    monitoring_import_cmd->callback([&] {
        action = [&](const config::Config& c) { return RunMonitoringImport(monitoring_import, c, context); };
    });
    auto* monitoring_site_cmd = monitoring_cmd->add_subcommand("site", "monitoring sites");
    monitoring_site_cmd->require_subcommand(1);
    MonitoringSiteAddArgs monitoring_site_add;
    auto* monitoring_site_add_cmd = monitoring_site_cmd->add_subcommand("add", "register a monitoring site");
    monitoring_site_add_cmd->add_option("code", monitoring_site_add.code, "site code, as labs write it")->required();
    monitoring_site_add_cmd->add_option("--name", monitoring_site_add.name, "site name")->required();
    monitoring_site_add_cmd->add_option("--type", monitoring_site_add.type,
                                        "drinking_water_source | river_section | reservoir | groundwater_well | "
                                        "park_outfall | park_surroundings | wwtp_influent | wwtp_effluent | soil | "
                                        "sediment | air")->required();
    monitoring_site_add_cmd->add_option("--region", monitoring_site_add.region, "county code (GB/T 2260)")->required();
    monitoring_site_add_cmd->add_option("--water-body", monitoring_site_add.water_body, "river, reservoir or aquifer");
    monitoring_site_add_cmd->add_option("--lat", monitoring_site_add.latitude, "latitude (WGS 84)");
    monitoring_site_add_cmd->add_option("--lon", monitoring_site_add.longitude, "longitude (WGS 84)");
    monitoring_site_add_cmd->add_flag("--json", monitoring_site_add.json, "print JSON");
    monitoring_site_add_cmd->callback([&] {
        action = [&](const config::Config& c) { return RunMonitoringSiteAdd(monitoring_site_add, c, context); };
    });
    MonitoringSitesArgs monitoring_sites;
    auto* monitoring_sites_cmd = monitoring_cmd->add_subcommand("sites", "list monitoring sites");
    monitoring_sites_cmd->add_option("--type", monitoring_sites.type, "only sites of this type");
    monitoring_sites_cmd->add_option("--region", monitoring_sites.region, "only sites in this county");
    monitoring_sites_cmd->add_flag("--json", monitoring_sites.json, "print JSON");
    monitoring_sites_cmd->callback([&] {
        action = [&](const config::Config& c) { return RunMonitoringSites(monitoring_sites, c, context); };
    });
    MonitoringSummaryArgs monitoring_summary;
    auto* monitoring_summary_cmd = monitoring_cmd->add_subcommand(
        "summary", "per site and substance: detection frequency, Kaplan-Meier, ROS, LOD/2 for comparison");
    monitoring_summary_cmd->add_option("--cas", monitoring_summary.cas, "only this substance");
    monitoring_summary_cmd->add_option("--site", monitoring_summary.site, "only this site (code)");
    monitoring_summary_cmd->add_option("--group-by", monitoring_summary.group_by, "site | substance")->capture_default_str();
    monitoring_summary_cmd->add_option("--threshold", monitoring_summary.threshold, "exceedance threshold (PNEC, standard)");
    monitoring_summary_cmd->add_option("--threshold-unit", monitoring_summary.threshold_unit, "unit of the threshold, e.g. ng/L");
    monitoring_summary_cmd->add_flag("--json", monitoring_summary.json, "print JSON");
    monitoring_summary_cmd->callback([&] {
        action = [&](const config::Config& c) { return RunMonitoringSummary(monitoring_summary, c, context); };
    });

    AddSubstanceCommands(app, action, context);
    AddEnterpriseCommands(app, action, context);
    AddSurveyCommands(app, action, context);
    AddHazardCommands(app, action, context);
    // `npgov assess …` (筛、评): one group; each verb's file adds itself here (cmd_assess.cpp: pnec).
    auto* assess_cmd = app.add_subcommand("assess", "risk screening and assessment: PNEC, screening, risk (筛、评)");
    assess_cmd->require_subcommand(1);
    AddAssessPnecCommand(*assess_cmd, action, context);
    AddAssessDbCommands(*assess_cmd, action, context);
    AddFateCommands(app, action, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e, context.out, context.err);
    } catch (const CLI::ParseError& e) {
        app.exit(e, context.out, context.err);
        return kExitUsage;
    }
    if (!action) return kExitUsage;
    // Validation and statistics need no configuration: skip loading it so they work anywhere.
    if (app.got_subcommand("validate") || app.got_subcommand("stats")) return action(config::Config{});
    auto config = config::LoadConfig(config_path ? std::optional<std::filesystem::path>(*config_path) : std::nullopt);
    if (!config) return Fail(context, config.error());
    return action(*config);
}

}  // namespace npgov::cli
