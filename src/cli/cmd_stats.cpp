// `npgov stats censored` and `npgov stats trend`: read a CSV file, call the stats engine, print
// a table or JSON. No database. Every bad cell is reported with its line and column (exit 65).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "engines/stats/censored_summary.hpp"
#include "engines/stats/mann_kendall.hpp"
#include "engines/stats/seasonal_kendall.hpp"
#include "engines/stats/sen_slope.hpp"

namespace npgov::cli {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error CellError(std::string reason, std::string zh, std::string en, std::string column, long line) {
    Error e = MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(column)).value();
    e.row = line;
    return e;
}

Result<CsvTable> LoadCsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "stats.input_unreadable", "无法读取输入文件：" + ToMessageSnippet(path, 80),
                         "cannot read the input file: " + ToMessageSnippet(path, 80), "input");
    }
    std::stringstream text;
    text << in.rdbuf();
    NPGOV_ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text.str()));
    for (std::string& name : table.header) name = ToLowerAscii(Trim(NormalizeFullWidth(name)));
    if (table.rows.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "stats.no_rows", "文件只有表头，没有数据行", "the file has a header but no rows");
    }
    return table;
}

Result<std::size_t> RequireColumn(const CsvTable& table, const std::string& name) {
    if (auto index = table.FindColumn(name)) return *index;
    std::string have;
    for (const std::string& h : table.header) have += (have.empty() ? "" : ", ") + h;
    return MakeError(ErrorCode::kInvalidArgument, "stats.column_missing", "缺少列 “" + name + "”（现有列：" + have + "）",
                     "column \"" + name + "\" is missing (columns: " + have + ")", name);
}

// Parses a plain decimal number (full-width digits accepted); nullopt if the cell is not one.
std::optional<double> ParseNumber(std::string_view cell) {
    const std::string text = NormalizeFullWidth(Trim(cell));
    double value = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    if (begin != end && *begin == '+') ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
    return value;
}

// Prints every error (text or JSON) and returns the exit code of the first.
int FailAll(CliContext& context, const std::vector<Error>& errors, bool json) {
    if (errors.size() == 1) return Fail(context, errors.front(), json);
    if (json) {
        nlohmann::json list = nlohmann::json::array();
        for (const Error& e : errors) {
            nlohmann::json item = {{"code", ToString(e.code)}, {"reason", e.reason}, {"message_zh", e.message_zh},
                                   {"message_en", e.message_en}};
            if (!e.field.empty()) item["field"] = e.field;
            if (e.row > 0) item["row"] = e.row;
            list.push_back(std::move(item));
        }
        context.out << nlohmann::json{{"errors", list}}.dump(2) << "\n";
    } else {
        context.err << "npgov: 输入有 " << errors.size() << " 处错误 / " << errors.size() << " errors in the input:\n";
        for (const Error& e : errors) context.err << "npgov: " << e.message_zh << " — " << e.Describe() << "\n";
    }
    return ExitCode(errors.front().code);
}

std::string Number(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", x);
    return buffer;
}

nlohmann::json OptionalJson(const std::optional<double>& x) { return x ? nlohmann::json(*x) : nlohmann::json(nullptr); }

nlohmann::json MethodJson(const stats::MethodInfo& how) {
    return {{"method", how.method}, {"version", how.version}, {"inputs", how.inputs}};
}

nlohmann::json RefusalJson(const Error& e) {
    return {{"refused", {{"code", ToString(e.code)}, {"reason", e.reason}, {"message_zh", e.message_zh}, {"message_en", e.message_en}}}};
}

// ---- stats censored ----

struct Group {
    std::string name;
    std::vector<stats::Observation> sample;
    std::vector<long> lines;  // source line of each observation
};

enum class Censoring { kNo, kYes, kUnstated };

std::optional<Censoring> ParseCensoredCell(std::string_view cell) {
    const std::string text = ToLowerAscii(Trim(NormalizeFullWidth(cell)));
    if (text.empty()) return Censoring::kUnstated;
    if (text == "true" || text == "1" || text == "<" || text == "yes" || text == "t" || text == "y") return Censoring::kYes;
    if (text == "false" || text == "0" || text == "no" || text == "f" || text == "n") return Censoring::kNo;
    return std::nullopt;
}

struct CensoredColumns {
    std::optional<std::size_t> group;
    std::size_t value = 0, censored = 0;
    std::optional<std::size_t> limit;
};

// Parses one row into `o`; appends errors for bad cells.
void ParseCensoredRow(const std::vector<std::string>& row, long line, const CensoredColumns& c, stats::Observation& o,
                      std::vector<Error>& errors) {
    const std::optional<Censoring> censoring = ParseCensoredCell(row[c.censored]);
    if (!censoring) {
        errors.push_back(CellError("stats.csv.censored", "censored 列应为 true/false/1/0/<：" + ToMessageSnippet(row[c.censored]),
                                   "censored must be true, false, 1, 0 or <: " + ToMessageSnippet(row[c.censored]), "censored", line));
        return;
    }
    double limit = kNaN;
    if (c.limit && !Trim(row[*c.limit]).empty()) {
        const auto parsed = ParseNumber(row[*c.limit]);
        if (!parsed) {
            errors.push_back(CellError("stats.csv.limit", "检出限不是数字：" + ToMessageSnippet(row[*c.limit]),
                                       "the limit is not a number: " + ToMessageSnippet(row[*c.limit]), "limit", line));
            return;
        }
        limit = *parsed;
    }
    const std::string normalized = NormalizeFullWidth(row[c.value]);
    const std::string value_text(Trim(normalized));
    bool censored = *censoring == Censoring::kYes;
    double value = kNaN;
    if (value_text.starts_with("<")) {
        if (*censoring == Censoring::kNo) {
            errors.push_back(CellError("stats.csv.censored_conflict", "数值带 “<” 但 censored 列为 false",
                                       "the value starts with \"<\" but censored is false", "value", line));
            return;
        }
        censored = true;
        const auto parsed = ParseNumber(std::string_view(value_text).substr(1));
        if (!parsed) {
            errors.push_back(CellError("stats.csv.value", "数值无法识别：" + ToMessageSnippet(value_text),
                                       "the value is not a number: " + ToMessageSnippet(value_text), "value", line));
            return;
        }
        value = *parsed;
        if (std::isnan(limit)) limit = value;
    } else if (value_text.empty() || ToLowerAscii(value_text) == "nd" || value_text == "未检出") {
        if (*censoring == Censoring::kNo || (*censoring == Censoring::kUnstated && value_text.empty())) {
            errors.push_back(CellError("stats.csv.value_missing", "检出结果缺少数值", "a detected result has no value", "value", line));
            return;
        }
        censored = true;
    } else {
        const auto parsed = ParseNumber(value_text);
        if (!parsed) {
            errors.push_back(CellError("stats.csv.value", "数值无法识别：" + ToMessageSnippet(value_text),
                                       "the value is not a number: " + ToMessageSnippet(value_text), "value", line));
            return;
        }
        value = *parsed;
        if (censored && std::isnan(limit)) limit = value;
    }
    o = {value, censored, limit};
}

Result<std::vector<Group>> ReadCensoredGroups(const StatsCensoredArgs& args, std::vector<Error>& errors) {
    NPGOV_ASSIGN_OR_RETURN(CsvTable table, LoadCsv(args.input));
    CensoredColumns columns;
    const std::string group_column = ToLowerAscii(args.group_by.value_or("group"));
    if (args.group_by) {
        NPGOV_ASSIGN_OR_RETURN(columns.group, RequireColumn(table, group_column));
    } else {
        columns.group = table.FindColumn("group");
    }
    NPGOV_ASSIGN_OR_RETURN(columns.value, RequireColumn(table, "value"));
    NPGOV_ASSIGN_OR_RETURN(columns.censored, RequireColumn(table, "censored"));
    columns.limit = table.FindColumn("limit");

    std::vector<Group> groups;
    std::map<std::string, std::size_t> index;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const long line = table.line_numbers[r];
        stats::Observation o;
        const std::size_t before = errors.size();
        ParseCensoredRow(row, line, columns, o, errors);
        if (errors.size() != before) continue;
        const std::string name = columns.group ? std::string(Trim(row[*columns.group])) : std::string("all");
        auto [it, inserted] = index.try_emplace(name, groups.size());
        if (inserted) groups.push_back({name, {}, {}});
        groups[it->second].sample.push_back(o);
        groups[it->second].lines.push_back(line);
    }
    // The engine's checks of each result (negative values, missing limits…), at their file lines.
    for (const Group& g : groups) {
        for (std::size_t i = 0; i < g.sample.size(); ++i) {
            auto status = stats::ValidateObservations(std::span(g.sample).subspan(i, 1));
            if (status) continue;
            Error e = status.error();
            e.row = g.lines[i];
            errors.push_back(std::move(e));
        }
    }
    std::stable_sort(errors.begin(), errors.end(), [](const Error& a, const Error& b) { return a.row < b.row; });
    return groups;
}

void PrintCensoredText(const Group& g, const stats::CensoredSummary& s, std::ostream& out) {
    const stats::DetectionFrequency& d = s.detection;
    out << "== " << g.name << " ==\n";
    out << "  n = " << d.n << ", 检出 detects = " << d.detects << ", 检出率 detection frequency = " << Number(100 * d.frequency)
        << " %";
    if (d.nondetects > 0) {
        out << "; 检出限 limits " << Number(d.min_limit);
        if (d.max_limit != d.min_limit) out << "–" << Number(d.max_limit);
        out << " (" << d.distinct_limits << " distinct)";
    }
    out << "\n";
    if (s.kaplan_meier) {
        const auto& km = *s.kaplan_meier;
        auto opt = [](const std::optional<double>& x) { return x ? Number(*x) : std::string("n/a（曲线未达到 / not reached）"); };
        out << "  Kaplan-Meier [" << km.how.method << " v" << km.how.version << "]: mean " << Number(km.mean) << " ± "
            << Number(km.mean_se) << " (SE), median " << opt(km.median) << ", P90 " << opt(km.p90) << ", P95 "
            << opt(km.p95) << "\n";
        if (km.lowest_treated_as_detect) {
            out << "    最低值为未检出，均值按其检出限计（偏高） / the lowest result is a non-detect, counted at its limit: "
                   "the mean is biased high\n";
        }
    } else {
        out << "  Kaplan-Meier: 拒绝估计 refused — " << s.kaplan_meier.error().message_zh << " / "
            << s.kaplan_meier.error().message_en << "\n";
    }
    if (s.ros) {
        const auto& ros = *s.ros;
        out << "  ROS [" << ros.how.method << " v" << ros.how.version << "]: mean " << Number(ros.mean) << ", sd "
            << Number(ros.sd) << ", median " << Number(ros.median) << ", P90 " << Number(ros.p90) << ", P95 "
            << Number(ros.p95) << "\n";
        if (ros.dropped > 0) {
            out << "    " << ros.dropped << " 个高于最大检出值的未检出结果未计入 / non-detect(s) above the largest detect left out\n";
        }
    } else {
        out << "  ROS: 拒绝估计 refused — " << s.ros.error().message_zh << " / " << s.ros.error().message_en << "\n";
    }
    out << "  LOD/2 替代法，仅供对照（有偏） / substitution, for comparison only (biased): mean " << Number(s.substitution.mean)
        << ", median " << Number(s.substitution.median) << "\n";
}

nlohmann::json CensoredJson(const Group& g, const stats::CensoredSummary& s) {
    const stats::DetectionFrequency& d = s.detection;
    nlohmann::json out = {{"group", g.name},
                          {"n", d.n},
                          {"detects", d.detects},
                          {"detection_frequency", d.frequency},
                          {"detection", MethodJson(d.how)}};
    if (d.nondetects > 0) out["limits"] = {{"distinct", d.distinct_limits}, {"min", d.min_limit}, {"max", d.max_limit}};
    if (s.kaplan_meier) {
        const auto& km = *s.kaplan_meier;
        out["kaplan_meier"] = MethodJson(km.how);
        out["kaplan_meier"].update({{"mean", km.mean}, {"mean_se", km.mean_se}, {"median", OptionalJson(km.median)},
                                    {"p90", OptionalJson(km.p90)}, {"p95", OptionalJson(km.p95)},
                                    {"lowest_treated_as_detect", km.lowest_treated_as_detect}});
    } else {
        out["kaplan_meier"] = RefusalJson(s.kaplan_meier.error());
    }
    if (s.ros) {
        const auto& ros = *s.ros;
        out["ros"] = MethodJson(ros.how);
        out["ros"].update({{"n", ros.n}, {"dropped", ros.dropped}, {"mean", ros.mean}, {"sd", ros.sd},
                           {"median", ros.median}, {"p90", ros.p90}, {"p95", ros.p95},
                           {"intercept", ros.intercept}, {"slope", ros.slope}});
    } else {
        out["ros"] = RefusalJson(s.ros.error());
    }
    out["substitution_lod_half"] = MethodJson(s.substitution.how);
    out["substitution_lod_half"].update({{"note", "for comparison only; biased (Helsel 2012 ch. 1)"},
                                         {"mean", s.substitution.mean}, {"sd", s.substitution.sd},
                                         {"median", s.substitution.median}, {"substituted", s.substitution.substituted}});
    return out;
}

// ---- stats trend ----

// Decimal year of a date: year + (day of year − 1) / days in that year.
double DecimalYear(Date date) {
    const Date jan1{date.year, 1, 1};
    const int days_in_year = DaysBetween(jan1, Date{date.year + 1, 1, 1});
    return date.year + static_cast<double>(DaysBetween(jan1, date)) / days_in_year;
}

std::optional<double> ParseTime(std::string_view cell) {
    if (auto number = ParseNumber(cell)) return number;
    if (auto date = Date::Parse(cell)) return DecimalYear(*date);
    return std::nullopt;
}

}  // namespace

int RunStatsCensored(const StatsCensoredArgs& args, CliContext& context) {
    std::vector<Error> errors;
    auto groups = ReadCensoredGroups(args, errors);
    if (!groups) return Fail(context, groups.error(), args.json);
    if (!errors.empty()) return FailAll(context, errors, args.json);
    nlohmann::json list = nlohmann::json::array();
    for (const Group& g : *groups) {
        auto summary = stats::SummarizeCensored(g.sample);
        if (!summary) return Fail(context, summary.error(), args.json);  // only bad samples fail: checked above
        if (args.json) {
            list.push_back(CensoredJson(g, *summary));
        } else {
            PrintCensoredText(g, *summary, context.out);
        }
    }
    if (args.json) context.out << nlohmann::json{{"input", args.input}, {"groups", list}}.dump(2) << "\n";
    return kExitOk;
}

int RunStatsTrend(const StatsTrendArgs& args, CliContext& context) {
    auto table = LoadCsv(args.input);
    if (!table) return Fail(context, table.error(), args.json);
    auto time_column = RequireColumn(*table, "time");
    if (!time_column) return Fail(context, time_column.error(), args.json);
    auto value_column = RequireColumn(*table, "value");
    if (!value_column) return Fail(context, value_column.error(), args.json);
    const std::optional<std::size_t> season_column = table->FindColumn("season");

    std::vector<Error> errors;
    std::vector<stats::TrendPoint> points;
    std::vector<std::string> season_labels;
    std::map<std::string, int> season_index;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const auto& row = table->rows[r];
        const long line = table->line_numbers[r];
        const auto time = ParseTime(row[*time_column]);
        const auto value = ParseNumber(row[*value_column]);
        if (!time) {
            errors.push_back(CellError("stats.csv.time", "时间应为日期或小数年：" + ToMessageSnippet(row[*time_column]),
                                       "time must be a date or a decimal year: " + ToMessageSnippet(row[*time_column]), "time", line));
        }
        if (!value || !std::isfinite(*value)) {
            errors.push_back(CellError("stats.csv.value", "数值无法识别：" + ToMessageSnippet(row[*value_column]),
                                       "the value is not a number: " + ToMessageSnippet(row[*value_column]), "value", line));
        }
        int season = 0;
        if (season_column) {
            const std::string label(Trim(NormalizeFullWidth(row[*season_column])));
            if (label.empty()) {
                errors.push_back(CellError("stats.csv.season", "季节为空", "the season is empty", "season", line));
            } else {
                auto [it, inserted] = season_index.try_emplace(label, static_cast<int>(season_labels.size()));
                if (inserted) season_labels.push_back(label);
                season = it->second;
            }
        }
        if (time && value) points.push_back({*time, *value, season});
    }
    if (!errors.empty()) return FailAll(context, errors, args.json);

    auto mk = stats::ComputeMannKendall(points);
    if (!mk) return Fail(context, mk.error(), args.json);
    auto sen = stats::ComputeSenSlope(points);
    if (!sen) return Fail(context, sen.error(), args.json);
    std::optional<Result<stats::SeasonalKendall>> seasonal;
    if (season_column) seasonal = stats::ComputeSeasonalKendall(points);

    if (args.json) {
        nlohmann::json out = {{"input", args.input}, {"n", points.size()}};
        out["mann_kendall"] = MethodJson(mk->how);
        out["mann_kendall"].update({{"s", mk->s}, {"variance", mk->variance}, {"z", mk->z}, {"p_value", mk->p_value},
                                    {"p_normal", mk->p_normal}, {"p_exact", OptionalJson(mk->p_exact)}, {"tau_b", mk->tau}});
        out["sen_slope"] = MethodJson(sen->how);
        out["sen_slope"].update({{"slope_per_year", sen->slope}, {"intercept", sen->intercept}, {"lower", sen->lower},
                                 {"upper", sen->upper}, {"confidence", sen->confidence}});
        if (seasonal && *seasonal) {
            const auto& sk = **seasonal;
            nlohmann::json seasons = nlohmann::json::array();
            for (const auto& c : sk.seasons) {
                seasons.push_back({{"season", season_labels[static_cast<std::size_t>(c.season)]}, {"n", c.n}, {"s", c.s},
                                   {"variance", c.variance}});
            }
            out["seasonal_kendall"] = MethodJson(sk.how);
            out["seasonal_kendall"].update({{"s", sk.s}, {"variance", sk.variance}, {"z", sk.z}, {"p_value", sk.p_value},
                                            {"slope_per_year", sk.slope}, {"lower", sk.lower}, {"upper", sk.upper},
                                            {"confidence", sk.confidence}, {"seasons", seasons}});
        } else if (seasonal) {
            out["seasonal_kendall"] = RefusalJson(seasonal->error());
        }
        context.out << out.dump(2) << "\n";
        return kExitOk;
    }
    auto& out = context.out;
    out << "n = " << points.size() << "\n";
    out << "Mann-Kendall [" << mk->how.method << " v" << mk->how.version << "]: S = " << mk->s << ", Var(S) = "
        << Number(mk->variance) << ", Z = " << Number(mk->z) << ", p = " << Number(mk->p_value)
        << (mk->p_exact ? " (exact)" : " (normal approximation, continuity corrected)") << ", tau-b = " << Number(mk->tau)
        << "\n";
    out << "Sen slope [" << sen->how.method << " v" << sen->how.version << "]: " << Number(sen->slope) << " per year ("
        << Number(100 * sen->confidence) << " % CI " << Number(sen->lower) << " … " << Number(sen->upper) << ")\n";
    if (seasonal && *seasonal) {
        const auto& sk = **seasonal;
        out << "Seasonal Kendall [" << sk.how.method << " v" << sk.how.version << ", " << sk.seasons.size()
            << " seasons]: S = " << sk.s << ", Var(S) = " << Number(sk.variance) << ", Z = " << Number(sk.z) << ", p = "
            << Number(sk.p_value) << "; seasonal Sen slope " << Number(sk.slope) << " per year ("
            << Number(100 * sk.confidence) << " % CI " << Number(sk.lower) << " … " << Number(sk.upper) << ")\n";
    } else if (seasonal) {
        out << "Seasonal Kendall: 拒绝 refused — " << seasonal->error().message_zh << " / " << seasonal->error().message_en << "\n";
    }
    return kExitOk;
}

}  // namespace npgov::cli
