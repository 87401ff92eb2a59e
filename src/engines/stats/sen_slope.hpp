// Sen's slope: the median of all pairwise slopes (x_j − x_i)/(t_j − t_i) over pairs with
// t_j > t_i, with its confidence interval: Sen, P.K. (1968) "Estimates of the regression
// coefficient based on Kendall's tau", JASA 63:1379–1389, eq. 2.6; Gilbert, R.O. (1987)
// Statistical Methods for Environmental Pollution Monitoring, ch. 16. As
// scipy.stats.theilslopes (method="separate"): the limits are order statistics of the slopes
// chosen with Var(S) from Sen's eq. 2.6 (ties in values and in times, no cross terms), and
// intercept = median(x) − slope · median(t). Units: value units per time unit (per year when
// time is in decimal years). Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "engines/stats/method_info.hpp"
#include "engines/stats/trend_point.hpp"

namespace npgov::stats {

inline constexpr std::string_view kSenSlopeVersion = "1";

struct SenSlopeParams {
    double confidence = 0.95;  // two-sided, in (0, 1)
};

struct SenSlope {
    MethodInfo how;
    std::size_t n = 0;
    std::size_t slopes = 0;  // pairs with different times
    double slope = 0, intercept = 0;
    double lower = 0, upper = 0;  // confidence limits of the slope
    double confidence = 0.95;
};

// Returns the estimate; ValidateTrendPoints' errors (at least 2 points); kFailedPrecondition
// "stats.no_variation" when all times are equal; kInvalidArgument "stats.confidence" (field
// "confidence") when params.confidence is not in (0, 1).
Result<SenSlope> ComputeSenSlope(std::span<const TrendPoint> points, const SenSlopeParams& params = {});

}  // namespace npgov::stats
