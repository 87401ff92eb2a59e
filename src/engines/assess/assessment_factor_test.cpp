// The assessment-factor table, row by row, as the EU TGD (2003) Part II 3.3.1.1 Table 16 and its
// notes (b)–(d) state it, and REACH Annex I 3.3 ("an assessment factor of 1 000 is typically
// applied to the lowest of three short-term L(E)C50 values derived from species representing
// different trophic levels and a factor of 10 to the lowest of three long-term NOEC values").
// Data sets are constructed so that each case isolates one rule; values in mg/L.
#include <gtest/gtest.h>

#include "engines/assess/assessment_factor.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

using testing::Records;
using testing::Row;
using testing::ShippedFactors;

AfDerivation Derive(const std::vector<EcotoxRow>& rows) {
    auto records = Records(rows);
    auto short_term = ComputeSpeciesValues(records, Exposure::kShortTerm);
    auto long_term = ComputeSpeciesValues(records, Exposure::kLongTerm);
    return DeriveAssessmentFactorPnec(short_term, long_term, ShippedFactors());
}

// Base set: fish 10, Daphnia 2 (the most sensitive), algae 5 mg/L.
std::vector<EcotoxRow> BaseSet() {
    return {Row(2, "Oncorhynchus mykiss", "fish", "LC50", "10"), Row(3, "Daphnia magna", "crustacean", "EC50", "2"),
            Row(4, "Raphidocelis subcapitata", "algae", "ErC50", "5")};
}

std::vector<EcotoxRow> Plus(std::vector<EcotoxRow> rows, std::vector<EcotoxRow> more) {
    rows.insert(rows.end(), more.begin(), more.end());
    return rows;
}

bool HasStep(const AfDerivation& d, const std::string& id) {
    for (const auto& s : d.steps) {
        if (s.id == id) return true;
    }
    return false;
}

TEST(AssessmentFactorTest, AppliesEachRowOfTable16) {
    struct Case {
        const char* name;
        std::vector<EcotoxRow> rows;
        const char* row;
        double factor;
        const char* critical_species;
        double pnec_ug_per_l;
    };
    const Case cases[] = {
        {"base set only: 1000 on the lowest L(E)C50", BaseSet(), "base_set", 1000, "Daphnia magna", 2},
        {"one long-term NOEC from the most sensitive level (Daphnia): 100 (note b)",
         Plus(BaseSet(), {Row(5, "Daphnia magna", "crustacean", "NOEC", "0.3")}), "one_long_term", 100, "Daphnia magna", 3},
        {"one long-term NOEC from another level, not binding: 1000 (note b)",
         Plus(BaseSet(), {Row(5, "Oncorhynchus mykiss", "fish", "NOEC", "0.5")}), "base_set", 1000, "Daphnia magna", 2},
        {"one long-term NOEC from another level, binding: NOEC / 100 caps the 1000 result (note b)",
         Plus(BaseSet(), {Row(5, "Oncorhynchus mykiss", "fish", "NOEC", "0.1")}), "one_long_term", 100, "Oncorhynchus mykiss", 1},
        {"only an algal NOEC: the 100 row asks for fish or Daphnia",
         Plus(BaseSet(), {Row(5, "Raphidocelis subcapitata", "algae", "NOEC", "1")}), "base_set", 1000, "Daphnia magna", 2},
        {"two long-term NOECs covering the most sensitive level: 50 (note c)",
         Plus(BaseSet(), {Row(5, "Daphnia magna", "crustacean", "NOEC", "0.3"), Row(6, "Oncorhynchus mykiss", "fish", "NOEC", "1")}),
         "two_long_term", 50, "Daphnia magna", 6},
        {"two long-term NOECs not covering it: 100 (note b)",
         Plus(BaseSet(), {Row(5, "Oncorhynchus mykiss", "fish", "NOEC", "1"), Row(6, "Raphidocelis subcapitata", "algae", "EC10", "0.8")}),
         "one_long_term", 100, "Raphidocelis subcapitata", 8},
        {"three trophic levels long-term: 10 on the lowest NOEC (note d)",
         Plus(BaseSet(), {Row(5, "Daphnia magna", "crustacean", "NOEC", "0.3"), Row(6, "Oncorhynchus mykiss", "fish", "NOEC", "1"),
                          Row(7, "Raphidocelis subcapitata", "algae", "NOEC", "0.2")}),
         "three_long_term", 10, "Raphidocelis subcapitata", 20},
    };
    for (const Case& c : cases) {
        const AfDerivation d = Derive(c.rows);
        ASSERT_FALSE(d.refusal) << c.name << ": " << d.refusal->message_en;
        ASSERT_TRUE(d.row && d.factor && d.pnec_ug_per_l && d.critical) << c.name;
        EXPECT_EQ(*d.row, c.row) << c.name;
        EXPECT_EQ(*d.factor, c.factor) << c.name;
        EXPECT_EQ(d.critical->species, c.critical_species) << c.name;
        EXPECT_NEAR(*d.pnec_ug_per_l, c.pnec_ug_per_l, 1e-12 * c.pnec_ug_per_l) << c.name;
        EXPECT_TRUE(HasStep(d, "af.pnec")) << c.name;
    }
}

TEST(AssessmentFactorTest, NoteBCapIsShownAsAStep) {
    const AfDerivation d = Derive(Plus(BaseSet(), {Row(5, "Oncorhynchus mykiss", "fish", "NOEC", "0.1")}));
    ASSERT_TRUE(HasStep(d, "af.note_b"));
    for (const auto& s : d.steps) {
        if (s.id != "af.note_b") continue;
        ASSERT_EQ(s.numbers.size(), 2u);
        EXPECT_DOUBLE_EQ(s.numbers[0].value, 2);  // 2000 μg/L / 1000
        EXPECT_DOUBLE_EQ(s.numbers[1].value, 1);  // 100 μg/L / 100
    }
}

TEST(AssessmentFactorTest, GeometricMeanOfRepeatedTestsIsTheSpeciesValue) {
    // Two Daphnia EC50s (1 and 4 mg/L): geometric mean 2 mg/L, not the lowest single value 1.
    const AfDerivation d = Derive({Row(2, "Oncorhynchus mykiss", "fish", "LC50", "10"), Row(3, "Daphnia magna", "crustacean", "EC50", "1"),
                                   Row(4, "Daphnia magna", "crustacean", "EC50", "4"), Row(5, "Raphidocelis subcapitata", "algae", "ErC50", "5")});
    ASSERT_TRUE(d.pnec_ug_per_l);
    EXPECT_NEAR(*d.pnec_ug_per_l, 2, 1e-12);
}

TEST(AssessmentFactorTest, RefusesWithoutTheBaseSetNamingTheMissingLevel) {
    const AfDerivation d = Derive({Row(2, "Oncorhynchus mykiss", "fish", "LC50", "10"), Row(3, "Daphnia magna", "crustacean", "EC50", "2"),
                                   Row(4, "Tetrahymena thermophila", "protozoa", "EC50", "0.1")});
    ASSERT_TRUE(d.refusal);
    EXPECT_EQ(d.refusal->reason, "assess.af_insufficient_data");
    EXPECT_EQ(d.refusal->code, ErrorCode::kFailedPrecondition);
    EXPECT_FALSE(d.pnec_ug_per_l);
    ASSERT_FALSE(d.missing.empty());
    EXPECT_EQ(d.missing[0].id, "af.base_set.producer");
    EXPECT_NE(d.missing[0].en.find("base set incomplete"), std::string::npos) << d.missing[0].en;
    EXPECT_NE(d.refusal->message_en.find("primary producers"), std::string::npos) << d.refusal->message_en;
    EXPECT_TRUE(HasStep(d, "af.outside_levels"));  // the protozoan is listed, not used
}

TEST(AssessmentFactorTest, ThreeLongTermLevelsNeedNoBaseSet) {
    const AfDerivation d = Derive({Row(2, "Daphnia magna", "crustacean", "NOEC", "0.3"), Row(3, "Oncorhynchus mykiss", "fish", "NOEC", "1"),
                                   Row(4, "Lemna minor", "higher_plant", "EC10", "0.4")});
    ASSERT_TRUE(d.row);
    EXPECT_EQ(*d.row, "three_long_term");
    EXPECT_NEAR(*d.pnec_ug_per_l, 30, 1e-12);
    EXPECT_TRUE(d.missing.empty());
}

TEST(AssessmentFactorTest, ListsTheLongTermDataThatWouldLowerTheFactor) {
    const AfDerivation d = Derive(BaseSet());
    std::vector<std::string> ids;
    for (const auto& g : d.missing) ids.push_back(g.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"af.long_term.producer", "af.long_term.invertebrate", "af.long_term.vertebrate"}));
}

}  // namespace
}  // namespace npgov::assess
