#include "engines/stats/sen_slope.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

TEST(SenSlopeTest, ExactLineHasItsSlopeAndIntercept) {
    std::vector<TrendPoint> points;
    for (int i = 0; i < 8; ++i) points.push_back({2000.0 + i, 1 + 2 * (2000.0 + i)});
    const auto sen = ComputeSenSlope(points);
    ASSERT_TRUE(sen) << sen.error().Describe();
    EXPECT_DOUBLE_EQ(sen->slope, 2);
    EXPECT_DOUBLE_EQ(sen->intercept, 1);
    EXPECT_DOUBLE_EQ(sen->lower, 2);
    EXPECT_DOUBLE_EQ(sen->upper, 2);
    EXPECT_EQ(sen->slopes, 28u);
}

TEST(SenSlopeTest, MedianOfPairwiseSlopesIgnoresAnOutlier) {
    // Slopes of (0,0) (1,1) (2,2) (3,30): 1, 1, 1, 10, 14.5, 28 → median (1 + 10)/2 = 5.5;
    // the least-squares slope would be 9.1.
    const std::vector<TrendPoint> points = {{0, 0}, {1, 1}, {2, 2}, {3, 30}};
    const auto sen = ComputeSenSlope(points);
    ASSERT_TRUE(sen);
    EXPECT_DOUBLE_EQ(sen->slope, 5.5);
    EXPECT_LE(sen->lower, sen->slope);
    EXPECT_GE(sen->upper, sen->slope);
}

TEST(SenSlopeTest, RefusesNoTimeSpreadAndBadConfidence) {
    const std::vector<TrendPoint> same_time = {{1, 1}, {1, 2}};
    EXPECT_EQ(ComputeSenSlope(same_time).error().reason, "stats.no_variation");
    const std::vector<TrendPoint> ok = {{1, 1}, {2, 2}};
    EXPECT_EQ(ComputeSenSlope(ok, {.confidence = 1.0}).error().reason, "stats.confidence");
    EXPECT_EQ(ComputeSenSlope(std::vector<TrendPoint>{{1, 1}}).error().reason, "stats.too_few_points");
}

}  // namespace
}  // namespace npgov::stats
