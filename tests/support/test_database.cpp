#include "support/test_database.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace npgov::test {
namespace {

constexpr const char* kPostgresUrlVariable = "NPGOV_TEST_PG_URL";

std::string PostgresMaintenanceUrl() {
    const char* url = std::getenv(kPostgresUrlVariable);
    return url ? url : "";
}

std::string RandomHex() {
    std::random_device device;
    const std::uint64_t value = (std::uint64_t{device()} << 32) ^ device();
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (int shift = 60; shift >= 0; shift -= 4) out += kDigits[(value >> shift) & 0xf];
    return out;
}

// `url` with its database name (the path) replaced by `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
    const std::size_t scheme = url.find("://");
    const std::size_t host_start = scheme == std::string::npos ? 0 : scheme + 3;
    std::size_t path = url.find_first_of("/?", host_start);
    if (path == std::string::npos) path = url.size();
    std::size_t query = url.find('?', path);
    if (query == std::string::npos) query = url.size();
    return url.substr(0, path) + "/" + name + url.substr(query);
}

[[noreturn]] void Fail(const std::string& what, const Error& error) {
    throw std::runtime_error("TestDatabase: " + what + ": " + error.Describe());
}

// Runs one statement on the maintenance database (CREATE/DROP DATABASE).
void Administer(const std::string& sql) {
    store::DatabaseOptions options;
    options.pool_size = 1;
    auto server = store::OpenDatabase(PostgresMaintenanceUrl(), options);
    if (!server) Fail("cannot connect to " + std::string(kPostgresUrlVariable), server.error());
    auto connection = (*server)->Acquire();
    if (!connection) Fail("cannot connect", connection.error());
    if (auto done = (*connection)->Execute(sql); !done) Fail(sql, done.error());
}

}  // namespace

std::string BackendName(Backend backend) {
    return backend == Backend::kSqlite ? "sqlite" : "postgres";
}

void PrintTo(Backend backend, std::ostream* out) { *out << BackendName(backend); }

bool PostgresAvailable() { return !PostgresMaintenanceUrl().empty(); }

std::vector<Backend> AllBackends() { return {Backend::kSqlite, Backend::kPostgres}; }

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
    if (backend == Backend::kSqlite) {
        std::string pattern = (std::filesystem::temp_directory_path() / "npgov_t_XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("TestDatabase: cannot create a temp directory " + pattern);
        }
        sqlite_dir_ = pattern;
        url_ = "sqlite:" + (std::filesystem::path(sqlite_dir_) / "test.db").string();
        return;
    }
    if (!PostgresAvailable()) {
        throw std::runtime_error(std::string("TestDatabase: ") + kPostgresUrlVariable + " not set");
    }
    postgres_name_ = "npgov_t_" + RandomHex();
    Administer("CREATE DATABASE " + postgres_name_ + " ENCODING 'UTF8' TEMPLATE template0");
    url_ = WithDatabase(PostgresMaintenanceUrl(), postgres_name_);
}

TestDatabase::~TestDatabase() {
    db_.reset();
    if (!sqlite_dir_.empty()) {
        std::error_code ignored;  // the file and its -wal/-shm go with the directory
        std::filesystem::remove_all(sqlite_dir_, ignored);
    }
    if (!postgres_name_.empty()) {
        try {
            Administer("DROP DATABASE IF EXISTS " + postgres_name_ + " WITH (FORCE)");
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
}

store::Database& TestDatabase::db() {
    if (!db_) {
        auto opened = store::OpenDatabase(url_);
        if (!opened) Fail("cannot open " + url_, opened.error());
        db_ = std::move(*opened);
    }
    return *db_;
}

void BackendTest::SetUp() {
    if (GetParam() == Backend::kPostgres && !PostgresAvailable()) {
        GTEST_SKIP() << kPostgresUrlVariable << " not set";
    }
    test_database_ = std::make_unique<TestDatabase>(GetParam());
}

void BackendTest::TearDown() { test_database_.reset(); }

std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info) {
    return BackendName(info.param);
}

}  // namespace npgov::test
