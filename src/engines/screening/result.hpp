// What screening says about a substance: the PBT/vPvB findings, a score per dimension (hazard,
// volume, detection, dispersive use) with the evidence behind it and what is missing, the
// total, the action category and the rank. Every value names the fact, its provenance and the
// criterion it was compared with, so that a rank can be defended line by line.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engines/screening/params.hpp"

namespace npgov::screening {

enum class Verdict {
    kMet,               // the criterion is met by a definitive value
    kNotMet,            // … not met
    kInconclusive,      // a censored value on the wrong side ("< 200 d" against "> 120 d")
    kScreeningMet,      // screening information says "potentially" (estimate, log Kow, …)
    kScreeningNotMet,   // screening information says "not" (ready biodegradability, …)
    kScored,            // a band or rule gave the score shown
    kNoted,             // shown for information; no effect on the score
};
std::string_view ToString(Verdict verdict);  // "met", "not_met", "inconclusive", …

// One fact compared with one criterion. The criterion is named by id: its wording, sources and
// convention are in ScreeningResult::criteria (and ScreeningParams::FindCriterion), once per
// run rather than once per line.
struct Evidence {
    std::string fact;        // stable id: "bcf", "half_life.fresh_water", "list.key_controlled" …
    std::string value;       // as shown: "> 14965 d", "2796 L/kg", "Repr. 1B", "12/20 = 0.6"
    Origin origin = Origin::kMeasured;
    std::string source;      // provenance source (study, method, document, survey …)
    std::string criterion;   // id of the parameter entry compared with ("B", "band.volume" …)
    std::string detail;      // which band or mapping applied: "≥ 100 t/a", "solvent → industrial_open …"
    Verdict verdict = Verdict::kNoted;
    std::optional<double> score;  // for kScored
};

// Something missing. code, zh and en point to static text (safe to keep); detail carries the
// value at fault, if any ("9 samples < 10", a use term, a list id).
struct Gap {
    std::string_view code;  // stable: "hazard.b.no_data", "detection.not_monitored" …
    std::string_view zh, en;
    bool blocking = true;   // false: noted (e.g. ED not assessed), the dimension still counts as known
    std::string detail;
};

enum class Property { kP, kVp, kB, kVb, kT };
std::string_view ToString(Property property);  // "P", "vP", "B", "vB", "T"

// kSuspected: only screening information (or an estimate) points to the property.
enum class Outcome { kMet, kSuspected, kNotMet, kUnknown };
std::string_view ToString(Outcome outcome);  // "met", "suspected", "not_met", "unknown"

enum class Basis { kCriteria, kScreening, kConclusion, kNone };
std::string_view ToString(Basis basis);  // "criteria", "screening", "conclusion", "none"

struct PropertyFinding {
    Property property = Property::kP;
    Outcome outcome = Outcome::kUnknown;
    Basis basis = Basis::kNone;
};

struct HazardProfile {
    std::array<PropertyFinding, 5> properties;  // P, vP, B, vB, T in that order
    Outcome pbt = Outcome::kUnknown, vpvb = Outcome::kUnknown;
    Basis pbt_basis = Basis::kNone, vpvb_basis = Basis::kNone;
    bool cmr = false;      // carcinogenic, mutagenic or reprotoxic in a high-concern category
    bool pop = false;      // Stockholm-listed (conclusion or list membership)
    std::optional<EdStatus> ed;
    std::vector<std::string> rules_fired;  // hazard rule and list-score ids, file order
    const PropertyFinding& Find(Property property) const;
};

enum class Concern { kHigh, kSuspected, kModerate, kLow, kUnknown };
std::string_view ToString(Concern concern);  // "high", "suspected", "moderate", "low", "unknown"

enum class ScoreDimension { kHazard, kVolume, kDetection, kDispersiveUse };
std::string_view ToString(ScoreDimension dimension);  // "hazard", "volume", "detection", "dispersive_use"

struct DimensionScore {
    ScoreDimension dimension = ScoreDimension::kHazard;
    std::optional<double> score;  // from the data, [0, 1]; absent when there were none
    double ranking_score = 0;     // score, or max(score, gap fill) when data_gap
    bool data_gap = false;        // a blocking gap is listed
    std::vector<Evidence> evidence;
    std::vector<Gap> gaps;
};

struct ScreenedSubstance {
    std::size_t rank = 0;  // 1-based; 0 from ScreenOne
    std::string id, cas, name_zh, name_en;
    HazardProfile hazard;
    Concern concern = Concern::kUnknown;
    std::array<DimensionScore, 4> dimensions;  // hazard, volume, detection, dispersive use
    double total = 0;  // Σ weight × ranking_score
    ActionCategory category = ActionCategory::kCollectData;
    int tier = 0;
    std::string_view category_reason_zh, category_reason_en;  // static text: which rule decided
    std::string category_detail;                              // the value behind it, e.g. "max/PNEC = 3.2"
    const DimensionScore& Dimension(ScoreDimension dimension) const;
};

struct ScreeningResult {
    std::string engine_version;                 // kScreeningVersion
    std::string params_id, params_version;      // from the parameter file
    std::vector<ScreenedSubstance> ranked;      // rank 1 first
    std::vector<CriterionText> criteria;        // every criterion the evidence cites, by id
};

}  // namespace npgov::screening
