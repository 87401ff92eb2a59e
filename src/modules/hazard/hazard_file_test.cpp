// Hazard data files: columns found in Chinese or English, every row checked, every problem
// reported with its row and column, nothing silently defaulted.
#include "modules/hazard/hazard_file.hpp"

#include <gtest/gtest.h>

namespace npgov::hazard {
namespace {

ParsedHazardFile Parse(const std::string& csv) {
    auto table = tabular::ReadTable(csv);
    EXPECT_TRUE(table) << table.error().Describe();
    auto columns = FindHazardColumns(*table);
    EXPECT_TRUE(columns) << columns.error().Describe();
    return ParseHazardRows(*table, *columns, {2026});
}

constexpr const char* kHeader =
    "kind,cas,property,qualifier,value,unit,temperature,provenance,method,method_version,inputs,species,taxon_group,"
    "endpoint,exposure,duration,duration_unit,classification,category,reliability,source,source_year,notes\n";

TEST(ParseHazardRowsTest, ReadsTheThreeKindsOfRecord) {
    const auto parsed = Parse(std::string(kHeader) +
                              "property,58-89-9,water_solubility,,7.3,mg/L,25,measured,,,,,,,,,,,,2,EPA 811-F-95-003,1995,\n"
                              "property,58-89-9,log_kow,,3.9,,,estimated,KOWWIN,1.68,SMILES,,,,,,,,,,,,\n"
                              "ecotox,58-89-9,,,0.024,mg/L,,,,,,Daphnia magna,invertebrate,NOEC,chronic,21,d,,,2,ECHA,2019,\n"
                              "classification,1763-23-1,,,,,,,,,,,,,,,,pop,annex_b,,SC-4/17,2009,\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().Describe();
    ASSERT_EQ(parsed.rows.size(), 4u);
    const auto& ws = parsed.rows[0];
    EXPECT_EQ(ws.kind, RecordKind::kProperty);
    EXPECT_EQ(ws.cas, "58-89-9");
    EXPECT_EQ(ws.row, 2);
    EXPECT_EQ(ws.property.entry.property, PropertyKind::kWaterSolubility);
    EXPECT_DOUBLE_EQ(ws.property.normalised, 7.3);
    EXPECT_EQ(ws.property.entry.temperature_c, 25.0);
    EXPECT_EQ(ws.property.entry.reliability, 2);
    EXPECT_EQ(ws.property.entry.source_year, 1995);
    EXPECT_EQ(parsed.rows[1].property.entry.provenance, Provenance::kEstimated);
    const auto& tox = parsed.rows[2].ecotox;
    EXPECT_EQ(tox.entry.endpoint, Endpoint::kNoec);
    EXPECT_DOUBLE_EQ(tox.duration_hours, 504);
    EXPECT_EQ(tox.entry.trophic_level, TrophicLevel::kPrimaryConsumer) << "default for invertebrates";
    EXPECT_EQ(tox.entry.compartment, Compartment::kFreshwater);
    EXPECT_EQ(tox.normalised_unit, "mg/L");
    EXPECT_EQ(parsed.rows[3].classification.entry.kind, ClassificationKind::kPop);
    EXPECT_EQ(parsed.rows[3].classification.entry.category, "annex_b");
}

TEST(ParseHazardRowsTest, ChineseHeadersAndWords) {
    const auto parsed = Parse(
        "记录类型,CAS号,性质,数值,单位,温度,数据类型,可靠性,来源\n"
        "理化性质,71-43-2,蒸气压,12.7,kPa,25,实测,2,Mackay 2006\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().Describe();
    ASSERT_EQ(parsed.rows.size(), 1u);
    EXPECT_DOUBLE_EQ(parsed.rows[0].property.normalised, 12700);
}

TEST(ParseHazardRowsTest, ListsEveryProblemWithRowAndColumn) {
    struct Expected {
        long row;
        const char* reason;
        const char* column;
    };
    const auto parsed = Parse(
        std::string(kHeader) +
        "property,58-89-8,water_solubility,,7.3,mg/L,25,measured,,,,,,,,,,,,2,EPA,1995,\n"       // 2: CAS check digit
        "property,58-89-9,water_solubility,,7.3,mg/L,,measured,,,,,,,,,,,,2,EPA,1995,\n"         // 3: no temperature
        "property,58-89-9,log_kow,,3.7,,,measured,,,,,,,,,,,,,,1995,\n"                          // 4: no source, no reliability
        "property,58-89-9,log_kow,,3.7,,,estimated,,,,,,,,,,,,,,,\n"                             // 5: no method
        "property,58-89-9,density,,1.8,g/cm3,,measured,,,,,,,,,,,,2,EPA,,\n"                     // 6: unknown property
        "ecotox,58-89-9,,,0.024,mg/kg,,,,,,Daphnia magna,invertebrate,NOEC,chronic,21,d,,,2,ECHA,,\n"  // 7: unit
        "ecotox,58-89-9,,,0.024,mg/L,,,,,,,invertebrate,LD50,chronic,21,d,,,7,,,\n"              // 8: four problems
        "classification,58-89-9,,,,,,,,,,,,,,,,carcinogenic,known,,IARC,2018,\n"                 // 9: category
        "property,58-89-9,log_kow,,3.7,,,measured,,,,Daphnia magna,,,,,,,,2,EPA,2031,\n"         // 10: shifted, year
        "toxicity,58-89-9,,,,,,,,,,,,,,,,,,,,,\n");                                               // 11: kind
    const Expected expected[] = {
        {2, "cas.check_digit", "cas"},
        {3, "hazard.temperature_required", "temperature"},
        {4, "hazard.source_required", "source"},
        {4, "hazard.reliability_required", "reliability"},
        {5, "hazard.estimate_method_required", "method"},
        {5, "hazard.estimate_method_required", "method_version"},
        {5, "hazard.estimate_method_required", "inputs"},
        {6, "hazard.property", "property"},
        {7, "hazard.unit", "unit"},
        {8, "hazard.endpoint", "endpoint"},
        {8, "hazard.reliability", "reliability"},
        {8, "hazard.species_required", "species"},
        {8, "hazard.source_required", "source"},
        {9, "hazard.category", "category"},
        {10, "hazard.cell_ignored", "species"},
        {10, "hazard.source_year", "source_year"},
        {11, "hazard.kind", "kind"},
    };
    EXPECT_TRUE(parsed.rows.empty());
    ASSERT_EQ(parsed.errors.size(), std::size(expected));
    for (std::size_t i = 0; i < parsed.errors.size(); ++i) {
        const Error& e = parsed.errors[i];
        SCOPED_TRACE(e.Describe());
        bool found = false;
        for (const auto& x : expected) {
            if (x.row == e.row && e.reason == x.reason && e.field == x.column) found = true;
        }
        EXPECT_TRUE(found);
        EXPECT_EQ(e.message_zh.rfind("第 " + std::to_string(e.row) + " 行“", 0), 0u) << e.message_zh;
        EXPECT_EQ(e.message_en.rfind("row " + std::to_string(e.row) + ", column \"", 0), 0u) << e.message_en;
    }
}

TEST(ParseHazardRowsTest, CapsTheListedErrors) {
    std::string csv = kHeader;
    for (int i = 0; i < 30; ++i) csv += "property,58-89-9,bogus,,1,,,measured,,,,,,,,,,,,2,EPA,,\n";
    auto table = tabular::ReadTable(csv).value();
    auto parsed = ParseHazardRows(table, FindHazardColumns(table).value(), {2026}, 10);
    EXPECT_EQ(parsed.errors.size(), 10u);
    EXPECT_EQ(parsed.errors_omitted, 20);
}

TEST(FindHazardColumnsTest, NamesTheMissingColumns) {
    auto table = tabular::ReadTable("property,value\nlog_kow,3\n").value();
    auto columns = FindHazardColumns(table);
    ASSERT_FALSE(columns);
    EXPECT_EQ(columns.error().reason, "hazard.columns");
    EXPECT_NE(columns.error().message_en.find("kind"), std::string::npos);
    EXPECT_NE(columns.error().message_en.find("CAS"), std::string::npos);
}

}  // namespace
}  // namespace npgov::hazard
