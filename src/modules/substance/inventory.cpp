#include "modules/substance/inventory.hpp"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "core/cas_number.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "engines/tabular/table.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::substance {
namespace {

constexpr std::size_t kMaxReportedErrors = 1000;
constexpr std::size_t kInsertBatch = 200;  // rows per multi-row INSERT

constexpr const char* kLatestImport =
    "SELECT file_name, entries, imported_at, imported_by, synthetic FROM iecsc_imports ORDER BY id DESC LIMIT 1";
constexpr const char* kInsertImport =
    "INSERT INTO iecsc_imports (file_name, fingerprint, entries, imported_at, imported_by, synthetic) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertRegistration =
    "INSERT INTO substance_registrations (cas, kind, reference_no, holder, registered_on, source, created_at, "
    "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

std::string Fingerprint(std::string_view bytes) {  // FNV-1a 64 (Fowler, Noll, Vo)
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

Error AtRow(Error e, long row) {
    e.row = row;
    e.message_zh = "第 " + std::to_string(row) + " 行：" + e.message_zh;
    e.message_en = "row " + std::to_string(row) + ": " + e.message_en;
    return e;
}

struct IecscRow {
    std::optional<std::string> cas;
    std::string serial;
    std::string name_zh;
    std::string name_en;
};


Registration RegistrationFromRow(const store::Row& row) {
    return {row.Int(0), row.Text(1), ParseRegistrationKind(row.Text(2)).value_or(RegistrationKind::kRegular),
            row.Text(3), row.Text(4), row.Text(5), row.Text(6), row.Text(7)};
}

}  // namespace

std::string_view ToString(RegistrationKind kind) {
    switch (kind) {
        case RegistrationKind::kRegular: return "regular";
        case RegistrationKind::kSimplified: return "simplified";
        case RegistrationKind::kFiling: return "filing";
    }
    return "regular";
}

Result<RegistrationKind> ParseRegistrationKind(std::string_view text) {
    for (auto kind : {RegistrationKind::kRegular, RegistrationKind::kSimplified, RegistrationKind::kFiling}) {
        if (ToString(kind) == text) return kind;
    }
    if (text == "常规登记") return RegistrationKind::kRegular;
    if (text == "简易登记") return RegistrationKind::kSimplified;
    if (text == "备案") return RegistrationKind::kFiling;
    return MakeError(ErrorCode::kInvalidArgument, "registration.kind", "登记类型须为 regular（常规登记）、simplified（简易登记）或 filing（备案）",
                     "the registration kind must be regular, simplified or filing", "kind");
}

std::string_view ToString(NewSubstanceState state) {
    switch (state) {
        case NewSubstanceState::kUnknown: return "unknown";
        case NewSubstanceState::kExisting: return "existing";
        case NewSubstanceState::kRegistered: return "registered";
        case NewSubstanceState::kNew: return "new";
    }
    return "unknown";
}

Result<IecscImportReport> Inventory::ImportIecsc(std::string_view bytes, const std::string& file_name, bool synthetic,
                                                 bool dry_run, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto table, tabular::ReadTable(bytes));
    const auto cas_col = table.FindColumn({"cas", "CAS号", "CAS No.", "CAS No", "CAS RN", "CAS登记号"});
    const auto serial_col = table.FindColumn({"serial", "流水号"});
    const auto zh_col = table.FindColumn({"name_zh", "中文名称", "中文名", "化学物质中文名称"});
    const auto en_col = table.FindColumn({"name_en", "英文名称", "英文名", "化学物质英文名称"});
    if ((!cas_col && !serial_col) || (!zh_col && !en_col)) {
        return MakeError(ErrorCode::kInvalidArgument, "iecsc.columns",
                         "名录文件须有 CAS 号（或流水号）列和中文名称或英文名称列",
                         "the inventory file needs a CAS (or 流水号 serial) column and a Chinese or English name column",
                         !cas_col && !serial_col ? "cas" : "name_zh");
    }
    IecscImportReport report;
    report.encoding = table.format == tabular::FileFormat::kXlsx
                          ? "xlsx"
                          : (table.encoding == tabular::TextEncoding::kGbk ? "gbk" : "utf-8");
    report.rows = static_cast<std::int64_t>(table.rows.size());
    auto add_error = [&](Error e) {
        if (report.errors.size() < kMaxReportedErrors) {
            report.errors.push_back(std::move(e));
        } else {
            ++report.errors_omitted;
        }
    };
    auto cell = [&](std::size_t r, const std::optional<std::size_t>& c) {
        return c ? std::string(Trim(table.rows[r][*c])) : std::string();
    };
    std::vector<IecscRow> rows;
    rows.reserve(table.rows.size());
    std::set<std::string> seen;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const long line = table.source_rows[r];
        IecscRow row;
        row.serial = cell(r, serial_col);
        row.name_zh = cell(r, zh_col);
        row.name_en = cell(r, en_col);
        const std::string cas_text = cell(r, cas_col);
        bool ok = true;
        if (!cas_text.empty()) {
            auto cas = CasNumber::Parse(cas_text);
            if (!cas) {
                add_error(AtRow(cas.error(), line));
                ok = false;
            } else {
                row.cas = cas->text();
            }
        } else if (row.serial.empty()) {
            add_error(AtRow(MakeError(ErrorCode::kInvalidArgument, "iecsc.identity", "须有 CAS 号或流水号",
                                      "a CAS number or a serial (流水号) is required", "cas").value(), line));
            ok = false;
        }
        if (row.name_zh.empty() && row.name_en.empty()) {
            add_error(AtRow(MakeError(ErrorCode::kInvalidArgument, "iecsc.name", "中文名称和英文名称不能都为空",
                                      "the Chinese and English names cannot both be empty", "name_zh").value(), line));
            ok = false;
        }
        if (!ok) continue;
        if (row.cas && !seen.insert(*row.cas).second) {
            if (report.warnings.size() < kMaxReportedErrors) {
                report.warnings.push_back(AtRow(MakeError(ErrorCode::kAlreadyExists, "iecsc.cas_repeated",
                                                          "CAS 号 " + *row.cas + " 重复出现，只保留一次",
                                                          "CAS " + *row.cas + " appears again; kept once", "cas").value(),
                                                line));
            }
            continue;
        }
        if (row.cas) ++report.with_cas;
        rows.push_back(std::move(row));
    }
    report.entries = static_cast<std::int64_t>(rows.size());
    if (!report.errors.empty() || dry_run) return report;

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto previous, store::QueryOne(*connection, "SELECT COUNT(*) FROM iecsc_entries"));
    report.replaced = previous->Int(0);
    NPGOV_RETURN_IF_ERROR(connection->Execute("DELETE FROM iecsc_entries"));
    for (std::size_t start = 0; start < rows.size(); start += kInsertBatch) {
        const std::size_t n = std::min(kInsertBatch, rows.size() - start);
        std::string sql = "INSERT INTO iecsc_entries (cas, serial, name_zh, name_en) VALUES ";
        std::vector<store::Value> params;
        params.reserve(n * 4);
        for (std::size_t i = 0; i < n; ++i) {
            const IecscRow& row = rows[start + i];
            sql += i ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
            params.emplace_back(row.cas ? store::Value(*row.cas) : store::Null());
            params.emplace_back(row.serial);
            params.emplace_back(row.name_zh);
            params.emplace_back(row.name_en);
        }
        NPGOV_RETURN_IF_ERROR(connection->Execute(sql, params));
    }
    const std::string now = clock_.Now().ToIsoString();
    const std::string fingerprint = Fingerprint(bytes);
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, kInsertImport,
                                         {file_name, fingerprint, report.entries, now, actor,
                                          std::int64_t{synthetic ? 1 : 0}}));
    const nlohmann::json before = {{"entries", report.replaced}};
    const nlohmann::json after = {{"file_name", file_name}, {"fingerprint_fnv1a64", fingerprint},
                                  {"entries", report.entries}, {"with_cas", report.with_cas}, {"synthetic", synthetic}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "iecsc.import", "iecsc", "inventory", before.dump(),
                                                      after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.committed = true;
    return report;
}

Result<IecscStatus> Inventory::Status() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, kLatestImport));
    IecscStatus status;
    if (!row) return status;
    status.loaded = true;
    status.file_name = row->Text(0);
    status.entries = row->Int(1);
    status.imported_at = row->Text(2);
    status.imported_by = row->Text(3);
    status.synthetic = row->Int(4) != 0;
    return status;
}

Result<Registration> Inventory::AddRegistration(const NewRegistration& input, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto cas, CasNumber::Parse(input.cas));
    NPGOV_ASSIGN_OR_RETURN(auto date, Date::Parse(input.registered_on));
    const std::string reference(Trim(input.reference_no));
    const std::string holder(Trim(input.holder));
    if (reference.empty() || holder.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "registration.field", "登记证号和登记人不能为空",
                         "the registration number and the registrant must be given",
                         reference.empty() ? "reference_no" : "holder");
    }
    Registration r{0, cas.text(), input.kind, reference, holder, date.ToIsoString(), input.source,
                   clock_.Now().ToIsoString()};
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, kInsertRegistration,
                                                   {r.cas, std::string(ToString(r.kind)), r.reference_no, r.holder,
                                                    r.registered_on, r.source, r.created_at, actor}));
    r.id = rows.rows.at(0).Int(0);
    const nlohmann::json after = {{"id", r.id}, {"cas", r.cas}, {"kind", ToString(r.kind)},
                                  {"reference_no", r.reference_no}, {"holder", r.holder},
                                  {"registered_on", r.registered_on}, {"source", r.source}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "registration.create", "substance_registration",
                                                      std::to_string(r.id), std::nullopt, after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return r;
}

Result<std::vector<Registration>> Inventory::RegistrationsOf(const std::vector<std::string>& cas_numbers) {
    std::vector<Registration> out;
    if (cas_numbers.empty()) return out;
    std::vector<store::Value> params(cas_numbers.begin(), cas_numbers.end());
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT id, cas, kind, reference_no, holder, registered_on, source, "
                                                        "created_at FROM substance_registrations WHERE cas IN (" +
                                                            store::Placeholders(params.size()) + ") ORDER BY id",
                                                        params));
    for (const auto& row : rows.rows) out.push_back(RegistrationFromRow(row));
    return out;
}

Result<NewSubstanceStatus> Inventory::Assess(const std::vector<std::string>& cas_numbers) {
    NewSubstanceStatus status;
    NPGOV_ASSIGN_OR_RETURN(auto iecsc, Status());
    NPGOV_ASSIGN_OR_RETURN(status.registrations, RegistrationsOf(cas_numbers));
    if (cas_numbers.empty()) {
        status.reason_zh = "没有 CAS 号，无法对照《中国现有化学物质名录》";
        status.reason_en = "no CAS number to look up in the IECSC";
        return status;
    }
    if (!iecsc.loaded) {
        status.reason_zh = "尚未导入《中国现有化学物质名录》（npgov import iecsc），无法判断是否为新化学物质";
        status.reason_en = "the IECSC has not been imported (npgov import iecsc): cannot tell whether this is a new substance";
        return status;
    }
    std::vector<store::Value> params(cas_numbers.begin(), cas_numbers.end());
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT DISTINCT cas FROM iecsc_entries WHERE cas IN (" +
                                                            store::Placeholders(params.size()) + ") ORDER BY cas",
                                                        params));
    for (const auto& row : rows.rows) status.iecsc_cas.push_back(row.Text(0));
    const std::string copy_zh = iecsc.synthetic ? "（测试用名录副本）" : "";
    const std::string copy_en = iecsc.synthetic ? " (a synthetic test copy)" : "";
    if (!status.iecsc_cas.empty()) {
        status.state = NewSubstanceState::kExisting;
        status.reason_zh = "已列入《中国现有化学物质名录》" + copy_zh + "：" + status.iecsc_cas.front();
        status.reason_en = "listed in the IECSC" + copy_en + ": " + status.iecsc_cas.front();
    } else if (!status.registrations.empty()) {
        status.state = NewSubstanceState::kRegistered;
        status.reason_zh = "未列入《中国现有化学物质名录》" + copy_zh + "，已办理新化学物质登记/备案";
        status.reason_en = "not in the IECSC" + copy_en + "; registered or filed as a new chemical substance";
    } else {
        status.state = NewSubstanceState::kNew;
        status.reason_zh = "未列入《中国现有化学物质名录》" + copy_zh + "，也没有登记记录：属新化学物质，生产或进口前须登记";
        status.reason_en = "not in the IECSC" + copy_en +
                           " and not registered: a new chemical substance, to be registered before production or import";
    }
    return status;
}

}  // namespace npgov::substance
