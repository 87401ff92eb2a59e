#include "store/text_search.hpp"

#include "core/text.hpp"
#include "store/transaction.hpp"

namespace npgov::store {
namespace {

// Serialises index creation across PostgreSQL sessions (key: "npgovtrg" as ASCII), so that
// two processes creating the same index at once do not collide on the catalog.
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(7957695015193883239)";

bool IsIdentifier(std::string_view name) {
    if (name.empty() || name.size() > 48) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

// '%', '_' and '\' taken literally in a LIKE pattern with ESCAPE '\'.
std::string LikeContains(std::string_view needle) {
    std::string out = "%";
    for (char c : needle) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

// An FTS5 phrase matching `needle` literally: double quotes doubled inside "…".
std::string Fts5Phrase(std::string_view needle) {
    std::string out = "\"";
    for (char c : needle) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

Result<bool> EnsureSqlite(Connection& c, const TrigramIndex& index) {
    const std::string& t = index.table;
    const std::string& col = index.column;
    const std::string fts = t + "_trgm";
    NPGOV_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c, TxMode::kWrite));
    NPGOV_ASSIGN_OR_RETURN(auto exists, QueryOne(c, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {fts}));
    if (exists) return true;
    NPGOV_RETURN_IF_ERROR(c.Execute("CREATE VIRTUAL TABLE " + fts + " USING fts5(" + col + ", content='" + t +
                                    "', content_rowid='id', tokenize='trigram')"));
    NPGOV_RETURN_IF_ERROR(c.Execute("CREATE TRIGGER " + fts + "_ai AFTER INSERT ON " + t + " BEGIN INSERT INTO " + fts +
                                    "(rowid, " + col + ") VALUES (new.id, new." + col + "); END"));
    NPGOV_RETURN_IF_ERROR(c.Execute("CREATE TRIGGER " + fts + "_ad AFTER DELETE ON " + t + " BEGIN INSERT INTO " + fts +
                                    "(" + fts + ", rowid, " + col + ") VALUES ('delete', old.id, old." + col + "); END"));
    NPGOV_RETURN_IF_ERROR(c.Execute("CREATE TRIGGER " + fts + "_au AFTER UPDATE OF " + col + " ON " + t +
                                    " BEGIN INSERT INTO " + fts + "(" + fts + ", rowid, " + col +
                                    ") VALUES ('delete', old.id, old." + col + "); INSERT INTO " + fts + "(rowid, " +
                                    col + ") VALUES (new.id, new." + col + "); END"));
    NPGOV_RETURN_IF_ERROR(c.Execute("INSERT INTO " + fts + "(" + fts + ") VALUES ('rebuild')"));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return true;
}

Result<bool> EnsurePostgres(Connection& c, const TrigramIndex& index) {
    {
        NPGOV_ASSIGN_OR_RETURN(auto has, QueryOne(c, "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"));
        if (!has) {
            NPGOV_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c, TxMode::kWrite));
            NPGOV_RETURN_IF_ERROR(c.Query(kPostgresLock));
            auto created = c.Execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            if (!created) {
                // No privilege (or contrib not installed): substring search falls back to a scan.
                if (created.error().code == ErrorCode::kUnavailable) return tl::unexpected(created.error());
                return false;
            }
            NPGOV_RETURN_IF_ERROR(tx.Commit());
        }
    }
    NPGOV_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c, TxMode::kWrite));
    NPGOV_RETURN_IF_ERROR(c.Query(kPostgresLock));
    NPGOV_RETURN_IF_ERROR(c.Execute("CREATE INDEX IF NOT EXISTS " + index.table + "_" + index.column + "_trgm ON " +
                                    index.table + " USING gin (" + index.column + " gin_trgm_ops)"));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return true;
}

}  // namespace

Result<bool> EnsureTrigramIndex(Connection& connection, const TrigramIndex& index) {
    NPGOV_CHECK(IsIdentifier(index.table) && IsIdentifier(index.column));
    return connection.dialect() == Dialect::kSqlite ? EnsureSqlite(connection, index) : EnsurePostgres(connection, index);
}

SqlCondition TrigramContains(Dialect dialect, const TrigramIndex& index, std::string_view needle) {
    NPGOV_CHECK(IsIdentifier(index.table) && IsIdentifier(index.column) && !needle.empty());
    if (dialect == Dialect::kPostgres) {
        return {index.column + " ILIKE ? ESCAPE '\\'", {LikeContains(needle)}};
    }
    if (SplitCodePoints(needle).size() >= 3) {
        const std::string fts = index.table + "_trgm";
        return {"id IN (SELECT rowid FROM " + fts + " WHERE " + fts + " MATCH ?)", {Fts5Phrase(needle)}};
    }
    return {index.column + " LIKE ? ESCAPE '\\'", {LikeContains(needle)}};
}

}  // namespace npgov::store
