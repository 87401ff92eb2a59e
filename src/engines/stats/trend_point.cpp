#include "engines/stats/trend_point.hpp"

#include <cmath>
#include <string>

namespace npgov::stats {

Status ValidateTrendPoints(std::span<const TrendPoint> points, std::size_t min_points) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        const bool time_ok = std::isfinite(points[i].time);
        if (time_ok && std::isfinite(points[i].value)) continue;
        Error e = time_ok ? MakeError(ErrorCode::kInvalidArgument, "stats.value_not_finite", "数值缺失或无效",
                                      "a value is missing or not a finite number", "value").value()
                          : MakeError(ErrorCode::kInvalidArgument, "stats.time_not_finite", "时间缺失或无效",
                                      "a time is missing or not a finite number", "time").value();
        e.row = static_cast<long>(i + 1);
        return tl::unexpected(std::move(e));
    }
    if (points.size() < min_points) {
        const std::string have = std::to_string(points.size()), need = std::to_string(min_points);
        return MakeError(ErrorCode::kFailedPrecondition, "stats.too_few_points",
                         "数据点过少（" + have + " 个，至少需要 " + need + " 个），无法做趋势检验",
                         "too few points (" + have + "; at least " + need + " needed) for a trend test");
    }
    return Ok();
}

}  // namespace npgov::stats
