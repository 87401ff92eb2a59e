// The survey's validation rules, pure: raw lines in, understood lines and every issue out.
// Rules (version kSurveyRulesVersion), each issue naming the line, spreadsheet row and field:
//  - identity: a CAS number (check digit verified) or a name; the registry resolves either
//    (an unknown substance is kept and flagged as a notice, never refused);
//  - activity: produce/import/process/use/export (生产/进口/加工/使用/出口);
//  - quantity: a number (full-width digits, thousands commas) with a mass unit t/kg/g (吨, 千克,
//    公斤, 克; "/a", "/年" accepted since every quantity is per year), converted to tonnes;
//    zero or negative refused; above kAbsurdTonnes refused as absurd;
//  - use categories: required on "use" lines;
//  - emissions to air, water, soil and waste (t/a): numbers >= 0; in the detailed tier required
//    on produce/process/use lines;
//  - mass balance per substance (README.md beside this file): out = export + air + water + soil + waste must
//    not exceed in = max(produce + import, process + use) by more than the tolerance. Process
//    and use quantities not covered by production or import were bought domestically, so the
//    larger of the two is the least that was on site;
//  - change from last year per substance and activity: a factor of kJumpFactor or more either
//    way, and at least kJumpMinimumTonnes apart, is a warning that needs a reason (变化说明);
//  - substances outside the campaign's list: notice.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "modules/survey/survey_model.hpp"

namespace npgov::survey {

inline constexpr std::string_view kSurveyRulesVersion = "1";
inline constexpr double kAbsurdTonnes = 1e6;       // one substance, one enterprise, one year
inline constexpr double kJumpFactor = 3.0;
inline constexpr double kJumpMinimumTonnes = 1.0;
inline constexpr double kBalanceRelativeTolerance = 1e-3;  // rounding in reported figures
inline constexpr double kBalanceAbsoluteTolerance = 1e-3;  // t

// Looks a substance up by canonical CAS (may be "") or name; nullopt when unknown. Errors are
// those of the registry (the evaluation stops).
using SubstanceResolver =
    std::function<Result<std::optional<SubstanceMatch>>(std::string_view cas, std::string_view name)>;

// Tonnes per (substance key, activity) of the enterprise's approved submission last year.
using YearTotals = std::map<std::pair<std::string, Activity>, double>;

struct EvaluationContext {
    Tier tier = Tier::kBasic;
    std::vector<std::string> substances_in_scope;  // canonical CAS; empty = all
    const YearTotals* previous = nullptr;          // nullptr: no earlier approved submission
    int previous_year = 0;
    SubstanceResolver resolver;  // empty: no registry; CAS numbers are checked, names flagged
};

struct Evaluation {
    std::vector<Line> lines;
    std::vector<Issue> issues;  // ordered by line, then rule
    int errors = 0;
    int open_warnings = 0;  // warnings without a reason
    int notices = 0;
};

// Evaluates every line and the cross-line rules. Errors: those of the resolver only.
Result<Evaluation> Evaluate(const std::vector<RawLine>& raw, const EvaluationContext& context);

// Totals per (substance key, activity) of understood lines, for next year's comparison.
YearTotals ComputeYearTotals(const std::vector<Line>& lines);

// Parses a mass with the survey's unit rules (see above) into tonnes. `quantity` may carry the
// unit itself ("12.5吨") when `unit` is blank. Errors: kInvalidArgument with field "quantity"
// or "unit": "tabular.number", "unit.missing", "unit.unknown", "survey.unit_not_mass".
Result<double> ParseTonnes(std::string_view quantity, std::string_view unit);

// Splits a use-category cell at ; ； 、 , ， into trimmed, distinct terms, in order.
std::vector<std::string> SplitUses(std::string_view text);

// "是"/"否", yes/no, y/n, 1/0, true/false; blank = false. Errors: "survey.yes_no" (field).
Result<bool> ParseYesNo(std::string_view text, const char* field);

}  // namespace npgov::survey
