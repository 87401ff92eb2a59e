#include "modules/auth/login_limiter.hpp"

#include <gtest/gtest.h>

namespace npgov::auth {
namespace {

TEST(LoginLimiterTest, BlocksAfterTooManyFailuresUntilTheWindowPasses) {
    FixedClock clock(Timestamp{1'000'000});
    LoginLimiter limiter(clock, {3, 600});
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(limiter.Check("alice", "10.0.0.1")) << i;
        limiter.RecordFailure("alice", "10.0.0.1");
    }
    auto blocked = limiter.Check("alice", "10.0.0.2");
    ASSERT_FALSE(blocked);
    EXPECT_EQ(blocked.error().code, ErrorCode::kResourceExhausted);
    EXPECT_FALSE(limiter.Check("bob", "10.0.0.1")) << "the client address is limited too";
    EXPECT_TRUE(limiter.Check("bob", "10.0.0.3"));
    clock.Set(Timestamp{1'000'000 + 600});
    EXPECT_TRUE(limiter.Check("alice", "10.0.0.1")) << "failures older than the window are forgotten";
}

TEST(LoginLimiterTest, SuccessClearsTheUsername) {
    FixedClock clock(Timestamp{0});
    LoginLimiter limiter(clock, {2, 600});
    limiter.RecordFailure("alice", "a");
    limiter.RecordSuccess("alice");
    limiter.RecordFailure("alice", "b");
    EXPECT_TRUE(limiter.Check("alice", "c"));
}

}  // namespace
}  // namespace npgov::auth
