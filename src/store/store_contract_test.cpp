// The storage contract: every test runs on SQLite and PostgreSQL and must behave the same.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <limits>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/transaction.hpp"
#include "support/test_database.hpp"

namespace npgov::store {
namespace {

class StoreContractTest : public test::BackendTest {};

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::ValuesIn(test::AllBackends()),
                         test::BackendParamName);

PooledConnection Connect(Database& db) {
    auto connection = db.Acquire();
    if (!connection) throw std::runtime_error(connection.error().Describe());
    return std::move(*connection);
}

// Runs a statement that the test expects to succeed.
void MustExecute(Connection& c, std::string_view sql, std::initializer_list<Value> params = {}) {
    auto done = Execute(c, sql, params);
    EXPECT_TRUE(done) << sql << "\n" << done.error().Describe();
}

std::int64_t Count(Connection& c, std::string_view table) {
    auto row = QueryOne(c, "SELECT COUNT(*) FROM " + std::string(table));
    if (!row) throw std::runtime_error(row.error().Describe());
    return (*row)->Int(0);
}

// A table of every value type; DOUBLE PRECISION and BIGINT are 64-bit on both backends.
constexpr std::string_view kCreateValues =
    "CREATE TABLE vals (k BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT)";
constexpr std::string_view kCreateThings = "CREATE TABLE things (id {{id}}, name TEXT NOT NULL UNIQUE)";

TEST_P(StoreContractTest, RoundTripsEveryValueType) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    using Limits = std::numeric_limits<std::int64_t>;
    const std::vector<std::vector<Value>> rows = {
        {std::int64_t{1}, Limits::min(), 0.1, std::string("")},
        {std::int64_t{2}, Limits::max(), 1.0 / 3.0, std::string("新污染物治理 朔州市 140600")},
        {std::int64_t{3}, std::int64_t{0}, 1e308, std::string("it's \"quoted\" ? $1 -- /* x */")},
        {std::int64_t{4}, std::int64_t{-1}, -2.2250738585072014e-308, std::string("back\\slash\n🧪")},
        {std::int64_t{5}, Null(), Null(), Null()},
        {std::int64_t{6}, std::int64_t{42}, 5e-324, std::string("E'\\x' $$ ")},
        {std::int64_t{7}, std::int64_t{1} << 53, 1.0, std::string(10000, 'z')},
        {std::int64_t{8}, std::int64_t{-12345678901234}, 123456789.123456789, std::string("μg/L")},
    };
    for (const auto& row : rows) {
        auto done = c->Execute("INSERT INTO vals (k, i, r, t) VALUES (?, ?, ?, ?)", row);
        ASSERT_TRUE(done) << done.error().Describe();
        EXPECT_EQ(*done, 1);
    }
    auto result = Query(*c, "SELECT k, i, r, t FROM vals ORDER BY k", {});
    ASSERT_TRUE(result) << result.error().Describe();
    ASSERT_EQ(result->rows.size(), rows.size());
    EXPECT_EQ(result->columns, (std::vector<std::string>{"k", "i", "r", "t"}));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t col = 0; col < 4; ++col) {
            EXPECT_EQ(result->rows[r].at(col), rows[r][col]) << "row " << r << " column " << col;
        }
    }
    // Values bound in WHERE match exactly too.
    auto found = QueryOne(*c, "SELECT k FROM vals WHERE i = ? AND r = ? AND t = ?",
                          {Limits::max(), 1.0 / 3.0, std::string("新污染物治理 朔州市 140600")});
    ASSERT_TRUE(found) << found.error().Describe();
    ASSERT_TRUE(*found);
    EXPECT_EQ((*found)->Int(0), 2);
}

TEST_P(StoreContractTest, AggregatesReadAlike) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    for (std::int64_t k = 1; k <= 4; ++k) MustExecute(*c, "INSERT INTO vals (k, i, r, t) VALUES (?, ?, ?, ?)",
                                              {k, k * 10, k * 0.5, std::string("t")});
    auto row = QueryOne(*c, "SELECT COUNT(*), SUM(i), MAX(i), SUM(r), AVG(i), MIN(t), 1 = 1 FROM vals");
    ASSERT_TRUE(row && *row) << (row ? "no row" : row.error().Describe());
    EXPECT_EQ((*row)->Int(0), 4);
    EXPECT_EQ((*row)->Int(1), 100);  // PostgreSQL: NUMERIC without fraction → integer
    EXPECT_EQ((*row)->Int(2), 40);
    EXPECT_EQ((*row)->Real(3), 5.0);
    EXPECT_EQ((*row)->Real(4), 25.0);
    EXPECT_EQ((*row)->Text(5), "t");
    EXPECT_EQ((*row)->Int(6), 1);  // PostgreSQL bool → 1
}

TEST_P(StoreContractTest, PlaceholdersInsideLiteralsAndCommentsAreNotParameters) {
    auto c = Connect(db());
    MustExecute(*c, "CREATE TABLE notes (id BIGINT, body TEXT, \"odd ? name\" TEXT)");
    MustExecute(*c,
        "INSERT INTO notes (id, body, \"odd ? name\") /* is this ? a parameter */ "
        "VALUES (?, 'what? it''s -- fine /* ? */', ?) -- no, nor this ?",
        {std::int64_t{7}, std::string("second ?")});
    auto row = QueryOne(*c,
                        "SELECT body, \"odd ? name\", '?' FROM notes -- ?\n"
                        "WHERE id = ? AND body <> '?' AND \"odd ? name\" = ?",
                        {std::int64_t{7}, std::string("second ?")});
    ASSERT_TRUE(row) << row.error().Describe();
    ASSERT_TRUE(*row);
    EXPECT_EQ((*row)->Text(0), "what? it's -- fine /* ? */");
    EXPECT_EQ((*row)->Text(1), "second ?");
    EXPECT_EQ((*row)->Text(2), "?");
}

TEST_P(StoreContractTest, InsertReturningGivesGeneratedIds) {
    auto c = Connect(db());
    ASSERT_TRUE(c->ExecuteScript(RenderMigrationSql(kCreateThings, c->dialect())));
    for (std::int64_t expected = 1; expected <= 3; ++expected) {
        auto rows = Query(*c, "INSERT INTO things (name) VALUES (?) RETURNING id",
                          {"thing " + std::to_string(expected)});
        ASSERT_TRUE(rows) << rows.error().Describe();
        ASSERT_EQ(rows->rows.size(), 1u);
        EXPECT_EQ(rows->rows[0].Int(0), expected);
    }
    auto changed = Execute(*c, "INSERT INTO things (name) VALUES (?) RETURNING id", {std::string("x")});
    ASSERT_TRUE(changed) << changed.error().Describe();
    EXPECT_EQ(*changed, 1);
}

TEST_P(StoreContractTest, UniqueViolationIsAlreadyExists) {
    auto c = Connect(db());
    ASSERT_TRUE(c->ExecuteScript(RenderMigrationSql(kCreateThings, c->dialect())));
    MustExecute(*c, "INSERT INTO things (name) VALUES (?)", {std::string("全氟辛酸")});
    auto again = Execute(*c, "INSERT INTO things (name) VALUES (?)", {std::string("全氟辛酸")});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists) << again.error().Describe();
    EXPECT_EQ(again.error().reason, "store.unique");
    EXPECT_EQ(again.error().field, "name");
    EXPECT_FALSE(again.error().message_zh.empty());
    EXPECT_EQ(Count(*c, "things"), 1);
}

TEST_P(StoreContractTest, OtherConstraintViolationsAreInvalidArgument) {
    auto c = Connect(db());
    ASSERT_TRUE(c->ExecuteScript(RenderMigrationSql(
        "CREATE TABLE parents (id {{id}});"
        "CREATE TABLE children (id {{id}}, parent_id BIGINT NOT NULL REFERENCES parents (id), "
        "age BIGINT CHECK (age >= 0))",
        c->dialect())));
    MustExecute(*c, "INSERT INTO parents (id) VALUES (1)");
    struct Case { std::string_view what; std::vector<Value> params; };
    const Case cases[] = {
        {"NOT NULL", {Null(), std::int64_t{1}}},
        {"foreign key", {std::int64_t{99}, std::int64_t{1}}},  // SQLite needs foreign_keys=ON
        {"CHECK", {std::int64_t{1}, std::int64_t{-1}}},
    };
    for (const Case& test_case : cases) {
        auto done = c->Execute("INSERT INTO children (parent_id, age) VALUES (?, ?)", test_case.params);
        ASSERT_FALSE(done) << test_case.what;
        EXPECT_EQ(done.error().code, ErrorCode::kInvalidArgument)
            << test_case.what << ": " << done.error().Describe();
        EXPECT_EQ(done.error().reason, "store.constraint") << test_case.what;
    }
    EXPECT_EQ(Count(*c, "children"), 0);
}

TEST_P(StoreContractTest, BadSqlIsInternal) {
    auto c = Connect(db());
    for (std::string_view sql : {"SELEC 1", "SELECT * FROM no_such_table"}) {
        auto done = c->Execute(sql);
        ASSERT_FALSE(done) << sql;
        EXPECT_EQ(done.error().code, ErrorCode::kInternal) << sql;
        EXPECT_EQ(done.error().reason, "store.sql") << sql;
    }
    auto missing = Query(*c, "SELECT ? + ?", {std::int64_t{1}});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, "store.params");
}

TEST_P(StoreContractTest, ExecuteAndQueryRunOneStatement) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    auto two = c->Execute("INSERT INTO vals (k) VALUES (1); INSERT INTO vals (k) VALUES (2)");
    ASSERT_FALSE(two);
    EXPECT_EQ(two.error().code, ErrorCode::kInternal) << two.error().Describe();
    EXPECT_EQ(Count(*c, "vals"), 0);
    EXPECT_TRUE(c->ExecuteScript("INSERT INTO vals (k) VALUES (1); INSERT INTO vals (k) VALUES (2)"));
    EXPECT_EQ(Count(*c, "vals"), 2);
    EXPECT_TRUE(c->Execute("DELETE FROM vals; -- a trailing comment is fine"));
}

TEST_P(StoreContractTest, ExecuteCountsChangedRowsOnly) {
    auto c = Connect(db());
    auto created = c->Execute(kCreateValues);
    ASSERT_TRUE(created) << created.error().Describe();
    EXPECT_EQ(*created, 0);
    for (std::int64_t k = 1; k <= 3; ++k) MustExecute(*c, "INSERT INTO vals (k) VALUES (?)", {k});
    EXPECT_EQ(Execute(*c, "UPDATE vals SET i = ?", {std::int64_t{5}}).value_or(-1), 3);
    EXPECT_EQ(Execute(*c, "DELETE FROM vals WHERE k > ?", {std::int64_t{9}}).value_or(-1), 0);
    EXPECT_EQ(c->Execute("SELECT k FROM vals").value_or(-1), 0);
    EXPECT_EQ(Execute(*c, "DELETE FROM vals WHERE k >= ?", {std::int64_t{2}}).value_or(-1), 2);
}

TEST_P(StoreContractTest, QueryOneWantsAtMostOneRow) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    auto none = QueryOne(*c, "SELECT k FROM vals");
    ASSERT_TRUE(none) << none.error().Describe();
    EXPECT_FALSE(*none);
    MustExecute(*c, "INSERT INTO vals (k) VALUES (1), (2)");
    auto two = QueryOne(*c, "SELECT k FROM vals");
    ASSERT_FALSE(two);
    EXPECT_EQ(two.error().code, ErrorCode::kInternal);
}

TEST_P(StoreContractTest, TransactionRollsBackUnlessCommitted) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    {
        auto tx = Transaction::Begin(*c);
        ASSERT_TRUE(tx) << tx.error().Describe();
        MustExecute(*c, "INSERT INTO vals (k) VALUES (1)");
        EXPECT_EQ(Count(*c, "vals"), 1);
    }
    EXPECT_EQ(Count(*c, "vals"), 0);
}

TEST_P(StoreContractTest, CommitMakesRowsVisibleToOtherConnections) {
    auto writer = Connect(db());
    auto reader = Connect(db());
    MustExecute(*writer, kCreateValues);
    auto tx = Transaction::Begin(*writer);
    ASSERT_TRUE(tx) << tx.error().Describe();
    MustExecute(*writer, "INSERT INTO vals (k) VALUES (1)");
    EXPECT_EQ(Count(*reader, "vals"), 0);  // uncommitted rows are invisible
    ASSERT_TRUE(tx->Commit());
    EXPECT_EQ(Count(*reader, "vals"), 1);
}

TEST_P(StoreContractTest, FailedStatementAbortsTheTransaction) {
    auto c = Connect(db());
    MustExecute(*c, kCreateValues);
    {
        auto tx = Transaction::Begin(*c);
        ASSERT_TRUE(tx) << tx.error().Describe();
        MustExecute(*c, "INSERT INTO vals (k) VALUES (1)");
        auto duplicate = c->Execute("INSERT INTO vals (k) VALUES (1)");
        ASSERT_FALSE(duplicate);
        EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
        auto next = c->Execute("INSERT INTO vals (k) VALUES (2)");
        ASSERT_FALSE(next);
        EXPECT_EQ(next.error().reason, "store.tx_aborted") << next.error().Describe();
        auto committed = tx->Commit();
        ASSERT_FALSE(committed);
        EXPECT_EQ(committed.error().code, ErrorCode::kFailedPrecondition) << committed.error().Describe();
    }
    EXPECT_EQ(Count(*c, "vals"), 0);
    // The connection is usable again.
    auto tx = Transaction::Begin(*c);
    ASSERT_TRUE(tx) << tx.error().Describe();
    MustExecute(*c, "INSERT INTO vals (k) VALUES (3)");
    ASSERT_TRUE(tx->Commit());
    EXPECT_EQ(Count(*c, "vals"), 1);
}

TEST_P(StoreContractTest, PoolRollsBackATransactionLeftOpen) {
    DatabaseOptions options;
    options.pool_size = 1;  // the same connection comes back
    auto single = OpenDatabase(url(), options);
    ASSERT_TRUE(single) << single.error().Describe();
    {
        auto c = Connect(**single);
        MustExecute(*c, kCreateValues);
        MustExecute(*c, "BEGIN");
        MustExecute(*c, "INSERT INTO vals (k) VALUES (1)");
    }  // returned to the pool mid-transaction
    auto c = Connect(**single);
    EXPECT_EQ(Count(*c, "vals"), 0);
    auto tx = Transaction::Begin(*c);
    EXPECT_TRUE(tx) << tx.error().Describe();
}

TEST_P(StoreContractTest, AcquireTimesOutWhenEveryConnectionIsLent) {
    DatabaseOptions options;
    options.pool_size = 2;
    options.acquire_timeout_ms = 20;
    auto small = OpenDatabase(url(), options);
    ASSERT_TRUE(small) << small.error().Describe();
    auto first = Connect(**small);
    auto second = Connect(**small);
    auto third = (*small)->Acquire();
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(third.error().reason, "store.pool_exhausted");
}

TEST_P(StoreContractTest, AcquireWaitsForAConnectionAnotherThreadReturns) {
    DatabaseOptions options;
    options.pool_size = 1;
    auto single = OpenDatabase(url(), options);
    ASSERT_TRUE(single) << single.error().Describe();
    auto held = std::make_optional(Connect(**single));
    std::thread waiter([&] {
        auto c = (*single)->Acquire();
        EXPECT_TRUE(c) << c.error().Describe();
    });
    held.reset();
    waiter.join();
}

TEST_P(StoreContractTest, ConcurrentWritersAddUp) {
    {
        auto c = Connect(db());
        MustExecute(*c, "CREATE TABLE events (thread BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (thread, seq))");
        MustExecute(*c, "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
        MustExecute(*c, "INSERT INTO counter (id, n) VALUES (1, 0)");
    }
    constexpr int kThreads = 8;
    constexpr int kWrites = 25;
    std::mutex mutex;
    std::vector<std::string> failures;
    auto write_rows = [&](std::int64_t thread) -> Status {
        for (std::int64_t seq = 0; seq < kWrites; ++seq) {
            NPGOV_ASSIGN_OR_RETURN(PooledConnection c, db().Acquire());
            NPGOV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(*c));
            NPGOV_RETURN_IF_ERROR(Execute(*c, "INSERT INTO events (thread, seq) VALUES (?, ?)", {thread, seq}));
            NPGOV_RETURN_IF_ERROR(c->Execute("UPDATE counter SET n = n + 1 WHERE id = 1"));
            NPGOV_RETURN_IF_ERROR(tx.Commit());
        }
        return Ok();
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            if (auto done = write_rows(t); !done) {
                std::lock_guard lock(mutex);
                failures.push_back(done.error().Describe());
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_TRUE(failures.empty()) << failures.front();
    auto c = Connect(db());
    EXPECT_EQ(Count(*c, "events"), kThreads * kWrites);
    auto counter = QueryOne(*c, "SELECT n FROM counter WHERE id = 1");
    ASSERT_TRUE(counter && *counter);
    EXPECT_EQ((*counter)->Int(0), kThreads * kWrites);
}

// Child process of the crash test: commits three rows, then inserts many more and updates the
// three inside a transaction, reports that through `ready_fd` and waits to be killed.
// Returns an exit code when something fails first.
int RunWriterToBeKilled(const std::string& url, int ready_fd, int hold_fd) {
    auto db = OpenDatabase(url);
    if (!db) return 10;
    auto c = (*db)->Acquire();
    if (!c) return 11;
    if (!(*c)->Execute("CREATE TABLE ledger (n BIGINT PRIMARY KEY, note TEXT NOT NULL)")) return 12;
    {
        auto tx = Transaction::Begin(**c);
        if (!tx) return 13;
        for (std::int64_t n = 1; n <= 3; ++n) {
            if (!Execute(**c, "INSERT INTO ledger (n, note) VALUES (?, 'committed')", {n})) return 14;
        }
        if (!tx->Commit()) return 15;
    }
    auto tx = Transaction::Begin(**c);
    if (!tx) return 16;
    // ~4 MB: more than SQLite's page cache, so uncommitted pages spill into the WAL file.
    auto inserted = Execute(**c,
                            "INSERT INTO ledger (n, note) WITH RECURSIVE s(n) AS "
                            "(SELECT 4 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) "
                            "SELECT n, CAST(? AS TEXT) FROM s",
                            {std::string(200, 'u')});
    if (!inserted || *inserted != 19997) return 17;
    if (!(*c)->Execute("UPDATE ledger SET note = 'uncommitted' WHERE n <= 3")) return 18;
    if (write(ready_fd, "m", 1) != 1) return 19;
    char byte;
    (void)read(hold_fd, &byte, 1);  // blocks until killed; returns if the parent died
    return 20;
}

TEST_P(StoreContractTest, KilledWriterLeavesOnlyCommittedRows) {
    // Fork before this process opens any connection: a child must not inherit open ones.
    int ready[2];
    int hold[2];
    ASSERT_EQ(pipe(ready), 0);
    ASSERT_EQ(pipe(hold), 0);
    const std::string target = url();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        close(ready[0]);
        close(hold[1]);
        _exit(RunWriterToBeKilled(target, ready[1], hold[0]));
    }
    close(ready[1]);
    close(hold[0]);
    char byte = 0;
    ssize_t got;
    do {
        got = read(ready[0], &byte, 1);
    } while (got < 0 && errno == EINTR);
    if (got == 1) kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(ready[0]);
    close(hold[1]);
    ASSERT_EQ(got, 1) << "child failed before its transaction, exit code "
                      << (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    auto c = Connect(db());
    // Uncommitted rows are never visible, so no waiting for the server to notice the death.
    EXPECT_EQ(Count(*c, "ledger"), 3);
    auto notes = Query(*c, "SELECT note FROM ledger ORDER BY n", {});
    ASSERT_TRUE(notes) << notes.error().Describe();
    for (const Row& row : notes->rows) EXPECT_EQ(row.Text(0), "committed");
    // The killed writer's locks are gone (PostgreSQL: new keys do not wait on its row locks).
    auto tx = Transaction::Begin(*c);
    ASSERT_TRUE(tx) << tx.error().Describe();
    MustExecute(*c, "INSERT INTO ledger (n, note) VALUES (100000, 'after')");
    ASSERT_TRUE(tx->Commit());
    EXPECT_EQ(Count(*c, "ledger"), 4);
}

}  // namespace
}  // namespace npgov::store
