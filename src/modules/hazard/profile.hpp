// A substance's hazard profile: every property with its values and the selected one (and why),
// the estimates computed from its structure and selected values (including the refused ones,
// with the reason), its ecotoxicity endpoints and its classifications. This is what the
// screening and assessment read: HazardProfile::selected(kind) is the value to use, or nullptr
// for a data gap. Pure: built from stored records and the structure's facts.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "modules/hazard/estimates.hpp"
#include "modules/hazard/records.hpp"
#include "modules/hazard/selection.hpp"

namespace npgov::hazard {

struct HazardProfile {
    std::int64_t substance_id = 0;
    std::vector<PropertySelection> properties;  // one per AllProperties(), in that order
    std::vector<Estimate> estimates;            // computed now, in order of computation
    std::vector<EcotoxRecord> ecotox;           // by taxon group, species, endpoint, duration
    std::vector<ClassificationRecord> classifications;  // by kind, then source year (newest first)
    std::string selection_version;              // kSelectionVersion
    std::string estimates_version;              // kEstimatesVersion

    // The selected value of `kind`, or nullptr (data gap).
    const PropertyValue* selected(PropertyKind kind) const;
    const PropertySelection& property(PropertyKind kind) const;
    // Properties without a selected value.
    std::vector<PropertyKind> gaps() const;
    // Classifications of `kind`.
    std::vector<const ClassificationRecord*> classified(ClassificationKind kind) const;
};

// Builds the profile: computes the estimates in dependency order (molar mass and log Kow from
// the structure; BCF and Koc from the selected log Kow; Henry's constant from the selected
// vapour pressure and solubility when both are measured, with the selected molar mass) and
// selects a value per property. `facts` absent: the substance's structure could not be read,
// so no structure-based estimate is made. Stored values of other substances are ignored.
HazardProfile BuildProfile(std::int64_t substance_id, std::vector<PropertyValue> stored,
                           const std::optional<StructureFacts>& facts, std::vector<EcotoxRecord> ecotox,
                           std::vector<ClassificationRecord> classifications);

}  // namespace npgov::hazard
