#include "modules/demo/demo_assessment.hpp"

#include <set>

#include "modules/monitoring/substance_detections.hpp"

namespace npgov::demo {

Result<DemoAssessmentReport> SeedDemoAssessment(assessment::Assessment& module, hazard::HazardData& hazard,
                                                store::Database& db) {
    const auth::Principal seeder{0, "system:seed-demo", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};
    DemoAssessmentReport report;
    // Substances with hazard records or monitoring results, by registry id.
    std::set<std::int64_t> ids;
    NPGOV_ASSIGN_OR_RETURN(auto with_data, hazard.SubstancesWithData());
    for (std::int64_t id : with_data) {
        NPGOV_ASSIGN_OR_RETURN(auto profile, hazard.LoadProfile(id));
        if (!profile.ecotox.empty()) ids.insert(id);
    }
    NPGOV_ASSIGN_OR_RETURN(auto detections, monitoring::LoadSubstanceDetections(db, {}, monitoring::SiteScope{}));
    for (const auto& d : detections) {
        auto id = module.assessments.SubstanceIdOf(d.cas);
        if (id) ids.insert(*id);
    }
    for (std::int64_t id : ids) {
        NPGOV_ASSIGN_OR_RETURN(auto record, module.assessments.Save(id, {assessment::PnecChoice::kLowest,
                                                                        "演示：由种子数据自动计算的评估草稿 / demo draft computed at seed time"},
                                                                   seeder));
        ++report.drafts;
        if (record.pnec_ug_per_l) ++report.with_pnec;
    }
    // The screening run comes last so that it reads the drafts' PNECs.
    NPGOV_ASSIGN_OR_RETURN(auto run, module.screening.Run({}, seeder));
    report.run_id = run.id;
    report.substances_screened = run.substances;
    return report;
}

}  // namespace npgov::demo
