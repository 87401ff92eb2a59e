// The "selected value" rule: of all values of one property of one substance (measured, entered
// estimates and estimates computed now), which one an assessment uses, and why — stated for the
// selected value and for every value set aside. Pure.
//
// Rule (npgov hazard selection version kSelectionVersion):
//  1. Never selected: values of reliability Klimisch 3 ("not reliable"), and computed estimates
//     outside their method's applicability domain. They are shown, with the reason.
//  2. A measured value beats any estimate.
//  3. Then the higher reliability: Klimisch 1, then 2, then 4 ("not assignable"); an estimate
//     without a stated reliability counts as 4.
//  4. Then the more recent source (source year; values without a year come last).
//  5. Then a value entered by a person beats one computed now; then the later recorded; then
//     the higher id (entered later).
// So an estimate never displaces a measured value: both are kept and shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/hazard/records.hpp"

namespace npgov::hazard {

inline constexpr std::string_view kSelectionVersion = "1";

struct RankedValue {
    PropertyValue value;
    bool eligible = true;  // false: rule 1
    bool selected = false;
    // For the selected value: why it wins (against the runner-up). For the others: why not
    // (the first rule the selected value beats it by, or why it is never selected).
    std::string why_zh;
    std::string why_en;
};

struct PropertySelection {
    PropertyKind property = PropertyKind::kWaterSolubility;
    std::vector<RankedValue> values;  // in rank order: the selected value first
    // Why this value (or "no data" / "no usable value"): one sentence each language.
    std::string reason_zh;
    std::string reason_en;

    // The selected value, or nullptr when the property is a data gap.
    const PropertyValue* selected() const;
};

// Ranks `candidates` (all of `property`) by the rule above.
PropertySelection SelectValue(PropertyKind property, std::vector<PropertyValue> candidates);

}  // namespace npgov::hazard
