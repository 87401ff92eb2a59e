#include <ostream>

#include "cli/commands.hpp"
#include "modules/demo/demo_assessment.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/demo/demo_monitoring.hpp"
#include "modules/demo/demo_survey.hpp"
#include "modules/hazard/hazard_demo.hpp"
#include "modules/survey/substance_link.hpp"
#include "store/migrations.hpp"

namespace npgov::cli {

int RunDbMigrate(const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    auto report = store::ApplyMigrations((*app)->services().db, AllMigrations());
    if (!report) return Fail(context, report.error());
    context.out << "schema version " << report->current_version << " (" << report->applied.size()
                << " migration(s) applied) on " << (*app)->services().db.Describe() << "\n";
    return kExitOk;
}

int RunDbSeedReference(const config::Config& config, CliContext& context) {
    auto files = reference::LoadReferenceFiles(config.data_dir);
    if (!files) return Fail(context, files.error());
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    if (auto saved = (*app)->services().reference.Save(*files, "system:seed-reference"); !saved) {
        return Fail(context, saved.error());
    }
    context.out << "reference data loaded: " << files->departments.size() << " departments, " << files->regions.size()
                << " regions, " << files->industries.size() << " industries\n";
    return SeedListsAndSubstances(config, context);  // regulatory lists and seed substances (cmd_substance.cpp)
}

int RunDbSeedDemo(const SeedDemoArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    Services& s = (*app)->services();
    demo::DemoOptions options;
    options.seed = args.seed;
    options.enterprises = args.enterprises;
    auto report = demo::SeedDemo(s.reference, s.enterprises, s.users, options);
    if (!report) return Fail(context, report.error());
    context.out << "synthetic demo data (seed " << args.seed << "): " << report->enterprises
                << " enterprises, " << report->accounts.size() << " accounts, password \"" << demo::kDemoPassword
                << "\"\n";
    for (const auto& a : report->accounts) context.out << "  " << a.username << " (" << a.role << ") " << a.description << "\n";
    // The synthetic 2023 survey campaign and submissions (modules/demo/demo_survey.hpp).
    survey::SurveyService survey_service(s.db, s.enterprises, s.reference, s.audit, s.clock,
                                         s.substances ? survey::MakeRegistryResolver(*s.substances) : survey::SubstanceResolver());
    auto survey_report = demo::SeedDemoSurvey(survey_service, s.enterprises, args.seed);
    if (!survey_report) return Fail(context, survey_report.error());
    context.out << "synthetic survey: campaign " << survey_report->campaign_id << ", " << survey_report->submissions
                << " submissions (" << survey_report->approved << " approved), " << survey_report->lines << " lines\n";
    // Real, sourced hazard data for about thirty substances (data/demo/hazard_demo.csv), first,
    // so that the demo's monitored antibiotics are registered before their results are imported.
    if (s.hazard && s.substances) {
        auto hazard_report = hazard::SeedDemoHazard(*s.hazard, *s.substances, config.data_dir);
        if (!hazard_report) return Fail(context, hazard_report.error());
        if (hazard_report->already_loaded) {
            context.out << "hazard data: already loaded\n";
        } else {
            context.out << "hazard data (real, sourced; data/demo/hazard_demo.csv): " << hazard_report->import.properties
                        << " property values, " << hazard_report->import.ecotox << " ecotoxicity endpoints, "
                        << hazard_report->import.classifications << " classifications for "
                        << hazard_report->import.substances << " substances\n";
        }
    }
    // Synthetic monitoring sites and quarterly results 2023–2025 (modules/demo/demo_monitoring.hpp).
    auto monitoring_report = demo::SeedDemoMonitoring(s.monitoring, args.seed);
    if (!monitoring_report) return Fail(context, monitoring_report.error());
    context.out << "synthetic monitoring: " << monitoring_report->sites << " sites, " << monitoring_report->results
                << " results (" << monitoring_report->censored << " non-detects)\n";
    // Assessment drafts and a stored screening run from the data above (modules/demo/demo_assessment.hpp).
    if (s.assessment && s.hazard) {
        auto assessment_report = demo::SeedDemoAssessment(*s.assessment, *s.hazard, s.db);
        if (!assessment_report) return Fail(context, assessment_report.error());
        context.out << "assessment: " << assessment_report->drafts << " drafts (" << assessment_report->with_pnec
                    << " with a PNEC), screening run " << assessment_report->run_id << " of "
                    << assessment_report->substances_screened << " substances\n";
    }
    return kExitOk;
}

}  // namespace npgov::cli
