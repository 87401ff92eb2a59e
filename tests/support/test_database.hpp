// Fresh, empty databases for tests, on either backend, dropped when the test ends; and a
// gtest fixture that runs a test once per backend ("…/sqlite", "…/postgres").
// PostgreSQL tests need NPGOV_TEST_PG_URL: a URL to a maintenance database on a server
// where we may CREATE DATABASE (scripts/pg-temp.sh start prints one).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace npgov::test {

enum class Backend { kSqlite, kPostgres };

// "sqlite" or "postgres".
std::string BackendName(Backend backend);
void PrintTo(Backend backend, std::ostream* out);

// True when NPGOV_TEST_PG_URL is set (non-empty).
bool PostgresAvailable();

// Both backends, always: PostgreSQL tests skip themselves when it is unavailable.
std::vector<Backend> AllBackends();

// A new empty database: SQLite in a fresh temp directory; PostgreSQL as npgov_t_<random hex>
// on the NPGOV_TEST_PG_URL server. The destructor closes db() and deletes the database.
// Throws std::runtime_error when it cannot create it (gtest reports it as a failure).
class TestDatabase {
public:
    explicit TestDatabase(Backend backend);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    Backend backend() const { return backend_; }
    // The database's URL, for OpenDatabase (e.g. from another thread or a child process).
    std::string url() const { return url_; }
    // A pool on the database, opened on first use so that a test may fork() before it.
    store::Database& db();

private:
    Backend backend_;
    std::string url_;
    std::string sqlite_dir_;     // SQLite: the temp directory holding the file
    std::string postgres_name_;  // PostgreSQL: the database name
    std::unique_ptr<store::Database> db_;
};

// Value-parameterised base fixture: TEST_P(YourTest, …) with
//   class YourTest : public npgov::test::BackendTest {};
//   INSTANTIATE_TEST_SUITE_P(Backends, YourTest, ::testing::ValuesIn(npgov::test::AllBackends()),
//                            npgov::test::BackendParamName);
// A derived SetUp must call BackendTest::SetUp() first and return if IsSkipped().
class BackendTest : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override;
    void TearDown() override;

    Backend backend() const { return GetParam(); }
    store::Database& db() { return test_database_->db(); }
    std::string url() const { return test_database_->url(); }
    TestDatabase& test_database() { return *test_database_; }

private:
    std::unique_ptr<TestDatabase> test_database_;
};

// Names parameterised tests ".../sqlite" and ".../postgres".
std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info);

}  // namespace npgov::test
