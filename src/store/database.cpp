#include "store/database.hpp"

#include <string>
#include <utility>

#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace npgov::store {
namespace {

std::string_view TypeName(const Value& value) {
    switch (value.index()) {
        case 0: return "NULL";
        case 1: return "integer";
        case 2: return "real";
        default: return "text";
    }
}

// A caller asking for the wrong type has a bug in its SQL or its column index.
[[noreturn]] void WrongType(std::size_t i, std::string_view wanted, const Value& value) {
    throw InternalError{"store::Row: column " + std::to_string(i) + " holds " +
                        std::string(TypeName(value)) + ", not " + std::string(wanted)};
}

}  // namespace

std::string_view ToString(Dialect dialect) {
    switch (dialect) {
        case Dialect::kSqlite: return "sqlite";
        case Dialect::kPostgres: return "postgres";
    }
    return "sqlite";
}

const Value& Row::at(std::size_t i) const {
    if (i >= values_.size()) {
        throw InternalError{"store::Row: column " + std::to_string(i) + " out of range (row has " +
                            std::to_string(values_.size()) + ")"};
    }
    return values_[i];
}

bool Row::IsNull(std::size_t i) const { return std::holds_alternative<std::monostate>(at(i)); }

std::int64_t Row::Int(std::size_t i) const {
    const Value& value = at(i);
    if (const auto* v = std::get_if<std::int64_t>(&value)) return *v;
    WrongType(i, "integer", value);
}

double Row::Real(std::size_t i) const {
    const Value& value = at(i);
    if (const auto* v = std::get_if<double>(&value)) return *v;
    if (const auto* v = std::get_if<std::int64_t>(&value)) return static_cast<double>(*v);
    WrongType(i, "real", value);
}

const std::string& Row::Text(std::size_t i) const {
    const Value& value = at(i);
    if (const auto* v = std::get_if<std::string>(&value)) return *v;
    WrongType(i, "text", value);
}

std::optional<std::int64_t> Row::OptionalInt(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
}

std::optional<std::string> Row::OptionalText(std::size_t i) const {
    if (IsNull(i)) return std::nullopt;
    return Text(i);
}

Result<std::int64_t> Execute(Connection& c, std::string_view sql, std::initializer_list<Value> params) {
    return c.Execute(sql, std::span<const Value>(params.begin(), params.size()));
}

Result<Rows> Query(Connection& c, std::string_view sql, std::initializer_list<Value> params) {
    return c.Query(sql, std::span<const Value>(params.begin(), params.size()));
}

Result<std::optional<Row>> QueryOne(Connection& c, std::string_view sql,
                                    std::initializer_list<Value> params) {
    NPGOV_ASSIGN_OR_RETURN(Rows result, Query(c, sql, params));
    if (result.rows.empty()) return std::optional<Row>();
    if (result.rows.size() > 1) {
        return MakeError(ErrorCode::kInternal, "store.query_one", "查询返回了多行",
                         "query expected to return at most one row returned " +
                             std::to_string(result.rows.size()) + ": " + std::string(sql));
    }
    return std::optional<Row>(std::move(result.rows.front()));
}

Result<std::unique_ptr<Database>> OpenDatabase(std::string_view url, const DatabaseOptions& options) {
    if (options.pool_size < 1) {
        return MakeError(ErrorCode::kInvalidArgument, "store.options", "连接池大小必须至少为 1",
                         "pool_size must be at least 1");
    }
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.starts_with(kSqlite)) return OpenSqliteDatabase(url.substr(kSqlite.size()), options);
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
        return OpenPostgresDatabase(url, options);
    }
    // Show only the scheme: the rest may hold a password.
    const std::string scheme(url.substr(0, url.find(':')));
    return MakeError(ErrorCode::kInvalidArgument, "store.url",
                     "不支持的数据库地址“" + scheme + "…”，应为 sqlite:路径 或 postgresql://…",
                     "unsupported database URL '" + scheme +
                         "…': expected sqlite:PATH or postgresql://…");
}

}  // namespace npgov::store
