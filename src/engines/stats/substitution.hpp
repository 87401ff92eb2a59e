// Substitution of half the detection limit for each non-detect (LOD/2): shown ONLY beside the
// Kaplan-Meier and ROS estimates, for comparison with what regulators' systems commonly
// report. Helsel (2012) ch. 1 shows that substitution biases means and trends; do not use it
// as an estimate. Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "engines/stats/observation.hpp"

namespace npgov::stats {

inline constexpr std::string_view kSubstitutionVersion = "1";

struct SubstitutionSummary {
    MethodInfo how;               // method "substitution LOD/2 (for comparison only)"
    std::size_t n = 0;
    std::size_t substituted = 0;  // non-detects replaced by limit × 0.5
    double mean = 0, sd = 0, median = 0;
};

// Returns the summary (also when nothing is detected: then every value is a substitute), or
// ValidateObservations' error.
Result<SubstitutionSummary> ComputeHalfLimitSubstitution(std::span<const Observation> sample);

}  // namespace npgov::stats
