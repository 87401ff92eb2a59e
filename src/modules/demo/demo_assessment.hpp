// The demo's screening and assessments: one screening run of the whole registry stored at seed
// time, and an assessment draft (computed from the demo's hazard, survey and monitoring data,
// whatever they allow) for every substance that has ecotoxicity data or monitoring results, so
// that the screening and assessment pages show real computations from the first start. Drafts
// only: review and publication are for people ("system:seed-demo" is the assessor).
#pragma once

#include <cstdint>

#include "core/error.hpp"
#include "modules/assessment/assessment.hpp"

namespace npgov::demo {

struct DemoAssessmentReport {
    std::int64_t run_id = 0;
    std::int64_t substances_screened = 0;
    std::int64_t drafts = 0;
    std::int64_t with_pnec = 0;
};

// Errors: those of the screening run and of the assessments.
Result<DemoAssessmentReport> SeedDemoAssessment(assessment::Assessment& module, hazard::HazardData& hazard,
                                                store::Database& db);

}  // namespace npgov::demo
