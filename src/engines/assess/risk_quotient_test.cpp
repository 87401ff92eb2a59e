// Risk quotients and their bands: RQ = exposure / PNEC in one unit; RQ < 1 acceptable (the
// criteria file's threshold); bands < 0.1 low and 0.1–1 medium (Hernando et al. 2006, Talanta
// 69:334–342), 1–10 high, ≥ 10 very high (project convention); lower bounds inclusive.
#include <gtest/gtest.h>

#include "engines/assess/risk_quotient.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

Quantity UgPerL(double v) { return {v, Unit::kMicrogramPerLitre}; }

TEST(RiskQuotientTest, BandsByRatio) {
    struct Case {
        Quantity exposure, pnec;
        double rq;
        const char* band;
        bool acceptable;
    };
    const Case cases[] = {
        {UgPerL(0), UgPerL(1), 0, "low", true},
        {UgPerL(0.05), UgPerL(1), 0.05, "low", true},
        {UgPerL(0.1), UgPerL(1), 0.1, "medium", true},  // lower bounds are inclusive
        {UgPerL(0.99), UgPerL(1), 0.99, "medium", true},
        {UgPerL(1), UgPerL(1), 1, "high", false},
        {UgPerL(10), UgPerL(1), 10, "very_high", false},
        {{250, Unit::kNanogramPerLitre}, UgPerL(0.5), 0.5, "medium", true},  // units converted
        {{3, Unit::kMilligramPerLitre}, UgPerL(100), 30, "very_high", false},
    };
    for (const Case& c : cases) {
        auto q = ComputeRiskQuotient({c.exposure, c.pnec}, testing::ShippedFactors().risk);
        ASSERT_TRUE(q) << q.error().message_en;
        EXPECT_NEAR(q->rq, c.rq, 1e-12) << c.exposure.value;
        EXPECT_EQ(q->band_id, c.band) << "RQ " << c.rq;
        EXPECT_EQ(q->acceptable, c.acceptable) << "RQ " << c.rq;
        EXPECT_EQ(q->steps.size(), 2u);
    }
}

TEST(RiskQuotientTest, RejectsInputsThatGiveNoQuotient) {
    const RiskRules& rules = testing::ShippedFactors().risk;
    EXPECT_EQ(ComputeRiskQuotient({UgPerL(1), UgPerL(0)}, rules).error().field, "no_effect");
    EXPECT_EQ(ComputeRiskQuotient({UgPerL(-1), UgPerL(1)}, rules).error().field, "exposure");
    EXPECT_EQ(ComputeRiskQuotient({{1, Unit::kMilligramPerKilogram}, UgPerL(1)}, rules).error().field, "exposure");
    EXPECT_EQ(ComputeRiskQuotient({UgPerL(1), {1, Unit::kTonne}}, rules).error().reason, "assess.rq_input");
}

}  // namespace
}  // namespace npgov::assess
