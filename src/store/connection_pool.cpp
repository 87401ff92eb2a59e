#include "store/connection_pool.hpp"

#include <string>
#include <utility>

namespace npgov::store {

ConnectionPool::ConnectionPool(int size, std::chrono::milliseconds wait, PoolHooks hooks)
    : size_(size), wait_(wait), hooks_(std::move(hooks)) {}

ConnectionPool::~ConnectionPool() = default;

void ConnectionPool::Adopt(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mutex_);
    ++open_;
    idle_.push_back(std::move(connection));
}

Result<std::unique_ptr<Connection>> ConnectionPool::Take() {
    const auto deadline = std::chrono::steady_clock::now() + wait_;
    std::unique_lock lock(mutex_);
    for (;;) {
        if (!idle_.empty()) {
            std::unique_ptr<Connection> connection = std::move(idle_.back());
            idle_.pop_back();
            lock.unlock();
            if (auto checked = hooks_.check_out(*connection); !checked) {
                connection.reset();
                Forget();
                return tl::unexpected(checked.error());
            }
            return connection;
        }
        if (open_ < size_) {
            ++open_;
            lock.unlock();  // connecting can take a while; do not block other borrowers
            auto opened = hooks_.open();
            if (!opened) Forget();
            return opened;
        }
        if (returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
            open_ >= size_) {
            return MakeError(ErrorCode::kUnavailable, "store.pool_exhausted",
                             "数据库连接已全部占用，等待超时",
                             "all " + std::to_string(size_) +
                                 " database connections are in use; timed out waiting for one");
        }
    }
}

void ConnectionPool::Give(std::unique_ptr<Connection> connection) {
    if (!hooks_.check_in(*connection)) {
        connection.reset();
        Forget();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(connection));
    }
    returned_.notify_one();
}

void ConnectionPool::Forget() {
    {
        std::lock_guard lock(mutex_);
        --open_;
    }
    returned_.notify_one();
}

}  // namespace npgov::store
