// Seasonal Kendall test and seasonal Sen slope for data with a seasonal cycle (quarterly
// monitoring): Hirsch, R.M., Slack, J.R. & Smith, R.A. (1982) "Techniques of trend analysis for
// monthly water quality data", Water Resources Research 18(1):107–121; Gilbert, R.O. (1987)
// ch. 17.
//  - per season k: S_k and Var(S_k) as the Mann-Kendall test (mann_kendall.hpp), ties corrected;
//  - S = Σ S_k, Var(S) = Σ Var(S_k) (seasons independent: no correction for serial correlation,
//    Hirsch & Slack 1984); Z = (S − sign(S)) / √Var(S); p = 2(1 − Φ(|Z|));
//  - slope = median of the pairwise slopes within each season, pooled over seasons (Hirsch et
//    al. 1982); its confidence limits as in Gilbert ch. 17: the ch. 16 procedure on the pooled
//    slopes with Var = Σ over seasons of Sen's eq. 2.6 variance.
// A season with fewer than 2 points contributes nothing. Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "engines/stats/method_info.hpp"
#include "engines/stats/trend_point.hpp"

namespace npgov::stats {

inline constexpr std::string_view kSeasonalKendallVersion = "1";

struct SeasonalKendallParams {
    double confidence = 0.95;  // of the slope's limits, two-sided, in (0, 1)
};

struct SeasonComponent {
    int season = 0;
    std::size_t n = 0;
    double s = 0, variance = 0;
};

struct SeasonalKendall {
    MethodInfo how;
    std::size_t n = 0;
    double s = 0, variance = 0, z = 0, p_value = 1;
    double slope = 0, lower = 0, upper = 0;
    double confidence = 0.95;
    std::vector<SeasonComponent> seasons;  // ascending by season
};

// Returns the test; ValidateTrendPoints' errors (at least 3 points); kFailedPrecondition
// "stats.no_variation" when Var(S) is 0 or no season has two points at different times;
// kInvalidArgument "stats.confidence".
Result<SeasonalKendall> ComputeSeasonalKendall(std::span<const TrendPoint> points,
                                               const SeasonalKendallParams& params = {});

}  // namespace npgov::stats
