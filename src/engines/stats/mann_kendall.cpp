#include "engines/stats/mann_kendall.hpp"

#include <algorithm>
#include <cmath>

#include "engines/stats/descriptive.hpp"
#include "engines/stats/kendall_score.hpp"

namespace npgov::stats {

Result<MannKendall> ComputeMannKendall(std::span<const TrendPoint> points) {
    NPGOV_RETURN_IF_ERROR(ValidateTrendPoints(points, 3));
    const KendallScore score = ComputeKendallScore(points);
    const auto n = static_cast<double>(score.n);
    const double total_pairs = n * (n - 1) / 2;
    if (!(score.variance > 0) || score.value_tie_pairs >= total_pairs || score.time_tie_pairs >= total_pairs) {
        return MakeError(ErrorCode::kFailedPrecondition, "stats.no_variation", "数值或时间全部相同，无法做趋势检验",
                         "all values (or all times) are equal; there is no trend to test");
    }
    MannKendall out;
    out.how = {"mann-kendall (ties corrected)", kMannKendallVersion, points.size()};
    out.n = score.n;
    out.s = score.s;
    out.variance = score.variance;
    const double corrected = score.s > 0 ? score.s - 1 : score.s < 0 ? score.s + 1 : 0;
    out.z = corrected / std::sqrt(score.variance);
    out.p_normal = std::min(1.0, 2 * NormalUpperTail(std::abs(out.z)));
    if (score.value_tie_pairs == 0 && score.time_tie_pairs == 0 && score.n <= 33) {
        out.p_exact = KendallExactTwoSidedP(score.n, score.s);
    }
    out.p_value = out.p_exact.value_or(out.p_normal);
    out.tau = score.s / std::sqrt(total_pairs - score.value_tie_pairs) / std::sqrt(total_pairs - score.time_tie_pairs);
    out.tau = std::clamp(out.tau, -1.0, 1.0);
    return out;
}

}  // namespace npgov::stats
