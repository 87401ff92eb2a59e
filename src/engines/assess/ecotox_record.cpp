#include "engines/assess/ecotox_record.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/quantity.hpp"
#include "core/text.hpp"
#include "engines/tabular/table.hpp"

namespace npgov::assess {

std::string_view ToId(Exposure exposure) { return exposure == Exposure::kShortTerm ? "short-term" : "long-term"; }
std::string ExposureZh(Exposure exposure) { return exposure == Exposure::kShortTerm ? "短期" : "长期"; }

namespace {

Error RowError(std::string reason, std::string zh, std::string en, std::string field, long row) {
    Error e = MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field)).value();
    e.row = row;
    return e;
}

// Trims and collapses runs of ASCII whitespace to one space ("Lemna  minor " → "Lemna minor").
std::string CollapseSpaces(std::string_view text) {
    const std::string normalized = NormalizeFullWidth(text);
    std::string out;
    bool space = false;
    for (char c : Trim(normalized)) {
        const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (is_space) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string KnownNames(const PnecFactors& f, bool groups) {
    std::string list;
    if (groups) {
        for (const TaxonGroup& g : f.taxon_groups) list += (list.empty() ? "" : ", ") + g.id;
    } else {
        for (const EndpointDef& e : f.endpoints) list += (list.empty() ? "" : ", ") + e.id;
    }
    return list;
}

std::optional<Exposure> ParseExposure(std::string_view text) {
    const std::string key = ToMatchKey(text);
    for (const char* s : {"acute", "short", "shortterm", "急性", "短期"}) {
        if (key == s) return Exposure::kShortTerm;
    }
    for (const char* s : {"chronic", "long", "longterm", "subchronic", "慢性", "长期", "亚慢性"}) {
        if (key == s) return Exposure::kLongTerm;
    }
    return std::nullopt;
}

// Splits a leading comparison sign off a value cell: "> 100" → (kGreaterThan, "100").
std::pair<Qualifier, std::string> SplitQualifier(std::string_view cell) {
    std::string text(Trim(NormalizeFullWidth(cell)));
    struct Sign {
        const char* text;
        Qualifier q;
    };
    for (const Sign& s : {Sign{">=", Qualifier::kGreaterThan}, Sign{"≥", Qualifier::kGreaterThan},
                          Sign{">", Qualifier::kGreaterThan}, Sign{"<=", Qualifier::kLessThan},
                          Sign{"≤", Qualifier::kLessThan}, Sign{"<", Qualifier::kLessThan}}) {
        const std::string_view sign(s.text);
        if (text.rfind(sign, 0) == 0) return {s.q, std::string(Trim(std::string_view(text).substr(sign.size())))};
    }
    return {Qualifier::kExact, text};
}

// The number of μg/L in one `unit` for aqueous units (core units plus g/L), or nullopt.
std::optional<std::pair<double, std::string>> MicrogramsPerLitre(std::string_view text) {
    const std::string key = ToMatchKey(text);
    if (key == "g/l" || key == "克/升") return std::pair<double, std::string>(1e6, "g/L");
    auto unit = ParseUnit(text);
    if (!unit || DimensionOf(*unit) != Dimension::kAqueousConcentration) return std::nullopt;
    auto one = ConvertTo(Quantity{1.0, *unit}, Unit::kMicrogramPerLitre);
    NPGOV_CHECK(one.has_value());
    return std::pair<double, std::string>(one->value, std::string(Symbol(*unit)));
}

std::optional<int> ParseReliability(std::string_view text) {
    std::string key = ToMatchKey(text);
    for (const char* prefix : {"klimisch", "k"}) {
        if (key.rfind(prefix, 0) == 0) {
            key = key.substr(std::string_view(prefix).size());
            break;
        }
    }
    if (key.size() != 1 || key[0] < '1' || key[0] > '4') return std::nullopt;
    return key[0] - '0';
}

// The reason no method may use the record, if any.
std::optional<Exclusion> ExclusionOf(const EcotoxRecord& r, const PnecFactors& f) {
    const ReliabilityScore* score = f.FindReliability(r.reliability_applied);
    if (score != nullptr && !score->usable) {
        const std::string given = r.reliability == 0 ? "未给出，按 " : "";
        const std::string given_en = r.reliability == 0 ? "not given, counted as " : "";
        return Exclusion{"reliability",
                         "可靠性 Klimisch " + given + std::to_string(r.reliability_applied) + "（" + score->zh + "），不采用",
                         "reliability Klimisch " + given_en + std::to_string(r.reliability_applied) + " (" + score->en +
                             "): not used"};
    }
    if (r.qualifier != Qualifier::kExact) {
        const char* sign = r.qualifier == Qualifier::kGreaterThan ? ">" : "<";
        return Exclusion{"qualifier", std::string("数值为区间（") + sign + "），不是确定值，不采用",
                         std::string("the value is a bound (") + sign + "), not a point estimate: not used"};
    }
    if (r.endpoint_kind == EndpointKind::kOther) {
        return Exclusion{"endpoint_not_used", r.endpoint + " 不直接用于 PNEC 推导（换算为 NOEC 需专家判断）",
                         r.endpoint + " is not used for a PNEC directly (turning it into a NOEC needs expert judgement)"};
    }
    if (r.endpoint_kind == EndpointKind::kNoEffect && r.exposure == Exposure::kShortTerm) {
        return Exclusion{"short_term_no_effect", "短期试验的 " + r.endpoint + " 不是长期结果，不采用",
                         "a " + r.endpoint + " from a short-term test is not a long-term result: not used"};
    }
    if (r.endpoint_kind == EndpointKind::kMedianEffect && r.exposure == Exposure::kLongTerm) {
        return Exclusion{"long_term_median_effect", "长期试验的 " + r.endpoint + " 不属于评估因子法所用的数据",
                         "a long-term " + r.endpoint + " is neither a short-term L(E)C50 nor a NOEC/EC10: not used"};
    }
    return std::nullopt;
}

// Parses one row into `out`; appends an error per bad cell. Returns true if the row is good.
bool ParseRow(const EcotoxRow& in, const PnecFactors& f, EcotoxRecord& out, std::vector<Error>& errors) {
    const std::size_t before = errors.size();
    out.row = in.row;
    out.species = CollapseSpaces(in.species);
    out.species_key = ToMatchKey(out.species);
    if (out.species.empty()) {
        errors.push_back(RowError("assess.species_missing", "缺少物种名", "the species is missing", "species", in.row));
    }

    const TaxonGroup* group = f.FindTaxonGroup(in.taxon_group);
    if (group == nullptr) {
        const std::string known = KnownNames(f, true);
        errors.push_back(RowError("assess.taxon_group",
                                  "生物类群无法识别：“" + ToMessageSnippet(in.taxon_group) + "”（可用：" + known + " 或其中文名）",
                                  "unknown taxon group \"" + ToMessageSnippet(in.taxon_group) + "\" (known: " + known + ")",
                                  "taxon_group", in.row));
    } else {
        out.taxon_group = group->id;
        out.trophic_level = group->trophic_level;
        out.in_ssd = group->in_ssd;
    }

    const EndpointDef* endpoint = f.FindEndpoint(in.endpoint);
    if (endpoint == nullptr) {
        const std::string known = KnownNames(f, false);
        errors.push_back(RowError("assess.endpoint",
                                  "毒性终点无法识别：“" + ToMessageSnippet(in.endpoint) + "”（可用：" + known + "）",
                                  "unknown endpoint \"" + ToMessageSnippet(in.endpoint) + "\" (known: " + known + ")",
                                  "endpoint", in.row));
    } else {
        out.endpoint = endpoint->id;
        out.endpoint_kind = endpoint->kind;
    }

    if (!Trim(in.exposure).empty()) {
        auto exposure = ParseExposure(in.exposure);
        if (!exposure) {
            errors.push_back(RowError("assess.exposure",
                                      "暴露类型应为 急性/慢性（acute/chronic）：“" + ToMessageSnippet(in.exposure) + "”",
                                      "exposure must be acute or chronic: \"" + ToMessageSnippet(in.exposure) + "\"",
                                      "exposure", in.row));
        } else {
            out.exposure = *exposure;
        }
    } else if (endpoint != nullptr) {
        out.exposure = endpoint->kind == EndpointKind::kMedianEffect ? Exposure::kShortTerm : Exposure::kLongTerm;
        out.exposure_inferred = true;
    }

    out.duration = std::string(Trim(in.duration));
    if (!out.duration.empty()) {
        out.duration_hours = ParseDurationHours(out.duration);
        if (!out.duration_hours) {
            errors.push_back(RowError("assess.duration",
                                      "暴露时间无法识别：“" + ToMessageSnippet(out.duration) + "”（例：96 h、21 d、96小时、21天）",
                                      "the duration is not a time: \"" + ToMessageSnippet(out.duration) +
                                          "\" (e.g. 96 h, 21 d)",
                                      "duration", in.row));
        }
    }

    auto [qualifier, number_text] = SplitQualifier(in.value);
    out.qualifier = qualifier;
    auto number = tabular::ParseNumberCell(number_text);
    if (!number) {
        errors.push_back(RowError("assess.value", "毒性值不是数字：“" + ToMessageSnippet(in.value) + "”",
                                  "the value is not a number: \"" + ToMessageSnippet(in.value) + "\"", "value", in.row));
    } else if (!(*number > 0)) {
        errors.push_back(RowError("assess.value_not_positive", "毒性值须大于 0：“" + ToMessageSnippet(in.value) + "”",
                                  "the value must be above 0: \"" + ToMessageSnippet(in.value) + "\"", "value", in.row));
    } else {
        out.value_as_given = *number;
    }

    auto unit = MicrogramsPerLitre(in.unit);
    if (!unit) {
        errors.push_back(RowError("assess.unit",
                                  "单位应为水中浓度 ng/L、μg/L、mg/L 或 g/L：“" + ToMessageSnippet(in.unit) + "”",
                                  "the unit must be an aqueous concentration (ng/L, μg/L, mg/L, g/L): \"" +
                                      ToMessageSnippet(in.unit) + "\"",
                                  "unit", in.row));
    } else {
        out.unit_as_given = unit->second;
        out.value_ug_per_l = out.value_as_given * unit->first;
    }

    if (!Trim(in.reliability).empty()) {
        auto score = ParseReliability(in.reliability);
        if (!score) {
            errors.push_back(RowError("assess.reliability",
                                      "可靠性应为 Klimisch 1–4：“" + ToMessageSnippet(in.reliability) + "”",
                                      "reliability must be a Klimisch score 1–4: \"" + ToMessageSnippet(in.reliability) + "\"",
                                      "reliability", in.row));
        } else {
            out.reliability = *score;
        }
    }
    out.reliability_applied = out.reliability == 0 ? f.missing_reliability_score : out.reliability;
    out.source = std::string(Trim(in.source));
    if (errors.size() != before) return false;
    out.excluded = ExclusionOf(out, f);
    return true;
}

}  // namespace

std::optional<double> ParseDurationHours(std::string_view text) {
    std::string key;  // "96 h" → "96h"; unlike ToMatchKey, a '-' is kept: "-3 d" is not a duration
    for (char c : ToLowerAscii(NormalizeFullWidth(text))) {
        if (c != ' ' && c != '\t') key.push_back(c);
    }
    double number = 0;
    const char* begin = key.data();
    const char* end = key.data() + key.size();
    const auto [ptr, ec] = std::from_chars(begin, end, number);
    if (ec != std::errc() || ptr == begin || !(number > 0) || !std::isfinite(number)) return std::nullopt;
    const std::string unit(ptr, end);
    struct Factor {
        const char* unit;
        double hours;
    };
    for (const Factor& u : {Factor{"h", 1}, Factor{"hr", 1}, Factor{"hrs", 1}, Factor{"hour", 1}, Factor{"hours", 1},
                            Factor{"小时", 1}, Factor{"时", 1}, Factor{"d", 24}, Factor{"day", 24}, Factor{"days", 24},
                            Factor{"天", 24}, Factor{"日", 24}, Factor{"w", 168}, Factor{"wk", 168}, Factor{"wks", 168},
                            Factor{"week", 168}, Factor{"weeks", 168}, Factor{"周", 168}, Factor{"min", 1.0 / 60},
                            Factor{"minutes", 1.0 / 60}, Factor{"分钟", 1.0 / 60}}) {
        if (unit == u.unit) return number * u.hours;
    }
    return std::nullopt;
}

EcotoxParse ParseEcotoxRows(std::span<const EcotoxRow> rows, const PnecFactors& factors) {
    EcotoxParse out;
    if (rows.empty()) {
        out.errors.push_back(MakeError(ErrorCode::kInvalidArgument, "assess.no_records", "没有毒性数据记录",
                                       "there are no ecotoxicity records", "records")
                                 .value());
        return out;
    }
    std::map<std::string, std::pair<std::string, long>> group_of_species;  // key → (group, first row)
    for (const EcotoxRow& row : rows) {
        EcotoxRecord record;
        if (!ParseRow(row, factors, record, out.errors)) continue;
        auto [it, inserted] = group_of_species.emplace(record.species_key, std::pair(record.taxon_group, row.row));
        if (!inserted && it->second.first != record.taxon_group) {
            out.errors.push_back(RowError("assess.species_group",
                                          "物种 " + record.species + " 在第 " + std::to_string(it->second.second) +
                                              " 行归为 " + it->second.first + "，此处为 " + record.taxon_group,
                                          "species " + record.species + " is " + it->second.first + " on row " +
                                              std::to_string(it->second.second) + " but " + record.taxon_group + " here",
                                          "taxon_group", row.row));
            continue;
        }
        out.records.push_back(std::move(record));
    }
    std::stable_sort(out.errors.begin(), out.errors.end(), [](const Error& a, const Error& b) { return a.row < b.row; });
    return out;
}

}  // namespace npgov::assess
