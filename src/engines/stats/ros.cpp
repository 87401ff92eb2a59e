#include "engines/stats/ros.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "engines/stats/descriptive.hpp"

namespace npgov::stats {

namespace {

// Helsel & Cohn plotting positions for `values` (ascending by level, ties keep input order),
// returned in the same order.
std::vector<double> HelselCohnPlottingPositions(const std::vector<RosValue>& values) {
    const std::size_t n = values.size();
    std::vector<double> pp(n);
    std::vector<double> limits;
    for (const RosValue& v : values) {
        if (v.censored) limits.push_back(v.limit);
    }
    if (limits.empty()) {
        // R's ppoints(n).
        const double a = n <= 10 ? 3.0 / 8.0 : 0.5;
        for (std::size_t i = 0; i < n; ++i) pp[i] = (static_cast<double>(i + 1) - a) / (static_cast<double>(n) + 1 - 2 * a);
        return pp;
    }
    limits.erase(std::unique(limits.begin(), limits.end()), limits.end());  // ascending already
    bool detect_below_first = false;
    for (const RosValue& v : values) detect_below_first |= !v.censored && v.value < limits.front();
    if (detect_below_first) limits.insert(limits.begin(), 0.0);
    const std::size_t m = limits.size();

    std::vector<double> a(m, 0), b(m, 0), c(m, 0), pe(m + 1, 0);
    for (std::size_t j = 0; j < m; ++j) {
        const double lo = limits[j];
        const double hi = j + 1 < m ? limits[j + 1] : HUGE_VAL;
        for (const RosValue& v : values) {
            if (!v.censored) {
                a[j] += (v.value >= lo && v.value < hi) ? 1 : 0;
                b[j] += v.value < lo ? 1 : 0;
            } else {
                b[j] += v.limit <= lo ? 1 : 0;
                c[j] += v.limit == lo ? 1 : 0;
            }
        }
    }
    for (std::size_t j = m; j-- > 0;) {
        // A_j + B_j > 0 always: limits come from non-detects (B_j ≥ C_j ≥ 1) or the 0 limit
        // exists because a detect lies in [0, DL_1) (A_j ≥ 1).
        pe[j] = pe[j + 1] + (a[j] / (a[j] + b[j])) * (1 - pe[j + 1]);
    }
    // Ranks within each limit's detects and non-detects, in ascending order of the values.
    std::vector<double> rank_detect(m, 0), rank_censored(m, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const RosValue& v = values[i];
        const double level = v.censored ? v.limit : v.value;
        // The limit interval holding this level: the last j with limits[j] ≤ level.
        const std::size_t j =
            static_cast<std::size_t>(std::upper_bound(limits.begin(), limits.end(), level) - limits.begin()) - 1;
        if (v.censored) {
            pp[i] = (1 - pe[j]) * ++rank_censored[j] / (c[j] + 1);
        } else {
            pp[i] = (1 - pe[j]) + (pe[j] - pe[j + 1]) * ++rank_detect[j] / (a[j] + 1);
        }
    }
    return pp;
}

}  // namespace

Result<RosResult> ComputeRos(std::span<const Observation> sample, const RosParams& params) {
    NPGOV_RETURN_IF_ERROR(ValidateObservations(sample));
    std::size_t detects = 0;
    double max_detect = 0;
    for (const Observation& o : sample) {
        if (!o.censored) {
            ++detects;
            max_detect = std::max(max_detect, o.value);
        }
    }
    if (detects < params.min_detects) {
        const std::string counts = std::to_string(detects) + " / " + std::to_string(sample.size());
        const std::string need = std::to_string(params.min_detects);
        return MakeError(ErrorCode::kFailedPrecondition, "stats.too_few_detects",
                         "检出结果过少（检出 " + counts + "，至少需要 " + need + " 个），无法用 ROS 法估计",
                         "too few detected results (" + counts + " detected; at least " + need +
                             " needed) for regression on order statistics");
    }
    RosResult out;
    out.detects = detects;
    for (const Observation& o : sample) {
        if (o.censored && o.limit > max_detect) {
            ++out.dropped;
            continue;
        }
        out.values.push_back({LevelOf(o), o.censored, o.censored ? o.limit : 0.0, 0.0});
    }
    std::stable_sort(out.values.begin(), out.values.end(),
                     [](const RosValue& x, const RosValue& y) { return x.value < y.value; });
    out.n = out.values.size();
    out.how = {"robust regression on order statistics (Helsel-Cohn, NADA ros)", kRosVersion, sample.size()};

    const std::vector<double> pp = HelselCohnPlottingPositions(out.values);
    // Least squares of ln(x) on z over the detects.
    double sum_z = 0, sum_y = 0;
    for (std::size_t i = 0; i < out.n; ++i) {
        out.values[i].plotting_position = pp[i];
        if (!out.values[i].censored) {
            sum_z += NormalQuantile(pp[i]);
            sum_y += std::log(out.values[i].value);
        }
    }
    const auto d = static_cast<double>(detects);
    const double mean_z = sum_z / d, mean_y = sum_y / d;
    double szz = 0, szy = 0;
    for (std::size_t i = 0; i < out.n; ++i) {
        if (out.values[i].censored) continue;
        const double dz = NormalQuantile(pp[i]) - mean_z;
        szz += dz * dz;
        szy += dz * (std::log(out.values[i].value) - mean_y);
    }
    out.slope = szz > 0 ? szy / szz : 0.0;
    out.intercept = mean_y - out.slope * mean_z;

    std::vector<double> modelled(out.n);
    for (std::size_t i = 0; i < out.n; ++i) {
        RosValue& v = out.values[i];
        if (v.censored) v.value = std::exp(out.intercept + out.slope * NormalQuantile(v.plotting_position));
        modelled[i] = v.value;
    }
    out.mean = Mean(modelled);
    out.sd = SampleStandardDeviation(modelled);
    std::sort(modelled.begin(), modelled.end());
    out.median = MedianOfSorted(modelled);
    out.p90 = QuantileType7(modelled, 0.90);
    out.p95 = QuantileType7(modelled, 0.95);
    return out;
}

}  // namespace npgov::stats
