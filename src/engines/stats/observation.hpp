// Inputs shared by the censored-data methods of the stats engine: one laboratory result that is
// either detected (a measured value) or a non-detect ("<limit", left-censored), and the
// level it sits at. Pure.
#pragma once

#include <cstddef>
#include <limits>
#include <span>

#include "core/error.hpp"
#include "engines/stats/method_info.hpp"

namespace npgov::stats {

// One result. Detected: `value` is the measured concentration (> 0) and `limit` the
// detection/reporting limit of that analysis, NaN when unknown. Non-detect ("<limit"):
// `censored` is true, `limit` is the detection/reporting limit (> 0) and `value` is either NaN
// or equal to `limit`. Units are the caller's, the same for every observation of a sample.
struct Observation {
    double value = std::numeric_limits<double>::quiet_NaN();
    bool censored = false;
    double limit = std::numeric_limits<double>::quiet_NaN();
};

// The level an observation sits at: its value if detected, its limit if censored.
inline double LevelOf(const Observation& o) { return o.censored ? o.limit : o.value; }

// Checks every observation; the first bad one is reported with `row` = its 1-based index in
// `sample` and `field` "value" or "limit". kInvalidArgument reasons:
//   stats.empty_input               no observations
//   stats.value_not_finite          a detected value that is NaN or infinite
//   stats.negative_value            a negative value or limit
//   stats.zero_detect               a detected value of exactly 0 (a detect must be above 0)
//   stats.censored_without_limit    a non-detect whose limit is missing (NaN)
//   stats.limit_not_positive        a limit that is 0 or infinite
//   stats.censored_value_mismatch   a non-detect whose value is given and differs from its limit
Status ValidateObservations(std::span<const Observation> sample);

}  // namespace npgov::stats
