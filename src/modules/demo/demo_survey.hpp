// Synthetic survey data for the demo city: one 2023 basic campaign over the key industries and
// submissions from some demo enterprises in every workflow state, made through the survey
// module (validated and audited). Lines name real chemicals by CAS number; the enterprises and
// their quantities are fictional (the enterprises are flagged synthetic and named "（演示）").
#pragma once

#include "modules/demo/demo_data.hpp"
#include "modules/survey/survey_service.hpp"

namespace npgov::demo {

struct DemoSurveyReport {
    std::int64_t campaign_id = 0;
    int submissions = 0;
    int approved = 0;
    int lines = 0;
};

// Creates the campaign and the submissions for the synthetic enterprises already seeded
// (SeedDemo first). Deterministic for a seed. Errors: those of the survey module;
// kFailedPrecondition "demo.no_enterprises" when no synthetic enterprise exists.
Result<DemoSurveyReport> SeedDemoSurvey(survey::SurveyService& survey, enterprise::EnterpriseRegistry& enterprises,
                                        std::uint64_t seed);

}  // namespace npgov::demo
