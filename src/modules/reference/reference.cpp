#include "modules/reference/reference.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "store/transaction.hpp"

namespace npgov::reference {
namespace {

constexpr const char* kUpsertDepartment =
    "INSERT INTO departments (code, name_zh, name_en, plan_sections, source) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "plan_sections = excluded.plan_sections, source = excluded.source";
constexpr const char* kUpsertRegion =
    "INSERT INTO regions (code, name_zh, name_en, level, parent_code, source) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "level = excluded.level, parent_code = excluded.parent_code, source = excluded.source";
constexpr const char* kUpsertIndustry =
    "INSERT INTO industries (code, name_zh, name_en, plan_focus, source) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "plan_focus = excluded.plan_focus, source = excluded.source";
constexpr const char* kSelectDepartments =
    "SELECT code, name_zh, name_en, plan_sections, source FROM departments";
constexpr const char* kSelectRegions =
    "SELECT code, name_zh, name_en, level, parent_code, source FROM regions";
constexpr const char* kSelectIndustries =
    "SELECT code, name_zh, name_en, plan_focus, source FROM industries";

Result<CsvTable> ReadTable(const std::filesystem::path& path, const std::vector<std::string>& columns) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "reference.file", "找不到参考数据文件：" + path.string(),
                         "reference data file not found: " + path.string(), path.filename().string());
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    NPGOV_ASSIGN_OR_RETURN(auto table, ParseCsv(buffer.str()));
    for (const auto& column : columns) {
        if (!table.FindColumn(column)) {
            return MakeError(ErrorCode::kInvalidArgument, "reference.column",
                             path.filename().string() + " 缺少列 " + column,
                             path.filename().string() + " lacks the column " + column, column);
        }
    }
    return table;
}

// Returns the named cell of a row whose header was checked by ReadTable.
const std::string& Cell(const CsvTable& t, std::size_t row, std::string_view column) {
    return t.rows[row][*t.FindColumn(column)];
}

Error AtRow(Error e, const CsvTable& t, std::size_t row, const std::filesystem::path& file) {
    e.row = t.line_numbers[row];
    e.message_zh = file.filename().string() + " 第 " + std::to_string(e.row) + " 行：" + e.message_zh;
    e.message_en = file.filename().string() + " line " + std::to_string(e.row) + ": " + e.message_en;
    return e;
}

Result<RegionLevel> ParseLevel(std::string_view text) {
    if (text == "city") return RegionLevel::kCity;
    if (text == "county") return RegionLevel::kCounty;
    if (text == "zone") return RegionLevel::kZone;
    return MakeError(ErrorCode::kInvalidArgument, "region.level", "区划级别须为 city、county 或 zone",
                     "region level must be city, county or zone", "level");
}

Status RequireText(const std::string& value, std::string_view column) {
    if (!value.empty()) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "reference.empty", "字段 " + std::string(column) + " 不能为空",
                     "field " + std::string(column) + " must not be empty", std::string(column));
}

Result<std::vector<Region>> ParseRegions(const std::filesystem::path& path) {
    NPGOV_ASSIGN_OR_RETURN(auto t, ReadTable(path, {"code", "name_zh", "name_en", "level", "parent", "source"}));
    std::vector<Region> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        auto code = RegionCode::Parse(Cell(t, r, "code"));
        if (!code) return tl::unexpected(AtRow(code.error(), t, r, path));
        auto level = ParseLevel(Cell(t, r, "level"));
        if (!level) return tl::unexpected(AtRow(level.error(), t, r, path));
        Region region{code->text(), Cell(t, r, "name_zh"), Cell(t, r, "name_en"), *level, std::nullopt,
                      Cell(t, r, "source")};
        for (auto column : {"name_zh", "name_en", "source"}) {
            auto present = RequireText(Cell(t, r, column), column);
            if (!present) return tl::unexpected(AtRow(present.error(), t, r, path));
        }
        if (!Cell(t, r, "parent").empty()) {
            auto parent = RegionCode::Parse(Cell(t, r, "parent"));
            if (!parent) return tl::unexpected(AtRow(parent.error(), t, r, path));
            region.parent = parent->text();
        }
        out.push_back(std::move(region));
    }
    return out;
}

Result<std::vector<Department>> ParseDepartments(const std::filesystem::path& path) {
    NPGOV_ASSIGN_OR_RETURN(auto t, ReadTable(path, {"code", "name_zh", "name_en", "plan_sections", "source"}));
    std::vector<Department> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (auto column : {"code", "name_zh", "name_en", "source"}) {
            auto present = RequireText(Cell(t, r, column), column);
            if (!present) return tl::unexpected(AtRow(present.error(), t, r, path));
        }
        out.push_back({Cell(t, r, "code"), Cell(t, r, "name_zh"), Cell(t, r, "name_en"),
                       Cell(t, r, "plan_sections"), Cell(t, r, "source")});
    }
    return out;
}

Result<std::vector<Industry>> ParseIndustries(const std::filesystem::path& path) {
    NPGOV_ASSIGN_OR_RETURN(auto t, ReadTable(path, {"code", "name_zh", "name_en", "plan_focus", "source"}));
    std::vector<Industry> out;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const std::string& code = Cell(t, r, "code");
        if (code.size() != 4 || code.find_first_not_of("0123456789") != std::string::npos) {
            return tl::unexpected(AtRow(MakeError(ErrorCode::kInvalidArgument, "industry.code",
                                                  "行业代码须为 GB/T 4754 四位小类代码",
                                                  "industry code must be a four-digit GB/T 4754 class",
                                                  "code").value(), t, r, path));
        }
        out.push_back({code, Cell(t, r, "name_zh"), Cell(t, r, "name_en"), Cell(t, r, "plan_focus"),
                       Cell(t, r, "source")});
    }
    return out;
}

Region RegionFromRow(const store::Row& row) {
    return {row.Text(0), row.Text(1), row.Text(2), *ParseLevel(row.Text(3)), row.OptionalText(4), row.Text(5)};
}

Department DepartmentFromRow(const store::Row& row) {
    return {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4)};
}

Industry IndustryFromRow(const store::Row& row) {
    return {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4)};
}

// Looks one row up by its code; kNotFound "<kind>.unknown" with field "<kind>_code".
template <typename T, typename FromRow>
Result<T> FindByCode(store::Database& db, const char* select, std::string_view code, FromRow from_row,
                     const std::string& kind, const std::string& what_zh, const std::string& what_en) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, std::string(select) + " WHERE code = ?",
                                                     {std::string(code)}));
    if (!row) {
        return MakeError(ErrorCode::kNotFound, kind + ".unknown", "未知的" + what_zh + "：" + std::string(code),
                         "unknown " + what_en + ": " + std::string(code), kind + "_code");
    }
    return from_row(*row);
}

}  // namespace

std::string_view ToString(RegionLevel level) {
    switch (level) {
        case RegionLevel::kCity: return "city";
        case RegionLevel::kCounty: return "county";
        case RegionLevel::kZone: return "zone";
    }
    return "county";
}

Result<ReferenceFiles> LoadReferenceFiles(const std::filesystem::path& dir) {
    ReferenceFiles files;
    NPGOV_ASSIGN_OR_RETURN(files.departments, ParseDepartments(dir / "departments.csv"));
    NPGOV_ASSIGN_OR_RETURN(files.regions, ParseRegions(dir / "regions.csv"));
    NPGOV_ASSIGN_OR_RETURN(files.industries, ParseIndustries(dir / "industries.csv"));
    return files;
}

Status ReferenceData::Save(const ReferenceFiles& files, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    for (const auto& d : files.departments) {
        NPGOV_RETURN_IF_ERROR(store::Execute(*connection, kUpsertDepartment,
                                             {d.code, d.name_zh, d.name_en, d.plan_sections, d.source}));
    }
    for (const auto& r : files.regions) {
        NPGOV_RETURN_IF_ERROR(store::Execute(
            *connection, kUpsertRegion,
            {r.code, r.name_zh, r.name_en, std::string(ToString(r.level)), store::ToValue(r.parent), r.source}));
    }
    for (const auto& i : files.industries) {
        NPGOV_RETURN_IF_ERROR(store::Execute(*connection, kUpsertIndustry,
                                             {i.code, i.name_zh, i.name_en, i.plan_focus, i.source}));
    }
    const nlohmann::json after = {{"departments", files.departments.size()},
                                  {"regions", files.regions.size()},
                                  {"industries", files.industries.size()}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "reference.seed", "reference", "all",
                                                      std::nullopt, after.dump()}));
    return tx.Commit();
}

Result<std::vector<Department>> ReferenceData::ListDepartments() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, std::string(kSelectDepartments) + " ORDER BY code", {}));
    std::vector<Department> out;
    for (const auto& row : rows.rows) out.push_back(DepartmentFromRow(row));
    return out;
}

Result<std::vector<Region>> ReferenceData::ListRegions() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, std::string(kSelectRegions) + " ORDER BY code", {}));
    std::vector<Region> out;
    for (const auto& row : rows.rows) out.push_back(RegionFromRow(row));
    return out;
}

Result<std::vector<Industry>> ReferenceData::ListIndustries() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, std::string(kSelectIndustries) + " ORDER BY code", {}));
    std::vector<Industry> out;
    for (const auto& row : rows.rows) out.push_back(IndustryFromRow(row));
    return out;
}

Result<Region> ReferenceData::FindRegion(std::string_view code) {
    return FindByCode<Region>(db_, kSelectRegions, code, RegionFromRow, "region", "行政区划代码", "region code");
}

Result<Department> ReferenceData::FindDepartment(std::string_view code) {
    return FindByCode<Department>(db_, kSelectDepartments, code, DepartmentFromRow, "department", "部门代码",
                                  "department code");
}

Result<Industry> ReferenceData::FindIndustry(std::string_view code) {
    return FindByCode<Industry>(db_, kSelectIndustries, code, IndustryFromRow, "industry", "行业代码", "industry code");
}

std::vector<store::Migration> Migrations() {
    return {{1, "reference", R"sql(
CREATE TABLE departments (
    code          TEXT PRIMARY KEY,
    name_zh       TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    plan_sections TEXT NOT NULL,
    source        TEXT NOT NULL
);
CREATE TABLE regions (
    code        TEXT PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    level       TEXT NOT NULL,
    parent_code TEXT,
    source      TEXT NOT NULL
);
CREATE TABLE industries (
    code       TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    plan_focus TEXT NOT NULL,
    source     TEXT NOT NULL
);
)sql"}};
}

}  // namespace npgov::reference
