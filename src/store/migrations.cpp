#include "store/migrations.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>
#include <string>

#include "store/transaction.hpp"

namespace npgov::store {
namespace {

constexpr std::string_view kCreateHistory =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";
constexpr std::string_view kSelectHistory =
    "SELECT version, name, checksum FROM schema_migrations ORDER BY version";
constexpr std::string_view kSelectChecksum =
    "SELECT checksum FROM schema_migrations WHERE version = ?";
constexpr std::string_view kInsertHistory =
    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kSelectCurrent =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kSqliteHistoryExists =
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr std::string_view kPostgresHistoryExists =
    "SELECT 1 WHERE to_regclass('schema_migrations') IS NOT NULL";
// PostgreSQL: migrators serialise on a transaction-scoped advisory lock (key: "npgovmig" as
// ASCII). SQLite: BEGIN IMMEDIATE already holds the single write lock.
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(7957695015192734055)";

constexpr std::string_view kIdToken = "{{id}}";

// FNV-1a, 64-bit (Fowler, Noll, Vo), as 16 lower-case hex digits.
std::string Checksum(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

std::string NowUtcIso8601() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return out;
}

// Begins a write transaction that holds the migration lock until it ends.
Result<Transaction> BeginLocked(Connection& connection) {
    NPGOV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(connection, TxMode::kWrite));
    if (connection.dialect() == Dialect::kPostgres) {
        NPGOV_RETURN_IF_ERROR(connection.Query(kPostgresLock));
    }
    return tx;
}

Status CheckOrder(const std::vector<Migration>& migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        const Migration& m = migrations[i];
        if (m.version <= 0 || (i > 0 && m.version <= migrations[i - 1].version)) {
            const std::string v = std::to_string(m.version);
            return MakeError(ErrorCode::kInvalidArgument, "store.migration_order",
                             "迁移版本号必须为正且严格递增：" + v + "（" + m.name + "）",
                             "migration versions must be positive and strictly ascending: " + v +
                                 " (" + m.name + ")");
        }
    }
    return Ok();
}

tl::unexpected<Error> EditedError(const Migration& m) {
    const std::string v = std::to_string(m.version);
    return MakeError(ErrorCode::kDataLoss, "store.migration_edited",
                     "已执行的迁移 " + v + "（" + m.name + "）的内容被修改过",
                     "applied migration " + v + " (" + m.name +
                         ") differs from the one recorded: the history was edited");
}

// Checks the recorded history against the supplied one before anything is applied;
// returns the recorded versions.
Result<std::set<std::int64_t>> CheckHistory(Connection& connection, const std::vector<Migration>& migrations) {
    NPGOV_ASSIGN_OR_RETURN(Rows history, connection.Query(kSelectHistory));
    std::map<std::int64_t, const Migration*> supplied;
    for (const Migration& m : migrations) supplied[m.version] = &m;
    std::set<std::int64_t> recorded;
    for (const Row& row : history.rows) {
        recorded.insert(row.Int(0));
        const auto found = supplied.find(row.Int(0));
        if (found == supplied.end()) {
            const std::string v = std::to_string(row.Int(0));
            return MakeError(ErrorCode::kFailedPrecondition, "store.migration_unknown",
                             "数据库已执行本程序未知的迁移 " + v + "（" + row.Text(1) +
                                 "），可能由更新版本的程序执行",
                             "the database has migration " + v + " (" + row.Text(1) +
                                 ") which this program does not know; was it migrated by a "
                                 "newer version?");
        }
        if (row.Text(2) != Checksum(found->second->sql)) return EditedError(*found->second);
    }
    return recorded;
}

// Prefixes a backend error with the migration it came from, keeping code and reason.
Error InMigration(Error error, const Migration& m) {
    const std::string v = std::to_string(m.version);
    error.message_zh = "迁移 " + v + "（" + m.name + "）失败：" + error.message_zh;
    error.message_en = "migration " + v + " (" + m.name + ") failed: " + error.message_en;
    return error;
}

// Applies `m` unless another migrator did meanwhile. Returns whether it applied it.
Result<bool> ApplyOne(Connection& connection, const Migration& m) {
    NPGOV_ASSIGN_OR_RETURN(Transaction tx, BeginLocked(connection));
    NPGOV_ASSIGN_OR_RETURN(std::optional<Row> recorded,
                           QueryOne(connection, kSelectChecksum, {std::int64_t{m.version}}));
    if (recorded) {
        if (recorded->Text(0) != Checksum(m.sql)) return EditedError(m);
        return false;
    }
    if (auto done = connection.ExecuteScript(RenderMigrationSql(m.sql, connection.dialect())); !done) {
        return tl::unexpected(InMigration(done.error(), m));
    }
    NPGOV_RETURN_IF_ERROR(Execute(connection, kInsertHistory,
                                  {std::int64_t{m.version}, m.name, Checksum(m.sql), NowUtcIso8601()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return true;
}

Result<int> CurrentVersion(Connection& connection) {
    const std::string_view exists = connection.dialect() == Dialect::kSqlite
                                        ? kSqliteHistoryExists
                                        : kPostgresHistoryExists;
    NPGOV_ASSIGN_OR_RETURN(std::optional<Row> table, QueryOne(connection, exists));
    if (!table) return 0;
    NPGOV_ASSIGN_OR_RETURN(std::optional<Row> row, QueryOne(connection, kSelectCurrent));
    return static_cast<int>(row->Int(0));
}

}  // namespace

std::string RenderMigrationSql(std::string_view sql, Dialect dialect) {
    const std::string_view id = dialect == Dialect::kSqlite
                                    ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                    : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    std::string out;
    out.reserve(sql.size());
    for (std::size_t at = 0;;) {
        const std::size_t token = sql.find(kIdToken, at);
        if (token == std::string_view::npos) {
            out += sql.substr(at);
            return out;
        }
        out += sql.substr(at, token - at);
        out += id;
        at = token + kIdToken.size();
    }
}

Result<MigrationReport> ApplyMigrations(Database& db, const std::vector<Migration>& migrations) {
    NPGOV_RETURN_IF_ERROR(CheckOrder(migrations));
    NPGOV_ASSIGN_OR_RETURN(PooledConnection connection, db.Acquire());
    std::set<std::int64_t> recorded;
    {
        NPGOV_ASSIGN_OR_RETURN(Transaction tx, BeginLocked(*connection));
        NPGOV_RETURN_IF_ERROR(connection->Execute(kCreateHistory));
        NPGOV_ASSIGN_OR_RETURN(recorded, CheckHistory(*connection, migrations));
        NPGOV_RETURN_IF_ERROR(tx.Commit());
    }
    MigrationReport report;
    for (const Migration& m : migrations) {
        if (recorded.contains(m.version)) continue;
        // Another migrator may have applied it since; ApplyOne checks again under the lock.
        NPGOV_ASSIGN_OR_RETURN(bool applied, ApplyOne(*connection, m));
        if (applied) report.applied.push_back(m.version);
    }
    NPGOV_ASSIGN_OR_RETURN(report.current_version, CurrentVersion(*connection));
    return report;
}

Result<int> CurrentSchemaVersion(Database& db) {
    NPGOV_ASSIGN_OR_RETURN(PooledConnection connection, db.Acquire());
    return CurrentVersion(*connection);
}

}  // namespace npgov::store
