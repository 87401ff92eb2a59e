#include "engines/stats/exceedance.hpp"

#include <algorithm>
#include <cmath>

namespace npgov::stats {

Result<Exceedance> ComputeExceedance(std::span<const Observation> sample, double threshold) {
    if (!std::isfinite(threshold) || threshold <= 0) {
        return MakeError(ErrorCode::kInvalidArgument, "stats.threshold_not_positive", "阈值（PNEC 或标准限值）必须是大于 0 的有限数",
                         "the threshold (PNEC or standard) must be a finite number above 0", "threshold");
    }
    NPGOV_RETURN_IF_ERROR(ValidateObservations(sample));
    Exceedance out;
    out.how = {"exceedance frequency and extent (NORMAN)", kExceedanceVersion, sample.size()};
    out.threshold = threshold;
    out.n = sample.size();
    double sum_ratio = 0;
    for (const Observation& o : sample) {
        if (o.censored) {
            (o.limit > threshold ? out.unknown : out.not_exceeding)++;
            continue;
        }
        const double ratio = o.value / threshold;
        out.max_ratio = std::max(out.max_ratio.value_or(0.0), ratio);
        if (o.value > threshold) {
            ++out.exceeding;
            sum_ratio += ratio;
        } else {
            ++out.not_exceeding;
        }
    }
    const auto n = static_cast<double>(out.n);
    out.frequency = static_cast<double>(out.exceeding) / n;
    out.frequency_upper = static_cast<double>(out.exceeding + out.unknown) / n;
    if (out.exceeding > 0) out.mean_exceedance_ratio = sum_ratio / static_cast<double>(out.exceeding);
    return out;
}

}  // namespace npgov::stats
