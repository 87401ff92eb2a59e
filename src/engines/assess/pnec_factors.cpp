// Parsing of data/assess/pnec_factors.json. Values the methods compute with (factors, minimums,
// band edges, critical values) must be present and of the right type; notes meant for readers
// ("…_note_en", "confidence") are not read. A source id that is not in "sources" is an error,
// so that every factor keeps a resolvable citation.
#include "engines/assess/pnec_factors.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace npgov::assess {

std::string_view ToId(TrophicLevel level) {
    switch (level) {
        case TrophicLevel::kProducer: return "producer";
        case TrophicLevel::kInvertebrate: return "invertebrate";
        case TrophicLevel::kVertebrate: return "vertebrate";
    }
    return "producer";
}

std::string ToMatchKey(std::string_view text) {
    const std::string folded = ToLowerAscii(NormalizeFullWidth(text));
    std::string key;
    key.reserve(folded.size());
    for (char c : folded) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '_' && c != '-') key.push_back(c);
    }
    return key;
}

const TaxonGroup* PnecFactors::FindTaxonGroup(std::string_view text) const {
    const std::string key = ToMatchKey(text);
    if (key.empty()) return nullptr;
    for (const TaxonGroup& g : taxon_groups) {
        if (ToMatchKey(g.id) == key) return &g;
        for (const std::string& alias : g.aliases) {
            if (ToMatchKey(alias) == key) return &g;
        }
    }
    return nullptr;
}

const TaxonGroup* PnecFactors::TaxonGroupById(std::string_view group_id) const {
    for (const TaxonGroup& g : taxon_groups) {
        if (g.id == group_id) return &g;
    }
    return nullptr;
}

const EndpointDef* PnecFactors::FindEndpoint(std::string_view text) const {
    const std::string key = ToMatchKey(text);
    if (key.empty()) return nullptr;
    for (const EndpointDef& e : endpoints) {
        if (ToMatchKey(e.id) == key) return &e;
        for (const std::string& alias : e.aliases) {
            if (ToMatchKey(alias) == key) return &e;
        }
    }
    return nullptr;
}

const ReliabilityScore* PnecFactors::FindReliability(int score) const {
    for (const ReliabilityScore& r : reliability) {
        if (r.score == score) return &r;
    }
    return nullptr;
}

const AfRow& PnecFactors::Row(std::string_view row_id) const {
    auto it = af_rows.find(std::string(row_id));
    NPGOV_CHECK(it != af_rows.end());
    return it->second;
}

std::string PnecFactors::LevelZh(TrophicLevel level) const {
    auto it = trophic_level_names.find(level);
    return it == trophic_level_names.end() ? std::string(ToId(level)) : it->second.first;
}

std::string PnecFactors::LevelEn(TrophicLevel level) const {
    auto it = trophic_level_names.find(level);
    return it == trophic_level_names.end() ? std::string(ToId(level)) : it->second.second;
}

namespace {

using json = nlohmann::json;

tl::unexpected<Error> SchemaError(const std::string& path, const std::string& en, const std::string& zh) {
    return MakeError(ErrorCode::kInvalidArgument, "assess.factors", "PNEC 参数文件有误：" + path + " " + zh,
                     "the PNEC parameter file is invalid: " + path + " " + en, path);
}

Result<const json*> Member(const json& object, const std::string& key, const std::string& path) {
    if (!object.is_object() || !object.contains(key)) return SchemaError(path + "." + key, "is missing", "缺失");
    return &object.at(key);
}

Result<std::string> String(const json& object, const std::string& key, const std::string& path) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, key, path));
    if (!value->is_string() || value->get<std::string>().empty()) {
        return SchemaError(path + "." + key, "must be a non-empty string", "须为非空字符串");
    }
    return value->get<std::string>();
}

Result<double> Number(const json& object, const std::string& key, const std::string& path) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, key, path));
    if (!value->is_number() || !std::isfinite(value->get<double>())) {
        return SchemaError(path + "." + key, "must be a number", "须为数值");
    }
    return value->get<double>();
}

Result<int> Integer(const json& object, const std::string& key, const std::string& path) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, key, path));
    if (!value->is_number_integer()) return SchemaError(path + "." + key, "must be an integer", "须为整数");
    return value->get<int>();
}

Result<const json*> Array(const json& object, const std::string& key, const std::string& path) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, key, path));
    if (!value->is_array() || value->empty()) return SchemaError(path + "." + key, "must be a non-empty array", "须为非空数组");
    return value;
}

Result<std::vector<std::string>> Strings(const json& object, const std::string& key, const std::string& path) {
    NPGOV_ASSIGN_OR_RETURN(const json* array, Array(object, key, path));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const json& item = (*array)[i];
        if (!item.is_string() || item.get<std::string>().empty()) {
            return SchemaError(path + "." + key + "[" + std::to_string(i) + "]", "must be a non-empty string", "须为非空字符串");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

// A list of source ids that must all be defined in "sources".
Result<std::vector<std::string>> SourceIds(const json& object, const std::string& key, const std::string& path,
                                           const std::map<std::string, SourceRef>& sources) {
    NPGOV_ASSIGN_OR_RETURN(std::vector<std::string> ids, Strings(object, key, path));
    for (const std::string& id : ids) {
        if (sources.count(id) == 0) {
            return SchemaError(path + "." + key, "names an undefined source \"" + id + "\"", "引用了未定义的来源“" + id + "”");
        }
    }
    return ids;
}

Result<TrophicLevel> ParseLevel(const std::string& text, const std::string& path) {
    for (TrophicLevel level : kTrophicLevels) {
        if (ToId(level) == text) return level;
    }
    return SchemaError(path, "unknown trophic level \"" + text + "\"", "未知营养级“" + text + "”");
}

Status ParseSources(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* sources, Member(root, "sources", ""));
    if (!sources->is_object() || sources->empty()) return SchemaError(".sources", "must be a non-empty object", "须为非空对象");
    for (const auto& item : sources->items()) {
        const std::string path = ".sources." + item.key();
        NPGOV_ASSIGN_OR_RETURN(std::string title, String(item.value(), "title", path));
        NPGOV_ASSIGN_OR_RETURN(std::string url, String(item.value(), "url", path));
        f.sources[item.key()] = {std::move(title), std::move(url)};
    }
    return Ok();
}

Status ParseAfTable(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* table, Member(root, "aquatic_assessment_factors", ""));
    const std::string path = ".aquatic_assessment_factors";
    NPGOV_ASSIGN_OR_RETURN(const json* rows, Array(*table, "rows", path));
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const json& r = (*rows)[i];
        const std::string p = path + ".rows[" + std::to_string(i) + "]";
        AfRow row;
        NPGOV_ASSIGN_OR_RETURN(row.id, String(r, "id", p));
        NPGOV_ASSIGN_OR_RETURN(row.af, Number(r, "af", p));
        NPGOV_ASSIGN_OR_RETURN(row.data_available_zh, String(r, "data_available_zh", p));
        NPGOV_ASSIGN_OR_RETURN(row.data_available_en, String(r, "data_available_en", p));
        NPGOV_ASSIGN_OR_RETURN(row.applied_to_zh, String(r, "applied_to_zh", p));
        NPGOV_ASSIGN_OR_RETURN(row.applied_to_en, String(r, "applied_to_en", p));
        NPGOV_ASSIGN_OR_RETURN(row.sources, SourceIds(r, "sources", p, f.sources));
        if (!(row.af >= 1)) return SchemaError(p + ".af", "must be at least 1", "须不小于 1");
        if (!f.af_rows.emplace(row.id, row).second) return SchemaError(p + ".id", "is repeated", "重复");
    }
    for (const char* id : {"base_set", "one_long_term", "two_long_term", "three_long_term"}) {
        if (f.af_rows.count(id) == 0) return SchemaError(path + ".rows", std::string("lacks the row \"") + id + "\"", std::string("缺少行“") + id + "”");
    }
    return Ok();
}

Status ParseGroupsAndEndpoints(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* levels, Array(root, "trophic_levels", ""));
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string p = ".trophic_levels[" + std::to_string(i) + "]";
        NPGOV_ASSIGN_OR_RETURN(std::string id, String((*levels)[i], "id", p));
        NPGOV_ASSIGN_OR_RETURN(TrophicLevel level, ParseLevel(id, p + ".id"));
        NPGOV_ASSIGN_OR_RETURN(std::string zh, String((*levels)[i], "zh", p));
        NPGOV_ASSIGN_OR_RETURN(std::string en, String((*levels)[i], "en", p));
        f.trophic_level_names[level] = {zh, en};
    }
    if (f.trophic_level_names.size() != 3) return SchemaError(".trophic_levels", "must name the three levels", "须列出三个营养级");

    std::map<std::string, std::string> keys;  // match key of every id and alias → its owner
    NPGOV_ASSIGN_OR_RETURN(const json* groups, Array(root, "taxon_groups", ""));
    for (std::size_t i = 0; i < groups->size(); ++i) {
        const json& g = (*groups)[i];
        const std::string p = ".taxon_groups[" + std::to_string(i) + "]";
        TaxonGroup group;
        NPGOV_ASSIGN_OR_RETURN(group.id, String(g, "id", p));
        NPGOV_ASSIGN_OR_RETURN(group.zh, String(g, "zh", p));
        NPGOV_ASSIGN_OR_RETURN(group.en, String(g, "en", p));
        NPGOV_ASSIGN_OR_RETURN(group.aliases, Strings(g, "aliases", p));
        NPGOV_ASSIGN_OR_RETURN(const json* level, Member(g, "trophic_level", p));
        if (level->is_string()) {
            NPGOV_ASSIGN_OR_RETURN(group.trophic_level, ParseLevel(level->get<std::string>(), p + ".trophic_level"));
        } else if (!level->is_null()) {
            return SchemaError(p + ".trophic_level", "must be a level id or null", "须为营养级 id 或 null");
        }
        NPGOV_ASSIGN_OR_RETURN(const json* in_ssd, Member(g, "in_ssd", p));
        if (!in_ssd->is_boolean()) return SchemaError(p + ".in_ssd", "must be true or false", "须为 true 或 false");
        group.in_ssd = in_ssd->get<bool>();
        std::vector<std::string> names = group.aliases;
        names.push_back(group.id);
        for (const std::string& name : names) {
            auto [it, inserted] = keys.emplace(ToMatchKey(name), group.id);
            if (!inserted && it->second != group.id) {
                return SchemaError(p + ".aliases", "\"" + name + "\" names two groups", "“" + name + "”对应两个类群");
            }
        }
        f.taxon_groups.push_back(std::move(group));
    }

    keys.clear();
    NPGOV_ASSIGN_OR_RETURN(const json* endpoints, Array(root, "endpoints", ""));
    for (std::size_t i = 0; i < endpoints->size(); ++i) {
        const json& e = (*endpoints)[i];
        const std::string p = ".endpoints[" + std::to_string(i) + "]";
        EndpointDef endpoint;
        NPGOV_ASSIGN_OR_RETURN(endpoint.id, String(e, "id", p));
        NPGOV_ASSIGN_OR_RETURN(std::string kind, String(e, "kind", p));
        if (kind == "median_effect") {
            endpoint.kind = EndpointKind::kMedianEffect;
        } else if (kind == "no_effect") {
            endpoint.kind = EndpointKind::kNoEffect;
        } else if (kind == "other") {
            endpoint.kind = EndpointKind::kOther;
        } else {
            return SchemaError(p + ".kind", "must be median_effect, no_effect or other", "须为 median_effect、no_effect 或 other");
        }
        NPGOV_ASSIGN_OR_RETURN(endpoint.aliases, Strings(e, "aliases", p));
        std::vector<std::string> names = endpoint.aliases;
        names.push_back(endpoint.id);
        for (const std::string& name : names) {
            auto [it, inserted] = keys.emplace(ToMatchKey(name), endpoint.id);
            if (!inserted && it->second != endpoint.id) {
                return SchemaError(p + ".aliases", "\"" + name + "\" names two endpoints", "“" + name + "”对应两个终点");
            }
        }
        f.endpoints.push_back(std::move(endpoint));
    }
    return Ok();
}

Status ParseReliability(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* rel, Member(root, "reliability", ""));
    NPGOV_ASSIGN_OR_RETURN(const json* scores, Array(*rel, "scores", ".reliability"));
    for (std::size_t i = 0; i < scores->size(); ++i) {
        const json& s = (*scores)[i];
        const std::string p = ".reliability.scores[" + std::to_string(i) + "]";
        ReliabilityScore score;
        NPGOV_ASSIGN_OR_RETURN(score.score, Integer(s, "score", p));
        NPGOV_ASSIGN_OR_RETURN(score.zh, String(s, "zh", p));
        NPGOV_ASSIGN_OR_RETURN(score.en, String(s, "en", p));
        NPGOV_ASSIGN_OR_RETURN(const json* usable, Member(s, "usable", p));
        if (!usable->is_boolean()) return SchemaError(p + ".usable", "must be true or false", "须为 true 或 false");
        score.usable = usable->get<bool>();
        f.reliability.push_back(std::move(score));
    }
    NPGOV_ASSIGN_OR_RETURN(f.missing_reliability_score, Integer(*rel, "missing_score", ".reliability"));
    if (f.FindReliability(f.missing_reliability_score) == nullptr) {
        return SchemaError(".reliability.missing_score", "is not one of the scores", "不在评分列表中");
    }
    NPGOV_RETURN_IF_ERROR(SourceIds(*rel, "sources", ".reliability", f.sources));
    return Ok();
}

Status ParseSsd(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* ssd, Member(root, "ssd", ""));
    const std::string p = ".ssd";
    SsdRules& r = f.ssd;
    NPGOV_ASSIGN_OR_RETURN(r.min_species, Integer(*ssd, "min_species", p));
    NPGOV_ASSIGN_OR_RETURN(r.preferred_species, Integer(*ssd, "preferred_species", p));
    NPGOV_ASSIGN_OR_RETURN(r.min_taxonomic_groups, Integer(*ssd, "min_taxonomic_groups", p));
    NPGOV_ASSIGN_OR_RETURN(r.rule_zh, String(*ssd, "rule_zh", p));
    NPGOV_ASSIGN_OR_RETURN(r.rule_en, String(*ssd, "rule_en", p));
    // Below three species the non-central t has too few degrees of freedom to mean anything.
    if (r.min_species < 3 || r.preferred_species < r.min_species || r.min_taxonomic_groups < 1) {
        return SchemaError(p + ".min_species", "needs min_species >= 3, preferred_species >= min_species, min_taxonomic_groups >= 1",
                           "须 min_species ≥ 3、preferred_species ≥ min_species、min_taxonomic_groups ≥ 1");
    }
    NPGOV_ASSIGN_OR_RETURN(const json* groups, Array(*ssd, "recommended_groups", p));
    for (std::size_t i = 0; i < groups->size(); ++i) {
        const std::string gp = p + ".recommended_groups[" + std::to_string(i) + "]";
        NamedGroupRequirement g;
        NPGOV_ASSIGN_OR_RETURN(g.id, String((*groups)[i], "id", gp));
        NPGOV_ASSIGN_OR_RETURN(g.zh, String((*groups)[i], "zh", gp));
        NPGOV_ASSIGN_OR_RETURN(g.en, String((*groups)[i], "en", gp));
        NPGOV_ASSIGN_OR_RETURN(g.any_of, Strings((*groups)[i], "any_of", gp));
        for (const std::string& id : g.any_of) {
            if (f.TaxonGroupById(id) == nullptr) return SchemaError(gp + ".any_of", "names an unknown group \"" + id + "\"", "含未知类群“" + id + "”");
        }
        r.recommended_groups.push_back(std::move(g));
    }
    NPGOV_ASSIGN_OR_RETURN(r.af_min, Number(*ssd, "af_min", p));
    NPGOV_ASSIGN_OR_RETURN(r.af_max, Number(*ssd, "af_max", p));
    NPGOV_ASSIGN_OR_RETURN(r.af_default, Number(*ssd, "af_default", p));
    if (!(r.af_min >= 1 && r.af_min <= r.af_default && r.af_default <= r.af_max)) {
        return SchemaError(p + ".af_default", "needs 1 <= af_min <= af_default <= af_max", "须 1 ≤ af_min ≤ af_default ≤ af_max");
    }
    NPGOV_ASSIGN_OR_RETURN(r.confidence_interval, Number(*ssd, "confidence_interval", p));
    if (!(r.confidence_interval > 0 && r.confidence_interval < 1)) {
        return SchemaError(p + ".confidence_interval", "must lie between 0 and 1", "须在 0 与 1 之间");
    }
    NPGOV_ASSIGN_OR_RETURN(const json* gof, Member(*ssd, "goodness_of_fit", p));
    NPGOV_ASSIGN_OR_RETURN(const json* critical, Array(*gof, "critical_values", p + ".goodness_of_fit"));
    for (std::size_t i = 0; i < critical->size(); ++i) {
        const std::string cp = p + ".goodness_of_fit.critical_values[" + std::to_string(i) + "]";
        GofCriticalValue c;
        NPGOV_ASSIGN_OR_RETURN(c.significance, Number((*critical)[i], "significance", cp));
        NPGOV_ASSIGN_OR_RETURN(c.value, Number((*critical)[i], "value", cp));
        r.ad_critical_values.push_back(c);
    }
    NPGOV_ASSIGN_OR_RETURN(r.ad_decision_significance, Number(*gof, "decision_significance", p + ".goodness_of_fit"));
    bool found = false;
    for (const GofCriticalValue& c : r.ad_critical_values) found = found || c.significance == r.ad_decision_significance;
    if (!found) {
        return SchemaError(p + ".goodness_of_fit.decision_significance", "has no critical value", "没有对应的临界值");
    }
    NPGOV_RETURN_IF_ERROR(SourceIds(*gof, "sources", p + ".goodness_of_fit", f.sources));
    NPGOV_ASSIGN_OR_RETURN(r.sources, SourceIds(*ssd, "sources", p, f.sources));
    return Ok();
}

Status ParseRisk(const json& root, PnecFactors& f) {
    NPGOV_ASSIGN_OR_RETURN(const json* risk, Member(root, "risk_characterisation", ""));
    const std::string p = ".risk_characterisation";
    NPGOV_ASSIGN_OR_RETURN(const json* threshold, Member(*risk, "threshold", p));
    const std::string tp = p + ".threshold";
    NPGOV_ASSIGN_OR_RETURN(f.risk.threshold, Number(*threshold, "value", tp));
    NPGOV_ASSIGN_OR_RETURN(f.risk.below_zh, String(*threshold, "below_zh", tp));
    NPGOV_ASSIGN_OR_RETURN(f.risk.below_en, String(*threshold, "below_en", tp));
    NPGOV_ASSIGN_OR_RETURN(f.risk.at_or_above_zh, String(*threshold, "at_or_above_zh", tp));
    NPGOV_ASSIGN_OR_RETURN(f.risk.at_or_above_en, String(*threshold, "at_or_above_en", tp));
    NPGOV_ASSIGN_OR_RETURN(f.risk.threshold_sources, SourceIds(*threshold, "sources", tp, f.sources));
    if (!(f.risk.threshold > 0)) return SchemaError(tp + ".value", "must be positive", "须为正数");
    NPGOV_ASSIGN_OR_RETURN(const json* bands, Array(*risk, "bands", p));
    double expected_lower = 0;
    for (std::size_t i = 0; i < bands->size(); ++i) {
        const json& b = (*bands)[i];
        const std::string bp = p + ".bands[" + std::to_string(i) + "]";
        RiskBand band;
        NPGOV_ASSIGN_OR_RETURN(band.id, String(b, "id", bp));
        NPGOV_ASSIGN_OR_RETURN(band.zh, String(b, "zh", bp));
        NPGOV_ASSIGN_OR_RETURN(band.en, String(b, "en", bp));
        NPGOV_ASSIGN_OR_RETURN(band.lower, Number(b, "lower", bp));
        NPGOV_ASSIGN_OR_RETURN(const json* upper, Member(b, "upper", bp));
        if (upper->is_number()) {
            band.upper = upper->get<double>();
        } else if (!upper->is_null()) {
            return SchemaError(bp + ".upper", "must be a number or null", "须为数值或 null");
        }
        NPGOV_ASSIGN_OR_RETURN(band.sources, SourceIds(b, "sources", bp, f.sources));
        const bool last = i + 1 == bands->size();
        if (band.lower != expected_lower || (band.upper.has_value() == last) || (band.upper && !(*band.upper > band.lower))) {
            return SchemaError(bp, "bands must run from 0 upwards without gaps, the last one open-ended",
                               "风险分级须从 0 起连续递增，最后一级无上限");
        }
        expected_lower = band.upper.value_or(0);
        f.risk.bands.push_back(std::move(band));
    }
    return Ok();
}

}  // namespace

Result<PnecFactors> ParsePnecFactors(std::string_view json_text) {
    json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded() || !root.is_object()) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.factors", "PNEC 参数文件不是有效的 JSON 对象",
                         "the PNEC parameter file is not a valid JSON object", "");
    }
    PnecFactors f;
    NPGOV_ASSIGN_OR_RETURN(f.id, String(root, "id", ""));
    NPGOV_ASSIGN_OR_RETURN(f.version, String(root, "version", ""));
    NPGOV_RETURN_IF_ERROR(ParseSources(root, f));
    NPGOV_RETURN_IF_ERROR(ParseAfTable(root, f));
    NPGOV_RETURN_IF_ERROR(ParseGroupsAndEndpoints(root, f));
    NPGOV_RETURN_IF_ERROR(ParseReliability(root, f));
    NPGOV_RETURN_IF_ERROR(ParseSsd(root, f));
    NPGOV_RETURN_IF_ERROR(ParseRisk(root, f));
    return f;
}

}  // namespace npgov::assess
