// Ecotoxicity records as typed (one row of a CSV or JSON import) and as checked: species,
// taxonomic group and its trophic level, endpoint, short- or long-term exposure, duration, the
// value normalised to μg/L, the Klimisch reliability score and the source. Records that no
// method may use (Klimisch 3–4, "> x" values, endpoints such as LOEC, a short-term NOEC) are
// kept with the reason, so that the report shows every row it was given. Pure.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "engines/assess/derivation.hpp"
#include "engines/assess/pnec_factors.hpp"

namespace npgov::assess {

// Short-term (acute) or long-term (chronic) exposure.
enum class Exposure { kShortTerm, kLongTerm };

// How the value was given: exact, or a bound ("> 100" from a limit test, "< 0.1").
enum class Qualifier { kExact, kGreaterThan, kLessThan };

// One record as typed; every field is text. `row` is the source row (CSV line, JSON index + 1).
struct EcotoxRow {
    long row = 0;
    std::string species, taxon_group, endpoint, duration, value, unit, reliability, source;
    std::string exposure;  // optional: acute/chronic, short-term/long-term, 急性/慢性; "" = infer
};

struct EcotoxRecord {
    long row = 0;
    std::string species;      // as typed, trimmed and inner spaces collapsed
    std::string species_key;  // ToMatchKey(species): "Lemna minor " and "lemna minor" agree
    std::string taxon_group;  // TaxonGroup::id
    std::optional<TrophicLevel> trophic_level;
    bool in_ssd = true;
    std::string endpoint;  // EndpointDef::id
    EndpointKind endpoint_kind = EndpointKind::kOther;
    Exposure exposure = Exposure::kShortTerm;
    bool exposure_inferred = false;  // from the endpoint: L(E)C50 short-term, NOEC/EC10 long-term
    std::optional<double> duration_hours;
    std::string duration;  // as typed
    Qualifier qualifier = Qualifier::kExact;
    double value_ug_per_l = 0;          // normalised; > 0
    double value_as_given = 0;          // in `unit_as_given`
    std::string unit_as_given;          // core Symbol of the parsed unit, e.g. "mg/L"
    int reliability = 0;                // Klimisch 1–4 as given, 0 when not given
    int reliability_applied = 0;        // the score used (a missing score counts as the file's missing_score)
    std::string source;
    std::optional<Exclusion> excluded;  // set when no method may use the record
};

struct EcotoxParse {
    std::vector<EcotoxRecord> records;  // every row that parsed, used or excluded
    std::vector<Error> errors;          // every bad cell, each with row and field
};

// Checks and normalises every row; a row with a bad cell goes to `errors` (all of them, in row
// order) and not to `records`. Errors are kInvalidArgument with `row` and `field` set:
//   assess.species_missing     species is empty
//   assess.taxon_group         taxon_group empty or not a known group or alias
//   assess.species_group       the same species given two different groups
//   assess.endpoint            endpoint empty or unknown
//   assess.exposure            exposure not acute/chronic (or their synonyms)
//   assess.duration            duration given but not "<number> <h|d|w|min>" (or 小时/天/周)
//   assess.value               not a number (after an optional >, ≥, <, ≤)
//   assess.value_not_positive  zero or negative
//   assess.unit                not ng/L, μg/L, mg/L (or g/L); solids and masses refused
//   assess.reliability         not 1–4 (a blank cell is allowed: "not given")
// An empty `rows` gives kInvalidArgument "assess.no_records" (field "records").
EcotoxParse ParseEcotoxRows(std::span<const EcotoxRow> rows, const PnecFactors& factors);

// Parses a duration: "96 h", "96h", "21 d", "21 days", "2 weeks", "30 min", "96小时", "21天",
// "4周"; returns hours, or nullopt if the text is not one.
std::optional<double> ParseDurationHours(std::string_view text);

// "short-term" / "long-term" and "短期" / "长期".
std::string_view ToId(Exposure exposure);
std::string ExposureZh(Exposure exposure);

}  // namespace npgov::assess
