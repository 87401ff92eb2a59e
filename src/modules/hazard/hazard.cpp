#include "modules/hazard/hazard.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "core/text.hpp"
#include "engines/tabular/table.hpp"
#include "modules/auth/secrets.hpp"
#include "store/locks.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::hazard {
namespace {

constexpr std::size_t kInBatch = 500;       // values per IN (…) list
constexpr std::size_t kRowsPerInsert = 200;  // rows per multi-row INSERT (≤ 27 values each)
constexpr std::size_t kMaxReportedErrors = 1000;

constexpr const char* kPropertyColumns =
    "id, substance_id, cas, property, qualifier, value, unit, normalised, temperature_c, provenance, reliability, "
    "source, source_year, method, method_version, inputs, notes, import_id, source_row, created_by, created_at";
constexpr const char* kInsertProperty =
    "INSERT INTO hazard_properties (substance_id, cas, property, qualifier, value, unit, normalised, temperature_c, "
    "provenance, reliability, source, source_year, method, method_version, inputs, notes, import_id, source_row, "
    "created_by, created_at, dedup_key)";
constexpr std::size_t kPropertyWidth = 21;

constexpr const char* kEcotoxColumns =
    "id, substance_id, cas, species, taxon_group, trophic_level, compartment, endpoint, effect, exposure, duration, "
    "duration_unit, duration_hours, qualifier, value, unit, normalised, normalised_unit, reliability, source, "
    "source_year, guideline, notes, import_id, source_row, created_by, created_at";
constexpr const char* kInsertEcotox =
    "INSERT INTO hazard_ecotox (substance_id, cas, species, taxon_group, trophic_level, compartment, endpoint, effect, "
    "exposure, duration, duration_unit, duration_hours, qualifier, value, unit, normalised, normalised_unit, "
    "reliability, source, source_year, guideline, notes, import_id, source_row, created_by, created_at, dedup_key)";
constexpr std::size_t kEcotoxWidth = 27;

constexpr const char* kClassificationColumns =
    "id, substance_id, cas, kind, category, source, source_year, notes, import_id, source_row, created_by, created_at";
constexpr const char* kInsertClassification =
    "INSERT INTO hazard_classifications (substance_id, cas, kind, category, source, source_year, notes, import_id, "
    "source_row, created_by, created_at, dedup_key)";
constexpr std::size_t kClassificationWidth = 12;

constexpr const char* kFindImportByHash =
    "SELECT id, file_name, actor, imported_at FROM hazard_imports WHERE file_sha256 = ?";
constexpr const char* kInsertImport =
    "INSERT INTO hazard_imports (file_sha256, file_name, file_format, row_count, properties, ecotox, classifications, "
    "substances, actor, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";


std::string G(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    return buffer;
}

std::string Folded(std::string_view text) { return ToLowerAscii(Trim(NormalizeFullWidth(text))); }

// Identity of a record for duplicate detection: the same substance, what was measured, the value
// and where it comes from. Notes and reliability are not part of it.
std::string KeyOf(std::int64_t substance_id, const PropertyValue& v) {
    const auto& e = v.entry;
    return "p|" + std::to_string(substance_id) + "|" + std::string(ToString(e.property)) + "|" +
           std::string(ToString(e.provenance)) + "|" + std::string(ToString(e.qualifier)) + "|" + G(v.normalised) + "|" +
           (e.temperature_c ? G(*e.temperature_c) : "") + "|" + Folded(e.source) + "|" + Folded(e.method) + "|" +
           Folded(e.method_version);
}

std::string KeyOf(std::int64_t substance_id, const EcotoxRecord& r) {
    const auto& e = r.entry;
    return "e|" + std::to_string(substance_id) + "|" + Folded(e.species) + "|" + std::string(ToString(e.endpoint)) + "|" +
           std::string(ToString(e.exposure)) + "|" + G(r.duration_hours) + "|" +
           std::string(ToString(e.compartment.value_or(Compartment::kFreshwater))) + "|" +
           std::string(ToString(e.qualifier)) + "|" + G(r.normalised) + "|" + Folded(e.source);
}

std::string KeyOf(std::int64_t substance_id, const ClassificationRecord& r) {
    return "c|" + std::to_string(substance_id) + "|" + std::string(ToString(r.entry.kind)) + "|" + r.entry.category +
           "|" + Folded(r.entry.source);
}

store::Value OptionalInt(const std::optional<int>& v) {
    return v ? store::Value(std::int64_t{*v}) : store::Null();
}

store::Value IdOrNull(std::int64_t id) { return id ? store::Value(id) : store::Null(); }

void AppendValues(std::vector<store::Value>& out, std::int64_t substance_id, const PropertyValue& v,
                  std::int64_t import_id, const std::string& actor, const std::string& now) {
    const auto& e = v.entry;
    out.insert(out.end(), {substance_id, v.cas, std::string(ToString(e.property)), std::string(ToString(e.qualifier)),
                           e.value, e.unit, v.normalised, store::ToValue(e.temperature_c),
                           std::string(ToString(e.provenance)), OptionalInt(e.reliability), e.source,
                           OptionalInt(e.source_year), e.method, e.method_version, e.inputs, e.notes, IdOrNull(import_id),
                           std::int64_t{v.source_row}, actor, now, KeyOf(substance_id, v)});
}

void AppendValues(std::vector<store::Value>& out, std::int64_t substance_id, const EcotoxRecord& r,
                  std::int64_t import_id, const std::string& actor, const std::string& now) {
    const auto& e = r.entry;
    out.insert(out.end(),
               {substance_id, r.cas, e.species, std::string(ToString(e.taxon_group)),
                std::string(ToString(e.trophic_level.value_or(DefaultTrophicLevel(e.taxon_group)))),
                std::string(ToString(e.compartment.value_or(DefaultCompartment(e.taxon_group)))),
                std::string(ToString(e.endpoint)), e.effect, std::string(ToString(e.exposure)), e.duration,
                e.duration_unit, r.duration_hours, std::string(ToString(e.qualifier)), e.value, e.unit, r.normalised,
                r.normalised_unit, std::int64_t{e.reliability}, e.source, OptionalInt(e.source_year), e.guideline, e.notes,
                IdOrNull(import_id), std::int64_t{r.source_row}, actor, now, KeyOf(substance_id, r)});
}

void AppendValues(std::vector<store::Value>& out, std::int64_t substance_id, const ClassificationRecord& r,
                  std::int64_t import_id, const std::string& actor, const std::string& now) {
    const auto& e = r.entry;
    out.insert(out.end(), {substance_id, r.cas, std::string(ToString(e.kind)), e.category, e.source,
                           OptionalInt(e.source_year), e.notes, IdOrNull(import_id), std::int64_t{r.source_row}, actor,
                           now, KeyOf(substance_id, r)});
}

std::string MultiRowInsert(std::string_view head, std::size_t width, std::size_t rows, std::string_view returning) {
    std::string group("(");
    group += store::Placeholders(width);
    group += ")";
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
        if (r) sql += ", ";
        sql += group;
    }
    sql += returning;
    return sql;
}

// Inserts `count` rows in statements of up to kRowsPerInsert rows; `append(i, values)` adds row i.
Status InsertInBatches(store::Connection& c, std::string_view head, std::size_t width, std::size_t count,
                       const std::function<void(std::size_t, std::vector<store::Value>&)>& append) {
    std::vector<store::Value> values;
    for (std::size_t begin = 0; begin < count; begin += kRowsPerInsert) {
        const std::size_t end = std::min(count, begin + kRowsPerInsert);
        values.clear();
        for (std::size_t i = begin; i < end; ++i) append(i, values);
        NPGOV_CHECK(values.size() == (end - begin) * width);
        NPGOV_RETURN_IF_ERROR(c.Execute(MultiRowInsert(head, width, end - begin, ""), values));
    }
    return Ok();
}

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

std::optional<int> OptionalYear(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return static_cast<int>(row.Int(i));
}

Error Corrupt(const std::string& table, std::int64_t id, const Error& cause) {
    return Error{ErrorCode::kDataLoss, "hazard.corrupt_row",
                 "数据库中的危害数据记录已损坏（" + table + " #" + std::to_string(id) + "）：" + cause.message_zh,
                 "a stored hazard record is corrupt (" + table + " #" + std::to_string(id) + "): " + cause.message_en,
                 "", 0};
}

template <typename T>
Result<T> Stored(Result<T> parsed, const std::string& table, std::int64_t id) {
    if (!parsed) return tl::unexpected(Corrupt(table, id, parsed.error()));
    return parsed;
}

Result<PropertyValue> PropertyFromRow(const store::Row& row) {
    PropertyValue v;
    v.id = row.Int(0);
    v.substance_id = row.Int(1);
    v.cas = row.Text(2);
    auto& e = v.entry;
    NPGOV_ASSIGN_OR_RETURN(e.property, Stored(ParseProperty(row.Text(3)), "hazard_properties", v.id));
    NPGOV_ASSIGN_OR_RETURN(e.qualifier, Stored(ParseQualifier(row.Text(4)), "hazard_properties", v.id));
    e.value = row.Real(5);
    e.unit = row.Text(6);
    v.normalised = row.Real(7);
    e.temperature_c = OptionalReal(row, 8);
    NPGOV_ASSIGN_OR_RETURN(e.provenance, Stored(ParseProvenance(row.Text(9)), "hazard_properties", v.id));
    e.reliability = OptionalYear(row, 10);
    e.source = row.Text(11);
    e.source_year = OptionalYear(row, 12);
    e.method = row.Text(13);
    e.method_version = row.Text(14);
    e.inputs = row.Text(15);
    e.notes = row.Text(16);
    v.import_id = row.IsNull(17) ? 0 : row.Int(17);
    v.source_row = static_cast<long>(row.Int(18));
    v.created_by = row.Text(19);
    v.created_at = row.Text(20);
    return v;
}

Result<EcotoxRecord> EcotoxFromRow(const store::Row& row) {
    EcotoxRecord r;
    r.id = row.Int(0);
    r.substance_id = row.Int(1);
    r.cas = row.Text(2);
    auto& e = r.entry;
    const std::string table = "hazard_ecotox";
    e.species = row.Text(3);
    NPGOV_ASSIGN_OR_RETURN(e.taxon_group, Stored(ParseTaxonGroup(row.Text(4)), table, r.id));
    NPGOV_ASSIGN_OR_RETURN(e.trophic_level, Stored(ParseTrophicLevel(row.Text(5)), table, r.id));
    NPGOV_ASSIGN_OR_RETURN(e.compartment, Stored(ParseCompartment(row.Text(6)), table, r.id));
    NPGOV_ASSIGN_OR_RETURN(e.endpoint, Stored(ParseEndpoint(row.Text(7)), table, r.id));
    e.effect = row.Text(8);
    NPGOV_ASSIGN_OR_RETURN(e.exposure, Stored(ParseExposure(row.Text(9)), table, r.id));
    e.duration = row.Real(10);
    e.duration_unit = row.Text(11);
    r.duration_hours = row.Real(12);
    NPGOV_ASSIGN_OR_RETURN(e.qualifier, Stored(ParseQualifier(row.Text(13)), table, r.id));
    e.value = row.Real(14);
    e.unit = row.Text(15);
    r.normalised = row.Real(16);
    r.normalised_unit = row.Text(17);
    e.reliability = static_cast<int>(row.Int(18));
    e.source = row.Text(19);
    e.source_year = OptionalYear(row, 20);
    e.guideline = row.Text(21);
    e.notes = row.Text(22);
    r.import_id = row.IsNull(23) ? 0 : row.Int(23);
    r.source_row = static_cast<long>(row.Int(24));
    r.created_by = row.Text(25);
    r.created_at = row.Text(26);
    return r;
}

Result<ClassificationRecord> ClassificationFromRow(const store::Row& row) {
    ClassificationRecord r;
    r.id = row.Int(0);
    r.substance_id = row.Int(1);
    r.cas = row.Text(2);
    NPGOV_ASSIGN_OR_RETURN(r.entry.kind, Stored(ParseClassificationKind(row.Text(3)), "hazard_classifications", r.id));
    r.entry.category = row.Text(4);
    r.entry.source = row.Text(5);
    r.entry.source_year = OptionalYear(row, 6);
    r.entry.notes = row.Text(7);
    r.import_id = row.IsNull(8) ? 0 : row.Int(8);
    r.source_row = static_cast<long>(row.Int(9));
    r.created_by = row.Text(10);
    r.created_at = row.Text(11);
    return r;
}

// The records of `ids` in one table, in batches.
template <typename Record, typename FromRow>
Result<std::vector<Record>> LoadFor(store::Connection& c, const char* columns, const char* table,
                                    const std::vector<std::int64_t>& ids, FromRow from_row) {
    std::vector<Record> out;
    for (std::size_t begin = 0; begin < ids.size(); begin += kInBatch) {
        const std::size_t n = std::min(kInBatch, ids.size() - begin);
        std::vector<store::Value> params(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                         ids.begin() + static_cast<std::ptrdiff_t>(begin + n));
        std::string sql("SELECT ");
        sql += columns;
        sql += " FROM ";
        sql += table;
        sql += " WHERE substance_id IN (";
        sql += store::Placeholders(n);
        sql += ") ORDER BY id";
        NPGOV_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
        for (const auto& row : rows.rows) {
            NPGOV_ASSIGN_OR_RETURN(auto record, from_row(row));
            out.push_back(std::move(record));
        }
    }
    return out;
}

// Where a stored record came from: an import and its source row, or (import 0) an entry id.
struct StoredAt {
    std::int64_t import_id = 0;
    std::int64_t row_or_id = 0;
};

// The stored records whose dedup keys are among `keys`.
Result<std::unordered_map<std::string, StoredAt>> StoredKeys(store::Connection& c, const char* table,
                                                             const std::vector<std::string>& keys) {
    std::unordered_map<std::string, StoredAt> out;
    for (std::size_t begin = 0; begin < keys.size(); begin += kInBatch) {
        const std::size_t n = std::min(kInBatch, keys.size() - begin);
        std::vector<store::Value> params(keys.begin() + static_cast<std::ptrdiff_t>(begin),
                                         keys.begin() + static_cast<std::ptrdiff_t>(begin + n));
        std::string sql("SELECT dedup_key, id, import_id, source_row FROM ");
        sql += table;
        sql += " WHERE dedup_key IN (";
        sql += store::Placeholders(n);
        sql += ")";
        NPGOV_ASSIGN_OR_RETURN(auto rows, c.Query(sql, params));
        for (const auto& row : rows.rows) {
            // Entered one by one: (0, id); imported: (import id, source row).
            out.emplace(row.Text(0), row.IsNull(2) ? StoredAt{0, row.Int(1)} : StoredAt{row.Int(2), row.Int(3)});
        }
    }
    return out;
}

Error RowError(ErrorCode code, std::string reason, long row, std::string field, const std::string& zh,
               const std::string& en) {
    return Error{code, std::move(reason), "第 " + std::to_string(row) + " 行：" + zh, "row " + std::to_string(row) + ": " + en,
                 std::move(field), row};
}

// Where a stored duplicate is: "import 3, row 12" or "entry #5".
std::pair<std::string, std::string> WhereStored(const StoredAt& at) {
    const std::string second = std::to_string(at.row_or_id);
    if (at.import_id == 0) return {"单条录入记录 #" + second, "the entry #" + second};
    const std::string import = std::to_string(at.import_id);
    return {"导入编号 " + import + " 第 " + second + " 行", "import " + import + ", row " + second};
}

std::string FormatName(const tabular::Table& table) {
    if (table.format == tabular::FileFormat::kXlsx) return "xlsx";
    return table.encoding == tabular::TextEncoding::kGbk ? "csv-gbk" : "csv-utf8";
}

Error DuplicateFile(const store::Row& earlier, const std::string& sha256) {
    const std::string id = std::to_string(earlier.Int(0));
    return Error{ErrorCode::kAlreadyExists, "hazard.import_duplicate",
                 "该文件已导入过：导入编号 " + id + "，文件 “" + ToMessageSnippet(earlier.Text(1), 60) + "”，由 " +
                     earlier.Text(2) + " 于 " + earlier.Text(3) + " 导入（SHA-256 " + sha256.substr(0, 12) + "…）",
                 "this file was imported before: import " + id + ", file \"" + ToMessageSnippet(earlier.Text(1), 60) +
                     "\", by " + earlier.Text(2) + " at " + earlier.Text(3) + " (SHA-256 " + sha256.substr(0, 12) + "…)",
                 "file", 0};
}

// The first problem as the error, with every problem's English text when there are several.
Error FirstOf(std::vector<Error> problems) {
    Error e = problems.front();
    if (problems.size() > 1) {
        for (std::size_t i = 1; i < problems.size(); ++i) {
            e.message_zh += "；" + problems[i].message_zh;
            e.message_en += "; " + problems[i].message_en;
        }
    }
    return e;
}

int ThisYear(const Clock& clock) {
    const std::string date = ToDate(clock.Now(), kChinaStandardTimeOffsetMinutes).ToIsoString();
    return std::stoi(date.substr(0, 4));
}

nlohmann::json AuditJson(const PropertyValue& v) {
    const auto& e = v.entry;
    return {{"id", v.id}, {"substance_id", v.substance_id}, {"property", ToString(e.property)},
            {"qualifier", ToString(e.qualifier)}, {"value", e.value}, {"unit", e.unit}, {"normalised", v.normalised},
            {"temperature_c", e.temperature_c ? nlohmann::json(*e.temperature_c) : nlohmann::json()},
            {"provenance", ToString(e.provenance)},
            {"reliability", e.reliability ? nlohmann::json(*e.reliability) : nlohmann::json()}, {"source", e.source},
            {"method", e.method}, {"method_version", e.method_version}, {"inputs", e.inputs}};
}

nlohmann::json AuditJson(const EcotoxRecord& r) {
    const auto& e = r.entry;
    return {{"id", r.id}, {"substance_id", r.substance_id}, {"species", e.species}, {"endpoint", ToString(e.endpoint)},
            {"exposure", ToString(e.exposure)}, {"duration_hours", r.duration_hours},
            {"qualifier", ToString(e.qualifier)}, {"value", e.value}, {"unit", e.unit},
            {"reliability", e.reliability}, {"source", e.source}};
}

nlohmann::json AuditJson(const ClassificationRecord& r) {
    return {{"id", r.id}, {"substance_id", r.substance_id}, {"kind", ToString(r.entry.kind)},
            {"category", r.entry.category}, {"source", r.entry.source}};
}

Error DuplicateEntry(const StoredAt& where) {
    const auto [zh, en] = WhereStored(where);
    return Error{ErrorCode::kAlreadyExists, "hazard.duplicate", "相同的记录已存在（" + zh + "）",
                 "the same record is already stored (" + en + ")", "", 0};
}

}  // namespace

Result<ImportReport> HazardData::Import(const ImportRequest& request, const std::string& actor) {
    ImportReport report;
    report.sha256 = auth::Sha256Hex(request.bytes);
    report.file_name = std::string(Trim(request.file_name));
    report.dry_run = request.mode == ImportMode::kDryRun;
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto earlier, store::QueryOne(*connection, kFindImportByHash, {report.sha256}));
        if (earlier) return tl::unexpected(DuplicateFile(*earlier, report.sha256));
    }
    tabular::ReadOptions options;
    options.max_bytes = request.max_bytes;
    options.max_rows = request.max_rows;
    options.full_width = tabular::FullWidth::kKeep;  // sources as written; parsers fold what they read
    NPGOV_ASSIGN_OR_RETURN(tabular::Table table, tabular::ReadTable(request.bytes, options));
    report.format = FormatName(table);
    report.rows = static_cast<std::int64_t>(table.rows.size());
    NPGOV_ASSIGN_OR_RETURN(HazardColumns columns, FindHazardColumns(table));
    if (table.rows.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "hazard.no_rows", "文件只有表头，没有数据行",
                         "the file has a header but no data rows");
    }
    ParsedHazardFile parsed = ParseHazardRows(table, columns, {ThisYear(clock_)}, kMaxReportedErrors);
    report.errors = std::move(parsed.errors);
    report.errors_omitted = parsed.errors_omitted;
    auto add_error = [&report](Error e) {
        if (report.errors.size() < kMaxReportedErrors) {
            report.errors.push_back(std::move(e));
        } else {
            ++report.errors_omitted;
        }
    };

    // Substances by CAS number, through the registry.
    std::unordered_map<std::string, std::optional<std::int64_t>> ids;
    std::set<std::int64_t> substance_ids;
    std::vector<std::int64_t> row_substance(parsed.rows.size(), 0);
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        const HazardRow& row = parsed.rows[i];
        auto it = ids.find(row.cas);
        if (it == ids.end()) {
            NPGOV_ASSIGN_OR_RETURN(auto found, substances_.FindByCas(row.cas));
            it = ids.emplace(row.cas, found ? std::optional<std::int64_t>(found->id) : std::nullopt).first;
        }
        if (!it->second) {
            add_error(RowError(ErrorCode::kNotFound, "hazard.substance_unknown", row.row, "cas",
                               "CAS " + row.cas + " 不在物质名录中；请先登记该物质（npgov substance import）",
                               "CAS " + row.cas + " is not in the substance registry; register the substance first "
                               "(npgov substance import)"));
            continue;
        }
        row_substance[i] = *it->second;
        substance_ids.insert(*it->second);
    }
    report.substances = static_cast<std::int64_t>(substance_ids.size());

    // Duplicates within the file, then against the stored records.
    std::vector<std::string> keys(parsed.rows.size());
    std::unordered_map<std::string, long> first_row;
    std::vector<std::string> property_keys, ecotox_keys, classification_keys;
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        const HazardRow& row = parsed.rows[i];
        if (row_substance[i] == 0) continue;
        switch (row.kind) {
            case RecordKind::kProperty: keys[i] = KeyOf(row_substance[i], row.property); property_keys.push_back(keys[i]); break;
            case RecordKind::kEcotox: keys[i] = KeyOf(row_substance[i], row.ecotox); ecotox_keys.push_back(keys[i]); break;
            case RecordKind::kClassification:
                keys[i] = KeyOf(row_substance[i], row.classification);
                classification_keys.push_back(keys[i]);
                break;
        }
        auto [it, inserted] = first_row.emplace(keys[i], row.row);
        if (!inserted) {
            add_error(RowError(ErrorCode::kInvalidArgument, "hazard.duplicate_row", row.row, "cas",
                               "与第 " + std::to_string(it->second) + " 行重复（同一物质、同一数据、同一来源）",
                               "repeats row " + std::to_string(it->second) + " (same substance, data and source)"));
        }
        switch (row.kind) {
            case RecordKind::kProperty: ++report.properties; break;
            case RecordKind::kEcotox: ++report.ecotox; break;
            case RecordKind::kClassification: ++report.classifications; break;
        }
    }

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::LockTableForAppend(*connection, "hazard_imports"));
    NPGOV_ASSIGN_OR_RETURN(auto earlier, store::QueryOne(*connection, kFindImportByHash, {report.sha256}));
    if (earlier) return tl::unexpected(DuplicateFile(*earlier, report.sha256));
    std::unordered_map<std::string, StoredAt> stored;
    for (auto [table_name, list] : {std::pair{"hazard_properties", &property_keys}, {"hazard_ecotox", &ecotox_keys},
                                    {"hazard_classifications", &classification_keys}}) {
        NPGOV_ASSIGN_OR_RETURN(auto found, StoredKeys(*connection, table_name, *list));
        stored.merge(found);
    }
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        if (keys[i].empty()) continue;
        auto it = stored.find(keys[i]);
        if (it == stored.end()) continue;
        const auto [zh, en] = WhereStored(it->second);
        add_error(RowError(ErrorCode::kAlreadyExists, "hazard.duplicate", parsed.rows[i].row, "cas",
                           "相同的记录已存在（" + zh + "）", "the same record is already stored (" + en + ")"));
    }
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const Error& a, const Error& b) { return a.row < b.row; });
    if (!report.errors.empty()) {
        report.properties = report.ecotox = report.classifications = 0;
        return report;  // rolls back; nothing was written
    }
    if (request.mode == ImportMode::kDryRun) return report;

    const std::string now = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(auto inserted,
                           store::Query(*connection, kInsertImport,
                                        {report.sha256, report.file_name, report.format, report.rows, report.properties,
                                         report.ecotox, report.classifications, report.substances, actor, now}));
    report.import_id = inserted.rows.at(0).Int(0);
    std::vector<std::size_t> of_kind[3];
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) of_kind[static_cast<int>(parsed.rows[i].kind)].push_back(i);
    const auto& props = of_kind[static_cast<int>(RecordKind::kProperty)];
    NPGOV_RETURN_IF_ERROR(InsertInBatches(*connection, kInsertProperty, kPropertyWidth, props.size(),
                                          [&](std::size_t k, std::vector<store::Value>& values) {
                                              const std::size_t i = props[k];
                                              AppendValues(values, row_substance[i], parsed.rows[i].property,
                                                           report.import_id, actor, now);
                                          }));
    const auto& tox = of_kind[static_cast<int>(RecordKind::kEcotox)];
    NPGOV_RETURN_IF_ERROR(InsertInBatches(*connection, kInsertEcotox, kEcotoxWidth, tox.size(),
                                          [&](std::size_t k, std::vector<store::Value>& values) {
                                              const std::size_t i = tox[k];
                                              AppendValues(values, row_substance[i], parsed.rows[i].ecotox,
                                                           report.import_id, actor, now);
                                          }));
    const auto& cls = of_kind[static_cast<int>(RecordKind::kClassification)];
    NPGOV_RETURN_IF_ERROR(InsertInBatches(*connection, kInsertClassification, kClassificationWidth, cls.size(),
                                          [&](std::size_t k, std::vector<store::Value>& values) {
                                              const std::size_t i = cls[k];
                                              AppendValues(values, row_substance[i], parsed.rows[i].classification,
                                                           report.import_id, actor, now);
                                          }));
    const nlohmann::json after = {{"file_name", report.file_name},   {"sha256", report.sha256},
                                  {"format", report.format},         {"rows", report.rows},
                                  {"properties", report.properties}, {"ecotox", report.ecotox},
                                  {"classifications", report.classifications}, {"substances", report.substances}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "hazard.import", "hazard_import",
                                                      std::to_string(report.import_id), std::nullopt, after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.committed = true;
    return report;
}

namespace {

std::string PrimaryCas(const substance::Substance& s) { return s.cas_numbers.empty() ? "" : s.cas_numbers.front(); }

// Inserts one record with its dedup key checked first; returns the new id.
template <typename Record>
Result<std::int64_t> InsertOne(store::Database& db, audit::AuditLog& audit, const char* table, const char* head,
                               std::size_t width, const Record& record, const std::string& actor, const std::string& now,
                               const std::string& action, const std::string& entity) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    const std::string key = KeyOf(record.substance_id, record);
    NPGOV_ASSIGN_OR_RETURN(auto stored, StoredKeys(*connection, table, {key}));
    if (!stored.empty()) return tl::unexpected(DuplicateEntry(stored.begin()->second));
    std::vector<store::Value> values;
    AppendValues(values, record.substance_id, record, 0, actor, now);
    NPGOV_CHECK(values.size() == width);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(MultiRowInsert(head, width, 1, " RETURNING id"), values));
    const std::int64_t id = rows.rows.at(0).Int(0);
    Record saved = record;
    saved.id = id;
    NPGOV_RETURN_IF_ERROR(
        audit.Append(*connection, {actor, action, entity, std::to_string(id), std::nullopt, AuditJson(saved).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return id;
}

}  // namespace

Result<PropertyValue> HazardData::AddProperty(std::int64_t substance_id, const NewPropertyValue& entry,
                                              const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto substance, substances_.Find(substance_id));
    PropertyValue v;
    v.entry = entry;
    auto problems = ValidateProperty(v.entry, {ThisYear(clock_)}, &v.normalised);
    if (!problems.empty()) return tl::unexpected(FirstOf(std::move(problems)));
    v.substance_id = substance.id;
    v.cas = PrimaryCas(substance);
    v.created_by = actor;
    v.created_at = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(v.id, InsertOne(db_, audit_, "hazard_properties", kInsertProperty, kPropertyWidth, v, actor,
                                           v.created_at, "hazard.property.create", "hazard_property"));
    return v;
}

Result<EcotoxRecord> HazardData::AddEcotox(std::int64_t substance_id, const NewEcotox& entry, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto substance, substances_.Find(substance_id));
    EcotoxRecord r;
    NewEcotox input = entry;
    auto problems = ValidateEcotox(input, {ThisYear(clock_)}, &r);
    if (!problems.empty()) return tl::unexpected(FirstOf(std::move(problems)));
    r.substance_id = substance.id;
    r.cas = PrimaryCas(substance);
    r.created_by = actor;
    r.created_at = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(r.id, InsertOne(db_, audit_, "hazard_ecotox", kInsertEcotox, kEcotoxWidth, r, actor,
                                           r.created_at, "hazard.ecotox.create", "hazard_ecotox"));
    return r;
}

Result<ClassificationRecord> HazardData::AddClassification(std::int64_t substance_id, const NewClassification& entry,
                                                           const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto substance, substances_.Find(substance_id));
    ClassificationRecord r;
    r.entry = entry;
    auto problems = ValidateClassification(r.entry, {ThisYear(clock_)});
    if (!problems.empty()) return tl::unexpected(FirstOf(std::move(problems)));
    r.substance_id = substance.id;
    r.cas = PrimaryCas(substance);
    r.created_by = actor;
    r.created_at = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(r.id, InsertOne(db_, audit_, "hazard_classifications", kInsertClassification,
                                           kClassificationWidth, r, actor, r.created_at, "hazard.classification.create",
                                           "hazard_classification"));
    return r;
}

Result<std::optional<StructureFacts>> HazardData::FactsOf(const substance::Substance& s) {
    if (!s.has_structure()) return std::optional<StructureFacts>(StructureFacts{});
    auto facts = facts_.Find(s.canonical_smiles, s.crippen_logp, s.molecular_weight);
    if (!facts) return std::optional<StructureFacts>();  // unreadable structure: no structure estimates
    return std::optional<StructureFacts>(std::move(*facts));
}

Result<HazardProfile> HazardData::LoadProfile(std::int64_t substance_id) {
    NPGOV_ASSIGN_OR_RETURN(auto substance, substances_.Find(substance_id));
    return LoadProfile(substance);
}

Result<HazardProfile> HazardData::LoadProfile(const substance::Substance& substance) {
    NPGOV_ASSIGN_OR_RETURN(auto profiles, LoadProfiles(std::span<const substance::Substance>(&substance, 1)));
    return std::move(profiles.at(substance.id));
}

Result<std::map<std::int64_t, HazardProfile>> HazardData::LoadProfiles(std::span<const substance::Substance> substances) {
    std::vector<std::int64_t> ids;
    ids.reserve(substances.size());
    for (const auto& s : substances) ids.push_back(s.id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection, store::TxMode::kRead));
    NPGOV_ASSIGN_OR_RETURN(auto properties,
                           LoadFor<PropertyValue>(*connection, kPropertyColumns, "hazard_properties", ids, PropertyFromRow));
    NPGOV_ASSIGN_OR_RETURN(auto ecotox, LoadFor<EcotoxRecord>(*connection, kEcotoxColumns, "hazard_ecotox", ids, EcotoxFromRow));
    NPGOV_ASSIGN_OR_RETURN(auto classifications, LoadFor<ClassificationRecord>(*connection, kClassificationColumns,
                                                                              "hazard_classifications", ids,
                                                                              ClassificationFromRow));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    std::unordered_map<std::int64_t, std::vector<PropertyValue>> p;
    std::unordered_map<std::int64_t, std::vector<EcotoxRecord>> e;
    std::unordered_map<std::int64_t, std::vector<ClassificationRecord>> c;
    for (auto& v : properties) p[v.substance_id].push_back(std::move(v));
    for (auto& r : ecotox) e[r.substance_id].push_back(std::move(r));
    for (auto& r : classifications) c[r.substance_id].push_back(std::move(r));
    std::map<std::int64_t, HazardProfile> out;
    for (const auto& s : substances) {
        if (out.count(s.id)) continue;
        NPGOV_ASSIGN_OR_RETURN(auto facts, FactsOf(s));
        out.emplace(s.id, BuildProfile(s.id, std::move(p[s.id]), facts, std::move(e[s.id]), std::move(c[s.id])));
    }
    return out;
}

Result<std::vector<std::int64_t>> HazardData::SubstancesWithData() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT substance_id FROM hazard_properties UNION SELECT "
                                                        "substance_id FROM hazard_ecotox UNION SELECT substance_id FROM "
                                                        "hazard_classifications ORDER BY 1"));
    std::vector<std::int64_t> out;
    for (const auto& row : rows.rows) out.push_back(row.Int(0));
    return out;
}

// Values keep the number and unit as given beside the value normalised to the property's unit;
// each record carries the CAS number it was entered under, the import and source row it came
// from (NULL import: entered one by one) and a dedup key (unique) that makes a second copy of
// the same record a conflict even between concurrent writers.
std::vector<store::Migration> Migrations() {
    return {
        {40, "hazard_properties", R"sql(
CREATE TABLE hazard_imports (
    id              {{id}},
    file_sha256     TEXT NOT NULL UNIQUE,
    file_name       TEXT NOT NULL,
    file_format     TEXT NOT NULL,
    row_count       BIGINT NOT NULL,
    properties      BIGINT NOT NULL,
    ecotox          BIGINT NOT NULL,
    classifications BIGINT NOT NULL,
    substances      BIGINT NOT NULL,
    actor           TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
CREATE TABLE hazard_properties (
    id             {{id}},
    substance_id   BIGINT NOT NULL,
    cas            TEXT NOT NULL,
    property       TEXT NOT NULL,
    qualifier      TEXT NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    unit           TEXT NOT NULL,
    normalised     DOUBLE PRECISION NOT NULL,
    temperature_c  DOUBLE PRECISION,
    provenance     TEXT NOT NULL,
    reliability    BIGINT,
    source         TEXT NOT NULL,
    source_year    BIGINT,
    method         TEXT NOT NULL,
    method_version TEXT NOT NULL,
    inputs         TEXT NOT NULL,
    notes          TEXT NOT NULL,
    import_id      BIGINT REFERENCES hazard_imports (id),
    source_row     BIGINT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    dedup_key      TEXT NOT NULL UNIQUE
);
CREATE INDEX hazard_properties_substance ON hazard_properties (substance_id, property);
)sql"},
        {41, "hazard_ecotox", R"sql(
CREATE TABLE hazard_ecotox (
    id              {{id}},
    substance_id    BIGINT NOT NULL,
    cas             TEXT NOT NULL,
    species         TEXT NOT NULL,
    taxon_group     TEXT NOT NULL,
    trophic_level   TEXT NOT NULL,
    compartment     TEXT NOT NULL,
    endpoint        TEXT NOT NULL,
    effect          TEXT NOT NULL,
    exposure        TEXT NOT NULL,
    duration        DOUBLE PRECISION NOT NULL,
    duration_unit   TEXT NOT NULL,
    duration_hours  DOUBLE PRECISION NOT NULL,
    qualifier       TEXT NOT NULL,
    value           DOUBLE PRECISION NOT NULL,
    unit            TEXT NOT NULL,
    normalised      DOUBLE PRECISION NOT NULL,
    normalised_unit TEXT NOT NULL,
    reliability     BIGINT NOT NULL,
    source          TEXT NOT NULL,
    source_year     BIGINT,
    guideline       TEXT NOT NULL,
    notes           TEXT NOT NULL,
    import_id       BIGINT REFERENCES hazard_imports (id),
    source_row      BIGINT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    dedup_key       TEXT NOT NULL UNIQUE
);
CREATE INDEX hazard_ecotox_substance ON hazard_ecotox (substance_id, taxon_group);
)sql"},
        {42, "hazard_classifications", R"sql(
CREATE TABLE hazard_classifications (
    id           {{id}},
    substance_id BIGINT NOT NULL,
    cas          TEXT NOT NULL,
    kind         TEXT NOT NULL,
    category     TEXT NOT NULL,
    source       TEXT NOT NULL,
    source_year  BIGINT,
    notes        TEXT NOT NULL,
    import_id    BIGINT REFERENCES hazard_imports (id),
    source_row   BIGINT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    dedup_key    TEXT NOT NULL UNIQUE
);
CREATE INDEX hazard_classifications_substance ON hazard_classifications (substance_id, kind);
)sql"},
    };
}

}  // namespace npgov::hazard
