#include "engines/stats/seasonal_kendall.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engines/stats/descriptive.hpp"
#include "engines/stats/kendall_score.hpp"

namespace npgov::stats {

Result<SeasonalKendall> ComputeSeasonalKendall(std::span<const TrendPoint> points, const SeasonalKendallParams& params) {
    if (!(params.confidence > 0 && params.confidence < 1)) {
        return MakeError(ErrorCode::kInvalidArgument, "stats.confidence", "置信水平必须在 0 与 1 之间",
                         "the confidence level must lie between 0 and 1", "confidence");
    }
    NPGOV_RETURN_IF_ERROR(ValidateTrendPoints(points, 3));
    std::map<int, std::vector<TrendPoint>> by_season;
    for (const TrendPoint& p : points) by_season[p.season].push_back(p);

    SeasonalKendall out;
    out.how = {"seasonal kendall (Hirsch, Slack & Smith 1982)", kSeasonalKendallVersion, points.size()};
    out.n = points.size();
    out.confidence = params.confidence;
    std::vector<double> slopes;
    double variance_sen = 0;
    for (const auto& [season, season_points] : by_season) {
        if (season_points.size() < 2) continue;
        const KendallScore score = ComputeKendallScore(season_points);
        out.seasons.push_back({season, score.n, score.s, score.variance});
        out.s += score.s;
        out.variance += score.variance;
        variance_sen += score.variance_sen;
        const std::vector<double> season_slopes = PairwiseSlopes(season_points);
        slopes.insert(slopes.end(), season_slopes.begin(), season_slopes.end());
    }
    if (!(out.variance > 0) || slopes.empty()) {
        return MakeError(ErrorCode::kFailedPrecondition, "stats.no_variation",
                         "各季节内的数值或时间没有变化，无法做季节性趋势检验",
                         "no season has values that vary over time; there is no seasonal trend to test");
    }
    const double corrected = out.s > 0 ? out.s - 1 : out.s < 0 ? out.s + 1 : 0;
    out.z = corrected / std::sqrt(out.variance);
    out.p_value = std::min(1.0, 2 * NormalUpperTail(std::abs(out.z)));
    std::sort(slopes.begin(), slopes.end());
    out.slope = MedianOfSorted(slopes);
    SenConfidenceLimits(slopes, variance_sen, params.confidence, out.lower, out.upper);
    return out;
}

}  // namespace npgov::stats
