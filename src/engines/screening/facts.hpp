// What the screening engine knows about one substance: hazard facts, each measured (with its
// source), estimated (with its method) or regulatory (a classification, conclusion or list), and
// the city's exposure aggregates from the survey and from monitoring. Plain values; the caller
// (the assessment module) fills them from the database. An absent fact is a data gap, never a
// "no".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/quantity.hpp"

namespace npgov::screening {

// Where a fact comes from. kMeasured: a study (source names it); kEstimated: a method (source
// names method and version, e.g. "chem: Crippen logP"); kRegulatory: an official classification,
// conclusion or list; kReported: the city's own survey or monitoring aggregates; kDerived:
// computed by the engine from other evidence (only in results).
enum class Origin { kMeasured, kEstimated, kRegulatory, kReported, kDerived };
std::string_view ToString(Origin origin);  // "measured", "estimated", "regulatory", "reported", "derived"

struct Provenance {
    Origin origin = Origin::kMeasured;
    std::string source;  // document/study, or method for estimates; must not be empty
    std::string note;    // species, guideline, conditions … (optional)
};

// A censored value: kGreaterThan means the true value is above `value` ("> 41 years"),
// kLessThan below it.
enum class Qualifier { kEqual, kGreaterThan, kLessThan };
std::string_view ToString(Qualifier qualifier);  // "=", ">", "<"

struct Fact {
    double value = 0;
    Qualifier qualifier = Qualifier::kEqual;
    Provenance provenance;
};

// The media of the GB/T 24782 / REACH Annex XIII persistence criteria.
enum class Medium { kMarineWater, kFreshWater, kMarineSediment, kFreshSediment, kSoil };
std::string_view ToString(Medium medium);  // "marine_water", "fresh_water", … "soil"

struct HalfLife {
    Medium medium = Medium::kFreshWater;
    Fact days;  // degradation half-life, days
};

// GHS / GB 30000 (= CLP) hazard categories. A Classification that is present was assessed:
// kNotClassified is a finding, not a gap.
enum class CmrCategory { kNotClassified, k1A, k1B, k2 };
enum class StotReCategory { kNotClassified, k1, k2 };
std::string_view ToString(CmrCategory category);     // "not classified", "1A", "1B", "2"
std::string_view ToString(StotReCategory category);  // "not classified", "1", "2"

struct Classification {
    CmrCategory carcinogenicity = CmrCategory::kNotClassified;
    CmrCategory mutagenicity = CmrCategory::kNotClassified;
    CmrCategory reproductive = CmrCategory::kNotClassified;
    StotReCategory stot_re = StotReCategory::kNotClassified;
    Provenance provenance;
};

enum class EdStatus { kNotEd, kSuspected, kKnown };
std::string_view ToString(EdStatus status);  // "not ED", "suspected ED", "known ED"

struct EndocrineFact {
    EdStatus status = EdStatus::kNotEd;
    Provenance provenance;
};

// An existing regulatory conclusion: identified PBT or vPvB (e.g. an SVHC identification), or
// listed as a POP under the Stockholm Convention.
enum class ConclusionKind { kPbt, kVpvb, kPop };
std::string_view ToString(ConclusionKind kind);  // "PBT", "vPvB", "POP"

struct Conclusion {
    ConclusionKind kind = ConclusionKind::kPbt;
    Provenance provenance;
};

struct ListMembership {
    std::string list_id;  // as in data/lists/lists.json: "key_controlled", "priority_control" …
    std::string edition;  // "2023"
    std::string entry;    // the entry's id or name
};

struct Flag {
    bool value = false;
    Provenance provenance;
};

struct HazardFacts {
    std::vector<HalfLife> half_lives;           // at most one per medium
    std::optional<Flag> readily_biodegradable;  // OECD 301-type ready test passed / failed
    std::optional<Fact> bcf;                    // bioconcentration factor, L/kg (aquatic)
    std::optional<Fact> log_kow;
    std::optional<Fact> chronic_noec;           // lowest long-term aquatic NOEC or EC10, mg/L
    std::optional<Fact> acute_lc50;             // lowest short-term aquatic L(E)C50, mg/L
    std::optional<Classification> classification;
    std::optional<EndocrineFact> endocrine;
    std::vector<Conclusion> conclusions;
    std::vector<ListMembership> lists;
};

// City tonnage from approved survey lines (all activities), t/a. Absent: no survey covered the
// substance; present with 0: surveyed and nothing reported.
struct VolumeFacts {
    double tonnes_per_year = 0;
    int enterprises = 0;
    int year = 0;
    std::string source;  // e.g. "survey 2024 basic, approved lines"
};

struct PnecFact {
    Quantity value;  // same dimension as the monitoring concentrations
    Provenance provenance;
};

// Monitoring aggregates for one medium. Absent: never monitored.
struct DetectionFacts {
    std::string medium;  // "surface_water", "groundwater", "soil" … (shown, not interpreted)
    long samples = 0;
    long detects = 0;
    std::optional<Quantity> max_detected;         // highest detected concentration
    std::optional<Quantity> max_nondetect_limit;  // highest detection limit among non-detects
    std::optional<PnecFact> pnec;
    std::string source;  // e.g. "monitoring 2024, 12 sites"
};

// Use categories as reported in the survey (free text such as "溶剂"), mapped through the
// vocabulary in the parameter file. Absent: no use reported.
struct UseFacts {
    std::vector<std::string> categories;
    std::string source;
};

struct SubstanceFacts {
    std::string id;  // unique within one screening run (registry id or key); not empty
    std::string cas;  // canonical CAS number, or "" (ties are broken by CAS, then id)
    std::string name_zh, name_en;
    HazardFacts hazard;
    std::optional<VolumeFacts> volume;
    std::optional<DetectionFacts> detection;
    std::optional<UseFacts> uses;
};

}  // namespace npgov::screening
