// Structure-class rules as data (data/rules/structure_classes.json): which regulatory group or
// chemical class a structure belongs to, decided by SMARTS patterns plus composition conditions,
// each rule citing the text it implements. Pure: parse the rule file once, then evaluate
// molecules; every match says why (patterns, matched atoms, condition values).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/chem/smarts.hpp"

namespace npgov::rules {

// Version of the evaluator (the rule file carries its own id and version).
inline constexpr std::string_view kStructureRulesVersion = "1";

struct IntRange {  // inclusive bounds; absent = unbounded
    std::optional<int> min, max;
    bool Contains(int value) const { return (!min || value >= *min) && (!max || value <= *max); }
};

enum class Comparison { kGreater, kGreaterOrEqual, kLess, kLessOrEqual };  // ">" ">=" "<" "<="

struct MassFractionCondition {
    std::string element;  // "Cl"
    Comparison op = Comparison::kGreater;
    double value = 0;  // fraction in [0, 1]
};

// Conditions on the subject's composition; an absent condition always holds.
struct StructureConditions {
    std::vector<std::pair<std::string, IntRange>> element_counts;  // implicit H counted
    std::vector<std::string> only_elements;  // every atom is one of these (empty: any)
    std::vector<MassFractionCondition> mass_fractions;
    std::optional<bool> acyclic;     // no ring (true) / at least one ring (false)
    std::optional<bool> saturated;   // no double, triple or aromatic bond
    std::optional<bool> unbranched;  // no carbon bonded to more than two carbons
    IntRange ring_count, ring_size, heavy_atoms;  // ring_size: every ring within the range
    bool empty() const;
};

// Sizes the CnF2n+1 group at a matched atom (chem::FindPerfluoroalkylGroup).
struct PerfluoroalkylFilter {
    int attachment = 0;   // query atom index: the group's first carbon
    int attached_to = 1;  // query atom index: the atom the group hangs on
    IntRange carbons;
    bool linear_only = false;
};

struct StructurePattern {
    std::string name_en, name_zh;
    chem::SmartsPattern smarts;
    std::optional<PerfluoroalkylFilter> perfluoroalkyl;
};

enum class PatternMode { kAny, kAll };
enum class RuleScope { kMolecule, kLargestOrganicFragment };

// A carve-out: when it fires (its patterns match and its conditions hold), the rule does not.
struct RuleExclusion {
    std::string id, name_en, name_zh, section;
    PatternMode mode = PatternMode::kAny;
    std::vector<StructurePattern> patterns;
    StructureConditions conditions;
};

struct StructureRule {
    std::string id, version, class_id, name_zh, name_en, note;
    std::string citation_document, citation_section;
    RuleScope scope = RuleScope::kMolecule;
    PatternMode mode = PatternMode::kAny;
    std::vector<StructurePattern> patterns;  // at least one pattern or one condition
    StructureConditions conditions;
    std::vector<RuleExclusion> exclusions;
    std::string citation() const { return citation_document + ", " + citation_section; }
};

struct RuleSet {
    std::string id, version, date, title_zh, title_en;
    std::vector<StructureRule> rules;
};

// Parses and validates a rule file: required fields, known keys only, unique rule ids, every
// SMARTS compiled, filter atom indices inside their pattern. Errors: kInvalidArgument
// "rules.json" (not JSON), "rules.schema" (a missing, unknown or ill-typed field),
// "rules.smarts" (a pattern that does not compile), "rules.duplicate"; the message names the
// rule id and the field is the JSON path, e.g. "$.rules[3].patterns[0].smarts".
Result<RuleSet> ParseStructureRules(std::string_view json_text);

struct RuleMatch {
    std::string rule_id, rule_version, class_id, name_zh, name_en;
    std::string citation;             // "document, section"
    std::string reason_en, reason_zh;  // which pattern matched where, which condition values
    std::vector<int> matched_atoms;    // atom indices in the input molecule, ascending
};

// Evaluates every rule of `rules` on `molecule`; returns the rules that fired, in file order.
std::vector<RuleMatch> EvaluateStructureRules(const RuleSet& rules, const chem::Molecule& molecule);

}  // namespace npgov::rules
