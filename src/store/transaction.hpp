// RAII transaction: rolls back unless Commit() succeeded. Write transactions take the write
// lock up front (SQLite BEGIN IMMEDIATE) so two writers never deadlock on lock upgrade.
#pragma once

#include "store/database.hpp"

namespace npgov::store {

enum class TxMode { kRead, kWrite };

class Transaction {
public:
    // Begins a transaction on `connection`, which must outlive it. Errors: kUnavailable.
    static Result<Transaction> Begin(Connection& connection, TxMode mode = TxMode::kWrite);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();  // rolls back if not committed

    // Commits. Errors: kFailedPrecondition ("store.tx_aborted") when a statement inside the
    // transaction failed, kUnavailable. After an error the destructor rolls back.
    Status Commit();
    Connection& connection() { return *connection_; }

private:
    explicit Transaction(Connection& connection) : connection_(&connection) {}
    Connection* connection_;
    bool open_ = true;
};

}  // namespace npgov::store
