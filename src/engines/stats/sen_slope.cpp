#include "engines/stats/sen_slope.hpp"

#include <algorithm>
#include <vector>

#include "engines/stats/descriptive.hpp"
#include "engines/stats/kendall_score.hpp"

namespace npgov::stats {

Result<SenSlope> ComputeSenSlope(std::span<const TrendPoint> points, const SenSlopeParams& params) {
    if (!(params.confidence > 0 && params.confidence < 1)) {
        return MakeError(ErrorCode::kInvalidArgument, "stats.confidence", "置信水平必须在 0 与 1 之间",
                         "the confidence level must lie between 0 and 1", "confidence");
    }
    NPGOV_RETURN_IF_ERROR(ValidateTrendPoints(points, 2));
    std::vector<double> slopes = PairwiseSlopes(points);
    if (slopes.empty()) {
        return MakeError(ErrorCode::kFailedPrecondition, "stats.no_variation", "所有数据点的时间相同，无法估计斜率",
                         "all points have the same time; there is no slope to estimate");
    }
    std::sort(slopes.begin(), slopes.end());
    SenSlope out;
    out.how = {"sen slope (Sen 1968; Gilbert 1987 ch. 16)", kSenSlopeVersion, points.size()};
    out.n = points.size();
    out.slopes = slopes.size();
    out.confidence = params.confidence;
    out.slope = MedianOfSorted(slopes);
    std::vector<double> times, values;
    for (const TrendPoint& p : points) {
        times.push_back(p.time);
        values.push_back(p.value);
    }
    out.intercept = Median(values) - out.slope * Median(times);
    SenConfidenceLimits(slopes, ComputeKendallScore(points).variance_sen, params.confidence, out.lower, out.upper);
    return out;
}

}  // namespace npgov::stats
