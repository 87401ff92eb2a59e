// Exceedance frequency and extent (NORMAN prioritisation framework, Dulio & von der Ohe 2013),
// by hand: threshold 1.0.
#include "engines/stats/exceedance.hpp"

#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(ExceedanceTest, NonDetectsAboveTheThresholdAreUnknownNotExceeding) {
    const std::vector<Observation> sample = {
        {2.0, false, kNaN},  // exceeds, ratio 2
        {4.0, false, kNaN},  // exceeds, ratio 4
        {1.0, false, kNaN},  // equal: does not exceed
        {0.5, false, kNaN},  // below
        {kNaN, true, 0.5},   // <0.5 ≤ 1: below
        {kNaN, true, 1.0},   // <1.0: below
        {kNaN, true, 5.0},   // <5 > 1: unknown
        {kNaN, true, 2.0},   // <2 > 1: unknown
    };
    const auto e = ComputeExceedance(sample, 1.0);
    ASSERT_TRUE(e) << e.error().Describe();
    EXPECT_EQ(e->exceeding, 2u);
    EXPECT_EQ(e->not_exceeding, 4u);
    EXPECT_EQ(e->unknown, 2u);
    EXPECT_DOUBLE_EQ(e->frequency, 2.0 / 8);
    EXPECT_DOUBLE_EQ(e->frequency_upper, 4.0 / 8);
    EXPECT_EQ(e->max_ratio, 4.0);
    EXPECT_EQ(e->mean_exceedance_ratio, 3.0);
    EXPECT_EQ(e->how.version, kExceedanceVersion);
}

TEST(ExceedanceTest, NothingDetectedHasNoExtent) {
    const std::vector<Observation> sample = {{kNaN, true, 0.1}, {kNaN, true, 0.2}};
    const auto e = ComputeExceedance(sample, 1.0);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->frequency, 0.0);
    EXPECT_FALSE(e->max_ratio);
    EXPECT_FALSE(e->mean_exceedance_ratio);
}

TEST(ExceedanceTest, RefusesABadThreshold) {
    const std::vector<Observation> sample = {{1.0, false, kNaN}};
    for (double t : {0.0, -1.0, kNaN, std::numeric_limits<double>::infinity()}) {
        const auto e = ComputeExceedance(sample, t);
        ASSERT_FALSE(e) << t;
        EXPECT_EQ(e.error().reason, "stats.threshold_not_positive") << t;
        EXPECT_EQ(e.error().field, "threshold");
    }
}

}  // namespace
}  // namespace npgov::stats
