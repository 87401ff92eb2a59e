#include "modules/monitoring/result_importer.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "engines/tabular/table.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/monitoring/lab_file.hpp"
#include "store/locks.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::monitoring {
namespace {

constexpr std::size_t kMaxIdsPerQuery = 500;
// Rows per multi-row INSERT: results have 24 columns, so 400 rows bind 9,600 values, within
// SQLite's 32,766 and PostgreSQL's 65,535 parameters per statement.
constexpr std::size_t kRowsPerInsert = 400;

constexpr const char* kFindImportByHash =
    "SELECT id, file_name, actor, imported_at FROM monitoring_imports WHERE file_sha256 = ?";
constexpr const char* kInsertImport =
    "INSERT INTO monitoring_imports (file_sha256, file_name, file_format, laboratories, row_count, result_count, "
    "censored_count, site_count, events_created, samples_created, first_date, last_date, synthetic, actor, "
    "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertEvents =
    "INSERT INTO monitoring_events (site_id, region_code, sampled_on, sampling_time, sampler, import_id, created_at)";
constexpr std::size_t kEventWidth = 7;
constexpr const char* kReturningEvents = " RETURNING id, site_id, sampled_on, sampling_time";
constexpr const char* kInsertSamples =
    "INSERT INTO monitoring_samples (event_id, site_id, region_code, sampled_on, medium, matrix, depth_m, sample_key, "
    "import_id)";
constexpr std::size_t kSampleWidth = 9;
constexpr const char* kReturningSamples = " RETURNING id, event_id, sample_key";
constexpr const char* kInsertResults =
    "INSERT INTO monitoring_results (sample_id, site_id, region_code, sampled_on, medium, cas, substance_name, "
    "reported, qualifier, value, unit, lod, loq, normalised_unit, normalised_value, normalised_limit, censored, "
    "method, laboratory, blank_value, spike_recovery_pct, duplicate_rpd_pct, import_id, source_row, substance_id)";
constexpr std::size_t kResultWidth = 25;

std::string EventKey(std::int64_t site_id, const std::string& date, const std::string& time) {
    return std::to_string(site_id) + "|" + date + "|" + time;
}

std::string SampleMapKey(std::int64_t event_id, const std::string& sample_key) {
    return std::to_string(event_id) + "|" + sample_key;
}

// "INSERT … VALUES (?, …), (?, …)…" for `rows` rows of `width` values.
std::string MultiRowInsert(std::string_view head, std::size_t width, std::size_t rows, std::string_view returning) {
    std::string group = "(";
    for (std::size_t i = 0; i < width; ++i) group += i == 0 ? "?" : ", ?";
    group += ")";
    std::string sql(head);
    sql += " VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
        if (r > 0) sql += ", ";
        sql += group;
    }
    sql += returning;
    return sql;
}

// Inserts `count` rows in statements of up to kRowsPerInsert rows; `append(i, values)` adds
// row i's `width` values. Returns the RETURNING rows of every statement (none without one).
Result<std::vector<store::Row>> InsertInBatches(store::Connection& connection, std::string_view head,
                                                std::size_t width, std::size_t count, std::string_view returning,
                                                const std::function<void(std::size_t, std::vector<store::Value>&)>& append) {
    std::vector<store::Row> returned;
    const std::string full_sql = MultiRowInsert(head, width, kRowsPerInsert, returning);
    std::vector<store::Value> values;
    values.reserve(width * kRowsPerInsert);
    for (std::size_t begin = 0; begin < count; begin += kRowsPerInsert) {
        const std::size_t end = std::min(count, begin + kRowsPerInsert);
        values.clear();
        for (std::size_t i = begin; i < end; ++i) append(i, values);
        NPGOV_CHECK(values.size() == (end - begin) * width);
        const std::string partial_sql =
            end - begin == kRowsPerInsert ? std::string() : MultiRowInsert(head, width, end - begin, returning);
        const std::string& sql = partial_sql.empty() ? full_sql : partial_sql;
        if (returning.empty()) {
            NPGOV_RETURN_IF_ERROR(connection.Execute(sql, values));
        } else {
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, values));
            for (auto& row : rows.rows) returned.push_back(std::move(row));
        }
    }
    return returned;
}


store::Value OptionalReal(const std::optional<double>& v) { return store::ToValue(v); }

Error DuplicateFileError(const store::Row& earlier, const std::string& sha256) {
    const std::string id = std::to_string(earlier.Int(0));
    return MakeError(ErrorCode::kAlreadyExists, "monitoring.import_duplicate",
                     "该文件已导入过：导入编号 " + id + "，文件 “" + ToMessageSnippet(earlier.Text(1), 60) + "”，由 " +
                         earlier.Text(2) + " 于 " + earlier.Text(3) + " 导入（SHA-256 " + sha256.substr(0, 12) +
                         "…）。同一文件不能重复导入",
                     "this file was imported before: import " + id + ", file \"" +
                         ToMessageSnippet(earlier.Text(1), 60) + "\", by " + earlier.Text(2) + " at " +
                         earlier.Text(3) + " (SHA-256 " + sha256.substr(0, 12) + "…); a file is imported only once",
                     "file")
        .value();
}

std::string FormatName(const tabular::Table& table) {
    if (table.format == tabular::FileFormat::kXlsx) return "xlsx";
    return table.encoding == tabular::TextEncoding::kGbk ? "csv-gbk" : "csv-utf8";
}

nlohmann::json AuditJson(const ImportReport& report, bool synthetic) {
    return {{"file_name", report.file_name},
            {"sha256", report.sha256},
            {"format", report.format},
            {"rows", report.rows},
            {"results", report.results},
            {"censored", report.censored},
            {"sites", report.sites},
            {"events_created", report.events_created},
            {"events_reused", report.events_reused},
            {"samples_created", report.samples_created},
            {"samples_reused", report.samples_reused},
            {"first_date", report.first_date},
            {"last_date", report.last_date},
            {"laboratories", report.laboratories},
            {"unregistered_substances", report.warnings.size()},
            {"synthetic", synthetic}};
}

}  // namespace

Result<ImportReport> ResultImporter::Import(const ImportRequest& request, const SiteScope& scope,
                                            const std::string& actor) {
    ImportReport report;
    report.sha256 = auth::Sha256Hex(request.bytes);
    report.file_name = std::string(Trim(request.file_name));
    report.dry_run = request.mode == ImportMode::kDryRun;

    // A cheap early refusal of a file imported before (checked again under the lock below).
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto earlier, store::QueryOne(*connection, kFindImportByHash, {report.sha256}));
        if (earlier) return tl::unexpected(DuplicateFileError(*earlier, report.sha256));
    }

    tabular::ReadOptions options;
    options.max_bytes = request.max_bytes;
    options.max_rows = request.max_rows;
    options.max_cells = std::max<std::size_t>(options.max_cells, request.max_rows * 24);
    options.full_width = tabular::FullWidth::kKeep;  // names as the lab wrote them; parsers fold what they read
    NPGOV_ASSIGN_OR_RETURN(tabular::Table table, tabular::ReadTable(request.bytes, options));
    report.format = FormatName(table);
    report.rows = static_cast<std::int64_t>(table.rows.size());
    const std::string laboratory(Trim(request.laboratory));
    NPGOV_ASSIGN_OR_RETURN(LabColumns columns, FindLabColumns(table, !laboratory.empty()));
    if (table.rows.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.no_rows", "文件只有表头，没有结果行",
                         "the file has a header but no result rows");
    }

    LabFileContext context;
    context.today = ToDate(clock_.Now(), kChinaStandardTimeOffsetMinutes);
    context.default_laboratory = laboratory;
    NPGOV_ASSIGN_OR_RETURN(auto sites, sites_.FindByCodes(SiteCodesIn(table, columns), scope));
    for (const auto& [code, site] : sites) context.sites.emplace(code, SiteRef{site.id, site.type, site.region_code});
    ParsedLabFile parsed = ParseLabRows(std::move(table), columns, context);
    report.errors = std::move(parsed.errors);
    report.errors_omitted = parsed.errors_omitted;
    if (!report.errors.empty()) return report;

    std::set<std::int64_t> site_ids;
    std::set<std::string> laboratories;
    std::string first_date = "9999-99-99", last_date;
    for (const auto& e : parsed.events) {
        site_ids.insert(e.site_id);
        const std::string date = e.date.ToIsoString();
        first_date = std::min(first_date, date);
        last_date = std::max(last_date, date);
    }
    for (const auto& row : parsed.rows) {
        laboratories.insert(row.laboratory);
        if (row.censored) ++report.censored;
    }
    // The registry's substance ids, one look-up per CAS number.
    std::unordered_map<std::string, std::optional<std::int64_t>> substance_ids;
    if (lookup_) {
        for (const auto& row : parsed.rows) {
            if (substance_ids.count(row.cas)) continue;
            NPGOV_ASSIGN_OR_RETURN(auto id, lookup_(row.cas));
            substance_ids.emplace(row.cas, id);
            if (id) continue;
            Error warning{ErrorCode::kNotFound, "monitoring.substance_unregistered",
                          "第 " + std::to_string(row.row) + " 行：CAS " + row.cas +
                              (row.substance_name.empty() ? "" : "（" + row.substance_name + "）") +
                              " 不在物质名录中；结果照常导入，建议在物质名录中登记该物质",
                          "row " + std::to_string(row.row) + ": CAS " + row.cas +
                              (row.substance_name.empty() ? "" : " (" + row.substance_name + ")") +
                              " is not in the substance registry; the results are imported, consider registering "
                              "the substance",
                          "cas", row.row};
            report.warnings.push_back(std::move(warning));
        }
    }
    report.sites = static_cast<std::int64_t>(site_ids.size());
    report.results = static_cast<std::int64_t>(parsed.rows.size());
    report.first_date = first_date;
    report.last_date = last_date;
    report.laboratories.assign(laboratories.begin(), laboratories.end());

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::LockTableForAppend(*connection, "monitoring_imports"));
    NPGOV_ASSIGN_OR_RETURN(auto earlier, store::QueryOne(*connection, kFindImportByHash, {report.sha256}));
    if (earlier) return tl::unexpected(DuplicateFileError(*earlier, report.sha256));

    // Events and samples stored before (another file of the same sampling campaign).
    std::unordered_map<std::string, std::pair<std::int64_t, std::string>> stored_events;  // key → id, sampler
    const std::vector<std::int64_t> ids(site_ids.begin(), site_ids.end());
    for (std::size_t begin = 0; begin < ids.size(); begin += kMaxIdsPerQuery) {
        const std::size_t end = std::min(ids.size(), begin + kMaxIdsPerQuery);
        std::vector<store::Value> params(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                         ids.begin() + static_cast<std::ptrdiff_t>(end));
        params.emplace_back(first_date);
        params.emplace_back(last_date);
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT id, site_id, sampled_on, sampling_time, sampler FROM "
                                                            "monitoring_events WHERE site_id IN (" +
                                                                store::Placeholders(end - begin) +
                                                                ") AND sampled_on >= ? AND sampled_on <= ?",
                                                            params));
        for (const auto& row : rows.rows) {
            stored_events.emplace(EventKey(row.Int(1), row.Text(2), row.Text(3)), std::pair{row.Int(0), row.Text(4)});
        }
    }
    std::vector<std::int64_t> event_ids(parsed.events.size(), 0);
    std::vector<std::int64_t> reused_event_ids;
    for (std::size_t i = 0; i < parsed.events.size(); ++i) {
        const auto& e = parsed.events[i];
        auto it = stored_events.find(EventKey(e.site_id, e.date.ToIsoString(), e.time));
        if (it == stored_events.end()) continue;
        event_ids[i] = it->second.first;
        reused_event_ids.push_back(it->second.first);
        if (!e.sampler.empty() && !it->second.second.empty() && e.sampler != it->second.second) {
            Error err{ErrorCode::kInvalidArgument, "monitoring.sampler_conflict",
                      "第 " + std::to_string(e.first_row) + " 行：该次采样已登记采样人 " + it->second.second + "，与文件中的 " +
                          e.sampler + " 不一致",
                      "row " + std::to_string(e.first_row) + ": this sampling event is stored with the sampler " +
                          it->second.second + ", not " + e.sampler,
                      "sampler", e.first_row};
            report.errors.push_back(std::move(err));
        }
    }
    std::unordered_map<std::string, std::int64_t> stored_samples;  // event id|sample key → id
    for (std::size_t begin = 0; begin < reused_event_ids.size(); begin += kMaxIdsPerQuery) {
        const std::size_t end = std::min(reused_event_ids.size(), begin + kMaxIdsPerQuery);
        std::vector<store::Value> params(reused_event_ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                         reused_event_ids.begin() + static_cast<std::ptrdiff_t>(end));
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT id, event_id, sample_key FROM monitoring_samples "
                                                            "WHERE event_id IN (" + store::Placeholders(end - begin) + ")",
                                                            params));
        for (const auto& row : rows.rows) stored_samples.emplace(SampleMapKey(row.Int(1), row.Text(2)), row.Int(0));
    }
    std::vector<std::int64_t> sample_ids(parsed.samples.size(), 0);
    std::vector<std::int64_t> reused_sample_ids;
    for (std::size_t i = 0; i < parsed.samples.size(); ++i) {
        const auto& s = parsed.samples[i];
        if (event_ids[s.event_index] == 0) continue;
        auto it = stored_samples.find(SampleMapKey(event_ids[s.event_index], SampleKey(s.medium, s.matrix, s.depth_m)));
        if (it == stored_samples.end()) continue;
        sample_ids[i] = it->second;
        reused_sample_ids.push_back(it->second);
    }
    // Results stored before for a reused sample and the same substance.
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> stored_results;  // sample|cas → import, row
    for (std::size_t begin = 0; begin < reused_sample_ids.size(); begin += kMaxIdsPerQuery) {
        const std::size_t end = std::min(reused_sample_ids.size(), begin + kMaxIdsPerQuery);
        std::vector<store::Value> params(reused_sample_ids.begin() + static_cast<std::ptrdiff_t>(begin),
                                         reused_sample_ids.begin() + static_cast<std::ptrdiff_t>(end));
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT sample_id, cas, import_id, source_row FROM "
                                                            "monitoring_results WHERE sample_id IN (" +
                                                                store::Placeholders(end - begin) + ")",
                                                            params));
        for (const auto& row : rows.rows) {
            stored_results.emplace(std::to_string(row.Int(0)) + "|" + row.Text(1), std::pair{row.Int(2), row.Int(3)});
        }
    }
    for (const auto& row : parsed.rows) {
        const std::int64_t sample_id = sample_ids[row.sample_index];
        if (sample_id == 0) continue;
        auto it = stored_results.find(std::to_string(sample_id) + "|" + row.cas);
        if (it == stored_results.end()) continue;
        if (report.errors.size() >= 1000) {
            ++report.errors_omitted;
            continue;
        }
        const std::string where = std::to_string(it->second.first) + "（第 " + std::to_string(it->second.second) + " 行）";
        Error err{ErrorCode::kAlreadyExists, "monitoring.result_exists",
                  "第 " + std::to_string(row.row) + " 行：该样品的 " + row.cas + " 结果已导入（导入编号 " + where + "）",
                  "row " + std::to_string(row.row) + ": a result for " + row.cas +
                      " of this sample is already stored (import " + std::to_string(it->second.first) + ", row " +
                      std::to_string(it->second.second) + ")",
                  "cas", row.row};
        report.errors.push_back(std::move(err));
    }
    if (!report.errors.empty()) return report;  // rolls back; nothing was written

    for (std::int64_t id : event_ids) (id == 0 ? report.events_created : report.events_reused)++;
    for (std::int64_t id : sample_ids) (id == 0 ? report.samples_created : report.samples_reused)++;
    if (request.mode == ImportMode::kDryRun) return report;

    const std::string now = clock_.Now().ToIsoString();
    std::string labs;
    for (const auto& lab : report.laboratories) labs += (labs.empty() ? "" : "; ") + lab;
    NPGOV_ASSIGN_OR_RETURN(
        auto inserted,
        store::Query(*connection, kInsertImport,
                     {report.sha256, report.file_name, report.format, labs, report.rows, report.results,
                      report.censored, report.sites, report.events_created, report.samples_created, report.first_date,
                      report.last_date, std::int64_t{request.synthetic ? 1 : 0}, actor, now}));
    const std::int64_t import_id = inserted.rows.at(0).Int(0);

    std::vector<std::size_t> new_events;
    for (std::size_t i = 0; i < parsed.events.size(); ++i) {
        if (event_ids[i] == 0) new_events.push_back(i);
    }
    NPGOV_ASSIGN_OR_RETURN(
        auto event_rows,
        InsertInBatches(*connection, kInsertEvents, kEventWidth, new_events.size(), kReturningEvents,
                        [&](std::size_t i, std::vector<store::Value>& v) {
                            const LabEvent& e = parsed.events[new_events[i]];
                            v.emplace_back(e.site_id);
                            v.emplace_back(e.region_code);
                            v.emplace_back(e.date.ToIsoString());
                            v.emplace_back(e.time);
                            v.emplace_back(e.sampler);
                            v.emplace_back(import_id);
                            v.emplace_back(now);
                        }));
    {
        std::unordered_map<std::string, std::int64_t> by_key;
        for (const auto& row : event_rows) by_key.emplace(EventKey(row.Int(1), row.Text(2), row.Text(3)), row.Int(0));
        for (std::size_t i : new_events) {
            const auto& e = parsed.events[i];
            auto it = by_key.find(EventKey(e.site_id, e.date.ToIsoString(), e.time));
            NPGOV_CHECK(it != by_key.end());
            event_ids[i] = it->second;
        }
    }

    std::vector<std::size_t> new_samples;
    for (std::size_t i = 0; i < parsed.samples.size(); ++i) {
        if (sample_ids[i] == 0) new_samples.push_back(i);
    }
    NPGOV_ASSIGN_OR_RETURN(
        auto sample_rows,
        InsertInBatches(*connection, kInsertSamples, kSampleWidth, new_samples.size(), kReturningSamples,
                        [&](std::size_t i, std::vector<store::Value>& v) {
                            const LabSample& s = parsed.samples[new_samples[i]];
                            const LabEvent& e = parsed.events[s.event_index];
                            v.emplace_back(event_ids[s.event_index]);
                            v.emplace_back(e.site_id);
                            v.emplace_back(e.region_code);
                            v.emplace_back(e.date.ToIsoString());
                            v.emplace_back(std::string(ToString(s.medium)));
                            v.emplace_back(s.matrix);
                            v.emplace_back(OptionalReal(s.depth_m));
                            v.emplace_back(SampleKey(s.medium, s.matrix, s.depth_m));
                            v.emplace_back(import_id);
                        }));
    {
        std::unordered_map<std::string, std::int64_t> by_key;
        for (const auto& row : sample_rows) by_key.emplace(SampleMapKey(row.Int(1), row.Text(2)), row.Int(0));
        for (std::size_t i : new_samples) {
            const auto& s = parsed.samples[i];
            auto it = by_key.find(SampleMapKey(event_ids[s.event_index], SampleKey(s.medium, s.matrix, s.depth_m)));
            NPGOV_CHECK(it != by_key.end());
            sample_ids[i] = it->second;
        }
    }

    std::vector<std::string> iso_dates(parsed.events.size());
    for (std::size_t i = 0; i < parsed.events.size(); ++i) iso_dates[i] = parsed.events[i].date.ToIsoString();
    NPGOV_RETURN_IF_ERROR(InsertInBatches(
        *connection, kInsertResults, kResultWidth, parsed.rows.size(), "",
        [&](std::size_t i, std::vector<store::Value>& v) {
            const LabRow& r = parsed.rows[i];
            const std::size_t event_index = parsed.samples[r.sample_index].event_index;
            v.emplace_back(sample_ids[r.sample_index]);
            v.emplace_back(r.site_id);
            v.emplace_back(r.region_code);
            v.emplace_back(iso_dates[event_index]);
            v.emplace_back(std::string(ToString(r.medium)));
            v.emplace_back(r.cas);
            v.emplace_back(r.substance_name);
            v.emplace_back(r.reported);
            v.emplace_back(std::string(ToString(r.qualifier)));
            v.emplace_back(OptionalReal(r.value));
            v.emplace_back(r.unit);
            v.emplace_back(OptionalReal(r.lod));
            v.emplace_back(OptionalReal(r.loq));
            v.emplace_back(std::string(NormalisedUnit(r.medium)));
            v.emplace_back(OptionalReal(r.normalised_value));
            v.emplace_back(OptionalReal(r.normalised_limit));
            v.emplace_back(std::int64_t{r.censored ? 1 : 0});
            v.emplace_back(r.method);
            v.emplace_back(r.laboratory);
            v.emplace_back(OptionalReal(r.blank));
            v.emplace_back(OptionalReal(r.spike_recovery_pct));
            v.emplace_back(OptionalReal(r.duplicate_rpd_pct));
            v.emplace_back(import_id);
            v.emplace_back(std::int64_t{r.row});
            auto id = substance_ids.find(r.cas);
            v.emplace_back(id == substance_ids.end() ? store::Null() : store::ToValue(id->second));
        }));

    report.import_id = import_id;
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "monitoring.import", "monitoring_import",
                                                      std::to_string(import_id), std::nullopt,
                                                      AuditJson(report, request.synthetic).dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.committed = true;
    return report;
}

}  // namespace npgov::monitoring
