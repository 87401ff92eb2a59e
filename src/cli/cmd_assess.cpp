// `npgov assess pnec`: ecotoxicity records (CSV in UTF-8 or GBK, xlsx, or JSON) in; the PNEC by
// assessment factors and by a species sensitivity distribution out, each with its derivation
// step by step, its data gaps and, where the data do not allow it, a refusal. No database.
// Every bad cell is reported with its row and column (exit 65). The other `assess` verbs live in
// their own files and add themselves to the same group (see cli.cpp).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/text.hpp"
#include "engines/assess/pnec_assessment.hpp"
#include "engines/tabular/table.hpp"

namespace npgov::cli {

namespace {

using nlohmann::json;
using namespace npgov::assess;

constexpr const char* kUnit = "μg/L";

constexpr const char* kInputFormat = R"(Input (docs/assessment.md): one ecotoxicity result per row.
CSV (UTF-8 or GBK) or xlsx with the columns
  species, taxon_group, endpoint, duration, value, unit, reliability, source [, exposure]
(Chinese headers: 物种, 类群, 终点, 暴露时间, 数值, 单位, 可靠性, 来源, 暴露类型), or JSON:
  [{"species": "Daphnia magna", "taxon_group": "crustacean", "endpoint": "EC50",
    "duration": "48 h", "value": 1.2, "unit": "mg/L", "reliability": 2, "source": "…"}, …]
  (or {"records": [...]}).
taxon_group: fish, amphibian, crustacean, insect, mollusc, annelid, rotifer, cnidarian,
  other_invertebrate, algae, cyanobacteria, higher_plant, protozoa, bacteria (or 鱼类, 溞, 藻类…).
endpoint: LC50, EC50, ErC50, EbC50, IC50 (short-term); NOEC, EC10 (long-term); LOEC, EC20,
  MATC are kept but not used. exposure (acute/chronic) is inferred from the endpoint if blank.
unit: ng/L, μg/L (ug/L), mg/L, g/L. reliability: Klimisch 1–4; 3, 4 and blank are not used.
value: "> 100" or "< 0.1" are kept but not used.)";

struct AssessPnecArgs {
    std::string input;
    std::optional<std::string> factors;  // default <data_dir>/assess/pnec_factors.json
    std::optional<double> ssd_factor;    // SSD assessment factor, 1–5
    bool json = false;
};

Error ColumnError(const std::string& missing, const std::string& have) {
    return MakeError(ErrorCode::kInvalidArgument, "assess.columns", "缺少列：" + missing + "（现有列：" + have + "）",
                     "missing columns: " + missing + " (columns: " + have + ")", missing)
        .value();
}

// The columns and their accepted headers; `required` columns must be present (cells may be
// blank where the field allows it).
struct ColumnSpec {
    const char* field;
    std::initializer_list<std::string_view> names;
    bool required;
};
const ColumnSpec kColumns[] = {
    {"species", {"species", "物种", "物种名", "受试物种", "species name"}, true},
    {"taxon_group", {"taxon_group", "taxon group", "group", "taxonomic group", "类群", "生物类群", "分类群"}, true},
    {"endpoint", {"endpoint", "终点", "毒性终点"}, true},
    {"duration", {"duration", "暴露时间", "试验时间", "持续时间"}, true},
    {"value", {"value", "数值", "毒性值", "浓度"}, true},
    {"unit", {"unit", "units", "单位"}, true},
    {"reliability", {"reliability", "klimisch", "可靠性", "可靠性等级"}, true},
    {"source", {"source", "reference", "来源", "数据来源", "文献"}, true},
    {"exposure", {"exposure", "exposure type", "暴露类型", "急慢性"}, false},
};

std::string* FieldOf(EcotoxRow& row, std::string_view field) {
    if (field == "species") return &row.species;
    if (field == "taxon_group") return &row.taxon_group;
    if (field == "endpoint") return &row.endpoint;
    if (field == "duration") return &row.duration;
    if (field == "value") return &row.value;
    if (field == "unit") return &row.unit;
    if (field == "reliability") return &row.reliability;
    if (field == "source") return &row.source;
    if (field == "exposure") return &row.exposure;
    return nullptr;
}

Result<std::vector<EcotoxRow>> RowsFromTable(std::string_view bytes) {
    NPGOV_ASSIGN_OR_RETURN(tabular::Table table, tabular::ReadTable(bytes));
    std::vector<std::pair<std::size_t, const char*>> columns;
    std::string missing;
    for (const ColumnSpec& c : kColumns) {
        if (auto index = table.FindColumn(c.names)) {
            columns.emplace_back(*index, c.field);
        } else if (c.required) {
            missing += (missing.empty() ? "" : ", ") + std::string(c.field);
        }
    }
    if (!missing.empty()) {
        std::string have;
        for (const std::string& h : table.header) have += (have.empty() ? "" : ", ") + h;
        return tl::unexpected(ColumnError(missing, have));
    }
    std::vector<EcotoxRow> rows;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        EcotoxRow row;
        row.row = table.source_rows[r];
        for (const auto& [index, field] : columns) *FieldOf(row, field) = table.rows[r][index];
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::vector<EcotoxRow>> RowsFromJson(std::string_view text) {
    json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_object() && root.contains("records")) root = root["records"];
    if (root.is_discarded() || !root.is_array()) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.json", "JSON 输入须为记录数组或 {\"records\": [...]}",
                         "JSON input must be an array of records or {\"records\": [...]}", "input");
    }
    std::vector<EcotoxRow> rows;
    for (std::size_t i = 0; i < root.size(); ++i) {
        const json& item = root[i];
        EcotoxRow row;
        row.row = static_cast<long>(i + 1);
        if (!item.is_object()) {
            Error e = MakeError(ErrorCode::kInvalidArgument, "assess.json", "第 " + std::to_string(i + 1) + " 条记录不是对象",
                                "record " + std::to_string(i + 1) + " is not an object", "records")
                          .value();
            e.row = row.row;
            return tl::unexpected(e);
        }
        for (const auto& [key, value] : item.items()) {
            std::string* field = FieldOf(row, key);
            if (field == nullptr) {
                Error e = MakeError(ErrorCode::kInvalidArgument, "assess.json", "未知字段“" + ToMessageSnippet(key) + "”",
                                    "unknown field \"" + ToMessageSnippet(key) + "\"", key)
                              .value();
                e.row = row.row;
                return tl::unexpected(e);
            }
            if (value.is_string()) {
                *field = value.get<std::string>();
            } else if (value.is_number()) {
                *field = value.dump();  // shortest round-trip form
            } else if (!value.is_null()) {
                Error e = MakeError(ErrorCode::kInvalidArgument, "assess.json", "字段“" + key + "”须为文本或数值",
                                    "field \"" + key + "\" must be text or a number", key)
                              .value();
                e.row = row.row;
                return tl::unexpected(e);
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

bool LooksLikeJson(const std::string& path, std::string_view bytes) {
    const std::string ext = ToLowerAscii(std::filesystem::path(path).extension().string());
    if (ext == ".json") return true;
    const std::string_view trimmed = Trim(bytes);
    return !trimmed.empty() && (trimmed.front() == '[' || trimmed.front() == '{');
}

int FailAll(CliContext& context, const std::vector<Error>& errors, bool as_json) {
    if (errors.size() == 1) return Fail(context, errors.front(), as_json);
    if (as_json) {
        json list = json::array();
        for (const Error& e : errors) {
            json item = {{"code", ToString(e.code)}, {"reason", e.reason}, {"message_zh", e.message_zh}, {"message_en", e.message_en}};
            if (!e.field.empty()) item["field"] = e.field;
            if (e.row > 0) item["row"] = e.row;
            list.push_back(std::move(item));
        }
        context.out << json{{"errors", list}}.dump(2) << "\n";
    } else {
        context.err << "npgov: 输入有 " << errors.size() << " 处错误 / " << errors.size() << " errors in the input:\n";
        for (const Error& e : errors) context.err << "npgov: " << e.message_zh << " — " << e.Describe() << "\n";
    }
    return ExitCode(errors.front().code);
}

// ---- JSON rendering ----

json Opt(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

json Concentration(double ug_per_l) { return {{"value", ug_per_l}, {"unit", kUnit}}; }

json StepsJson(const std::vector<DerivationStep>& steps) {
    json out = json::array();
    for (const DerivationStep& s : steps) {
        json numbers = json::array();
        for (const StepNumber& n : s.numbers) numbers.push_back({{"name", n.name}, {"value", n.value}, {"unit", n.unit}});
        out.push_back({{"id", s.id}, {"zh", s.zh}, {"en", s.en}, {"numbers", numbers}});
    }
    return out;
}

json GapsJson(const std::vector<DataGap>& gaps) {
    json out = json::array();
    for (const DataGap& g : gaps) out.push_back({{"id", g.id}, {"zh", g.zh}, {"en", g.en}});
    return out;
}

json RefusalJson(const std::optional<Error>& e) {
    if (!e) return nullptr;
    return {{"code", ToString(e->code)}, {"reason", e->reason}, {"message_zh", e->message_zh}, {"message_en", e->message_en}};
}

json LevelJson(const std::optional<TrophicLevel>& level) { return level ? json(std::string(ToId(*level))) : json(nullptr); }

json SpeciesJson(const SpeciesValue& s) {
    json endpoints = json::array();
    for (const EndpointMean& e : s.endpoints) {
        endpoints.push_back({{"endpoint", e.endpoint}, {"geometric_mean", e.geometric_mean_ug_per_l},
                             {"values", e.values_ug_per_l}, {"rows", e.rows}});
    }
    return {{"species", s.species}, {"taxon_group", s.taxon_group}, {"trophic_level", LevelJson(s.trophic_level)},
            {"exposure", std::string(ToId(s.exposure))}, {"endpoint", s.endpoint}, {"value", s.value_ug_per_l},
            {"unit", kUnit}, {"endpoints", endpoints}};
}

json AfJson(const AfDerivation& d) {
    json levels = json::array();
    for (const LevelData& l : d.levels) {
        auto brief = [](const std::optional<SpeciesValue>& s) -> json {
            if (!s) return nullptr;
            return {{"species", s->species}, {"endpoint", s->endpoint}, {"value", s->value_ug_per_l}, {"unit", kUnit}};
        };
        levels.push_back({{"level", std::string(ToId(l.level))}, {"short_term_species", l.short_term_species},
                          {"long_term_species", l.long_term_species}, {"lowest_short_term", brief(l.short_term)},
                          {"lowest_long_term", brief(l.long_term)}});
    }
    json critical = nullptr;
    if (d.critical) {
        critical = {{"species", d.critical->species}, {"taxon_group", d.critical->taxon_group},
                    {"trophic_level", LevelJson(d.critical->trophic_level)}, {"endpoint", d.critical->endpoint},
                    {"exposure", std::string(ToId(d.critical->exposure))}, {"value", d.critical->value_ug_per_l}, {"unit", kUnit}};
    }
    return {{"method", d.method},
            {"version", d.version},
            {"applied", d.pnec_ug_per_l.has_value()},
            {"table_row", d.row ? json(*d.row) : json(nullptr)},
            {"assessment_factor", Opt(d.factor)},
            {"critical_value", critical},
            {"pnec", d.pnec_ug_per_l ? Concentration(*d.pnec_ug_per_l) : json(nullptr)},
            {"levels", levels},
            {"steps", StepsJson(d.steps)},
            {"missing", GapsJson(d.missing)},
            {"refusal", RefusalJson(d.refusal)}};
}

json SsdJson(const SsdDerivation& d) {
    json points = json::array();
    for (const SsdPoint& p : d.points) {
        points.push_back({{"species", p.species}, {"taxon_group", p.taxon_group}, {"endpoint", p.endpoint},
                          {"value", p.value_ug_per_l}, {"log10_value", p.log10_value},
                          {"plotting_position", p.plotting_position}, {"records", p.records}});
    }
    json out = {{"method", d.method},
                {"version", d.version},
                {"fit_version", kSsdVersion},
                {"applied", d.pnec_ug_per_l.has_value()},
                {"unit", kUnit},
                {"species", points},
                {"taxonomic_groups", d.taxonomic_groups},
                {"assessment_factor", d.assessment_factor},
                {"steps", StepsJson(d.steps)},
                {"missing", GapsJson(d.missing)},
                {"notes", GapsJson(d.notes)},
                {"refusal", RefusalJson(d.refusal)}};
    out["fit"] = d.fit ? json{{"distribution", "log-normal"}, {"n", d.fit->n}, {"mean_log10", d.fit->mean}, {"sd_log10", d.fit->sd}}
                       : json(nullptr);
    if (d.hc5) {
        out["hc5"] = {{"median", *d.hc5_ug_per_l},
                      {"lower", *d.hc5_lower_ug_per_l},
                      {"upper", *d.hc5_upper_ug_per_l},
                      {"unit", kUnit},
                      {"interval", d.hc5->interval},
                      {"k", {{"median", d.hc5->k.median}, {"lower_limit", d.hc5->k.lower_limit},
                             {"upper_limit", d.hc5->k.upper_limit}, {"noncentrality", d.hc5->k.noncentrality}}}};
    } else {
        out["hc5"] = nullptr;
    }
    if (d.goodness_of_fit) {
        const NormalityTest& t = *d.goodness_of_fit;
        out["goodness_of_fit"] = {{"anderson_darling", t.anderson_darling},
                                  {"anderson_darling_modified", t.anderson_darling_modified},
                                  {"critical_value", t.critical_value},
                                  {"significance", t.significance},
                                  {"rejected", t.rejected},
                                  {"kolmogorov_smirnov", t.kolmogorov_smirnov}};
    } else {
        out["goodness_of_fit"] = nullptr;
    }
    json curve = json::array();
    for (const CurvePoint& p : d.curve) {
        curve.push_back({{"fraction", p.fraction}, {"fitted", std::pow(10.0, p.log10_fitted)}, {"median", std::pow(10.0, p.log10_median)},
                         {"lower", std::pow(10.0, p.log10_lower)}, {"upper", std::pow(10.0, p.log10_upper)}});
    }
    out["curve"] = curve;
    out["pnec"] = d.pnec_ug_per_l ? Concentration(*d.pnec_ug_per_l) : json(nullptr);
    return out;
}

json AssessmentJson(const AssessPnecArgs& args, const std::string& factors_file, const PnecAssessment& a) {
    json excluded = json::array();
    for (const EcotoxRecord& r : a.records) {
        if (!r.excluded) continue;
        excluded.push_back({{"row", r.row}, {"species", r.species}, {"endpoint", r.endpoint}, {"reason", r.excluded->id},
                            {"message_zh", r.excluded->zh}, {"message_en", r.excluded->en}});
    }
    json short_term = json::array(), long_term = json::array();
    for (const SpeciesValue& s : a.short_term) short_term.push_back(SpeciesJson(s));
    for (const SpeciesValue& s : a.long_term) long_term.push_back(SpeciesJson(s));
    json lowest = nullptr;
    if (a.lowest) {
        const double value = *a.lowest == "ssd" ? *a.ssd.pnec_ug_per_l : *a.assessment_factor.pnec_ug_per_l;
        lowest = {{"method", *a.lowest}, {"value", value}, {"unit", kUnit}};
    }
    return {{"input", args.input},
            {"engine", {{"name", "assess"}, {"version", a.version}}},
            {"factors", {{"id", a.factors_id}, {"version", a.factors_version}, {"file", factors_file}}},
            {"records", {{"total", a.records.size()}, {"used", a.used_records}, {"excluded", excluded}}},
            {"species_values", {{"short_term", short_term}, {"long_term", long_term}}},
            {"assessment_factor", AfJson(a.assessment_factor)},
            {"ssd", SsdJson(a.ssd)},
            {"lowest_pnec", lowest}};
}

// ---- text rendering ----

void PrintSteps(std::ostream& out, const std::vector<DerivationStep>& steps) {
    int i = 1;
    for (const DerivationStep& s : steps) {
        out << "  " << i++ << ". " << s.zh << "\n     " << s.en << "\n";
    }
}

void PrintGaps(std::ostream& out, const char* title, const std::vector<DataGap>& gaps) {
    if (gaps.empty()) return;
    out << "  " << title << "\n";
    for (const DataGap& g : gaps) out << "   - " << g.zh << " / " << g.en << "\n";
}

void PrintText(std::ostream& out, const PnecAssessment& a) {
    out << "记录 records: " << a.records.size() << "，采用 used " << a.used_records << "\n";
    for (const EcotoxRecord& r : a.records) {
        if (r.excluded) out << "  第 " << r.row << " 行 row " << r.row << " (" << r.species << "): " << r.excluded->zh << " / " << r.excluded->en << "\n";
    }
    const AfDerivation& af = a.assessment_factor;
    out << "\n== 评估因子法 Assessment factors [" << af.method << " v" << af.version << "] ==\n";
    PrintSteps(out, af.steps);
    PrintGaps(out, "缺少的数据 missing:", af.missing);
    const SsdDerivation& ssd = a.ssd;
    out << "\n== 物种敏感度分布法 Species sensitivity distribution [v" << ssd.version << "] ==\n";
    PrintSteps(out, ssd.steps);
    PrintGaps(out, "缺少的数据 missing:", ssd.missing);
    PrintGaps(out, "提示 notes:", ssd.notes);
    out << "\n";
    if (a.lowest) {
        const double value = *a.lowest == "ssd" ? *ssd.pnec_ug_per_l : *af.pnec_ug_per_l;
        out << "较低的 PNEC / lower PNEC: " << value << " " << kUnit << " ("
            << (*a.lowest == "ssd" ? "物种敏感度分布法 SSD" : "评估因子法 assessment factors") << ")\n";
    } else {
        out << "两种方法均无法推导 PNEC / neither method could derive a PNEC\n";
    }
}

int RunAssessPnec(const AssessPnecArgs& args, const config::Config& config, CliContext& context) {
    const std::string factors_file =
        args.factors.value_or((std::filesystem::path(config.data_dir) / "assess" / "pnec_factors.json").string());
    auto factors_text = ReadInputFile(factors_file);
    if (!factors_text) return Fail(context, factors_text.error(), args.json);
    auto factors = ParsePnecFactors(*factors_text);
    if (!factors) return Fail(context, factors.error(), args.json);

    auto bytes = ReadInputFile(args.input);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto rows = LooksLikeJson(args.input, *bytes) ? RowsFromJson(*bytes) : RowsFromTable(*bytes);
    if (!rows) return Fail(context, rows.error(), args.json);
    EcotoxParse parsed = ParseEcotoxRows(*rows, *factors);
    if (!parsed.errors.empty()) return FailAll(context, parsed.errors, args.json);

    PnecParams params;
    params.ssd.assessment_factor = args.ssd_factor;
    auto assessment = AssessPnec(std::move(parsed.records), *factors, params);
    if (!assessment) return Fail(context, assessment.error(), args.json);
    if (args.json) {
        context.out << AssessmentJson(args, factors_file, *assessment).dump(2) << "\n";
    } else {
        PrintText(context.out, *assessment);
    }
    return kExitOk;
}

}  // namespace

void AddAssessPnecCommand(CLI::App& assess, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto args = std::make_shared<AssessPnecArgs>();
    auto* cmd = assess.add_subcommand("pnec", "PNEC by assessment factors and by species sensitivity distribution, step by step");
    cmd->footer(kInputFormat);
    cmd->add_option("--input", args->input, "ecotoxicity records: CSV (UTF-8/GBK), xlsx or JSON")->required();
    cmd->add_option("--factors", args->factors, "parameter file (default <data_dir>/assess/pnec_factors.json)");
    cmd->add_option("--ssd-factor", args->ssd_factor, "assessment factor on HC5, 1–5 (default 5)");
    cmd->add_flag("--json", args->json, "print JSON");
    cmd->callback([args, &action, &context] {
        action = [args, &context](const config::Config& c) { return RunAssessPnec(*args, c, context); };
    });
}

}  // namespace npgov::cli
