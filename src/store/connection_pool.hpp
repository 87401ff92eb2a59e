// Internal to store: the connection pool both backends use. A backend supplies how to open a
// connection, how to check one before lending it out and how to clean one when it comes back.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.hpp"

namespace npgov::store {

struct PoolHooks {
    // Opens a new connection. Errors: kUnavailable.
    std::function<Result<std::unique_ptr<Connection>>()> open;
    // Called before a pooled connection is lent out (e.g. reconnect); an error discards it.
    std::function<Status(Connection&)> check_out;
    // Called when a connection comes back (e.g. roll back a leaked transaction); false
    // closes it instead of keeping it.
    std::function<bool(Connection&)> check_in;
};

// At most `size` connections, opened on demand and reused LIFO. Thread-safe.
class ConnectionPool {
public:
    ConnectionPool(int size, std::chrono::milliseconds wait, PoolHooks hooks);
    ~ConnectionPool();

    // Adds an already open connection (the one OpenDatabase opens to check the target).
    void Adopt(std::unique_ptr<Connection> connection);
    // Lends a connection, waiting up to `wait` for one to come back when all are lent.
    // Errors: kUnavailable ("store.pool_exhausted" after the wait, or from open/check_out).
    Result<std::unique_ptr<Connection>> Take();
    // Takes a lent connection back.
    void Give(std::unique_ptr<Connection> connection);

private:
    void Forget();  // a lent connection was closed

    const int size_;
    const std::chrono::milliseconds wait_;
    const PoolHooks hooks_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Connection>> idle_;
    int open_ = 0;  // idle + lent
};

}  // namespace npgov::store
