#include "core/clock.hpp"

#include <memory>

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(FixedClockTest, ReturnsWhatItIsSetTo) {
    FixedClock clock(Timestamp{1795939200});
    EXPECT_EQ(clock.Now().unix_seconds, 1795939200);
    clock.Advance(3600);
    EXPECT_EQ(clock.Now().ToIsoString(), "2026-11-29T09:00:00Z");
    clock.Advance(-7200);
    EXPECT_EQ(clock.Now().ToIsoString(), "2026-11-29T07:00:00Z");
    clock.Set(Timestamp{0});
    EXPECT_EQ(clock.Now().unix_seconds, 0);
}

TEST(SystemClockTest, ReadsAPlausibleTimeThroughTheInterface) {
    const std::unique_ptr<Clock> clock = std::make_unique<SystemClock>();
    const Timestamp now = clock->Now();
    EXPECT_GT(now, *Timestamp::Parse("2024-01-01T00:00:00Z")) << now.ToIsoString();
    EXPECT_LT(now, *Timestamp::Parse("2100-01-01T00:00:00Z")) << now.ToIsoString();
    EXPECT_LE(now, clock->Now());
}

}  // namespace
}  // namespace npgov
