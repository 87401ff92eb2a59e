// SSD statistics against published values.
//  - The lower confidence limit of HC5 is the one-sided lower tolerance limit of the normal
//    distribution (Aldenberg & Jaworska 2000 derive it as such; Owen 1962), so its constant k
//    must equal the tabulated one-sided tolerance factors for 95 % coverage at 95 % confidence:
//    n = 10: 2.911, 15: 2.566, 20: 2.396, 30: 2.220 (e.g. Natrella 1963, NBS Handbook 91,
//    Table A-7; USEPA 2009 Unified Guidance, Table 17-3). Tables print 3 decimals: tolerance 6e-4.
//  - Worked example of real-statistics.com ("Tolerance interval example", Zaiontz): n = 40,
//    90 % coverage, 99 % confidence, "k = 1.9017 using the noncentral t distribution".
//  - Everything else against scipy (golden_test.cpp).
#include <cmath>

#include <gtest/gtest.h>

#include "engines/assess/ssd_fit.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

TEST(SsdFitTest, LowerLimitConstantIsTheOneSidedToleranceFactor) {
    struct Case {
        std::size_t n;
        double k;
    };
    for (const Case& c : {Case{10, 2.911}, Case{15, 2.566}, Case{20, 2.396}, Case{30, 2.220}}) {
        const ExtrapolationConstants k = ComputeExtrapolationConstants(c.n, 0.05, 0.90);
        EXPECT_NEAR(k.lower_limit, c.k, 6e-4) << "n = " << c.n;
        EXPECT_LT(k.upper_limit, k.median) << "n = " << c.n;
        EXPECT_LT(k.median, k.lower_limit) << "n = " << c.n;
    }
}

TEST(SsdFitTest, ToleranceFactorOfThePublishedWorkedExample) {
    // 90 % coverage ↔ fraction affected 0.10; 99 % confidence ↔ the lower limit of a two-sided
    // 98 % interval.
    const ExtrapolationConstants k = ComputeExtrapolationConstants(40, 0.10, 0.98);
    EXPECT_NEAR(k.lower_limit, 1.9017, 5e-5);
}

TEST(SsdFitTest, MedianConstantTendsToTheNormalQuantile) {
    // As n grows the median estimate approaches the plug-in HC5 = mean − 1.6449·sd.
    const double z95 = 1.6448536269514722;
    EXPECT_NEAR(ComputeExtrapolationConstants(10000, 0.05, 0.90).median, z95, 1e-3);
    EXPECT_GT(ComputeExtrapolationConstants(10, 0.05, 0.90).median, z95);
}

TEST(SsdFitTest, LimitsAreSymmetricAboutTheMedianFraction) {
    // HC95's limits mirror HC5's: k(p, γ) = −k(1 − p, 1 − γ).
    const ExtrapolationConstants a = ComputeExtrapolationConstants(12, 0.05, 0.90);
    const ExtrapolationConstants b = ComputeExtrapolationConstants(12, 0.95, 0.90);
    EXPECT_NEAR(a.lower_limit, -b.upper_limit, 1e-10);
    EXPECT_NEAR(a.median, -b.median, 1e-10);
    EXPECT_NEAR(ComputeExtrapolationConstants(12, 0.5, 0.90).median, 0.0, 1e-12);
}

TEST(SsdFitTest, FitUsesTheSampleStandardDeviation) {
    const double logs[] = {0, 1, 2};
    auto fit = FitNormal(logs);
    ASSERT_TRUE(fit);
    EXPECT_EQ(fit->n, 3u);
    EXPECT_DOUBLE_EQ(fit->mean, 1);
    EXPECT_DOUBLE_EQ(fit->sd, 1);  // divisor n − 1
    const HazardousConcentration hc = ComputeHazardousConcentration(*fit, 0.05, 0.90);
    EXPECT_NEAR(hc.log10_median, 1 - hc.k.median, 1e-15);
    EXPECT_LT(hc.log10_lower, hc.log10_median);
    EXPECT_GT(hc.log10_upper, hc.log10_median);
}

TEST(SsdFitTest, RefusesDegenerateSamples) {
    const double one[] = {1};
    EXPECT_EQ(FitNormal(one).error().reason, "assess.ssd_too_few");
    const double same[] = {1, 1, 1, 1};
    EXPECT_EQ(FitNormal(same).error().reason, "assess.ssd_no_spread");
}

TEST(SsdFitTest, CurveSpansTheFractionsInOrder) {
    const double logs[] = {0.1, 0.5, 0.9, 1.3, 1.8};
    auto fit = FitNormal(logs);
    ASSERT_TRUE(fit);
    const auto curve = ComputeSsdCurve(*fit, 0.90);
    ASSERT_EQ(curve.size(), 41u);
    EXPECT_NEAR(curve.front().fraction, 0.0081975359245961, 1e-15);
    EXPECT_NEAR(curve[20].fraction, 0.5, 1e-15);
    EXPECT_NEAR(curve[20].log10_median, fit->mean, 1e-12);
    for (std::size_t i = 1; i < curve.size(); ++i) {
        EXPECT_GT(curve[i].fraction, curve[i - 1].fraction);
        EXPECT_GT(curve[i].log10_fitted, curve[i - 1].log10_fitted);
        EXPECT_LT(curve[i].log10_lower, curve[i].log10_upper);
    }
    EXPECT_DOUBLE_EQ(HazenPosition(1, 4), 0.125);
    EXPECT_DOUBLE_EQ(HazenPosition(4, 4), 0.875);
}

TEST(SsdFitTest, NormalityDecisionUsesTheModifiedStatistic) {
    const auto& critical = testing::ShippedFactors().ssd.ad_critical_values;
    // A strongly bimodal sample: the test must reject.
    const double bimodal[] = {0, 0, 0.01, 0.02, 0.03, 3, 3.01, 3.02, 3.03, 3.05};
    auto fit = FitNormal(bimodal);
    ASSERT_TRUE(fit);
    const NormalityTest t = TestNormality(bimodal, *fit, critical, 0.05);
    EXPECT_EQ(t.critical_value, 0.752);
    EXPECT_TRUE(t.rejected) << t.anderson_darling_modified;
    EXPECT_NEAR(t.anderson_darling_modified, t.anderson_darling * (1 + 0.075 + 0.0225), 1e-12);
}

}  // namespace
}  // namespace npgov::assess
