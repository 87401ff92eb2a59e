#include "store/postgres/postgres_database.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "store/connection_pool.hpp"

namespace npgov::store {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat; stable across versions.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

bool IsIdentifierChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool StartsWithKeyword(std::string_view sql, std::string_view keyword) {
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front()))) sql.remove_prefix(1);
    if (sql.size() < keyword.size()) return false;
    for (std::size_t i = 0; i < keyword.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(sql[i])) != keyword[i]) return false;
    }
    return true;
}

std::string Trimmed(const char* text) {
    std::string out = text ? text : "";
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    return out;
}

const char* Field(const PGresult* result, int field) {
    return result ? PQresultErrorField(result, field) : nullptr;
}

// "Key (a, b)=(1, 2) already exists." → "a, b".
std::string KeyColumns(const char* detail) {
    const std::string_view text = detail ? detail : "";
    if (!text.starts_with("Key (")) return {};
    const std::size_t end = text.find(")=(");
    if (end == std::string_view::npos) return {};
    return std::string(text.substr(5, end - 5));
}

tl::unexpected<Error> AbortedError() {
    return MakeError(ErrorCode::kFailedPrecondition, "store.tx_aborted",
                     "事务中已有语句失败，事务将回滚",
                     "a statement in this transaction failed; the transaction is rolled back");
}

// One error table by SQLSTATE (PostgreSQL manual, appendix A).
Error MapError(PGconn* conn, const PGresult* result) {
    const std::string_view state = Field(result, PG_DIAG_SQLSTATE) ? Field(result, PG_DIAG_SQLSTATE) : "";
    std::string what = Trimmed(Field(result, PG_DIAG_MESSAGE_PRIMARY));
    if (what.empty()) what = Trimmed(PQerrorMessage(conn));
    if (const char* detail = Field(result, PG_DIAG_MESSAGE_DETAIL)) what += " (" + Trimmed(detail) + ")";
    if (PQstatus(conn) == CONNECTION_BAD || state.starts_with("08") || state.starts_with("57P") ||
        state.starts_with("53")) {
        return Error{ErrorCode::kUnavailable, "store.connection", "数据库连接中断，请稍后重试",
                     "database connection lost: " + what, {}, 0};
    }
    if (state == "23505") {
        const char* constraint = Field(result, PG_DIAG_CONSTRAINT_NAME);
        const std::string name = constraint ? constraint : "";
        return Error{ErrorCode::kAlreadyExists, "store.unique", "数据已存在（违反唯一约束 " + name + "）",
                     "already exists: " + what, KeyColumns(Field(result, PG_DIAG_MESSAGE_DETAIL)), 0};
    }
    if (state.starts_with("23")) {
        return Error{ErrorCode::kInvalidArgument, "store.constraint", "数据不符合约束：" + what,
                     "constraint violated: " + what, Trimmed(Field(result, PG_DIAG_COLUMN_NAME)), 0};
    }
    if (state.starts_with("22")) {
        return Error{ErrorCode::kInvalidArgument, "store.value", "数据值无效：" + what,
                     "invalid value: " + what, {}, 0};
    }
    if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") {
        return Error{ErrorCode::kUnavailable, "store.busy", "数据库繁忙，请稍后重试",
                     "database is busy, retry later (" + what + ")", {}, 0};
    }
    if (state == "25P02") return AbortedError().value();
    return Error{ErrorCode::kInternal, "store.sql", "数据库语句错误：" + what, "SQL error: " + what, {}, 0};
}

std::string RenderDouble(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    char out[32];
    // Shortest text that reads back as exactly this double; locale-independent.
    const auto end = std::to_chars(out, out + sizeof out, value).ptr;
    return std::string(out, end);
}

Value ParseColumn(Oid type, const char* text, int length) {
    const char* end = text + length;
    switch (type) {
        case kBoolOid: return std::int64_t{text[0] == 't' ? 1 : 0};
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid: {
            std::int64_t v = 0;
            std::from_chars(text, end, v);
            return v;
        }
        case kNumericOid: {
            std::int64_t v = 0;
            const auto parsed = std::from_chars(text, end, v);
            if (parsed.ec == std::errc() && parsed.ptr == end) return v;
            [[fallthrough]];
        }
        case kFloat4Oid:
        case kFloat8Oid: {
            double d = 0;
            std::from_chars(text, end, d);
            return d;
        }
        default: return std::string(text, static_cast<std::size_t>(length));
    }
}

void DropNotice(void*, const char*) {}

class PostgresConnection final : public Connection {
public:
    static Result<std::unique_ptr<Connection>> Open(const std::string& url);
    ~PostgresConnection() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::kPostgres; }
    Result<std::int64_t> Execute(std::string_view sql, std::span<const Value> params) override;
    Result<Rows> Query(std::string_view sql, std::span<const Value> params) override;
    Status ExecuteScript(std::string_view sql) override;

    // Reconnects a connection that broke. Errors: kUnavailable.
    Status Revive();
    // Leaves no transaction open; false when the connection cannot be reused as is.
    bool EndTransaction();

private:
    explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
    Result<ResultPtr> Run(std::string_view sql, std::span<const Value> params);
    Result<ResultPtr> Check(PGresult* raw, std::string_view sql);

    PGconn* conn_;
};

Result<std::unique_ptr<Connection>> PostgresConnection::Open(const std::string& url) {
    // Keywords are applied in order, so the URL's own settings override these defaults.
    const char* const keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* const values[] = {"10", "npgov", url.c_str(), nullptr};
    PGconn* raw = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
    std::unique_ptr<PostgresConnection> connection(new PostgresConnection(raw));
    if (raw == nullptr || PQstatus(raw) != CONNECTION_OK) {
        const std::string why = raw ? Trimmed(PQerrorMessage(raw)) : "out of memory";
        const std::string target = RedactPostgresUrl(url);
        return MakeError(ErrorCode::kUnavailable, "store.connect",
                         "无法连接数据库 " + target + "：" + why,
                         "cannot connect to " + target + ": " + why);
    }
    PQsetNoticeProcessor(raw, DropNotice, nullptr);
    return std::unique_ptr<Connection>(std::move(connection));
}

Status PostgresConnection::Revive() {
    if (PQstatus(conn_) != CONNECTION_BAD) return Ok();
    PQreset(conn_);
    if (PQstatus(conn_) == CONNECTION_OK) return Ok();
    const std::string why = Trimmed(PQerrorMessage(conn_));
    return MakeError(ErrorCode::kUnavailable, "store.connect", "无法重新连接数据库：" + why,
                     "cannot reconnect to the database: " + why);
}

bool PostgresConnection::EndTransaction() {
    if (PQstatus(conn_) == CONNECTION_BAD) return true;  // Revive reconnects it when lent again
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
    return PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

Result<ResultPtr> PostgresConnection::Check(PGresult* raw, std::string_view sql) {
    ResultPtr result(raw);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        return tl::unexpected(MapError(conn_, result.get()));
    }
    // COMMIT of a transaction in which a statement failed answers ROLLBACK, without error.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK" && !StartsWithKeyword(sql, "ROLLBACK")) {
        return AbortedError();
    }
    return result;
}

Result<ResultPtr> PostgresConnection::Run(std::string_view sql, std::span<const Value> params) {
    const PostgresSql rewritten = ToPostgresPlaceholders(sql);
    if (rewritten.parameter_count != static_cast<int>(params.size())) {
        return MakeError(ErrorCode::kInternal, "store.params", "语句参数个数不符",
                         "statement takes " + std::to_string(rewritten.parameter_count) +
                             " parameters, got " + std::to_string(params.size()) + ": " +
                             std::string(sql));
    }
    std::vector<std::string> rendered(params.size());
    std::vector<const char*> pointers(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (const auto* v = std::get_if<std::int64_t>(&params[i])) {
            rendered[i] = std::to_string(*v);
            pointers[i] = rendered[i].c_str();
        } else if (const auto* d = std::get_if<double>(&params[i])) {
            rendered[i] = RenderDouble(*d);
            pointers[i] = rendered[i].c_str();
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
            pointers[i] = s->c_str();
        }
    }
    // Text-format parameters of unspecified type: the server infers each from its context.
    return Check(PQexecParams(conn_, rewritten.text.c_str(), static_cast<int>(params.size()), nullptr,
                              pointers.data(), nullptr, nullptr, 0),
                 sql);
}

Result<std::int64_t> PostgresConnection::Execute(std::string_view sql, std::span<const Value> params) {
    NPGOV_ASSIGN_OR_RETURN(ResultPtr result, Run(sql, params));
    // A SELECT reports its row count; SQLite reports no change for it, and so do we.
    if (std::string_view(PQcmdStatus(result.get())).starts_with("SELECT")) return 0;
    std::int64_t changed = 0;
    const std::string_view tuples = PQcmdTuples(result.get());
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
    return changed;
}

Result<Rows> PostgresConnection::Query(std::string_view sql, std::span<const Value> params) {
    NPGOV_ASSIGN_OR_RETURN(ResultPtr result, Run(sql, params));
    PGresult* r = result.get();
    const int columns = PQnfields(r);
    const int count = PQntuples(r);
    Rows rows;
    rows.columns.reserve(static_cast<std::size_t>(columns));
    std::vector<Oid> types;
    for (int c = 0; c < columns; ++c) {
        rows.columns.emplace_back(PQfname(r, c));
        types.push_back(PQftype(r, c));
    }
    rows.rows.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(r, i, c)) {
                values.emplace_back(std::monostate{});
            } else {
                values.push_back(ParseColumn(types[c], PQgetvalue(r, i, c), PQgetlength(r, i, c)));
            }
        }
        rows.rows.emplace_back(std::move(values));
    }
    return rows;
}

Status PostgresConnection::ExecuteScript(std::string_view sql) {
    const std::string script(sql);
    NPGOV_RETURN_IF_ERROR(Check(PQexec(conn_, script.c_str()), sql));
    return Ok();
}

class PostgresDatabase final : public Database {
public:
    PostgresDatabase(std::string url, const DatabaseOptions& options)
        : url_(std::move(url)),
          pool_(options.pool_size, std::chrono::milliseconds(options.acquire_timeout_ms),
                PoolHooks{
                    .open = [url = url_] { return PostgresConnection::Open(url); },
                    .check_out = [](Connection& c) { return static_cast<PostgresConnection&>(c).Revive(); },
                    .check_in =
                        [](Connection& c) { return static_cast<PostgresConnection&>(c).EndTransaction(); },
                }) {}

    Dialect dialect() const override { return Dialect::kPostgres; }
    Result<PooledConnection> Acquire() override {
        NPGOV_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, pool_.Take());
        return PooledConnection(this, std::move(connection));
    }
    void Release(std::unique_ptr<Connection> connection) override { pool_.Give(std::move(connection)); }
    std::string Describe() const override { return RedactPostgresUrl(url_); }

    ConnectionPool& pool() { return pool_; }

private:
    std::string url_;
    ConnectionPool pool_;
};

// Length of the dollar-quote opening tag at sql[i] ("$$", "$tag$"), or 0 if none starts there.
std::size_t DollarTagLength(std::string_view sql, std::size_t i) {
    if (i > 0 && IsIdentifierChar(sql[i - 1])) return 0;  // part of an identifier like a$b
    std::size_t j = i + 1;
    if (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) return 0;  // $1
    while (j < sql.size() && sql[j] != '$' && IsIdentifierChar(sql[j])) ++j;
    if (j < sql.size() && sql[j] == '$') return j - i + 1;
    return 0;
}

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url,
                                                       const DatabaseOptions& options) {
    auto db = std::make_unique<PostgresDatabase>(std::string(url), options);
    // Connect once now so a bad URL or a down server fails here, not at the first query.
    NPGOV_ASSIGN_OR_RETURN(std::unique_ptr<Connection> first, PostgresConnection::Open(std::string(url)));
    db->pool().Adopt(std::move(first));
    return std::unique_ptr<Database>(std::move(db));
}

PostgresSql ToPostgresPlaceholders(std::string_view sql) {
    PostgresSql out;
    out.text.reserve(sql.size() + 16);
    const std::size_t n = sql.size();
    // Copies sql[from, to) verbatim.
    auto copy = [&](std::size_t from, std::size_t to) { out.text.append(sql.substr(from, to - from)); };
    std::size_t i = 0;
    while (i < n) {
        const char c = sql[i];
        const char next = i + 1 < n ? sql[i + 1] : '\0';
        std::size_t end = i + 1;
        if (c == '\'') {
            // E'…' strings take backslash escapes; standard strings only ''.
            const bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                                 (i < 2 || !IsIdentifierChar(sql[i - 2]));
            while (end < n) {
                if (escapes && sql[end] == '\\') {
                    end += 2;
                } else if (sql[end] == '\'') {
                    ++end;
                    if (end < n && sql[end] == '\'') ++end;  // '' inside the string
                    else break;
                } else {
                    ++end;
                }
            }
        } else if (c == '"') {
            while (end < n) {
                if (sql[end] == '"') {
                    ++end;
                    if (end < n && sql[end] == '"') ++end;
                    else break;
                } else {
                    ++end;
                }
            }
        } else if (c == '-' && next == '-') {
            end = sql.find('\n', i);
            end = end == std::string_view::npos ? n : end + 1;
        } else if (c == '/' && next == '*') {
            int depth = 1;  // PostgreSQL block comments nest
            end = i + 2;
            while (end < n && depth > 0) {
                if (sql.compare(end, 2, "/*") == 0) {
                    ++depth;
                    end += 2;
                } else if (sql.compare(end, 2, "*/") == 0) {
                    --depth;
                    end += 2;
                } else {
                    ++end;
                }
            }
        } else if (c == '$') {
            if (const std::size_t tag = DollarTagLength(sql, i); tag > 0) {
                const std::size_t close = sql.find(sql.substr(i, tag), i + tag);
                end = close == std::string_view::npos ? n : close + tag;
            }
        } else if (c == '?') {
            out.text += '$';
            out.text += std::to_string(++out.parameter_count);
            i = end;
            continue;
        }
        copy(i, std::min(end, n));
        i = end;
    }
    return out;
}

std::string RedactPostgresUrl(std::string_view url) {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::string(url);
    const std::size_t host_start = scheme + 3;
    std::size_t host_end = url.find_first_of("/?", host_start);
    if (host_end == std::string_view::npos) host_end = url.size();
    std::string out(url.substr(0, host_start));
    std::string_view authority = url.substr(host_start, host_end - host_start);
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        std::string_view user = authority.substr(0, at);
        out.append(user.substr(0, user.find(':')));
        authority.remove_prefix(at);
    }
    out.append(authority);
    std::string_view rest = url.substr(host_end);
    const std::size_t question = rest.find('?');
    out.append(rest.substr(0, question));
    if (question == std::string_view::npos) return out;
    std::string_view query = rest.substr(question + 1);
    char separator = '?';
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view param = query.substr(0, amp);
        if (!param.starts_with("password=")) {
            out += separator;
            out.append(param);
            separator = '&';
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

}  // namespace npgov::store
