#include "engines/stats/censored_summary.hpp"

namespace npgov::stats {

Result<CensoredSummary> SummarizeCensored(std::span<const Observation> sample, const CensoredSummaryParams& params) {
    NPGOV_ASSIGN_OR_RETURN(DetectionFrequency detection, ComputeDetectionFrequency(sample));
    NPGOV_ASSIGN_OR_RETURN(SubstitutionSummary substitution, ComputeHalfLimitSubstitution(sample));
    return CensoredSummary{std::move(detection), ComputeKaplanMeier(sample, params.kaplan_meier),
                           ComputeRos(sample, params.ros), std::move(substitution)};
}

}  // namespace npgov::stats
