#include "modules/assessment/list_memberships.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "engines/chem/molecule.hpp"
#include "engines/rules/structure_rules.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::assessment {
namespace {

using nlohmann::json;

constexpr std::size_t kBatch = 200;  // rows per multi-row statement

struct Cached {
    std::string smiles, rule_set;
    std::vector<std::pair<std::string, std::string>> matches;  // class id, reason
};


// What a structure match says, kept short: the rule and its reason.
std::string MatchReason(const std::string& class_id, const std::string& reason) {
    return "structure " + class_id + (reason.empty() ? "" : ": " + reason);
}

}  // namespace

Result<std::map<std::int64_t, std::vector<Membership>>> ListMemberships::Of(std::span<const substance::Substance> substances,
                                                                           Date date, MembershipStats* stats) {
    MembershipStats local;
    MembershipStats& st = stats ? *stats : local;
    NPGOV_ASSIGN_OR_RETURN(auto rule_set, classifier_.Rules());
    st.rule_set = rule_set->id + " v" + rule_set->version;
    NPGOV_ASSIGN_OR_RETURN(auto editions, lists_.AllEditions());

    // The editions in force, and which entries name which CAS numbers and structure classes.
    std::vector<const lists::Edition*> in_force;
    std::set<std::string> list_ids;
    for (const auto& e : *editions) list_ids.insert(e.list_id);
    for (const auto& id : list_ids) {
        if (const auto* e = lists::EditionInForce(*editions, id, date)) in_force.push_back(e);
    }
    struct EntryRef {
        const lists::Edition* edition;
        const lists::Entry* entry;
    };
    std::unordered_map<std::string, std::vector<EntryRef>> by_cas, by_class;
    bool any_structure_class = false;
    for (const auto* edition : in_force) {
        for (const auto& entry : edition->entries) {
            std::set<std::string> cas(entry.cas_numbers.begin(), entry.cas_numbers.end());
            for (const auto& m : entry.members) cas.insert(m.cas_numbers.begin(), m.cas_numbers.end());
            for (const auto& c : cas) by_cas[c].push_back({edition, &entry});
            for (const auto& cls : entry.structure_classes) {
                by_class[cls].push_back({edition, &entry});
                any_structure_class = true;
            }
        }
    }

    // Structure matches: cached per substance while its structure and the rule set stay the same.
    std::unordered_map<std::int64_t, Cached> cache;
    std::vector<const substance::Substance*> misses;
    if (any_structure_class) {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT substance_id, smiles, rule_set, matches "
                                                            "FROM assessment_structure_matches"));
        for (const auto& row : rows.rows) {
            Cached c{row.Text(1), row.Text(2), {}};
            const json parsed = json::parse(row.Text(3), nullptr, false);
            if (!parsed.is_array()) {
                return MakeError(ErrorCode::kDataLoss, "assessment.cache", "结构规则缓存已损坏",
                                 "the structure-match cache is corrupt", "assessment_structure_matches");
            }
            for (const auto& m : parsed) c.matches.emplace_back(m.value("class_id", ""), m.value("reason", ""));
            cache.emplace(row.Int(0), std::move(c));
        }
        for (const auto& s : substances) {
            if (!s.has_structure()) continue;
            ++st.structures;
            auto found = cache.find(s.id);
            if (found == cache.end() || found->second.smiles != s.canonical_smiles || found->second.rule_set != st.rule_set) {
                misses.push_back(&s);
            }
        }
        // Evaluate the misses and store them, a batch per transaction.
        const std::string now = clock_.Now().ToIsoString();
        for (std::size_t start = 0; start < misses.size(); start += kBatch) {
            const std::size_t n = std::min(kBatch, misses.size() - start);
            std::vector<store::Value> ids, values;
            for (std::size_t i = start; i < start + n; ++i) {
                const auto& s = *misses[i];
                Cached c{s.canonical_smiles, st.rule_set, {}};
                auto molecule = chem::Molecule::FromSmiles(s.canonical_smiles);
                json matches = json::array();
                if (molecule) {
                    for (const auto& m : rules::EvaluateStructureRules(*rule_set, *molecule)) {
                        c.matches.emplace_back(m.class_id, m.reason_en);
                        matches.push_back({{"class_id", m.class_id}, {"rule_id", m.rule_id}, {"reason", m.reason_en}});
                    }
                } else {
                    ++st.unreadable;
                }
                ++st.evaluated;
                ids.emplace_back(s.id);
                for (store::Value v : {store::Value(s.id), store::Value(c.smiles), store::Value(c.rule_set),
                                       store::Value(matches.dump()), store::Value(now)}) {
                    values.push_back(std::move(v));
                }
                cache[s.id] = std::move(c);
            }
            NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
            NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
            NPGOV_RETURN_IF_ERROR(connection->Execute(
                "DELETE FROM assessment_structure_matches WHERE substance_id IN " + store::RowPlaceholders(1, n), ids));
            NPGOV_RETURN_IF_ERROR(connection->Execute("INSERT INTO assessment_structure_matches (substance_id, smiles, "
                                                      "rule_set, matches, computed_at) VALUES " +
                                                          store::RowPlaceholders(n, 5),
                                                      values));
            NPGOV_RETURN_IF_ERROR(tx.Commit());
        }
    }

    std::map<std::int64_t, std::vector<Membership>> out;
    for (const auto& s : substances) {
        std::vector<Membership> found;
        auto add = [&](const EntryRef& ref, std::string reason) {
            for (auto& m : found) {
                if (m.list_id == ref.edition->list_id && m.entry_key == ref.entry->key) {
                    m.reason += "; " + reason;
                    return;
                }
            }
            found.push_back({ref.edition->list_id, ref.edition->edition, ref.entry->key, ref.entry->name_zh,
                             ref.entry->name_en, std::move(reason)});
        };
        for (const auto& cas : s.cas_numbers) {
            if (auto hit = by_cas.find(cas); hit != by_cas.end()) {
                for (const auto& ref : hit->second) add(ref, "CAS " + cas);
            }
        }
        if (s.has_structure()) {
            if (auto cached = cache.find(s.id); cached != cache.end()) {
                for (const auto& [cls, reason] : cached->second.matches) {
                    if (auto hit = by_class.find(cls); hit != by_class.end()) {
                        for (const auto& ref : hit->second) add(ref, MatchReason(cls, reason));
                    }
                }
            }
        }
        if (!found.empty()) out.emplace(s.id, std::move(found));
    }
    return out;
}

}  // namespace npgov::assessment
