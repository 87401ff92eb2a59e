#include "engines/stats/detection_frequency.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace npgov::stats {

Result<DetectionFrequency> ComputeDetectionFrequency(std::span<const Observation> sample) {
    NPGOV_RETURN_IF_ERROR(ValidateObservations(sample));
    DetectionFrequency out;
    out.how = {"detection-frequency", kDetectionFrequencyVersion, sample.size()};
    out.n = sample.size();
    std::vector<double> limits;
    for (const Observation& o : sample) {
        if (o.censored) {
            limits.push_back(o.limit);
        } else {
            ++out.detects;
        }
    }
    out.nondetects = limits.size();
    out.frequency = static_cast<double>(out.detects) / static_cast<double>(out.n);
    std::sort(limits.begin(), limits.end());
    out.distinct_limits = static_cast<std::size_t>(std::unique(limits.begin(), limits.end()) - limits.begin());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    out.min_limit = limits.empty() ? nan : limits.front();
    out.max_limit = limits.empty() ? nan : limits.back();
    return out;
}

}  // namespace npgov::stats
