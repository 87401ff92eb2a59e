// JSON of screening runs: the facts given to the engine (for the inputs digest), the evidence
// stored per ranked row, the run's texts dictionary (gap and category wording, stored once per
// run rather than once per row) and the API/CLI shapes of runs and rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engines/screening/facts.hpp"
#include "engines/screening/params.hpp"
#include "engines/screening/result.hpp"
#include "modules/assessment/screening_facts.hpp"
#include "modules/assessment/screening_runs.hpp"

namespace npgov::assessment {

// The facts of one substance, every field (canonical order): what the inputs digest covers.
nlohmann::json FactsJson(const screening::SubstanceFacts& facts);

// Wording collected while rows are written: gap code → {zh, en}; category reason en → zh.
struct RunTexts {
    std::map<std::string, std::pair<std::string, std::string>> gaps;
    std::map<std::string, std::string> category_reasons;
};

// The evidence of one ranked substance: hazard profile, dimensions with evidence and gaps
// (codes only; wording in `texts`), category and its reason, list memberships.
nlohmann::json EvidenceJson(const screening::ScreenedSubstance& s, const std::vector<Membership>& lists, RunTexts& texts);

// The texts dictionary as stored with the run, with the action categories' names and actions.
nlohmann::json TextsJson(const RunTexts& texts, const screening::ScreeningParams& params);
nlohmann::json CriteriaJson(const std::vector<screening::CriterionText>& criteria);

// API shapes. A row's gaps get their wording and its category reason both languages from the
// run's texts.
nlohmann::json ToJson(const RunInfo& run, bool with_texts = false);
nlohmann::json ToJson(const RunRow& row, const nlohmann::json& texts);

}  // namespace npgov::assessment
