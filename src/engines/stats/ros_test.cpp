// Robust ROS against published values.
//  - Helsel & Cohn (1988) WRR 24(12) appendix B (18 values, limits 1 and 10): the modelled
//    non-detects as published to two decimals, reproduced in statsmodels'
//    imputation/tests/test_ros.py (Test_ROS_HelselAppendixB): 0.47 0.85 1.11 1.27 1.76 2.34
//    2.50 3.03 4.80. The published digits are the exact values truncated, not rounded (0.4785
//    → 0.47), so each value must lie in [published, published + 0.01).
//  - Oahu arsenic, Helsel (2005) Nondetects and Data Analysis (same test file,
//    Test_ROS_HelselArsenic): two decimals, rounded; tolerance 0.005.
//  - R NADA's `ros` output on a 50-value, three-limit data set (same test file,
//    Test_ROS_RNADAdata), printed to 8 decimals; tolerance 5e-9 (half the last printed digit).
#include "engines/stats/ros.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> Modelled(const RosResult& r) {
    std::vector<double> out;
    for (const RosValue& v : r.values) {
        if (v.censored) out.push_back(v.value);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void AddNonDetects(std::vector<Observation>& sample, double limit, int count) {
    for (int i = 0; i < count; ++i) sample.push_back({kNaN, true, limit});
}

TEST(RosTest, HelselCohn1988AppendixB) {
    std::vector<Observation> sample;
    AddNonDetects(sample, 1, 6);
    AddNonDetects(sample, 10, 3);
    for (double x : {3, 7, 9, 12, 15, 20, 27, 33, 50}) sample.push_back({x, false, kNaN});
    const auto ros = ComputeRos(sample);
    ASSERT_TRUE(ros) << ros.error().Describe();
    const std::vector<double> published = {0.47, 0.85, 1.11, 1.27, 1.76, 2.34, 2.50, 3.03, 4.80};
    const std::vector<double> ours = Modelled(*ros);
    ASSERT_EQ(ours.size(), published.size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
        EXPECT_GE(ours[i], published[i] - 1e-12) << i;
        EXPECT_LT(ours[i], published[i] + 0.01) << i;
    }
    EXPECT_EQ(ros->n, 18u);
    EXPECT_EQ(ros->dropped, 0u);
}

TEST(RosTest, HelselOahuArsenic) {
    const double res[] = {3.2, 2.8, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.7, 1.5,
                          1.0, 1.0, 1.0, 1.0, 0.9, 0.9, 0.7, 0.7, 0.6, 0.5, 0.5, 0.5};
    const bool cen[] = {false, false, true,  true,  true,  true,  true,  true,  true,  true,  false, false,
                        true,  true,  true,  true,  false, true,  false, false, false, false, false, false};
    std::vector<Observation> sample;
    for (int i = 0; i < 24; ++i) sample.push_back(cen[i] ? Observation{kNaN, true, res[i]} : Observation{res[i], false, kNaN});
    const auto ros = ComputeRos(sample);
    ASSERT_TRUE(ros) << ros.error().Describe();
    std::vector<double> published = {1.42, 1.14, 0.95, 0.81, 0.68, 0.57, 0.46, 0.35, 0.98, 0.76, 0.58, 0.41, 0.61};
    std::sort(published.begin(), published.end());
    const std::vector<double> ours = Modelled(*ros);
    ASSERT_EQ(ours.size(), published.size());
    for (std::size_t i = 0; i < ours.size(); ++i) EXPECT_NEAR(ours[i], published[i], 0.005) << i;
}

TEST(RosTest, MatchesRNadaOnThreeLimits) {
    std::vector<Observation> sample;
    AddNonDetects(sample, 0.09, 3);
    for (double x : {0.101, 0.136, 0.340, 0.457, 0.514, 0.629, 0.638, 0.774, 0.788}) sample.push_back({x, false, kNaN});
    AddNonDetects(sample, 0.9, 3);
    AddNonDetects(sample, 1.0, 17);
    for (double x : {1.0, 1.1, 2.0, 2.0, 2.404, 2.860, 3.0, 3.0, 3.705, 4.0, 5.0, 5.960, 6.0, 7.214, 16.0, 17.716, 25.0, 51.0}) {
        sample.push_back({x, false, kNaN});
    }
    const auto ros = ComputeRos(sample);
    ASSERT_TRUE(ros) << ros.error().Describe();
    std::vector<double> nada = {0.01907990, 0.03826254, 0.06080717, 0.08745914, 0.25257575, 0.58544205,
                                0.01711153, 0.03373885, 0.05287083, 0.07506079, 0.10081573, 0.13070334,
                                0.16539309, 0.20569039, 0.25257575, 0.30725491, 0.37122555, 0.44636843,
                                0.53507405, 0.64042242, 0.76644378, 0.91850581, 1.10390531};
    std::sort(nada.begin(), nada.end());
    const std::vector<double> ours = Modelled(*ros);
    ASSERT_EQ(ours.size(), nada.size());
    for (std::size_t i = 0; i < ours.size(); ++i) EXPECT_NEAR(ours[i], nada[i], 5e-9) << i;
}

TEST(RosTest, DropsNonDetectsAboveTheLargestDetectAsNadaDoes) {
    std::vector<Observation> sample = {{1.0, false, kNaN}, {2.0, false, kNaN}, {3.0, false, kNaN}, {kNaN, true, 0.5}};
    AddNonDetects(sample, 5.0, 2);
    const auto ros = ComputeRos(sample);
    ASSERT_TRUE(ros);
    EXPECT_EQ(ros->dropped, 2u);
    EXPECT_EQ(ros->n, 4u);
    EXPECT_EQ(ros->how.inputs, 6u);
}

TEST(RosTest, WithoutNonDetectsUsesRPpointsAndReturnsTheData) {
    // ppoints(4) = (1:4 − 3/8) / (4 + 1/4): 0.147058…, 0.382352…, 0.617647…, 0.852941…
    const std::vector<Observation> sample = {{4.0, false, kNaN}, {1.0, false, kNaN}, {2.0, false, kNaN}, {8.0, false, kNaN}};
    const auto ros = ComputeRos(sample);
    ASSERT_TRUE(ros);
    EXPECT_DOUBLE_EQ(ros->values[0].plotting_position, 0.625 / 4.25);
    EXPECT_DOUBLE_EQ(ros->values[3].plotting_position, 3.625 / 4.25);
    EXPECT_DOUBLE_EQ(ros->mean, 3.75);
    EXPECT_DOUBLE_EQ(ros->median, 3.0);
}

TEST(RosTest, RefusesTooFewDetects) {
    const std::vector<Observation> sample = {{2.0, false, kNaN}, {kNaN, true, 1.0}, {3.0, false, kNaN}};
    const auto ros = ComputeRos(sample);
    ASSERT_FALSE(ros);
    EXPECT_EQ(ros.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(ros.error().reason, "stats.too_few_detects");
}

}  // namespace
}  // namespace npgov::stats
