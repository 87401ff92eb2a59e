#include "engines/stats/observation.hpp"

#include <cmath>

namespace npgov::stats {

namespace {

Status Bad(std::string reason, std::string zh, std::string en, std::string field, std::size_t index) {
    Error e = MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field)).value();
    e.row = static_cast<long>(index + 1);
    return tl::unexpected(std::move(e));
}

}  // namespace

Status ValidateObservations(std::span<const Observation> sample) {
    if (sample.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "stats.empty_input", "没有可统计的结果",
                         "there are no results to summarise");
    }
    for (std::size_t i = 0; i < sample.size(); ++i) {
        const Observation& o = sample[i];
        if (!std::isnan(o.limit)) {
            if (o.limit < 0) return Bad("stats.negative_value", "检出限不能为负数", "a limit cannot be negative", "limit", i);
            if (o.limit == 0 || std::isinf(o.limit)) {
                return Bad("stats.limit_not_positive", "检出限必须是大于 0 的有限数", "a limit must be a finite number above 0",
                           "limit", i);
            }
        }
        if (o.censored) {
            if (std::isnan(o.limit)) {
                return Bad("stats.censored_without_limit", "未检出结果缺少检出限", "a non-detect has no detection limit",
                           "limit", i);
            }
            if (!std::isnan(o.value) && o.value != o.limit) {
                return Bad("stats.censored_value_mismatch", "未检出结果的数值与其检出限不一致",
                           "a non-detect's value differs from its limit", "value", i);
            }
            continue;
        }
        if (!std::isfinite(o.value)) {
            return Bad("stats.value_not_finite", "检出结果缺少有效数值", "a detected result has no finite value", "value", i);
        }
        if (o.value < 0) return Bad("stats.negative_value", "浓度不能为负数", "a concentration cannot be negative", "value", i);
        if (o.value == 0) {
            return Bad("stats.zero_detect", "检出结果的浓度必须大于 0", "a detected concentration must be above 0", "value", i);
        }
    }
    return Ok();
}

}  // namespace npgov::stats
