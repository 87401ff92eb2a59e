// Amounts with units: tonnes of a substance used or emitted, and concentrations in water
// (per litre) and in soil, sediment or sludge (per dry mass). Conversion is explicit and only
// within one dimension; nothing converts between water and solids without a density.
#pragma once

#include <string_view>

#include "core/error.hpp"

namespace npgov {

enum class Unit {
    kTonne,
    kKilogram,
    kGram,
    kNanogramPerLitre,
    kMicrogramPerLitre,
    kMilligramPerLitre,
    kNanogramPerGram,
    kMicrogramPerKilogram,
    kMilligramPerKilogram,
};

enum class Dimension {
    kMass,                  // t, kg, g
    kAqueousConcentration,  // ng/L, μg/L, mg/L
    kSolidConcentration,    // ng/g, μg/kg, mg/kg
};

// Returns the dimension a unit measures.
Dimension DimensionOf(Unit unit);

// Returns the SI symbol: "t", "kg", "g", "ng/L", "μg/L" (Greek mu), "mg/L", "ng/g", "μg/kg",
// "mg/kg".
std::string_view Symbol(Unit unit);

// Parses a unit symbol or its Chinese name: "mg/L", "MG/L", "ug/L", "µg/L" (micro sign),
// "μg/L" (Greek mu), "吨", "千克"/"公斤", "克", "纳克/升", "微克/升", "毫克/升", "纳克/克",
// "微克/千克", "毫克/千克" (or "/公斤"), full-width forms, spaces ignored. ASCII letters match
// case-insensitively: no two units in this set differ only by case. Returns kInvalidArgument,
// field "unit", reason "unit.missing" (empty) or "unit.unknown"; rates such as "t/a" or
// "吨/年" are rejected as unknown with a message saying they are rates, not amounts.
Result<Unit> ParseUnit(std::string_view text);

// A value in a unit. Any double is representable, including negatives; callers that need a
// positive or finite amount check for it.
struct Quantity {
    double value = 0.0;
    Unit unit = Unit::kTonne;

    friend bool operator==(const Quantity&, const Quantity&) = default;
};

// Returns `quantity` expressed in `target`. Factors are powers of ten applied by a single
// multiplication or division, so 1 ng/g converts to exactly 1 μg/kg. Returns kInvalidArgument,
// field "unit", reason "unit.incompatible" if the dimensions differ.
Result<Quantity> ConvertTo(const Quantity& quantity, Unit target);

// Parses "12.5 mg/L", "12.5mg/L", "-3e-2 μg/kg", "1,234.5 吨", "１２３ t": a decimal number
// (optional sign, ',' thousands separators in groups of three, optional exponent) then a unit
// as ParseUnit accepts. Returns kInvalidArgument with reason "quantity.number" (field
// "quantity": empty, not a finite number, censored values such as "<0.5" or "ND") or a
// ParseUnit error.
Result<Quantity> ParseQuantity(std::string_view text);

}  // namespace npgov
