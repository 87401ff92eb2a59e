// Vocabulary and unit conversions of the hazard module. Conversion factors: 1 mmHg =
// 133.322368 Pa and 1 atm = 101325 Pa (exact by definition, BIPM SI Brochure 9th ed. Table 8).
#include "modules/hazard/model.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace npgov::hazard {
namespace {

TEST(ParsePropertyTest, AcceptsApiNamesChineseAndAbbreviations) {
    struct Case {
        const char* text;
        PropertyKind kind;
    };
    const Case cases[] = {
        {"water_solubility", PropertyKind::kWaterSolubility}, {"水溶解度", PropertyKind::kWaterSolubility},
        {"Vapor pressure", PropertyKind::kVapourPressure},    {"logKow", PropertyKind::kLogKow},
        {"log Kow", PropertyKind::kLogKow},                   {"Koc", PropertyKind::kKoc},
        {"亨利常数", PropertyKind::kHenry},                   {"DT50 soil", PropertyKind::kHalfLifeSoil},
        {"half_life_marine_sediment", PropertyKind::kHalfLifeMarineSediment},
        {"BCF", PropertyKind::kBcf},                          {"生物富集系数", PropertyKind::kBcf},
        {"熔点", PropertyKind::kMeltingPoint},                {"分子量", PropertyKind::kMolarMass},
    };
    for (const auto& c : cases) {
        auto kind = ParseProperty(c.text);
        ASSERT_TRUE(kind) << c.text;
        EXPECT_EQ(*kind, c.kind) << c.text;
    }
    auto bad = ParseProperty("density");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, "hazard.property");
    EXPECT_EQ(bad.error().field, "property");
}

TEST(ParsePropertyTest, EveryPropertyRoundTripsThroughItsName) {
    for (PropertyKind kind : AllProperties()) {
        auto parsed = ParseProperty(ToString(kind));
        ASSERT_TRUE(parsed) << ToString(kind);
        EXPECT_EQ(*parsed, kind);
        EXPECT_FALSE(CanonicalUnit(kind).empty());
    }
    EXPECT_EQ(AllProperties().size(), 14u);
}

TEST(NormaliseValueTest, ConvertsToTheCanonicalUnit) {
    struct Case {
        PropertyKind kind;
        double value;
        const char* unit;
        double expected;
    };
    const Case cases[] = {
        {PropertyKind::kWaterSolubility, 1.79, "g/L", 1790},
        {PropertyKind::kWaterSolubility, 66, "μg/L", 0.066},
        {PropertyKind::kWaterSolubility, 66, "ug/L", 0.066},
        {PropertyKind::kVapourPressure, 9.4e-6, "mmHg", 9.4e-6 * 133.322368},
        {PropertyKind::kVapourPressure, 12.7, "kPa", 12700},
        {PropertyKind::kVapourPressure, 1, "atm", 101325},
        {PropertyKind::kLogKow, 2.13, "", 2.13},
        {PropertyKind::kLogKow, -0.5, "log", -0.5},
        {PropertyKind::kKoc, 3.7, "log L/kg", std::pow(10.0, 3.7)},
        {PropertyKind::kKoc, 61.7, "mL/g", 61.7},
        {PropertyKind::kHenry, 5.5e-3, "atm·m³/mol", 5.5e-3 * 101325},
        {PropertyKind::kHenry, 557, "Pa m3/mol", 557},
        {PropertyKind::kHalfLifeAir, 48, "h", 2},
        {PropertyKind::kHalfLifeSoil, 2, "a", 730},
        {PropertyKind::kHalfLifeWater, 40, "天", 40},
        {PropertyKind::kBcf, 4.5, "log L/kg", std::pow(10.0, 4.5)},
        {PropertyKind::kMeltingPoint, 385.65, "K", 112.5},
        {PropertyKind::kMeltingPoint, 112.5, "℃", 112.5},
        {PropertyKind::kMolarMass, 290.83, "g/mol", 290.83},
    };
    for (const auto& c : cases) {
        auto v = NormaliseValue(c.kind, c.value, c.unit);
        ASSERT_TRUE(v) << ToString(c.kind) << " " << c.unit << ": " << v.error().Describe();
        EXPECT_NEAR(*v, c.expected, std::fabs(c.expected) * 1e-12) << ToString(c.kind) << " " << c.value << " " << c.unit;
    }
}

TEST(NormaliseValueTest, RefusesForeignUnitsAndImpossibleValues) {
    auto unit = NormaliseValue(PropertyKind::kVapourPressure, 1, "mg/L");
    ASSERT_FALSE(unit);
    EXPECT_EQ(unit.error().reason, "hazard.unit");
    EXPECT_EQ(unit.error().field, "unit");
    EXPECT_NE(unit.error().message_en.find("mmHg"), std::string::npos) << "names the accepted units";
    auto log_unit = NormaliseValue(PropertyKind::kLogKow, 2, "L/kg");
    ASSERT_FALSE(log_unit);
    EXPECT_EQ(NormaliseValue(PropertyKind::kWaterSolubility, -1, "mg/L").error().reason, "hazard.value_range");
    EXPECT_EQ(NormaliseValue(PropertyKind::kHalfLifeSoil, -3, "d").error().reason, "hazard.value_range");
    EXPECT_EQ(NormaliseValue(PropertyKind::kMeltingPoint, -10, "K").error().reason, "hazard.value_range");
    EXPECT_EQ(NormaliseValue(PropertyKind::kMolarMass, 0, "g/mol").error().reason, "hazard.value_range");
    EXPECT_TRUE(NormaliseValue(PropertyKind::kMeltingPoint, -95, "°C")) << "melting points may be negative";
}

TEST(ParseVocabularyTest, ProvenanceQualifierReliabilityInBothLanguages) {
    EXPECT_EQ(ParseProvenance("实测").value(), Provenance::kMeasured);
    EXPECT_EQ(ParseProvenance("QSAR").value(), Provenance::kEstimated);
    EXPECT_EQ(ParseProvenance("guess").error().reason, "hazard.provenance");
    EXPECT_EQ(ParseQualifier("").value(), Qualifier::kEqual);
    EXPECT_EQ(ParseQualifier("＞").value(), Qualifier::kGreater);
    EXPECT_EQ(ParseQualifier("≤").value(), Qualifier::kLessOrEqual);
    EXPECT_EQ(ParseQualifier("~~").error().reason, "hazard.qualifier");
    EXPECT_EQ(ParseReliability("Klimisch 2").value(), 2);
    EXPECT_EQ(ParseReliability("4").value(), 4);
    EXPECT_EQ(ParseReliability("5").error().reason, "hazard.reliability");
    EXPECT_EQ(ParseReliability("").error().field, "reliability");
}

TEST(ParseVocabularyTest, EcotoxWordsAndDefaults) {
    EXPECT_EQ(ParseTaxonGroup("鱼类").value(), TaxonGroup::kFish);
    EXPECT_EQ(ParseTaxonGroup("crustacean").value(), TaxonGroup::kInvertebrate);
    EXPECT_EQ(ParseTaxonGroup("蓝藻").value(), TaxonGroup::kCyanobacteria);
    EXPECT_EQ(ParseEndpoint("ErC50").value(), Endpoint::kEc50);
    EXPECT_EQ(ParseEndpoint("noel").value(), Endpoint::kNoec);
    EXPECT_EQ(ParseEndpoint("LD50").error().reason, "hazard.endpoint");
    EXPECT_EQ(ParseExposure("慢性").value(), Exposure::kChronic);
    EXPECT_EQ(ParseCompartment("海水").value(), Compartment::kMarine);
    EXPECT_EQ(DefaultTrophicLevel(TaxonGroup::kAlgae), TrophicLevel::kPrimaryProducer);
    EXPECT_EQ(DefaultTrophicLevel(TaxonGroup::kInvertebrate), TrophicLevel::kPrimaryConsumer);
    EXPECT_EQ(DefaultTrophicLevel(TaxonGroup::kFish), TrophicLevel::kSecondaryConsumer);
    EXPECT_NEAR(DurationHours(21, "d").value(), 504, 0);
    EXPECT_NEAR(DurationHours(96, "h").value(), 96, 0);
    EXPECT_EQ(DurationHours(96, "min").error().reason, "hazard.duration_unit");
    EXPECT_EQ(DurationHours(0, "h").error().reason, "hazard.value_range");
}

TEST(ParseEffectUnitTest, FollowsTheCompartment) {
    auto water = ParseEffectUnit(Compartment::kFreshwater, "µg/L");
    ASSERT_TRUE(water);
    EXPECT_EQ(water->normalised, "mg/L");
    EXPECT_DOUBLE_EQ(water->factor, 1e-3);
    auto soil = ParseEffectUnit(Compartment::kSoil, "mg/kg dw");
    ASSERT_TRUE(soil);
    EXPECT_EQ(soil->normalised, "mg/kg");
    auto wrong = ParseEffectUnit(Compartment::kFreshwater, "mg/kg");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().reason, "hazard.unit");
}

TEST(ParseCategoryTest, NormalisesPerKindAndListsTheAllowedOnes) {
    EXPECT_EQ(ParseCategory(ClassificationKind::kCarcinogenic, "Cat. 1B").value(), "1B");
    EXPECT_EQ(ParseCategory(ClassificationKind::kReproductive, "2").value(), "2");
    EXPECT_EQ(ParseCategory(ClassificationKind::kEndocrineDisruptor, "疑似").value(), "suspected");
    EXPECT_EQ(ParseCategory(ClassificationKind::kPbt, "是").value(), "yes");
    EXPECT_EQ(ParseCategory(ClassificationKind::kPop, "Annex A").value(), "annex_a");
    auto bad = ParseCategory(ClassificationKind::kMutagenic, "known");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, "hazard.category");
    EXPECT_NE(bad.error().message_en.find("1A, 1B, 2"), std::string::npos);
    EXPECT_EQ(ParseClassificationKind("致癌性").value(), ClassificationKind::kCarcinogenic);
    EXPECT_EQ(ParseClassificationKind("vPvB").value(), ClassificationKind::kVpvb);
}

}  // namespace
}  // namespace npgov::hazard
