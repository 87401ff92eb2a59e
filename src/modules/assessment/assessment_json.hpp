// JSON of risk assessments and their records, for the API, `npgov assess risk --json` and the
// frozen content of a saved record: every number with its unit, method, version and inputs.
#pragma once

#include <nlohmann/json.hpp>

#include "modules/assessment/assessment_service.hpp"
#include "modules/assessment/risk_assessment.hpp"

namespace npgov::assessment {

nlohmann::json ToJson(const RiskAssessment& assessment);
// A record; with `content`, its frozen assessment parsed back into JSON.
nlohmann::json ToJson(const Record& record, bool content);
nlohmann::json ToJson(const AssessmentView& view);

}  // namespace npgov::assessment
