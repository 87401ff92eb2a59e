// Serialises writers that must see each other's rows (e.g. a hash chain's tail) across
// connections and processes. SQLite write transactions (BEGIN IMMEDIATE) already hold the
// database's only write lock; PostgreSQL takes a transaction-scoped exclusive table lock.
#pragma once

#include <string_view>

#include "store/database.hpp"

namespace npgov::store {

// Must be called inside a write transaction; the lock is released at commit/rollback.
// `table` must be a plain identifier (checked). Errors: those of the backend.
Status LockTableForAppend(Connection& connection, std::string_view table);

}  // namespace npgov::store
