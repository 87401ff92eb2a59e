// Detection frequency of a sample of results: how many were detected, and which detection
// limits the non-detects carry. Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "engines/stats/observation.hpp"

namespace npgov::stats {

inline constexpr std::string_view kDetectionFrequencyVersion = "1";

struct DetectionFrequency {
    MethodInfo how;
    std::size_t n = 0;
    std::size_t detects = 0;
    std::size_t nondetects = 0;
    double frequency = 0;              // detects / n, in [0, 1]
    std::size_t distinct_limits = 0;   // distinct limits among the non-detects
    double min_limit = 0, max_limit = 0;  // over the non-detects; NaN when there are none
};

// Returns the counts, or ValidateObservations' error.
Result<DetectionFrequency> ComputeDetectionFrequency(std::span<const Observation> sample);

}  // namespace npgov::stats
