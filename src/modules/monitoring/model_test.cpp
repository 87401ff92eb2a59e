#include "modules/monitoring/model.hpp"

#include <gtest/gtest.h>

namespace npgov::monitoring {
namespace {

TEST(SiteTypeTest, RoundTripsEveryTypeByNameAndChineseLabel) {
    for (SiteType type : AllSiteTypes()) {
        EXPECT_EQ(ParseSiteType(ToString(type)).value(), type) << ToString(type);
        EXPECT_EQ(ParseSiteType(LabelZh(type)).value(), type) << LabelZh(type);
    }
    EXPECT_EQ(AllSiteTypes().size(), 11u);
    auto bad = ParseSiteType("lake");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, "monitoring.site_type");
    EXPECT_EQ(bad.error().field, "site_type");
}

TEST(MediumTest, ParsesLabWordsInBothLanguages) {
    struct Case { const char* text; Medium expected; };
    const Case cases[] = {{"water", Medium::kWater}, {"WATER", Medium::kWater}, {"地表水", Medium::kWater},
                          {"地下水", Medium::kWater}, {" 土壤 ", Medium::kSoil}, {"底泥", Medium::kSediment},
                          {"沉积物", Medium::kSediment}, {"环境空气", Medium::kAir}};
    for (const auto& c : cases) {
        auto m = ParseMedium(c.text);
        ASSERT_TRUE(m) << c.text;
        EXPECT_EQ(*m, c.expected) << c.text;
    }
    auto bad = ParseMedium("sludge");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().reason, "monitoring.medium");
}

TEST(SiteAllowsMediumTest, WaterBodiesTakeSedimentOutfallsOnlyWater) {
    EXPECT_TRUE(SiteAllowsMedium(SiteType::kRiverSection, Medium::kSediment));
    EXPECT_TRUE(SiteAllowsMedium(SiteType::kReservoir, Medium::kWater));
    EXPECT_FALSE(SiteAllowsMedium(SiteType::kRiverSection, Medium::kSoil));
    EXPECT_FALSE(SiteAllowsMedium(SiteType::kParkOutfall, Medium::kSediment));
    EXPECT_FALSE(SiteAllowsMedium(SiteType::kSoil, Medium::kWater));
    EXPECT_TRUE(SiteAllowsMedium(SiteType::kParkSurroundings, Medium::kAir));
    EXPECT_FALSE(DefaultMedium(SiteType::kParkSurroundings).has_value());
    EXPECT_EQ(DefaultMedium(SiteType::kWwtpEffluent), Medium::kWater);
    EXPECT_EQ(DefaultMedium(SiteType::kSediment), Medium::kSediment);
}

TEST(QualifierTest, ParsesCodesAndRoundTrips) {
    for (Qualifier q : {Qualifier::kDetected, Qualifier::kBelowLod, Qualifier::kBelowLoq,
                        Qualifier::kDetectedNotQuantified}) {
        EXPECT_EQ(ParseQualifier(ToString(q)).value(), q) << ToString(q);
    }
    EXPECT_EQ(ParseQualifier("< LOD").value(), Qualifier::kBelowLod);
    EXPECT_EQ(ParseQualifier("未检出").value(), Qualifier::kBelowLod);
    EXPECT_EQ(ParseQualifier("J").value(), Qualifier::kDetectedNotQuantified);
    EXPECT_EQ(ParseQualifier("<loq").value(), Qualifier::kBelowLoq);
    EXPECT_FALSE(ParseQualifier("maybe"));
    EXPECT_TRUE(IsCensored(Qualifier::kDetectedNotQuantified));
    EXPECT_FALSE(IsCensored(Qualifier::kDetected));
}

TEST(ConcentrationUnitTest, NormalisesPerMedium) {
    struct Case { const char* unit; Medium medium; double value; double expected; };
    // Factors are powers of ten; 1 ng/g is exactly 1 μg/kg.
    const Case cases[] = {
        {"ng/L", Medium::kWater, 12.5, 12.5},      {"μg/L", Medium::kWater, 0.05, 50.0},
        {"ug/l", Medium::kWater, 2, 2000.0},        {"mg/L", Medium::kWater, 0.001, 1000.0},
        {"纳克/升", Medium::kWater, 3, 3},          {"ng/g", Medium::kSediment, 1.5, 1.5},
        {"mg/kg", Medium::kSoil, 0.2, 200.0},       {"μg/kg", Medium::kSoil, 7, 7},
        {"ng/m3", Medium::kAir, 4, 4},              {"pg/m³", Medium::kAir, 250, 0.25},
        {"μg/m³", Medium::kAir, 0.002, 2},          {"微克/立方米", Medium::kAir, 1, 1000},
    };
    for (const auto& c : cases) {
        auto unit = ParseConcentrationUnit(c.unit);
        ASSERT_TRUE(unit) << c.unit << ": " << unit.error().Describe();
        auto v = Normalise(c.value, *unit, c.medium);
        ASSERT_TRUE(v) << c.unit;
        EXPECT_DOUBLE_EQ(*v, c.expected) << c.unit;
    }
    EXPECT_EQ(NormalisedUnit(Medium::kWater), "ng/L");
    EXPECT_EQ(NormalisedUnit(Medium::kSediment), "μg/kg");
    EXPECT_EQ(NormalisedUnit(Medium::kAir), "ng/m³");
}

TEST(ConcentrationUnitTest, RefusesUnitsThatDoNotFitTheMedium) {
    auto mgkg = ParseConcentrationUnit("mg/kg").value();
    auto wrong = Normalise(1, mgkg, Medium::kWater);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().reason, "monitoring.unit_medium");
    EXPECT_EQ(wrong.error().field, "unit");
    EXPECT_FALSE(Normalise(1, ParseConcentrationUnit("ng/L").value(), Medium::kSoil));
    EXPECT_FALSE(Normalise(1, ParseConcentrationUnit("ng/m3").value(), Medium::kWater));
    auto mass = ParseConcentrationUnit("kg");
    ASSERT_FALSE(mass);
    EXPECT_EQ(mass.error().reason, "monitoring.unit_not_concentration");
    auto unknown = ParseConcentrationUnit("ppm");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().reason, "unit.unknown");
}

}  // namespace
}  // namespace npgov::monitoring
