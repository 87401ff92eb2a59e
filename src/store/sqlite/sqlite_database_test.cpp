#include "store/sqlite/sqlite_database.hpp"

#include <gtest/gtest.h>

#include "store/transaction.hpp"
#include "support/test_database.hpp"

namespace npgov::store {
namespace {

class SqliteDatabaseTest : public ::testing::Test {
protected:
    test::TestDatabase scratch_{test::Backend::kSqlite};
};

std::string PragmaText(Connection& c, std::string_view pragma) {
    auto row = QueryOne(c, "PRAGMA " + std::string(pragma));
    if (!row || !*row) return "?";
    const Value& v = (*row)->at(0);
    if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return "?";
}

TEST_F(SqliteDatabaseTest, ConnectionsUseWalForeignKeysAndTheBusyTimeout) {
    DatabaseOptions options;
    options.busy_timeout_ms = 1234;
    auto db = OpenDatabase(scratch_.url(), options);
    ASSERT_TRUE(db) << db.error().Describe();
    auto c = (*db)->Acquire();
    ASSERT_TRUE(c);
    EXPECT_EQ(PragmaText(**c, "journal_mode"), "wal");
    EXPECT_EQ(PragmaText(**c, "synchronous"), "1");  // NORMAL
    EXPECT_EQ(PragmaText(**c, "foreign_keys"), "1");
    EXPECT_EQ(PragmaText(**c, "busy_timeout"), "1234");
}

TEST_F(SqliteDatabaseTest, SecondWriterGivesUpAfterTheBusyTimeout) {
    auto holder = scratch_.db().Acquire();
    ASSERT_TRUE(holder);
    auto held = Transaction::Begin(**holder, TxMode::kWrite);
    ASSERT_TRUE(held) << held.error().Describe();

    DatabaseOptions impatient;
    impatient.busy_timeout_ms = 10;
    auto other = OpenDatabase(scratch_.url(), impatient);
    ASSERT_TRUE(other) << other.error().Describe();
    auto c = (*other)->Acquire();
    ASSERT_TRUE(c);
    auto blocked = Transaction::Begin(**c, TxMode::kWrite);
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable) << blocked.error().Describe();
    EXPECT_EQ(blocked.error().reason, "store.busy");
    // Readers are not blocked by the writer (WAL).
    auto read = Transaction::Begin(**c, TxMode::kRead);
    ASSERT_TRUE(read) << read.error().Describe();
    EXPECT_TRUE((*c)->Query("SELECT 1")) << "reader blocked";
}

TEST_F(SqliteDatabaseTest, StatementCacheSurvivesEvictionAndSchemaChanges) {
    auto c = scratch_.db().Acquire();
    ASSERT_TRUE(c);
    // More distinct statements than the cache holds, twice over: evicted ones re-prepare.
    for (int round = 0; round < 2; ++round) {
        for (std::int64_t i = 0; i < 300; ++i) {
            auto row = QueryOne(**c, "SELECT ? + " + std::to_string(i), {std::int64_t{1}});
            ASSERT_TRUE(row && *row) << i;
            ASSERT_EQ((*row)->Int(0), i + 1);
        }
    }
    ASSERT_TRUE((*c)->Execute("CREATE TABLE t (a BIGINT)"));
    ASSERT_TRUE((*c)->Execute("INSERT INTO t (a) VALUES (1)"));
    auto before = (*c)->Query("SELECT * FROM t");
    ASSERT_TRUE(before);
    EXPECT_EQ(before->columns.size(), 1u);
    ASSERT_TRUE((*c)->Execute("ALTER TABLE t ADD COLUMN b TEXT"));
    auto after = (*c)->Query("SELECT * FROM t");  // the cached statement is re-prepared
    ASSERT_TRUE(after) << after.error().Describe();
    EXPECT_EQ(after->columns.size(), 2u);
}

}  // namespace
}  // namespace npgov::store
