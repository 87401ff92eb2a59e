#include "engines/tabular/excel_date.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace npgov::tabular {
namespace {

TEST(ClassifyNumberFormatTest, KnowsBuiltInDateAndTimeFormats) {
    // ECMA-376 Part 1, 18.8.30: 14–17 dates, 18–21 times, 22 date-time, 45/47 times, 46 elapsed;
    // zh-CN East Asian formats 27–31, 36, 50–54, 57–58 dates and 32–35, 55–56 times.
    struct Case {
        int id;
        DateStyle expected;
    };
    const Case cases[] = {
        {0, DateStyle::kNone},  {1, DateStyle::kNone},      {2, DateStyle::kNone},
        {9, DateStyle::kNone},  {10, DateStyle::kNone},     {13, DateStyle::kNone},
        {14, DateStyle::kDate}, {15, DateStyle::kDate},     {17, DateStyle::kDate},
        {18, DateStyle::kTime}, {21, DateStyle::kTime},     {22, DateStyle::kDateTime},
        {23, DateStyle::kNone}, {37, DateStyle::kNone},     {44, DateStyle::kNone},
        {45, DateStyle::kTime}, {46, DateStyle::kNone},     {47, DateStyle::kTime},
        {49, DateStyle::kNone}, {27, DateStyle::kDate},     {31, DateStyle::kDate},
        {32, DateStyle::kTime}, {35, DateStyle::kTime},     {36, DateStyle::kDate},
        {50, DateStyle::kDate}, {55, DateStyle::kTime},     {58, DateStyle::kDate},
        {164, DateStyle::kNone},  // a custom id without its code
    };
    for (const Case& c : cases) {
        EXPECT_EQ(ClassifyNumberFormat(c.id, ""), c.expected) << "numFmtId " << c.id;
    }
}

TEST(ClassifyNumberFormatTest, ReadsCustomFormatCodes) {
    struct Case {
        std::string_view code;
        DateStyle expected;
    };
    const Case cases[] = {
        {"yyyy-mm-dd", DateStyle::kDate},
        {"yyyy/m/d", DateStyle::kDate},
        {"yyyy\"年\"m\"月\"d\"日\"", DateStyle::kDate},
        {"[$-804]yyyy\"年\"m\"月\"d\"日\";@", DateStyle::kDate},  // locale prefix in brackets
        {"mmm-yy", DateStyle::kDate},
        {"m/d", DateStyle::kDate},
        {"yyyy-mm-dd hh:mm", DateStyle::kDateTime},
        {"yyyy/m/d h:mm AM/PM", DateStyle::kDateTime},
        {"h:mm", DateStyle::kTime},
        {"mm:ss", DateStyle::kTime},  // m next to s is minutes
        {"h:mm AM/PM", DateStyle::kTime},
        {"h\"时\"mm\"分\"", DateStyle::kTime},
        {"[h]:mm:ss", DateStyle::kNone},  // elapsed time: a duration, left as a number
        {"0.00", DateStyle::kNone},
        {"#,##0.00_);[Red](#,##0.00)", DateStyle::kNone},
        {"0.00E+00", DateStyle::kNone},
        {"General", DateStyle::kNone},
        {"@", DateStyle::kNone},
        {"0\" days\"", DateStyle::kNone},     // letters in quotes are literal
        {"0\\d", DateStyle::kNone},           // an escaped literal
        {"0.0_m", DateStyle::kNone},          // _m: a space as wide as "m"
        {"[Red]0.00", DateStyle::kNone},
        {"0.00;yyyy-mm-dd", DateStyle::kNone},  // only the first section counts
    };
    for (const Case& c : cases) {
        EXPECT_EQ(ClassifyNumberFormat(170, c.code), c.expected) << "code " << c.code;
    }
    // A code given for a built-in id overrides the built-in meaning.
    EXPECT_EQ(ClassifyNumberFormat(14, "0.00"), DateStyle::kNone);
}

TEST(FormatExcelSerialTest, Converts1900SerialsWithTheLeapYearBug) {
    // Microsoft, "Differences between the 1900 and the 1904 date system in Excel": serial 1 is
    // 1900-01-01 and 60 the non-existent 1900-02-29 kept for Lotus 1-2-3 compatibility.
    struct Case {
        double serial;
        std::optional<std::string> expected;
    };
    const Case cases[] = {
        {1, "1900-01-01"},
        {59, "1900-02-28"},
        {60, std::nullopt},
        {61, "1900-03-01"},
        {45059, "2023-05-13"},
        {45059.75, "2023-05-13"},  // a date style shows the day only
        {2958465, "9999-12-31"},
        {2958466, std::nullopt},
        {0, std::nullopt},
        {-1, std::nullopt},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(FormatExcelSerial(c.serial, DateSystem::k1900, DateStyle::kDate), c.expected)
            << "serial " << c.serial;
    }
}

TEST(FormatExcelSerialTest, Converts1904Serials) {
    // The 1904 system counts from 1904-01-01 = 0; its serials are 1462 below the 1900 ones.
    EXPECT_EQ(FormatExcelSerial(0, DateSystem::k1904, DateStyle::kDate), "1904-01-01");
    EXPECT_EQ(FormatExcelSerial(43597, DateSystem::k1904, DateStyle::kDate), "2023-05-13");
    EXPECT_EQ(FormatExcelSerial(2958465 - 1462, DateSystem::k1904, DateStyle::kDate), "9999-12-31");
    EXPECT_EQ(FormatExcelSerial(2958466 - 1462, DateSystem::k1904, DateStyle::kDate), std::nullopt);
}

TEST(FormatExcelSerialTest, WritesTimesAndDateTimes) {
    EXPECT_EQ(FormatExcelSerial(45059 + 14.5 / 24, DateSystem::k1900, DateStyle::kDateTime), "2023-05-13T14:30:00");
    EXPECT_EQ(FormatExcelSerial(45059, DateSystem::k1900, DateStyle::kDateTime), "2023-05-13T00:00:00");
    EXPECT_EQ(FormatExcelSerial(0.5, DateSystem::k1900, DateStyle::kTime), "12:00:00");
    EXPECT_EQ(FormatExcelSerial(1.75, DateSystem::k1900, DateStyle::kTime), "18:00:00");  // days ignored
    // 23:59:59.9 rounds to midnight of the next day.
    EXPECT_EQ(FormatExcelSerial(45059 + 86399.9 / 86400, DateSystem::k1900, DateStyle::kDateTime),
              "2023-05-14T00:00:00");
    EXPECT_EQ(FormatExcelSerial(45059, DateSystem::k1900, DateStyle::kNone), std::nullopt);
    EXPECT_EQ(FormatExcelSerial(std::numeric_limits<double>::quiet_NaN(), DateSystem::k1900, DateStyle::kDate),
              std::nullopt);
    EXPECT_EQ(FormatExcelSerial(1e300, DateSystem::k1900, DateStyle::kDate), std::nullopt);
}

}  // namespace
}  // namespace npgov::tabular
