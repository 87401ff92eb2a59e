// Which lists and entries a substance falls under on a date, and which of their measures are
// in force. Membership of an entry = one of its explicit CAS numbers OR a match of one of its
// structure classes (rules as data, data/rules/structure_classes.json, evaluated by the rules
// engine); every membership says why. Also: PFAS yes/no (OECD 2021 definition) and the
// antibiotic classes the structure falls into.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "engines/rules/structure_rules.hpp"
#include "modules/lists/list_registry.hpp"
#include "modules/substance/substance_registry.hpp"

namespace npgov::lists {

// The structure class whose match means "PFAS" (OECD 2021 definition).
inline constexpr std::string_view kPfasClass = "pfas.oecd2021";
// Structure classes "antibiotic.<class>" name antibiotic classes.
inline constexpr std::string_view kAntibioticPrefix = "antibiotic.";

// A stored substance (alone), or a CAS number and/or a structure. With both, the structure is
// evaluated and the CAS number compared with the lists' CAS numbers.
struct ClassifyInput {
    std::optional<std::int64_t> substance_id;
    std::optional<std::string> cas;
    std::optional<std::string> smiles;
};

struct MembershipReason {
    enum class Kind { kCas, kStructure };
    Kind kind = Kind::kCas;
    std::string cas;               // kCas: the listed CAS number
    std::optional<EntryMember> member;  // kCas: the named sub-substance listing it, if any
    std::optional<rules::RuleMatch> rule;  // kStructure: the rule that matched, with its reason
};

struct ExemptionStatus {
    ExemptedUse use;
    bool active = false;  // no end date, or the date is on or before it
};

struct MeasureStatus {
    Measure measure;
    bool in_force = false;             // effective_from <= date
    std::optional<bool> ban_in_force;  // with ban_from: date >= ban_from
    std::vector<ExemptionStatus> exemptions;
};

struct EntryHit {
    const Entry* entry = nullptr;  // in the Classification's edition snapshot
    std::vector<MembershipReason> reasons;
    std::vector<MeasureStatus> measures;
};

struct ListHit {
    const Edition* edition = nullptr;  // in the Classification's edition snapshot
    bool edition_in_force = true;       // false: no edition in force yet on the date (the first is shown)
    std::vector<EntryHit> entries;
};

struct Classification {
    Date date;
    std::string input_kind;  // "substance", "cas", "smiles" or "cas+smiles"
    std::string input;
    std::optional<substance::Substance> substance;  // the registered substance, when known
    std::vector<std::string> cas_numbers;           // compared with the lists' CAS numbers
    bool structure_evaluated = false;
    std::string canonical_smiles;
    std::string inchikey;
    std::string formula;
    int components = 0;
    std::string rule_set;  // id and version of the structure rules used
    std::vector<rules::RuleMatch> rule_matches;
    std::optional<bool> pfas;  // nullopt without a structure
    std::vector<rules::RuleMatch> antibiotic_classes;
    std::vector<ListHit> lists;
    std::vector<Error> warnings;  // e.g. classify.unknown_cas, classify.multi_component
    std::shared_ptr<const std::vector<Edition>> editions;  // keeps the hits' pointers valid
};

class Classifier {
public:
    // `rules_file` is read on first use (data/rules/structure_classes.json).
    Classifier(ListRegistry& lists, substance::SubstanceRegistry& substances, std::filesystem::path rules_file)
        : lists_(lists), substances_(substances), rules_file_(std::move(rules_file)) {}

    // Errors: kInvalidArgument "classify.input" (no input, or an id with more), cas.*, smiles.*;
    // kNotFound "substance.unknown"; kFailedPrecondition "rules.unavailable" (rules file
    // missing or invalid); those of the store.
    Result<Classification> Classify(const ClassifyInput& input, Date date);

    // The structure rules in use. Errors: as Classify's "rules.unavailable".
    Result<std::shared_ptr<const rules::RuleSet>> Rules();

private:
    ListRegistry& lists_;
    substance::SubstanceRegistry& substances_;
    std::filesystem::path rules_file_;
    std::mutex rules_mutex_;
    std::shared_ptr<const rules::RuleSet> rules_;
};

}  // namespace npgov::lists
