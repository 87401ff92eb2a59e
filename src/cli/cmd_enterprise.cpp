// `npgov enterprise import|export`: the registry as CSV (UTF-8 or GBK) or xlsx.
#include <fstream>
#include <iomanip>
#include <iterator>
#include <memory>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "modules/enterprise/enterprise_import.hpp"
#include "json/error_json.hpp"

namespace npgov::cli {
namespace {

constexpr std::string_view kCliActor = "system:cli";

struct EnterpriseImportArgs {
    std::string file;
    bool upsert = false;
    bool dry_run = false;
    bool json = false;
};
struct EnterpriseExportArgs {
    std::string format = "csv";
    std::string output;  // "" or "-" = standard output (CSV only)
};

Result<std::string> ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "cli.file", "无法读取文件 " + path, "cannot read the file " + path, "file");
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}


}  // namespace

Result<std::string> ReadInputFile(const std::string& path) { return ReadWholeFile(path); }

Status WriteOutputFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) return MakeError(ErrorCode::kUnavailable, "cli.file", "无法写入文件 " + path, "cannot write the file " + path, "output");
    return Ok();
}

static void PrintRowErrors(std::ostream& out, const std::vector<Error>& errors, std::int64_t omitted) {
    for (const auto& e : errors) {
        out << "  row " << e.row << " [" << e.field << "] " << e.reason << ": " << e.message_zh << " / " << e.message_en << "\n";
    }
    if (omitted > 0) out << "  … and " << omitted << " more\n";
}

static int RunEnterpriseImport(const EnterpriseImportArgs& args, const config::Config& config, CliContext& context) {
    auto bytes = ReadWholeFile(args.file);
    if (!bytes) return Fail(context, bytes.error(), args.json);
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    Services& s = (*app)->services();
    enterprise::EnterpriseImporter importer(s.db, s.enterprises, s.reference, s.audit, s.clock);
    enterprise::ImportOptions options;
    options.dry_run = args.dry_run;
    options.mode = args.upsert ? enterprise::ImportMode::kUpsert : enterprise::ImportMode::kCreateOnly;
    auto report = importer.Import(*bytes, options, std::string(kCliActor));
    if (!report) return Fail(context, report.error(), args.json);
    if (args.json) {
        nlohmann::json errors = nlohmann::json::array();
        for (const auto& e : report->errors) errors.push_back(ErrorJson(e));
        context.out << nlohmann::json{{"rows", report->rows}, {"created", report->created}, {"updated", report->updated},
                                      {"unchanged", report->unchanged}, {"errors", errors},
                                      {"errors_omitted", report->errors_omitted}, {"committed", report->committed},
                                      {"format", report->format}}
                           .dump(2)
                    << "\n";
    } else if (report->errors.empty()) {
        context.out << (report->committed ? "imported " : "checked (dry run) ") << report->rows << " rows (" << report->format
                    << "): " << report->created << " created, " << report->updated << " updated, " << report->unchanged
                    << " unchanged\n";
    } else {
        context.err << "npgov: 发现 " << report->errors.size() + static_cast<std::size_t>(report->errors_omitted)
                    << " 处错误，未导入任何数据 / errors found, nothing imported:\n";
        PrintRowErrors(context.err, report->errors, report->errors_omitted);
    }
    return report->errors.empty() ? kExitOk : kExitData;
}

static int RunEnterpriseExport(const EnterpriseExportArgs& args, const config::Config& config, CliContext& context) {
    auto format = enterprise::ParseExportFormat(args.format);
    if (!format) return Fail(context, format.error());
    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    Services& s = (*app)->services();
    enterprise::EnterpriseImporter importer(s.db, s.enterprises, s.reference, s.audit, s.clock);
    auto bytes = importer.Export({}, *format);
    if (!bytes) return Fail(context, bytes.error());
    if (args.output.empty() || args.output == "-") {
        if (*format == enterprise::ExportFormat::kXlsx) {
            return Fail(context, MakeError(ErrorCode::kInvalidArgument, "cli.output", "xlsx 须用 --output 指定文件",
                                           "give --output FILE for xlsx", "output").value());
        }
        context.out << *bytes;
        return kExitOk;
    }
    if (auto written = WriteOutputFile(args.output, *bytes); !written) return Fail(context, written.error());
    context.err << "wrote " << args.output << " (" << bytes->size() << " bytes)\n";
    return kExitOk;
}

void AddEnterpriseCommands(CLI::App& app, std::function<int(const config::Config&)>& action, CliContext& context) {
    auto* cmd = app.add_subcommand("enterprise", "the enterprise registry: bulk import and export");
    cmd->require_subcommand(1);
    auto import_args = std::make_shared<EnterpriseImportArgs>();
    auto* import_cmd = cmd->add_subcommand(
        "import", "import enterprises from CSV (UTF-8/GBK) or xlsx; every row checked, all or nothing");
    import_cmd->add_option("file", import_args->file, "the file")->required();
    import_cmd->add_flag("--upsert", import_args->upsert, "update enterprises already registered (by USCC) instead of refusing them");
    import_cmd->add_flag("--dry-run", import_args->dry_run, "check only; store nothing");
    import_cmd->add_flag("--json", import_args->json, "print JSON");
    import_cmd->callback([&action, &context, import_args] {
        action = [&context, import_args](const config::Config& c) { return RunEnterpriseImport(*import_args, c, context); };
    });
    auto export_args = std::make_shared<EnterpriseExportArgs>();
    auto* export_cmd = cmd->add_subcommand("export", "export the registry (re-importable columns)");
    export_cmd->add_option("--format", export_args->format, "csv | xlsx")->capture_default_str();
    export_cmd->add_option("--output,-o", export_args->output, "file to write (default: standard output, CSV only)");
    export_cmd->callback([&action, &context, export_args] {
        action = [&context, export_args](const config::Config& c) { return RunEnterpriseExport(*export_args, c, context); };
    });
}

}  // namespace npgov::cli
