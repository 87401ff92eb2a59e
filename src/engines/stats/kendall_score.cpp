#include "engines/stats/kendall_score.hpp"

#include <algorithm>
#include <cmath>

#include "engines/stats/descriptive.hpp"

namespace npgov::stats {

namespace {

struct TieSums {
    double pairs = 0;  // Σ t(t − 1)/2
    double a = 0;      // Σ t(t − 1)(2t + 5)
    double b = 0;      // Σ t(t − 1)(t − 2)
    double c = 0;      // Σ t(t − 1)
};

TieSums SumTies(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    TieSums sums;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i;
        while (j < values.size() && values[j] == values[i]) ++j;
        const auto t = static_cast<double>(j - i);
        sums.pairs += t * (t - 1) / 2;
        sums.a += t * (t - 1) * (2 * t + 5);
        sums.b += t * (t - 1) * (t - 2);
        sums.c += t * (t - 1);
        i = j;
    }
    return sums;
}

int Sign(double x) { return (x > 0) - (x < 0); }

}  // namespace

KendallScore ComputeKendallScore(std::span<const TrendPoint> points) {
    KendallScore out;
    out.n = points.size();
    long long s = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            s += Sign(points[j].time - points[i].time) * Sign(points[j].value - points[i].value);
        }
    }
    out.s = static_cast<double>(s);
    std::vector<double> times, values;
    for (const TrendPoint& p : points) {
        times.push_back(p.time);
        values.push_back(p.value);
    }
    const TieSums tv = SumTies(values), tt = SumTies(times);
    out.value_tie_pairs = tv.pairs;
    out.time_tie_pairs = tt.pairs;
    const auto n = static_cast<double>(out.n);
    out.variance_sen = (n * (n - 1) * (2 * n + 5) - tv.a - tt.a) / 18;
    out.variance = out.variance_sen;
    if (n > 1) out.variance += tv.c * tt.c / (2 * n * (n - 1));
    if (n > 2) out.variance += tv.b * tt.b / (9 * n * (n - 1) * (n - 2));
    return out;
}

double KendallExactTwoSidedP(std::size_t n, double s) {
    NPGOV_CHECK(n >= 1);
    if (n <= 2) return 1.0;
    const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
    // c = the smaller of concordant and discordant counts; S = concordant − discordant.
    const auto c = static_cast<std::size_t>(std::llround((pairs - std::abs(s)) / 2));
    if (4 * c == n * (n - 1)) return 1.0;
    // P(inversions ≤ c) for a random permutation of n: convolve the uniform distributions on
    // {0, …, j − 1}, j = 2 … n, keeping mass up to c (normalised at each step).
    std::vector<double> mass(c + 1, 0.0);
    mass[0] = 1.0;
    for (std::size_t j = 2; j <= n; ++j) {
        std::vector<double> next(c + 1, 0.0);
        double window = 0;  // Σ mass[k − j + 1 … k]
        for (std::size_t k = 0; k <= c; ++k) {
            window += mass[k];
            if (k >= j) window -= mass[k - j];
            next[k] = window / static_cast<double>(j);
        }
        mass.swap(next);
    }
    double tail = 0;
    for (double m : mass) tail += m;
    return std::min(1.0, 2 * tail);
}

std::vector<double> PairwiseSlopes(std::span<const TrendPoint> points) {
    std::vector<double> slopes;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = 0; j < points.size(); ++j) {
            // Each unordered pair once, as (later − earlier) / (later time − earlier time).
            if (points[j].time > points[i].time) {
                slopes.push_back((points[j].value - points[i].value) / (points[j].time - points[i].time));
            }
        }
    }
    return slopes;
}

void SenConfidenceLimits(std::span<const double> sorted, double variance, double confidence, double& lower,
                         double& upper) {
    NPGOV_CHECK(!sorted.empty() && confidence > 0 && confidence < 1);
    const double z = NormalQuantile(1 - (1 - confidence) / 2);
    const double c = z * std::sqrt(std::max(variance, 0.0));
    const auto nt = static_cast<double>(sorted.size());
    const auto last = static_cast<long long>(sorted.size()) - 1;
    // std::nearbyint rounds half to even in the default rounding mode, as numpy's round.
    const long long upper_index = std::min(static_cast<long long>(std::nearbyint((nt + c) / 2)), last);
    const long long lower_index = std::max(static_cast<long long>(std::nearbyint((nt - c) / 2)) - 1, 0LL);
    lower = sorted[static_cast<std::size_t>(std::min(lower_index, last))];
    upper = sorted[static_cast<std::size_t>(std::max(upper_index, 0LL))];
}

}  // namespace npgov::stats
