// Bad samples are refused the same way by every censored-data method, with the result at fault.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engines/stats/censored_summary.hpp"
#include "engines/stats/exceedance.hpp"

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(ValidateObservationsTest, RefusesBadResultsNamingTheRowAndField) {
    struct Case {
        const char* name;
        std::vector<Observation> sample;
        const char* reason;
        const char* field;
        long row;
    };
    const Observation ok{1.0, false, 0.5};
    const Case cases[] = {
        {"empty", {}, "stats.empty_input", "", 0},
        {"NaN detect", {ok, {kNaN, false, 0.5}}, "stats.value_not_finite", "value", 2},
        {"infinite detect", {{kInf, false, kNaN}}, "stats.value_not_finite", "value", 1},
        {"negative value", {ok, ok, {-0.2, false, kNaN}}, "stats.negative_value", "value", 3},
        {"negative limit", {{-1.0, true, -1.0}}, "stats.negative_value", "limit", 1},
        {"zero detect", {{0.0, false, kNaN}}, "stats.zero_detect", "value", 1},
        {"censored without limit", {ok, {0.5, true, kNaN}}, "stats.censored_without_limit", "limit", 2},
        {"zero limit", {{kNaN, true, 0.0}}, "stats.limit_not_positive", "limit", 1},
        {"infinite limit", {{1.0, false, kInf}}, "stats.limit_not_positive", "limit", 1},
        {"censored value differs", {{0.3, true, 0.5}}, "stats.censored_value_mismatch", "value", 1},
    };
    for (const Case& c : cases) {
        const auto status = ValidateObservations(c.sample);
        ASSERT_FALSE(status) << c.name;
        EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument) << c.name;
        EXPECT_EQ(status.error().reason, c.reason) << c.name;
        EXPECT_EQ(status.error().field, c.field) << c.name;
        EXPECT_EQ(status.error().row, c.row) << c.name;
        EXPECT_FALSE(status.error().message_zh.empty()) << c.name;
        EXPECT_FALSE(status.error().message_en.empty()) << c.name;
        // Every method refuses the same sample with the same reason.
        EXPECT_EQ(ComputeKaplanMeier(c.sample).error().reason, c.reason) << c.name;
        EXPECT_EQ(ComputeRos(c.sample).error().reason, c.reason) << c.name;
        EXPECT_EQ(ComputeHalfLimitSubstitution(c.sample).error().reason, c.reason) << c.name;
        EXPECT_EQ(ComputeDetectionFrequency(c.sample).error().reason, c.reason) << c.name;
        EXPECT_EQ(ComputeExceedance(c.sample, 1.0).error().reason, c.reason) << c.name;
        EXPECT_EQ(SummarizeCensored(c.sample).error().reason, c.reason) << c.name;
    }
}

TEST(ValidateObservationsTest, AcceptsNonDetectsGivenByLimitOrByValueEqualToLimit) {
    const std::vector<Observation> sample = {{kNaN, true, 0.5}, {0.5, true, 0.5}, {2.0, false, kNaN}, {3.0, false, 1.0}};
    EXPECT_TRUE(ValidateObservations(sample));
    EXPECT_EQ(LevelOf(sample[0]), 0.5);
    EXPECT_EQ(LevelOf(sample[3]), 3.0);
}

TEST(SummarizeCensoredTest, KeepsEachMethodsRefusalBesideTheOthers) {
    const std::vector<Observation> sample = {{kNaN, true, 1.0}, {kNaN, true, 1.0}, {2.0, false, 1.0}};
    const auto summary = SummarizeCensored(sample);
    ASSERT_TRUE(summary) << summary.error().Describe();
    EXPECT_EQ(summary->detection.detects, 1u);
    ASSERT_FALSE(summary->kaplan_meier);
    EXPECT_EQ(summary->kaplan_meier.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_EQ(summary->kaplan_meier.error().reason, "stats.too_few_detects");
    EXPECT_EQ(summary->ros.error().reason, "stats.too_few_detects");
    EXPECT_DOUBLE_EQ(summary->substitution.mean, (0.5 + 0.5 + 2.0) / 3);
}

}  // namespace
}  // namespace npgov::stats
