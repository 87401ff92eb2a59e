// The screening parameters (data/screening/screening_params.json): PBT/vPvB criteria of
// GB/T 24782-2009 (= REACH Annex XIII), ECHA R.11 screening criteria, Stockholm Annex D
// screening criteria, hazard score rules, list scores, score bands for volume, detection and
// exposure ratio, the use-category vocabulary with its dispersiveness, weights, gap fills and
// the NORMAN-style action categories. Every criterion names its sources; thresholds no source
// gives are marked as project conventions with the reasoning (kept in the file, not here).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/screening/facts.hpp"

namespace npgov::screening {

struct SourceRef {
    std::string id, title, url;
};

// A criterion as shown in evidence: "P.fresh_water", zh/en wording, its source ids and, for a
// number no source gives, the convention's reasoning.
struct CriterionText {
    std::string id, zh, en;
    std::vector<std::string> sources;
    std::string convention;
};

struct HalfLifeCriterion {
    Medium medium = Medium::kFreshWater;
    double days_gt = 0;  // met when the half-life is strictly greater
    CriterionText text;
};

struct PbtCriteria {
    std::vector<HalfLifeCriterion> p, vp;       // any_of
    double b_bcf_gt = 0, vb_bcf_gt = 0;         // L/kg, strict
    double t_noec_lt = 0;                       // mg/L, strict
    std::vector<CmrCategory> t_carcinogenicity, t_mutagenicity, t_reproductive;
    std::vector<StotReCategory> t_stot_re;
    CriterionText b_text, vb_text, t_noec_text, t_cmr_text, t_stot_text;
};

// ECHA R.11 screening information, used when the definitive data are missing; a screening
// finding is "potentially" (suspected) or "not" at screening level, never a definitive "met".
struct ScreeningCriteria {
    double log_kow_potentially_b_gt = 0;       // > : potentially B/vB; ≤ : not B (screening)
    double acute_potentially_t_lt = 0;         // mg/L, < : potentially T
    CriterionText ready_text, not_ready_text, log_kow_text, acute_text, estimate_text;
};

// CMR as a stand-alone high-concern criterion (HJ 1229-2021 via GB 30000.22/23/24).
struct CmrCriterion {
    std::vector<CmrCategory> categories;  // e.g. 1A, 1B
    CriterionText text;
};

// Stockholm Convention Annex D screening: shown as evidence only (POP nomination criteria).
struct StockholmCriteria {
    double water_days_gt = 0, sediment_days_gt = 0, soil_days_gt = 0;
    double bcf_gt = 0, log_kow_gt = 0;
    CriterionText p_text, b_text;
};

// Conditions the hazard rules can name (a closed set, checked by the parser).
enum class HazardCondition {
    kPbt, kVpvb, kPop, kSuspectedPbt, kSuspectedVpvb, kCmr, kEdKnown, kEdSuspected,
    kTwoOfPbt, kT, kP, kB, kSuspectedProperty,
};
std::string_view ToString(HazardCondition condition);  // "pbt", "vpvb", … as in the file

enum class RuleBasis { kEstablished, kSuspected };

struct HazardRule {
    std::string id;
    HazardCondition when = HazardCondition::kPbt;
    double score = 0;  // [0, 1]
    RuleBasis basis = RuleBasis::kEstablished;
    CriterionText text;
};

struct ListScore {
    std::string list_id;
    double score = 0;  // [0, 1]; list membership is an established regulatory concern
    bool pop = false;  // membership means a Stockholm POP
    CriterionText text;
};

// Scores by value: the band with the greatest `min` ≤ value applies (lower bounds inclusive).
struct Band {
    double min = 0;
    double score = 0;
};

struct UseCategory {
    std::string id, name_zh, name_en;
    std::vector<std::string> aliases;  // normalised: full-width folded, trimmed, ASCII lower
    std::string dispersiveness;        // id of a dispersiveness level
    double score = 0;                  // that level's score
    std::string release_categories;    // ECHA R.12 ERCs this maps to, for the reader
};

enum class ActionCategory {
    kManage = 1, kMonitor = 2, kAssessHazard = 3, kImproveAnalytics = 4, kCollectData = 5,
    kLowPriority = 6,
};
std::string_view ToString(ActionCategory category);  // "manage", "monitor", … as in the file

struct ActionCategoryInfo {
    ActionCategory category = ActionCategory::kCollectData;
    int tier = 0;  // ranking: lower tiers first
    std::string name_zh, name_en, action_zh, action_en, norman_zh, norman_en;
};

struct Weights {
    double hazard = 0, volume = 0, detection = 0, dispersive_use = 0;  // sum to 1
};

struct ScreeningParams {
    std::string id, version, date;
    std::map<std::string, SourceRef> sources;
    PbtCriteria pbt;
    ScreeningCriteria screening;
    CmrCriterion cmr;
    StockholmCriteria stockholm;
    std::vector<HazardRule> hazard_rules;
    std::vector<ListScore> list_scores;
    double concern_high_min = 0, concern_moderate_min = 0;
    std::vector<Band> volume_bands, frequency_bands, ratio_bands;
    CriterionText volume_text, detection_text, dispersiveness_text;
    long min_samples = 0;
    std::vector<UseCategory> use_categories;
    Weights weights;
    Weights gap_fill;  // ranking score of a dimension with a data gap (at least its own score)
    std::vector<ActionCategoryInfo> action_categories;  // one per ActionCategory, file order
    std::map<std::string, std::size_t> use_lookup;  // normalised alias/name → use_categories index

    const ActionCategoryInfo& Info(ActionCategory category) const;
    const UseCategory* FindUse(std::string_view term) const;  // nullptr when not in vocabulary
    // The criterion an Evidence::criterion id names; nullptr for an unknown id.
    const CriterionText* FindCriterion(std::string_view criterion_id) const;
};

// Criterion wording with its sources, for display: "BCF > 2000 L/kg [GBT24782, LEXIKON_B]"; a
// convention adds "npgov convention" / "本项目约定".
std::string CiteEn(const CriterionText& text);
std::string CiteZh(const CriterionText& text);

// Returns the normalised form used for use-term look-up (full-width folded, trimmed, ASCII
// lower-cased).
std::string NormalizeUseTerm(std::string_view term);

// Parses and validates a parameter file. Unknown keys are errors. Errors (kInvalidArgument,
// field = JSON path): "screening.params.json" (not JSON), "screening.params.schema" (missing,
// unknown or ill-typed field; unknown medium, category, condition or action category),
// "screening.params.source" (a source id not in "sources"), "screening.params.threshold"
// (a threshold not positive and finite, a score outside [0, 1], vB ≤ B, vP below P for a
// medium, concern thresholds out of order), "screening.params.bands" (empty, first min not 0, mins not increasing, score
// outside [0, 1]), "screening.params.weights" (negative, or not summing to 1 within 1e-9),
// "screening.params.duplicate" (a rule, list, use id or alias twice), "screening.params.tiers"
// (an action category missing, or low priority not ranked after every data-gap category and
// manage not first).
Result<ScreeningParams> ParseScreeningParams(std::string_view json_text);

}  // namespace npgov::screening
