// `npgov monitoring …`: import a laboratory's result file, register and list sites, and print
// the censored-data summaries per site and substance. Bad rows are all listed (exit 65).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "modules/monitoring/monitoring_json.hpp"

namespace npgov::cli {
namespace {

constexpr std::string_view kCliActor = "system:cli";
// The command line reads files from disk, so it allows larger files than an upload.
constexpr std::size_t kCliMaxBytes = std::size_t{1} << 30;
constexpr std::size_t kCliMaxRows = 5'000'000;

Result<std::string> ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "monitoring.file_unreadable", "无法读取文件：" + ToMessageSnippet(path, 80),
                         "cannot read the file: " + ToMessageSnippet(path, 80), "file");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string Format(double v) {
    if (!std::isfinite(v)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string Format(const std::optional<double>& v) { return v ? Format(*v) : "-"; }

void PrintErrors(std::ostream& err, const std::vector<Error>& errors, std::int64_t omitted) {
    for (const auto& e : errors) {
        err << "  " << e.message_zh << "\n  " << e.message_en << "  [" << e.reason << "]\n";
    }
    if (omitted > 0) err << "  … " << omitted << " more (未列出的错误另有 " << omitted << " 处)\n";
}

}  // namespace

int RunMonitoringImport(const MonitoringImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadWholeFile(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    monitoring::ImportRequest request;
    request.bytes = *bytes;
    request.file_name = std::filesystem::path(args.file).filename().string();
    request.laboratory = args.lab.value_or("");
    request.mode = args.dry_run ? monitoring::ImportMode::kDryRun : monitoring::ImportMode::kCommit;
    request.max_bytes = kCliMaxBytes;
    request.max_rows = kCliMaxRows;
    auto report = (*app)->services().monitoring.imports.Import(request, {}, std::string(kCliActor));
    if (!report) return Fail(context, report.error(), args.json);
    if (args.json) {
        context.out << monitoring::ToJson(*report).dump(2) << "\n";
    } else if (report->errors.empty()) {
        context.out << (report->committed ? "imported " : "checked (dry run, nothing stored) ") << report->results
                    << " results (" << report->censored << " non-detects) from " << report->rows << " rows of "
                    << report->file_name << " [" << report->format << "]: " << report->sites << " sites, "
                    << report->events_created << " new sampling events, " << report->samples_created
                    << " new samples, " << report->first_date << " … " << report->last_date;
        if (report->committed) context.out << ", import " << report->import_id;
        context.out << "\nsha256 " << report->sha256 << "\n";
        for (const auto& w : report->warnings) context.err << "npgov: " << w.message_zh << "\nnpgov: " << w.message_en << "\n";
    }
    if (!report->errors.empty()) {
        const std::int64_t count = static_cast<std::int64_t>(report->errors.size()) + report->errors_omitted;
        context.err << "npgov: 文件有 " << count << " 处错误，未导入任何数据 / the file has " << count
                    << " problem(s); nothing was imported\n";
        PrintErrors(context.err, report->errors, report->errors_omitted);
        return kExitData;
    }
    return kExitOk;
}

int RunMonitoringSiteAdd(const MonitoringSiteAddArgs& args, const config::Config& config, CliContext& context) {
    auto type = monitoring::ParseSiteType(args.type);
    if (!type) return Fail(context, type.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    monitoring::NewSite input{args.code, args.name, *type, args.region, args.water_body, args.latitude, args.longitude, false};
    auto site = s.monitoring.sites.Create(input, {}, std::string(kCliActor));
    if (!site) return Fail(context, site.error(), args.json);
    if (args.json) {
        auto regions = s.reference.ListRegions();
        if (!regions) return Fail(context, regions.error(), args.json);
        context.out << monitoring::ToJson(*site, *regions).dump(2) << "\n";
    } else {
        context.out << "registered site " << site->code << " (id " << site->id << ")\n";
    }
    return kExitOk;
}

int RunMonitoringSites(const MonitoringSitesArgs& args, const config::Config& config, CliContext& context) {
    monitoring::SiteQuery query;
    if (args.type) {
        auto type = monitoring::ParseSiteType(*args.type);
        if (!type) return Fail(context, type.error(), args.json);
        query.type = *type;
    }
    query.region_code = args.region;
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    auto regions = s.reference.ListRegions();
    if (!regions) return Fail(context, regions.error(), args.json);
    nlohmann::json all = nlohmann::json::array();
    for (int page = 1;; ++page) {
        auto sites = s.monitoring.sites.List(query, {}, {page, kMaxPageSize});
        if (!sites) return Fail(context, sites.error(), args.json);
        for (const auto& site : sites->items) {
            if (args.json) {
                all.push_back(monitoring::ToJson(site, *regions));
            } else {
                context.out << std::left << std::setw(6) << site.id << std::setw(14) << site.code << std::setw(24)
                            << monitoring::ToString(site.type) << std::setw(8) << site.region_code << site.name << "\n";
            }
        }
        if (static_cast<std::int64_t>(page) * kMaxPageSize >= sites->total) break;
    }
    if (args.json) context.out << all.dump(2) << "\n";
    return kExitOk;
}

int RunMonitoringSummary(const MonitoringSummaryArgs& args, const config::Config& config, CliContext& context) {
    monitoring::SummaryQuery query;
    if (args.cas) {
        auto cas = CasNumber::Parse(*args.cas);
        if (!cas) return Fail(context, cas.error(), args.json);
        query.filter.cas = cas->text();
    }
    if (args.group_by == "substance") {
        query.group_by = monitoring::GroupBy::kSubstance;
    } else if (args.group_by != "site") {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "monitoring.group_by", "--group-by 须为 site 或 substance",
                                       "--group-by must be site or substance", "group_by").value(),
                    args.json);
    }
    if (args.threshold.has_value() != args.threshold_unit.has_value()) {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "monitoring.threshold",
                                       "--threshold 与 --threshold-unit 须同时给出",
                                       "--threshold and --threshold-unit go together", "threshold").value(),
                    args.json);
    }
    if (args.threshold) {
        auto unit = monitoring::ParseConcentrationUnit(*args.threshold_unit);
        if (!unit) return Fail(context, unit.error(), args.json);
        query.threshold = monitoring::Threshold{*args.threshold, *unit};
    }
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    if (args.site) {
        auto sites = s.monitoring.sites.FindByCodes({monitoring::NormaliseSiteCode(*args.site)}, {});
        if (!sites) return Fail(context, sites.error(), args.json);
        if (sites->empty()) {
            return Fail(context, MakeError(ErrorCode::kNotFound, "monitoring.site_unknown", "点位 " + *args.site + " 未登记",
                                           "the site " + *args.site + " is not registered", "site").value(),
                        args.json);
        }
        query.site_id = sites->begin()->second.id;
    }
    nlohmann::json all = nlohmann::json::array();
    if (!args.json) {
        context.out << "KM = Kaplan-Meier (flipped), ROS = regression on order statistics; LOD/2 for comparison only\n";
        context.out << std::left << std::setw(14) << "site" << std::setw(12) << "CAS" << std::setw(9) << "medium"
                    << std::setw(7) << "n" << std::setw(7) << "DF%" << std::setw(10) << "KM mean" << std::setw(10)
                    << "KM median" << std::setw(10) << "KM P95" << std::setw(10) << "ROS mean" << std::setw(10)
                    << "LOD/2" << "unit\n";
    }
    auto visited = s.monitoring.results.ForEachSummary(query, {}, [&](const monitoring::GroupSummary& g) -> Status {
        if (args.json) {
            all.push_back(monitoring::ToJson(g));
            return Ok();
        }
        const auto& km = g.summary.kaplan_meier;
        const auto& ros = g.summary.ros;
        context.out << std::left << std::setw(14)
                    << (g.site ? g.site->code : "(" + std::to_string(g.sites) + (g.sites == 1 ? " site)" : " sites)"))
                    << std::setw(12) << g.cas << std::setw(9) << monitoring::ToString(g.medium) << std::setw(7)
                    << g.summary.detection.n << std::setw(7) << Format(100 * g.summary.detection.frequency)
                    << std::setw(10) << (km ? Format(km->mean) : "refused") << std::setw(10)
                    << (km ? Format(km->median) : "-") << std::setw(10) << (km ? Format(km->p95) : "-")
                    << std::setw(10) << (ros ? Format(ros->mean) : "refused") << std::setw(10)
                    << Format(g.summary.substitution.mean) << g.unit << "\n";
        return Ok();
    });
    if (!visited) return Fail(context, visited.error(), args.json);
    if (args.json) context.out << all.dump(2) << "\n";
    return kExitOk;
}

}  // namespace npgov::cli
