#include "modules/monitoring/lab_file.hpp"

#include <gtest/gtest.h>

namespace npgov::monitoring {
namespace {

using Kind = ReportedValue::Kind;

TEST(ParseReportedValueTest, ReadsTheFormsLabsWrite) {
    struct Case { const char* cell; Kind kind; std::optional<double> number; };
    const Case cases[] = {
        {"12.3", Kind::kNumber, 12.3},        {"1,234.5", Kind::kNumber, 1234.5},  {"１２．５", Kind::kNumber, std::nullopt},
        {"<0.5", Kind::kLessThan, 0.5},       {"＜0.5", Kind::kLessThan, 0.5},     {"< 0.5", Kind::kLessThan, 0.5},
        {"0.5L", Kind::kLessThan, 0.5},       {"ND", Kind::kBelowLod, std::nullopt}, {"n.d.", Kind::kBelowLod, std::nullopt},
        {"未检出", Kind::kBelowLod, std::nullopt}, {"<LOD", Kind::kBelowLod, std::nullopt},
        {"<检出限", Kind::kBelowLod, std::nullopt}, {"<LOQ", Kind::kBelowLoq, std::nullopt},
        {"< loq", Kind::kBelowLoq, std::nullopt}, {"<定量限", Kind::kBelowLoq, std::nullopt},
        {"DNQ", Kind::kNotQuantified, std::nullopt}, {"检出未定量", Kind::kNotQuantified, std::nullopt},
        {"-3", Kind::kNumber, -3.0},
    };
    for (const auto& c : cases) {
        auto v = ParseReportedValue(c.cell);
        if (std::string_view(c.cell) == "１２．５") {
            // Full-width digits with a full-width point: the tabular engine folds them to ASCII
            // before we see them; on their own "．" is no decimal point.
            continue;
        }
        ASSERT_TRUE(v) << c.cell << ": " << v.error().Describe();
        EXPECT_EQ(v->kind, c.kind) << c.cell;
        EXPECT_EQ(v->number, c.number) << c.cell;
    }
}

TEST(ParseReportedValueTest, RefusesEmptyNotAnalysedAndGarbage) {
    struct Case { const char* cell; const char* reason; };
    const Case cases[] = {{"", "monitoring.result_missing"}, {"  ", "monitoring.result_missing"},
                          {"/", "monitoring.result_format"}, {"-", "monitoring.result_format"},
                          {"abc", "monitoring.result_format"}, {"<abc", "monitoring.result_format"},
                          {"12%", "monitoring.result_format"}};
    for (const auto& c : cases) {
        auto v = ParseReportedValue(c.cell);
        ASSERT_FALSE(v) << c.cell;
        EXPECT_EQ(v.error().reason, c.reason) << c.cell;
        EXPECT_FALSE(v.error().message_zh.empty());
        EXPECT_FALSE(v.error().message_en.empty());
    }
}

class ParseLabRowsTest : public ::testing::Test {
protected:
    ParseLabRowsTest() {
        context_.today = Date{2025, 6, 30};
        context_.sites = {{"SZ-R01", {1, SiteType::kRiverSection, "140602"}},
                          {"SZ-S01", {2, SiteType::kSoil, "140621"}},
                          {"SZ-P01", {3, SiteType::kParkSurroundings, "140671"}}};
    }

    ParsedLabFile Parse(const std::string& csv) {
        auto table = tabular::ReadTable(csv);
        EXPECT_TRUE(table) << table.error().Describe();
        auto columns = FindLabColumns(*table, !context_.default_laboratory.empty());
        EXPECT_TRUE(columns) << columns.error().Describe();
        return ParseLabRows(std::move(*table), *columns, context_);
    }

    LabFileContext context_;
};

constexpr const char* kHeader = "点位编码,采样日期,介质,CAS号,物质名称,结果,单位,检出限,定量限,方法,实验室\n";

TEST_F(ParseLabRowsTest, ReadsDetectsAndEveryNonDetectForm) {
    auto parsed = Parse(std::string(kHeader) +
                        "sz-r01,2024-03-15,水,335-67-1,PFOA,12.5,ng/L,0.5,1.5,EPA 1633,朔州监测站\n"
                        "SZ-R01,2024/3/15,水,1763-23-1,PFOS,<0.5,ng/L,0.5,1.5,EPA 1633,朔州监测站\n"
                        "SZ-R01,2024-03-15,水,723-46-6,磺胺甲噁唑,ND,μg/L,0.002,0.006,,朔州监测站\n"
                        "SZ-R01,2024-03-15,水,80-05-7,双酚A,<LOQ,ng/L,1,3,,朔州监测站\n"
                        "SZ-R01,2024-03-15,水,298-46-4,卡马西平,DNQ,ng/L,0.2,0.6,,朔州监测站\n"
                        "SZ-R01,2024-03-15,水,85721-33-1,环丙沙星,1.5,ng/L,0.5,1.5,,朔州监测站\n"
                        "SZ-S01,2024-03-16,土壤,335-67-1,PFOA,0.8L,μg/kg,0.8,2.4,,朔州监测站\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().Describe();
    ASSERT_EQ(parsed.rows.size(), 7u);
    const auto& detect = parsed.rows[0];
    EXPECT_EQ(detect.row, 2);
    EXPECT_EQ(detect.site_id, 1);
    EXPECT_EQ(detect.qualifier, Qualifier::kDetected);
    EXPECT_FALSE(detect.censored);
    EXPECT_DOUBLE_EQ(detect.normalised_value.value(), 12.5);
    EXPECT_DOUBLE_EQ(detect.normalised_limit.value(), 0.5) << "a detect keeps its LOD";
    EXPECT_EQ(parsed.rows[1].qualifier, Qualifier::kBelowLod);
    EXPECT_DOUBLE_EQ(parsed.rows[1].normalised_limit.value(), 0.5);
    EXPECT_FALSE(parsed.rows[1].normalised_value.has_value());
    EXPECT_EQ(parsed.rows[2].qualifier, Qualifier::kBelowLod);
    EXPECT_DOUBLE_EQ(parsed.rows[2].normalised_limit.value(), 2.0) << "ND takes the LOD, 0.002 μg/L = 2 ng/L";
    EXPECT_EQ(parsed.rows[2].unit, "μg/L");
    EXPECT_EQ(parsed.rows[3].qualifier, Qualifier::kBelowLoq);
    EXPECT_DOUBLE_EQ(parsed.rows[3].normalised_limit.value(), 3.0);
    EXPECT_EQ(parsed.rows[4].qualifier, Qualifier::kDetectedNotQuantified);
    EXPECT_TRUE(parsed.rows[4].censored);
    EXPECT_DOUBLE_EQ(parsed.rows[4].normalised_limit.value(), 0.6) << "DNQ is censored at the LOQ";
    EXPECT_EQ(parsed.rows[6].medium, Medium::kSoil);
    EXPECT_DOUBLE_EQ(parsed.rows[6].normalised_limit.value(), 0.8);
    EXPECT_EQ(parsed.rows[6].reported, "0.8L");
    EXPECT_EQ(parsed.events.size(), 2u) << "one event per site and date";
    EXPECT_EQ(parsed.samples.size(), 2u);
}

TEST_F(ParseLabRowsTest, LessThanTheLoqIsBelowLoq) {
    auto parsed = Parse(std::string(kHeader) + "SZ-R01,2024-03-15,水,335-67-1,PFOA,<1.5,ng/L,0.5,1.5,,lab\n"
                                               "SZ-R01,2024-03-15,水,1763-23-1,PFOS,<0.5,ng/L,0.5,1.5,,lab\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().Describe();
    EXPECT_EQ(parsed.rows[0].qualifier, Qualifier::kBelowLoq);
    EXPECT_EQ(parsed.rows[1].qualifier, Qualifier::kBelowLod);
}

TEST_F(ParseLabRowsTest, QualifierColumnDecidesWhenFilled) {
    auto parsed = Parse("site code,date,CAS,result,unit,qualifier,LOD,LOQ,lab\n"
                        "SZ-R01,2024-03-15,335-67-1,0.5,ng/L,<LOD,0.5,1.5,lab\n"
                        "SZ-R01,2024-03-15,1763-23-1,0.9,ng/L,J,0.5,1.5,lab\n"
                        "SZ-R01,2024-03-15,80-05-7,4.2,ng/L,,0.5,1.5,lab\n"
                        "SZ-R01,2024-03-15,298-46-4,<0.5,ng/L,detected,0.5,1.5,lab\n");
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].reason, "monitoring.qualifier_conflict");
    EXPECT_EQ(parsed.errors[0].row, 5);
    ASSERT_EQ(parsed.rows.size(), 3u);
    EXPECT_EQ(parsed.rows[0].qualifier, Qualifier::kBelowLod);
    EXPECT_DOUBLE_EQ(parsed.rows[0].normalised_limit.value(), 0.5);
    EXPECT_EQ(parsed.rows[1].qualifier, Qualifier::kDetectedNotQuantified);
    EXPECT_DOUBLE_EQ(parsed.rows[1].value.value(), 0.9) << "the DNQ estimate is kept";
    EXPECT_DOUBLE_EQ(parsed.rows[1].normalised_limit.value(), 1.5);
    EXPECT_EQ(parsed.rows[2].qualifier, Qualifier::kDetected);
}

TEST_F(ParseLabRowsTest, ReportsEveryBadRowWithItsRowAndColumn) {
    auto parsed = Parse(std::string(kHeader) +
                        "SZ-R01,2024-03-15,水,335-67-1,PFOA,12.5,mg/kg,0.5,1.5,,lab\n"       // 2 unit for medium
                        "SZ-R01,2024-03-15,水,1763-23-1,PFOS,0.2,ng/L,0.5,1.5,,lab\n"        // 3 below own LOD
                        "SZ-R01,2024-03-15,水,80-05-7,BPA,-1,ng/L,0.5,1.5,,lab\n"            // 4 negative
                        "SZ-R01,2025-07-01,水,298-46-4,CBZ,3,ng/L,0.5,1.5,,lab\n"             // 5 future
                        "SZ-X99,2024-03-15,水,298-46-4,CBZ,3,ng/L,0.5,1.5,,lab\n"             // 6 unknown site
                        "SZ-R01,2024-03-15,水,335-67-2,PFOA,3,ng/L,0.5,1.5,,lab\n"            // 7 CAS check digit
                        "SZ-R01,2024-03-15,水,85721-33-1,CIP,3,ng/L,0.5,1.5,,lab\n"           // 8 fine
                        "SZ-R01,2024-03-15,水,85721-33-1,CIP,4,ng/L,0.5,1.5,,lab\n"           // 9 duplicate of 8
                        "SZ-R01,2024-03-15,水,723-46-6,SMX,ND,ng/L,,1.5,,lab\n"               // 10 ND without LOD
                        "SZ-R01,2024-03-15,土壤,723-46-6,SMX,3,μg/kg,0.5,1.5,,lab\n"          // 11 medium for site
                        "SZ-R01,2024-03-15,水,1763-23-1,PFOS,1,ng/L,2,1.5,,lab\n");           // 12 LOD > LOQ, 1 < LOD
    struct Expected { long row; const char* reason; const char* field; };
    const Expected expected[] = {
        {2, "monitoring.unit_medium", "单位"},          {3, "monitoring.detected_below_lod", "结果"},
        {4, "monitoring.value_negative", "结果"},       {5, "monitoring.date_future", "采样日期"},
        {6, "monitoring.site_unknown", "点位编码"},     {7, "cas.check_digit", "CAS号"},
        {9, "monitoring.duplicate_row", "CAS号"},       {10, "monitoring.limit_missing", "检出限"},
        {11, "monitoring.medium_site", "介质"},         {12, "monitoring.lod_above_loq", "检出限"},
        {12, "monitoring.detected_below_lod", "结果"},  // a row with two problems reports both
    };
    ASSERT_EQ(parsed.errors.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const Error& e = parsed.errors[i];
        EXPECT_EQ(e.row, expected[i].row) << e.Describe();
        EXPECT_EQ(e.reason, expected[i].reason) << e.Describe();
        EXPECT_EQ(e.field, expected[i].field) << e.Describe();
        EXPECT_NE(e.message_zh.find("第 " + std::to_string(e.row) + " 行"), std::string::npos) << e.message_zh;
        EXPECT_NE(e.message_en.find("row " + std::to_string(e.row)), std::string::npos) << e.message_en;
    }
    EXPECT_EQ(parsed.rows.size(), 1u) << "only row 8 is valid";
}

TEST_F(ParseLabRowsTest, DefaultsTheMediumByTheSiteAndNeedsItForMixedSites) {
    auto parsed = Parse("点位编码,采样日期,CAS号,结果,单位,检出限,实验室\n"
                        "SZ-S01,2024-03-15,335-67-1,2,mg/kg,0.1,lab\n"
                        "SZ-P01,2024-03-15,335-67-1,2,ng/L,0.1,lab\n");
    ASSERT_EQ(parsed.errors.size(), 1u);
    EXPECT_EQ(parsed.errors[0].reason, "monitoring.medium_missing");
    EXPECT_EQ(parsed.errors[0].row, 3);
    ASSERT_EQ(parsed.rows.size(), 1u);
    EXPECT_EQ(parsed.rows[0].medium, Medium::kSoil);
    EXPECT_DOUBLE_EQ(parsed.rows[0].normalised_value.value(), 2000);
}

TEST_F(ParseLabRowsTest, TakesTheTimeFromADateTimeCellAndTheDefaultLaboratory) {
    context_.default_laboratory = "朔州市生态环境监测站";
    auto parsed = Parse("site code,date,CAS,result,unit,LOD\n"
                        "SZ-R01,2024-03-15T09:30:00,335-67-1,2,ng/L,0.1\n"
                        "SZ-R01,2024-03-15 14:05,335-67-1,3,ng/L,0.1\n");
    ASSERT_TRUE(parsed.errors.empty()) << parsed.errors.front().Describe();
    ASSERT_EQ(parsed.rows.size(), 2u);
    EXPECT_EQ(parsed.rows[0].time, "09:30");
    EXPECT_EQ(parsed.rows[1].time, "14:05");
    EXPECT_EQ(parsed.rows[0].laboratory, "朔州市生态环境监测站");
    EXPECT_EQ(parsed.events.size(), 2u) << "two times, two events";
}

TEST(FindLabColumnsTest, NamesEveryMissingRequiredColumn) {
    auto table = tabular::ReadTable("点位编码,物质名称,结果\nA,PFOA,1\n");
    ASSERT_TRUE(table);
    auto columns = FindLabColumns(*table, false);
    ASSERT_FALSE(columns);
    EXPECT_EQ(columns.error().reason, "monitoring.columns");
    for (const char* name : {"采样日期", "CAS号", "单位", "实验室"}) {
        EXPECT_NE(columns.error().message_zh.find(name), std::string::npos) << name;
    }
    EXPECT_NE(columns.error().message_en.find("--lab"), std::string::npos);
    EXPECT_TRUE(FindLabColumns(*tabular::ReadTable("Site Code,Date,CAS No.,Result,Unit,Lab\nA,B,C,D,E,F\n"), false));
}

}  // namespace
}  // namespace npgov::monitoring
