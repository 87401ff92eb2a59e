// The SQLite backend: a pool of connections to one database file in WAL mode. Declares only
// the factory; <sqlite3.h> stays inside sqlite_database.cpp.
#pragma once

#include <memory>
#include <string_view>

#include "store/database.hpp"

namespace npgov::store {

// Opens (creating if missing) the SQLite database at `path` and checks that it is usable.
// Errors: kInvalidArgument (empty path), kUnavailable (directory missing, cannot open).
Result<std::unique_ptr<Database>> OpenSqliteDatabase(std::string_view path,
                                                     const DatabaseOptions& options);

}  // namespace npgov::store
