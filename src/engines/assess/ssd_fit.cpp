#include "engines/assess/ssd_fit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>

namespace npgov::assess {
namespace {

double Phi(double z) { return boost::math::cdf(boost::math::normal_distribution<double>(), z); }
double PhiUpper(double z) { return boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(), z)); }
double PhiInverse(double p) { return boost::math::quantile(boost::math::normal_distribution<double>(), p); }

// k = t'(gamma; n − 1, delta) / √n. The non-central t is the exact sampling distribution of
// √n·(mean − HCp)/sd for normal data (Owen 1962), so its quantiles give the limits of HCp.
double K(std::size_t n, double delta, double gamma) {
    const double root_n = std::sqrt(static_cast<double>(n));
    const boost::math::non_central_t_distribution<double> t(static_cast<double>(n - 1), delta);
    return boost::math::quantile(t, gamma) / root_n;
}

}  // namespace

Result<NormalFit> FitNormal(std::span<const double> log10_values) {
    if (log10_values.size() < 2) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.ssd_too_few", "拟合分布至少需要 2 个物种值",
                         "a distribution needs at least 2 species values");
    }
    NormalFit fit;
    fit.n = log10_values.size();
    long double sum = 0;
    for (double x : log10_values) sum += x;
    const long double mean = sum / static_cast<long double>(fit.n);
    long double ss = 0;
    for (double x : log10_values) ss += (x - mean) * (x - mean);
    fit.mean = static_cast<double>(mean);
    fit.sd = static_cast<double>(std::sqrt(ss / static_cast<long double>(fit.n - 1)));
    if (!(fit.sd > 0)) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.ssd_no_spread", "所有物种值相同，无法拟合分布",
                         "every species value is the same: no distribution can be fitted");
    }
    return fit;
}

ExtrapolationConstants ComputeExtrapolationConstants(std::size_t n, double fraction_affected, double interval) {
    NPGOV_CHECK(n >= 2 && fraction_affected > 0 && fraction_affected < 1 && interval > 0 && interval < 1);
    const double delta = -PhiInverse(fraction_affected) * std::sqrt(static_cast<double>(n));
    ExtrapolationConstants k;
    k.noncentrality = delta;
    k.lower_limit = K(n, delta, (1 + interval) / 2);
    k.median = K(n, delta, 0.5);
    k.upper_limit = K(n, delta, (1 - interval) / 2);
    return k;
}

HazardousConcentration ComputeHazardousConcentration(const NormalFit& fit, double fraction_affected, double interval) {
    HazardousConcentration hc;
    hc.fraction_affected = fraction_affected;
    hc.interval = interval;
    hc.k = ComputeExtrapolationConstants(fit.n, fraction_affected, interval);
    hc.log10_median = fit.mean - hc.k.median * fit.sd;
    hc.log10_lower = fit.mean - hc.k.lower_limit * fit.sd;
    hc.log10_upper = fit.mean - hc.k.upper_limit * fit.sd;
    return hc;
}

NormalityTest TestNormality(std::span<const double> log10_values, const NormalFit& fit,
                            std::span<const GofCriticalValue> critical, double significance) {
    NPGOV_CHECK(log10_values.size() == fit.n && fit.sd > 0);
    std::vector<double> z(log10_values.begin(), log10_values.end());
    std::sort(z.begin(), z.end());
    for (double& v : z) v = (v - fit.mean) / fit.sd;
    const std::size_t n = z.size();
    const double nd = static_cast<double>(n);
    double sum = 0, d_plus = 0, d_minus = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double weight = 2.0 * static_cast<double>(i + 1) - 1.0;
        sum += weight * (std::log(Phi(z[i])) + std::log(PhiUpper(z[n - 1 - i])));
        const double f = Phi(z[i]);
        d_plus = std::max(d_plus, static_cast<double>(i + 1) / nd - f);
        d_minus = std::max(d_minus, f - static_cast<double>(i) / nd);
    }
    NormalityTest t;
    t.anderson_darling = -nd - sum / nd;
    t.anderson_darling_modified = t.anderson_darling * (1 + 0.75 / nd + 2.25 / (nd * nd));
    t.significance = significance;
    for (const GofCriticalValue& c : critical) {
        if (c.significance == significance) t.critical_value = c.value;
    }
    NPGOV_CHECK(t.critical_value > 0);
    t.rejected = t.anderson_darling_modified > t.critical_value;
    t.kolmogorov_smirnov = std::max(d_plus, d_minus);
    return t;
}

std::vector<CurvePoint> ComputeSsdCurve(const NormalFit& fit, double interval, int points) {
    NPGOV_CHECK(points >= 2);
    std::vector<CurvePoint> curve;
    curve.reserve(static_cast<std::size_t>(points));
    for (int i = 0; i < points; ++i) {
        const double z = -2.4 + 4.8 * static_cast<double>(i) / static_cast<double>(points - 1);
        CurvePoint p;
        p.fraction = Phi(z);
        p.log10_fitted = fit.mean + z * fit.sd;
        const HazardousConcentration hc = ComputeHazardousConcentration(fit, p.fraction, interval);
        p.log10_median = hc.log10_median;
        p.log10_lower = hc.log10_lower;
        p.log10_upper = hc.log10_upper;
        curve.push_back(p);
    }
    return curve;
}

double HazenPosition(std::size_t i, std::size_t n) {
    NPGOV_CHECK(i >= 1 && i <= n);
    return (static_cast<double>(i) - 0.5) / static_cast<double>(n);
}

}  // namespace npgov::assess
