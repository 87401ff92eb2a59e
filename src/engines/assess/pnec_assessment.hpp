// The whole PNEC assessment of one substance's ecotoxicity records: species values for both
// exposures, then both methods side by side — assessment factors (assessment_factor.hpp) and
// the species sensitivity distribution (ssd_derivation.hpp) — each with its steps, gaps and,
// where the data do not allow it, a refusal. Which PNEC to adopt stays the assessor's choice;
// `lowest` names the lower of those derived, the cautious default. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/assess/assessment_factor.hpp"
#include "engines/assess/ecotox_record.hpp"
#include "engines/assess/species_values.hpp"
#include "engines/assess/ssd_derivation.hpp"

namespace npgov::assess {

inline constexpr std::string_view kPnecAssessmentVersion = "1";

struct PnecParams {
    SsdParams ssd;
};

struct PnecAssessment {
    std::string_view version = kPnecAssessmentVersion;
    std::string factors_id, factors_version;  // the parameter file used
    std::vector<EcotoxRecord> records;        // every record, excluded ones with their reason
    std::size_t used_records = 0;
    std::vector<SpeciesValue> short_term, long_term;
    AfDerivation assessment_factor;
    SsdDerivation ssd;
    std::optional<std::string> lowest;  // "assessment_factor" | "ssd" | nullopt (neither derived)
};

// Runs both methods on `records` (from ParseEcotoxRows). Errors: DeriveSsdPnec's
// "assess.ssd_factor"; kInvalidArgument "assess.no_records" when `records` is empty.
Result<PnecAssessment> AssessPnec(std::vector<EcotoxRecord> records, const PnecFactors& factors,
                                  const PnecParams& params = {});

}  // namespace npgov::assess
