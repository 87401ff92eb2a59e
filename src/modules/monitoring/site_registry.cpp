#include "modules/monitoring/site_registry.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::monitoring {
namespace {

constexpr const char* kColumns =
    "SELECT id, code, name, site_type, region_code, water_body, latitude, longitude, synthetic, created_at, "
    "updated_at FROM monitoring_sites";
constexpr const char* kInsert =
    "INSERT INTO monitoring_sites (code, name, site_type, region_code, water_body, latitude, longitude, synthetic, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::size_t kMaxCodesPerQuery = 500;

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

Site FromRow(const store::Row& row) {
    auto type = ParseSiteType(row.Text(3));
    if (!type) throw InternalError{"monitoring_sites.site_type holds an unknown type: " + row.Text(3)};
    return {row.Int(0),           row.Text(1),          row.Text(2),      *type,       row.Text(4), row.Text(5),
            OptionalReal(row, 6), OptionalReal(row, 7), row.Int(8) != 0, row.Text(9), row.Text(10)};
}

nlohmann::json ToAuditJson(const Site& s) {
    auto opt = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {{"id", s.id},
            {"code", s.code},
            {"name", s.name},
            {"site_type", ToString(s.type)},
            {"region_code", s.region_code},
            {"water_body", s.water_body},
            {"latitude", opt(s.latitude)},
            {"longitude", opt(s.longitude)},
            {"synthetic", s.synthetic}};
}

Status CheckCode(const std::string& code) {
    bool ok = !code.empty() && code.size() <= 40;
    for (char c : code) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        ok = ok && allowed;
    }
    if (ok) return Ok();
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.site_code",
                     "点位编码须为 1–40 个字母、数字或 - _ . 字符：“" + ToMessageSnippet(code) + "”",
                     "a site code is 1–40 letters, digits, '-', '_' or '.': \"" + ToMessageSnippet(code) + "\"",
                     "code");
}

Status CheckCoordinates(const std::optional<double>& lat, const std::optional<double>& lon) {
    if (lat.has_value() != lon.has_value()) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.coordinates", "经纬度须同时填写或同时留空",
                         "latitude and longitude must be given together", lat ? "longitude" : "latitude");
    }
    if (lat && (!std::isfinite(*lat) || *lat < -90 || *lat > 90)) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.coordinates", "纬度须在 -90 到 90 之间",
                         "latitude must be between -90 and 90", "latitude");
    }
    if (lon && (!std::isfinite(*lon) || *lon < -180 || *lon > 180)) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.coordinates", "经度须在 -180 到 180 之间",
                         "longitude must be between -180 and 180", "longitude");
    }
    return Ok();
}

void AddConditions(const SiteQuery& query, const SiteScope& scope, std::string& where,
                   std::vector<store::Value>& params) {
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    if (scope.region_code) {
        add("region_code = ?");
        params.emplace_back(*scope.region_code);
    }
    if (query.region_code) {
        add("region_code = ?");
        params.emplace_back(*query.region_code);
    }
    if (query.type) {
        add("site_type = ?");
        params.emplace_back(std::string(ToString(*query.type)));
    }
    if (query.text && !query.text->empty()) {
        add("(code LIKE ? OR name LIKE ?)");
        for (const std::string& needle : {ToUpperAscii(*query.text), *query.text}) {
            std::string pattern = "%";
            pattern.append(needle).push_back('%');
            params.emplace_back(std::move(pattern));
        }
    }
}

Error UnknownSite(std::int64_t id) {
    return MakeError(ErrorCode::kNotFound, "monitoring.site_unknown", "监测点位 " + std::to_string(id) + " 不存在",
                     "there is no monitoring site " + std::to_string(id), "site_id")
        .value();
}

}  // namespace

std::string NormaliseSiteCode(std::string_view code) { return ToUpperAscii(Trim(NormalizeFullWidth(code))); }

Result<Site> SiteRegistry::Create(const NewSite& input, const SiteScope& scope, const std::string& actor) {
    Site s;
    s.code = NormaliseSiteCode(input.code);
    NPGOV_RETURN_IF_ERROR(CheckCode(s.code));
    s.name = std::string(Trim(input.name));
    if (s.name.empty() || s.name.size() > 200) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.site_name", "点位名称不能为空且不超过 200 字节",
                         "the site name must be non-empty and at most 200 bytes", "name");
    }
    NPGOV_RETURN_IF_ERROR(reference_.FindRegion(input.region_code));
    if (scope.region_code && *scope.region_code != input.region_code) {
        return MakeError(ErrorCode::kPermissionDenied, "monitoring.out_of_scope",
                         "您只能登记本辖区（" + *scope.region_code + "）的监测点位",
                         "you may register monitoring sites only in your own county (" + *scope.region_code + ")",
                         "region_code");
    }
    NPGOV_RETURN_IF_ERROR(CheckCoordinates(input.latitude, input.longitude));
    s.type = input.type;
    s.region_code = input.region_code;
    s.water_body = std::string(Trim(input.water_body));
    s.latitude = input.latitude;
    s.longitude = input.longitude;
    s.synthetic = input.synthetic;
    s.created_at = s.updated_at = clock_.Now().ToIsoString();

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing,
                           store::QueryOne(*connection, "SELECT id FROM monitoring_sites WHERE code = ?", {s.code}));
    if (existing) {
        return MakeError(ErrorCode::kAlreadyExists, "monitoring.site_code_taken",
                         "点位编码 " + s.code + " 已被使用（点位编号 " + std::to_string(existing->Int(0)) + "）",
                         "the site code " + s.code + " is taken (site " + std::to_string(existing->Int(0)) + ")",
                         "code");
    }
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, kInsert,
                                                   {s.code, s.name, std::string(ToString(s.type)), s.region_code,
                                                    s.water_body, store::ToValue(s.latitude),
                                                    store::ToValue(s.longitude), std::int64_t{s.synthetic ? 1 : 0},
                                                    s.created_at, s.updated_at}));
    s.id = rows.rows.at(0).Int(0);
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "monitoring.site.create", "monitoring_site",
                                                      std::to_string(s.id), std::nullopt, ToAuditJson(s).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return s;
}

Result<Site> SiteRegistry::Find(std::int64_t id, const SiteScope& scope) {
    std::string where = " WHERE id = ?";
    std::vector<store::Value> params = {id};
    AddConditions({}, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kColumns) + where, params));
    if (rows.rows.empty()) return tl::unexpected(UnknownSite(id));
    return FromRow(rows.rows.front());
}

Result<std::map<std::string, Site>> SiteRegistry::FindByCodes(const std::vector<std::string>& codes,
                                                              const SiteScope& scope) {
    std::map<std::string, Site> found;
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    for (std::size_t begin = 0; begin < codes.size(); begin += kMaxCodesPerQuery) {
        const std::size_t end = std::min(codes.size(), begin + kMaxCodesPerQuery);
        std::string where = " WHERE code IN (";
        std::vector<store::Value> params;
        for (std::size_t i = begin; i < end; ++i) {
            where += i == begin ? "?" : ", ?";
            params.emplace_back(codes[i]);
        }
        where += ")";
        AddConditions({}, scope, where, params);
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kColumns) + where, params));
        for (const auto& row : rows.rows) {
            Site site = FromRow(row);
            found.emplace(site.code, std::move(site));
        }
    }
    return found;
}

Result<Page<Site>> SiteRegistry::List(const SiteQuery& query, const SiteScope& scope, const PageRequest& page) {
    std::string where;
    std::vector<store::Value> params;
    AddConditions(query, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<Site>(*connection, {kColumns, "monitoring_sites", where, " ORDER BY code", params}, page,
                                  FromRow);
}

}  // namespace npgov::monitoring
