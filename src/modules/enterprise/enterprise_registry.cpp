#include "modules/enterprise/enterprise_registry.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "core/uscc.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::enterprise {
namespace {

constexpr const char* kColumns =
    "SELECT id, uscc, name, region_code, industry_code, address, latitude, longitude, synthetic, "
    "created_at, updated_at FROM enterprises";
constexpr const char* kInsert =
    "INSERT INTO enterprises (uscc, name, region_code, industry_code, address, latitude, longitude, "
    "synthetic, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

Enterprise FromRow(const store::Row& row) {
    return {row.Int(0),  row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
            OptionalReal(row, 6), OptionalReal(row, 7), row.Int(8) != 0, row.Text(9), row.Text(10)};
}

nlohmann::json ToAuditJson(const Enterprise& e) {
    nlohmann::json j = {{"id", e.id}, {"uscc", e.uscc}, {"name", e.name}, {"region_code", e.region_code},
                        {"industry_code", e.industry_code}, {"address", e.address}, {"synthetic", e.synthetic}};
    j["latitude"] = e.latitude ? nlohmann::json(*e.latitude) : nlohmann::json(nullptr);
    j["longitude"] = e.longitude ? nlohmann::json(*e.longitude) : nlohmann::json(nullptr);
    return j;
}

Status CheckCoordinates(const std::optional<double>& lat, const std::optional<double>& lon) {
    if (lat.has_value() != lon.has_value()) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.coordinates", "经纬度须同时填写或同时留空",
                         "latitude and longitude must be given together", lat ? "longitude" : "latitude");
    }
    if (lat && (!std::isfinite(*lat) || *lat < -90 || *lat > 90)) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.coordinates", "纬度须在 -90 到 90 之间",
                         "latitude must be between -90 and 90", "latitude");
    }
    if (lon && (!std::isfinite(*lon) || *lon < -180 || *lon > 180)) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.coordinates", "经度须在 -180 到 180 之间",
                         "longitude must be between -180 and 180", "longitude");
    }
    return Ok();
}

// Appends the scope and query conditions to `where` / `params`.
void AddConditions(const EnterpriseQuery& query, const EnterpriseScope& scope, std::string& where,
                   std::vector<store::Value>& params) {
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    if (scope.region_code) {
        add("region_code = ?");
        params.emplace_back(*scope.region_code);
    }
    if (scope.enterprise_id) {
        add("id = ?");
        params.emplace_back(*scope.enterprise_id);
    }
    if (query.region_code) {
        add("region_code = ?");
        params.emplace_back(*query.region_code);
    }
    if (query.text && !query.text->empty()) {
        add("(name LIKE ? OR uscc LIKE ?)");
        const std::string pattern = "%" + *query.text + "%";
        params.emplace_back(pattern);
        params.emplace_back(pattern);
    }
}

Result<std::vector<CodeCount>> CountBy(store::Database& db, const char* column, const EnterpriseScope& scope) {
    std::string where;
    std::vector<store::Value> params;
    AddConditions({}, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string("SELECT ") + column +
                                                            ", COUNT(*) FROM enterprises" + where +
                                                            " GROUP BY " + column + " ORDER BY " + column,
                                                        params));
    std::vector<CodeCount> out;
    for (const auto& row : rows.rows) out.push_back({row.Text(0), row.Int(1)});
    return out;
}

}  // namespace

Result<Enterprise> EnterpriseRegistry::Create(const NewEnterprise& input, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(input.uscc));
    const std::string name(Trim(input.name));
    if (name.empty() || name.size() > 300) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.name", "企业名称不能为空且不超过 100 个汉字",
                         "the enterprise name must be non-empty and at most 300 bytes", "name");
    }
    NPGOV_RETURN_IF_ERROR(reference_.FindRegion(input.region_code));
    NPGOV_RETURN_IF_ERROR(reference_.FindIndustry(input.industry_code));
    NPGOV_RETURN_IF_ERROR(CheckCoordinates(input.latitude, input.longitude));

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing, store::QueryOne(*connection, "SELECT id FROM enterprises WHERE uscc = ?",
                                                          {uscc.text()}));
    if (existing) {
        return MakeError(ErrorCode::kAlreadyExists, "enterprise.uscc_taken",
                         "统一社会信用代码 " + uscc.text() + " 已登记（企业编号 " + std::to_string(existing->Int(0)) + "）",
                         "the unified social credit code " + uscc.text() + " is already registered (enterprise " +
                             std::to_string(existing->Int(0)) + ")",
                         "uscc");
    }
    Enterprise e;
    e.uscc = uscc.text();
    e.name = name;
    e.region_code = input.region_code;
    e.industry_code = input.industry_code;
    e.address = std::string(Trim(input.address));
    e.latitude = input.latitude;
    e.longitude = input.longitude;
    e.synthetic = input.synthetic;
    e.created_at = e.updated_at = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(
        auto rows, store::Query(*connection, kInsert,
                                {e.uscc, e.name, e.region_code, e.industry_code, e.address,
                                 store::ToValue(e.latitude), store::ToValue(e.longitude),
                                 std::int64_t{e.synthetic ? 1 : 0}, e.created_at, e.updated_at}));
    e.id = rows.rows.at(0).Int(0);
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "enterprise.create", "enterprise", std::to_string(e.id),
                                                      std::nullopt, ToAuditJson(e).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return e;
}

Result<Enterprise> EnterpriseRegistry::Find(std::int64_t id) { return FindInScope(id, {}); }

Result<Enterprise> EnterpriseRegistry::FindInScope(std::int64_t id, const EnterpriseScope& scope) {
    std::string where = " WHERE id = ?";
    std::vector<store::Value> params = {id};
    AddConditions({}, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kColumns) + where, params));
    if (rows.rows.empty()) {
        return MakeError(ErrorCode::kNotFound, "enterprise.unknown", "企业编号 " + std::to_string(id) + " 不存在",
                         "there is no enterprise " + std::to_string(id), "enterprise_id");
    }
    return FromRow(rows.rows.front());
}

Result<bool> EnterpriseRegistry::HasSyntheticData() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, "SELECT id FROM enterprises WHERE synthetic = 1 LIMIT 1"));
    return row.has_value();
}

Result<Page<Enterprise>> EnterpriseRegistry::List(const EnterpriseQuery& query, const EnterpriseScope& scope,
                                                  const PageRequest& page) {
    std::string where;
    std::vector<store::Value> params;
    AddConditions(query, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<Enterprise>(*connection, {kColumns, "enterprises", where, " ORDER BY id", params}, page,
                                        FromRow);
}

Result<std::vector<CodeCount>> EnterpriseRegistry::CountByRegion(const EnterpriseScope& scope) {
    return CountBy(db_, "region_code", scope);
}

Result<std::vector<CodeCount>> EnterpriseRegistry::CountByIndustry(const EnterpriseScope& scope) {
    return CountBy(db_, "industry_code", scope);
}

std::vector<store::Migration> Migrations() {
    return {{4, "enterprises", R"sql(
CREATE TABLE enterprises (
    id            {{id}},
    uscc          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    region_code   TEXT NOT NULL,
    industry_code TEXT NOT NULL,
    address       TEXT NOT NULL,
    latitude      DOUBLE PRECISION,
    longitude     DOUBLE PRECISION,
    synthetic     INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX enterprises_region ON enterprises (region_code, id);
CREATE INDEX enterprises_industry ON enterprises (industry_code);
)sql"}};
}

}  // namespace npgov::enterprise
