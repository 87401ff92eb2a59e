// Calendar dates and instants. A Date is a civil date (proleptic Gregorian) with no time zone,
// as written on permits and reports; a Timestamp is an instant in Unix seconds, written in UTC.
// Day arithmetic uses Howard Hinnant's days_from_civil ("chrono-Compatible Low-Level Date
// Algorithms", http://howardhinnant.github.io/date_algorithms.html).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace npgov {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    // Parses "2023-05-13", "2023/5/13", "2023.5.13", "2023年5月13日" ("日" optional) and
    // "20230513"; full-width digits and separators and surrounding whitespace are accepted.
    // The year has four digits. Returns kInvalidArgument, field "date", reason "date.format"
    // (none of these shapes) or "date.invalid" (no such day, e.g. 2023-02-29).
    static Result<Date> Parse(std::string_view text);

    // Returns the date if it exists: year 1..9999, month 1..12, day within the month (leap
    // years per the Gregorian rule). Otherwise kInvalidArgument, "date.invalid", field "date".
    // Aggregate initialisation of Date is unchecked; use this for computed parts.
    static Result<Date> FromParts(int year, int month, int day);

    // "YYYY-MM-DD", zero-padded.
    std::string ToIsoString() const;

    friend auto operator<=>(const Date&, const Date&) = default;
};

// Returns the number of days from `from` to `to` (negative if `to` is earlier);
// DaysBetween(2024-02-28, 2024-03-01) == 2.
int DaysBetween(Date from, Date to);

// Returns the date `days` days after `date` (before, if negative).
Date AddDays(Date date, int days);

struct Timestamp {
    std::int64_t unix_seconds = 0;  // seconds since 1970-01-01T00:00:00Z, leap seconds ignored

    // Parses ISO 8601 / RFC 3339 date-times with an explicit offset:
    // "2026-11-29T08:00:00Z", "2026-11-29T16:00:00+08:00", "…+0800"; 'T' may be a space or
    // lower case; fractional seconds are accepted and dropped. A time without an offset is
    // rejected because its instant is ambiguous. Returns kInvalidArgument, field "date",
    // reason "date.format" or "date.invalid" (e.g. hour 24, minute 60).
    static Result<Timestamp> Parse(std::string_view text);

    // "2026-11-29T08:00:00Z": always UTC, whole seconds.
    std::string ToIsoString() const;

    friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// China Standard Time (北京时间), UTC+8, for ToDate.
inline constexpr int kChinaStandardTimeOffsetMinutes = 480;

// Returns the civil date of `timestamp` at the given offset from UTC: the UTC date by default,
// the date in Shuozhou with kChinaStandardTimeOffsetMinutes.
Date ToDate(Timestamp timestamp, int utc_offset_minutes = 0);

}  // namespace npgov
