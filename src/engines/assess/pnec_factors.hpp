// The parameter file of the assess engine (data/assess/pnec_factors.json): the assessment-
// factor table (EU TGD Part II Table 16 / REACH Annex I 3.3), the taxon groups with their
// trophic level, the endpoints, the Klimisch reliability scores, the SSD minimums and the
// risk-quotient bands, each with its source. Pure: JSON text in, a validated value out.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::assess {

// The three trophic levels of the TGD base set (algae, Daphnia, fish).
enum class TrophicLevel { kProducer, kInvertebrate, kVertebrate };
inline constexpr TrophicLevel kTrophicLevels[] = {TrophicLevel::kProducer, TrophicLevel::kInvertebrate,
                                                  TrophicLevel::kVertebrate};

// What an endpoint measures: a median effect (L(E)C50: short-term results), a no-effect level
// (NOEC, EC10: long-term results), or something the methods do not use (LOEC, EC20, MATC).
enum class EndpointKind { kMedianEffect, kNoEffect, kOther };

struct SourceRef {
    std::string title, url;
};

struct TaxonGroup {
    std::string id, zh, en;
    std::vector<std::string> aliases;           // matched after folding case and spaces
    std::optional<TrophicLevel> trophic_level;  // nullopt: outside the base-set scheme
    bool in_ssd = true;                         // counted in a species sensitivity distribution
};

struct EndpointDef {
    std::string id;  // canonical spelling, e.g. "NOEC"
    EndpointKind kind = EndpointKind::kOther;
    std::vector<std::string> aliases;
};

struct ReliabilityScore {
    int score = 0;  // Klimisch 1–4
    std::string zh, en;
    bool usable = false;
};

// One row of the assessment-factor table.
struct AfRow {
    std::string id;  // "base_set" | "one_long_term" | "two_long_term" | "three_long_term"
    double af = 0;
    std::string data_available_zh, data_available_en, applied_to_zh, applied_to_en;
    std::vector<std::string> sources;  // keys of PnecFactors::sources
};

struct NamedGroupRequirement {
    std::string id, zh, en;
    std::vector<std::string> any_of;  // taxon group ids
};

struct GofCriticalValue {
    double significance = 0, value = 0;
};

struct SsdRules {
    int min_species = 10;
    int preferred_species = 16;
    int min_taxonomic_groups = 8;
    std::string rule_zh, rule_en;
    std::vector<NamedGroupRequirement> recommended_groups;
    double af_min = 1, af_max = 5, af_default = 5;
    double confidence_interval = 0.90;  // two-sided
    std::vector<GofCriticalValue> ad_critical_values;  // for the modified A² statistic
    double ad_decision_significance = 0.05;
    std::vector<std::string> sources;
};

// Risk-quotient band [lower, upper); upper nullopt = unbounded.
struct RiskBand {
    std::string id, zh, en;
    double lower = 0;
    std::optional<double> upper;
    std::vector<std::string> sources;
};

struct RiskRules {
    double threshold = 1;  // RQ below: acceptable
    std::string below_zh, below_en, at_or_above_zh, at_or_above_en;
    std::vector<std::string> threshold_sources;
    std::vector<RiskBand> bands;  // contiguous from 0, ascending
};

struct PnecFactors {
    std::string id, version;
    std::map<std::string, SourceRef> sources;
    std::map<TrophicLevel, std::pair<std::string, std::string>> trophic_level_names;  // zh, en
    std::vector<TaxonGroup> taxon_groups;
    std::vector<EndpointDef> endpoints;
    std::vector<ReliabilityScore> reliability;
    int missing_reliability_score = 4;
    std::map<std::string, AfRow> af_rows;  // by id
    SsdRules ssd;
    RiskRules risk;

    // The group whose id or alias matches `text` (case, spaces and full-width forms folded).
    const TaxonGroup* FindTaxonGroup(std::string_view text) const;
    const TaxonGroup* TaxonGroupById(std::string_view id) const;
    const EndpointDef* FindEndpoint(std::string_view text) const;
    const ReliabilityScore* FindReliability(int score) const;
    const AfRow& Row(std::string_view id) const;  // id must be one of the four; checked at parse
    std::string LevelZh(TrophicLevel level) const;
    std::string LevelEn(TrophicLevel level) const;
};

// Stable id of a trophic level: "producer", "invertebrate", "vertebrate".
std::string_view ToId(TrophicLevel level);

// The matching key of a name: full-width folded, ASCII lower-cased, whitespace runs removed.
std::string ToMatchKey(std::string_view text);

// Parses and checks the file. Every error is kInvalidArgument "assess.factors" with `field` the
// JSON path at fault (e.g. "ssd.min_species"): malformed JSON, a missing or mistyped key, an
// unknown trophic level or endpoint kind, a source id not in "sources", an AF row missing,
// an alias claimed by two groups or endpoints, bands not contiguous from 0, AF bounds out of
// order.
Result<PnecFactors> ParsePnecFactors(std::string_view json_text);

}  // namespace npgov::assess
