#include "store/locks.hpp"

#include <string>

namespace npgov::store {

Status LockTableForAppend(Connection& connection, std::string_view table) {
    for (char c : table) NPGOV_CHECK((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9'));
    if (connection.dialect() == Dialect::kSqlite) return Ok();
    auto done = connection.Execute("LOCK TABLE " + std::string(table) + " IN EXCLUSIVE MODE");
    if (!done) return tl::unexpected(done.error());
    return Ok();
}

}  // namespace npgov::store
