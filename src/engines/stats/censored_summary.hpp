// One call for the summary table of a sample with non-detects: detection frequency, Kaplan-Meier
// and ROS estimates (each either a result or its refusal), and the LOD/2 substitution shown
// only for comparison. What the CLI, the API and reports print per site and substance. Pure.
#pragma once

#include <span>

#include "engines/stats/detection_frequency.hpp"
#include "engines/stats/kaplan_meier.hpp"
#include "engines/stats/observation.hpp"
#include "engines/stats/ros.hpp"
#include "engines/stats/substitution.hpp"

namespace npgov::stats {

struct CensoredSummaryParams {
    KaplanMeierParams kaplan_meier;
    RosParams ros;
};

struct CensoredSummary {
    DetectionFrequency detection;
    Result<KaplanMeierSummary> kaplan_meier;  // or its refusal (e.g. stats.too_few_detects)
    Result<RosResult> ros;                    // or its refusal
    SubstitutionSummary substitution;         // for comparison only
};

// Returns the summary, or ValidateObservations' error when the sample itself is bad.
Result<CensoredSummary> SummarizeCensored(std::span<const Observation> sample,
                                          const CensoredSummaryParams& params = {});

}  // namespace npgov::stats
