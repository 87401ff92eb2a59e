// The database interface every module uses: SQLite (embedded default) and PostgreSQL
// implement it. SQL is written once with `?` placeholders; values are always bound, never
// spliced. Dialect differences (placeholders, identity columns, busy handling) stay inside
// the backends. No third-party types appear here.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace npgov::store {

// A bound parameter or a column value: NULL, 64-bit integer, double or UTF-8 text.
// Columns read back the same on both backends: PostgreSQL integer types and bool arrive as
// integers, float types as doubles, NUMERIC as an integer when it has no fractional part
// (SUM of integers) and as a double otherwise; other types as text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value Null() { return std::monostate{}; }
// Maps an empty optional to NULL.
template <typename T>
Value ToValue(const std::optional<T>& v) {
    if (!v) return std::monostate{};
    return Value(*v);
}

enum class Dialect { kSqlite, kPostgres };
std::string_view ToString(Dialect dialect);

// One result row. Accessors check the column index and type: asking for an integer from a
// text column is a bug in the caller's SQL and throws InternalError (NPGOV_CHECK).
class Row {
public:
    explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
    std::size_t size() const { return values_.size(); }
    bool IsNull(std::size_t i) const;
    std::int64_t Int(std::size_t i) const;        // integer column (bool → 0/1)
    double Real(std::size_t i) const;             // real or integer column
    const std::string& Text(std::size_t i) const; // text column
    std::optional<std::int64_t> OptionalInt(std::size_t i) const;
    std::optional<std::string> OptionalText(std::size_t i) const;
    const Value& at(std::size_t i) const;

private:
    std::vector<Value> values_;
};

struct Rows {
    std::vector<std::string> columns;
    std::vector<Row> rows;
};

// One open connection. Not thread-safe: a connection is used by one thread at a time
// (Database::Acquire hands them out).
class Connection {
public:
    virtual ~Connection() = default;
    virtual Dialect dialect() const = 0;

    // Runs one statement with bound parameters; returns the number of rows changed.
    // Errors: kAlreadyExists (unique violation), kInvalidArgument (constraint violation),
    // kUnavailable (busy/locked/connection lost), kFailedPrecondition (the transaction was
    // aborted, see below), kInternal (SQL error or more than one statement — a bug).
    virtual Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params = {}) = 0;

    // Runs one statement and returns all its rows (also for INSERT … RETURNING). Errors as Execute.
    virtual Result<Rows> Query(std::string_view sql, std::span<const Value> params = {}) = 0;

    // Runs several `;`-separated statements without parameters (migrations).
    // Inside a transaction, a failed statement (any method) aborts it on both backends:
    // later statements and COMMIT return kFailedPrecondition ("store.tx_aborted").
    virtual Status ExecuteScript(std::string_view sql) = 0;
};

// Convenience overloads taking a braced list of values.
Result<std::int64_t> Execute(Connection& c, std::string_view sql, std::initializer_list<Value> params);
Result<Rows> Query(Connection& c, std::string_view sql, std::initializer_list<Value> params);
// Returns the single row of the query, or nullopt when it has none; kInternal if it has more.
Result<std::optional<Row>> QueryOne(Connection& c, std::string_view sql,
                                    std::initializer_list<Value> params = {});

// A connection borrowed from a Database; returned to the pool when destroyed.
class PooledConnection;

// A pool of connections to one database. Thread-safe. Must outlive the connections it lends.
class Database {
public:
    virtual ~Database() = default;
    virtual Dialect dialect() const = 0;
    // Borrows a connection, waiting up to acquire_timeout_ms if all are in use.
    // Errors: kUnavailable (timed out: "store.pool_exhausted"; cannot connect).
    virtual Result<PooledConnection> Acquire() = 0;
    // Gives a connection back; called by PooledConnection only.
    virtual void Release(std::unique_ptr<Connection> connection) = 0;
    // Human-readable target without secrets, e.g. "sqlite:var/npgov.db".
    virtual std::string Describe() const = 0;
};

class PooledConnection {
public:
    PooledConnection(Database* owner, std::unique_ptr<Connection> connection)
        : owner_(owner), connection_(std::move(connection)) {}
    PooledConnection(PooledConnection&& other) noexcept = default;
    PooledConnection& operator=(PooledConnection&&) = delete;
    ~PooledConnection() {
        if (owner_ && connection_) owner_->Release(std::move(connection_));
    }
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

private:
    Database* owner_;
    std::unique_ptr<Connection> connection_;
};

struct DatabaseOptions {
    int pool_size = 8;               // connections kept open
    int busy_timeout_ms = 5000;      // SQLite: wait this long for a lock before kUnavailable
    int acquire_timeout_ms = 30000;  // Acquire: wait this long for a free connection
};

// Opens a database from a URL: "sqlite:PATH" (created if missing; parent directory must exist)
// or "postgresql://…" / "postgres://…" (a libpq connection URI).
// Errors: kInvalidArgument (unknown scheme, pool_size < 1), kUnavailable (cannot open/connect).
// Portable SQL: BIGINT for 64-bit integers and DOUBLE PRECISION for reals (PostgreSQL's
// INTEGER and REAL are 32-bit); `?` is always a placeholder, so PostgreSQL's jsonb `?`
// operators are unavailable; where a parameter's type cannot be inferred from a column
// (`SELECT ? + 1`), write CAST(? AS BIGINT).
Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, const DatabaseOptions& options = {});

}  // namespace npgov::store
