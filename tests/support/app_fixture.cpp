#include "support/app_fixture.hpp"

#include "core/uscc.hpp"
#include "modules/auth/secrets.hpp"

namespace npgov::test {

void AppTest::SetUp() {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    ASSERT_TRUE(auth::InitSecrets());
    auto migrated = store::ApplyMigrations(db(), AllMigrations());
    ASSERT_TRUE(migrated) << migrated.error().Describe();
    audit_ = std::make_unique<audit::AuditLog>(db(), clock_);
    reference_ = std::make_unique<reference::ReferenceData>(db(), *audit_);
    enterprises_ = std::make_unique<enterprise::EnterpriseRegistry>(db(), *reference_, *audit_, clock_);
    users_ = std::make_unique<auth::UserDirectory>(db(), *reference_, *enterprises_, *audit_, clock_);
    limiter_ = std::make_unique<auth::LoginLimiter>(clock_, auth::LoginLimits{});
    sessions_ = std::make_unique<auth::SessionManager>(db(), *users_, *audit_, *limiter_, clock_);
    dashboard_ = std::make_unique<dashboard::Dashboard>(*reference_, *enterprises_, *users_, *audit_);
    monitoring_ = std::make_unique<monitoring::Monitoring>(db(), *reference_, *audit_, clock_);
    config_.server.port = 0;
    config_.server.threads = 4;
    config_.server.web_root = "web/dist";
    services_ = std::make_unique<Services>(Services{config_, clock_, db(), *audit_, *reference_, *enterprises_,
                                                    *users_, *sessions_, *dashboard_,
                                                    *monitoring_});
    auto files = reference::LoadReferenceFiles("data");
    ASSERT_TRUE(files) << files.error().Describe();
    auto saved = reference_->Save(*files, "test");
    ASSERT_TRUE(saved) << saved.error().Describe();
}

void AppTest::TearDown() {
    services_.reset();
    monitoring_.reset();
    dashboard_.reset();
    sessions_.reset();
    limiter_.reset();
    users_.reset();
    enterprises_.reset();
    reference_.reset();
    audit_.reset();
    BackendTest::TearDown();
}

enterprise::Enterprise AppTest::MakeEnterprise(const std::string& name, const std::string& region) {
    // Body digits derived from the name so that each test enterprise gets its own code.
    std::string digits;
    for (unsigned char c : name) digits += static_cast<char>('0' + c % 10);
    while (digits.size() < 9) digits += '7';
    const std::string first17 = "91" + region + digits.substr(0, 9);
    enterprise::NewEnterprise input;
    input.uscc = first17 + *ComputeUsccCheckChar(first17);
    input.name = name;
    input.region_code = region;
    input.industry_code = "2641";
    input.address = "test";
    auto created = enterprises_->Create(input, "test");
    EXPECT_TRUE(created) << created.error().Describe();
    return created.value_or(enterprise::Enterprise{});
}

}  // namespace npgov::test
