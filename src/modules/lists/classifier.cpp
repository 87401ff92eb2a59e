#include "modules/lists/classifier.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "engines/chem/molecule.hpp"

namespace npgov::lists {
namespace {

Error Warning(std::string reason, std::string zh, std::string en, std::string field = {}) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field)).value();
}

MeasureStatus StatusOf(const Measure& m, Date date) {
    MeasureStatus s;
    s.measure = m;
    s.in_force = m.effective_from <= date;
    if (m.ban_from) s.ban_in_force = *m.ban_from <= date;
    for (const auto& use : m.exempted_uses) s.exemptions.push_back({use, !use.end || date <= *use.end});
    return s;
}

// The entry's reasons to hold a substance with these CAS numbers and structure matches.
std::vector<MembershipReason> ReasonsFor(const Entry& entry, const std::vector<std::string>& cas_numbers,
                                         const std::vector<rules::RuleMatch>& matches) {
    std::vector<MembershipReason> out;
    for (const auto& cas : cas_numbers) {
        if (std::find(entry.cas_numbers.begin(), entry.cas_numbers.end(), cas) == entry.cas_numbers.end()) continue;
        MembershipReason reason;
        reason.kind = MembershipReason::Kind::kCas;
        reason.cas = cas;
        for (const auto& member : entry.members) {
            if (std::find(member.cas_numbers.begin(), member.cas_numbers.end(), cas) != member.cas_numbers.end()) {
                reason.member = member;
                break;
            }
        }
        out.push_back(std::move(reason));
    }
    for (const auto& match : matches) {
        if (std::find(entry.structure_classes.begin(), entry.structure_classes.end(), match.class_id) ==
            entry.structure_classes.end()) {
            continue;
        }
        MembershipReason reason;
        reason.kind = MembershipReason::Kind::kStructure;
        reason.rule = match;
        out.push_back(std::move(reason));
    }
    return out;
}

}  // namespace

Result<std::shared_ptr<const rules::RuleSet>> Classifier::Rules() {
    std::lock_guard lock(rules_mutex_);
    if (rules_) return rules_;
    std::ifstream in(rules_file_, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kFailedPrecondition, "rules.unavailable",
                         "找不到结构规则文件：" + rules_file_.string(),
                         "the structure rules file is missing: " + rules_file_.string(), "data_dir");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto parsed = rules::ParseStructureRules(buffer.str());
    if (!parsed) {
        Error e = parsed.error();
        e.code = ErrorCode::kFailedPrecondition;
        e.message_zh = "结构规则文件无效（" + rules_file_.string() + "）：" + e.message_zh;
        e.message_en = "the structure rules file is invalid (" + rules_file_.string() + "): " + e.message_en;
        return tl::unexpected(e);
    }
    rules_ = std::make_shared<const rules::RuleSet>(std::move(*parsed));
    return rules_;
}

Result<Classification> Classifier::Classify(const ClassifyInput& input, Date date) {
    if (input.substance_id ? (input.cas || input.smiles) : (!input.cas && !input.smiles)) {
        return MakeError(ErrorCode::kInvalidArgument, "classify.input",
                         "请给出物质编号，或 CAS 号和/或 SMILES", "give a substance id, or a CAS number and/or a SMILES",
                         "smiles");
    }
    NPGOV_ASSIGN_OR_RETURN(auto rule_set, Rules());
    Classification c;
    c.date = date;
    auto add_cas = [&c](const std::vector<std::string>& numbers) {
        for (const auto& cas : numbers) {
            if (std::find(c.cas_numbers.begin(), c.cas_numbers.end(), cas) == c.cas_numbers.end()) c.cas_numbers.push_back(cas);
        }
    };
    std::optional<chem::Molecule> molecule;
    if (input.substance_id) {
        c.input_kind = "substance";
        c.input = std::to_string(*input.substance_id);
        NPGOV_ASSIGN_OR_RETURN(auto s, substances_.Find(*input.substance_id));
        c.substance = std::move(s);
    }
    if (input.cas) {
        c.input_kind = "cas";
        NPGOV_ASSIGN_OR_RETURN(auto cas, CasNumber::Parse(*input.cas));
        c.input = cas.text();
        add_cas({cas.text()});
        NPGOV_ASSIGN_OR_RETURN(auto found, substances_.FindByCas(cas.text()));
        if (found) {
            c.substance = std::move(*found);
        } else if (!input.smiles) {
            c.warnings.push_back(Warning("classify.unknown_cas",
                                         "CAS 号 " + cas.text() + " 不在物质库中：只比对了名录列明的 CAS 号，未做结构规则判断",
                                         "CAS " + cas.text() + " is not in the substance registry: only the lists' explicit "
                                         "CAS numbers were checked, structure rules were not evaluated",
                                         "cas"));
        }
    }
    if (input.smiles) {
        const std::string smiles(Trim(*input.smiles));
        c.input_kind = input.cas ? "cas+smiles" : "smiles";
        c.input = input.cas ? c.input + " " + smiles : smiles;
        auto parsed = chem::Molecule::FromSmiles(smiles);
        if (!parsed) {
            Error e = parsed.error();
            e.field = "smiles";
            return tl::unexpected(e);
        }
        molecule = std::move(*parsed);
        const auto ids = chem::ComputeIdentifiers(*molecule);
        if (!ids.inchikey.empty()) {
            NPGOV_ASSIGN_OR_RETURN(auto same, substances_.FindByInchiKey(ids.inchikey));
            for (const auto& s : same) add_cas(s.cas_numbers);
            if (!same.empty()) {
                if (!c.substance) c.substance = same.front();
                c.warnings.push_back(Warning("classify.matched_by_inchikey",
                                             "结构与物质库中 " + std::to_string(same.size()) + " 个物质的 InChIKey 相同，已一并比对其 CAS 号",
                                             "the structure has the InChIKey of " + std::to_string(same.size()) +
                                                 " registered substance(s); their CAS numbers were checked too",
                                             "smiles"));
            }
        }
        c.canonical_smiles = ids.canonical_smiles;
        c.inchikey = ids.inchikey;
        c.formula = ids.formula;
        c.components = ids.components;
    }
    if (c.substance && !input.smiles) {
        const auto& s = *c.substance;
        add_cas(s.cas_numbers);
        if (s.has_structure()) {
            NPGOV_ASSIGN_OR_RETURN(auto parsed, chem::Molecule::FromSmiles(s.canonical_smiles));
            molecule = std::move(parsed);
            c.canonical_smiles = s.canonical_smiles;
            c.inchikey = s.inchikey;
            c.formula = s.formula;
            c.components = s.components;
        } else {
            c.warnings.push_back(Warning("classify.no_structure",
                                         "物质没有结构式：只比对了 CAS 号，未做结构规则判断（是否属 PFAS 未知）",
                                         "the substance has no structure: only CAS numbers were checked, structure rules "
                                         "were not evaluated (PFAS unknown)",
                                         "smiles"));
        }
        if (!s.structure_note.empty()) {
            c.warnings.push_back(Warning("classify.structure_note", "结构说明：" + s.structure_note,
                                         "structure note: " + s.structure_note, "smiles"));
        }
    }
    c.rule_set = rule_set->id + " v" + rule_set->version;
    if (molecule) {
        c.structure_evaluated = true;
        c.rule_matches = rules::EvaluateStructureRules(*rule_set, *molecule);
        c.pfas = false;
        for (const auto& m : c.rule_matches) {
            if (m.class_id == kPfasClass) c.pfas = true;
            if (std::string_view(m.class_id).substr(0, kAntibioticPrefix.size()) == kAntibioticPrefix) {
                c.antibiotic_classes.push_back(m);
            }
        }
        if (c.components > 1) {
            c.warnings.push_back(Warning("classify.multi_component",
                                         "结构含 " + std::to_string(c.components) + " 个互不相连的部分（盐或混合物），按整体判断",
                                         "the structure has " + std::to_string(c.components) +
                                             " disconnected parts (a salt or mixture); it was classified as a whole",
                                         "smiles"));
        }
    }

    NPGOV_ASSIGN_OR_RETURN(c.editions, lists_.AllEditions());
    std::set<std::string> list_ids;
    for (const auto& e : *c.editions) list_ids.insert(e.list_id);
    for (const auto& list_id : list_ids) {
        ListHit hit;
        hit.edition = EditionInForce(*c.editions, list_id, date);
        if (!hit.edition) {
            // Not in force yet on the date: show the first edition, marked as such.
            for (const auto& e : *c.editions) {
                if (e.list_id == list_id && (!hit.edition || e.effective_date < hit.edition->effective_date)) hit.edition = &e;
            }
            hit.edition_in_force = false;
        }
        for (const auto& entry : hit.edition->entries) {
            auto reasons = ReasonsFor(entry, c.cas_numbers, c.rule_matches);
            if (reasons.empty()) continue;
            EntryHit entry_hit{&entry, std::move(reasons), {}};
            for (const auto& m : entry.measures) entry_hit.measures.push_back(StatusOf(m, date));
            hit.entries.push_back(std::move(entry_hit));
        }
        if (!hit.entries.empty()) c.lists.push_back(std::move(hit));
    }
    return c;
}

}  // namespace npgov::lists
