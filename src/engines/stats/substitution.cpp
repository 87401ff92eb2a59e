#include "engines/stats/substitution.hpp"

#include <vector>

#include "engines/stats/descriptive.hpp"

namespace npgov::stats {

Result<SubstitutionSummary> ComputeHalfLimitSubstitution(std::span<const Observation> sample) {
    NPGOV_RETURN_IF_ERROR(ValidateObservations(sample));
    SubstitutionSummary out;
    out.how = {"substitution LOD/2 (for comparison only)", kSubstitutionVersion, sample.size()};
    out.n = sample.size();
    std::vector<double> values;
    values.reserve(sample.size());
    for (const Observation& o : sample) {
        values.push_back(o.censored ? o.limit * 0.5 : o.value);
        out.substituted += o.censored ? 1 : 0;
    }
    out.mean = Mean(values);
    out.sd = SampleStandardDeviation(values);
    out.median = Median(values);
    return out;
}

}  // namespace npgov::stats
