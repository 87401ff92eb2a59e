// Substring ("contains") search over one text column, accelerated by a trigram index: SQLite
// FTS5 with the trigram tokenizer (external content, kept current by triggers) or PostgreSQL
// pg_trgm (a GIN index). The index is derived data, so it is created on first use rather
// than by a migration (migrations are dialect-neutral); the base table comes from a migration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace npgov::store {

// A text column of a table whose primary key is the integer column `id`. Both names must be
// plain identifiers (checked).
struct TrigramIndex {
    std::string table;
    std::string column;
};

// Creates the index and what keeps it current, if missing; idempotent and safe from several
// processes at once. Runs its own transaction on `connection` (which must not be inside one).
// SQLite: FTS5 table `<table>_trgm` (content=<table>) + insert/update/delete triggers, filled
// from the rows already present. PostgreSQL: CREATE EXTENSION pg_trgm, then a GIN index
// `<table>_<column>_trgm`. Returns false when PostgreSQL refused the extension (the role may
// not create it): searches then still work, by scanning. Errors: those of the backend.
Result<bool> EnsureTrigramIndex(Connection& connection, const TrigramIndex& index);

// A condition on rows of `index.table`, with its parameters.
struct SqlCondition {
    std::string sql;  // e.g. "id IN (SELECT rowid FROM t_trgm WHERE t_trgm MATCH ?)"
    std::vector<Value> params;
};

// Rows whose column contains `needle` as a substring, ASCII letters case-insensitively
// (other characters exactly). Uses the trigram index for needles of three or more code
// points and a scan (LIKE) for shorter ones. `needle` must be non-empty.
SqlCondition TrigramContains(Dialect dialect, const TrigramIndex& index, std::string_view needle);

}  // namespace npgov::store
