#include "modules/hazard/hazard_demo.hpp"

#include <fstream>
#include <sstream>

namespace npgov::hazard {
namespace {

constexpr const char* kActor = "system:seed-demo";

Result<std::string> ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "hazard.demo_file", "找不到演示数据文件：" + path.string(),
                         "the demo data file is missing: " + path.string(), "file");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

Error Invalid(const std::filesystem::path& path, const std::vector<Error>& errors) {
    return Error{ErrorCode::kInternal, "hazard.demo_invalid",
                 "演示数据文件 " + path.filename().string() + " 有误：" + errors.front().message_zh,
                 "the demo data file " + path.filename().string() + " is wrong: " + errors.front().message_en, "file",
                 errors.front().row};
}

}  // namespace

Result<DemoHazardReport> SeedDemoHazard(HazardData& hazard, substance::SubstanceRegistry& substances,
                                        const std::filesystem::path& data_dir) {
    DemoHazardReport report;
    const auto substances_path = data_dir / "demo" / "hazard_demo_substances.csv";
    const auto hazard_path = data_dir / "demo" / "hazard_demo.csv";
    NPGOV_ASSIGN_OR_RETURN(auto substance_bytes, ReadFile(substances_path));
    NPGOV_ASSIGN_OR_RETURN(auto hazard_bytes, ReadFile(hazard_path));
    NPGOV_ASSIGN_OR_RETURN(auto registered, substances.Import(substance_bytes, false, kActor));
    if (!registered.errors.empty()) return tl::unexpected(Invalid(substances_path, registered.errors));
    report.substances_created = registered.created;
    ImportRequest request;
    request.bytes = hazard_bytes;
    request.file_name = hazard_path.filename().string();
    auto imported = hazard.Import(request, kActor);
    if (!imported && imported.error().reason == "hazard.import_duplicate") {
        report.already_loaded = true;
        return report;
    }
    if (!imported) return tl::unexpected(imported.error());
    if (!imported->errors.empty()) return tl::unexpected(Invalid(hazard_path, imported->errors));
    report.import = std::move(*imported);
    return report;
}

}  // namespace npgov::hazard
