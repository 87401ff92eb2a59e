// Risk characterisation: compares an exposure concentration (PEC or MEC) with a PNEC.
// Method: RQ = exposure / PNEC in one unit; RQ < 1 acceptable, RQ ≥ 1 potential unacceptable
// risk (MEE 2019 framework guideline as read in the criteria file; EU TGD); finer bands from
// the factor file (< 0.1 low, 0.1–1 medium after Hernando et al. 2006, Talanta 69:334; 1–10
// high, ≥ 10 very high by project convention). Lower band bounds are inclusive. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/quantity.hpp"
#include "engines/assess/derivation.hpp"
#include "engines/assess/pnec_factors.hpp"

namespace npgov::assess {

inline constexpr std::string_view kRiskQuotientVersion = "1";

struct RiskQuotientInput {
    Quantity exposure;   // PEC or MEC; aqueous concentration, ≥ 0
    Quantity no_effect;  // PNEC; aqueous concentration, > 0
};

struct RiskQuotient {
    double rq = 0;
    bool acceptable = true;  // rq below the threshold (1)
    std::string band_id, band_zh, band_en;
    std::vector<std::string> band_sources;  // source ids of the band
    std::vector<DerivationStep> steps;
};

// Returns kInvalidArgument "assess.rq_input" (field "no_effect" or "exposure") if the PNEC is
// not positive, the exposure negative, either not finite or not an aqueous concentration.
Result<RiskQuotient> ComputeRiskQuotient(const RiskQuotientInput& input, const RiskRules& rules);

}  // namespace npgov::assess
