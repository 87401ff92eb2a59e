// The selected-value rule (selection.hpp): measured beats estimated, then reliability, then the
// more recent source; unreliable values and out-of-domain estimates are never selected; every
// value says why it was or was not chosen.
#include "modules/hazard/selection.hpp"

#include <gtest/gtest.h>

namespace npgov::hazard {
namespace {

PropertyValue Measured(std::int64_t id, double value, int reliability, std::optional<int> year) {
    PropertyValue v;
    v.id = id;
    v.entry.property = PropertyKind::kLogKow;
    v.entry.provenance = Provenance::kMeasured;
    v.entry.value = value;
    v.normalised = value;
    v.entry.reliability = reliability;
    v.entry.source_year = year;
    v.entry.source = "source " + std::to_string(id);
    v.created_at = "2026-01-0" + std::to_string(id % 10) + "T00:00:00Z";
    return v;
}

PropertyValue Entered(std::int64_t id, double value, std::optional<int> reliability) {
    PropertyValue v;
    v.id = id;
    v.entry.property = PropertyKind::kLogKow;
    v.entry.provenance = Provenance::kEstimated;
    v.entry.value = value;
    v.normalised = value;
    v.entry.reliability = reliability;
    v.entry.method = "KOWWIN";
    v.entry.method_version = "1.68";
    v.entry.inputs = "SMILES";
    v.created_at = "2026-02-01T00:00:00Z";
    return v;
}

PropertyValue Computed(double value, bool in_domain) {
    PropertyValue v;
    v.entry.property = PropertyKind::kLogKow;
    v.entry.provenance = Provenance::kEstimated;
    v.entry.value = value;
    v.normalised = value;
    Estimate e;
    e.property = PropertyKind::kLogKow;
    e.value = value;
    e.in_domain = in_domain;
    v.estimate = e;
    return v;
}

TEST(SelectValueTest, MeasuredBeatsAnyEstimateEvenAMoreReliableOne) {
    auto s = SelectValue(PropertyKind::kLogKow, {Computed(3.1, true), Entered(7, 3.3, 1), Measured(2, 3.72, 4, {})});
    ASSERT_NE(s.selected(), nullptr);
    EXPECT_EQ(s.selected()->id, 2);
    EXPECT_EQ(s.values[0].why_en, "a measured value beats an estimate");
    EXPECT_NE(s.reason_en.find("measured value"), std::string::npos);
    ASSERT_EQ(s.values.size(), 3u);
    EXPECT_FALSE(s.values[1].selected);
    EXPECT_EQ(s.values[1].value.id, 7) << "an entered estimate ranks before a computed one of lower reliability";
    EXPECT_TRUE(s.values[2].value.computed());
    EXPECT_EQ(s.values[2].why_en, "a measured value beats an estimate");
}

TEST(SelectValueTest, ThenReliabilityThenTheMoreRecentSource) {
    auto s = SelectValue(PropertyKind::kLogKow,
                         {Measured(1, 3.6, 2, 2010), Measured(2, 3.7, 1, 1990), Measured(3, 3.8, 1, 2004)});
    ASSERT_NE(s.selected(), nullptr);
    EXPECT_EQ(s.selected()->id, 3);
    EXPECT_EQ(s.values[0].why_en, "more recent source (2004 vs 1990)");
    EXPECT_EQ(s.values[1].value.id, 2);
    EXPECT_EQ(s.values[1].why_en, "more recent source (2004 vs 1990)");
    EXPECT_EQ(s.values[2].value.id, 1);
    EXPECT_EQ(s.values[2].why_en, "higher reliability (Klimisch 1 vs Klimisch 2)");
}

TEST(SelectValueTest, NotAssignableRanksAfterReliableWithRestrictions) {
    auto s = SelectValue(PropertyKind::kLogKow, {Measured(1, 3.6, 4, 2020), Measured(2, 3.7, 2, 1980)});
    EXPECT_EQ(s.selected()->id, 2);
    EXPECT_EQ(s.values[0].why_en, "higher reliability (Klimisch 2 vs Klimisch 4)");
}

TEST(SelectValueTest, UnreliableAndOutOfDomainValuesAreNeverSelected) {
    auto s = SelectValue(PropertyKind::kLogKow, {Measured(1, 9.9, 3, 2024), Computed(4.8, false)});
    EXPECT_EQ(s.selected(), nullptr);
    EXPECT_EQ(s.values.size(), 2u);
    EXPECT_FALSE(s.values[0].eligible);
    EXPECT_NE(s.reason_en.find("data gap"), std::string::npos);
    for (const auto& v : s.values) EXPECT_NE(v.why_en.find("never selected"), std::string::npos) << v.why_en;

    auto with_estimate = SelectValue(PropertyKind::kLogKow, {Measured(1, 9.9, 3, 2024), Computed(3.2, true)});
    ASSERT_NE(with_estimate.selected(), nullptr);
    EXPECT_TRUE(with_estimate.selected()->computed()) << "an unreliable measurement does not block a usable estimate";
    EXPECT_EQ(with_estimate.values[0].why_en, "the only usable value");
}

TEST(SelectValueTest, NoValuesIsAGap) {
    auto s = SelectValue(PropertyKind::kHalfLifeSoil, {});
    EXPECT_EQ(s.selected(), nullptr);
    EXPECT_EQ(s.reason_en, "no data (data gap)");
    EXPECT_EQ(s.reason_zh, "无数据（数据缺口）");
}

TEST(SelectValueTest, SameRankFallsBackToTheLaterRecordedValue) {
    auto a = Measured(1, 3.6, 2, 2000);
    auto b = Measured(2, 3.7, 2, 2000);
    auto s = SelectValue(PropertyKind::kLogKow, {a, b});
    EXPECT_EQ(s.selected()->id, 2);
    EXPECT_EQ(s.values[0].why_en, "otherwise equal: recorded later");
    // The order of the input does not matter.
    EXPECT_EQ(SelectValue(PropertyKind::kLogKow, {b, a}).selected()->id, 2);
}

}  // namespace
}  // namespace npgov::hazard
