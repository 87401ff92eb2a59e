// Evaluation of structure rules: conditions first (cheap), then patterns, then exclusions; the
// reason of a match lists each pattern that matched with its first match's atoms and the value
// of each condition, in English and Chinese.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string>

#include "engines/chem/composition.hpp"
#include "engines/chem/perfluoroalkyl.hpp"
#include "engines/rules/structure_rules.hpp"

namespace npgov::rules {
namespace {

constexpr int kMaxMatchesPerPattern = 1000;

// The part of the input a rule looks at, with its composition.
struct Subject {
    chem::Molecule molecule;
    std::vector<int> parent_atoms;  // subject atom -> input atom
    chem::Composition composition;
};

Subject MakeSubject(const chem::Molecule& input, RuleScope scope) {
    if (scope == RuleScope::kLargestOrganicFragment && chem::ComponentCount(input) > 1) {
        chem::Fragment fragment = chem::LargestOrganicFragment(input);
        chem::Composition composition = chem::ComputeComposition(fragment.molecule);
        return {std::move(fragment.molecule), std::move(fragment.parent_atoms), std::move(composition)};
    }
    std::vector<int> identity(static_cast<std::size_t>(input.atom_count()));
    for (std::size_t i = 0; i < identity.size(); ++i) identity[i] = static_cast<int>(i);
    return {input, std::move(identity), chem::ComputeComposition(input)};
}

struct Reason {
    std::vector<std::string> en, zh;
    void Add(std::string e, std::string z) {
        en.push_back(std::move(e));
        zh.push_back(std::move(z));
    }
};

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

std::string Percent(double fraction) {
    char buffer[32];
    std::snprintf(buffer, sizeof(buffer), "%.1f", fraction * 100.0);
    std::string text = buffer;
    if (text.size() > 2 && text.substr(text.size() - 2) == ".0") text.resize(text.size() - 2);
    return text;
}

std::string RangeText(const IntRange& r) {
    if (r.min && r.max) {
        return *r.min == *r.max ? "= " + std::to_string(*r.min)
                                : std::to_string(*r.min) + "–" + std::to_string(*r.max);
    }
    return r.min ? "≥ " + std::to_string(*r.min) : "≤ " + std::to_string(*r.max);
}

bool Compare(double value, Comparison op, double limit) {
    switch (op) {
        case Comparison::kGreater: return value > limit;
        case Comparison::kGreaterOrEqual: return value >= limit;
        case Comparison::kLess: return value < limit;
        case Comparison::kLessOrEqual: return value <= limit;
    }
    return false;
}

std::string_view OpText(Comparison op) {
    switch (op) {
        case Comparison::kGreater: return ">";
        case Comparison::kGreaterOrEqual: return "≥";
        case Comparison::kLess: return "<";
        case Comparison::kLessOrEqual: return "≤";
    }
    return "?";
}

// Returns true if every condition holds; `reason` receives a phrase per condition.
bool CheckConditions(const StructureConditions& c, const chem::Composition& comp, Reason& reason) {
    for (const auto& [symbol, range] : c.element_counts) {
        const int n = comp.Count(symbol);
        if (!range.Contains(n)) return false;
        reason.Add(symbol + std::to_string(n) + " (" + RangeText(range) + ")",
                   symbol + std::to_string(n) + "（" + RangeText(range) + "）");
    }
    if (!c.only_elements.empty()) {
        for (const chem::ElementCount& e : comp.elements) {
            if (std::find(c.only_elements.begin(), c.only_elements.end(), e.symbol) ==
                c.only_elements.end()) {
                return false;
            }
        }
        reason.Add("only " + Join(c.only_elements, ", "), "仅含 " + Join(c.only_elements, "、"));
    }
    for (const MassFractionCondition& m : c.mass_fractions) {
        const double fraction = comp.MassFraction(m.element);
        if (!Compare(fraction, m.op, m.value)) return false;
        const std::string text = Percent(fraction) + " % " + std::string(OpText(m.op)) + " " +
                                 Percent(m.value) + " %";
        reason.Add(m.element + " " + text + " by weight", m.element + " 质量分数 " + text);
    }
    if (c.acyclic) {
        if (comp.acyclic() != *c.acyclic) return false;
        if (*c.acyclic) reason.Add("acyclic", "无环");
        else reason.Add("cyclic", "含环");
    }
    if (c.saturated) {
        if ((comp.multiple_bonds == 0) != *c.saturated) return false;
        if (*c.saturated) reason.Add("saturated", "饱和");
        else reason.Add("unsaturated", "不饱和");
    }
    if (c.unbranched) {
        if ((comp.max_carbon_neighbours <= 2) != *c.unbranched) return false;
        if (*c.unbranched) reason.Add("unbranched (straight chain)", "直链无支链");
        else reason.Add("branched", "有支链");
    }
    if (c.ring_count.min || c.ring_count.max) {
        const int rings = static_cast<int>(comp.ring_sizes.size());
        if (!c.ring_count.Contains(rings)) return false;
        reason.Add(std::to_string(rings) + " ring(s) (" + RangeText(c.ring_count) + ")",
                   std::to_string(rings) + " 个环（" + RangeText(c.ring_count) + "）");
    }
    if (c.ring_size.min || c.ring_size.max) {
        std::vector<std::string> sizes;
        for (int size : comp.ring_sizes) {
            if (!c.ring_size.Contains(size)) return false;
            sizes.push_back(std::to_string(size));
        }
        reason.Add("ring size " + Join(sizes, ", ") + " (" + RangeText(c.ring_size) + ")",
                   "环大小 " + Join(sizes, "、") + "（" + RangeText(c.ring_size) + "）");
    }
    if (c.heavy_atoms.min || c.heavy_atoms.max) {
        if (!c.heavy_atoms.Contains(comp.heavy_atoms)) return false;
        reason.Add(std::to_string(comp.heavy_atoms) + " heavy atoms",
                   std::to_string(comp.heavy_atoms) + " 个非氢原子");
    }
    return true;
}

struct PatternHit {
    std::vector<std::vector<int>> matches;            // subject atom indices
    std::vector<chem::PerfluoroalkylGroup> groups;    // per match, when filtered
};

// Matches one pattern; with `first_only` (exclusions only need to know) it stops at the first
// match that passes the perfluoroalkyl filter.
std::optional<PatternHit> MatchPattern(const StructurePattern& pattern, const chem::Molecule& subject,
                                       bool first_only) {
    PatternHit hit;
    if (first_only && !pattern.perfluoroalkyl) {
        if (!chem::HasMatch(subject, pattern.smarts)) return std::nullopt;
        hit.matches.emplace_back();
        return hit;
    }
    for (std::vector<int>& match : chem::FindMatches(subject, pattern.smarts, kMaxMatchesPerPattern)) {
        if (pattern.perfluoroalkyl) {
            const PerfluoroalkylFilter& f = *pattern.perfluoroalkyl;
            auto group = chem::FindPerfluoroalkylGroup(
                subject, match[static_cast<std::size_t>(f.attachment)],
                match[static_cast<std::size_t>(f.attached_to)]);
            if (!group || !f.carbons.Contains(group->size()) || (f.linear_only && !group->linear)) {
                continue;
            }
            hit.groups.push_back(std::move(*group));
        }
        hit.matches.push_back(std::move(match));
        if (first_only) break;
    }
    if (hit.matches.empty()) return std::nullopt;
    return hit;
}

std::string AtomList(const std::vector<int>& subject_atoms, const std::vector<int>& parent_atoms) {
    std::vector<std::string> parts;
    for (int a : subject_atoms) parts.push_back(std::to_string(parent_atoms[static_cast<std::size_t>(a)]));
    return Join(parts, ",");
}

// Matches `patterns` (any/all) on the subject. Returns false if they do not match; otherwise
// fills `atoms` (subject indices) and `reason`.
bool MatchPatterns(const std::vector<StructurePattern>& patterns, PatternMode mode,
                   const Subject& subject, std::set<int>& atoms, Reason& reason) {
    bool any = false;
    for (const StructurePattern& pattern : patterns) {
        auto hit = MatchPattern(pattern, subject.molecule, /*first_only=*/false);
        if (!hit) {
            if (mode == PatternMode::kAll) return false;
            continue;
        }
        any = true;
        std::string en = "pattern \"" + pattern.name_en + "\" (" + pattern.smarts.text() +
                         ") matched atoms " + AtomList(hit->matches[0], subject.parent_atoms);
        std::string zh = "模式“" + pattern.name_zh + "”（" + pattern.smarts.text() + "）匹配原子 " +
                         AtomList(hit->matches[0], subject.parent_atoms);
        if (!hit->groups.empty()) {
            const chem::PerfluoroalkylGroup& g = hit->groups[0];
            std::string formula = "C";
            formula.append(std::to_string(g.size())).append("F").append(std::to_string(g.fluorines.size()));
            en.append(": ").append(formula).append(" group, ").append(g.linear ? "linear" : "branched");
            zh.append("：").append(formula).append(" 基团，").append(g.linear ? "直链" : "支链");
        }
        if (hit->matches.size() > 1) {
            en += " (" + std::to_string(hit->matches.size()) + " matches)";
            zh += "（共 " + std::to_string(hit->matches.size()) + " 处）";
        }
        reason.Add(std::move(en), std::move(zh));
        for (std::size_t m = 0; m < hit->matches.size(); ++m) {
            atoms.insert(hit->matches[m].begin(), hit->matches[m].end());
            if (m < hit->groups.size()) {
                atoms.insert(hit->groups[m].carbons.begin(), hit->groups[m].carbons.end());
                atoms.insert(hit->groups[m].fluorines.begin(), hit->groups[m].fluorines.end());
            }
        }
    }
    return any;
}

bool ExclusionFires(const RuleExclusion& exclusion, const Subject& subject) {
    Reason ignored;
    if (!CheckConditions(exclusion.conditions, subject.composition, ignored)) return false;
    for (const StructurePattern& pattern : exclusion.patterns) {
        const bool hit = MatchPattern(pattern, subject.molecule, /*first_only=*/true).has_value();
        if (hit && exclusion.mode == PatternMode::kAny) return true;
        if (!hit && exclusion.mode == PatternMode::kAll) return false;
    }
    return exclusion.patterns.empty() || exclusion.mode == PatternMode::kAll;
}

}  // namespace

std::vector<RuleMatch> EvaluateStructureRules(const RuleSet& rules, const chem::Molecule& molecule) {
    std::vector<RuleMatch> out;
    std::optional<Subject> whole, fragment;
    const int components = chem::ComponentCount(molecule);
    for (const StructureRule& rule : rules.rules) {
        // One component: the largest organic fragment is the molecule itself.
        const bool whole_molecule = rule.scope == RuleScope::kMolecule || components == 1;
        std::optional<Subject>& slot = whole_molecule ? whole : fragment;
        if (!slot) slot = MakeSubject(molecule, whole_molecule ? RuleScope::kMolecule : rule.scope);
        const Subject& subject = *slot;

        Reason reason;
        if (!CheckConditions(rule.conditions, subject.composition, reason)) continue;
        std::set<int> atoms;
        if (!rule.patterns.empty() && !MatchPatterns(rule.patterns, rule.mode, subject, atoms, reason)) {
            continue;
        }
        if (std::any_of(rule.exclusions.begin(), rule.exclusions.end(),
                        [&](const RuleExclusion& e) { return ExclusionFires(e, subject); })) {
            continue;
        }
        if (rule.patterns.empty()) {
            for (std::size_t i = 0; i < subject.parent_atoms.size(); ++i) atoms.insert(static_cast<int>(i));
        }
        RuleMatch match;
        match.rule_id = rule.id;
        match.rule_version = rule.version;
        match.class_id = rule.class_id;
        match.name_zh = rule.name_zh;
        match.name_en = rule.name_en;
        match.citation = rule.citation();
        std::string prefix_en, prefix_zh;
        if (rule.scope == RuleScope::kLargestOrganicFragment && components > 1) {
            prefix_en = "largest organic fragment of " + std::to_string(components) + " components: ";
            prefix_zh = "取 " + std::to_string(components) + " 个组分中最大的有机组分：";
        }
        match.reason_en = prefix_en + Join(reason.en, "; ");
        match.reason_zh = prefix_zh + Join(reason.zh, "；");
        for (int a : atoms) match.matched_atoms.push_back(subject.parent_atoms[static_cast<std::size_t>(a)]);
        std::sort(match.matched_atoms.begin(), match.matched_atoms.end());
        out.push_back(std::move(match));
    }
    return out;
}

}  // namespace npgov::rules
