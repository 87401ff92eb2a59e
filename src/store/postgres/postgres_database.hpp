// The PostgreSQL backend: a pool of libpq connections. Declares the factory and the two pure
// helpers it is built on (tested without a server); <libpq-fe.h> stays inside the .cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace npgov::store {

// Connects to the libpq URI `url` (postgresql://user@host:port/db?…) and checks it.
// Errors: kUnavailable (cannot connect).
Result<std::unique_ptr<Database>> OpenPostgresDatabase(std::string_view url,
                                                       const DatabaseOptions& options);

struct PostgresSql {
    std::string text;         // with $1…$n
    int parameter_count = 0;  // n
};

// Rewrites each `?` to $1…$n, left to right, except inside '…' and E'…' strings, "…"
// identifiers, $tag$…$tag$ strings and -- or /* */ comments.
PostgresSql ToPostgresPlaceholders(std::string_view sql);

// Returns `url` without its password (in the user info or a password= parameter).
std::string RedactPostgresUrl(std::string_view url);

}  // namespace npgov::store
