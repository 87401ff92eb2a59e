#include "modules/monitoring/lab_file.hpp"

#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <utility>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "modules/monitoring/site_registry.hpp"

namespace npgov::monitoring {
namespace {

struct ColumnSpec {
    std::optional<std::size_t> LabColumns::*member;
    std::string_view name;  // for "missing column" messages
    std::initializer_list<std::string_view> aliases;
};

// Keep in step with the list in lab_file.hpp.
const ColumnSpec kColumnSpecs[] = {
    {&LabColumns::site_code, "点位编码 (site code)",
     {"点位编码", "点位代码", "点位编号", "监测点位编码", "站点编码", "site code", "site_code", "site", "station code"}},
    {&LabColumns::date, "采样日期 (date)", {"采样日期", "日期", "sampling date", "sample date", "date"}},
    {&LabColumns::time, "采样时间 (time)", {"采样时间", "时间", "sampling time", "time"}},
    {&LabColumns::sampler, "采样人 (sampler)", {"采样人", "采样人员", "sampler"}},
    {&LabColumns::medium, "介质 (medium)", {"介质", "样品介质", "环境介质", "medium"}},
    {&LabColumns::matrix, "基质 (matrix)", {"基质", "样品类型", "样品性状", "matrix", "sample type"}},
    {&LabColumns::depth, "采样深度 (depth)",
     {"采样深度", "深度", "采样深度(m)", "深度(m)", "depth", "depth (m)"}},
    {&LabColumns::cas, "CAS号 (CAS)", {"CAS号", "CAS", "CAS No.", "CAS RN", "CAS编号", "CAS登记号"}},
    {&LabColumns::substance, "物质名称 (substance)",
     {"物质名称", "污染物名称", "检测项目", "监测项目", "项目", "化合物", "substance", "analyte", "parameter",
      "compound"}},
    {&LabColumns::result, "结果 (result)",
     {"结果", "检测结果", "监测结果", "测定值", "测定结果", "浓度", "result", "value", "concentration"}},
    {&LabColumns::unit, "单位 (unit)", {"单位", "计量单位", "结果单位", "unit", "units"}},
    {&LabColumns::qualifier, "限定符 (qualifier)", {"限定符", "结果标识", "标识", "qualifier", "flag", "remark"}},
    {&LabColumns::lod, "检出限 (LOD)", {"检出限", "方法检出限", "LOD", "MDL", "DL", "detection limit"}},
    {&LabColumns::loq, "定量限 (LOQ)",
     {"定量限", "测定下限", "定量下限", "LOQ", "MQL", "quantitation limit", "limit of quantitation"}},
    {&LabColumns::method, "方法 (method)",
     {"方法", "分析方法", "检测方法", "方法标准", "方法依据", "分析方法依据", "method", "method standard"}},
    {&LabColumns::laboratory, "实验室 (laboratory)",
     {"实验室", "检测单位", "检测机构", "分析单位", "laboratory", "lab"}},
    {&LabColumns::blank, "空白 (blank)", {"空白", "空白值", "实验室空白", "方法空白", "blank", "method blank"}},
    {&LabColumns::spike_recovery, "加标回收率 (spike recovery %)",
     {"加标回收率", "加标回收率(%)", "回收率", "回收率(%)", "spike recovery", "spike recovery (%)", "recovery (%)"}},
    {&LabColumns::duplicate_rpd, "平行样相对偏差 (duplicate RPD %)",
     {"平行样相对偏差", "平行样相对偏差(%)", "相对偏差", "相对偏差(%)", "平行样RPD", "RPD", "RPD (%)",
      "duplicate RPD"}},
};

Error RowError(std::string reason, std::string zh, std::string en, long row, std::string field) {
    Error e{ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field), row};
    return e;
}

// Prefixes "第 N 行“列”：" / "row N, column "c": " so that each message stands alone.
Error AtCell(Error e, long row, const std::string& column) {
    e.row = row;
    e.field = column;
    e.message_zh = "第 " + std::to_string(row) + " 行“" + column + "”列：" + e.message_zh;
    e.message_en = "row " + std::to_string(row) + ", column \"" + column + "\": " + e.message_en;
    return e;
}

std::string Compact(std::string_view text) {
    std::string out;
    for (char c : ToLowerAscii(Trim(NormalizeFullWidth(text)))) {
        if (c != ' ') out += c;
    }
    return out;
}

bool OneOf(const std::string& compact, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (compact == w) return true;
    }
    return false;
}

// "HH:MM" or "HH:MM:SS" → "HH:MM"; nullopt if malformed.
std::optional<std::string> ParseTime(std::string_view text) {
    const std::string t(Trim(NormalizeFullWidth(text)));
    int h = -1, m = -1, s = 0;
    char tail = 0;
    const int fields = std::sscanf(t.c_str(), "%2d:%2d:%2d%c", &h, &m, &s, &tail);
    if ((fields != 2 && fields != 3) || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    if (t.size() != (fields == 2 ? 5u : 8u) && !(fields == 2 && t.size() == 4 && t[1] == ':')) return std::nullopt;
    char out[6];
    std::snprintf(out, sizeof out, "%02d:%02d", h, m);
    return std::string(out);
}

std::string FormatNumber(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

// Parses an optional number cell (trailing '%' allowed for percentages).
Result<std::optional<double>> OptionalNumber(const std::string& cell, bool percent) {
    const std::string folded = NormalizeFullWidth(cell);
    std::string_view text = Trim(folded);
    if (text.empty()) return std::optional<double>();
    if (percent && !text.empty() && text.back() == '%') text.remove_suffix(1);
    NPGOV_ASSIGN_OR_RETURN(double v, tabular::ParseNumberCell(text));
    return std::optional<double>(v);
}

// A small memo for cells that repeat on most rows (units, dates, CAS numbers, media).
template <typename T>
class Memo {
public:
    template <typename Parse>
    const Result<T>& Get(const std::string& key, Parse parse) {
        auto it = cache_.find(key);
        if (it == cache_.end()) it = cache_.emplace(key, parse(key)).first;
        return it->second;
    }

private:
    std::unordered_map<std::string, Result<T>> cache_;
};

}  // namespace

Result<LabColumns> FindLabColumns(const tabular::Table& table, bool have_default_laboratory) {
    LabColumns columns;
    for (const auto& spec : kColumnSpecs) columns.*spec.member = table.FindColumn(spec.aliases);
    std::vector<std::string> missing;
    for (const auto& spec : kColumnSpecs) {
        const bool required = spec.member == &LabColumns::site_code || spec.member == &LabColumns::date ||
                              spec.member == &LabColumns::cas || spec.member == &LabColumns::result ||
                              spec.member == &LabColumns::unit ||
                              (spec.member == &LabColumns::laboratory && !have_default_laboratory);
        if (required && !(columns.*spec.member)) missing.emplace_back(spec.name);
    }
    if (missing.empty()) return columns;
    std::string list, have;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    for (const auto& h : table.header) have += (have.empty() ? "" : ", ") + h;
    const bool lab_only = !have_default_laboratory && !columns.laboratory;  // hint at --lab
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.columns",
                     "文件缺少必需的列：" + list + (lab_only ? "（或用 --lab 指定实验室）" : "") + "。现有列：" + have,
                     "the file lacks required columns: " + list +
                         (lab_only ? " (or name the laboratory with --lab)" : "") + ". Columns present: " + have,
                     list);
}

std::vector<std::string> SiteCodesIn(const tabular::Table& table, const LabColumns& columns) {
    std::vector<std::string> codes;
    if (!columns.site_code) return codes;
    std::unordered_map<std::string, bool> seen;
    for (const auto& row : table.rows) {
        std::string code = NormaliseSiteCode(row[*columns.site_code]);
        if (!code.empty() && seen.emplace(code, true).second) codes.push_back(std::move(code));
    }
    return codes;
}

Result<ReportedValue> ParseReportedValue(std::string_view cell) {
    const std::string compact = Compact(cell);
    using Kind = ReportedValue::Kind;
    if (compact.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.result_missing", "结果为空",
                         "the result is empty", "result");
    }
    if (OneOf(compact, {"nd", "n.d.", "n.d", "未检出", "未检", "notdetected", "<lod", "<dl", "<mdl", "<检出限",
                        "bdl"})) {
        return ReportedValue{Kind::kBelowLod, std::nullopt};
    }
    if (OneOf(compact, {"<loq", "<mql", "<定量限", "<测定下限", "<定量下限"})) {
        return ReportedValue{Kind::kBelowLoq, std::nullopt};
    }
    if (OneOf(compact, {"dnq", "检出未定量", "检出但未定量"})) return ReportedValue{Kind::kNotQuantified, std::nullopt};
    if (compact.front() == '<' || (compact.size() > 1 && compact.back() == 'l')) {
        // "<0.5" or HJ-style "0.5L" ("l" after lower-casing)
        const std::string number = compact.front() == '<' ? compact.substr(1) : compact.substr(0, compact.size() - 1);
        if (auto limit = tabular::ParseNumberCell(number)) return ReportedValue{Kind::kLessThan, *limit};
    } else if (auto value = tabular::ParseNumberCell(compact)) {
        return ReportedValue{Kind::kNumber, *value};
    }
    const bool not_analysed = OneOf(compact, {"/", "-", "—", "--", "未测", "未检测", "na", "n/a"});
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.result_format",
                     not_analysed ? "“" + ToMessageSnippet(cell) + "” 表示未分析，不是结果；请删除该行"
                                  : "结果 “" + ToMessageSnippet(cell) +
                                        "” 无法识别；可用数字、<0.5、0.5L、ND、未检出、<LOQ 或 DNQ",
                     not_analysed ? "\"" + ToMessageSnippet(cell) + "\" means not analysed, which is no result; "
                                                                    "remove the row"
                                  : "cannot read the result \"" + ToMessageSnippet(cell) +
                                        "\"; use a number, <0.5, 0.5L, ND, 未检出, <LOQ or DNQ",
                     "result");
}

std::string SampleKey(Medium medium, std::string_view matrix, const std::optional<double>& depth_m) {
    return std::string(ToString(medium)) + "|" + std::string(matrix) + "|" + (depth_m ? FormatNumber(*depth_m) : "");
}

ParsedLabFile ParseLabRows(tabular::Table table, const LabColumns& columns, const LabFileContext& context) {
    ParsedLabFile out;
    auto add_error = [&](Error e) {
        if (out.errors.size() < context.max_errors) {
            out.errors.push_back(std::move(e));
        } else {
            ++out.errors_omitted;
        }
    };
    auto header = [&](const std::optional<std::size_t>& column) { return column ? table.header[*column] : std::string(); };
    auto cell = [&](const std::vector<std::string>& row, const std::optional<std::size_t>& column) -> const std::string& {
        static const std::string kEmpty;
        return column ? row[*column] : kEmpty;
    };

    Memo<Date> dates;
    Memo<CasNumber> cas_numbers;
    Memo<ConcentrationUnit> units;
    Memo<Medium> media;
    std::unordered_map<std::string, std::size_t> event_index;   // "site|date|time"
    std::unordered_map<std::string, std::size_t> sample_index;  // event index + sample key
    std::unordered_map<std::string, std::uint32_t> cas_index;
    std::unordered_map<std::uint64_t, long> first_row_of;       // (sample, cas) → row

    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (r > 0) std::vector<std::string>().swap(table.rows[r - 1]);  // done with the previous row
        auto& cells = table.rows[r];
        // Cells the row keeps as written (the tabular engine has trimmed them) are moved out.
        auto take = [&](const std::optional<std::size_t>& column) { return column ? std::move(cells[*column]) : std::string(); };
        const long row = table.source_rows[r];
        const std::size_t errors_before = out.errors.size() + static_cast<std::size_t>(out.errors_omitted);
        auto fail = [&](std::string reason, std::string zh, std::string en, const std::optional<std::size_t>& column) {
            add_error(AtCell(RowError(std::move(reason), std::move(zh), std::move(en), row, {}), row, header(column)));
        };
        auto fail_with = [&](Error e, const std::optional<std::size_t>& column) {
            add_error(AtCell(std::move(e), row, header(column)));
        };

        LabRow lab;
        lab.row = row;

        // Site.
        const SiteRef* site = nullptr;
        const std::string code = NormaliseSiteCode(cell(cells, columns.site_code));
        if (code.empty()) {
            fail("monitoring.site_missing", "点位编码为空", "the site code is empty", columns.site_code);
        } else if (auto it = context.sites.find(code); it == context.sites.end()) {
            fail("monitoring.site_unknown", "点位 " + ToMessageSnippet(code) + " 未登记（或不在您的管辖范围内）",
                 "the site " + ToMessageSnippet(code) + " is not registered (or not within your scope)",
                 columns.site_code);
        } else {
            site = &it->second;
            lab.site_id = site->id;
            lab.region_code = site->region_code;
        }

        // Date and time (an xlsx date-time cell carries both).
        std::string date_text(Trim(cell(cells, columns.date)));
        std::string time_text(Trim(cell(cells, columns.time)));
        if (auto split = date_text.find_first_of("T "); split != std::string::npos && date_text.find(':') != std::string::npos) {
            if (time_text.empty()) time_text = date_text.substr(split + 1);
            date_text.resize(split);
        }
        bool date_ok = false;
        if (const auto& date = dates.Get(date_text, [](const std::string& t) { return Date::Parse(t); }); !date) {
            fail_with(date.error(), columns.date);
        } else if (*date > context.today) {
            fail("monitoring.date_future", "采样日期 " + date->ToIsoString() + " 晚于今天（" + context.today.ToIsoString() + "）",
                 "the sampling date " + date->ToIsoString() + " is after today (" + context.today.ToIsoString() + ")",
                 columns.date);
        } else {
            lab.date = *date;
            date_ok = true;
        }
        if (!time_text.empty()) {
            if (auto t = ParseTime(time_text)) {
                lab.time = *t;
            } else {
                fail("monitoring.time_format", "采样时间 “" + ToMessageSnippet(time_text) + "” 须为 HH:MM",
                     "the sampling time \"" + ToMessageSnippet(time_text) + "\" must be HH:MM",
                     columns.time ? columns.time : columns.date);
            }
        }
        lab.sampler = take(columns.sampler);

        // Medium.
        bool medium_ok = false;
        const std::string medium_text(Trim(cell(cells, columns.medium)));
        if (!medium_text.empty()) {
            const auto& medium = media.Get(medium_text, [](const std::string& t) { return ParseMedium(t); });
            if (!medium) {
                fail_with(medium.error(), columns.medium);
            } else if (site && !SiteAllowsMedium(site->type, *medium)) {
                fail("monitoring.medium_site",
                     "点位 " + code + " 是" + std::string(LabelZh(site->type)) + "，不采集介质 " + std::string(ToString(*medium)),
                     "the site " + code + " is a " + std::string(ToString(site->type)) + " site, not sampled in " +
                         std::string(ToString(*medium)),
                     columns.medium);
            } else {
                lab.medium = *medium;
                medium_ok = true;
            }
        } else if (site) {
            if (auto fallback = DefaultMedium(site->type)) {
                lab.medium = *fallback;
                medium_ok = true;
            } else {
                fail("monitoring.medium_missing", "点位 " + code + " 可采集多种介质，请填写介质列",
                     "the site " + code + " is sampled in several media; fill in the medium column",
                     columns.medium ? columns.medium : columns.site_code);
            }
        }
        lab.matrix = take(columns.matrix);
        if (auto depth = OptionalNumber(cell(cells, columns.depth), false); !depth) {
            fail_with(depth.error(), columns.depth);
        } else if (*depth && **depth < 0) {
            fail("monitoring.depth", "采样深度不能为负", "the sampling depth cannot be negative", columns.depth);
        } else {
            lab.depth_m = *depth;
        }

        // Substance.
        const std::string& cas_text = cell(cells, columns.cas);
        if (const auto& cas = cas_numbers.Get(cas_text, [](const std::string& t) { return CasNumber::Parse(t); }); !cas) {
            fail_with(cas.error(), columns.cas);
        } else {
            lab.cas = cas->text();
        }
        lab.substance_name = take(columns.substance);

        // Unit.
        std::optional<ConcentrationUnit> unit;
        if (const auto& parsed = units.Get(std::string(Trim(cell(cells, columns.unit))),
                                           [](const std::string& t) { return ParseConcentrationUnit(t); });
            !parsed) {
            fail_with(parsed.error(), columns.unit);
        } else if (medium_ok && parsed->family != FamilyOf(lab.medium)) {
            fail_with(Normalise(1.0, *parsed, lab.medium).error(), columns.unit);
        } else {
            unit = *parsed;
            lab.unit = parsed->symbol;
        }

        // Limits.
        bool limits_invalid = false;  // a limit cell is filled but wrong (already reported)
        auto read_limit = [&](const std::optional<std::size_t>& column, std::optional<double>& out_limit) {
            auto limit = OptionalNumber(cell(cells, column), false);
            if (!limit) {
                fail_with(limit.error(), column);
                limits_invalid = true;
            } else if (*limit && !(**limit > 0)) {
                fail("monitoring.limit_not_positive", "检出限/定量限须大于 0", "a detection or quantitation limit must be above 0",
                     column);
                limits_invalid = true;
            } else {
                out_limit = *limit;
            }
        };
        read_limit(columns.lod, lab.lod);
        read_limit(columns.loq, lab.loq);
        if (lab.lod && lab.loq && *lab.lod > *lab.loq) {
            fail("monitoring.lod_above_loq",
                 "检出限 " + FormatNumber(*lab.lod) + " 大于定量限 " + FormatNumber(*lab.loq),
                 "the LOD " + FormatNumber(*lab.lod) + " is above the LOQ " + FormatNumber(*lab.loq), columns.lod);
        }

        // Result and qualifier.
        lab.reported = take(columns.result);
        auto reported = ParseReportedValue(lab.reported);
        std::optional<Qualifier> qualifier;
        if (const std::string q(Trim(cell(cells, columns.qualifier))); !q.empty()) {
            if (auto parsed = ParseQualifier(q)) {
                qualifier = *parsed;
            } else {
                fail_with(parsed.error(), columns.qualifier);
            }
        }
        std::optional<double> limit;  // censoring limit in the given unit
        auto need_limit = [&](const std::optional<double>& from, const std::optional<std::size_t>& column,
                              std::string_view name) {
            if (from) {
                limit = from;
                return;
            }
            if (limits_invalid) return;  // the bad limit cell is the error
            fail("monitoring.limit_missing",
                 "结果 “" + ToMessageSnippet(lab.reported) + "” 需要" + std::string(name == "LOD" ? "检出限" : "定量限") + "，但该行未填写",
                 "the result \"" + ToMessageSnippet(lab.reported) + "\" needs the row's " + std::string(name) +
                     ", which is empty",
                 column ? column : columns.result);
        };
        if (!reported) {
            fail_with(reported.error(), columns.result);
        } else {
            using Kind = ReportedValue::Kind;
            const Kind kind = reported->kind;
            const auto number = reported->number;
            if (number && *number < 0) {
                fail("monitoring.value_negative", "结果不能为负：" + ToMessageSnippet(lab.reported),
                     "a result cannot be negative: " + ToMessageSnippet(lab.reported), columns.result);
            } else if (qualifier) {
                const bool number_given = kind == Kind::kNumber || kind == Kind::kLessThan;
                const bool conflict =
                    (*qualifier == Qualifier::kDetected && kind != Kind::kNumber) ||
                    (*qualifier == Qualifier::kBelowLod && (kind == Kind::kBelowLoq || kind == Kind::kNotQuantified)) ||
                    (*qualifier == Qualifier::kBelowLoq && (kind == Kind::kBelowLod || kind == Kind::kNotQuantified)) ||
                    (*qualifier == Qualifier::kDetectedNotQuantified && (kind == Kind::kBelowLod || kind == Kind::kBelowLoq ||
                                                                         kind == Kind::kLessThan));
                if (conflict) {
                    fail("monitoring.qualifier_conflict",
                         "限定符 " + std::string(ToString(*qualifier)) + " 与结果 “" + ToMessageSnippet(lab.reported) + "” 矛盾",
                         "the qualifier " + std::string(ToString(*qualifier)) + " contradicts the result \"" +
                             ToMessageSnippet(lab.reported) + "\"",
                         columns.qualifier);
                } else {
                    lab.qualifier = *qualifier;
                    if (number_given) lab.value = number;
                    switch (*qualifier) {
                        case Qualifier::kDetected: break;
                        case Qualifier::kBelowLod: number_given ? (void)(limit = number) : need_limit(lab.lod, columns.lod, "LOD"); break;
                        case Qualifier::kBelowLoq: number_given ? (void)(limit = number) : need_limit(lab.loq, columns.loq, "LOQ"); break;
                        case Qualifier::kDetectedNotQuantified: need_limit(lab.loq, columns.loq, "LOQ"); break;
                    }
                }
            } else {
                lab.value = number;
                switch (kind) {
                    case Kind::kNumber: lab.qualifier = Qualifier::kDetected; break;
                    case Kind::kLessThan:
                        lab.qualifier = (lab.loq && *number == *lab.loq && !(lab.lod && *number == *lab.lod))
                                            ? Qualifier::kBelowLoq
                                            : Qualifier::kBelowLod;
                        limit = number;
                        break;
                    case Kind::kBelowLod:
                        lab.qualifier = Qualifier::kBelowLod;
                        need_limit(lab.lod, columns.lod, "LOD");
                        break;
                    case Kind::kBelowLoq:
                        lab.qualifier = Qualifier::kBelowLoq;
                        need_limit(lab.loq, columns.loq, "LOQ");
                        break;
                    case Kind::kNotQuantified:
                        lab.qualifier = Qualifier::kDetectedNotQuantified;
                        need_limit(lab.loq, columns.loq, "LOQ");
                        break;
                }
            }
        }
        lab.censored = IsCensored(lab.qualifier);
        if (reported && !(reported->number && *reported->number < 0)) {
            if (lab.qualifier == Qualifier::kDetected && lab.value) {
                if (*lab.value == 0) {
                    fail("monitoring.value_zero", "检出结果不能为 0；未检出请填 ND 并填写检出限",
                         "a detected result cannot be 0; report a non-detect as ND with its LOD", columns.result);
                } else if (lab.lod && *lab.value < *lab.lod) {
                    fail("monitoring.detected_below_lod",
                         "检出结果 " + FormatNumber(*lab.value) + " 低于本行检出限 " + FormatNumber(*lab.lod) +
                             "；应报未检出（<" + FormatNumber(*lab.lod) + "）",
                         "the detected result " + FormatNumber(*lab.value) + " is below the row's own LOD " +
                             FormatNumber(*lab.lod) + "; report it as a non-detect (<" + FormatNumber(*lab.lod) + ")",
                         columns.result);
                }
            }
            if (lab.censored && limit && !(*limit > 0)) {
                fail("monitoring.limit_not_positive", "未检出的限值须大于 0：" + ToMessageSnippet(lab.reported),
                     "the limit of a non-detect must be above 0: " + ToMessageSnippet(lab.reported), columns.result);
            }
            if (lab.qualifier == Qualifier::kDetectedNotQuantified && lab.value && lab.loq && *lab.value > *lab.loq) {
                fail("monitoring.dnq_above_loq",
                     "“检出未定量”的估计值 " + FormatNumber(*lab.value) + " 高于定量限 " + FormatNumber(*lab.loq),
                     "the estimate " + FormatNumber(*lab.value) + " of a DNQ result is above the LOQ " +
                         FormatNumber(*lab.loq),
                     columns.result);
            }
        }

        // Method, laboratory, QC.
        lab.method = take(columns.method);
        lab.laboratory = take(columns.laboratory);
        if (lab.laboratory.empty()) lab.laboratory = context.default_laboratory;
        if (lab.laboratory.empty()) {
            fail("monitoring.laboratory_missing", "未填写实验室", "the laboratory is empty", columns.laboratory);
        }
        auto read_qc = [&](const std::optional<std::size_t>& column, bool percent, std::optional<double>& out_value) {
            auto v = OptionalNumber(cell(cells, column), percent);
            if (!v) {
                fail_with(v.error(), column);
            } else if (*v && **v < 0) {
                fail("monitoring.qc_negative", "质控值不能为负", "a QC value cannot be negative", column);
            } else {
                out_value = *v;
            }
        };
        read_qc(columns.blank, false, lab.blank);
        read_qc(columns.spike_recovery, true, lab.spike_recovery_pct);
        read_qc(columns.duplicate_rpd, true, lab.duplicate_rpd_pct);

        const bool row_ok = out.errors.size() + static_cast<std::size_t>(out.errors_omitted) == errors_before;
        if (!row_ok || !site || !date_ok || !medium_ok || !unit) continue;

        // Normalised values.
        if (lab.censored) {
            lab.normalised_limit = *Normalise(*limit, *unit, lab.medium);
        } else {
            lab.normalised_value = *Normalise(*lab.value, *unit, lab.medium);
            if (lab.lod) lab.normalised_limit = *Normalise(*lab.lod, *unit, lab.medium);
        }

        // Event, sample and duplicates.
        const std::string event_key = std::to_string(lab.site_id) + "|" + lab.date.ToIsoString() + "|" + lab.time;
        auto [event_it, new_event] = event_index.emplace(event_key, out.events.size());
        if (new_event) {
            out.events.push_back({lab.site_id, lab.region_code, lab.date, lab.time, lab.sampler, row});
        } else if (LabEvent& event = out.events[event_it->second]; !lab.sampler.empty()) {
            if (event.sampler.empty()) {
                event.sampler = lab.sampler;
            } else if (event.sampler != lab.sampler) {
                fail("monitoring.sampler_conflict",
                     "同一次采样（" + code + "，" + lab.date.ToIsoString() + "）的采样人不一致：" + event.sampler + " / " + lab.sampler,
                     "one sampling event (" + code + ", " + lab.date.ToIsoString() + ") has two samplers: " +
                         event.sampler + " / " + lab.sampler,
                     columns.sampler);
                continue;
            }
        }
        const std::string sample_key =
            std::to_string(event_it->second) + "|" + SampleKey(lab.medium, lab.matrix, lab.depth_m);
        auto [sample_it, new_sample] = sample_index.emplace(sample_key, out.samples.size());
        if (new_sample) out.samples.push_back({event_it->second, lab.medium, lab.matrix, lab.depth_m});
        lab.sample_index = sample_it->second;
        const auto cas_it = cas_index.emplace(lab.cas, static_cast<std::uint32_t>(cas_index.size())).first;
        const std::uint64_t result_key = (static_cast<std::uint64_t>(lab.sample_index) << 24) | cas_it->second;
        if (auto [first, inserted] = first_row_of.emplace(result_key, row); !inserted) {
            fail("monitoring.duplicate_row",
                 "与第 " + std::to_string(first->second) + " 行重复（同一点位、采样日期与时间、介质、基质、深度和 CAS 号）",
                 "repeats row " + std::to_string(first->second) +
                     " (same site, sampling date and time, medium, matrix, depth and CAS number)",
                 columns.cas);
            continue;
        }
        out.rows.push_back(std::move(lab));
    }
    return out;
}

}  // namespace npgov::monitoring
