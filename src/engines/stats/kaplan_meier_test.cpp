// Kaplan-Meier on flipped data, worked by hand and checked in R 4.2 / survival 3.5:
//   x <- c(1,2,3,4,5); e <- c(F,T,F,T,T); f <- survfit(Surv(10 - x, e) ~ 1)
//   summary(f, rmean = "individual")$table: rmean 7.3 (mean 10 − 7.3 = 2.7), se(rmean) 0.704982269280583
//   10 - quantile(f, c(.5, .1, .7, .3, .8)): 2, 5, 1.5, 4, NA
#include "engines/stats/kaplan_meier.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<Observation> HandExample() {
    return {{kNaN, true, 1.0}, {2.0, false, kNaN}, {kNaN, true, 3.0}, {4.0, false, kNaN}, {5.0, false, kNaN}};
}

TEST(KaplanMeierTest, HandWorkedExampleWithTwoLimits) {
    const auto km = ComputeKaplanMeier(HandExample());
    ASSERT_TRUE(km) << km.error().Describe();
    // Mass 0.2 at 5 and 4, 0.3 at 2, and 0.3 left below 2, put at the lowest limit 1:
    // mean = 1 + 0.8 + 0.6 + 0.3 = 2.7. Variance Σ A²d/(n(n−d)) = 2.3²/20 + 1.5²/12 + 0.3²/2 = 0.497.
    EXPECT_NEAR(km->mean, 2.7, 1e-15 * 3);  // a few ulps of summation
    EXPECT_NEAR(km->mean_se, std::sqrt(0.497), 1e-15);
    EXPECT_NEAR(km->mean_se, 0.704982269280583, 1e-14);  // R's printed 15 digits
    EXPECT_TRUE(km->lowest_treated_as_detect);
    EXPECT_EQ(km->lowest_level, 1.0);
    EXPECT_EQ(km->median, 2.0);
    EXPECT_EQ(km->p90, 5.0);
    EXPECT_EQ(km->p95, 5.0);
    EXPECT_EQ(KaplanMeierPercentile(*km, 0.3), 1.5);  // curve ends exactly at 0.3: midpoint to the lowest level
    EXPECT_EQ(KaplanMeierPercentile(*km, 0.7), 4.0);
    EXPECT_FALSE(KaplanMeierPercentile(*km, 0.2).has_value());  // below what the curve reaches
    ASSERT_EQ(km->steps.size(), 3u);
    EXPECT_EQ(km->steps[0].value, 5.0);
    EXPECT_DOUBLE_EQ(km->steps[0].share_below, 0.8);
    EXPECT_DOUBLE_EQ(km->steps[2].share_below, 0.3);
    EXPECT_EQ(km->how.version, kKaplanMeierVersion);
    EXPECT_EQ(km->how.inputs, 5u);
}

TEST(KaplanMeierTest, WithoutCensoringIsTheEmpiricalDistribution) {
    // 1..10: mean 5.5, se = population sd / √n = √8.25 / √10; the curve sits exactly at 0.5 and
    // 0.1 on flat stretches, so the median and P90 are midpoints (5.5, 9.5) as in R.
    std::vector<Observation> sample;
    for (int i = 10; i >= 1; --i) sample.push_back({static_cast<double>(i), false, kNaN});
    const auto km = ComputeKaplanMeier(sample);
    ASSERT_TRUE(km);
    EXPECT_NEAR(km->mean, 5.5, 1e-14);
    EXPECT_NEAR(km->mean_se, std::sqrt(8.25 / 10), 1e-15);
    EXPECT_EQ(km->median, 5.5);
    EXPECT_EQ(km->p90, 9.5);
    EXPECT_EQ(km->p95, 10.0);
    EXPECT_FALSE(km->lowest_treated_as_detect);
}

TEST(KaplanMeierTest, OrderOfTheInputDoesNotMatter) {
    auto sample = HandExample();
    const auto a = ComputeKaplanMeier(sample);
    std::reverse(sample.begin(), sample.end());
    const auto b = ComputeKaplanMeier(sample);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->mean, b->mean);
    EXPECT_EQ(a->mean_se, b->mean_se);
}

TEST(KaplanMeierTest, RefusesTooFewDetectsStatingTheRule) {
    struct Case {
        const char* name;
        std::vector<Observation> sample;
    };
    const Case cases[] = {
        {"all censored", {{kNaN, true, 1.0}, {kNaN, true, 2.0}, {kNaN, true, 0.5}}},
        {"one detect", {{kNaN, true, 1.0}, {3.0, false, kNaN}, {kNaN, true, 0.5}}},
        {"two detects", {{2.0, false, kNaN}, {3.0, false, kNaN}}},
    };
    for (const Case& c : cases) {
        const auto km = ComputeKaplanMeier(c.sample);
        ASSERT_FALSE(km) << c.name;
        EXPECT_EQ(km.error().code, ErrorCode::kFailedPrecondition) << c.name;
        EXPECT_EQ(km.error().reason, "stats.too_few_detects") << c.name;
        EXPECT_NE(km.error().message_en.find("at least 3"), std::string::npos) << km.error().message_en;
    }
    // The rule is a parameter.
    const std::vector<Observation> two = {{2.0, false, kNaN}, {3.0, false, kNaN}};
    EXPECT_TRUE(ComputeKaplanMeier(two, {.min_detects = 2}));
}

TEST(KaplanMeierTest, NonDetectAtADetectedLevelCountsAsBelowIt) {
    // {<2, 2, 3, 4}: at 2 the non-detect stays at risk (flipped: censored after the event), so
    // S drops 1/2 there and half a share of mass is left at 2: mean = (4 + 3)/4 + 2·0.5 = 2.75.
    const std::vector<Observation> sample = {{kNaN, true, 2.0}, {2.0, false, kNaN}, {3.0, false, kNaN}, {4.0, false, kNaN}};
    const auto km = ComputeKaplanMeier(sample);
    ASSERT_TRUE(km);
    EXPECT_DOUBLE_EQ(km->mean, 2.75);
    EXPECT_TRUE(km->lowest_treated_as_detect);
}

}  // namespace
}  // namespace npgov::stats
