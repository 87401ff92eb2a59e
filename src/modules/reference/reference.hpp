// Reference data every module relies on: the departments the action plan assigns work to,
// the regions (city, counties, development zone) and the industry classes. Loaded from the
// sourced CSV files in data/ by `npgov db seed-reference`; read-only afterwards.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/region_code.hpp"
#include "modules/audit/audit_log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::reference {

struct Department {
    std::string code;  // short stable id, e.g. "sthjj"
    std::string name_zh;
    std::string name_en;
    std::string plan_sections;  // sections of the plan that name it
    std::string source;
};

enum class RegionLevel { kCity, kCounty, kZone };
std::string_view ToString(RegionLevel level);

struct Region {
    std::string code;  // GB/T 2260 (or statistical-division code for zones)
    std::string name_zh;
    std::string name_en;
    RegionLevel level = RegionLevel::kCounty;
    std::optional<std::string> parent;
    std::string source;
};

struct Industry {
    std::string code;  // GB/T 4754-2017 class
    std::string name_zh;
    std::string name_en;
    std::string plan_focus;  // the plan's key-industry label, e.g. "煤化工"
    std::string source;
};

struct ReferenceFiles {
    std::vector<Department> departments;
    std::vector<Region> regions;
    std::vector<Industry> industries;
};

// Reads departments.csv, regions.csv and industries.csv from `dir` and validates every row.
// Errors: kNotFound (missing file, field = file name), kInvalidArgument (bad row: reason,
// field and row set; e.g. "region_code.format", "reference.column").
Result<ReferenceFiles> LoadReferenceFiles(const std::filesystem::path& dir);

class ReferenceData {
public:
    ReferenceData(store::Database& db, audit::AuditLog& audit) : db_(db), audit_(audit) {}

    // Inserts or updates every row by code in one transaction, with one audit entry.
    Status Save(const ReferenceFiles& files, const std::string& actor);

    Result<std::vector<Department>> ListDepartments();
    Result<std::vector<Region>> ListRegions();
    Result<std::vector<Industry>> ListIndustries();

    // kNotFound "region.unknown" (field "region_code") when the code is not a loaded region.
    Result<Region> FindRegion(std::string_view code);
    // kNotFound "department.unknown" (field "department_code").
    Result<Department> FindDepartment(std::string_view code);
    // kNotFound "industry.unknown" (field "industry_code").
    Result<Industry> FindIndustry(std::string_view code);

private:
    store::Database& db_;
    audit::AuditLog& audit_;
};

std::vector<store::Migration> Migrations();

}  // namespace npgov::reference
