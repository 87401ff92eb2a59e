// Unit symbols and prefixes per the SI Brochure (BIPM, 9th ed., 2019) and GB 3100-1993; the
// litre may be written L or l. Conversion factors are exact powers of ten.
#include "core/quantity.hpp"

#include <array>
#include <ostream>

#include <gtest/gtest.h>

namespace npgov {

// Readable failure output for gtest (found by argument-dependent lookup).
void PrintTo(const Quantity& quantity, std::ostream* out) {
    *out << quantity.value << " " << Symbol(quantity.unit);
}

namespace {

constexpr std::array<Unit, 9> kAllUnits = {
    Unit::kTonne,           Unit::kKilogram,           Unit::kGram,
    Unit::kNanogramPerLitre, Unit::kMicrogramPerLitre,  Unit::kMilligramPerLitre,
    Unit::kNanogramPerGram,  Unit::kMicrogramPerKilogram, Unit::kMilligramPerKilogram};

TEST(UnitTest, SymbolsRoundTripThroughParseUnit) {
    for (Unit unit : kAllUnits) {
        const auto parsed = ParseUnit(Symbol(unit));
        ASSERT_TRUE(parsed) << Symbol(unit) << ": " << parsed.error().Describe();
        EXPECT_EQ(*parsed, unit) << Symbol(unit);
    }
}

TEST(UnitTest, DimensionsGroupTheUnits) {
    struct Case {
        Unit unit;
        Dimension dimension;
    };
    const Case cases[] = {
        {Unit::kTonne, Dimension::kMass},
        {Unit::kKilogram, Dimension::kMass},
        {Unit::kGram, Dimension::kMass},
        {Unit::kNanogramPerLitre, Dimension::kAqueousConcentration},
        {Unit::kMicrogramPerLitre, Dimension::kAqueousConcentration},
        {Unit::kMilligramPerLitre, Dimension::kAqueousConcentration},
        {Unit::kNanogramPerGram, Dimension::kSolidConcentration},
        {Unit::kMicrogramPerKilogram, Dimension::kSolidConcentration},
        {Unit::kMilligramPerKilogram, Dimension::kSolidConcentration},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(DimensionOf(c.unit), c.dimension) << Symbol(c.unit);
    }
}

TEST(ParseUnitTest, AcceptsSymbolsChineseNamesAndVariants) {
    struct Case {
        std::string_view input;
        Unit expected;
    };
    const Case cases[] = {
        {"t", Unit::kTonne},
        {"T", Unit::kTonne},
        {"吨", Unit::kTonne},
        {"kg", Unit::kKilogram},
        {"KG", Unit::kKilogram},
        {"千克", Unit::kKilogram},
        {"公斤", Unit::kKilogram},
        {"g", Unit::kGram},
        {"克", Unit::kGram},
        {"ng/L", Unit::kNanogramPerLitre},
        {"ng/l", Unit::kNanogramPerLitre},
        {"纳克/升", Unit::kNanogramPerLitre},
        {"ug/L", Unit::kMicrogramPerLitre},
        {"\u00B5g/L", Unit::kMicrogramPerLitre},  // micro sign
        {"\u03BCg/L", Unit::kMicrogramPerLitre},  // Greek small mu
        {"UG/L", Unit::kMicrogramPerLitre},
        {"微克/升", Unit::kMicrogramPerLitre},
        {"mg/L", Unit::kMilligramPerLitre},
        {"MG/L", Unit::kMilligramPerLitre},
        {"mg / L", Unit::kMilligramPerLitre},
        {"ｍｇ／Ｌ", Unit::kMilligramPerLitre},
        {"毫克/升", Unit::kMilligramPerLitre},
        {"毫克／升", Unit::kMilligramPerLitre},
        {"ng/g", Unit::kNanogramPerGram},
        {"纳克/克", Unit::kNanogramPerGram},
        {"ug/kg", Unit::kMicrogramPerKilogram},
        {"μg/kg", Unit::kMicrogramPerKilogram},
        {"微克/千克", Unit::kMicrogramPerKilogram},
        {"微克/公斤", Unit::kMicrogramPerKilogram},
        {"mg/kg", Unit::kMilligramPerKilogram},
        {"Mg/Kg", Unit::kMilligramPerKilogram},
        {"毫克/千克", Unit::kMilligramPerKilogram},
        {"毫克/公斤", Unit::kMilligramPerKilogram},
        {"  mg/kg ", Unit::kMilligramPerKilogram},
    };
    for (const Case& c : cases) {
        const auto unit = ParseUnit(c.input);
        ASSERT_TRUE(unit) << "input: " << c.input << ": " << unit.error().Describe();
        EXPECT_EQ(*unit, c.expected) << "input: " << c.input;
    }
}

TEST(ParseUnitTest, RejectsUnknownUnitsAndRates) {
    struct Case {
        std::string_view input, reason, message_en_contains;
    };
    const Case cases[] = {
        {"", "unit.missing", "missing"},
        {"t/a", "unit.unknown", "is a rate"},
        {"吨/年", "unit.unknown", "is a rate"},
        {"kg/d", "unit.unknown", "is a rate"},
        {"mg", "unit.unknown", "unknown unit \"mg\""},  // no milligram mass unit
        {"ppm", "unit.unknown", "unknown unit"},        // ambiguous: by mass or by volume?
        {"mg/m3", "unit.unknown", "unknown unit"},      // air is not in this set
        {"ug/g", "unit.unknown", "unknown unit"},
        {"litres", "unit.unknown", "unknown unit"},
    };
    for (const Case& c : cases) {
        const auto unit = ParseUnit(c.input);
        ASSERT_FALSE(unit) << "input: " << c.input;
        EXPECT_EQ(unit.error().reason, c.reason) << "input: " << c.input;
        EXPECT_EQ(unit.error().field, "unit") << "input: " << c.input;
        EXPECT_NE(unit.error().message_en.find(c.message_en_contains), std::string::npos)
            << "input: " << c.input << " message: " << unit.error().message_en;
    }
}

TEST(ConvertToTest, ConvertsWithinADimension) {
    struct Case {
        Quantity from;
        Unit to;
        double expected;  // exact: every factor is a power of ten applied once
    };
    const Case cases[] = {
        {{1.5, Unit::kTonne}, Unit::kKilogram, 1500},
        {{1500, Unit::kKilogram}, Unit::kTonne, 1.5},
        {{2, Unit::kTonne}, Unit::kGram, 2e6},
        {{250, Unit::kGram}, Unit::kKilogram, 0.25},
        {{1.5, Unit::kMilligramPerLitre}, Unit::kMicrogramPerLitre, 1500},
        {{1500, Unit::kMicrogramPerLitre}, Unit::kMilligramPerLitre, 1.5},
        {{70, Unit::kNanogramPerLitre}, Unit::kMicrogramPerLitre, 0.07},
        {{0.07, Unit::kMicrogramPerLitre}, Unit::kNanogramPerLitre, 70},
        {{3, Unit::kMilligramPerLitre}, Unit::kNanogramPerLitre, 3e6},
        {{12.34, Unit::kNanogramPerGram}, Unit::kMicrogramPerKilogram, 12.34},  // identical
        {{12.34, Unit::kMicrogramPerKilogram}, Unit::kNanogramPerGram, 12.34},
        {{5, Unit::kMilligramPerKilogram}, Unit::kMicrogramPerKilogram, 5000},
        {{5000, Unit::kNanogramPerGram}, Unit::kMilligramPerKilogram, 5},
        {{-2.5, Unit::kKilogram}, Unit::kGram, -2500},
        {{0.1, Unit::kMilligramPerLitre}, Unit::kMilligramPerLitre, 0.1},
    };
    for (const Case& c : cases) {
        const auto converted = ConvertTo(c.from, c.to);
        ASSERT_TRUE(converted) << converted.error().Describe();
        EXPECT_EQ(converted->unit, c.to);
        EXPECT_EQ(converted->value, c.expected)
            << c.from.value << " " << Symbol(c.from.unit) << " -> " << Symbol(c.to);
    }
}

TEST(ConvertToTest, RefusesToCrossDimensions) {
    struct Case {
        Quantity from;
        Unit to;
        std::string_view message_en_contains;
    };
    const Case cases[] = {
        {{1, Unit::kMilligramPerLitre}, Unit::kMilligramPerKilogram, "without a density"},
        {{1, Unit::kNanogramPerGram}, Unit::kNanogramPerLitre, "without a density"},
        {{1, Unit::kTonne}, Unit::kMilligramPerLitre, "cannot be converted"},
        {{1, Unit::kMicrogramPerKilogram}, Unit::kKilogram, "cannot be converted"},
    };
    for (const Case& c : cases) {
        const auto converted = ConvertTo(c.from, c.to);
        ASSERT_FALSE(converted) << Symbol(c.from.unit) << " -> " << Symbol(c.to);
        EXPECT_EQ(converted.error().reason, "unit.incompatible");
        EXPECT_EQ(converted.error().field, "unit");
        EXPECT_NE(converted.error().message_en.find(c.message_en_contains), std::string::npos)
            << converted.error().message_en;
    }
}

TEST(ParseQuantityTest, ParsesNumberAndUnit) {
    struct Case {
        std::string_view input;
        Quantity expected;
    };
    const Case cases[] = {
        {"12.5 mg/L", {12.5, Unit::kMilligramPerLitre}},
        {"12.5mg/L", {12.5, Unit::kMilligramPerLitre}},
        {"1,234.5 吨", {1234.5, Unit::kTonne}},
        {"1,234,567 kg", {1234567, Unit::kKilogram}},
        {"１２３ t", {123, Unit::kTonne}},
        {"１２３　ｔ", {123, Unit::kTonne}},
        {"１，２３４．５吨", {1234.5, Unit::kTonne}},
        {"0.07 μg/L", {0.07, Unit::kMicrogramPerLitre}},
        {".5 g", {0.5, Unit::kGram}},
        {"-3e-2 μg/kg", {-0.03, Unit::kMicrogramPerKilogram}},
        {"+2.5E3 ng/L", {2500, Unit::kNanogramPerLitre}},
        {"  40 毫克/千克 ", {40, Unit::kMilligramPerKilogram}},
        {"0 t", {0, Unit::kTonne}},
    };
    for (const Case& c : cases) {
        const auto quantity = ParseQuantity(c.input);
        ASSERT_TRUE(quantity) << "input: " << c.input << ": " << quantity.error().Describe();
        EXPECT_EQ(*quantity, c.expected) << "input: " << c.input;
    }
}

TEST(ParseQuantityTest, RejectsBadNumbersAndUnits) {
    struct Case {
        std::string_view input, reason;
    };
    const Case cases[] = {
        {"", "quantity.number"},
        {"   ", "quantity.number"},
        {"mg/L", "quantity.number"},
        {"nan mg/L", "quantity.number"},
        {"NaN mg/L", "quantity.number"},
        {"inf t", "quantity.number"},
        {"1e999 t", "quantity.number"},  // overflows double
        {"12,5 mg/L", "quantity.number"},  // decimal comma
        {"1,23,456 t", "quantity.number"},
        {",123 t", "quantity.number"},
        {"-", "quantity.number"},
        {"<0.5 μg/L", "quantity.number"},  // censored, below the detection limit
        {"ND", "quantity.number"},
        {"未检出", "quantity.number"},
        {"12.5", "unit.missing"},
        {"12.5 t/a", "unit.unknown"},
        {"12.5 mg/L extra", "unit.unknown"},
        {"1.2.3 t", "unit.unknown"},
    };
    for (const Case& c : cases) {
        const auto quantity = ParseQuantity(c.input);
        ASSERT_FALSE(quantity) << "input: " << c.input;
        EXPECT_EQ(quantity.error().reason, c.reason)
            << "input: " << c.input << ": " << quantity.error().Describe();
    }
}

}  // namespace
}  // namespace npgov
