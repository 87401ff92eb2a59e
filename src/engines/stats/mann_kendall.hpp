// Mann-Kendall test for a monotonic trend in a series, ties corrected: Mann, H.B. (1945)
// Econometrica 13:245–259; Kendall, M.G. (1975) Rank Correlation Methods, 4th ed.; Gilbert,
// R.O. (1987) Statistical Methods for Environmental Pollution Monitoring, ch. 16.
//  - S = Σ_{i<j} sign(t_j − t_i)·sign(x_j − x_i); pairs at the same time count 0 (several
//    samples in one period, as Gilbert ch. 16 treats them).
//  - Var(S) with ties in values and in times (kendall_score.hpp), as scipy.stats.kendalltau.
//  - Z = (S − sign(S)) / √Var(S) (continuity correction, Gilbert ch. 16); p_normal = 2(1 − Φ(|Z|)).
//  - p_exact: without any ties and for n ≤ 33 (scipy.stats.kendalltau's rule for its
//    method='auto'), the exact two-sided p from the null distribution of S.
//  - p_value = p_exact where it exists, else p_normal.
//  - tau = Kendall's tau-b = S / √((N − n_x)(N − n_t)), N = n(n − 1)/2.
// Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "engines/stats/method_info.hpp"
#include "engines/stats/trend_point.hpp"

namespace npgov::stats {

inline constexpr std::string_view kMannKendallVersion = "1";

struct MannKendall {
    MethodInfo how;
    std::size_t n = 0;
    double s = 0, variance = 0, z = 0;
    double p_normal = 1;
    std::optional<double> p_exact;
    double p_value = 1;
    double tau = 0;
};

// Returns the test; ValidateTrendPoints' errors (at least 3 points); kFailedPrecondition
// "stats.no_variation" when Var(S) is 0 (every value, or every time, the same).
Result<MannKendall> ComputeMannKendall(std::span<const TrendPoint> points);

}  // namespace npgov::stats
