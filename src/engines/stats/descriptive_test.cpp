// Descriptive helpers against values R 4.2 prints: quantile(1:10, c(.9, .95)), sd(1:10),
// median(c(3, 1, 2, 10)), qnorm(0.975), pnorm(3, lower.tail = FALSE).
#include <vector>

#include <gtest/gtest.h>

#include "engines/stats/descriptive.hpp"

namespace npgov::stats {
namespace {

TEST(DescriptiveTest, MatchesRForSmallVectors) {
    const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    EXPECT_DOUBLE_EQ(Mean(x), 5.5);
    EXPECT_DOUBLE_EQ(SampleStandardDeviation(x), 3.0276503540974917);
    EXPECT_DOUBLE_EQ(QuantileType7(x, 0.9), 9.1);
    EXPECT_DOUBLE_EQ(QuantileType7(x, 0.95), 9.55);
    EXPECT_DOUBLE_EQ(QuantileType7(x, 0.0), 1);
    EXPECT_DOUBLE_EQ(QuantileType7(x, 1.0), 10);
    EXPECT_DOUBLE_EQ(MedianOfSorted(x), 5.5);
    EXPECT_DOUBLE_EQ(Median(std::vector<double>{3, 1, 2, 10}), 2.5);
    EXPECT_DOUBLE_EQ(SampleStandardDeviation(std::vector<double>{4}), 0);
}

TEST(DescriptiveTest, NormalDistributionMatchesR) {
    // R: qnorm(0.975) = 1.959963984540054, pnorm(3, lower.tail = FALSE) = 0.0013498980316300946;
    // 1e-15 relative is a few ulps.
    EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-15 * 2);
    EXPECT_NEAR(NormalQuantile(0.5), 0.0, 1e-300);
    EXPECT_NEAR(NormalUpperTail(3), 0.0013498980316300946, 1e-15 * 0.00135);
    EXPECT_DOUBLE_EQ(NormalUpperTail(0), 0.5);
}

}  // namespace
}  // namespace npgov::stats
