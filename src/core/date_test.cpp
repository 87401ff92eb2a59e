// Day arithmetic is Howard Hinnant's days_from_civil / civil_from_days ("chrono-Compatible
// Low-Level Date Algorithms"); leap years per the Gregorian rule (divisible by 4, except
// centuries not divisible by 400). Timestamp text per ISO 8601 / RFC 3339 §5.6.
#include "core/date.hpp"

#include <ostream>

#include <gtest/gtest.h>

namespace npgov {

// Readable failure output for gtest (found by argument-dependent lookup).
void PrintTo(const Date& date, std::ostream* out) { *out << date.ToIsoString(); }

namespace {

TEST(DateTest, ParsesCommonChineseAndIsoSpellings) {
    struct Case {
        std::string_view input;
        Date expected;
    };
    const Case cases[] = {
        {"2023-05-13", {2023, 5, 13}},   {"2023/5/13", {2023, 5, 13}},
        {"2023.5.13", {2023, 5, 13}},    {"2023年5月13日", {2023, 5, 13}},
        {"2023年05月13日", {2023, 5, 13}}, {"2023年5月13", {2023, 5, 13}},
        {"20230513", {2023, 5, 13}},     {" 2023-5-3 ", {2023, 5, 3}},
        {"２０２３－０５－１３", {2023, 5, 13}}, {"2024-02-29", {2024, 2, 29}},  // leap year
        {"2000-02-29", {2000, 2, 29}},   // divisible by 400
        {"2023-12-31", {2023, 12, 31}},
    };
    for (const Case& c : cases) {
        const auto date = Date::Parse(c.input);
        ASSERT_TRUE(date) << "input: " << c.input << ": " << date.error().Describe();
        EXPECT_EQ(*date, c.expected) << "input: " << c.input;
    }
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
    struct Case {
        std::string_view input, reason;
    };
    const Case cases[] = {
        {"", "date.format"},
        {"2023-05", "date.format"},
        {"2023-05-13T08:00:00Z", "date.format"},
        {"2023-05/13", "date.format"},  // mixed separators
        {"23-05-13", "date.format"},    // two-digit year
        {"2023-005-13", "date.format"},
        {"2023年5月", "date.format"},
        {"2023513", "date.format"},
        {"13/05/2023", "date.format"},  // day first is ambiguous
        {"2023-02-29", "date.invalid"},  // 2023 is not a leap year
        {"1900-02-29", "date.invalid"},  // century not divisible by 400
        {"2023-04-31", "date.invalid"},
        {"2023-13-01", "date.invalid"},
        {"2023-00-10", "date.invalid"},
        {"2023-01-00", "date.invalid"},
        {"20231301", "date.invalid"},
        {"0000-01-01", "date.invalid"},
    };
    for (const Case& c : cases) {
        const auto date = Date::Parse(c.input);
        ASSERT_FALSE(date) << "input: " << c.input;
        EXPECT_EQ(date.error().reason, c.reason) << "input: " << c.input;
        EXPECT_EQ(date.error().field, "date") << "input: " << c.input;
    }
}

TEST(DateTest, InvalidDayMessageExplainsLeapYear) {
    const auto date = Date::Parse("2023-02-29");
    ASSERT_FALSE(date);
    EXPECT_NE(date.error().message_en.find("not a leap year"), std::string::npos)
        << date.error().message_en;
    EXPECT_NE(date.error().message_zh.find("不是闰年"), std::string::npos)
        << date.error().message_zh;
}

TEST(DateTest, WritesZeroPaddedIso) {
    EXPECT_EQ((Date{2023, 5, 3}.ToIsoString()), "2023-05-03");
    EXPECT_EQ((Date{987, 12, 31}.ToIsoString()), "0987-12-31");
}

TEST(DateTest, ComparesChronologically) {
    EXPECT_LT((Date{2023, 5, 13}), (Date{2023, 5, 14}));
    EXPECT_LT((Date{2023, 5, 31}), (Date{2023, 6, 1}));
    EXPECT_LT((Date{2022, 12, 31}), (Date{2023, 1, 1}));
    EXPECT_EQ((Date{2023, 5, 13}), (Date{2023, 5, 13}));
}

TEST(DaysBetweenTest, CountsCalendarDays) {
    struct Case {
        Date from, to;
        int expected;
    };
    const Case cases[] = {
        {{1970, 1, 1}, {1970, 1, 1}, 0},
        {{1970, 1, 1}, {2000, 1, 1}, 10957},  // 30 years with 7 leap days
        {{2000, 1, 1}, {1970, 1, 1}, -10957},
        {{2024, 2, 28}, {2024, 3, 1}, 2},  // leap year
        {{2023, 2, 28}, {2023, 3, 1}, 1},
        {{1900, 2, 28}, {1900, 3, 1}, 1},  // 1900 is not a leap year
        {{2000, 2, 28}, {2000, 3, 1}, 2},  // 2000 is
        {{2023, 1, 1}, {2024, 1, 1}, 365},
        {{2024, 1, 1}, {2025, 1, 1}, 366},
        {{1969, 12, 31}, {1970, 1, 1}, 1},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(DaysBetween(c.from, c.to), c.expected)
            << c.from.ToIsoString() << " -> " << c.to.ToIsoString();
    }
}

TEST(AddDaysTest, InvertsDaysBetweenAcrossCenturies) {
    const Date origin{1900, 1, 1};
    Date previous = origin;
    for (int days = 1; days <= 200 * 366; ++days) {  // to 2100, one day at a time
        const Date next = AddDays(origin, days);
        ASSERT_TRUE(Date::FromParts(next.year, next.month, next.day)) << next.ToIsoString();
        ASSERT_EQ(DaysBetween(previous, next), 1) << next.ToIsoString();
        ASSERT_EQ(DaysBetween(origin, next), days) << next.ToIsoString();
        previous = next;
    }
    EXPECT_EQ(AddDays(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
}

TEST(TimestampTest, ParsesIsoWithOffsets) {
    struct Case {
        std::string_view input;
        std::int64_t expected;
    };
    const Case cases[] = {
        {"1970-01-01T00:00:00Z", 0},
        {"2026-11-29T08:00:00Z", 1795939200},
        {"2026-11-29T16:00:00+08:00", 1795939200},  // Beijing time
        {"2026-11-29T16:00:00+0800", 1795939200},
        {"2026-11-29T03:00:00-05:00", 1795939200},
        {"2026-11-29 08:00:00Z", 1795939200},
        {"2026-11-29t08:00:00z", 1795939200},
        {"2026-11-29T08:00:00.999Z", 1795939200},  // fraction dropped
        {"1969-12-31T23:59:59Z", -1},
        {"2024-02-29T00:00:00+08:00", 1709136000},
    };
    for (const Case& c : cases) {
        const auto timestamp = Timestamp::Parse(c.input);
        ASSERT_TRUE(timestamp) << "input: " << c.input << ": " << timestamp.error().Describe();
        EXPECT_EQ(timestamp->unix_seconds, c.expected) << "input: " << c.input;
    }
}

TEST(TimestampTest, RejectsMissingOffsetAndImpossibleTimes) {
    struct Case {
        std::string_view input, reason;
    };
    const Case cases[] = {
        {"2026-11-29T08:00:00", "date.format"},  // no offset: ambiguous
        {"2026-11-29", "date.format"},
        {"2026-11-29T08:00Z", "date.format"},
        {"2026/11/29T08:00:00Z", "date.format"},
        {"2026-11-29T08:00:00+8", "date.format"},
        {"2026-11-29T08:00:00+08:00x", "date.format"},
        {"", "date.format"},
        {"2026-11-29T24:00:00Z", "date.invalid"},
        {"2026-11-29T08:60:00Z", "date.invalid"},
        {"2026-11-29T08:00:60Z", "date.invalid"},  // leap seconds are not represented
        {"2026-02-30T08:00:00Z", "date.invalid"},
    };
    for (const Case& c : cases) {
        const auto timestamp = Timestamp::Parse(c.input);
        ASSERT_FALSE(timestamp) << "input: " << c.input;
        EXPECT_EQ(timestamp.error().reason, c.reason) << "input: " << c.input;
    }
    const auto ambiguous = Timestamp::Parse("2026-11-29T08:00:00");
    EXPECT_NE(ambiguous.error().message_en.find("offset is missing"), std::string::npos)
        << ambiguous.error().message_en;
}

TEST(TimestampTest, WritesUtcIso) {
    struct Case {
        std::int64_t unix_seconds;
        std::string_view expected;
    };
    const Case cases[] = {
        {0, "1970-01-01T00:00:00Z"},
        {1795939200, "2026-11-29T08:00:00Z"},
        {-1, "1969-12-31T23:59:59Z"},
        {951782400, "2000-02-29T00:00:00Z"},
        {253402300799, "9999-12-31T23:59:59Z"},
    };
    for (const Case& c : cases) {
        const Timestamp timestamp{c.unix_seconds};
        EXPECT_EQ(timestamp.ToIsoString(), c.expected) << c.unix_seconds;
        EXPECT_EQ(Timestamp::Parse(c.expected)->unix_seconds, c.unix_seconds) << c.expected;
    }
}

TEST(ToDateTest, UsesUtcUnlessAnOffsetIsGiven) {
    const Timestamp evening_utc{1795939200 + 10 * 3600};  // 2026-11-29T18:00:00Z
    EXPECT_EQ(ToDate(evening_utc), (Date{2026, 11, 29}));
    // 02:00 the next morning in Shuozhou.
    EXPECT_EQ(ToDate(evening_utc, kChinaStandardTimeOffsetMinutes), (Date{2026, 11, 30}));
    EXPECT_EQ(ToDate(Timestamp{-1}), (Date{1969, 12, 31}));
}

}  // namespace
}  // namespace npgov
