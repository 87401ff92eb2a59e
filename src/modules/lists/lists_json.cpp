#include "modules/lists/lists_json.hpp"

#include "modules/substance/substance_json.hpp"
#include "json/error_json.hpp"

namespace npgov::lists {
namespace {

using nlohmann::json;

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToIsoString()) : json(); }

json ExemptedUseJson(const ExemptedUse& u) {
    json condition = nullptr;
    if (u.condition_limit) {
        condition = {{"max_value", u.condition_limit->max_value},
                     {"unit", u.condition_limit->unit},
                     {"comparison", u.condition_limit->comparison}};
    }
    return {{"use_zh", u.use_zh},
            {"use_en", u.use_en},
            {"end", DateOrNull(u.end)},
            {"condition_limit", condition},
            {"excluded_products", u.excluded_products}};
}

json MemberJson(const EntryMember& m) {
    return {{"id", m.id}, {"name_zh", m.name_zh}, {"name_en", m.name_en}, {"cas_numbers", m.cas_numbers}};
}

json MeasureStatusJson(const MeasureStatus& s) {
    json j = ToJson(s.measure);
    j["in_force"] = s.in_force;
    j["ban_in_force"] = s.ban_in_force ? json(*s.ban_in_force) : json();
    for (std::size_t i = 0; i < s.exemptions.size(); ++i) j["exempted_uses"][i]["active"] = s.exemptions[i].active;
    return j;
}

json EntrySummary(const Entry& e) {
    return {{"key", e.key},
            {"name_zh", e.name_zh},
            {"name_en", e.name_en},
            {"abbreviation", e.abbreviation},
            {"category", e.category},
            {"category_zh", e.category_zh},
            {"measures_text_loaded", e.measures_status.empty()},
            {"measures_status", e.measures_status}};
}

json EditionHeader(const Edition& e) {
    return {{"list_id", e.list_id},
            {"list_name_zh", e.list_name_zh},
            {"list_name_en", e.list_name_en},
            {"edition", e.edition},
            {"effective_date", e.effective_date.ToIsoString()},
            {"legal_basis", e.legal_basis},
            {"source", e.source},
            {"source_url", e.source_url},
            {"notes", e.notes}};
}

}  // namespace

json ToJson(const Measure& m) {
    json uses = json::array();
    for (const auto& u : m.exempted_uses) uses.push_back(ExemptedUseJson(u));
    json limits = json::array();
    for (const auto& l : m.limits) {
        limits.push_back({{"product", l.product}, {"analyte", l.analyte}, {"max_value", l.max_value}, {"unit", l.unit}});
    }
    return {{"action", m.action},
            {"action_zh", m.action_zh},
            {"text_zh", m.text_zh},
            {"text_en", m.text_en},
            {"effective_from", m.effective_from.ToIsoString()},
            {"ban_from", DateOrNull(m.ban_from)},
            {"standard", m.standard},
            {"exempted_uses", uses},
            {"exemption_end_note", m.exemption_end_note},
            {"limits", limits},
            {"source", m.source},
            {"assumed", m.assumed}};
}

json ToJson(const Entry& e) {
    json j = EntrySummary(e);
    j["cas_numbers"] = e.cas_numbers;
    j["structure_classes"] = e.structure_classes;
    json members = json::array();
    for (const auto& m : e.members) members.push_back(MemberJson(m));
    j["members"] = members;
    json measures = json::array();
    for (const auto& m : e.measures) measures.push_back(ToJson(m));
    j["measures"] = measures;
    j["notes"] = e.notes;
    j["confidence"] = e.confidence;
    auto attributes = json::parse(e.attributes_json, nullptr, false);
    j["attributes"] = attributes.is_discarded() ? json::object() : attributes;
    return j;
}

json ToJson(const Edition& e) {
    json j = EditionHeader(e);
    json entries = json::array();
    for (const auto& entry : e.entries) entries.push_back(ToJson(entry));
    j["entries"] = entries;
    return j;
}

json ToJson(const ListInfo& list) {
    json editions = json::array();
    for (const auto& e : list.editions) {
        editions.push_back({{"edition", e.edition},
                            {"effective_date", e.effective_date.ToIsoString()},
                            {"legal_basis", e.legal_basis},
                            {"source", e.source},
                            {"source_url", e.source_url},
                            {"notes", e.notes},
                            {"entries", e.entries},
                            {"measures", e.measures},
                            {"content_hash", e.content_hash},
                            {"loaded_at", e.loaded_at},
                            {"loaded_by", e.loaded_by}});
    }
    return {{"id", list.id},
            {"name_zh", list.name_zh},
            {"name_en", list.name_en},
            {"latest_edition", list.editions.empty() ? json() : json(list.editions.back().edition)},
            {"editions", editions}};
}

json ToJson(const EditionDiff& d) {
    json added = json::array();
    for (const auto& e : d.added) added.push_back(ToJson(e));
    json removed = json::array();
    for (const auto& e : d.removed) removed.push_back(ToJson(e));
    json changed = json::array();
    for (const auto& c : d.changed) {
        json measures = json::array();
        for (const auto& m : c.measures) {
            measures.push_back({{"action", m.action},
                                {"occurrence", m.occurrence},
                                {"change", !m.before ? "added" : (!m.after ? "removed" : "changed")},
                                {"fields", m.fields},
                                {"before", m.before ? ToJson(*m.before) : json()},
                                {"after", m.after ? ToJson(*m.after) : json()}});
        }
        changed.push_back({{"key", c.key},
                           {"name_zh", c.name_zh},
                           {"name_en", c.name_en},
                           {"fields", c.fields},
                           {"cas_added", c.cas_added},
                           {"cas_removed", c.cas_removed},
                           {"classes_added", c.classes_added},
                           {"classes_removed", c.classes_removed},
                           {"measures", measures}});
    }
    return {{"list_id", d.list_id},
            {"from", d.from},
            {"to", d.to},
            {"summary", {{"added", d.added.size()}, {"removed", d.removed.size()}, {"changed", d.changed.size()},
                         {"unchanged", d.unchanged}}},
            {"added", added},
            {"removed", removed},
            {"changed", changed}};
}

json ToJson(const rules::RuleMatch& m) {
    return {{"rule_id", m.rule_id},     {"rule_version", m.rule_version}, {"class_id", m.class_id},
            {"name_zh", m.name_zh},     {"name_en", m.name_en},           {"citation", m.citation},
            {"reason_zh", m.reason_zh}, {"reason_en", m.reason_en},       {"matched_atoms", m.matched_atoms}};
}

json ToJson(const Classification& c) {
    json rule_matches = json::array();
    for (const auto& m : c.rule_matches) rule_matches.push_back(ToJson(m));
    json antibiotics = json::array();
    for (const auto& m : c.antibiotic_classes) {
        antibiotics.push_back({{"class_id", m.class_id}, {"name_zh", m.name_zh}, {"name_en", m.name_en}});
    }
    json lists = json::array();
    json list_ids = json::array();
    int in_force = 0;
    for (const auto& hit : c.lists) {
        json entries = json::array();
        for (const auto& e : hit.entries) {
            json j = EntrySummary(*e.entry);
            json reasons = json::array();
            for (const auto& r : e.reasons) {
                if (r.kind == MembershipReason::Kind::kCas) {
                    reasons.push_back({{"kind", "cas"},
                                       {"cas", r.cas},
                                       {"member", r.member ? MemberJson(*r.member) : json()},
                                       {"reason_zh", "CAS 号 " + r.cas + " 列于该条目"},
                                       {"reason_en", "CAS " + r.cas + " is listed in this entry"}});
                } else {
                    json rj = ToJson(*r.rule);
                    rj["kind"] = "structure";
                    reasons.push_back(rj);
                }
            }
            j["reasons"] = reasons;
            json measures = json::array();
            for (const auto& m : e.measures) {
                measures.push_back(MeasureStatusJson(m));
                if (m.in_force && hit.edition_in_force) ++in_force;
            }
            j["measures"] = measures;
            entries.push_back(j);
        }
        json header = EditionHeader(*hit.edition);
        header["edition_in_force"] = hit.edition_in_force;
        header["entries"] = entries;
        lists.push_back(header);
        list_ids.push_back(hit.edition->list_id);
    }
    json warnings = json::array();
    for (const auto& w : c.warnings) warnings.push_back(ErrorJson(w));
    return {{"date", c.date.ToIsoString()},
            {"input", {{"kind", c.input_kind}, {"value", c.input}}},
            {"substance", c.substance ? substance::ToJson(*c.substance) : json()},
            {"cas_numbers", c.cas_numbers},
            {"structure", {{"evaluated", c.structure_evaluated},
                           {"canonical_smiles", c.canonical_smiles},
                           {"inchikey", c.inchikey},
                           {"formula", c.formula},
                           {"components", c.components}}},
            {"rule_set", c.rule_set},
            {"pfas", c.pfas ? json(*c.pfas) : json()},
            {"antibiotic_classes", antibiotics},
            {"rule_matches", rule_matches},
            {"summary", {{"listed", !c.lists.empty()}, {"list_ids", list_ids}, {"measures_in_force", in_force}}},
            {"lists", lists},
            {"warnings", warnings}};
}

}  // namespace npgov::lists
