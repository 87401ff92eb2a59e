// Exceedance of a threshold (a PNEC or an environmental quality standard) by the results of one
// site and substance, in the two dimensions of the NORMAN prioritisation framework: frequency
// of exceedance and extent of exceedance (Dulio, V. & von der Ohe, P.C. (eds.) 2013, NORMAN
// Prioritisation framework for emerging substances, NORMAN Association; NORMAN Network 2019,
// prioritisation methodology update). NORMAN counts sites whose MEC exceeds the lowest PNEC and
// takes the extent as MEC95/PNEC; here the same two dimensions are computed over the samples
// of one site and substance, for the per-site tables the bureau reads:
//  - a detected value exceeds when value > threshold (equal does not exceed);
//  - a non-detect "<L" does not exceed when L ≤ threshold, and is UNKNOWN when L > threshold
//    (its true value may lie on either side) — never counted as exceeding;
//  - frequency = exceeding / n (a lower bound), frequency_upper = (exceeding + unknown) / n;
//  - extent: max_ratio = largest detected value / threshold, mean_exceedance_ratio = mean of
//    value / threshold over the exceeding results.
// Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "engines/stats/observation.hpp"

namespace npgov::stats {

inline constexpr std::string_view kExceedanceVersion = "1";

struct Exceedance {
    MethodInfo how;
    double threshold = 0;
    std::size_t n = 0;
    std::size_t exceeding = 0, not_exceeding = 0, unknown = 0;
    double frequency = 0;        // exceeding / n
    double frequency_upper = 0;  // (exceeding + unknown) / n
    std::optional<double> max_ratio;              // absent when nothing was detected
    std::optional<double> mean_exceedance_ratio;  // absent when nothing exceeds
};

// Returns the counts and ratios; ValidateObservations' errors; kInvalidArgument
// "stats.threshold_not_positive" (field "threshold") unless threshold is finite and > 0.
Result<Exceedance> ComputeExceedance(std::span<const Observation> sample, double threshold);

}  // namespace npgov::stats
