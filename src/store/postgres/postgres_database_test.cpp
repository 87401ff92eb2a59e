#include "store/postgres/postgres_database.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "store/transaction.hpp"
#include "support/test_database.hpp"

namespace npgov::store {
namespace {

TEST(ToPostgresPlaceholdersTest, RewritesOnlyBarePlaceholders) {
    struct Case { std::string_view sql, expected; int count; };
    const Case cases[] = {
        {"SELECT 1", "SELECT 1", 0},
        {"SELECT ?", "SELECT $1", 1},
        {"SELECT ?, ?||'x'", "SELECT $1, $2||'x'", 2},
        {"SELECT '?', ?", "SELECT '?', $1", 1},
        {"SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1},
        {R"(SELECT 'a\', ?)", R"(SELECT 'a\', $1)", 1},          // standard strings: \ is plain
        {R"(SELECT E'\'?', ?)", R"(SELECT E'\'?', $1)", 1},      // E strings: \' escapes
        {R"(SELECT e'\\', ?)", R"(SELECT e'\\', $1)", 1},
        {R"(SELECT "a?""b" FROM t WHERE x = ?)", R"(SELECT "a?""b" FROM t WHERE x = $1)", 1},
        {"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2},
        {"SELECT ? -- why?", "SELECT $1 -- why?", 1},
        {"SELECT /* ? /* ? */ ? */ ?", "SELECT /* ? /* ? */ ? */ $1", 1},  // comments nest
        {"SELECT $$a?b$$, $tag$ ? $ $tag$, ?", "SELECT $$a?b$$, $tag$ ? $ $tag$, $1", 1},
        {"SELECT a$b, ?", "SELECT a$b, $1", 1},
        {"SELECT '朔州?', ?", "SELECT '朔州?', $1", 1},
        {"SELECT '?", "SELECT '?", 0},  // unterminated: left for the server to reject
    };
    for (const Case& c : cases) {
        const PostgresSql out = ToPostgresPlaceholders(c.sql);
        EXPECT_EQ(out.text, c.expected) << c.sql;
        EXPECT_EQ(out.parameter_count, c.count) << c.sql;
    }
}

TEST(RedactPostgresUrlTest, DropsPasswords) {
    struct Case { std::string_view url, expected; };
    const Case cases[] = {
        {"postgresql://npgov:s3cret@db.example:5432/npgov", "postgresql://npgov@db.example:5432/npgov"},
        {"postgres://npgov@127.0.0.1/npgov", "postgres://npgov@127.0.0.1/npgov"},
        {"postgresql://npgov:p@ss@host/db", "postgresql://npgov@host/db"},
        {"postgresql://host/db?sslmode=require&password=x&application_name=a",
         "postgresql://host/db?sslmode=require&application_name=a"},
        {"postgresql://host?password=x", "postgresql://host"},
        {"postgresql://", "postgresql://"},
    };
    for (const Case& c : cases) EXPECT_EQ(RedactPostgresUrl(c.url), c.expected) << c.url;
}

class PostgresOnlyTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test::PostgresAvailable()) GTEST_SKIP() << "NPGOV_TEST_PG_URL not set";
        scratch_ = std::make_unique<test::TestDatabase>(test::Backend::kPostgres);
    }
    std::unique_ptr<test::TestDatabase> scratch_;
};

TEST_F(PostgresOnlyTest, ReconnectsAfterTheServerDropsTheConnection) {
    DatabaseOptions options;
    options.pool_size = 1;  // the same connection comes back
    auto db = OpenDatabase(scratch_->url(), options);
    ASSERT_TRUE(db) << db.error().Describe();
    EXPECT_EQ((*db)->Describe(), scratch_->url());
    std::int64_t pid = 0;
    {
        auto c = (*db)->Acquire();
        ASSERT_TRUE(c) << c.error().Describe();
        auto row = QueryOne(**c, "SELECT pg_backend_pid()");
        ASSERT_TRUE(row && *row);
        pid = (*row)->Int(0);
        // Terminate it from another connection; the call waits until the backend has gone.
        auto admin = OpenDatabase(scratch_->url());
        ASSERT_TRUE(admin);
        auto a = (*admin)->Acquire();
        ASSERT_TRUE(a);
        auto killed = QueryOne(**a, "SELECT pg_terminate_backend(CAST(? AS INTEGER), 10000)", {pid});
        ASSERT_TRUE(killed && *killed) << (killed ? "no row" : killed.error().Describe());
        EXPECT_EQ((*killed)->Int(0), 1);

        auto lost = (*c)->Query("SELECT 1");
        ASSERT_FALSE(lost);
        EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable) << lost.error().Describe();
    }
    auto c = (*db)->Acquire();  // reconnects
    ASSERT_TRUE(c) << c.error().Describe();
    auto row = QueryOne(**c, "SELECT pg_backend_pid()");
    ASSERT_TRUE(row && *row) << (row ? "no row" : row.error().Describe());
    EXPECT_NE((*row)->Int(0), pid);
}

TEST_F(PostgresOnlyTest, LockTimeoutIsUnavailable) {
    auto& db = scratch_->db();
    auto holder = db.Acquire();
    auto waiter = db.Acquire();
    ASSERT_TRUE(holder && waiter);
    ASSERT_TRUE((*holder)->Execute("CREATE TABLE t (k BIGINT PRIMARY KEY)"));
    ASSERT_TRUE((*holder)->Execute("INSERT INTO t (k) VALUES (1)"));
    auto held = Transaction::Begin(**holder);
    ASSERT_TRUE(held);
    ASSERT_TRUE((*holder)->Execute("UPDATE t SET k = 1 WHERE k = 1"));  // row lock
    auto waiting = Transaction::Begin(**waiter);
    ASSERT_TRUE(waiting);
    ASSERT_TRUE((*waiter)->Execute("SET LOCAL lock_timeout = '10ms'"));
    auto blocked = (*waiter)->Execute("UPDATE t SET k = 1 WHERE k = 1");
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable) << blocked.error().Describe();
    EXPECT_EQ(blocked.error().reason, "store.busy");
}

TEST_F(PostgresOnlyTest, SpecialDoublesRoundTrip) {
    auto c = scratch_->db().Acquire();
    ASSERT_TRUE(c);
    ASSERT_TRUE((*c)->Execute("CREATE TABLE d (x DOUBLE PRECISION)"));
    const double values[] = {std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
    for (double v : values) ASSERT_TRUE(Execute(**c, "INSERT INTO d (x) VALUES (?)", {v}));
    ASSERT_TRUE(Execute(**c, "INSERT INTO d (x) VALUES (?)", {std::numeric_limits<double>::quiet_NaN()}));
    auto rows = (*c)->Query("SELECT x FROM d");
    ASSERT_TRUE(rows) << rows.error().Describe();
    ASSERT_EQ(rows->rows.size(), 3u);
    EXPECT_EQ(rows->rows[0].Real(0), values[0]);
    EXPECT_EQ(rows->rows[1].Real(0), values[1]);
    EXPECT_TRUE(std::isnan(rows->rows[2].Real(0)));
}

}  // namespace
}  // namespace npgov::store
