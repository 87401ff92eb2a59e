// Mann-Kendall worked by hand: for 1..5 against time 1..5 all 10 pairs are concordant, S = 10,
// Var(S) = 5·4·15/18 = 50/3, Z = (10 − 1)/√(50/3), exact two-sided p = 2/5! (only the identity
// permutation has no discordant pair). Ties: Kendall (1975) ch. 4.
#include "engines/stats/mann_kendall.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

#include "engines/stats/kendall_score.hpp"

namespace npgov::stats {
namespace {

TEST(MannKendallTest, MonotoneSeriesByHand) {
    const std::vector<TrendPoint> points = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
    const auto mk = ComputeMannKendall(points);
    ASSERT_TRUE(mk) << mk.error().Describe();
    EXPECT_EQ(mk->s, 10);
    EXPECT_DOUBLE_EQ(mk->variance, 50.0 / 3);
    EXPECT_DOUBLE_EQ(mk->z, 9 / std::sqrt(50.0 / 3));
    ASSERT_TRUE(mk->p_exact);
    EXPECT_NEAR(*mk->p_exact, 2.0 / 120, 1e-15);
    EXPECT_EQ(mk->p_value, *mk->p_exact);
    EXPECT_DOUBLE_EQ(mk->tau, 1.0);
    EXPECT_EQ(mk->how.version, kMannKendallVersion);
}

TEST(MannKendallTest, TiesRemoveTheExactPAndShrinkTheVariance) {
    // Values 1,2,2,3: one pair tied, S = 5; Var = (4·3·13 − 2·1·9)/18 = 138/18.
    const std::vector<TrendPoint> points = {{1, 1}, {2, 2}, {3, 2}, {4, 3}};
    const auto mk = ComputeMannKendall(points);
    ASSERT_TRUE(mk);
    EXPECT_EQ(mk->s, 5);
    EXPECT_DOUBLE_EQ(mk->variance, 138.0 / 18);
    EXPECT_FALSE(mk->p_exact);
    EXPECT_EQ(mk->p_value, mk->p_normal);
    EXPECT_DOUBLE_EQ(mk->tau, 5 / std::sqrt(6.0 * 5.0));
}

TEST(MannKendallTest, SamplesAtTheSameTimeAreNotCompared) {
    // Two samples in year 1: their pair counts 0 (Gilbert 1987 ch. 16).
    const std::vector<TrendPoint> points = {{1, 5}, {1, 1}, {2, 6}, {3, 7}};
    const auto score = ComputeKendallScore(points);
    EXPECT_EQ(score.s, 5);
    EXPECT_EQ(score.time_tie_pairs, 1);
}

TEST(MannKendallTest, ExactDistributionMatchesKendallsTable) {
    // Kendall (1975) Appendix Table 1: n = 10, S = 21 → one-sided P(S ≥ 21) = 0.036 (3 decimals).
    EXPECT_NEAR(KendallExactTwoSidedP(10, 21) / 2, 0.036, 0.0005);
    EXPECT_EQ(KendallExactTwoSidedP(10, 0), 1.0);
    EXPECT_EQ(KendallExactTwoSidedP(2, 1), 1.0);
}

TEST(MannKendallTest, RefusesBadSeries) {
    struct Case {
        const char* name;
        std::vector<TrendPoint> points;
        ErrorCode code;
        const char* reason;
        long row;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const Case cases[] = {
        {"empty", {}, ErrorCode::kFailedPrecondition, "stats.too_few_points", 0},
        {"two points", {{1, 1}, {2, 2}}, ErrorCode::kFailedPrecondition, "stats.too_few_points", 0},
        {"NaN value", {{1, 1}, {2, nan}, {3, 3}}, ErrorCode::kInvalidArgument, "stats.value_not_finite", 2},
        {"NaN time", {{nan, 1}, {2, 2}, {3, 3}}, ErrorCode::kInvalidArgument, "stats.time_not_finite", 1},
        {"all equal", {{1, 4}, {2, 4}, {3, 4}}, ErrorCode::kFailedPrecondition, "stats.no_variation", 0},
        {"one time", {{1, 4}, {1, 5}, {1, 6}}, ErrorCode::kFailedPrecondition, "stats.no_variation", 0},
    };
    for (const Case& c : cases) {
        const auto mk = ComputeMannKendall(c.points);
        ASSERT_FALSE(mk) << c.name;
        EXPECT_EQ(mk.error().code, c.code) << c.name;
        EXPECT_EQ(mk.error().reason, c.reason) << c.name;
        EXPECT_EQ(mk.error().row, c.row) << c.name;
    }
}

}  // namespace
}  // namespace npgov::stats
