#include "engines/stats/seasonal_kendall.hpp"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "engines/stats/mann_kendall.hpp"

namespace npgov::stats {
namespace {

TEST(SeasonalKendallTest, OneSeasonIsTheMannKendallTest) {
    const std::vector<TrendPoint> points = {{1, 3, 1}, {2, 1, 1}, {3, 4, 1}, {4, 6, 1}, {5, 5, 1}, {6, 8, 1}};
    const auto sk = ComputeSeasonalKendall(points);
    const auto mk = ComputeMannKendall(points);
    ASSERT_TRUE(sk && mk);
    EXPECT_EQ(sk->s, mk->s);
    EXPECT_DOUBLE_EQ(sk->variance, mk->variance);
    EXPECT_DOUBLE_EQ(sk->z, mk->z);
    EXPECT_DOUBLE_EQ(sk->p_value, mk->p_normal);
}

TEST(SeasonalKendallTest, SumsSeasonsAndComparesOnlyWithinASeason) {
    // Two seasons of 3 years, each rising: S = 3 + 3; Var = 2 · 3·2·11/18. A season-2 value far
    // above season 1 is never compared with season 1, so the slope stays 1 per year.
    const std::vector<TrendPoint> points = {{2020.1, 1, 1}, {2021.1, 2, 1}, {2022.1, 3, 1},
                                            {2020.6, 101, 2}, {2021.6, 102, 2}, {2022.6, 103, 2},
                                            {2023.6, 5, 3}};  // a lone season-3 point adds nothing
    const auto sk = ComputeSeasonalKendall(points);
    ASSERT_TRUE(sk) << sk.error().Describe();
    EXPECT_EQ(sk->s, 6);
    EXPECT_DOUBLE_EQ(sk->variance, 2 * 66.0 / 18);
    EXPECT_NEAR(sk->slope, 1.0, 1e-12);  // (2 − 1)/(2021.1 − 2020.1) carries the decimal-year rounding
    ASSERT_EQ(sk->seasons.size(), 2u);
    EXPECT_EQ(sk->seasons[1].season, 2);
    EXPECT_EQ(sk->seasons[1].s, 3);
}

TEST(SeasonalKendallTest, RefusesSeasonsWithoutVariation) {
    const std::vector<TrendPoint> points = {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}};
    EXPECT_EQ(ComputeSeasonalKendall(points).error().reason, "stats.no_variation");
}

}  // namespace
}  // namespace npgov::stats
