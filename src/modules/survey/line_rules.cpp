#include "modules/survey/line_rules.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/cas_number.hpp"
#include "core/quantity.hpp"
#include "core/text.hpp"
#include "engines/tabular/table.hpp"
#include "modules/enterprise/sheet_writer.hpp"

namespace npgov::survey {
namespace {

std::string Tonnes(double t) { return sheet::FormatNumber(std::round(t * 1e6) / 1e6) + " t"; }

Error WithField(Error e, const char* field) {
    e.field = field;
    return e;
}

// Strips a per-year denominator ("t/a", "吨/年", "kg/yr", "吨每年"): every survey quantity is
// the amount of one calendar year.
std::string StripPerYear(std::string unit) {
    for (std::string_view suffix : {"/a", "/yr", "/year", "/y", "/年", "每年"}) {
        if (unit.size() > suffix.size() && unit.compare(unit.size() - suffix.size(), suffix.size(), suffix) == 0) {
            return unit.substr(0, unit.size() - suffix.size());
        }
    }
    return unit;
}

Result<double> ToTonnes(double value, std::string_view unit_text) {
    std::string unit = ToLowerAscii(Trim(NormalizeFullWidth(unit_text)));
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    NPGOV_ASSIGN_OR_RETURN(Unit parsed, ParseUnit(StripPerYear(unit)));
    if (DimensionOf(parsed) != Dimension::kMass) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.unit_not_mass",
                         "单位“" + ToMessageSnippet(unit_text) + "”不是质量单位；请用 t（吨）、kg（千克）或 g（克）",
                         "the unit \"" + ToMessageSnippet(unit_text) + "\" is not a mass; use t, kg or g", "unit");
    }
    NPGOV_ASSIGN_OR_RETURN(Quantity t, ConvertTo({value, parsed}, Unit::kTonne));
    return t.value;
}

}  // namespace

// Splits use categories at ; ； 、 , ，
std::vector<std::string> SplitUses(std::string_view text) {
    std::string s = NormalizeFullWidth(text);  // '；' '，' → ';' ','
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        std::string item(Trim(current));
        if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
        current.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ';' || s[i] == ',') {
            flush();
        } else if (s.compare(i, 3, "、") == 0) {
            flush();
            i += 2;
        } else {
            current += s[i];
        }
    }
    flush();
    return out;
}

namespace {

struct Collector {
    std::vector<Issue>& issues;
    void Add(Severity severity, Error e, const Line& line) {
        e.row = line.raw.source_row;
        issues.push_back({severity, std::move(e), line.line_no, false});
    }
};

std::optional<double> ParseEmission(const std::string& text, const char* field, const Line& line, Collector& out) {
    if (Trim(text).empty()) return std::nullopt;
    auto value = tabular::ParseNumberCell(text);
    if (!value) {
        out.Add(Severity::kError, WithField(value.error(), field), line);
        return std::nullopt;
    }
    if (*value < 0) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.quantity_negative", std::string(field) + " 不能为负数",
                          std::string(field) + " cannot be negative", field).value(),
                line);
        return std::nullopt;
    }
    if (*value > kAbsurdTonnes) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.quantity_absurd",
                          std::string(field) + " 超过 " + Tonnes(kAbsurdTonnes) + "/a，明显不合理，请核对单位（t/a）",
                          std::string(field) + " exceeds " + Tonnes(kAbsurdTonnes) + "/a; check the unit (t/a)", field)
                    .value(),
                line);
        return std::nullopt;
    }
    return *value;
}

Line ParseOne(const RawLine& raw, int line_no, const EvaluationContext& context, Collector& out) {
    Line line;
    line.raw = raw;
    line.line_no = line_no;
    line.name = std::string(Trim(raw.name));
    // Identity.
    if (!Trim(raw.cas).empty()) {
        auto cas = CasNumber::Parse(raw.cas);
        if (cas) {
            line.cas = cas->text();
        } else {
            out.Add(Severity::kError, cas.error(), line);
        }
    } else if (line.name.empty()) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.substance_missing", "请填写 CAS 号或物质名称",
                          "give the CAS number or the name of the substance", "cas").value(),
                line);
    }
    // Activity.
    if (Trim(raw.activity).empty()) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.activity_missing", "请填写活动类型（生产、进口、加工、使用、出口）",
                          "give the activity (produce, import, process, use, export)", "activity").value(),
                line);
    } else if (auto activity = ParseActivity(raw.activity)) {
        line.activity = *activity;
    } else {
        out.Add(Severity::kError, activity.error(), line);
    }
    // Quantity.
    if (Trim(raw.quantity).empty()) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.quantity_missing", "请填写数量", "give the quantity",
                          "quantity").value(),
                line);
    } else if (auto t = ParseTonnes(raw.quantity, raw.unit); !t) {
        out.Add(Severity::kError, t.error(), line);
    } else if (*t <= 0) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, *t < 0 ? "survey.quantity_negative" : "survey.quantity_zero",
                          "数量须大于 0（没有该活动就删去这一行）", "the quantity must be above 0 (delete the line if there was none)",
                          "quantity").value(),
                line);
    } else if (*t > kAbsurdTonnes) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.quantity_absurd",
                          "数量 " + Tonnes(*t) + " 超过 " + Tonnes(kAbsurdTonnes) + "，明显不合理，请核对单位",
                          "the quantity " + Tonnes(*t) + " exceeds " + Tonnes(kAbsurdTonnes) + "; check the unit", "quantity")
                    .value(),
                line);
    } else {
        line.tonnes = *t;
    }
    // Use categories.
    line.uses = SplitUses(raw.uses);
    if (line.uses.size() > 10 || std::any_of(line.uses.begin(), line.uses.end(),
                                             [](const std::string& u) { return SplitCodePoints(u).size() > 50; })) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.uses_too_long", "用途类别最多 10 项，每项不超过 50 字",
                          "at most 10 use categories of at most 50 characters each", "uses").value(),
                line);
    }
    if (line.activity == Activity::kUse && line.uses.empty()) {
        out.Add(Severity::kError,
                MakeError(ErrorCode::kInvalidArgument, "survey.uses_missing", "“使用”行须填写用途类别（如 溶剂；清洗剂）",
                          "a \"use\" line needs its use categories (e.g. solvent; cleaning agent)", "uses").value(),
                line);
    }
    // Emissions and waste.
    line.air_t = ParseEmission(raw.emission_air, "emission_air", line, out);
    line.water_t = ParseEmission(raw.emission_water, "emission_water", line, out);
    line.soil_t = ParseEmission(raw.emission_soil, "emission_soil", line, out);
    line.waste_t = ParseEmission(raw.waste, "waste", line, out);
    const bool handles = line.activity && (*line.activity == Activity::kProduce || *line.activity == Activity::kProcess ||
                                           *line.activity == Activity::kUse);
    if (context.tier == Tier::kDetailed && handles) {
        struct Required {
            const char* field;
            const char* zh;  // the template's column name
            const std::string* text;
        };
        const Required required[] = {{"emission_air", "大气排放量", &raw.emission_air},
                                     {"emission_water", "水体排放量", &raw.emission_water},
                                     {"emission_soil", "土壤排放量", &raw.emission_soil},
                                     {"waste", "废物量", &raw.waste}};
        for (const auto& [field, zh, text] : required) {
            if (!Trim(*text).empty()) continue;
            out.Add(Severity::kError,
                    MakeError(ErrorCode::kInvalidArgument, "survey.detailed_required",
                              std::string("详细调查须填写") + zh + "（t/a，没有则填 0）",
                              std::string("the detailed survey requires ") + field + " (t/a; 0 if none)", field)
                        .value(),
                    line);
        }
    }
    if (auto confidential = ParseYesNo(raw.confidential, "confidential")) {
        line.confidential = *confidential;
    } else {
        out.Add(Severity::kError, confidential.error(), line);
    }
    return line;
}

struct Sums {
    double produce = 0, import = 0, process = 0, use = 0, exported = 0, released = 0;
    bool complete = true;  // every line of the substance understood
    const Line* first = nullptr;
};

}  // namespace

Result<double> ParseTonnes(std::string_view quantity, std::string_view unit) {
    if (Trim(unit).empty()) {
        // "12.5 吨" in the quantity cell.
        auto q = ParseQuantity(NormalizeFullWidth(quantity));
        if (q) return ToTonnes(q->value, Symbol(q->unit));
        auto number = tabular::ParseNumberCell(quantity);
        if (!number) return tl::unexpected(WithField(q.error(), "quantity"));
        return MakeError(ErrorCode::kInvalidArgument, "unit.missing", "请填写单位（t、kg 或 g）",
                         "give the unit (t, kg or g)", "unit");
    }
    auto number = tabular::ParseNumberCell(quantity);
    if (!number) return tl::unexpected(WithField(number.error(), "quantity"));
    auto t = ToTonnes(*number, unit);
    if (!t) return tl::unexpected(WithField(t.error(), "unit"));
    return t;
}

Result<bool> ParseYesNo(std::string_view text, const char* field) {
    const std::string v = ToLowerAscii(Trim(NormalizeFullWidth(text)));
    if (v.empty() || v == "否" || v == "n" || v == "no" || v == "0" || v == "false") return false;
    if (v == "是" || v == "y" || v == "yes" || v == "1" || v == "true" || v == "√") return true;
    return MakeError(ErrorCode::kInvalidArgument, "survey.yes_no",
                     std::string(field) + " 须填“是”或“否”，而不是“" + ToMessageSnippet(text) + "”",
                     std::string(field) + " must be yes or no (是/否), not \"" + ToMessageSnippet(text) + "\"", field);
}

Result<Evaluation> Evaluate(const std::vector<RawLine>& raw, const EvaluationContext& context) {
    Evaluation out;
    out.lines.reserve(raw.size());
    Collector collect{out.issues};
    std::map<std::pair<std::string, std::string>, std::optional<SubstanceMatch>> resolved;
    const std::set<std::string> in_scope(context.substances_in_scope.begin(), context.substances_in_scope.end());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        Line line = ParseOne(raw[i], static_cast<int>(i + 1), context, collect);
        const bool identity_ok = !line.cas.empty() || (Trim(raw[i].cas).empty() && !line.name.empty());
        if (identity_ok && context.resolver) {
            auto key = std::make_pair(line.cas, line.cas.empty() ? line.name : std::string());
            auto found = resolved.find(key);
            if (found == resolved.end()) {
                NPGOV_ASSIGN_OR_RETURN(auto match, context.resolver(key.first, key.second));
                found = resolved.emplace(key, match).first;
            }
            if (found->second) {
                line.substance_id = found->second->id;
                if (line.cas.empty()) line.cas = found->second->cas;
                if (line.name.empty()) line.name = found->second->name_zh;
            } else {
                collect.Add(Severity::kNotice,
                            MakeError(ErrorCode::kNotFound, "survey.substance_unknown",
                                      "物质库中没有“" + ToMessageSnippet(line.cas.empty() ? line.name : line.cas) +
                                          "”，已按填报内容保存，待管理部门核实",
                                      "the substance registry does not know \"" +
                                          ToMessageSnippet(line.cas.empty() ? line.name : line.cas) +
                                          "\"; kept as reported for the bureau to check",
                                      line.cas.empty() ? "name" : "cas").value(),
                            line);
            }
        } else if (identity_ok && line.cas.empty()) {
            collect.Add(Severity::kNotice,
                        MakeError(ErrorCode::kNotFound, "survey.substance_unresolved",
                                  "“" + ToMessageSnippet(line.name) + "”没有 CAS 号，无法核对物质身份，已按填报内容保存",
                                  "\"" + ToMessageSnippet(line.name) + "\" has no CAS number and cannot be identified; kept as reported",
                                  "name").value(),
                        line);
        }
        if (!line.cas.empty()) {
            line.substance_key = line.cas;
        } else if (!line.name.empty()) {
            line.substance_key = "name:" + ToLowerAscii(NormalizeFullWidth(line.name));
        }
        if (!in_scope.empty() && !line.cas.empty() && !in_scope.count(line.cas)) {
            collect.Add(Severity::kNotice,
                        MakeError(ErrorCode::kInvalidArgument, "survey.substance_out_of_scope",
                                  line.cas + " 不在本次调查的物质范围内（仍会保存）",
                                  line.cas + " is not among this campaign's substances (kept anyway)", "cas").value(),
                        line);
        }
        out.lines.push_back(std::move(line));
    }

    // Mass balance per substance.
    std::map<std::string, Sums> sums;
    for (const auto& line : out.lines) {
        if (line.substance_key.empty()) continue;
        Sums& s = sums[line.substance_key];
        if (!s.first) s.first = &line;
        if (!line.activity || !line.tonnes) {
            s.complete = false;
            continue;
        }
        const double t = *line.tonnes;
        switch (*line.activity) {
            case Activity::kProduce: s.produce += t; break;
            case Activity::kImport: s.import += t; break;
            case Activity::kProcess: s.process += t; break;
            case Activity::kUse: s.use += t; break;
            case Activity::kExport: s.exported += t; break;
        }
        s.released += line.air_t.value_or(0) + line.water_t.value_or(0) + line.soil_t.value_or(0) + line.waste_t.value_or(0);
    }
    for (const auto& [key, s] : sums) {
        if (!s.complete) continue;
        const double in = std::max(s.produce + s.import, s.process + s.use);
        const double out_t = s.exported + s.released;
        if (out_t <= in * (1 + kBalanceRelativeTolerance) + kBalanceAbsoluteTolerance) continue;
        const std::string who = s.first->cas.empty() ? s.first->name : s.first->cas;
        collect.Add(Severity::kError,
                    MakeError(ErrorCode::kInvalidArgument, "survey.mass_balance",
                              who + " 物料不平衡：出口与排放、废物合计 " + Tonnes(out_t) + "，超过生产与进口（或加工与使用）的 " +
                                  Tonnes(in),
                              who + " does not balance: export, emissions and waste total " + Tonnes(out_t) +
                                  ", more than the " + Tonnes(in) + " produced and imported (or processed and used)",
                              "quantity").value(),
                    *s.first);
    }

    // Change from last year.
    if (context.previous) {
        std::map<std::pair<std::string, Activity>, std::pair<double, std::vector<const Line*>>> now;
        for (const auto& line : out.lines) {
            if (line.substance_key.empty() || !line.activity || !line.tonnes) continue;
            auto& entry = now[{line.substance_key, *line.activity}];
            entry.first += *line.tonnes;
            entry.second.push_back(&line);
        }
        for (const auto& [key, entry] : now) {
            auto before = context.previous->find(key);
            if (before == context.previous->end() || before->second <= 0) continue;
            const double was = before->second, is = entry.first;
            const double ratio = is / was;
            if ((ratio < kJumpFactor && ratio > 1 / kJumpFactor) || std::fabs(is - was) < kJumpMinimumTonnes) continue;
            const Line& first = *entry.second.front();
            const bool reasoned = std::any_of(entry.second.begin(), entry.second.end(),
                                              [](const Line* l) { return !Trim(l->raw.reason).empty(); });
            const std::string who = first.cas.empty() ? first.name : first.cas;
            const std::string year = std::to_string(context.previous_year);
            collect.Add(Severity::kWarning,
                        MakeError(ErrorCode::kFailedPrecondition, "survey.jump",
                                  who + " 的" + std::string(ChineseName(key.second)) + "量由 " + year + " 年的 " + Tonnes(was) +
                                      " 变为 " + Tonnes(is) + "，请在“变化说明”中说明原因",
                                  who + " " + std::string(ToString(key.second)) + " changed from " + Tonnes(was) + " in " +
                                      year + " to " + Tonnes(is) + "; explain the change in the reason column",
                                  "reason").value(),
                        first);
            out.issues.back().resolved = reasoned;
        }
    }

    std::stable_sort(out.issues.begin(), out.issues.end(),
                     [](const Issue& a, const Issue& b) { return a.line_no < b.line_no; });
    for (const auto& issue : out.issues) {
        if (issue.severity == Severity::kError) ++out.errors;
        if (issue.severity == Severity::kWarning && !issue.resolved) ++out.open_warnings;
        if (issue.severity == Severity::kNotice) ++out.notices;
    }
    return out;
}

YearTotals ComputeYearTotals(const std::vector<Line>& lines) {
    YearTotals totals;
    for (const auto& line : lines) {
        if (line.substance_key.empty() || !line.activity || !line.tonnes) continue;
        totals[{line.substance_key, *line.activity}] += *line.tonnes;
    }
    return totals;
}

}  // namespace npgov::survey
