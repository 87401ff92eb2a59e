// Profiles: estimates are computed in dependency order from the selected values, shown beside
// the measured values they never replace, and refused with a reason when their inputs are
// missing or unusable.
#include "modules/hazard/profile.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "modules/hazard/structure_facts.hpp"

namespace npgov::hazard {
namespace {

PropertyValue Stored(std::int64_t id, PropertyKind kind, double value, Provenance provenance,
                     std::optional<double> temperature = {}) {
    PropertyValue v;
    v.id = id;
    v.substance_id = 1;
    v.entry.property = kind;
    v.entry.value = value;
    v.normalised = value;
    v.entry.unit = std::string(CanonicalUnit(kind));
    v.entry.provenance = provenance;
    v.entry.temperature_c = temperature;
    if (provenance == Provenance::kMeasured) {
        v.entry.reliability = 2;
        v.entry.source = "test source";
        v.entry.source_year = 2006;
    } else {
        v.entry.method = "external QSAR";
        v.entry.method_version = "1";
        v.entry.inputs = "SMILES";
    }
    return v;
}

const Estimate* EstimateFor(const HazardProfile& p, PropertyKind kind) {
    for (const auto& e : p.estimates) {
        if (e.property == kind) return &e;
    }
    return nullptr;
}

StructureFacts Benzene() { return ComputeStructureFacts("c1ccccc1", 1.6866, 78.114).value(); }

TEST(BuildProfileTest, EstimatesFollowTheSelectedMeasuredValuesAndNeverReplaceThem) {
    PropertyValue other = Stored(4, PropertyKind::kLogKow, 9.0, Provenance::kMeasured);
    other.substance_id = 2;  // another substance's value
    const HazardProfile p = BuildProfile(1,
                                         {Stored(1, PropertyKind::kLogKow, 2.13, Provenance::kMeasured),
                                          Stored(2, PropertyKind::kVapourPressure, 12700, Provenance::kMeasured, 25.0),
                                          Stored(3, PropertyKind::kWaterSolubility, 1780, Provenance::kMeasured, 25.0),
                                          other},
                                         Benzene(), {}, {});
    ASSERT_EQ(p.properties.size(), AllProperties().size());
    const PropertyValue* log_kow = p.selected(PropertyKind::kLogKow);
    ASSERT_NE(log_kow, nullptr);
    EXPECT_EQ(log_kow->id, 1) << "the measured value, not the Crippen estimate";
    const auto& kow = p.property(PropertyKind::kLogKow);
    ASSERT_EQ(kow.values.size(), 2u) << "the other substance's value is ignored; the estimate is shown";
    EXPECT_TRUE(kow.values[1].value.computed());
    EXPECT_NEAR(kow.values[1].value.normalised, 1.6866, 1e-12);
    EXPECT_EQ(kow.values[1].why_en, "a measured value beats an estimate");

    // BCF and Koc from the measured log Kow 2.13.
    const Estimate* bcf = EstimateFor(p, PropertyKind::kBcf);
    ASSERT_NE(bcf, nullptr);
    ASSERT_TRUE(bcf->value);
    EXPECT_NEAR(*bcf->value, std::pow(10.0, 0.85 * 2.13 - 0.70), 1e-9);
    EXPECT_EQ(bcf->inputs.at(0).basis, "measured: test source (2006), Klimisch 2");
    ASSERT_NE(p.selected(PropertyKind::kBcf), nullptr);
    EXPECT_TRUE(p.selected(PropertyKind::kBcf)->computed());
    EXPECT_NEAR(p.selected(PropertyKind::kKoc)->normalised, std::pow(10.0, 0.81 * 2.13 + 0.10), 1e-9);

    // Henry from both measured values and the structure's molar mass.
    ASSERT_NE(p.selected(PropertyKind::kHenry), nullptr);
    EXPECT_NEAR(p.selected(PropertyKind::kHenry)->normalised, 12700 * 78.114 / 1780, 1e-9);
    EXPECT_EQ(p.selected(PropertyKind::kHenry)->entry.temperature_c, 25.0);
    EXPECT_NEAR(p.selected(PropertyKind::kMolarMass)->normalised, 78.114, 1e-12);

    // What is left is a gap, and says so.
    const auto gaps = p.gaps();
    EXPECT_NE(std::find(gaps.begin(), gaps.end(), PropertyKind::kHalfLifeSoil), gaps.end());
    EXPECT_EQ(std::find(gaps.begin(), gaps.end(), PropertyKind::kLogKow), gaps.end());
    EXPECT_EQ(p.property(PropertyKind::kHalfLifeSoil).reason_en, "no data (data gap)");
}

TEST(BuildProfileTest, HenryNeedsMeasuredInputsAndBcfNeedsAUsableLogKow) {
    // PFOS: the Crippen log Kow is out of domain, so nothing downstream of it is computed; an
    // entered (estimated) vapour pressure does not feed Henry's constant.
    const StructureFacts pfos =
        ComputeStructureFacts("O=S(=O)(O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F", 4.84, 500.13).value();
    const HazardProfile p = BuildProfile(1,
                                         {Stored(1, PropertyKind::kVapourPressure, 3.3e-4, Provenance::kEstimated, 20.0),
                                          Stored(2, PropertyKind::kWaterSolubility, 680, Provenance::kMeasured, 24.0)},
                                         pfos, {}, {});
    EXPECT_EQ(p.selected(PropertyKind::kLogKow), nullptr) << "out-of-domain estimate: a gap, not a number";
    ASSERT_EQ(p.property(PropertyKind::kLogKow).values.size(), 1u);
    EXPECT_FALSE(p.property(PropertyKind::kLogKow).values[0].eligible);
    EXPECT_EQ(EstimateFor(p, PropertyKind::kBcf)->refused->reason, "hazard.estimate_inputs_missing");
    EXPECT_EQ(EstimateFor(p, PropertyKind::kKoc)->refused->reason, "hazard.estimate_inputs_missing");
    const Estimate* henry = EstimateFor(p, PropertyKind::kHenry);
    ASSERT_TRUE(henry->refused);
    EXPECT_NE(henry->refused->message_en.find("measured vapour pressure"), std::string::npos);
    EXPECT_EQ(p.selected(PropertyKind::kHenry), nullptr);
    EXPECT_NE(p.selected(PropertyKind::kVapourPressure), nullptr) << "the entered estimate is still selectable";
}

TEST(BuildProfileTest, WithoutReadableStructureOnlyValueBasedEstimates) {
    const HazardProfile p = BuildProfile(1, {Stored(1, PropertyKind::kLogKow, 4.39, Provenance::kMeasured)},
                                         std::nullopt, {}, {});
    EXPECT_EQ(EstimateFor(p, PropertyKind::kMolarMass), nullptr);
    EXPECT_EQ(EstimateFor(p, PropertyKind::kLogKow), nullptr);
    ASSERT_NE(p.selected(PropertyKind::kBcf), nullptr);
    EXPECT_NEAR(p.selected(PropertyKind::kBcf)->normalised, std::pow(10.0, 0.85 * 4.39 - 0.70), 1e-9);
    EXPECT_EQ(EstimateFor(p, PropertyKind::kHenry)->refused->reason, "hazard.estimate_inputs_missing");
}

TEST(BuildProfileTest, OrdersEcotoxAndClassifications) {
    EcotoxRecord fish, alga;
    fish.id = 1;
    fish.entry.taxon_group = TaxonGroup::kFish;
    fish.entry.species = "Pimephales promelas";
    alga.id = 2;
    alga.entry.taxon_group = TaxonGroup::kAlgae;
    alga.entry.species = "Raphidocelis subcapitata";
    ClassificationRecord pop, carc;
    pop.id = 1;
    pop.entry.kind = ClassificationKind::kPop;
    carc.id = 2;
    carc.entry.kind = ClassificationKind::kCarcinogenic;
    const HazardProfile p = BuildProfile(1, {}, std::nullopt, {fish, alga}, {pop, carc});
    ASSERT_EQ(p.ecotox.size(), 2u);
    EXPECT_EQ(p.ecotox[0].entry.taxon_group, TaxonGroup::kAlgae);
    EXPECT_EQ(p.classifications[0].entry.kind, ClassificationKind::kCarcinogenic);
    EXPECT_EQ(p.classified(ClassificationKind::kPop).size(), 1u);
    EXPECT_TRUE(p.classified(ClassificationKind::kPbt).empty());
}

}  // namespace
}  // namespace npgov::hazard
