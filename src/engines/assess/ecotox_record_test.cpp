// Ecotoxicity records: unit normalisation to μg/L, reliability (Klimisch 1997: 3 and 4 not
// used), exposure inferred from the endpoint (TGD: L(E)C50 short-term, NOEC/EC10 long-term),
// bounds ("> 100") kept but not used, and every bad cell reported with its row and field.
#include <gtest/gtest.h>

#include "engines/assess/ecotox_record.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

using testing::Records;
using testing::Row;
using testing::ShippedFactors;

TEST(EcotoxRecordTest, NormalisesUnitsToMicrogramsPerLitre) {
    struct Case {
        const char* value;
        const char* unit;
        double ug_per_l;
    };
    const Case cases[] = {{"1.5", "mg/L", 1500}, {"1.5", "毫克/升", 1500}, {"250", "ng/L", 0.25}, {"3", "μg/L", 3},
                          {"3", "ug/l", 3},      {"0.002", "g/L", 2000},   {"1,250", "µg/L", 1250}};
    long row = 2;
    for (const Case& c : cases) {
        auto records = Records({Row(row++, "Daphnia magna", "crustacean", "EC50", c.value, c.unit)});
        ASSERT_EQ(records.size(), 1u) << c.unit;
        EXPECT_DOUBLE_EQ(records[0].value_ug_per_l, c.ug_per_l) << c.value << " " << c.unit;
    }
}

TEST(EcotoxRecordTest, InfersExposureFromTheEndpoint) {
    auto records = Records({Row(2, "Danio rerio", "鱼类", "LC50", "10"), Row(3, "Danio rerio", "fish", "NOEC", "1"),
                            Row(4, "Daphnia magna", "溞", "ec10", "0.5"), Row(5, "Daphnia magna", "crustacean", "NOEC", "0.4", "mg/L", "1", "慢性")});
    ASSERT_EQ(records.size(), 4u);
    EXPECT_EQ(records[0].exposure, Exposure::kShortTerm);
    EXPECT_TRUE(records[0].exposure_inferred);
    EXPECT_EQ(records[1].exposure, Exposure::kLongTerm);
    EXPECT_EQ(records[2].endpoint, "EC10");
    EXPECT_EQ(records[2].trophic_level, TrophicLevel::kInvertebrate);
    EXPECT_FALSE(records[3].exposure_inferred);
    for (const auto& r : records) EXPECT_FALSE(r.excluded) << r.row;
}

TEST(EcotoxRecordTest, KeepsUnusableRecordsWithTheirReason) {
    struct Case {
        EcotoxRow row;
        const char* reason;
    };
    const Case cases[] = {
        {Row(2, "Danio rerio", "fish", "LC50", "10", "mg/L", "3"), "reliability"},
        {Row(3, "Danio rerio", "fish", "LC50", "10", "mg/L", "4"), "reliability"},
        {Row(4, "Danio rerio", "fish", "LC50", "10", "mg/L", ""), "reliability"},  // not given: counted as 4
        {Row(5, "Danio rerio", "fish", "LC50", "> 100"), "qualifier"},
        {Row(6, "Danio rerio", "fish", "LC50", "≤0.1"), "qualifier"},
        {Row(7, "Danio rerio", "fish", "LOEC", "2"), "endpoint_not_used"},
        {Row(8, "Daphnia magna", "crustacean", "NOEC", "2", "mg/L", "2", "acute"), "short_term_no_effect"},
        {Row(9, "Daphnia magna", "crustacean", "EC50", "2", "mg/L", "2", "chronic"), "long_term_median_effect"},
    };
    for (const Case& c : cases) {
        auto records = Records({c.row});
        ASSERT_EQ(records.size(), 1u) << c.row.row;
        ASSERT_TRUE(records[0].excluded) << c.row.row;
        EXPECT_EQ(records[0].excluded->id, c.reason) << c.row.row;
        EXPECT_FALSE(records[0].excluded->zh.empty());
    }
    auto missing = Records({Row(2, "Danio rerio", "fish", "LC50", "10", "mg/L", "")});
    EXPECT_EQ(missing[0].reliability, 0);
    EXPECT_EQ(missing[0].reliability_applied, 4);
    EXPECT_NE(missing[0].excluded->en.find("not given"), std::string::npos) << missing[0].excluded->en;
    auto usable = Records({Row(2, "Danio rerio", "fish", "LC50", "10", "mg/L", "K2")});
    EXPECT_FALSE(usable[0].excluded);
}

TEST(EcotoxRecordTest, ReportsEveryBadCellWithRowAndField) {
    std::vector<EcotoxRow> rows = {
        Row(2, "", "fish", "LC50", "1"),
        Row(3, "Danio rerio", "mammal", "LC50", "1"),
        Row(4, "Danio rerio", "fish", "BCF", "1"),
        Row(5, "Danio rerio", "fish", "LC50", "abc"),
        Row(6, "Danio rerio", "fish", "LC50", "0"),
        Row(7, "Danio rerio", "fish", "LC50", "1", "mg/kg"),
        Row(8, "Danio rerio", "fish", "LC50", "1", "mg/L", "5"),
        Row(9, "Danio rerio", "fish", "LC50", "1", "mg/L", "1", "sometimes"),
        Row(10, "Danio rerio", "crustacean", "LC50", "1"),  // Danio rerio was fish above (row 3 failed, row 4.. too)
    };
    rows[3].duration = "96 h";
    rows.push_back(Row(11, "Oryzias latipes", "fish", "LC50", "1"));
    rows.back().duration = "ninety-six hours";
    rows.push_back(Row(12, "Oryzias latipes", "fish", "LC50", "2"));
    rows.push_back(Row(13, "Oryzias latipes", "algae", "EC50", "2"));
    EcotoxParse parsed = ParseEcotoxRows(rows, ShippedFactors());
    struct Want {
        long row;
        const char* reason;
        const char* field;
    };
    const Want want[] = {{2, "assess.species_missing", "species"}, {3, "assess.taxon_group", "taxon_group"},
                         {4, "assess.endpoint", "endpoint"},       {5, "assess.value", "value"},
                         {6, "assess.value_not_positive", "value"}, {7, "assess.unit", "unit"},
                         {8, "assess.reliability", "reliability"},  {9, "assess.exposure", "exposure"},
                         {11, "assess.duration", "duration"},       {13, "assess.species_group", "taxon_group"}};
    ASSERT_EQ(parsed.errors.size(), std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        EXPECT_EQ(parsed.errors[i].row, want[i].row) << i;
        EXPECT_EQ(parsed.errors[i].reason, want[i].reason) << "row " << want[i].row;
        EXPECT_EQ(parsed.errors[i].field, want[i].field) << "row " << want[i].row;
        EXPECT_EQ(parsed.errors[i].code, ErrorCode::kInvalidArgument);
    }
    // Row 10 (Danio rerio as a crustacean) is the first good record of that species, so it
    // sets its group; rows 12 parses; row 13 conflicts with row 12.
    ASSERT_EQ(parsed.records.size(), 2u);
    EXPECT_EQ(parsed.records[0].row, 10);
    EXPECT_EQ(parsed.records[1].row, 12);
}

TEST(EcotoxRecordTest, EmptyInputIsAnError) {
    EcotoxParse parsed = ParseEcotoxRows({}, ShippedFactors());
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].reason, "assess.no_records");
}

TEST(EcotoxRecordTest, ParsesDurations) {
    struct Case {
        const char* text;
        std::optional<double> hours;
    };
    const Case cases[] = {{"96 h", 96},      {"96h", 96},      {"48 hr", 48},   {"21 d", 504},   {"21 days", 504},
                          {"2 weeks", 336},  {"96小时", 96},   {"21天", 504},   {"4周", 672},    {"30 min", 0.5},
                          {"７２ｈ", 72},    {"h", std::nullopt}, {"-3 d", std::nullopt}, {"3 months", std::nullopt}, {"", std::nullopt}};
    for (const Case& c : cases) {
        auto hours = ParseDurationHours(c.text);
        EXPECT_EQ(hours.has_value(), c.hours.has_value()) << c.text;
        if (hours && c.hours) {
            EXPECT_DOUBLE_EQ(*hours, *c.hours) << c.text;
        }
    }
}

}  // namespace
}  // namespace npgov::assess
