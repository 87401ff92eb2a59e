// A fresh database per test and backend, migrated, with reference data loaded from data/
// and every module wired as in production (but with a FixedClock and fast password hashing).
#pragma once

#include <memory>

#include "core/clock.hpp"
#include "modules/auth/login_limiter.hpp"
#include "services/application.hpp"
#include "support/test_database.hpp"

namespace npgov::test {

// 2026-11-29T00:00:00Z.
inline constexpr std::int64_t kTestEpoch = 1795910400;

class AppTest : public BackendTest {
protected:
    void SetUp() override;
    void TearDown() override;

    FixedClock clock_{Timestamp{kTestEpoch}};
    config::Config config_;
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<reference::ReferenceData> reference_;
    std::unique_ptr<enterprise::EnterpriseRegistry> enterprises_;
    std::unique_ptr<auth::UserDirectory> users_;
    std::unique_ptr<auth::LoginLimiter> limiter_;
    std::unique_ptr<auth::SessionManager> sessions_;
    std::unique_ptr<dashboard::Dashboard> dashboard_;
    std::unique_ptr<monitoring::Monitoring> monitoring_;
    std::unique_ptr<Services> services_;

    // A valid enterprise in Shuocheng District (140602), industry 2641, with the given USCC
    // body digits (the check character is computed).
    enterprise::Enterprise MakeEnterprise(const std::string& name, const std::string& region = "140602");
};

}  // namespace npgov::test
