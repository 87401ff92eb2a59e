#include "modules/lists/list_diff.hpp"

#include <algorithm>
#include <map>

#include "modules/lists/list_codec.hpp"

namespace npgov::lists {
namespace {

std::vector<std::string> Minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& x : a) {
        if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
    }
    return out;
}

// The fields of two measures that differ, by their file-JSON members.
std::vector<std::string> MeasureFields(const Measure& a, const Measure& b) {
    const auto ja = codec::ToFileJson(a);
    const auto jb = codec::ToFileJson(b);
    std::vector<std::string> out;
    for (const auto& [key, value] : ja.items()) {
        if (jb[key] != value) out.push_back(key);
    }
    return out;
}

using MeasureKey = std::pair<std::string, int>;

std::map<MeasureKey, const Measure*> KeyMeasures(const Entry& e) {
    std::map<MeasureKey, const Measure*> out;
    std::map<std::string, int> seen;
    for (const auto& m : e.measures) out[{m.action, ++seen[m.action]}] = &m;
    return out;
}

std::vector<MeasureChange> DiffMeasures(const Entry& from, const Entry& to) {
    const auto a = KeyMeasures(from);
    const auto b = KeyMeasures(to);
    std::vector<MeasureChange> out;
    for (const auto& [key, measure] : a) {
        const auto other = b.find(key);
        if (other == b.end()) {
            out.push_back({key.first, key.second, *measure, std::nullopt, {}});
        } else if (auto fields = MeasureFields(*measure, *other->second); !fields.empty()) {
            out.push_back({key.first, key.second, *measure, *other->second, std::move(fields)});
        }
    }
    for (const auto& [key, measure] : b) {
        if (!a.count(key)) out.push_back({key.first, key.second, std::nullopt, *measure, {}});
    }
    return out;
}

}  // namespace

EditionDiff DiffEditions(const Edition& from, const Edition& to) {
    EditionDiff diff;
    diff.list_id = to.list_id;
    diff.from = from.edition;
    diff.to = to.edition;
    std::map<std::string, const Entry*> old_entries;
    for (const auto& e : from.entries) old_entries[e.key] = &e;
    std::map<std::string, const Entry*> new_entries;
    for (const auto& e : to.entries) new_entries[e.key] = &e;
    for (const auto& e : from.entries) {
        if (!new_entries.count(e.key)) diff.removed.push_back(e);
    }
    for (const auto& e : to.entries) {
        const auto found = old_entries.find(e.key);
        if (found == old_entries.end()) {
            diff.added.push_back(e);
            continue;
        }
        const Entry& old = *found->second;
        EntryChange change{e.key, e.name_zh, e.name_en, {}, {}, {}, {}, {}, {}};
        const std::pair<const char*, std::pair<const std::string*, const std::string*>> scalars[] = {
            {"name_zh", {&old.name_zh, &e.name_zh}},   {"name_en", {&old.name_en, &e.name_en}},
            {"abbreviation", {&old.abbreviation, &e.abbreviation}}, {"category", {&old.category, &e.category}},
            {"measures_status", {&old.measures_status, &e.measures_status}}, {"notes", {&old.notes, &e.notes}},
            {"confidence", {&old.confidence, &e.confidence}}};
        for (const auto& [name, values] : scalars) {
            if (*values.first != *values.second) change.fields.push_back(name);
        }
        change.cas_added = Minus(e.cas_numbers, old.cas_numbers);
        change.cas_removed = Minus(old.cas_numbers, e.cas_numbers);
        change.classes_added = Minus(e.structure_classes, old.structure_classes);
        change.classes_removed = Minus(old.structure_classes, e.structure_classes);
        change.measures = DiffMeasures(old, e);
        if (change.fields.empty() && change.cas_added.empty() && change.cas_removed.empty() &&
            change.classes_added.empty() && change.classes_removed.empty() && change.measures.empty()) {
            ++diff.unchanged;
        } else {
            diff.changed.push_back(std::move(change));
        }
    }
    return diff;
}

}  // namespace npgov::lists
