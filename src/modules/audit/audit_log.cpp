#include "modules/audit/audit_log.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "store/locks.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::audit {
namespace {

constexpr const char* kSelectTail = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_json, after_json, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectColumns =
    "SELECT seq, at, actor, action, entity, entity_id, before_json, after_json, prev_hash, hash "
    "FROM audit_log";

Entry EntryFromRow(const store::Row& row) {
    Entry e;
    e.seq = row.Int(0);
    e.at = row.Text(1);
    e.change = Change{row.Text(2), row.Text(3), row.Text(4), row.Text(5), row.OptionalText(6),
                      row.OptionalText(7)};
    e.prev_hash = row.Text(8);
    e.hash = row.Text(9);
    return e;
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * n);
    for (std::size_t i = 0; i < n; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string ComputeEntryHash(std::int64_t seq, const std::string& at, const Change& change,
                             const std::string& prev_hash) {
    // Canonical content: a JSON array in fixed order; null for absent documents.
    nlohmann::json content = nlohmann::json::array(
        {seq, at, change.actor, change.action, change.entity, change.entity_id,
         change.before_json ? nlohmann::json(*change.before_json) : nlohmann::json(nullptr),
         change.after_json ? nlohmann::json(*change.after_json) : nlohmann::json(nullptr)});
    const std::string message = prev_hash + "\n" + content.dump();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size());
    return Hex(digest, sizeof digest);
}

Status AuditLog::Append(store::Connection& connection, const Change& change) {
    NPGOV_RETURN_IF_ERROR(store::LockTableForAppend(connection, "audit_log"));
    NPGOV_ASSIGN_OR_RETURN(auto tail, store::QueryOne(connection, kSelectTail));
    const std::int64_t seq = tail ? tail->Int(0) + 1 : 1;
    const std::string prev_hash = tail ? tail->Text(1) : std::string(kGenesisHash);
    const std::string at = clock_.Now().ToIsoString();
    const std::string hash = ComputeEntryHash(seq, at, change, prev_hash);
    NPGOV_RETURN_IF_ERROR(store::Execute(
        connection, kInsert,
        {seq, at, change.actor, change.action, change.entity, change.entity_id,
         store::ToValue(change.before_json), store::ToValue(change.after_json), prev_hash, hash}));
    return Ok();
}

Result<Page<Entry>> AuditLog::List(const EntryFilter& filter, const PageRequest& page) {
    std::string where;
    std::vector<store::Value> params;
    if (filter.actor) {
        where += where.empty() ? " WHERE " : " AND ";
        where += "actor = ?";
        params.emplace_back(*filter.actor);
    }
    if (filter.action) {
        where += where.empty() ? " WHERE " : " AND ";
        where += "action LIKE ?";
        params.emplace_back(*filter.action + "%");
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<Entry>(*connection, {kSelectColumns, "audit_log", where, " ORDER BY seq DESC", params},
                                   page, EntryFromRow);
}

Result<VerifyReport> AuditLog::Verify() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    // A read transaction gives one consistent snapshot of the whole chain.
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection, store::TxMode::kRead));
    VerifyReport report;
    std::string expected_prev(kGenesisHash);
    std::int64_t expected_seq = 1;
    constexpr std::int64_t kBatch = 5000;
    for (std::int64_t after_seq = 0;;) {
        NPGOV_ASSIGN_OR_RETURN(
            auto rows, store::Query(*connection, std::string(kSelectColumns) +
                                                     " WHERE seq > ? ORDER BY seq LIMIT ?",
                                    {after_seq, kBatch}));
        for (const auto& row : rows.rows) {
            const Entry e = EntryFromRow(row);
            auto broken = [&](std::string why) {
                report.ok = false;
                report.first_broken_seq = e.seq;
                report.reason = std::move(why);
            };
            if (e.seq != expected_seq) {
                broken("entry " + std::to_string(expected_seq) + " is missing (next is " +
                       std::to_string(e.seq) + ")");
            } else if (e.prev_hash != expected_prev) {
                broken("prev_hash does not match the hash of entry " + std::to_string(e.seq - 1));
            } else if (ComputeEntryHash(e.seq, e.at, e.change, e.prev_hash) != e.hash) {
                broken("content does not match its hash (the row was edited)");
            }
            if (!report.ok) return report;
            ++report.checked;
            expected_prev = e.hash;
            ++expected_seq;
            after_seq = e.seq;
        }
        if (static_cast<std::int64_t>(rows.rows.size()) < kBatch) break;
    }
    return report;
}

Result<std::int64_t> AuditLog::Count() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, "SELECT COUNT(*) FROM audit_log"));
    return row->Int(0);
}

std::vector<store::Migration> Migrations() {
    return {{2, "audit_log", R"sql(
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
)sql"}};
}

}  // namespace npgov::audit
