#include "store/transaction.hpp"

#include <utility>

namespace npgov::store {

Result<Transaction> Transaction::Begin(Connection& connection, TxMode mode) {
    // SQLite: IMMEDIATE takes the write lock now, so a writer never fails later on upgrading
    // a read lock. PostgreSQL: READ COMMITTED for both; row locks do the rest.
    const bool immediate = mode == TxMode::kWrite && connection.dialect() == Dialect::kSqlite;
    NPGOV_RETURN_IF_ERROR(connection.Execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN"));
    return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(other.connection_), open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
    // Nothing to report a failure to; a connection still in a transaction is rolled back
    // (or closed) when it returns to its pool.
    if (open_) (void)connection_->Execute("ROLLBACK");
}

Status Transaction::Commit() {
    NPGOV_CHECK(open_);
    NPGOV_RETURN_IF_ERROR(connection_->Execute("COMMIT"));
    open_ = false;
    return Ok();
}

}  // namespace npgov::store
