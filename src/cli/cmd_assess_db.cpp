// `npgov assess screen|risk`: screening of the whole registry (stored as a run) and the risk
// assessment of one substance, on the configured database, acting as the bureau ("system:cli",
// full rights).
#include <cmath>
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/on_run.hpp"
#include "modules/assessment/assessment_json.hpp"
#include "modules/assessment/number_text.hpp"
#include "modules/assessment/screening_json.hpp"

namespace npgov::cli {
namespace {

using nlohmann::json;

const auth::Principal kCli{0, "system:cli", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};

struct AssessScreenArgs {
    std::optional<int> year;
    int top = 50;  // rows printed; 0 = all
    bool json = false;
};

struct AssessRiskArgs {
    std::string cas;
    std::string pnec_method = "lowest";
    bool save = false;
    std::string comment;
    bool json = false;
};

std::string Score(const json& dimension) {
    const json& score = dimension["score"];
    std::string out = score.is_number() ? assessment::FormatNumber(score.get<double>()) : "—";
    if (dimension.value("data_gap", false)) out += "*";
    return out;
}

// Pads to a display width, counting a CJK character as two columns.
std::string Pad(const std::string& text, std::size_t width) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        columns += len >= 3 ? 2 : 1;
        i += len;
    }
    return columns >= width ? text + " " : text + std::string(width - columns, ' ');
}

int RunAssessScreen(const AssessScreenArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    if (!s.assessment) return Fail(context, MakeError(ErrorCode::kInternal, "cli.wiring", "评估模块未接入", "the assessment module is not wired").value(), args.json);
    assessment::RunRequest request;
    request.year = args.year;
    auto run = s.assessment->screening.Run(request, kCli, [&](const assessment::RunProgress& p) {
        if (!args.json) context.err << "  " << p.phase << " (" << p.done << "/" << p.total << ")\n";
    });
    if (!run) return Fail(context, run.error(), args.json);
    const std::int64_t limit = args.top <= 0 ? run->substances : args.top;
    auto page = s.assessment->screening.Find(run->id, {}, kCli, PageRequest{1, static_cast<int>(std::max<std::int64_t>(limit, 1))});
    if (!page) return Fail(context, page.error(), args.json);
    const json texts = json::parse(page->run.texts_json, nullptr, false);
    if (args.json) {
        json rows = json::array();
        for (const auto& r : page->rows.items) rows.push_back(assessment::ToJson(r, texts));
        context.out << json{{"run", assessment::ToJson(page->run, true)}, {"rows", rows}, {"rows_total", page->rows.total}}.dump(2)
                    << "\n";
        return kExitOk;
    }
    const json summary = json::parse(run->summary_json, nullptr, false);
    context.out << "screening run " << run->id << ": " << run->substances << " substances, engine v" << run->engine_version
                << ", parameters " << run->params_id << " v" << run->params_version << ", survey year "
                << (run->survey_year ? std::to_string(*run->survey_year) : "none") << "\n"
                << "inputs sha256 " << run->inputs_sha256 << "\n";
    if (summary.is_object() && summary.contains("timings_ms")) {
        context.out << "time " << assessment::FormatNumber(summary["timings_ms"].value("total", 0.0)) << " ms\n";
    }
    context.out << Pad("rank", 6) << Pad("CAS", 14) << Pad("name", 28) << Pad("category", 19) << Pad("total", 8)
                << Pad("hazard", 8) << Pad("volume", 8) << Pad("detect", 8) << "use\n";
    for (const auto& r : page->rows.items) {
        const json row = assessment::ToJson(r, texts);
        std::string dims[4];
        for (std::size_t i = 0; i < 4 && i < row["dimensions"].size(); ++i) dims[i] = Score(row["dimensions"][i]);
        context.out << Pad(std::to_string(r.rank), 6) << Pad(r.cas.empty() ? "-" : r.cas, 14)
                    << Pad(r.name_zh.size() > 36 ? r.name_zh.substr(0, 36) : r.name_zh, 28) << Pad(r.category, 19)
                    << Pad(assessment::FormatNumber(row.value("total", 0.0)), 8) << Pad(dims[0], 8) << Pad(dims[1], 8)
                    << Pad(dims[2], 8) << dims[3] << "\n";
    }
    if (page->rows.total > static_cast<std::int64_t>(page->rows.items.size())) {
        context.out << "… " << page->rows.total - static_cast<std::int64_t>(page->rows.items.size())
                    << " more (--top 0 prints all)\n";
    }
    context.out << "* data gap: the dimension ranks with its gap fill, not as harmless\n";
    if (summary.is_object() && summary.contains("counts")) {
        context.out << "categories:";
        for (const auto& [category, count] : summary["counts"].items()) context.out << " " << category << " " << count;
        context.out << "\n";
    }
    return kExitOk;
}

void PrintSteps(std::ostream& out, const json& steps) {
    for (const auto& s : steps) out << "    - " << s.value("zh", "") << " / " << s.value("en", "") << "\n";
}

void PrintRisk(std::ostream& out, const json& a) {
    const json& s = a["substance"];
    out << s.value("name_zh", "") << " " << s.value("name_en", "") << " (CAS " << s.value("cas", "") << ", id "
        << s.value("id", 0) << ")  risk assessment v" << a.value("version", "") << ", " << a.value("computed_at", "") << "\n";
    const json& pnec = a["pnec"];
    out << "\nPNEC\n";
    if (pnec["adopted"].is_object()) {
        out << "  adopted " << assessment::FormatNumber(pnec["adopted"]["value"].get<double>()) << " μg/L ("
            << pnec["adopted"].value("method", "") << "): " << pnec.value("adopted_en", "") << "\n";
    } else {
        out << "  none: " << pnec.value("adopted_en", "") << "\n";
    }
    for (const char* method : {"assessment_factor", "ssd"}) {
        if (!pnec[method].is_object()) continue;
        out << "  " << method << ": " << (pnec[method]["pnec"].is_object()
                                              ? assessment::FormatNumber(pnec[method]["pnec"]["value"].get<double>()) + " μg/L"
                                              : std::string("not derived"))
            << "\n";
        PrintSteps(out, pnec[method]["steps"]);
        for (const auto& g : pnec[method]["missing"]) out << "    missing: " << g.value("en", "") << "\n";
    }
    for (const auto& r : pnec["group_refinements"]) out << "  group: " << r.get<std::string>() << "\n";
    for (const auto& r : pnec["set_aside"]) out << "  set aside: " << r.get<std::string>() << "\n";

    out << "\nMEC (measured)\n";
    if (a["mec"].empty()) out << "  never monitored\n";
    for (const auto& m : a["mec"]) {
        out << "  " << Pad(m.value("medium", ""), 9)
            << (m["value"].is_number() ? assessment::FormatNumber(m["value"].get<double>()) + " " + m.value("unit", "")
                                       : std::string("—"))
            << "  " << m.value("statistic", "") << "; " << m.value("detects", 0) << "/" << m.value("samples", 0)
            << " detected at " << m.value("sites", 0) << " site(s); " << m.value("why_en", "") << "\n";
    }
    out << "\nPEC (Level III, survey emissions)\n";
    const json& pec = a["pec"];
    if (pec["result"].is_object()) {
        for (const auto& c : pec["result"]["compartments"]) {
            out << "  " << Pad(c.value("compartment", ""), 9) << Pad(assessment::FormatNumber(c["pec"].get<double>()) + " " +
                                                                    c.value("pec_unit", ""), 20)
                << assessment::FormatNumber(c["percent"].get<double>()) << " %\n";
        }
        out << "  residence time " << assessment::FormatNumber(pec["result"]["residence_time_h"].get<double>()) << " h\n";
    } else {
        out << "  not computed\n";
    }
    for (const auto& g : pec["missing"]) out << "  missing: " << g.value("en", "") << "\n";
    for (const auto& x : pec["assumptions"]) out << "  assumed: " << x.get<std::string>() << "\n";

    out << "\nRisk quotients\n";
    if (a["quotients"].empty()) out << "  none\n";
    for (const auto& q : a["quotients"]) {
        out << "  " << q.value("exposure", "") << "/PNEC " << q.value("medium", "") << " = "
            << assessment::FormatNumber(q["rq"].get<double>()) << "  " << q["band"].value("en", "") << "  ("
            << q.value("exposure_basis", "") << ")\n";
    }
    if (!a["sites"].empty()) {
        out << "\nExceedance of the PNEC per site (water)\n";
        for (const auto& site : a["sites"]) {
            out << "  " << Pad(site.value("code", ""), 14) << Pad(site.value("name", ""), 24);
            if (site["exceedance"].is_object()) {
                const json& e = site["exceedance"];
                out << e.value("exceeding", 0) << "/" << e.value("n", 0) << " exceed (up to " << e.value("exceeding", 0) +
                                                                                                 e.value("unknown", 0)
                    << " with unknowns)";
                if (e["max_ratio"].is_number()) out << ", max/PNEC " << assessment::FormatNumber(e["max_ratio"].get<double>());
            } else if (site["refusal"].is_object()) {
                out << site["refusal"].value("message_en", "");
            }
            out << "\n";
        }
    }
    out << "\nMissing\n";
    if (a["missing"].empty()) out << "  nothing\n";
    for (const auto& g : a["missing"]) out << "  " << g.value("id", "") << ": " << g.value("en", "") << "\n";
}

int RunAssessRisk(const AssessRiskArgs& args, const config::Config& config, CliContext& context) {
    auto choice = assessment::ParsePnecChoice(args.pnec_method);
    if (!choice) return Fail(context, choice.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    if (!s.assessment) return Fail(context, MakeError(ErrorCode::kInternal, "cli.wiring", "评估模块未接入", "the assessment module is not wired").value(), args.json);
    auto id = s.assessment->assessments.SubstanceIdOf(args.cas);
    if (!id) return Fail(context, id.error(), args.json);
    auto a = s.assessment->assessments.Compute(*id, *choice, kCli);
    if (!a) return Fail(context, a.error(), args.json);
    json out = assessment::ToJson(*a);
    std::optional<assessment::Record> saved;
    if (args.save) {
        auto record = s.assessment->assessments.Save(*id, {*choice, args.comment}, kCli);
        if (!record) return Fail(context, record.error(), args.json);
        saved = *record;
    }
    if (args.json) {
        json body = {{"assessment", out}};
        body["record"] = saved ? assessment::ToJson(*saved, false) : json(nullptr);
        context.out << body.dump(2) << "\n";
        return kExitOk;
    }
    PrintRisk(context.out, out);
    if (saved) {
        context.out << "\nsaved as assessment record " << saved->id << " v" << saved->version << " ("
                    << assessment::ToString(saved->status) << ")\n";
    }
    return kExitOk;
}

}  // namespace

void AddAssessDbCommands(CLI::App& assess, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto screen = std::make_shared<AssessScreenArgs>();
    auto* screen_cmd = assess.add_subcommand(
        "screen", "screen every registered substance by hazard, volume, detection and dispersive use; store the run");
    screen_cmd->add_option("--year", screen->year, "survey year (default: the latest with approved submissions)");
    screen_cmd->add_option("--top", screen->top, "rows to print, by rank (0 = all)")->capture_default_str();
    screen_cmd->add_flag("--json", screen->json, "print JSON");
    OnRun(screen_cmd, action, context, screen, RunAssessScreen);

    auto risk = std::make_shared<AssessRiskArgs>();
    auto* risk_cmd = assess.add_subcommand(
        "risk", "risk assessment of one substance: PNEC, MEC, PEC (Level III), risk quotients, exceedance per site");
    risk_cmd->add_option("--cas", risk->cas, "CAS number of a registered substance")->required();
    risk_cmd->add_option("--pnec-method", risk->pnec_method, "lowest | assessment_factor | ssd")->capture_default_str();
    risk_cmd->add_flag("--save", risk->save, "store the result as the substance's assessment draft");
    risk_cmd->add_option("--comment", risk->comment, "the assessor's comment, with --save");
    risk_cmd->add_flag("--json", risk->json, "print JSON");
    OnRun(risk_cmd, action, context, risk, RunAssessRisk);
}

}  // namespace npgov::cli
