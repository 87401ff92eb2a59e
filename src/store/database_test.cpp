#include "store/database.hpp"

#include <cstdio>
#include <filesystem>
#include <limits>

#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace npgov::store {
namespace {

TEST(RowTest, AccessorsReturnTypedValues) {
    const Row row({std::int64_t{-7}, 2.5, std::string("朔州"), std::monostate{}});
    EXPECT_EQ(row.size(), 4u);
    EXPECT_EQ(row.Int(0), -7);
    EXPECT_EQ(row.Real(0), -7.0);  // integers read as reals
    EXPECT_EQ(row.Real(1), 2.5);
    EXPECT_EQ(row.Text(2), "朔州");
    EXPECT_TRUE(row.IsNull(3));
    EXPECT_FALSE(row.IsNull(0));
    EXPECT_EQ(row.OptionalInt(3), std::nullopt);
    EXPECT_EQ(row.OptionalInt(0), -7);
    EXPECT_EQ(row.OptionalText(3), std::nullopt);
    EXPECT_EQ(row.OptionalText(2), "朔州");
}

TEST(RowTest, WrongTypeOrIndexIsABug) {
    const Row row({std::int64_t{1}, 2.5, std::string("x"), std::monostate{}});
    EXPECT_THROW(row.Int(1), InternalError);   // real is not an integer
    EXPECT_THROW(row.Int(2), InternalError);
    EXPECT_THROW(row.Int(3), InternalError);   // NULL: use OptionalInt
    EXPECT_THROW(row.Real(2), InternalError);
    EXPECT_THROW(row.Text(0), InternalError);
    EXPECT_THROW(row.at(4), InternalError);
    EXPECT_THROW(row.IsNull(4), InternalError);
}

TEST(ToValueTest, EmptyOptionalIsNull) {
    EXPECT_EQ(ToValue(std::optional<std::int64_t>()), Null());
    EXPECT_EQ(ToValue(std::optional<std::string>("a")), Value(std::string("a")));
}

TEST(DialectTest, HasStableNames) {
    EXPECT_EQ(ToString(Dialect::kSqlite), "sqlite");
    EXPECT_EQ(ToString(Dialect::kPostgres), "postgres");
}

TEST(OpenDatabaseTest, UnknownSchemeIsInvalidArgumentWithoutLeakingTheUrl) {
    auto db = OpenDatabase("mysql://root:secret@db/npgov");
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(db.error().reason, "store.url");
    EXPECT_EQ(db.error().message_en.find("secret"), std::string::npos) << db.error().message_en;
}

TEST(OpenDatabaseTest, PoolSizeMustBePositive) {
    DatabaseOptions options;
    options.pool_size = 0;
    auto db = OpenDatabase("sqlite:/tmp/unused.db", options);
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
}

TEST(OpenDatabaseTest, SqliteInMissingDirectoryIsUnavailable) {
    auto db = OpenDatabase("sqlite:/nonexistent-npgov-dir/sub/npgov.db");
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
    EXPECT_NE(db.error().message_en.find("/nonexistent-npgov-dir/sub"), std::string::npos)
        << db.error().message_en;
    EXPECT_NE(db.error().message_zh.find("目录不存在"), std::string::npos) << db.error().message_zh;
}

TEST(OpenDatabaseTest, SqliteEmptyPathIsInvalidArgument) {
    auto db = OpenDatabase("sqlite:");
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kInvalidArgument);
}

TEST(OpenDatabaseTest, SqliteCreatesAMissingFile) {
    test::TestDatabase scratch(test::Backend::kSqlite);
    const std::string path = scratch.url().substr(std::string_view("sqlite:").size());
    ASSERT_FALSE(std::filesystem::exists(path));
    EXPECT_EQ(scratch.db().Describe(), scratch.url());
    EXPECT_EQ(scratch.db().dialect(), Dialect::kSqlite);
    EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(OpenDatabaseTest, SqliteNonDatabaseFileIsUnavailable) {
    test::TestDatabase scratch(test::Backend::kSqlite);
    const std::string path = scratch.url().substr(std::string_view("sqlite:").size());
    std::FILE* file = std::fopen(path.c_str(), "w");
    ASSERT_NE(file, nullptr);
    std::fputs("this is not an SQLite database, just some text that is long enough........"
               "..............................................................",
               file);
    std::fclose(file);
    auto db = OpenDatabase(scratch.url());
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kUnavailable) << db.error().Describe();
}

TEST(OpenDatabaseTest, UnreachablePostgresIsUnavailableWithoutThePassword) {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    auto db = OpenDatabase("postgresql://npgov:secret@127.0.0.1:1/npgov");
    ASSERT_FALSE(db);
    EXPECT_EQ(db.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(db.error().message_en.find("secret"), std::string::npos) << db.error().message_en;
}

}  // namespace
}  // namespace npgov::store
