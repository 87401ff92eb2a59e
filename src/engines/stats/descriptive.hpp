// Plain descriptive statistics used by the censored-data and trend methods. Pure.
#pragma once

#include <span>

namespace npgov::stats {

// Arithmetic mean; requires a non-empty span.
double Mean(std::span<const double> values);

// Sample standard deviation (divisor n − 1, as R's sd); 0 for a single value.
double SampleStandardDeviation(std::span<const double> values);

// Quantile of ascending `sorted` values at probability p in [0, 1] by Hyndman & Fan (1996)
// definition 7, R's default `quantile(type = 7)`: h = (n − 1)p, linear interpolation between
// the order statistics around h. p = 0.5 is R's `median`. Requires a non-empty span.
double QuantileType7(std::span<const double> sorted, double p);

// Median of ascending `sorted` values (QuantileType7 at 0.5).
double MedianOfSorted(std::span<const double> sorted);

// Median of unsorted values (copies and partially sorts them).
double Median(std::span<const double> values);

// The standard normal distribution (Boost.Math underneath): the quantile Φ⁻¹(p) for p in
// (0, 1), and the upper tail 1 − Φ(z) computed without cancellation.
double NormalQuantile(double p);
double NormalUpperTail(double z);

}  // namespace npgov::stats
