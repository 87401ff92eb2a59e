// PNEC from a species sensitivity distribution (SSD), applied only when the data suffice. Rules
// (EU TGD 2003 Part II 3.3.1.2, minimums in data/assess/pnec_factors.json "ssd"): long-term
// NOEC/EC10 values of at least 10 species (preferably more than 15) covering at least 8
// taxonomic groups; one value per species (geometric mean per endpoint, most sensitive
// endpoint); log-normal fit; HC5 median estimate with its two-sided 90 % interval (Aldenberg &
// Jaworska 2000, see ssd_fit.hpp); PNEC = HC5 / AF with AF between 1 and 5 (default 5).
// Otherwise a refusal naming what is missing. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/assess/derivation.hpp"
#include "engines/assess/pnec_factors.hpp"
#include "engines/assess/species_values.hpp"
#include "engines/assess/ssd_fit.hpp"

namespace npgov::assess {

inline constexpr std::string_view kSsdDerivationVersion = "1";
inline constexpr std::string_view kSsdMethod =
    "log-normal species sensitivity distribution; HC5 median estimate and 90 % interval by the non-central t "
    "(Aldenberg & Jaworska 2000); EU TGD 2003 Part II 3.3.1.2";

struct SsdParams {
    std::optional<double> assessment_factor;  // default: the factor file's ssd.af_default
};

// A species in the SSD, in ascending order of value.
struct SsdPoint {
    std::string species, taxon_group, endpoint;
    double value_ug_per_l = 0;
    double log10_value = 0;
    double plotting_position = 0;  // Hazen (i − 0.5)/n
    std::size_t records = 0;       // results combined into the value
};

struct SsdDerivation {
    std::string_view method = kSsdMethod;
    std::string_view version = kSsdDerivationVersion;
    std::vector<SsdPoint> points;
    std::vector<std::string> taxonomic_groups;  // distinct groups among the points
    double assessment_factor = 5;
    std::optional<NormalFit> fit;
    std::optional<HazardousConcentration> hc5;
    std::optional<double> hc5_ug_per_l, hc5_lower_ug_per_l, hc5_upper_ug_per_l, pnec_ug_per_l;
    std::optional<NormalityTest> goodness_of_fit;
    std::vector<CurvePoint> curve;  // log10 μg/L
    std::vector<DerivationStep> steps;
    std::vector<DataGap> missing;  // hard minimums not met, and named groups absent
    std::vector<DataGap> notes;    // fewer species than preferred, a doubtful fit
    // When the minimums are not met: kFailedPrecondition "assess.ssd_insufficient_data".
    std::optional<Error> refusal;
};

// Derives the SSD PNEC from long-term species values (groups with in_ssd only). Errors:
// kInvalidArgument "assess.ssd_factor" (field "ssd_factor") when params.assessment_factor lies
// outside the file's [af_min, af_max].
Result<SsdDerivation> DeriveSsdPnec(std::span<const SpeciesValue> long_term, const PnecFactors& factors,
                                    const SsdParams& params = {});

}  // namespace npgov::assess
