// `npgov hazard import|show`: load a hazard data file (properties, ecotoxicity, classifications;
// all rows or none, every problem listed, exit 65) and print a substance's hazard profile — the
// selected value of each property and why, the estimates with their domains, the data gaps.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/on_run.hpp"
#include "core/cas_number.hpp"
#include "modules/hazard/hazard_json.hpp"

namespace npgov::cli {
namespace {

constexpr std::string_view kCliActor = "system:cli";

struct HazardImportArgs {
    std::string file;
    bool dry_run = false;
    bool json = false;
};

struct HazardShowArgs {
    std::string cas;
    bool json = false;
};

std::string G(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

hazard::HazardData& HazardOf(Services& s) {
    NPGOV_CHECK(s.hazard && s.substances);
    return *s.hazard;
}

int RunHazardImport(const HazardImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadInputFile(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    hazard::ImportRequest request;
    request.bytes = *bytes;
    request.file_name = std::filesystem::path(args.file).filename().string();
    request.mode = args.dry_run ? hazard::ImportMode::kDryRun : hazard::ImportMode::kCommit;
    auto report = HazardOf((*app)->services()).Import(request, std::string(kCliActor));
    if (!report) return Fail(context, report.error(), args.json);
    if (args.json) {
        context.out << hazard::ToJson(*report).dump(2) << "\n";
    } else if (report->errors.empty()) {
        context.out << (report->committed ? "imported " : "checked (dry run, nothing stored) ") << report->properties
                    << " property values, " << report->ecotox << " ecotoxicity endpoints and " << report->classifications
                    << " classifications for " << report->substances << " substances from " << report->rows
                    << " rows of " << report->file_name << " [" << report->format << "]";
        if (report->committed) context.out << ", import " << report->import_id;
        context.out << "\nsha256 " << report->sha256 << "\n";
    }
    if (!report->errors.empty()) {
        const std::int64_t count = static_cast<std::int64_t>(report->errors.size()) + report->errors_omitted;
        context.err << "npgov: 文件有 " << count << " 处错误，未导入任何数据 / the file has " << count
                    << " problem(s); nothing was imported\n";
        for (const auto& e : report->errors) {
            context.err << "  " << e.message_zh << "\n  " << e.message_en << "  [" << e.reason << "]\n";
        }
        if (report->errors_omitted > 0) context.err << "  … " << report->errors_omitted << " more\n";
        return kExitData;
    }
    return kExitOk;
}

std::string Basis(const hazard::PropertyValue& v) {
    const auto& e = v.entry;
    if (v.computed()) return "estimated by npgov: " + e.method + ", see estimates";
    if (!v.measured()) return "estimated: " + e.method + " " + e.method_version + " (" + e.inputs + ")";
    std::string out = "measured: " + e.source;
    if (e.source_year) out += " (" + std::to_string(*e.source_year) + ")";
    if (e.reliability) out += ", Klimisch " + std::to_string(*e.reliability);
    return out;
}

void PrintProfile(std::ostream& out, const hazard::HazardProfile& p, const substance::Substance& s) {
    out << "#" << s.id << "  " << (s.name_zh.empty() ? s.name_en : s.name_zh + " / " + s.name_en) << "  CAS "
        << (s.cas_numbers.empty() ? "-" : s.cas_numbers.front()) << "\n";
    out << "properties (selected value; selection rule v" << p.selection_version << ", estimates v"
        << p.estimates_version << "):\n";
    for (const auto& sel : p.properties) {
        const hazard::PropertyValue* v = sel.selected();
        out << "  " << hazard::ToString(sel.property) << ": ";
        if (!v) {
            out << "— " << sel.reason_en << "\n";
            continue;
        }
        const auto q = hazard::ToString(v->entry.qualifier);
        out << (q == "=" ? "" : std::string(q) + " ") << G(v->normalised) << " " << hazard::CanonicalUnit(sel.property);
        if (v->entry.temperature_c) out << " at " << G(*v->entry.temperature_c) << " °C";
        out << "  [" << Basis(*v) << "]  — " << sel.reason_en;
        if (sel.values.size() > 1) out << "; " << sel.values.size() - 1 << " other value(s)";
        out << "\n";
    }
    out << "estimates:\n";
    for (const auto& e : p.estimates) {
        out << "  " << hazard::ToString(e.property) << " by " << e.method << ": ";
        if (e.refused) {
            out << "refused — " << e.refused->message_en << "\n";
            continue;
        }
        out << G(*e.value) << " " << hazard::CanonicalUnit(e.property) << (e.in_domain ? "" : "  OUT OF DOMAIN") << "  ("
            << e.equation << ")\n";
        for (const auto& n : e.notes) out << "      " << n.message_en << "\n";
    }
    out << "ecotoxicity (" << p.ecotox.size() << "):\n";
    for (const auto& r : p.ecotox) {
        const auto& e = r.entry;
        out << "  " << e.species << " (" << hazard::ToString(e.taxon_group) << ") " << hazard::ToString(e.endpoint) << " "
            << hazard::ToString(e.exposure) << " " << G(e.duration) << " " << e.duration_unit << ": "
            << (e.qualifier == hazard::Qualifier::kEqual ? "" : std::string(hazard::ToString(e.qualifier)) + " ")
            << G(r.normalised) << " " << r.normalised_unit << "  [Klimisch " << e.reliability << "; " << e.source << "]\n";
    }
    out << "classifications (" << p.classifications.size() << "):\n";
    for (const auto& c : p.classifications) {
        out << "  " << hazard::ToString(c.entry.kind) << " " << c.entry.category << "  [" << c.entry.source << "]\n";
    }
    const auto gaps = p.gaps();
    out << "data gaps (" << gaps.size() << "):";
    for (auto k : gaps) out << " " << hazard::ToString(k);
    out << "\n";
}

int RunHazardShow(const HazardShowArgs& args, const config::Config& config, CliContext& context) {
    auto cas = CasNumber::Parse(args.cas);
    if (!cas) return Fail(context, cas.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    hazard::HazardData& data = HazardOf(s);
    auto found = s.substances->FindByCas(cas->text());
    if (!found) return Fail(context, found.error(), args.json);
    if (!*found) {
        Error e = MakeError(ErrorCode::kNotFound, "substance.unknown", "物质名录中没有 CAS " + cas->text(),
                            "no substance with CAS " + cas->text() + " is registered", "cas")
                      .value();
        return Fail(context, e, args.json);
    }
    auto profile = data.LoadProfile(**found);
    if (!profile) return Fail(context, profile.error(), args.json);
    if (args.json) {
        context.out << hazard::ToJson(*profile, **found).dump(2) << "\n";
    } else {
        PrintProfile(context.out, *profile, **found);
    }
    return kExitOk;
}

}  // namespace

void AddHazardCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto* hazard_cmd = app.add_subcommand("hazard", "hazard data: properties, ecotoxicity, classifications (危害数据)");
    hazard_cmd->require_subcommand(1);

    auto import = std::make_shared<HazardImportArgs>();
    auto* import_cmd = hazard_cmd->add_subcommand(
        "import", "load a hazard data file (CSV UTF-8/GBK or xlsx, `kind` column); all rows or none");
    import_cmd->add_option("file", import->file, "the file")->required();
    import_cmd->add_flag("--dry-run", import->dry_run, "check every row, store nothing");
    import_cmd->add_flag("--json", import->json, "print JSON");
    OnRun(import_cmd, action, context, import, RunHazardImport);

    auto show = std::make_shared<HazardShowArgs>();
    auto* show_cmd = hazard_cmd->add_subcommand("show", "a substance's hazard profile: selected values, estimates, gaps");
    show_cmd->add_option("--cas", show->cas, "CAS number of a registered substance")->required();
    show_cmd->add_flag("--json", show->json, "print JSON");
    OnRun(show_cmd, action, context, show, RunHazardShow);
}

}  // namespace npgov::cli
