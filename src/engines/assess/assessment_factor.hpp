// PNEC for the aquatic compartment by assessment factors. Method: EU Technical Guidance Document
// (2003) Part II 3.3.1.1, Table 16 and its notes (a)–(d); REACH Annex I 3.3 (AF 1000 on the lowest
// of three short-term L(E)C50s, AF 10 on the lowest of three long-term NOECs). The table row is
// chosen from the data present:
//   long-term NOEC/EC10s from three trophic levels            → 10 on the lowest NOEC (note d)
//   base set + long-term from two levels incl. the level of
//     the lowest L(E)C50                                       → 50 on the lower NOEC (note c)
//   base set + long-term from two levels not incl. it          → 100 on the lower NOEC (note b)
//   base set + one long-term (fish or invertebrate) from the
//     level of the lowest L(E)C50                              → 100 on that NOEC (note b)
//   base set + one long-term from another level (or algae)     → 1000 on the lowest L(E)C50, but
//                                                                not above that NOEC / 100 (note b)
//   base set only                                              → 1000 on the lowest L(E)C50
//   otherwise                                                  → refused, naming what is missing
// Pure.
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

namespace npgov::assess {

inline constexpr std::string_view kAssessmentFactorVersion = "1";
inline constexpr std::string_view kAssessmentFactorMethod =
    "assessment factors (EU TGD 2003 Part II 3.3.1.1, Table 16; REACH Annex I 3.3)";

// The species value a PNEC was derived from.
struct CriticalValue {
    std::string species, taxon_group, endpoint;
    std::optional<TrophicLevel> trophic_level;
    Exposure exposure = Exposure::kShortTerm;
    double value_ug_per_l = 0;
};

// The lowest short-term and long-term species value of one trophic level, if any.
struct LevelData {
    TrophicLevel level = TrophicLevel::kProducer;
    std::optional<SpeciesValue> short_term, long_term;
    std::size_t short_term_species = 0, long_term_species = 0;
};

struct AfDerivation {
    std::string_view method = kAssessmentFactorMethod;
    std::string_view version = kAssessmentFactorVersion;
    std::vector<LevelData> levels;   // producer, invertebrate, vertebrate
    std::optional<std::string> row;  // the table row applied (AfRow::id); nullopt when refused
    std::optional<double> factor;
    std::optional<CriticalValue> critical;
    std::optional<double> pnec_ug_per_l;
    std::vector<DerivationStep> steps;
    std::vector<DataGap> missing;
    // When no PNEC could be derived: kFailedPrecondition "assess.af_insufficient_data".
    std::optional<Error> refusal;
};

// Derives the PNEC from the species values (ComputeSpeciesValues) of both exposures. Species
// whose group has no trophic level (protozoa, bacteria) are listed in a step and not used.
AfDerivation DeriveAssessmentFactorPnec(std::span<const SpeciesValue> short_term, std::span<const SpeciesValue> long_term,
                                        const PnecFactors& factors);

}  // namespace npgov::assess
