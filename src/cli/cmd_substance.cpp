// `npgov substance search|show|classify|import|export`, `npgov lists list|show|diff|load`,
// `npgov import iecsc`, and the lists + seed substances part of `npgov db seed-reference`.
#include <array>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <memory>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "core/cas_number.hpp"
#include "engines/tabular/table.hpp"
#include "modules/lists/list_diff.hpp"
#include "modules/lists/list_files.hpp"
#include "modules/lists/lists_json.hpp"
#include "modules/substance/substance_json.hpp"
#include "json/error_json.hpp"
#include "cli/on_run.hpp"

namespace npgov::cli {
namespace {

using nlohmann::json;

constexpr std::string_view kCliActor = "system:cli";
constexpr std::string_view kSeedActor = "system:seed-reference";

struct Modules {
    substance::SubstanceRegistry& substances;
    substance::Inventory& inventory;
    lists::ListRegistry& lists;
    lists::Classifier& classifier;
};

Modules ModulesOf(Application& app) {
    Services& s = app.services();
    NPGOV_CHECK(s.substances && s.inventory && s.lists && s.classifier);
    return {*s.substances, *s.inventory, *s.lists, *s.classifier};
}

Result<std::string> ReadBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "file.unreadable", "无法读取文件：" + path, "cannot read the file: " + path,
                         "file");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Result<Date> DateOr(const std::optional<std::string>& text, const Clock& clock) {
    if (!text) return ToDate(clock.Now(), kChinaStandardTimeOffsetMinutes);
    return Date::Parse(*text);
}

std::string Names(const std::string& zh, const std::string& en) {
    if (zh.empty()) return en;
    if (en.empty()) return zh;
    return zh + " / " + en;
}

void PrintSubstance(std::ostream& out, const substance::Substance& s) {
    out << "#" << s.id << "  " << Names(s.name_zh, s.name_en) << (s.synthetic ? "  [synthetic]" : "") << "\n";
    std::string cas;
    for (const auto& c : s.cas_numbers) cas += (cas.empty() ? "" : ", ") + c;
    out << "  CAS: " << (cas.empty() ? "-" : cas) << "\n";
    if (s.has_structure()) {
        out << "  formula " << s.formula << "  MW " << std::fixed << std::setprecision(2) << s.molecular_weight.value_or(0)
            << "  logP " << s.crippen_logp.value_or(0) << std::defaultfloat << "  components " << s.components << "\n";
        out << "  SMILES " << s.canonical_smiles << "\n  InChIKey " << s.inchikey << "\n";
    } else {
        out << "  no structure" << (s.inchikey.empty() ? "" : "  InChIKey " + s.inchikey) << "\n";
    }
    if (!s.structure_note.empty()) out << "  note: " << s.structure_note << "\n";
}

void PrintMeasure(std::ostream& out, const lists::MeasureStatus& m) {
    out << "      " << (m.in_force ? "[in force] " : "[not yet]  ") << m.measure.effective_from.ToIsoString() << "  "
        << m.measure.action << "  " << m.measure.action_zh << (m.measure.assumed ? "  (assumed: measures text not loaded)" : "")
        << "\n";
    if (m.measure.ban_from) {
        out << "        then from " << m.measure.ban_from->ToIsoString() << (m.ban_in_force.value_or(false) ? " (in force)" : "")
            << "\n";
    }
    for (const auto& e : m.exemptions) {
        out << "        exemption: " << e.use.use_zh << " — "
            << (e.use.end ? "until " + e.use.end->ToIsoString() : std::string("no end date stated"))
            << (e.active ? " (active)" : " (ended)") << "\n";
    }
}

void PrintClassification(std::ostream& out, const lists::Classification& c) {
    if (c.substance) PrintSubstance(out, *c.substance);
    out << "  classified " << c.input_kind << " " << c.input << " on " << c.date.ToIsoString() << "\n";
    out << "  PFAS (OECD 2021): " << (!c.pfas ? "unknown (no structure)" : (*c.pfas ? "yes" : "no")) << "\n";
    if (!c.antibiotic_classes.empty()) {
        out << "  antibiotic classes:";
        for (const auto& a : c.antibiotic_classes) out << " " << a.class_id << " (" << a.name_zh << ")";
        out << "\n";
    }
    if (c.lists.empty()) out << "  on no loaded list\n";
    for (const auto& hit : c.lists) {
        out << "  " << hit.edition->list_name_zh << " (" << hit.edition->list_id << ") edition " << hit.edition->edition
            << ", effective " << hit.edition->effective_date.ToIsoString()
            << (hit.edition_in_force ? "" : " — NOT YET IN FORCE on this date") << "\n";
        for (const auto& e : hit.entries) {
            out << "    entry " << e.entry->key << "  " << Names(e.entry->name_zh, e.entry->name_en) << "\n";
            for (const auto& r : e.reasons) {
                if (r.kind == lists::MembershipReason::Kind::kCas) {
                    out << "      because: CAS " << r.cas << " is listed"
                        << (r.member ? " (" + r.member->name_zh + ")" : std::string()) << "\n";
                } else {
                    out << "      because: " << r.rule->class_id << " — " << r.rule->reason_en << " [rule " << r.rule->rule_id
                        << " v" << r.rule->rule_version << "]\n";
                }
            }
            if (!e.entry->measures_status.empty()) out << "      measures text not loaded: " << e.entry->measures_status << "\n";
            for (const auto& m : e.measures) PrintMeasure(out, m);
        }
    }
    if (!c.rule_matches.empty()) {
        out << "  structure rules matched (" << c.rule_set << "):\n";
        for (const auto& m : c.rule_matches) out << "    " << m.class_id << "  " << m.reason_en << "\n";
    }
    for (const auto& w : c.warnings) out << "  note: " << w.message_zh << " / " << w.message_en << "\n";
}

void PrintErrors(std::ostream& out, const std::vector<Error>& errors, const char* label) {
    for (const auto& e : errors) out << label << ": " << e.message_zh << " | " << e.Describe() << "\n";
}

// --- verbs -----------------------------------------------------------------------------------

struct SearchArgs {
    std::string query;
    std::optional<std::string> smarts;
    int page = 1;
    int page_size = kDefaultPageSize;
    bool json = false;
};

int RunSearch(const SearchArgs& args, const config::Config& config, CliContext& context) {
    auto page = MakePageRequest(args.page, args.page_size);
    if (!page) return Fail(context, page.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    substance::SubstanceQuery query{args.query.empty() ? std::nullopt : std::optional(args.query), args.smarts};
    auto result = ModulesOf(**app).substances.Search(query, *page);
    if (!result) return Fail(context, result.error(), args.json);
    if (args.json) {
        context.out << substance::ToJson(*result).dump(2) << "\n";
        return kExitOk;
    }
    context.out << result->page.total << " substance(s) (" << result->matched_by << ", " << std::fixed
                << std::setprecision(1) << result->elapsed_ms << std::defaultfloat << " ms"
                << (result->smarts_truncated ? ", structure matches capped: refine the pattern" : "") << ")\n";
    for (const auto& s : result->page.items) {
        context.out << std::left << std::setw(7) << s.id << std::setw(14) << (s.cas_numbers.empty() ? "-" : s.cas_numbers[0])
                    << Names(s.name_zh, s.name_en) << "\n";
    }
    return kExitOk;
}

struct ShowArgs {
    std::string key;  // CAS number or id
    std::optional<std::string> date;
    bool json = false;
};

int RunShow(const ShowArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto date = DateOr(args.date, (*app)->services().clock);
    if (!date) return Fail(context, date.error(), args.json);
    Modules m = ModulesOf(**app);
    std::optional<substance::Substance> found;
    if (auto cas = CasNumber::Parse(args.key)) {
        auto by_cas = m.substances.FindByCas(cas->text());
        if (!by_cas) return Fail(context, by_cas.error(), args.json);
        if (!*by_cas) {
            return Fail(context, MakeError(ErrorCode::kNotFound, "substance.unknown_cas", "物质库中没有 CAS 号 " + cas->text(),
                                           "no registered substance has CAS " + cas->text() +
                                               " (npgov substance classify --cas still checks the lists)",
                                           "cas").value(),
                        args.json);
        }
        found = std::move(**by_cas);
    } else if (!args.key.empty() && args.key.find_first_not_of("0123456789") == std::string::npos && args.key.size() < 16) {
        auto by_id = m.substances.Find(std::stoll(args.key));
        if (!by_id) return Fail(context, by_id.error(), args.json);
        found = std::move(*by_id);
    } else {
        return Fail(context, cas.error(), args.json);  // neither an id nor a valid CAS: say what is wrong with the CAS
    }
    auto classification = m.classifier.Classify({found->id, std::nullopt, std::nullopt}, *date);
    if (!classification) return Fail(context, classification.error(), args.json);
    auto status = m.inventory.Assess(found->cas_numbers);
    if (!status) return Fail(context, status.error(), args.json);
    if (args.json) {
        json body = substance::ToJson(*found);
        body["new_substance"] = substance::ToJson(*status);
        body["classification"] = lists::ToJson(*classification);
        context.out << body.dump(2) << "\n";
        return kExitOk;
    }
    PrintClassification(context.out, *classification);
    context.out << "  new chemical substance (三(二)): " << substance::ToString(status->state) << " — " << status->reason_zh
                << "\n";
    return kExitOk;
}

struct ClassifyArgs {
    std::optional<std::string> smiles;
    std::optional<std::string> cas;
    std::optional<std::string> file;
    std::optional<std::string> date;
    bool json = false;
};

// --file: one classification per row (cas and/or smiles columns); a bad row reports its error
// and the batch goes on. Exit 65 if any row failed.
int RunClassifyFile(const ClassifyArgs& args, Date date, Modules& m, CliContext& context) {
    auto bytes = ReadBytes(*args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto table = tabular::ReadTable(*bytes);
    if (!table) return Fail(context, table.error(), args.json);
    const auto cas_col = table->FindColumn({"cas", "CAS号", "CAS No.", "CAS No", "CAS RN"});
    const auto smiles_col = table->FindColumn({"smiles", "结构式"});
    const auto name_col = table->FindColumn({"name", "name_zh", "name_en", "中文名称", "英文名称", "名称"});
    if (!cas_col && !smiles_col) {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "classify.columns", "文件须有 cas 列或 smiles 列",
                                       "the file needs a cas or a smiles column", "cas").value(),
                    args.json);
    }
    json rows = json::array();
    int failed = 0;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const long line = table->source_rows[r];
        auto cell = [&](const std::optional<std::size_t>& c) {
            return c && !table->rows[r][*c].empty() ? std::optional<std::string>(table->rows[r][*c]) : std::nullopt;
        };
        lists::ClassifyInput input{std::nullopt, cell(cas_col), cell(smiles_col)};
        const std::string name = cell(name_col).value_or("");
        Result<lists::Classification> result =
            !input.cas && !input.smiles
                ? Result<lists::Classification>(MakeError(ErrorCode::kInvalidArgument, "classify.input",
                                                          "这一行既没有 CAS 号也没有 SMILES", "the row has neither a CAS number nor a SMILES",
                                                          "cas"))
                : m.classifier.Classify(input, date);
        if (!result && result.error().code != ErrorCode::kInvalidArgument && result.error().code != ErrorCode::kNotFound &&
            result.error().code != ErrorCode::kResourceExhausted) {
            return Fail(context, result.error(), args.json);  // the service failed, not the row
        }
        if (!result) {
            ++failed;
            Error e = result.error();
            e.row = line;
            if (args.json) {
                rows.push_back({{"row", line}, {"name", name}, {"error", ErrorJson(e)}});
            } else {
                context.out << "[row " << line << "] " << name << "  ERROR " << e.message_zh << " | " << e.Describe() << "\n";
            }
            continue;
        }
        if (args.json) {
            rows.push_back({{"row", line}, {"name", name}, {"classification", lists::ToJson(*result)}});
        } else {
            context.out << "[row " << line << "] " << name << "\n";
            PrintClassification(context.out, *result);
        }
    }
    const auto total = static_cast<int>(table->rows.size());
    if (args.json) {
        context.out << json{{"date", date.ToIsoString()},
                            {"rows", rows},
                            {"summary", {{"rows", total}, {"classified", total - failed}, {"errors", failed}}}}
                           .dump(2)
                    << "\n";
    } else {
        context.out << total << " row(s): " << total - failed << " classified, " << failed << " error(s)\n";
    }
    return failed == 0 ? kExitOk : kExitData;
}

int RunClassify(const ClassifyArgs& args, const config::Config& config, CliContext& context) {
    const int given = (args.smiles ? 1 : 0) + (args.cas ? 1 : 0) + (args.file ? 1 : 0);
    if (given == 0 || (args.file && given > 1)) {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "classify.input",
                                       "请给出 --smiles、--cas（可同时给出）或 --file",
                                       "give --smiles and/or --cas, or --file", "smiles").value(),
                    args.json);
    }
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto date = DateOr(args.date, (*app)->services().clock);
    if (!date) return Fail(context, date.error(), args.json);
    Modules m = ModulesOf(**app);
    if (args.file) return RunClassifyFile(args, *date, m, context);
    auto result = m.classifier.Classify({std::nullopt, args.cas, args.smiles}, *date);
    if (!result) return Fail(context, result.error(), args.json);
    if (args.json) {
        context.out << lists::ToJson(*result).dump(2) << "\n";
    } else {
        PrintClassification(context.out, *result);
    }
    return kExitOk;
}

struct ImportArgs {
    std::string file;
    bool dry_run = false;
    bool synthetic = false;  // iecsc: a test copy
    bool json = false;
};

template <typename Report>
int FinishImport(const Report& report, const ImportArgs& args, CliContext& context, const std::string& what) {
    if (args.json) {
        context.out << substance::ToJson(report).dump(2) << "\n";
    } else {
        PrintErrors(context.err, report.errors, "error");
        if (report.errors_omitted > 0) context.err << "… and " << report.errors_omitted << " more error(s)\n";
        PrintErrors(context.err, report.warnings, "warning");
    }
    if (!report.errors.empty()) {
        if (!args.json) {
            context.err << "npgov: " << report.errors.size() + static_cast<std::size_t>(report.errors_omitted)
                        << " 处错误，未导入任何数据 / nothing imported\n";
        }
        return kExitData;
    }
    if (!args.json) context.out << what << (args.dry_run ? " (dry run: nothing stored)" : "") << "\n";
    return kExitOk;
}

int RunImport(const ImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadBytes(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto report = ModulesOf(**app).substances.Import(*bytes, args.dry_run, std::string(kCliActor));
    if (!report) return Fail(context, report.error(), args.json);
    return FinishImport(*report, args, context,
                        std::to_string(report->rows) + " row(s) (" + report->encoding + "): " +
                            std::to_string(report->created) + " created, " + std::to_string(report->updated) +
                            " updated, " + std::to_string(report->unchanged) + " unchanged");
}

int RunImportIecsc(const ImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadBytes(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    const std::string name = std::filesystem::path(args.file).filename().string();
    auto report = ModulesOf(**app).inventory.ImportIecsc(*bytes, name, args.synthetic, args.dry_run, std::string(kCliActor));
    if (!report) return Fail(context, report.error(), args.json);
    return FinishImport(*report, args, context,
                        "IECSC: " + std::to_string(report->entries) + " entries (" + std::to_string(report->with_cas) +
                            " with CAS) from " + std::to_string(report->rows) + " row(s), " + report->encoding +
                            "; replaced " + std::to_string(report->replaced));
}

struct ExportArgs {
    std::string file;  // "-" for standard output
    std::string encoding = "utf-8";
};

int RunExport(const ExportArgs& args, const config::Config& config, CliContext& context) {
    if (args.encoding != "utf-8" && args.encoding != "gbk") {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "export.encoding", "编码须为 utf-8 或 gbk",
                                       "the encoding must be utf-8 or gbk", "encoding").value());
    }
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    auto csv = ModulesOf(**app).substances.ExportCsv(args.encoding == "gbk" ? substance::CsvEncoding::kGbk
                                                                            : substance::CsvEncoding::kUtf8);
    if (!csv) return Fail(context, csv.error());
    if (args.file == "-") {
        context.out << *csv;
        return kExitOk;
    }
    std::ofstream out(args.file, std::ios::binary);
    out << *csv;
    if (!out) {
        return Fail(context, MakeError(ErrorCode::kUnavailable, "file.unwritable", "无法写入文件：" + args.file,
                                       "cannot write the file: " + args.file, "file").value());
    }
    context.out << "exported to " << args.file << " (" << args.encoding << ")\n";
    return kExitOk;
}

struct ListsArgs {
    std::string list_id;
    std::optional<std::string> edition;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::string manifest;
    bool json = false;
};

int RunListsList(const ListsArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto all = ModulesOf(**app).lists.ListLists();
    if (!all) return Fail(context, all.error(), args.json);
    json items = json::array();
    for (const auto& list : *all) {
        if (args.json) {
            items.push_back(lists::ToJson(list));
            continue;
        }
        context.out << list.id << "  " << Names(list.name_zh, list.name_en) << "\n";
        for (const auto& e : list.editions) {
            context.out << "    edition " << std::left << std::setw(16) << e.edition << " effective "
                        << e.effective_date.ToIsoString() << "  " << e.entries << " entries, " << e.measures << " measures\n";
        }
    }
    if (args.json) context.out << json{{"items", items}}.dump(2) << "\n";
    return kExitOk;
}

int RunListsShow(const ListsArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto edition = ModulesOf(**app).lists.FindEdition(args.list_id, args.edition.value_or(""));
    if (!edition) return Fail(context, edition.error(), args.json);
    if (args.json) {
        context.out << lists::ToJson(*edition).dump(2) << "\n";
        return kExitOk;
    }
    context.out << edition->list_name_zh << " / " << edition->list_name_en << "\nedition " << edition->edition
                << ", effective " << edition->effective_date.ToIsoString() << "\n" << edition->legal_basis << "\nsource: "
                << edition->source << "\n";
    for (const auto& e : edition->entries) {
        context.out << "  " << std::left << std::setw(7) << e.key << Names(e.name_zh, e.name_en) << "  (" << e.cas_numbers.size()
                    << " CAS, " << e.structure_classes.size() << " structure classes, " << e.measures.size() << " measures"
                    << (e.measures_status.empty() ? "" : "; measures text not loaded") << ")\n";
    }
    return kExitOk;
}

int RunListsDiff(const ListsArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto& registry = ModulesOf(**app).lists;
    auto from = registry.FindEdition(args.list_id, *args.from);
    if (!from) return Fail(context, from.error(), args.json);
    auto to = registry.FindEdition(args.list_id, *args.to);
    if (!to) return Fail(context, to.error(), args.json);
    const auto diff = lists::DiffEditions(*from, *to);
    if (args.json) {
        context.out << lists::ToJson(diff).dump(2) << "\n";
        return kExitOk;
    }
    context.out << args.list_id << ": " << diff.from << " → " << diff.to << ": " << diff.added.size() << " added, "
                << diff.removed.size() << " removed, " << diff.changed.size() << " changed, " << diff.unchanged
                << " unchanged\n";
    for (const auto& e : diff.added) context.out << "  + " << e.key << "  " << Names(e.name_zh, e.name_en) << "\n";
    for (const auto& e : diff.removed) context.out << "  - " << e.key << "  " << Names(e.name_zh, e.name_en) << "\n";
    for (const auto& c : diff.changed) {
        context.out << "  ~ " << c.key << "  " << Names(c.name_zh, c.name_en) << "\n";
        for (const auto& f : c.fields) context.out << "      field " << f << " changed\n";
        for (const auto& x : c.cas_added) context.out << "      + CAS " << x << "\n";
        for (const auto& x : c.cas_removed) context.out << "      - CAS " << x << "\n";
        for (const auto& x : c.classes_added) context.out << "      + structure class " << x << "\n";
        for (const auto& x : c.classes_removed) context.out << "      - structure class " << x << "\n";
        for (const auto& m : c.measures) {
            context.out << "      " << (!m.before ? "+ measure " : (!m.after ? "- measure " : "~ measure ")) << m.action;
            if (m.occurrence > 1) context.out << " #" << m.occurrence;
            for (const auto& f : m.fields) context.out << " " << f;
            context.out << "\n";
        }
    }
    return kExitOk;
}

// Loads every edition of a manifest; returns the number created/replaced/unchanged.
Result<std::array<int, 3>> LoadManifest(lists::ListRegistry& registry, const std::filesystem::path& manifest,
                                        std::string_view actor) {
    NPGOV_ASSIGN_OR_RETURN(auto editions, lists::LoadListManifest(manifest));
    std::array<int, 3> counts{0, 0, 0};
    for (const auto& e : editions) {
        NPGOV_ASSIGN_OR_RETURN(auto outcome, registry.SaveEdition(e, std::string(actor)));
        ++counts[static_cast<std::size_t>(outcome)];
    }
    return counts;
}

int RunListsLoad(const ListsArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto counts = LoadManifest(ModulesOf(**app).lists, args.manifest, kCliActor);
    if (!counts) return Fail(context, counts.error(), args.json);
    if (args.json) {
        context.out << json{{"created", (*counts)[0]}, {"replaced", (*counts)[1]}, {"unchanged", (*counts)[2]}}.dump(2) << "\n";
    } else {
        context.out << "list editions: " << (*counts)[0] << " loaded, " << (*counts)[1] << " replaced, " << (*counts)[2]
                    << " unchanged\n";
    }
    return kExitOk;
}


}  // namespace

void AddSubstanceCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto* substance_cmd = app.add_subcommand("substance", "substances: search, show, classify against the lists, import, export");
    substance_cmd->require_subcommand(1);

    auto search = std::make_shared<SearchArgs>();
    auto* search_cmd = substance_cmd->add_subcommand("search", "find by CAS, InChIKey, name or synonym (substring), or SMARTS");
    search_cmd->add_option("query", search->query, "CAS number, InChIKey or part of a name (empty: all)");
    search_cmd->add_option("--smarts", search->smarts, "substructure the structure must contain");
    search_cmd->add_option("--page", search->page, "page number")->capture_default_str();
    search_cmd->add_option("--page-size", search->page_size, "results per page (1–200)")->capture_default_str();
    search_cmd->add_flag("--json", search->json, "print JSON");
    OnRun(search_cmd, action, context, search, RunSearch);

    auto show = std::make_shared<ShowArgs>();
    auto* show_cmd = substance_cmd->add_subcommand("show", "identifiers, lists, measures in force and new-substance status");
    show_cmd->add_option("key", show->key, "CAS number or substance id")->required();
    show_cmd->add_option("--date", show->date, "date for the measures in force (default today, CST)");
    show_cmd->add_flag("--json", show->json, "print JSON");
    OnRun(show_cmd, action, context, show, RunShow);

    auto classify = std::make_shared<ClassifyArgs>();
    auto* classify_cmd = substance_cmd->add_subcommand(
        "classify", "lists/entries, matched structure rules, measures in force, PFAS yes/no (exit 65 if a --file row failed)");
    classify_cmd->add_option("--smiles", classify->smiles, "a structure");
    classify_cmd->add_option("--cas", classify->cas, "a CAS number");
    classify_cmd->add_option("--file", classify->file, "CSV/xlsx with cas and/or smiles columns (and optionally name)");
    classify_cmd->add_option("--date", classify->date, "date for the measures in force (default today, CST)");
    classify_cmd->add_flag("--json", classify->json, "print JSON");
    OnRun(classify_cmd, action, context, classify, RunClassify);

    auto import = std::make_shared<ImportArgs>();
    auto* import_cmd = substance_cmd->add_subcommand(
        "import", "import substances from CSV (UTF-8/GBK) or xlsx: all rows or none, every row checked");
    import_cmd->add_option("file", import->file, "columns: cas, name_zh, name_en, synonyms, smiles, inchikey, source …")
        ->required();
    import_cmd->add_flag("--dry-run", import->dry_run, "check and count only; store nothing");
    import_cmd->add_flag("--json", import->json, "print the report as JSON");
    OnRun(import_cmd, action, context, import, RunImport);

    auto export_args = std::make_shared<ExportArgs>();
    auto* export_cmd = substance_cmd->add_subcommand("export", "write every substance as CSV (re-importable)");
    export_cmd->add_option("file", export_args->file, "output file, or - for standard output")->required();
    export_cmd->add_option("--encoding", export_args->encoding, "utf-8 (with BOM) or gbk")->capture_default_str();
    OnRun(export_cmd, action, context, export_args, RunExport);

    // `npgov import …`: shared with other modules' imports.
    CLI::App* import_group = nullptr;
    try {
        import_group = app.get_subcommand("import");
    } catch (const CLI::OptionNotFound&) {
        import_group = app.add_subcommand("import", "import reference files held by the bureau");
        import_group->require_subcommand(1);
    }
    auto iecsc = std::make_shared<ImportArgs>();
    auto* iecsc_cmd = import_group->add_subcommand(
        "iecsc", "replace the IECSC (中国现有化学物质名录) copy: columns CAS/CAS号, 流水号, 中文名称, 英文名称");
    iecsc_cmd->add_option("file", iecsc->file, "CSV (UTF-8/GBK) or xlsx")->required();
    iecsc_cmd->add_flag("--synthetic", iecsc->synthetic, "mark the copy as synthetic test data");
    iecsc_cmd->add_flag("--dry-run", iecsc->dry_run, "check and count only; store nothing");
    iecsc_cmd->add_flag("--json", iecsc->json, "print the report as JSON");
    OnRun(iecsc_cmd, action, context, iecsc, RunImportIecsc);

    auto* lists_cmd = app.add_subcommand("lists", "regulatory lists: editions, entries, measures, differences");
    lists_cmd->require_subcommand(1);
    auto list_all = std::make_shared<ListsArgs>();
    auto* list_cmd = lists_cmd->add_subcommand("list", "every list with its editions");
    list_cmd->add_flag("--json", list_all->json, "print JSON");
    OnRun(list_cmd, action, context, list_all, RunListsList);
    auto list_show = std::make_shared<ListsArgs>();
    auto* list_show_cmd = lists_cmd->add_subcommand("show", "an edition's entries (default: the newest)");
    list_show_cmd->add_option("list", list_show->list_id, "list id, e.g. key_controlled")->required();
    list_show_cmd->add_option("--edition", list_show->edition, "edition label, e.g. 2023");
    list_show_cmd->add_flag("--json", list_show->json, "print JSON");
    OnRun(list_show_cmd, action, context, list_show, RunListsShow);
    auto list_diff = std::make_shared<ListsArgs>();
    auto* list_diff_cmd = lists_cmd->add_subcommand("diff", "entries added/removed/changed and measures changed");
    list_diff_cmd->add_option("list", list_diff->list_id, "list id")->required();
    list_diff_cmd->add_option("--from", list_diff->from, "older edition")->required();
    list_diff_cmd->add_option("--to", list_diff->to, "newer edition")->required();
    list_diff_cmd->add_flag("--json", list_diff->json, "print JSON");
    OnRun(list_diff_cmd, action, context, list_diff, RunListsDiff);
    auto list_load = std::make_shared<ListsArgs>();
    auto* list_load_cmd = lists_cmd->add_subcommand("load", "load the editions named by a manifest (lists.json) beside the stored ones");
    list_load_cmd->add_option("manifest", list_load->manifest, "path of a lists.json manifest")->required();
    list_load_cmd->add_flag("--json", list_load->json, "print JSON");
    OnRun(list_load_cmd, action, context, list_load, RunListsLoad);
}

int SeedListsAndSubstances(const config::Config& config, CliContext& context) {
    const std::filesystem::path dir = std::filesystem::path(config.data_dir) / "lists";
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    Modules m = ModulesOf(**app);
    auto counts = LoadManifest(m.lists, dir / "lists.json", kSeedActor);
    if (!counts) return Fail(context, counts.error());
    auto bytes = ReadBytes((dir / "structures.csv").string());
    if (!bytes) return Fail(context, bytes.error());
    auto report = m.substances.Import(*bytes, false, std::string(kSeedActor));
    if (!report) return Fail(context, report.error());
    if (!report->errors.empty()) {
        PrintErrors(context.err, report->errors, "error");
        return kExitData;
    }
    context.out << "lists: " << (*counts)[0] << " edition(s) loaded, " << (*counts)[1] << " replaced, " << (*counts)[2]
                << " unchanged; substances: " << report->created << " created, " << report->updated << " updated, "
                << report->unchanged << " unchanged\n";
    return kExitOk;
}

}  // namespace npgov::cli
