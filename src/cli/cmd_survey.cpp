// `npgov survey campaign|import|template|status|export`: the chemical information survey from the
// command line, acting as the bureau ("system:cli", full rights) on the configured database.
#include <iomanip>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/text.hpp"
#include "modules/enterprise/enterprise_import.hpp"
#include "modules/lists/list_registry.hpp"
#include "modules/survey/substance_link.hpp"
#include "modules/survey/survey_json.hpp"
#include "cli/on_run.hpp"

namespace npgov::cli {
namespace {

struct SurveyCampaignCreateArgs {
    int year = 0;
    std::string tier = "basic";
    std::string industries;  // comma-separated GB/T 4754 classes
    std::string substances;  // comma-separated CAS numbers
    std::string deadline;
    std::string title;
    bool json = false;
};
struct SurveyCampaignShowArgs {
    std::int64_t campaign = 0;
    bool json = false;
};
struct SurveyImportArgs {
    std::int64_t campaign = 0;
    std::string enterprise;  // id or USCC
    std::string file;
    bool submit = false;
    bool dry_run = false;
    bool json = false;
};
struct SurveyTemplateArgs {
    std::int64_t campaign = 0;
    std::string enterprise;
    std::string output;
};
struct SurveyStatusArgs {
    std::int64_t campaign = 0;
    bool json = false;
};
struct SurveyExportArgs {
    std::optional<std::int64_t> campaign;
    std::optional<int> year;
    std::string by = "substance";
    std::string list = "key_controlled";  // for --by list_entry
    std::string format = "xlsx";
    std::string output;
    bool json = false;
};

const auth::Principal kCli{0, "system:cli", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};

survey::SurveyService SurveyOf(Services& s) {
    survey::SubstanceResolver resolver;
    if (s.substances) resolver = survey::MakeRegistryResolver(*s.substances);
    return survey::SurveyService(s.db, s.enterprises, s.reference, s.audit, s.clock, std::move(resolver));
}

std::vector<std::string> SplitList(const std::string& text) {
    std::vector<std::string> out;
    std::string item;
    for (char c : NormalizeFullWidth(text) + ",") {
        if (c == ',' || c == ';' || c == ' ') {
            if (!item.empty()) out.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    return out;
}

// An enterprise by id (digits) or unified social credit code.
Result<std::int64_t> EnterpriseId(Services& s, const std::string& text) {
    const std::string t(Trim(text));
    if (!t.empty() && t.size() < 18 && t.find_first_not_of("0123456789") == std::string::npos) return std::stoll(t);
    NPGOV_ASSIGN_OR_RETURN(auto found, s.enterprises.FindByUscc(t));
    if (!found) {
        return MakeError(ErrorCode::kNotFound, "enterprise.unknown", "没有统一社会信用代码为 " + t + " 的企业",
                         "there is no enterprise with the code " + t, "enterprise");
    }
    return found->id;
}

std::string JoinList(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

void PrintCampaign(std::ostream& out, const survey::Campaign& c) {
    out << std::left << std::setw(5) << c.id << std::setw(6) << c.year << std::setw(10) << ToString(c.tier)
        << std::setw(12) << c.deadline.ToIsoString() << c.title << "  [" << c.industries.size() << " industries"
        << (c.substances.empty() ? "" : ", " + std::to_string(c.substances.size()) + " substances") << "]\n";
}

void PrintIssues(std::ostream& out, const std::vector<survey::Issue>& issues, std::int64_t total) {
    for (const auto& i : issues) {
        out << "  " << ToString(i.severity) << (i.resolved ? " (reason given)" : "") << " line " << i.line_no;
        if (i.error.row > 0) out << " row " << i.error.row;
        out << " [" << i.error.field << "] " << i.error.reason << ": " << i.error.message_zh << "\n";
    }
    if (total > static_cast<std::int64_t>(issues.size())) out << "  … and " << total - static_cast<std::int64_t>(issues.size()) << " more\n";
}

}  // namespace

static int RunSurveyCampaignCreate(const SurveyCampaignCreateArgs& args, const config::Config& config, CliContext& context) {
    auto tier = survey::ParseTier(args.tier);
    if (!tier) return Fail(context, tier.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    survey::NewCampaign input{args.year, *tier, args.title, SplitList(args.industries), SplitList(args.substances), args.deadline};
    auto campaign = SurveyOf((*app)->services()).CreateCampaign(input, kCli);
    if (!campaign) return Fail(context, campaign.error(), args.json);
    if (args.json) {
        context.out << survey::ToJson(*campaign).dump(2) << "\n";
    } else {
        context.out << "created campaign " << campaign->id << ": " << campaign->title << "\n";
    }
    return kExitOk;
}

static int RunSurveyCampaignList(const SurveyCampaignShowArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto list = SurveyOf((*app)->services()).ListCampaigns();
    if (!list) return Fail(context, list.error(), args.json);
    nlohmann::json all = nlohmann::json::array();
    for (const auto& c : *list) {
        if (args.json) {
            all.push_back(survey::ToJson(c));
        } else {
            PrintCampaign(context.out, c);
        }
    }
    if (args.json) context.out << all.dump(2) << "\n";
    return kExitOk;
}

static int RunSurveyCampaignShow(const SurveyCampaignShowArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto c = SurveyOf((*app)->services()).FindCampaign(args.campaign);
    if (!c) return Fail(context, c.error(), args.json);
    if (args.json) {
        context.out << survey::ToJson(*c).dump(2) << "\n";
    } else {
        PrintCampaign(context.out, *c);
        context.out << "industries: " << JoinList(c->industries) << "\n";
        if (!c->substances.empty()) context.out << "substances: " << JoinList(c->substances) << "\n";
    }
    return kExitOk;
}

static int RunSurveyImport(const SurveyImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadInputFile(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    auto enterprise_id = EnterpriseId(s, args.enterprise);
    if (!enterprise_id) return Fail(context, enterprise_id.error(), args.json);
    auto svc = SurveyOf(s);
    auto submission = svc.OpenSubmission(args.campaign, *enterprise_id, kCli);
    if (!submission) return Fail(context, submission.error(), args.json);
    auto report = svc.Upload(submission->id, *bytes, kCli, args.dry_run);
    if (!report) return Fail(context, report.error(), args.json);
    std::optional<Result<survey::Submission>> submitted;
    if (args.submit && !args.dry_run && (report->stored || report->unchanged)) submitted = svc.Submit(submission->id, kCli);
    if (args.json) {
        nlohmann::json j = survey::ToJson(*report);
        if (submitted) j["submit"] = *submitted ? survey::ToJson(**submitted) : nlohmann::json{{"error", (*submitted).error().reason}};
        context.out << j.dump(2) << "\n";
    } else {
        if (report->unchanged) {
            context.out << "unchanged: submission " << submission->id << " version " << report->version.number
                        << " already holds exactly these lines (same content, nothing imported again)\n";
        } else if (args.dry_run) {
            context.out << "checked " << report->version.line_count << " lines (" << report->format << "), nothing stored: "
                        << report->errors << " errors, " << report->open_warnings << " warnings needing a reason, "
                        << report->notices << " notices\n";
        } else if (report->stored) {
            context.out << "imported " << report->version.line_count << " lines (" << report->format << ") into submission "
                        << submission->id << " version " << report->version.number << ": " << report->errors << " errors, "
                        << report->open_warnings << " warnings needing a reason, " << report->notices << " notices\n";
        } else {
            context.err << "npgov: 文件有 " << report->errors << " 处错误，未导入任何数据 / " << report->errors
                        << " error(s), nothing imported:\n";
        }
        PrintIssues(report->errors == 0 ? context.out : context.err, report->issues, report->issues_total);
        if (submitted && *submitted) context.out << "submitted for county review\n";
    }
    if (submitted && !*submitted) return Fail(context, (*submitted).error(), false);
    return report->errors == 0 || report->unchanged ? kExitOk : kExitData;
}

static int RunSurveyTemplate(const SurveyTemplateArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    Services& s = (*app)->services();
    auto enterprise_id = EnterpriseId(s, args.enterprise);
    if (!enterprise_id) return Fail(context, enterprise_id.error());
    auto bytes = SurveyOf(s).Template(args.campaign, *enterprise_id, kCli);
    if (!bytes) return Fail(context, bytes.error());
    if (auto written = WriteOutputFile(args.output, *bytes); !written) return Fail(context, written.error());
    context.out << "wrote " << args.output << "\n";
    return kExitOk;
}

static int RunSurveyStatus(const SurveyStatusArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto report = SurveyOf((*app)->services()).CampaignStatus(args.campaign, kCli);
    if (!report) return Fail(context, report.error(), args.json);
    if (args.json) {
        context.out << survey::ToJson(*report).dump(2) << "\n";
        return kExitOk;
    }
    context.out << report->campaign.title << " — as of " << report->as_of << ", deadline "
                << report->campaign.deadline.ToIsoString() << (report->deadline_passed ? " (passed)" : "") << "\n";
    context.out << report->obligations.size() << " enterprises must report: " << report->reported << " reported ("
                << report->approved << " approved), " << report->not_reported << " not reported\n";
    if (report->not_reported > 0) context.out << "not reported (remind):\n";
    for (const auto& o : report->obligations) {
        if (o.reported) continue;
        const auto& e = o.enterprise;
        context.out << "  " << std::left << std::setw(6) << e.id << e.uscc << "  " << e.name << "  " << e.region_code
                    << "  " << (e.contact_name.empty() ? "-" : e.contact_name) << " "
                    << (e.contact_phone.empty() ? "-" : e.contact_phone)
                    << (o.submission ? "  (" + std::string(ToString(o.submission->status)) + ")" : "  (not opened)")
                    << (o.late ? "  OVERDUE" : "") << "\n";
    }
    return kExitOk;
}

static int RunSurveyExport(const SurveyExportArgs& args, const config::Config& config, CliContext& context) {
    auto group_by = survey::ParseGroupByList(args.by);
    if (!group_by) return Fail(context, group_by.error(), args.json);
    auto format = enterprise::ParseExportFormat(args.format);
    if (!format) return Fail(context, format.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    survey::ResultQuery query;
    query.campaign_id = args.campaign;
    query.year = args.year;
    query.group_by = *group_by;
    std::optional<lists::Edition> edition;
    if (query.group_by.front() == survey::GroupBy::kListEntry) {
        NPGOV_CHECK((*app)->services().lists != nullptr);
        auto found = (*app)->services().lists->FindEdition(args.list);
        if (!found) return Fail(context, found.error(), args.json);
        edition = std::move(*found);
        query.list = &*edition;
    }
    auto table = SurveyOf((*app)->services()).Results(query, kCli);
    if (!table) return Fail(context, table.error(), args.json);
    if (args.json) {
        context.out << survey::ToJson(*table).dump(2) << "\n";
        if (args.output.empty()) return kExitOk;
    }
    const auto sheet = survey::ToSheet(*table, "化学物质环境信息调查结果（单位：吨）");
    std::string bytes;
    if (*format == enterprise::ExportFormat::kCsv) {
        bytes = sheet::ToCsv(sheet);
    } else {
        auto xlsx = sheet::ToXlsx({sheet});
        if (!xlsx) return Fail(context, xlsx.error(), args.json);
        bytes = std::move(*xlsx);
    }
    if (args.output.empty() || args.output == "-") {
        if (*format == enterprise::ExportFormat::kXlsx) {
            return Fail(context, MakeError(ErrorCode::kInvalidArgument, "cli.output", "xlsx 须用 --output 指定文件",
                                           "give --output FILE for xlsx", "output").value());
        }
        context.out << bytes;
        return kExitOk;
    }
    if (auto written = WriteOutputFile(args.output, bytes); !written) return Fail(context, written.error(), args.json);
    if (!args.json) {
        context.out << "wrote " << args.output << ": " << table->rows.size() << " rows"
                    << (table->withheld_lines ? ", " + std::to_string(table->withheld_lines) + " confidential lines withheld" : "")
                    << "\n";
    }
    return kExitOk;
}

void AddSurveyCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto* survey_cmd = app.add_subcommand("survey", "the chemical information survey (化学物质环境信息调查)");
    survey_cmd->require_subcommand(1);
    auto* campaign_cmd = survey_cmd->add_subcommand("campaign", "survey campaigns: create, list, show");
    campaign_cmd->require_subcommand(1);

    auto create = std::make_shared<SurveyCampaignCreateArgs>();
    auto* create_cmd = campaign_cmd->add_subcommand("create", "open a campaign for a reporting year");
    create_cmd->add_option("--year", create->year, "reporting year (quantities are per calendar year)")->required();
    create_cmd->add_option("--tier", create->tier, "basic | detailed (emissions and waste required)")->capture_default_str();
    create_cmd->add_option("--industries", create->industries, "GB/T 4754-2017 classes in scope, comma-separated")->required();
    create_cmd->add_option("--substances", create->substances, "CAS numbers in scope, comma-separated (default: all)");
    create_cmd->add_option("--deadline", create->deadline, "last day to submit, e.g. 2024-06-30")->required();
    create_cmd->add_option("--title", create->title, "title (default: <year> 年度化学物质环境信息调查（基础/详细）)");
    create_cmd->add_flag("--json", create->json, "print JSON");
    OnRun(create_cmd, action, context, create, RunSurveyCampaignCreate);

    auto list = std::make_shared<SurveyCampaignShowArgs>();
    auto* list_cmd = campaign_cmd->add_subcommand("list", "every campaign, newest year first");
    list_cmd->add_flag("--json", list->json, "print JSON");
    OnRun(list_cmd, action, context, list, RunSurveyCampaignList);

    auto show = std::make_shared<SurveyCampaignShowArgs>();
    auto* show_cmd = campaign_cmd->add_subcommand("show", "one campaign");
    show_cmd->add_option("campaign", show->campaign, "campaign id")->required();
    show_cmd->add_flag("--json", show->json, "print JSON");
    OnRun(show_cmd, action, context, show, RunSurveyCampaignShow);

    auto import = std::make_shared<SurveyImportArgs>();
    auto* import_cmd = survey_cmd->add_subcommand(
        "import", "load an enterprise's lines from the template (xlsx) or CSV (UTF-8/GBK); all lines or none");
    import_cmd->add_option("--campaign", import->campaign, "campaign id")->required();
    import_cmd->add_option("--enterprise", import->enterprise, "enterprise id or unified social credit code")->required();
    import_cmd->add_option("--file", import->file, "the file")->required();
    import_cmd->add_flag("--submit", import->submit, "submit for county review if the lines are complete");
    import_cmd->add_flag("--dry-run", import->dry_run, "read and check every line; store nothing");
    import_cmd->add_flag("--json", import->json, "print JSON");
    OnRun(import_cmd, action, context, import, RunSurveyImport);

    auto template_args = std::make_shared<SurveyTemplateArgs>();
    auto* template_cmd = survey_cmd->add_subcommand("template", "write the campaign's Excel template for an enterprise, pre-filled with last year's lines");
    template_cmd->add_option("--campaign", template_args->campaign, "campaign id")->required();
    template_cmd->add_option("--enterprise", template_args->enterprise, "enterprise id or unified social credit code")->required();
    template_cmd->add_option("--output,-o", template_args->output, "the .xlsx file to write")->required();
    OnRun(template_cmd, action, context, template_args, RunSurveyTemplate);

    auto status = std::make_shared<SurveyStatusArgs>();
    auto* status_cmd = survey_cmd->add_subcommand("status", "who must report, who has, and who has not (with contacts)");
    status_cmd->add_option("--campaign", status->campaign, "campaign id")->required();
    status_cmd->add_flag("--json", status->json, "print JSON");
    OnRun(status_cmd, action, context, status, RunSurveyStatus);

    auto export_args = std::make_shared<SurveyExportArgs>();
    auto* export_cmd = survey_cmd->add_subcommand("export", "tonnage of approved lines by substance, county, industry, year");
    export_cmd->add_option("--campaign", export_args->campaign, "one campaign");
    export_cmd->add_option("--year", export_args->year, "one reporting year");
    export_cmd->add_option("--by", export_args->by, "substance,county,industry,year (comma-separated), or list_entry alone")
        ->capture_default_str();
    export_cmd->add_option("--list", export_args->list, "the list for --by list_entry (newest edition)")->capture_default_str();
    export_cmd->add_option("--format", export_args->format, "xlsx | csv")->capture_default_str();
    export_cmd->add_option("--output,-o", export_args->output, "file to write (CSV may go to standard output)");
    export_cmd->add_flag("--json", export_args->json, "print the table as JSON");
    OnRun(export_cmd, action, context, export_args, RunSurveyExport);
}

}  // namespace npgov::cli
