#include "engines/stats/substitution.hpp"

#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(HalfLimitSubstitutionTest, ReplacesEachNonDetectByHalfItsLimit) {
    // {0.25, 0.5, 2, 4}: mean 1.6875, median 1.25; R sd(c(.25, .5, 2, 4)) = 1.7245168405479065
    const std::vector<Observation> sample = {{kNaN, true, 0.5}, {kNaN, true, 1.0}, {2.0, false, 0.5}, {4.0, false, 0.5}};
    const auto s = ComputeHalfLimitSubstitution(sample);
    ASSERT_TRUE(s) << s.error().Describe();
    EXPECT_EQ(s->substituted, 2u);
    EXPECT_DOUBLE_EQ(s->mean, 1.6875);
    EXPECT_DOUBLE_EQ(s->median, 1.25);
    EXPECT_DOUBLE_EQ(s->sd, 1.7245168405479065);
    EXPECT_EQ(s->how.method, "substitution LOD/2 (for comparison only)");
}

TEST(HalfLimitSubstitutionTest, WorksWhenEverythingIsCensored) {
    const std::vector<Observation> sample = {{kNaN, true, 1.0}, {kNaN, true, 3.0}};
    const auto s = ComputeHalfLimitSubstitution(sample);
    ASSERT_TRUE(s);
    EXPECT_DOUBLE_EQ(s->mean, 1.0);
}

}  // namespace
}  // namespace npgov::stats
