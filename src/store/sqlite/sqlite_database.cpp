#include "store/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <cctype>
#include <filesystem>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

#include "store/connection_pool.hpp"

namespace npgov::store {
namespace {

// Prepared statements kept per connection, keyed by SQL text. Modules use a few dozen
// named statements; re-preparing each time costs more than running most of them.
constexpr std::size_t kStatementCacheSize = 128;

struct StatementDeleter {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

bool StartsWithKeyword(std::string_view sql, std::string_view keyword) {
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
    if (sql.size() < keyword.size()) return false;
    for (std::size_t i = 0; i < keyword.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(sql[i])) != keyword[i]) return false;
    }
    return true;
}

// "UNIQUE constraint failed: t.a, t.b" → "a, b".
std::string ConstraintColumns(std::string_view message) {
    const std::size_t colon = message.find(": ");
    if (colon == std::string_view::npos) return {};
    std::string out;
    std::string_view rest = message.substr(colon + 2);
    while (!rest.empty()) {
        std::size_t comma = rest.find(", ");
        std::string_view item = rest.substr(0, comma);
        if (const std::size_t dot = item.find('.'); dot != std::string_view::npos) item.remove_prefix(dot + 1);
        if (!out.empty()) out += ", ";
        out += item;
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 2);
    }
    return out;
}

Error MapError(int code, std::string_view message) {
    const std::string what(message);
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return Error{ErrorCode::kAlreadyExists, "store.unique", "数据已存在（违反唯一约束：" + what + "）",
                     "already exists (" + what + ")", ConstraintColumns(message), 0};
    }
    switch (code & 0xff) {
        case SQLITE_CONSTRAINT:
            return Error{ErrorCode::kInvalidArgument, "store.constraint",
                         "数据不符合约束：" + what, "constraint violated: " + what, {}, 0};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error{ErrorCode::kUnavailable, "store.busy", "数据库繁忙，请稍后重试",
                         "database is busy, retry later (" + what + ")", {}, 0};
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return Error{ErrorCode::kDataLoss, "store.corrupt", "数据库文件已损坏：" + what,
                         "database file is corrupt: " + what, {}, 0};
        case SQLITE_IOERR:
        case SQLITE_FULL:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
            return Error{ErrorCode::kUnavailable, "store.io", "数据库文件读写失败：" + what,
                         "database file I/O failed: " + what, {}, 0};
        default:
            return Error{ErrorCode::kInternal, "store.sql", "数据库语句错误：" + what,
                         "SQL error: " + what, {}, 0};
    }
}

tl::unexpected<Error> AbortedError() {
    return MakeError(ErrorCode::kFailedPrecondition, "store.tx_aborted",
                     "事务中已有语句失败，事务将回滚",
                     "a statement in this transaction failed; the transaction is rolled back");
}

class SqliteConnection final : public Connection {
public:
    static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                    const DatabaseOptions& options);
    ~SqliteConnection() override {
        cache_.clear();
        index_.clear();
        sqlite3_close_v2(db_);
    }

    Dialect dialect() const override { return Dialect::kSqlite; }
    Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
    Result<Rows> Query(std::string_view sql, std::span<const Value> params) override;
    Status ExecuteScript(std::string_view sql) override;

    bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
    // Leaves no transaction open; false when that failed.
    bool EndTransaction() {
        if (InTransaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        aborted_ = false;
        return !InTransaction();
    }

private:
    explicit SqliteConnection(sqlite3* db) : db_(db) {}

    // Resets a cached statement when a run ends, however it ends.
    class Run {
    public:
        explicit Run(sqlite3_stmt* statement) : statement_(statement) {}
        ~Run() {
            sqlite3_reset(statement_);
            sqlite3_clear_bindings(statement_);
        }
        Run(const Run&) = delete;
        Run& operator=(const Run&) = delete;

    private:
        sqlite3_stmt* statement_;
    };

    Status CheckNotAborted(std::string_view sql);
    Result<sqlite3_stmt*> Prepare(std::string_view sql);
    Status Bind(sqlite3_stmt* statement, std::span<const Value> params);
    tl::unexpected<Error> Fail(int code);
    Value Column(sqlite3_stmt* statement, int i);

    sqlite3* db_;
    bool aborted_ = false;  // a statement failed inside the open transaction
    // Least recently used last; index_ keys view the strings held in cache_.
    std::list<std::pair<std::string, StatementPtr>> cache_;
    std::unordered_map<std::string_view, decltype(cache_)::iterator> index_;
};

Result<std::unique_ptr<Connection>> SqliteConnection::Open(const std::string& path,
                                                           const DatabaseOptions& options) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                      SQLITE_OPEN_EXRESCODE;
    const int opened = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(raw));
    auto cannot_open = [&](std::string_view why) {
        return MakeError(ErrorCode::kUnavailable, "store.open",
                         "无法打开数据库 " + path + "：" + std::string(why),
                         "cannot open database " + path + ": " + std::string(why));
    };
    if (raw == nullptr) return cannot_open("out of memory");
    if (opened != SQLITE_OK) return cannot_open(sqlite3_errmsg(raw));
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);
    // The busy timeout first: switching a new file to WAL needs a lock another connection
    // may hold. journal_mode=WAL is persistent; the rest are per connection.
    const int configured = sqlite3_exec(raw,
                                        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                        "PRAGMA foreign_keys=ON;",
                                        nullptr, nullptr, nullptr);
    if (configured != SQLITE_OK) return cannot_open(sqlite3_errmsg(raw));
    return std::unique_ptr<Connection>(std::move(connection));
}

Status SqliteConnection::CheckNotAborted(std::string_view sql) {
    if (!InTransaction()) aborted_ = false;
    if (aborted_ && !StartsWithKeyword(sql, "ROLLBACK")) return AbortedError();
    return Ok();
}

tl::unexpected<Error> SqliteConnection::Fail(int code) {
    if (InTransaction()) aborted_ = true;  // behave as PostgreSQL does
    return tl::unexpected(MapError(code, sqlite3_errmsg(db_)));
}

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql) {
    if (auto hit = index_.find(sql); hit != index_.end()) {
        cache_.splice(cache_.begin(), cache_, hit->second);
        return hit->second->second.get();
    }
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementPtr statement(raw);
    if (code != SQLITE_OK) return Fail(code);
    if (!statement) {
        return MakeError(ErrorCode::kInternal, "store.sql", "数据库语句为空",
                         "SQL statement is empty");
    }
    // Only one statement: a second one would be silently ignored.
    sqlite3_stmt* extra = nullptr;
    const std::size_t consumed = static_cast<std::size_t>(tail - sql.data());
    const int extra_code =
        sqlite3_prepare_v2(db_, tail, static_cast<int>(sql.size() - consumed), &extra, nullptr);
    if (extra != nullptr || extra_code != SQLITE_OK) {
        sqlite3_finalize(extra);
        return MakeError(ErrorCode::kInternal, "store.sql", "一次只能执行一条语句",
                         "Execute/Query run one statement; use ExecuteScript for several: " +
                             std::string(sql));
    }
    if (cache_.size() >= kStatementCacheSize) {
        index_.erase(cache_.back().first);
        cache_.pop_back();
    }
    cache_.emplace_front(std::string(sql), std::move(statement));
    index_.emplace(cache_.front().first, cache_.begin());
    return cache_.front().second.get();
}

Status SqliteConnection::Bind(sqlite3_stmt* statement, std::span<const Value> params) {
    const int expected = sqlite3_bind_parameter_count(statement);
    if (expected != static_cast<int>(params.size())) {
        return MakeError(ErrorCode::kInternal, "store.params", "语句参数个数不符",
                         "statement takes " + std::to_string(expected) + " parameters, got " +
                             std::to_string(params.size()) + ": " + sqlite3_sql(statement));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int at = static_cast<int>(i) + 1;
        int code = SQLITE_OK;
        if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
            code = sqlite3_bind_int64(statement, at, *v);
        } else if (const auto* d = std::get_if<double>(&params[i])) {
            code = sqlite3_bind_double(statement, at, *d);
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
            // The caller's values outlive the run; bindings are cleared when it ends.
            code = sqlite3_bind_text64(statement, at, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
        } else {
            code = sqlite3_bind_null(statement, at);
        }
        if (code != SQLITE_OK) return Fail(code);
    }
    return Ok();
}

Value SqliteConnection::Column(sqlite3_stmt* statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
        case SQLITE_INTEGER: return static_cast<std::int64_t>(sqlite3_column_int64(statement, i));
        case SQLITE_FLOAT: return sqlite3_column_double(statement, i);
        case SQLITE_NULL: return std::monostate{};
        default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
        }
    }
}

Result<std::int64_t> SqliteConnection::Execute(std::string_view sql, std::span<const Value> params) {
    NPGOV_RETURN_IF_ERROR(CheckNotAborted(sql));
    NPGOV_ASSIGN_OR_RETURN(sqlite3_stmt * statement, Prepare(sql));
    Run run(statement);
    NPGOV_RETURN_IF_ERROR(Bind(statement, params));
    const std::int64_t total_before = sqlite3_total_changes64(db_);
    for (;;) {
        const int code = sqlite3_step(statement);
        if (code == SQLITE_DONE) break;
        if (code != SQLITE_ROW) return Fail(code);
    }
    // sqlite3_changes64 keeps the count of the last INSERT/UPDATE/DELETE: report it only
    // when this statement changed something.
    return sqlite3_total_changes64(db_) == total_before ? 0 : sqlite3_changes64(db_);
}

Result<Rows> SqliteConnection::Query(std::string_view sql, std::span<const Value> params) {
    NPGOV_RETURN_IF_ERROR(CheckNotAborted(sql));
    NPGOV_ASSIGN_OR_RETURN(sqlite3_stmt * statement, Prepare(sql));
    Run run(statement);
    NPGOV_RETURN_IF_ERROR(Bind(statement, params));
    Rows result;
    int columns = -1;
    for (;;) {
        const int code = sqlite3_step(statement);
        if (code != SQLITE_DONE && code != SQLITE_ROW) return Fail(code);
        if (columns < 0) {
            // Only now: the first step re-prepares the statement if the schema changed
            // (SELECT * then has other columns).
            columns = sqlite3_column_count(statement);
            result.columns.reserve(static_cast<std::size_t>(columns));
            for (int i = 0; i < columns; ++i) result.columns.emplace_back(sqlite3_column_name(statement, i));
        }
        if (code == SQLITE_DONE) break;
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int i = 0; i < columns; ++i) values.push_back(Column(statement, i));
        result.rows.emplace_back(std::move(values));
    }
    return result;
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
    NPGOV_RETURN_IF_ERROR(CheckNotAborted(sql));
    const std::string script(sql);
    const int code = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) return Fail(sqlite3_extended_errcode(db_));
    return Ok();
}

class SqliteDatabase final : public Database {
public:
    SqliteDatabase(std::string path, const DatabaseOptions& options)
        : path_(std::move(path)),
          pool_(options.pool_size, std::chrono::milliseconds(options.acquire_timeout_ms),
                PoolHooks{
                    .open = [path = path_, options] { return SqliteConnection::Open(path, options); },
                    .check_out = [](Connection&) { return Ok(); },
                    .check_in =
                        [](Connection& c) { return static_cast<SqliteConnection&>(c).EndTransaction(); },
                }) {}

    Dialect dialect() const override { return Dialect::kSqlite; }
    Result<PooledConnection> Acquire() override {
        NPGOV_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, pool_.Take());
        return PooledConnection(this, std::move(connection));
    }
    void Release(std::unique_ptr<Connection> connection) override { pool_.Give(std::move(connection)); }
    std::string Describe() const override { return "sqlite:" + path_; }

    ConnectionPool& pool() { return pool_; }

private:
    std::string path_;
    ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path,
                                                     const DatabaseOptions& options) {
    if (path.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "store.url", "SQLite 数据库路径为空",
                         "SQLite database path is empty: expected sqlite:PATH");
    }
    const std::filesystem::path file(path);
    const std::filesystem::path directory = file.has_parent_path() ? file.parent_path() : ".";
    std::error_code ignored;
    if (!std::filesystem::is_directory(directory, ignored)) {
        return MakeError(ErrorCode::kUnavailable, "store.open",
                         "数据库所在目录不存在：" + directory.string(),
                         "database directory does not exist: " + directory.string());
    }
    auto db = std::make_unique<SqliteDatabase>(std::string(path), options);
    // Open one connection now so a bad path fails here, not at the first query.
    NPGOV_ASSIGN_OR_RETURN(std::unique_ptr<Connection> first, SqliteConnection::Open(std::string(path), options));
    db->pool().Adopt(std::move(first));
    return std::unique_ptr<Database>(std::move(db));
}

}  // namespace npgov::store
