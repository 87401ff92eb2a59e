// The statistics of a log-normal species sensitivity distribution (SSD): the normal fit of
// log10 species values (mean, SD with divisor n − 1), the hazardous concentration HCp with its
// confidence limits, goodness of fit, and the curve for a chart. Pure; Boost.Math underneath.
//
// Method (Aldenberg & Jaworska 2000, Ecotoxicol Environ Saf 46:1–18; ETX 2.0, RIVM report
// 601501028): log10 HCp = mean − k·sd with k = t'(γ; n − 1, δ)/√n, t' the quantile of the
// non-central t distribution with n − 1 degrees of freedom and non-centrality δ = −Φ⁻¹(p)·√n.
// γ = 0.5 gives the median estimate; γ = 0.95 and 0.05 the lower and upper limits of the
// two-sided 90 % interval (the lower limit is the one-sided lower tolerance limit of the normal
// distribution, Owen 1962).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/assess/pnec_factors.hpp"

namespace npgov::assess {

inline constexpr std::string_view kSsdVersion = "1";

struct NormalFit {
    std::size_t n = 0;
    double mean = 0;  // of log10 concentrations
    double sd = 0;    // sample standard deviation (divisor n − 1)
};

// Fits the normal distribution to log10 values. kInvalidArgument "assess.ssd_too_few" below two
// values, "assess.ssd_no_spread" when every value is the same (sd = 0).
Result<NormalFit> FitNormal(std::span<const double> log10_values);

// Extrapolation constants k for HCp; larger k, lower concentration.
struct ExtrapolationConstants {
    double lower_limit = 0;  // k at confidence (1 + interval)/2: the lower confidence limit of HCp
    double median = 0;       // k at 0.5: the median estimate
    double upper_limit = 0;  // k at (1 − interval)/2: the upper confidence limit
    double noncentrality = 0;  // δ = −Φ⁻¹(fraction affected)·√n
};

// Requires n ≥ 2, 0 < fraction_affected < 1, 0 < interval < 1.
ExtrapolationConstants ComputeExtrapolationConstants(std::size_t n, double fraction_affected, double interval);

// HCp in log10 units: mean − k·sd for each constant.
struct HazardousConcentration {
    double fraction_affected = 0.05;
    double interval = 0.90;
    ExtrapolationConstants k;
    double log10_median = 0, log10_lower = 0, log10_upper = 0;
};
HazardousConcentration ComputeHazardousConcentration(const NormalFit& fit, double fraction_affected, double interval);

// Anderson-Darling A² (mean and sd estimated, as scipy.stats.anderson computes it), Stephens'
// modified A*² = A²(1 + 0.75/n + 2.25/n²) judged against `critical` at `significance`
// (D'Agostino & Stephens 1986, Table 4.7), and the Kolmogorov-Smirnov distance D from the
// fitted normal (descriptive only: its usual p-value does not hold with estimated parameters).
struct NormalityTest {
    double anderson_darling = 0;
    double anderson_darling_modified = 0;
    double critical_value = 0;
    double significance = 0.05;
    bool rejected = false;  // modified A² above the critical value: the log-normal fit is doubtful
    double kolmogorov_smirnov = 0;
};
NormalityTest TestNormality(std::span<const double> log10_values, const NormalFit& fit,
                            std::span<const GofCriticalValue> critical, double significance);

// A point of the SSD chart at `fraction` affected: the fitted curve (mean + z·sd) and the median,
// lower and upper limits of HC(fraction), all log10 concentrations.
struct CurvePoint {
    double fraction = 0;
    double log10_fitted = 0, log10_median = 0, log10_lower = 0, log10_upper = 0;
};
// `points` fractions Φ(z) for z evenly spaced over [−2.4, 2.4] (0.8 % to 99.2 %); points ≥ 2.
std::vector<CurvePoint> ComputeSsdCurve(const NormalFit& fit, double interval, int points = 41);

// Hazen plotting position (i − 0.5)/n of the i-th smallest of n values (1-based i).
double HazenPosition(std::size_t i, std::size_t n);

}  // namespace npgov::assess
