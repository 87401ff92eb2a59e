#include "engines/stats/descriptive.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/distributions/normal.hpp>

#include "core/error.hpp"

namespace npgov::stats {

double Mean(std::span<const double> values) {
    NPGOV_CHECK(!values.empty());
    // Two-pass mean (sum, then the mean of the residuals) as R's mean.default does in long
    // double, so that results agree with R to the last digits.
    long double sum = 0;
    for (double v : values) sum += v;
    long double mean = sum / static_cast<long double>(values.size());
    long double correction = 0;
    for (double v : values) correction += static_cast<long double>(v) - mean;
    return static_cast<double>(mean + correction / static_cast<long double>(values.size()));
}

double SampleStandardDeviation(std::span<const double> values) {
    NPGOV_CHECK(!values.empty());
    if (values.size() == 1) return 0.0;
    const double mean = Mean(values);
    double sum_sq = 0;
    for (double v : values) sum_sq += (v - mean) * (v - mean);
    return std::sqrt(sum_sq / static_cast<double>(values.size() - 1));
}

double QuantileType7(std::span<const double> sorted, double p) {
    NPGOV_CHECK(!sorted.empty() && p >= 0 && p <= 1);
    // Written as R's quantile.default computes it (1-based index, (1 − h)·x[lo] + h·x[hi]),
    // so that the results agree with R to the last digit.
    const double index = 1 + static_cast<double>(sorted.size() - 1) * p;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double x_lo = sorted[static_cast<std::size_t>(lo) - 1];
    const double x_hi = sorted[static_cast<std::size_t>(hi) - 1];
    if (!(index > lo) || x_hi == x_lo) return x_lo;
    const double h = index - lo;
    return (1 - h) * x_lo + h * x_hi;
}

double MedianOfSorted(std::span<const double> sorted) {
    NPGOV_CHECK(!sorted.empty());
    const std::size_t n = sorted.size();
    // R's median: the middle value, or the mean of the two middle values.
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double Median(std::span<const double> values) {
    std::vector<double> copy(values.begin(), values.end());
    std::sort(copy.begin(), copy.end());
    return MedianOfSorted(copy);
}

double NormalQuantile(double p) {
    NPGOV_CHECK(p > 0 && p < 1);
    return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double NormalUpperTail(double z) {
    return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), z));
}

}  // namespace npgov::stats
