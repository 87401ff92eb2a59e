// Parsing of data/rules/structure_classes.json into a RuleSet. Strict on purpose: an unknown
// key is an error, so that a misspelt condition ("min_carbon") cannot silently widen a rule.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <set>
#include <string>

#include "engines/rules/structure_rules.hpp"

namespace npgov::rules {
namespace {

using json = nlohmann::json;

// Where we are in the file, for messages: the rule id (once known) and the JSON path.
struct Context {
    std::string rule_id;
    std::string path;
    Context At(const std::string& key) const { return {rule_id, path + "." + key}; }
    Context At(std::size_t index) const { return {rule_id, path + "[" + std::to_string(index) + "]"}; }
};

tl::unexpected<Error> SchemaError(const Context& ctx, const std::string& en, const std::string& zh,
                                  std::string reason = "rules.schema") {
    const std::string where_en = ctx.rule_id.empty() ? "" : "rule " + ctx.rule_id + ": ";
    const std::string where_zh = ctx.rule_id.empty() ? "" : "规则 " + ctx.rule_id + "：";
    return MakeError(ErrorCode::kInvalidArgument, std::move(reason), where_zh + zh + "（" + ctx.path + "）",
                     where_en + en + " (" + ctx.path + ")", ctx.path);
}

Status KnownKeys(const json& object, const Context& ctx, std::initializer_list<const char*> keys) {
    if (!object.is_object()) return SchemaError(ctx, "must be a JSON object", "须为 JSON 对象");
    const std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto& item : object.items()) {
        if (allowed.count(item.key()) == 0) {
            return SchemaError(ctx.At(item.key()), "unknown field \"" + item.key() + "\"",
                               "未知字段“" + item.key() + "”");
        }
    }
    return Ok();
}

Result<std::string> String(const json& object, const char* key, const Context& ctx, bool required) {
    if (!object.contains(key)) {
        if (!required) return std::string();
        return SchemaError(ctx.At(key), "missing required field", "缺少必填字段");
    }
    const json& value = object.at(key);
    if (!value.is_string() || (required && value.get<std::string>().empty())) {
        return SchemaError(ctx.At(key), "must be a non-empty string", "须为非空字符串");
    }
    return value.get<std::string>();
}

Result<std::optional<int>> OptionalInt(const json& object, const char* key, const Context& ctx) {
    if (!object.contains(key)) return std::optional<int>();
    const json& value = object.at(key);
    if (!value.is_number_integer()) return SchemaError(ctx.At(key), "must be an integer", "须为整数");
    return std::optional<int>(value.get<int>());
}

Result<std::optional<bool>> OptionalBool(const json& object, const char* key, const Context& ctx) {
    if (!object.contains(key)) return std::optional<bool>();
    const json& value = object.at(key);
    if (!value.is_boolean()) return SchemaError(ctx.At(key), "must be true or false", "须为 true 或 false");
    return std::optional<bool>(value.get<bool>());
}

Result<IntRange> ParseRange(const json& object, const Context& ctx) {
    NPGOV_RETURN_IF_ERROR(KnownKeys(object, ctx, {"min", "max"}));
    IntRange range;
    NPGOV_ASSIGN_OR_RETURN(range.min, OptionalInt(object, "min", ctx));
    NPGOV_ASSIGN_OR_RETURN(range.max, OptionalInt(object, "max", ctx));
    if (!range.min && !range.max) return SchemaError(ctx, "needs \"min\" or \"max\"", "须给出 min 或 max");
    if (range.min && range.max && *range.min > *range.max) {
        return SchemaError(ctx, "\"min\" is greater than \"max\"", "min 大于 max");
    }
    return range;
}

Result<PatternMode> ParseMode(const json& object, const Context& ctx) {
    NPGOV_ASSIGN_OR_RETURN(const std::string text, String(object, "require", ctx, false));
    if (text.empty() || text == "any") return PatternMode::kAny;
    if (text == "all") return PatternMode::kAll;
    return SchemaError(ctx.At("require"), "must be \"any\" or \"all\"", "须为 any 或 all");
}

Result<StructureConditions> ParseConditions(const json& object, const Context& ctx) {
    NPGOV_RETURN_IF_ERROR(KnownKeys(object, ctx,
                                    {"element_counts", "only_elements", "mass_fractions", "acyclic",
                                     "saturated", "unbranched", "ring_count", "ring_size",
                                     "heavy_atoms"}));
    StructureConditions c;
    if (object.contains("element_counts")) {
        const json& counts = object.at("element_counts");
        if (!counts.is_object() || counts.empty()) {
            return SchemaError(ctx.At("element_counts"), "must be an object of element ranges",
                               "须为元素计数范围对象");
        }
        for (const auto& item : counts.items()) {
            NPGOV_ASSIGN_OR_RETURN(IntRange range,
                                   ParseRange(item.value(), ctx.At("element_counts").At(item.key())));
            c.element_counts.emplace_back(item.key(), range);
        }
    }
    if (object.contains("only_elements")) {
        const json& elements = object.at("only_elements");
        if (!elements.is_array() || elements.empty()) {
            return SchemaError(ctx.At("only_elements"), "must be a non-empty array of element symbols",
                               "须为非空的元素符号数组");
        }
        for (const json& e : elements) {
            if (!e.is_string()) {
                return SchemaError(ctx.At("only_elements"), "must hold element symbols", "须为元素符号");
            }
            c.only_elements.push_back(e.get<std::string>());
        }
    }
    if (object.contains("mass_fractions")) {
        const json& fractions = object.at("mass_fractions");
        if (!fractions.is_array()) {
            return SchemaError(ctx.At("mass_fractions"), "must be an array", "须为数组");
        }
        for (std::size_t i = 0; i < fractions.size(); ++i) {
            const Context at = ctx.At("mass_fractions").At(i);
            NPGOV_RETURN_IF_ERROR(KnownKeys(fractions[i], at, {"element", "op", "value"}));
            MassFractionCondition m;
            NPGOV_ASSIGN_OR_RETURN(m.element, String(fractions[i], "element", at, true));
            NPGOV_ASSIGN_OR_RETURN(const std::string op, String(fractions[i], "op", at, true));
            if (op == ">") m.op = Comparison::kGreater;
            else if (op == ">=") m.op = Comparison::kGreaterOrEqual;
            else if (op == "<") m.op = Comparison::kLess;
            else if (op == "<=") m.op = Comparison::kLessOrEqual;
            else return SchemaError(at.At("op"), "must be >, >=, < or <=", "须为 >、>=、< 或 <=");
            if (!fractions[i].contains("value") || !fractions[i]["value"].is_number() ||
                fractions[i]["value"].get<double>() < 0 || fractions[i]["value"].get<double>() > 1) {
                return SchemaError(at.At("value"), "must be a number between 0 and 1",
                                   "须为 0 到 1 之间的数");
            }
            m.value = fractions[i]["value"].get<double>();
            c.mass_fractions.push_back(std::move(m));
        }
    }
    NPGOV_ASSIGN_OR_RETURN(c.acyclic, OptionalBool(object, "acyclic", ctx));
    NPGOV_ASSIGN_OR_RETURN(c.saturated, OptionalBool(object, "saturated", ctx));
    NPGOV_ASSIGN_OR_RETURN(c.unbranched, OptionalBool(object, "unbranched", ctx));
    if (object.contains("ring_count")) {
        NPGOV_ASSIGN_OR_RETURN(c.ring_count, ParseRange(object.at("ring_count"), ctx.At("ring_count")));
    }
    if (object.contains("ring_size")) {
        NPGOV_ASSIGN_OR_RETURN(c.ring_size, ParseRange(object.at("ring_size"), ctx.At("ring_size")));
    }
    if (object.contains("heavy_atoms")) {
        NPGOV_ASSIGN_OR_RETURN(c.heavy_atoms, ParseRange(object.at("heavy_atoms"), ctx.At("heavy_atoms")));
    }
    return c;
}

Result<StructurePattern> ParsePattern(const json& object, const Context& ctx) {
    NPGOV_RETURN_IF_ERROR(KnownKeys(object, ctx, {"name_en", "name_zh", "smarts", "perfluoroalkyl"}));
    NPGOV_ASSIGN_OR_RETURN(std::string name_en, String(object, "name_en", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(std::string name_zh, String(object, "name_zh", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(const std::string text, String(object, "smarts", ctx, true));
    auto compiled = chem::SmartsPattern::Compile(text);
    if (!compiled) {
        return SchemaError(ctx.At("smarts"), compiled.error().message_en, compiled.error().message_zh,
                           "rules.smarts");
    }
    StructurePattern pattern{std::move(name_en), std::move(name_zh), *compiled, std::nullopt};
    if (object.contains("perfluoroalkyl")) {
        const Context at = ctx.At("perfluoroalkyl");
        const json& f = object.at("perfluoroalkyl");
        NPGOV_RETURN_IF_ERROR(KnownKeys(f, at, {"attachment", "attached_to", "min_carbons",
                                                "max_carbons", "linear_only"}));
        PerfluoroalkylFilter filter;
        NPGOV_ASSIGN_OR_RETURN(const auto attachment, OptionalInt(f, "attachment", at));
        NPGOV_ASSIGN_OR_RETURN(const auto attached_to, OptionalInt(f, "attached_to", at));
        const int atoms = pattern.smarts.atom_count();
        if (!attachment || !attached_to || *attachment < 0 || *attachment >= atoms ||
            *attached_to < 0 || *attached_to >= atoms || *attachment == *attached_to) {
            return SchemaError(at, "\"attachment\" and \"attached_to\" must be two atom indices of the "
                                   "pattern (0.." + std::to_string(atoms - 1) + ")",
                               "attachment 与 attached_to 须为模式中两个不同原子的序号（0–" +
                                   std::to_string(atoms - 1) + "）");
        }
        filter.attachment = *attachment;
        filter.attached_to = *attached_to;
        NPGOV_ASSIGN_OR_RETURN(filter.carbons.min, OptionalInt(f, "min_carbons", at));
        NPGOV_ASSIGN_OR_RETURN(filter.carbons.max, OptionalInt(f, "max_carbons", at));
        if (!filter.carbons.min && !filter.carbons.max) {
            return SchemaError(at, "needs \"min_carbons\" or \"max_carbons\"", "须给出 min_carbons 或 max_carbons");
        }
        NPGOV_ASSIGN_OR_RETURN(const auto linear, OptionalBool(f, "linear_only", at));
        filter.linear_only = linear.value_or(false);
        pattern.perfluoroalkyl = filter;
    }
    return pattern;
}

Result<std::vector<StructurePattern>> ParsePatterns(const json& object, const Context& ctx) {
    std::vector<StructurePattern> patterns;
    if (!object.contains("patterns")) return patterns;
    const json& list = object.at("patterns");
    if (!list.is_array()) return SchemaError(ctx.At("patterns"), "must be an array", "须为数组");
    for (std::size_t i = 0; i < list.size(); ++i) {
        NPGOV_ASSIGN_OR_RETURN(StructurePattern p, ParsePattern(list[i], ctx.At("patterns").At(i)));
        patterns.push_back(std::move(p));
    }
    return patterns;
}

Result<RuleExclusion> ParseExclusion(const json& object, const Context& ctx) {
    NPGOV_RETURN_IF_ERROR(KnownKeys(object, ctx, {"id", "name_en", "name_zh", "section", "require",
                                                  "patterns", "conditions"}));
    RuleExclusion e;
    NPGOV_ASSIGN_OR_RETURN(e.id, String(object, "id", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(e.name_en, String(object, "name_en", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(e.name_zh, String(object, "name_zh", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(e.section, String(object, "section", ctx, false));
    NPGOV_ASSIGN_OR_RETURN(e.mode, ParseMode(object, ctx));
    NPGOV_ASSIGN_OR_RETURN(e.patterns, ParsePatterns(object, ctx));
    if (object.contains("conditions")) {
        NPGOV_ASSIGN_OR_RETURN(e.conditions, ParseConditions(object.at("conditions"), ctx.At("conditions")));
    }
    if (e.patterns.empty() && e.conditions.empty()) {
        return SchemaError(ctx, "an exclusion needs patterns or conditions", "排除项须有模式或条件");
    }
    return e;
}

Result<StructureRule> ParseRule(const json& object, Context ctx) {
    NPGOV_RETURN_IF_ERROR(KnownKeys(object, ctx, {"id", "version", "class_id", "name_zh", "name_en",
                                                  "citation", "note", "scope", "require", "patterns",
                                                  "conditions", "exclusions"}));
    StructureRule rule;
    NPGOV_ASSIGN_OR_RETURN(rule.id, String(object, "id", ctx, true));
    ctx.rule_id = rule.id;
    NPGOV_ASSIGN_OR_RETURN(rule.version, String(object, "version", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(rule.class_id, String(object, "class_id", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(rule.name_zh, String(object, "name_zh", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(rule.name_en, String(object, "name_en", ctx, true));
    NPGOV_ASSIGN_OR_RETURN(rule.note, String(object, "note", ctx, false));
    if (!object.contains("citation")) return SchemaError(ctx.At("citation"), "missing required field", "缺少必填字段");
    const Context cite = ctx.At("citation");
    NPGOV_RETURN_IF_ERROR(KnownKeys(object.at("citation"), cite, {"document", "section", "url"}));
    NPGOV_ASSIGN_OR_RETURN(rule.citation_document, String(object.at("citation"), "document", cite, true));
    NPGOV_ASSIGN_OR_RETURN(rule.citation_section, String(object.at("citation"), "section", cite, true));
    NPGOV_ASSIGN_OR_RETURN(const std::string scope, String(object, "scope", ctx, false));
    if (scope.empty() || scope == "molecule") {
        rule.scope = RuleScope::kMolecule;
    } else if (scope == "largest_organic_fragment") {
        rule.scope = RuleScope::kLargestOrganicFragment;
    } else {
        return SchemaError(ctx.At("scope"), "must be \"molecule\" or \"largest_organic_fragment\"",
                           "须为 molecule 或 largest_organic_fragment");
    }
    NPGOV_ASSIGN_OR_RETURN(rule.mode, ParseMode(object, ctx));
    NPGOV_ASSIGN_OR_RETURN(rule.patterns, ParsePatterns(object, ctx));
    if (object.contains("conditions")) {
        NPGOV_ASSIGN_OR_RETURN(rule.conditions, ParseConditions(object.at("conditions"), ctx.At("conditions")));
    }
    if (rule.patterns.empty() && rule.conditions.empty()) {
        return SchemaError(ctx, "a rule needs patterns or conditions", "规则须有模式或条件");
    }
    if (object.contains("exclusions")) {
        const json& list = object.at("exclusions");
        if (!list.is_array()) return SchemaError(ctx.At("exclusions"), "must be an array", "须为数组");
        for (std::size_t i = 0; i < list.size(); ++i) {
            NPGOV_ASSIGN_OR_RETURN(RuleExclusion e, ParseExclusion(list[i], ctx.At("exclusions").At(i)));
            rule.exclusions.push_back(std::move(e));
        }
    }
    return rule;
}

}  // namespace

bool StructureConditions::empty() const {
    return element_counts.empty() && only_elements.empty() && mass_fractions.empty() && !acyclic &&
           !saturated && !unbranched && !ring_count.min && !ring_count.max && !ring_size.min &&
           !ring_size.max && !heavy_atoms.min && !heavy_atoms.max;
}

Result<RuleSet> ParseStructureRules(std::string_view json_text) {
    const json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        return MakeError(ErrorCode::kInvalidArgument, "rules.json", "结构规则文件不是合法的 JSON",
                         "the structure rules file is not valid JSON", "rules");
    }
    const Context root{"", "$"};
    NPGOV_RETURN_IF_ERROR(KnownKeys(doc, root, {"ruleset", "version", "date", "title_zh", "title_en",
                                                "about", "rules"}));
    RuleSet set;
    NPGOV_ASSIGN_OR_RETURN(set.id, String(doc, "ruleset", root, true));
    NPGOV_ASSIGN_OR_RETURN(set.version, String(doc, "version", root, true));
    NPGOV_ASSIGN_OR_RETURN(set.date, String(doc, "date", root, true));
    NPGOV_ASSIGN_OR_RETURN(set.title_zh, String(doc, "title_zh", root, false));
    NPGOV_ASSIGN_OR_RETURN(set.title_en, String(doc, "title_en", root, false));
    if (!doc.contains("rules") || !doc["rules"].is_array() || doc["rules"].empty()) {
        return SchemaError(root.At("rules"), "must be a non-empty array of rules", "须为非空的规则数组");
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < doc["rules"].size(); ++i) {
        NPGOV_ASSIGN_OR_RETURN(StructureRule rule, ParseRule(doc["rules"][i], root.At("rules").At(i)));
        if (!ids.insert(rule.id).second) {
            return SchemaError(Context{rule.id, "$.rules[" + std::to_string(i) + "].id"},
                               "the id is used by an earlier rule", "编号与前面的规则重复",
                               "rules.duplicate");
        }
        set.rules.push_back(std::move(rule));
    }
    return set;
}

}  // namespace npgov::rules
