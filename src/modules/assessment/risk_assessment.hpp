// The risk assessment of one substance (action plan 二(三)): the PNEC derived from the hazard
// module's ecotoxicity endpoints by the assess engine (assessment factors and SSD, step by step);
// exposure measured (MEC from monitoring: Kaplan-Meier P95, or the maximum where Kaplan-Meier
// refuses, stated which, per medium) and predicted (PEC from the fate engine's Level III model
// of the city, fed by the survey's emissions per route and the selected physical-chemical
// properties); risk quotients MEC/PNEC and PEC/PNEC with their bands; exceedance of the PNEC per
// site. Every number carries its inputs, method and version; what is missing is named, never
// filled in. Pure: the service (assessment_service.hpp) gathers the inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engines/assess/ecotox_record.hpp"
#include "engines/assess/pnec_assessment.hpp"
#include "engines/assess/risk_quotient.hpp"
#include "engines/fate/level3.hpp"
#include "modules/hazard/profile.hpp"
#include "modules/monitoring/result_reader.hpp"
#include "modules/monitoring/substance_detections.hpp"
#include "modules/survey/substance_totals.hpp"

namespace npgov::assessment {

inline constexpr std::string_view kRiskAssessmentVersion = "1";

// Something the assessment lacks: a stable id ("pec.property.vapour_pressure") and both texts.
struct Gap {
    std::string id, zh, en;
};

// Which derived PNEC the assessment adopts: the lower of the two (cautious default), or one.
enum class PnecChoice { kLowest, kAssessmentFactor, kSsd };
std::string_view ToString(PnecChoice choice);  // "lowest", "assessment_factor", "ssd"
// kInvalidArgument "assessment.pnec_choice" (field "pnec_method").
Result<PnecChoice> ParsePnecChoice(std::string_view text);

struct PnecSection {
    std::vector<assess::EcotoxRow> rows;  // what the engine was given (aquatic records)
    std::vector<std::string> set_aside;   // hazard records not given to it, and why
    std::vector<std::string> group_refinements;  // "Daphnia magna: invertebrate → crustacean (genus Daphnia)"
    std::vector<Error> row_errors;        // rows the engine refused
    std::optional<assess::PnecAssessment> assessment;
    std::optional<Error> refusal;         // no aquatic record at all, or the engine's error
    PnecChoice choice = PnecChoice::kLowest;
    std::optional<double> adopted_ug_per_l;
    std::string adopted_method;  // "assessment_factor" | "ssd" | ""
    std::string adopted_zh, adopted_en;  // why this one (or why none)
};

// Runs the assess engine on the substance's aquatic endpoints (freshwater and marine records in
// mg/L). Hazard taxon groups map to the factor file's groups; invertebrates are refined by genus
// where the genus is unambiguous (Daphnia → crustacean, Chironomus → insect …), and each
// refinement is listed.
PnecSection DerivePnec(const hazard::HazardProfile& profile, const assess::PnecFactors& factors,
                       PnecChoice choice = PnecChoice::kLowest);

enum class MecStatistic { kKaplanMeierP95, kMaximum, kNone };
std::string_view ToString(MecStatistic statistic);  // "kaplan_meier_p95", "maximum", "none"

// The measured exposure in one medium, pooled over the sites monitored.
struct MecValue {
    monitoring::Medium medium = monitoring::Medium::kWater;
    std::string unit;  // the medium's normalised unit
    MecStatistic statistic = MecStatistic::kNone;
    std::optional<double> value;  // in `unit`
    std::string why_zh, why_en;   // why this statistic
    std::string method;           // e.g. "kaplan-meier v1 (flipped survfit)"
    std::int64_t samples = 0, detects = 0, sites = 0;
    std::optional<double> max_detected, max_nondetect_limit;
    std::string first_date, last_date;
    bool synthetic = false;
};

// Kaplan-Meier P95 where the stats engine gives one; else the highest detected value; else
// none (every result a non-detect: the highest limit is shown instead).
MecValue ComputeMec(const monitoring::SubstanceDetection& aggregate, const monitoring::GroupSummary* pooled);

// One input of the fate model and where it came from.
struct PropertyInput {
    std::string name;  // "molar_mass", "water_solubility", "vapour_pressure", "log_kow", …
    std::optional<double> value;
    std::string unit;
    std::string basis;  // "measured: …", "estimated: …", or why it is absent
};

struct PecSection {
    int survey_year = 0;  // 0: no approved survey
    double air_t = 0, water_t = 0, soil_t = 0;  // emissions, t/a
    bool emissions_reported = false;
    std::vector<PropertyInput> properties;
    std::vector<std::string> assumptions;  // e.g. a missing half-life modelled as no degradation
    std::vector<Gap> missing;
    std::optional<fate::Level3Input> input;
    std::optional<fate::Level3Result> result;
    std::optional<Error> refusal;  // the engine's, when it ran and refused
    std::string environment_id, environment_version;
};

// Feeds the model with the survey's emissions (t/a ÷ 8.76 = kg/h) and the selected properties
// (molar mass, water solubility, vapour pressure and log Kow are required; melting point,
// Henry's constant, Koc and half-lives are used when present). Not run when a required input is
// missing or nothing is emitted; `missing` says what.
PecSection PredictPec(const hazard::HazardProfile& profile, const std::string& name, const std::string& cas,
                      const survey::SubstanceTotal* emissions, int survey_year, const fate::Environment& environment);

struct QuotientRow {
    std::string exposure;  // "MEC" | "PEC"
    std::string medium;    // "water"
    double exposure_ug_per_l = 0;
    std::string exposure_basis;  // "Kaplan-Meier P95 of 40 samples at 6 sites", "Level III, dissolved"
    double pnec_ug_per_l = 0;
    assess::RiskQuotient quotient;
};

struct SiteExceedance {
    std::int64_t site_id = 0;
    std::string code, name, region_code;
    monitoring::Medium medium = monitoring::Medium::kWater;
    std::string unit;
    std::string first_date, last_date;
    std::optional<stats::Exceedance> exceedance;
    std::optional<Error> refusal;  // why not computed
};

struct RiskAssessment {
    std::string version = std::string(kRiskAssessmentVersion);
    std::int64_t substance_id = 0;
    std::string cas, name_zh, name_en;
    std::string computed_at;
    std::string hazard_selection_version, hazard_estimates_version;
    PnecSection pnec;
    std::vector<MecValue> mec;  // per medium monitored
    PecSection pec;
    std::vector<QuotientRow> quotients;
    std::vector<SiteExceedance> sites;  // water sites, with the adopted PNEC as threshold
    std::vector<Gap> missing;           // everything missing, from every section
};

// The quotients of the water MEC and the water PEC (dissolved) against the adopted PNEC, and
// the list of everything missing. Call after the sections are filled.
void Characterise(RiskAssessment& assessment, const assess::RiskRules& rules);

}  // namespace npgov::assessment
