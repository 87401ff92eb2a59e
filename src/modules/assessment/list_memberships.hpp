// The list entries every substance of a registry falls under, for screening: the same rule as
// lists::Classifier (an entry's explicit CAS numbers, its named members' CAS numbers, or one of
// its structure classes), applied to all substances at once. The costly part — evaluating the
// structure rules with RDKit — is cached per substance in assessment_structure_matches and
// redone only for substances whose registry revision or the rule set changed.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/assessment/screening_facts.hpp"
#include "modules/lists/classifier.hpp"
#include "modules/lists/list_registry.hpp"
#include "modules/substance/substance.hpp"
#include "store/database.hpp"

namespace npgov::assessment {

struct MembershipStats {
    std::int64_t structures = 0;   // substances with a structure
    std::int64_t evaluated = 0;    // structures evaluated now (cache misses)
    std::int64_t unreadable = 0;   // structures the chemistry engine could not read (CAS only)
    std::string rule_set;          // "<id> v<version>"
};

class ListMemberships {
public:
    ListMemberships(store::Database& db, lists::ListRegistry& lists, lists::Classifier& classifier, const Clock& clock)
        : db_(db), lists_(lists), classifier_(classifier), clock_(clock) {}

    // Memberships of each substance in the list editions in force on `date` (substances
    // without any are absent from the map). Errors: "rules.unavailable" (the classifier's rule
    // file); those of the store.
    Result<std::map<std::int64_t, std::vector<Membership>>> Of(std::span<const substance::Substance> substances, Date date,
                                                               MembershipStats* stats = nullptr);

private:
    store::Database& db_;
    lists::ListRegistry& lists_;
    lists::Classifier& classifier_;
    const Clock& clock_;
};

}  // namespace npgov::assessment
