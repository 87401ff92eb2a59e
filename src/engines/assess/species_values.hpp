// One value per species, as the EU TGD (Part II 3.3.1.1) asks: several valid results for the
// same species and endpoint are combined by their geometric mean, and of a species' endpoints
// the most sensitive (lowest) is the species value. Done separately for short-term L(E)C50s
// and long-term NOEC/EC10s. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engines/assess/ecotox_record.hpp"

namespace npgov::assess {

// The geometric mean of one endpoint of one species.
struct EndpointMean {
    std::string endpoint;
    double geometric_mean_ug_per_l = 0;
    std::vector<double> values_ug_per_l;  // the records combined, in row order
    std::vector<long> rows;
};

struct SpeciesValue {
    std::string species;  // the spelling of its first record
    std::string taxon_group;
    std::optional<TrophicLevel> trophic_level;
    bool in_ssd = true;
    Exposure exposure = Exposure::kShortTerm;
    double value_ug_per_l = 0;  // the lowest endpoint mean
    std::string endpoint;       // the endpoint giving it
    std::vector<EndpointMean> endpoints;  // every endpoint of the species, lowest first
};

// Geometric mean of positive values, exp(mean of ln) as scipy.stats.gmean computes it (in long
// double here); requires a non-empty span of positive values.
double GeometricMean(std::span<const double> values);

// The species values of the usable records (no `excluded`) of the given exposure: L(E)C50s for
// kShortTerm, NOEC/EC10s for kLongTerm. Species in order of first appearance.
std::vector<SpeciesValue> ComputeSpeciesValues(std::span<const EcotoxRecord> records, Exposure exposure);

}  // namespace npgov::assess
