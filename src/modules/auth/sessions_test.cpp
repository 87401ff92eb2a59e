#include "modules/auth/sessions.hpp"

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::auth {
namespace {

class SessionManagerTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto user = users_->Create({"sun", "孙科员", "the-password", Role::kOfficer, std::string("sthjj"), std::nullopt,
                                    std::nullopt},
                                   "admin");
        ASSERT_TRUE(user) << user.error().Describe();
        user_id_ = user->id;
    }
    std::int64_t user_id_ = 0;
};

TEST_P(SessionManagerTest, LoginOpensASessionThatResolves) {
    auto session = sessions_->Login("sun", "the-password", "127.0.0.1");
    ASSERT_TRUE(session) << session.error().Describe();
    EXPECT_EQ(session->expires_at, "2026-11-29T12:00:00Z");
    auto who = sessions_->Resolve(session->token);
    ASSERT_TRUE(who) << who.error().Describe();
    EXPECT_EQ(who->principal.username, "sun");
    EXPECT_EQ(who->principal.department_code.value_or(""), "sthjj");
    EXPECT_EQ(who->csrf_token, session->csrf_token);
}

TEST_P(SessionManagerTest, WrongPasswordAndUnknownUserLookTheSameAndAreAudited) {
    auto wrong = sessions_->Login("sun", "not-the-password", "127.0.0.1");
    auto unknown = sessions_->Login("nobody", "whatever-pass", "127.0.0.1");
    ASSERT_FALSE(wrong);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(wrong.error().reason, "auth.bad_credentials");
    EXPECT_EQ(unknown.error().reason, wrong.error().reason);
    EXPECT_EQ(unknown.error().message_en, wrong.error().message_en);
    EXPECT_EQ(audit_->List({std::nullopt, std::string("auth.login_failed")}, {1, 10})->total, 2);
}

TEST_P(SessionManagerTest, ForgedExpiredAndRevokedTokensAreRejected) {
    auto session = sessions_->Login("sun", "the-password", "127.0.0.1");
    ASSERT_TRUE(session);
    EXPECT_EQ(sessions_->Resolve("npg_forged").error().reason, "auth.no_session");
    EXPECT_EQ(sessions_->Resolve("").error().reason, "auth.no_session");
    clock_.Set(Timestamp{test::kTestEpoch + 12 * 3600});
    auto expired = sessions_->Resolve(session->token);
    ASSERT_FALSE(expired);
    EXPECT_EQ(expired.error().reason, "auth.session_expired");
    EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);

    clock_.Set(Timestamp{test::kTestEpoch});
    auto second = sessions_->Login("sun", "the-password", "127.0.0.1");
    ASSERT_TRUE(second);
    ASSERT_TRUE(sessions_->Logout(second->token));
    EXPECT_EQ(sessions_->Resolve(second->token).error().reason, "auth.no_session");
}

TEST_P(SessionManagerTest, DisabledUsersCannotLogInAndLoseTheirSessions) {
    auto session = sessions_->Login("sun", "the-password", "127.0.0.1");
    ASSERT_TRUE(session);
    ASSERT_TRUE(users_->Disable(user_id_, "admin"));
    EXPECT_FALSE(sessions_->Resolve(session->token));
    auto login = sessions_->Login("sun", "the-password", "127.0.0.1");
    ASSERT_FALSE(login);
    EXPECT_EQ(login.error().reason, "auth.disabled");
}

TEST_P(SessionManagerTest, RepeatedFailuresAreRateLimited) {
    for (int i = 0; i < 5; ++i) ASSERT_FALSE(sessions_->Login("sun", "guess-" + std::to_string(i), "10.1.1.1"));
    auto limited = sessions_->Login("sun", "the-password", "10.1.1.1");
    ASSERT_FALSE(limited);
    EXPECT_EQ(limited.error().code, ErrorCode::kResourceExhausted);
    clock_.Set(Timestamp{test::kTestEpoch + 15 * 60});
    EXPECT_TRUE(sessions_->Login("sun", "the-password", "10.1.1.1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionManagerTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::auth
