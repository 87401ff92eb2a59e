// JSON renderings of survey values, shared by the API and `npgov survey … --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "modules/survey/survey_service.hpp"

namespace npgov::survey {

nlohmann::json ToJson(const Campaign& campaign);
nlohmann::json ToJson(const Submission& submission);
nlohmann::json ToJson(const Version& version);
nlohmann::json ToJson(const Event& event);
nlohmann::json ToJson(const Issue& issue);
nlohmann::json ToJson(const Line& line);
nlohmann::json ToJson(const SubmissionView& view);
nlohmann::json ToJson(const SaveReport& report);
nlohmann::json ToJson(const StatusReport& report);
nlohmann::json ToJson(const ResultTable& table);

// A line typed in the web form: {"cas", "name", "activity", "quantity", "unit", "uses",
// "emission_air", "emission_water", "emission_soil", "waste", "confidential", "reason"}, each a
// string (numbers and booleans are accepted and written as text; missing = ""). Errors:
// kInvalidArgument "survey.line_json" (row = position, 1-based; field = the member).
Result<RawLine> RawLineFromJson(const nlohmann::json& item, long position);

}  // namespace npgov::survey
