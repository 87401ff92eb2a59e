// The pieces the Mann-Kendall, seasonal Kendall and Sen-slope computations share: Kendall's
// score S with its tie-corrected variance (Kendall, M.G. 1975, Rank Correlation Methods, 4th
// ed., ch. 4; Gilbert, R.O. 1987, Statistical Methods for Environmental Pollution Monitoring,
// ch. 16), the exact null distribution without ties, and pairwise slopes. Pure.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engines/stats/trend_point.hpp"

namespace npgov::stats {

struct KendallScore {
    std::size_t n = 0;
    double s = 0;               // Σ_{i<j} sign(t_j − t_i) sign(x_j − x_i)
    double variance = 0;        // Var(S) under H0 with ties in values and in times
    double variance_sen = 0;    // Sen (1968) eq. 2.6: ties in each, no cross terms
    double value_tie_pairs = 0;  // Σ t(t − 1)/2 over groups of equal values
    double time_tie_pairs = 0;   // Σ u(u − 1)/2 over groups of equal times
};

// Returns S and its variances for `points`: Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5) −
// Σu(u−1)(2u+5)]/18 + Σt(t−1)(t−2)·Σu(u−1)(u−2) / [9n(n−1)(n−2)] + Σt(t−1)·Σu(u−1) / [2n(n−1)],
// t over groups of tied values and u over groups of tied times (Kendall 1975 ch. 4; the
// variance scipy.stats.kendalltau uses).
KendallScore ComputeKendallScore(std::span<const TrendPoint> points);

// Two-sided exact p-value of S without ties: 2·P(S' ≥ |S|) from the distribution of the
// number of discordant pairs (Kendall 1975 ch. 4; the recursion of scipy's _kendall_p_exact),
// clipped to 1. Requires n ≥ 1.
double KendallExactTwoSidedP(std::size_t n, double s);

// Slopes (x_j − x_i)/(t_j − t_i) over all pairs with t_j ≠ t_i, unsorted.
std::vector<double> PairwiseSlopes(std::span<const TrendPoint> points);

// The Sen (1968) / Gilbert (1987) ch. 16 confidence limits from sorted slopes: with
// C = z_{1−α/2} √var, M1 = (N − C)/2 and M2 = (N + C)/2, the limits are the M1-th and
// (M2 + 1)-th smallest slopes, indices rounded half to even and clipped to the slopes (as
// scipy.stats.theilslopes). Requires non-empty `sorted`.
void SenConfidenceLimits(std::span<const double> sorted, double variance, double confidence, double& lower,
                         double& upper);

}  // namespace npgov::stats
