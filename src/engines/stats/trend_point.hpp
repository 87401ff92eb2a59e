// Inputs of the trend methods: one value at one time (decimal years, so slopes are per year),
// optionally in a season (e.g. quarter 1–4). Pure.
#pragma once

#include <cstddef>
#include <span>

#include "core/error.hpp"

namespace npgov::stats {

struct TrendPoint {
    double time = 0;   // decimal year, e.g. 2023.5
    double value = 0;  // any finite number (trends are not restricted to concentrations)
    int season = 0;    // season label as an integer; used by the seasonal Kendall test only
};

// Checks that every time and value is finite and that there are at least `min_points`
// points. kInvalidArgument "stats.time_not_finite" / "stats.value_not_finite" (row = 1-based
// index, field "time"/"value"); kFailedPrecondition "stats.too_few_points".
Status ValidateTrendPoints(std::span<const TrendPoint> points, std::size_t min_points);

}  // namespace npgov::stats
