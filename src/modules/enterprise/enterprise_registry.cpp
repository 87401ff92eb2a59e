#include "modules/enterprise/enterprise_registry.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "core/uscc.hpp"
#include "modules/enterprise/enterprise_rows.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::enterprise {
namespace internal {

const char* const kSelectColumns =
    "SELECT id, uscc, name, region_code, industry_code, address, latitude, longitude, synthetic, "
    "created_at, updated_at, park, contact_name, contact_phone, on_roster, key_discharge_unit, "
    "soil_key_supervision, mandatory_clean_production_audit FROM enterprises";
const char* const kInsert =
    "INSERT INTO enterprises (uscc, name, region_code, industry_code, address, latitude, longitude, "
    "synthetic, created_at, updated_at, park, contact_name, contact_phone, on_roster, key_discharge_unit, "
    "soil_key_supervision, mandatory_clean_production_audit) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

namespace {

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

std::int64_t Flag(bool b) { return b ? 1 : 0; }

}  // namespace

Enterprise FromRow(const store::Row& row) {
    Enterprise e{row.Int(0),  row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5),
                 OptionalReal(row, 6), OptionalReal(row, 7), row.Int(8) != 0, row.Text(9), row.Text(10)};
    e.park = row.Text(11);
    e.contact_name = row.Text(12);
    e.contact_phone = row.Text(13);
    e.flags = {row.Int(14) != 0, row.Int(15) != 0, row.Int(16) != 0, row.Int(17) != 0};
    return e;
}

std::vector<store::Value> InsertParams(const Enterprise& e) {
    return {e.uscc, e.name, e.region_code, e.industry_code, e.address, store::ToValue(e.latitude),
            store::ToValue(e.longitude), Flag(e.synthetic), e.created_at, e.updated_at, e.park, e.contact_name,
            e.contact_phone, Flag(e.flags.on_roster), Flag(e.flags.key_discharge_unit),
            Flag(e.flags.soil_key_supervision), Flag(e.flags.mandatory_clean_production_audit)};
}

nlohmann::json ToAuditJson(const Enterprise& e) {
    nlohmann::json j = {{"id", e.id}, {"uscc", e.uscc}, {"name", e.name}, {"region_code", e.region_code},
                        {"industry_code", e.industry_code}, {"address", e.address}, {"synthetic", e.synthetic},
                        {"park", e.park}, {"contact_name", e.contact_name}, {"contact_phone", e.contact_phone},
                        {"on_roster", e.flags.on_roster}, {"key_discharge_unit", e.flags.key_discharge_unit},
                        {"soil_key_supervision", e.flags.soil_key_supervision},
                        {"mandatory_clean_production_audit", e.flags.mandatory_clean_production_audit}};
    j["latitude"] = e.latitude ? nlohmann::json(*e.latitude) : nlohmann::json(nullptr);
    j["longitude"] = e.longitude ? nlohmann::json(*e.longitude) : nlohmann::json(nullptr);
    return j;
}

Result<std::string> CheckName(std::string_view input) {
    const std::string name(Trim(input));
    if (name.empty() || name.size() > 300) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.name", "企业名称不能为空且不超过 100 个汉字",
                         "the enterprise name must be non-empty and at most 300 bytes", "name");
    }
    return name;
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

Result<std::string> CheckText(std::string_view input, const char* field, std::size_t max_code_points) {
    std::string text(Trim(input));
    if (!IsValidUtf8(text) || SplitCodePoints(text).size() > max_code_points) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.text",
                         std::string(field) + " 须为不超过 " + std::to_string(max_code_points) + " 个字的文本",
                         std::string(field) + " must be text of at most " + std::to_string(max_code_points) +
                             " characters",
                         field);
    }
    return text;
}

Checked ValidateEvery(const NewEnterprise& input, reference::ReferenceData& reference, const KnownCodes* known) {
    Checked out;
    Enterprise e;
    // Runs one check; keeps its error and reports whether it passed.
    const auto passed = [&out](const auto& result) {
        if (!result) out.errors.push_back(result.error());
        return static_cast<bool>(result);
    };
    if (auto uscc = Uscc::Parse(input.uscc); passed(uscc)) e.uscc = uscc->text();
    if (auto name = CheckName(input.name); passed(name)) e.name = *name;
    if (!known || !known->regions.count(input.region_code)) passed(reference.FindRegion(input.region_code));
    if (!known || !known->industries.count(input.industry_code)) passed(reference.FindIndustry(input.industry_code));
    passed(CheckCoordinates(input.latitude, input.longitude));
    if (auto address = CheckText(input.address, "address", 200); passed(address)) e.address = *address;
    if (auto park = CheckText(input.park, "park", 100); passed(park)) e.park = *park;
    if (auto contact = CheckText(input.contact_name, "contact_name", 50); passed(contact)) e.contact_name = *contact;
    if (auto phone = ParseContactPhone(input.contact_phone); passed(phone)) e.contact_phone = *phone;
    e.region_code = input.region_code;
    e.industry_code = input.industry_code;
    e.latitude = input.latitude;
    e.longitude = input.longitude;
    e.synthetic = input.synthetic;
    e.flags = input.flags;
    if (out.errors.empty()) out.enterprise = std::move(e);
    return out;
}

Result<Enterprise> Validate(const NewEnterprise& input, reference::ReferenceData& reference, const KnownCodes* known) {
    auto checked = ValidateEvery(input, reference, known);
    if (!checked.errors.empty()) return tl::unexpected(std::move(checked.errors.front()));
    return std::move(*checked.enterprise);
}

}  // namespace internal

namespace {

using internal::FromRow;
using internal::ToAuditJson;

// Appends the scope and query conditions to `where` / `params`.
void AddScope(const EnterpriseScope& scope, std::string& where, std::vector<store::Value>& params) {
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    if (scope.region_code) {
        add("region_code = ?");
        params.emplace_back(*scope.region_code);
    }
    if (scope.enterprise_id) {
        add("id = ?");
        params.emplace_back(*scope.enterprise_id);
    }
}

void AddConditions(const EnterpriseQuery& query, const EnterpriseScope& scope, std::string& where,
                   std::vector<store::Value>& params) {
    AddScope(scope, where, params);
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
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

Error UsccTaken(const std::string& uscc, std::int64_t id) {
    return MakeError(ErrorCode::kAlreadyExists, "enterprise.uscc_taken",
                     "统一社会信用代码 " + uscc + " 已登记（企业编号 " + std::to_string(id) + "）",
                     "the unified social credit code " + uscc + " is already registered (enterprise " +
                         std::to_string(id) + ")",
                     "uscc")
        .value();
}

// The first member of `changes` that only officers may set, or nullptr.
const char* NonContactField(const EnterpriseChanges& c) {
    if (c.name) return "name";
    if (c.region_code) return "region_code";
    if (c.industry_code) return "industry_code";
    if (c.park) return "park";
    if (c.address) return "address";
    if (c.coordinates) return "latitude";
    if (c.on_roster) return "on_roster";
    if (c.key_discharge_unit) return "key_discharge_unit";
    if (c.soil_key_supervision) return "soil_key_supervision";
    if (c.mandatory_clean_production_audit) return "mandatory_clean_production_audit";
    return nullptr;
}

}  // namespace

Result<std::string> ParseContactPhone(std::string_view text) {
    const std::string phone(Trim(NormalizeFullWidth(text)));
    if (phone.empty()) return phone;
    int digits = 0;
    bool ok = phone.size() >= 7 && phone.size() <= 20;
    for (char c : phone) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
            ok = false;
        }
    }
    if (!ok || digits < 7 || digits > 15) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise.phone",
                         "联系电话“" + ToMessageSnippet(text) + "”格式不对（如 0349-2021234 或 13912345678）",
                         "the contact phone \"" + ToMessageSnippet(text) +
                             "\" is not a phone number (e.g. 0349-2021234 or 13912345678)",
                         "contact_phone");
    }
    return phone;
}

Result<Enterprise> EnterpriseRegistry::Create(const NewEnterprise& input, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(Enterprise e, internal::Validate(input, reference_));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing, store::QueryOne(*connection, "SELECT id FROM enterprises WHERE uscc = ?",
                                                          {e.uscc}));
    if (existing) return tl::unexpected(UsccTaken(e.uscc, existing->Int(0)));
    e.created_at = e.updated_at = clock_.Now().ToIsoString();
    const auto params = internal::InsertParams(e);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(internal::kInsert, params));
    e.id = rows.rows.at(0).Int(0);
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "enterprise.create", "enterprise", std::to_string(e.id),
                                                      std::nullopt, ToAuditJson(e).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return e;
}

Result<Enterprise> EnterpriseRegistry::Update(std::int64_t id, const EnterpriseChanges& changes, EditRights rights,
                                              const EnterpriseScope& scope, const std::string& actor) {
    if (rights == EditRights::kContactOnly) {
        if (const char* field = NonContactField(changes)) {
            return MakeError(ErrorCode::kPermissionDenied, "enterprise.contact_only",
                             "企业用户只能修改本企业的联系人和联系电话（不能修改 " + std::string(field) + "）",
                             "enterprise users may change only their contact person and phone (not " +
                                 std::string(field) + ")",
                             field);
        }
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    std::string where = " WHERE id = ?";
    std::vector<store::Value> params = {id};
    AddScope(scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(internal::kSelectColumns) + where, params));
    if (rows.rows.empty()) {
        return MakeError(ErrorCode::kNotFound, "enterprise.unknown", "企业编号 " + std::to_string(id) + " 不存在",
                         "there is no enterprise " + std::to_string(id), "enterprise_id");
    }
    const Enterprise before = FromRow(rows.rows.front());
    NewEnterprise input{before.uscc, changes.name.value_or(before.name), changes.region_code.value_or(before.region_code),
                        changes.industry_code.value_or(before.industry_code), changes.address.value_or(before.address),
                        before.latitude, before.longitude, before.synthetic, changes.park.value_or(before.park),
                        changes.contact_name.value_or(before.contact_name),
                        changes.contact_phone.value_or(before.contact_phone), before.flags};
    if (changes.coordinates) {
        input.latitude = changes.coordinates->latitude;
        input.longitude = changes.coordinates->longitude;
    }
    if (changes.on_roster) input.flags.on_roster = *changes.on_roster;
    if (changes.key_discharge_unit) input.flags.key_discharge_unit = *changes.key_discharge_unit;
    if (changes.soil_key_supervision) input.flags.soil_key_supervision = *changes.soil_key_supervision;
    if (changes.mandatory_clean_production_audit) {
        input.flags.mandatory_clean_production_audit = *changes.mandatory_clean_production_audit;
    }
    NPGOV_ASSIGN_OR_RETURN(Enterprise after, internal::Validate(input, reference_));
    after.id = before.id;
    after.created_at = before.created_at;
    after.updated_at = before.updated_at;
    if (ToAuditJson(after) == ToAuditJson(before)) return before;
    after.updated_at = clock_.Now().ToIsoString();
    const std::vector<store::Value> update = {
        after.name, after.region_code, after.industry_code, after.address, store::ToValue(after.latitude),
        store::ToValue(after.longitude), after.park, after.contact_name, after.contact_phone,
        std::int64_t{after.flags.on_roster}, std::int64_t{after.flags.key_discharge_unit},
        std::int64_t{after.flags.soil_key_supervision}, std::int64_t{after.flags.mandatory_clean_production_audit},
        after.updated_at, after.id};
    NPGOV_RETURN_IF_ERROR(connection->Execute(
        "UPDATE enterprises SET name = ?, region_code = ?, industry_code = ?, address = ?, latitude = ?, "
        "longitude = ?, park = ?, contact_name = ?, contact_phone = ?, on_roster = ?, key_discharge_unit = ?, "
        "soil_key_supervision = ?, mandatory_clean_production_audit = ?, updated_at = ? WHERE id = ?",
        update));
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "enterprise.update", "enterprise", std::to_string(id),
                                                      ToAuditJson(before).dump(), ToAuditJson(after).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<Enterprise> EnterpriseRegistry::Find(std::int64_t id) { return FindInScope(id, {}); }

Result<Enterprise> EnterpriseRegistry::FindInScope(std::int64_t id, const EnterpriseScope& scope) {
    std::string where = " WHERE id = ?";
    std::vector<store::Value> params = {id};
    AddScope(scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(internal::kSelectColumns) + where, params));
    if (rows.rows.empty()) {
        return MakeError(ErrorCode::kNotFound, "enterprise.unknown", "企业编号 " + std::to_string(id) + " 不存在",
                         "there is no enterprise " + std::to_string(id), "enterprise_id");
    }
    return FromRow(rows.rows.front());
}

Result<std::optional<Enterprise>> EnterpriseRegistry::FindByUscc(std::string_view text) {
    auto uscc = Uscc::Parse(text);
    if (!uscc) return std::optional<Enterprise>();
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, std::string(internal::kSelectColumns) + " WHERE uscc = ?",
                                                     {uscc->text()}));
    if (!row) return std::optional<Enterprise>();
    return std::optional(FromRow(*row));
}

Result<std::vector<Enterprise>> EnterpriseRegistry::ListAll(const EnterpriseScope& scope,
                                                             const std::vector<std::string>& industry_codes) {
    std::string where;
    std::vector<store::Value> params;
    AddScope(scope, where, params);
    if (!industry_codes.empty()) {
        where += where.empty() ? " WHERE industry_code IN (" : " AND industry_code IN (";
        for (std::size_t i = 0; i < industry_codes.size(); ++i) {
            where += i ? ", ?" : "?";
            params.emplace_back(industry_codes[i]);
        }
        where += ")";
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(internal::kSelectColumns) + where + " ORDER BY id", params));
    std::vector<Enterprise> out;
    out.reserve(rows.rows.size());
    for (const auto& row : rows.rows) out.push_back(FromRow(row));
    return out;
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
    return store::QueryPage<Enterprise>(*connection, {internal::kSelectColumns, "enterprises", where, " ORDER BY id", params},
                                        page, FromRow);
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
)sql"},
            {30, "enterprise_park_contact_flags", R"sql(
ALTER TABLE enterprises ADD COLUMN park TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprises ADD COLUMN on_roster INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN key_discharge_unit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN soil_key_supervision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN mandatory_clean_production_audit INTEGER NOT NULL DEFAULT 0;
)sql"}};
}

}  // namespace npgov::enterprise
