// The records the hazard module keeps per substance — property values, ecotoxicity endpoints and
// classifications — as entered (New…) and as stored, and the one validation each entry goes
// through, whether it comes from a CSV row or from the web app's form. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/hazard/estimates.hpp"
#include "modules/hazard/model.hpp"

namespace npgov::hazard {

// Text limits (bytes) of free-text fields.
inline constexpr std::size_t kMaxSourceBytes = 1000;
inline constexpr std::size_t kMaxNotesBytes = 2000;
inline constexpr std::size_t kMaxShortTextBytes = 200;

// What validation needs besides the entry: the current year (source years after it are refused).
struct ValidationContext {
    int this_year = 2100;
};

struct NewPropertyValue {
    PropertyKind property = PropertyKind::kWaterSolubility;
    Qualifier qualifier = Qualifier::kEqual;
    double value = 0;
    std::string unit;
    std::optional<double> temperature_c;
    Provenance provenance = Provenance::kMeasured;
    std::optional<int> reliability;  // Klimisch 1–4; required for measured values
    std::string source;              // citation; required for measured values
    std::optional<int> source_year;
    std::string method;          // test guideline (measured, optional) or estimation method (estimated, required)
    std::string method_version;  // estimated: required
    std::string inputs;          // estimated: required, e.g. "log Kow 3.2 (measured, Hansch 1995)"
    std::string notes;
};

// A property value, stored or computed now by estimates.hpp.
struct PropertyValue {
    std::int64_t id = 0;  // 0: computed by the estimates, not stored
    std::int64_t substance_id = 0;
    std::string cas;  // as the entry named the substance; "" for computed estimates
    NewPropertyValue entry;
    double normalised = 0;  // in CanonicalUnit(entry.property)
    std::optional<Estimate> estimate;  // computed values: the estimate behind them
    std::int64_t import_id = 0;        // 0: entered one by one
    long source_row = 0;
    std::string created_by;
    std::string created_at;  // ISO 8601 UTC; "" for computed estimates

    bool computed() const { return estimate.has_value(); }
    bool measured() const { return entry.provenance == Provenance::kMeasured; }
};

struct NewEcotox {
    std::string species;  // scientific name, e.g. "Daphnia magna"
    TaxonGroup taxon_group = TaxonGroup::kInvertebrate;
    std::optional<TrophicLevel> trophic_level;  // default: DefaultTrophicLevel(taxon_group)
    std::optional<Compartment> compartment;     // default: by group (soil organisms soil, sediment organisms
                                                // sediment, birds and mammals oral, others freshwater)
    Endpoint endpoint = Endpoint::kEc50;
    std::string effect;  // e.g. "immobilisation", "growth rate"
    Exposure exposure = Exposure::kAcute;
    double duration = 0;
    std::string duration_unit;  // "h" or "d"
    Qualifier qualifier = Qualifier::kEqual;
    double value = 0;
    std::string unit;  // ParseEffectUnit
    int reliability = 4;
    std::string source;
    std::optional<int> source_year;
    std::string guideline;  // e.g. "OECD 202"
    std::string notes;
};

struct EcotoxRecord {
    std::int64_t id = 0;
    std::int64_t substance_id = 0;
    std::string cas;
    NewEcotox entry;  // trophic_level and compartment filled in
    double duration_hours = 0;
    double normalised = 0;       // in normalised_unit
    std::string normalised_unit;  // "mg/L" (freshwater, marine) or "mg/kg"
    std::int64_t import_id = 0;
    long source_row = 0;
    std::string created_by;
    std::string created_at;
};

struct NewClassification {
    ClassificationKind kind = ClassificationKind::kCarcinogenic;
    std::string category;  // ParseCategory's normal form
    std::string source;
    std::optional<int> source_year;
    std::string notes;
};

struct ClassificationRecord {
    std::int64_t id = 0;
    std::int64_t substance_id = 0;
    std::string cas;
    NewClassification entry;
    std::int64_t import_id = 0;
    long source_row = 0;
    std::string created_by;
    std::string created_at;
};

// Checks an entry and returns its normalised value. Every problem is listed (field set):
// those of NormaliseValue; kInvalidArgument "hazard.temperature_required" (solubility, vapour
// pressure, Henry), "hazard.temperature_range" (below −100 or above 500 °C), "hazard.source_required",
// "hazard.reliability_required" (measured), "hazard.estimate_method_required" (estimated: method,
// method_version and inputs), "hazard.source_year", "hazard.text_too_long".
std::vector<Error> ValidateProperty(const NewPropertyValue& entry, const ValidationContext& context, double* normalised);

// Checks an ecotoxicity entry, fills in its defaults and returns every problem: "hazard.species_required",
// "hazard.value_range" (value not positive, duration not positive), those of DurationHours and
// ParseEffectUnit, "hazard.source_required", "hazard.reliability", "hazard.source_year",
// "hazard.text_too_long".
std::vector<Error> ValidateEcotox(NewEcotox& entry, const ValidationContext& context, EcotoxRecord* out);

// Checks a classification: the category for its kind (normalised in place), a source.
std::vector<Error> ValidateClassification(NewClassification& entry, const ValidationContext& context);

// The default compartment of a taxonomic group (see NewEcotox::compartment).
Compartment DefaultCompartment(TaxonGroup group);

}  // namespace npgov::hazard
