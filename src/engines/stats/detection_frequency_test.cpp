#include "engines/stats/detection_frequency.hpp"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace npgov::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(DetectionFrequencyTest, CountsDetectsAndDistinctLimits) {
    const std::vector<Observation> sample = {
        {1.2, false, 0.5}, {kNaN, true, 0.5}, {kNaN, true, 1.0}, {0.5, true, 0.5}, {3.0, false, kNaN}};
    const auto df = ComputeDetectionFrequency(sample);
    ASSERT_TRUE(df) << df.error().Describe();
    EXPECT_EQ(df->n, 5u);
    EXPECT_EQ(df->detects, 2u);
    EXPECT_EQ(df->nondetects, 3u);
    EXPECT_DOUBLE_EQ(df->frequency, 0.4);
    EXPECT_EQ(df->distinct_limits, 2u);
    EXPECT_EQ(df->min_limit, 0.5);
    EXPECT_EQ(df->max_limit, 1.0);
    EXPECT_EQ(df->how.method, "detection-frequency");
    EXPECT_EQ(df->how.version, kDetectionFrequencyVersion);
    EXPECT_EQ(df->how.inputs, 5u);
}

TEST(DetectionFrequencyTest, AllDetectedHasNoLimits) {
    const std::vector<Observation> sample = {{1.0, false, kNaN}, {2.0, false, kNaN}};
    const auto df = ComputeDetectionFrequency(sample);
    ASSERT_TRUE(df);
    EXPECT_DOUBLE_EQ(df->frequency, 1.0);
    EXPECT_EQ(df->distinct_limits, 0u);
    EXPECT_TRUE(std::isnan(df->min_limit));
}

}  // namespace
}  // namespace npgov::stats
