#include "core/date.hpp"

#include <optional>

#include "core/text.hpp"

namespace npgov {
namespace {

constexpr std::string_view kField = "date";
constexpr std::int64_t kSecondsPerDay = 86400;

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Hinnant, days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                                 // [0, 399]
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         // [0, 146096]
    return era * 146097 + doe - 719468;
}

// Hinnant, civil_from_days: the inverse of DaysFromCivil.
Date CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;                                   // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);            // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                 // [0, 11]
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::string Padded(std::int64_t value, std::size_t width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return value < 0 ? "-" + digits : digits;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A cursor over normalised input; each Read* consumes on success only.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool AtEnd() const { return pos_ == text_.size(); }

    // Reads between min and max digits (a longer run fails).
    std::optional<int> ReadNumber(std::size_t min_digits, std::size_t max_digits) {
        std::size_t end = pos_;
        while (end < text_.size() && IsDigit(text_[end])) ++end;
        const std::size_t count = end - pos_;
        if (count < min_digits || count > max_digits) return std::nullopt;
        int value = 0;
        for (std::size_t i = pos_; i < end; ++i) value = value * 10 + (text_[i] - '0');
        pos_ = end;
        return value;
    }

    // Reads exactly `count` digits, whatever follows them ("0800" as "08" then "00").
    std::optional<int> ReadDigits(std::size_t count) {
        if (text_.size() - pos_ < count) return std::nullopt;
        int value = 0;
        for (std::size_t i = pos_; i < pos_ + count; ++i) {
            if (!IsDigit(text_[i])) return std::nullopt;
            value = value * 10 + (text_[i] - '0');
        }
        pos_ += count;
        return value;
    }

    bool ReadLiteral(std::string_view literal) {
        if (text_.substr(pos_).starts_with(literal)) {
            pos_ += literal.size();
            return true;
        }
        return false;
    }

    // Reads one of the characters in `options` and returns it.
    std::optional<char> ReadOneOf(std::string_view options) {
        if (AtEnd() || options.find(text_[pos_]) == std::string_view::npos) return std::nullopt;
        return text_[pos_++];
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

tl::unexpected<Error> DateFormatError(std::string_view input) {
    const std::string echo = ToMessageSnippet(input);
    return MakeError(ErrorCode::kInvalidArgument, "date.format",
                     "日期格式应为 2023-05-13、2023/5/13、2023.5.13、2023年5月13日 或 20230513，"
                     "收到“" + echo + "”",
                     "a date is written 2023-05-13, 2023/5/13, 2023.5.13, 2023年5月13日 or "
                     "20230513; got \"" + echo + "\"",
                     std::string(kField));
}

tl::unexpected<Error> TimestampFormatError(std::string_view input, std::string_view why_zh,
                                           std::string_view why_en) {
    const std::string echo = ToMessageSnippet(input);
    return MakeError(ErrorCode::kInvalidArgument, "date.format",
                     "时间应为 ISO 8601 格式并带时区，如 2026-11-29T08:00:00Z 或 "
                     "2026-11-29T16:00:00+08:00" + std::string(why_zh) + "，收到“" + echo + "”",
                     "a time is written in ISO 8601 with an offset, e.g. 2026-11-29T08:00:00Z or "
                     "2026-11-29T16:00:00+08:00" + std::string(why_en) + "; got \"" + echo + "\"",
                     std::string(kField));
}

tl::unexpected<Error> InvalidError(std::string zh, std::string en) {
    return MakeError(ErrorCode::kInvalidArgument, "date.invalid", std::move(zh), std::move(en),
                     std::string(kField));
}

}  // namespace

Result<Date> Date::FromParts(int year, int month, int day) {
    const std::string ymd = std::to_string(year) + "-" + std::to_string(month) + "-" +
                            std::to_string(day);
    if (year < 1 || year > 9999) {
        return InvalidError("日期 " + ymd + " 的年份应在 1–9999 之间",
                            "the year of " + ymd + " must be between 1 and 9999");
    }
    if (month < 1 || month > 12) {
        return InvalidError("日期 " + ymd + " 的月份应在 1–12 之间",
                            "the month of " + ymd + " must be between 1 and 12");
    }
    const int days_in_month = DaysInMonth(year, month);
    if (day < 1 || day > days_in_month) {
        const std::string max = std::to_string(days_in_month);
        std::string zh = std::to_string(year) + " 年 " + std::to_string(month) + " 月只有 " + max +
                         " 天，没有 " + std::to_string(day) + " 日";
        std::string en = ymd + " does not exist: month " + std::to_string(month) + " of " +
                         std::to_string(year) + " has " + max + " days";
        if (month == 2 && day == 29) {
            zh += "（" + std::to_string(year) + " 年不是闰年）";
            en += " (" + std::to_string(year) + " is not a leap year)";
        }
        return InvalidError(std::move(zh), std::move(en));
    }
    return Date{year, month, day};
}

Result<Date> Date::Parse(std::string_view text) {
    const std::string normalized = NormalizeFullWidth(text);
    const std::string_view input = Trim(normalized);

    if (input.size() == 8) {  // 20230513
        Scanner compact(input);
        if (auto ymd = compact.ReadNumber(8, 8)) {
            return FromParts(*ymd / 10000, *ymd / 100 % 100, *ymd % 100);
        }
    }

    Scanner scan(input);
    const std::optional<int> year = scan.ReadNumber(4, 4);
    if (!year) return DateFormatError(text);
    if (scan.ReadLiteral("年")) {  // 2023年5月13日
        const std::optional<int> month = scan.ReadNumber(1, 2);
        if (!month || !scan.ReadLiteral("月")) return DateFormatError(text);
        const std::optional<int> day = scan.ReadNumber(1, 2);
        if (!day) return DateFormatError(text);
        scan.ReadLiteral("日");
        if (!scan.AtEnd()) return DateFormatError(text);
        return FromParts(*year, *month, *day);
    }
    const std::optional<char> separator = scan.ReadOneOf("-/.");  // 2023-05-13, 2023/5/13
    if (!separator) return DateFormatError(text);
    const std::optional<int> month = scan.ReadNumber(1, 2);
    if (!month || !scan.ReadLiteral(std::string_view(&*separator, 1))) {
        return DateFormatError(text);
    }
    const std::optional<int> day = scan.ReadNumber(1, 2);
    if (!day || !scan.AtEnd()) return DateFormatError(text);
    return FromParts(*year, *month, *day);
}

std::string Date::ToIsoString() const {
    return Padded(year, 4) + "-" + Padded(month, 2) + "-" + Padded(day, 2);
}

int DaysBetween(Date from, Date to) {
    return static_cast<int>(DaysFromCivil(to.year, to.month, to.day) -
                            DaysFromCivil(from.year, from.month, from.day));
}

Date AddDays(Date date, int days) {
    return CivilFromDays(DaysFromCivil(date.year, date.month, date.day) + days);
}

Result<Timestamp> Timestamp::Parse(std::string_view text) {
    const std::string normalized = NormalizeFullWidth(text);
    const std::string_view input = Trim(normalized);
    Scanner scan(input);

    const std::optional<int> year = scan.ReadNumber(4, 4);
    const bool date_ok = year && scan.ReadLiteral("-");
    const std::optional<int> month = date_ok ? scan.ReadNumber(2, 2) : std::nullopt;
    const std::optional<int> day = month && scan.ReadLiteral("-") ? scan.ReadNumber(2, 2)
                                                                  : std::nullopt;
    if (!day || !scan.ReadOneOf("Tt ")) return TimestampFormatError(text, "", "");
    const std::optional<int> hour = scan.ReadNumber(2, 2);
    const std::optional<int> minute =
        hour && scan.ReadLiteral(":") ? scan.ReadNumber(2, 2) : std::nullopt;
    const std::optional<int> second =
        minute && scan.ReadLiteral(":") ? scan.ReadNumber(2, 2) : std::nullopt;
    if (!second) return TimestampFormatError(text, "", "");
    if (scan.ReadLiteral(".") || scan.ReadLiteral(",")) {
        if (!scan.ReadNumber(1, 9)) return TimestampFormatError(text, "", "");
    }

    int offset_minutes = 0;
    if (scan.AtEnd()) {
        return TimestampFormatError(text, "（缺少时区，无法确定时刻）",
                                    " (the offset is missing, so the instant is ambiguous)");
    }
    if (!scan.ReadOneOf("Zz")) {
        const std::optional<char> sign = scan.ReadOneOf("+-");
        const std::optional<int> offset_hours = sign ? scan.ReadDigits(2) : std::nullopt;
        if (!offset_hours) return TimestampFormatError(text, "", "");
        scan.ReadLiteral(":");
        const std::optional<int> offset_mins = scan.ReadDigits(2);
        if (!offset_mins || *offset_hours > 23 || *offset_mins > 59) {
            return TimestampFormatError(text, "", "");
        }
        offset_minutes = (*sign == '-' ? -1 : 1) * (*offset_hours * 60 + *offset_mins);
    }
    if (!scan.AtEnd()) return TimestampFormatError(text, "", "");

    NPGOV_ASSIGN_OR_RETURN(const Date date, Date::FromParts(*year, *month, *day));
    if (*hour > 23 || *minute > 59 || *second > 59) {
        const std::string hms = Padded(*hour, 2) + ":" + Padded(*minute, 2) + ":" +
                                Padded(*second, 2);
        return InvalidError("时刻 " + hms + " 不存在（时 0–23，分 0–59，秒 0–59）",
                            "time of day " + hms +
                                " does not exist (hours 0-23, minutes 0-59, seconds 0-59)");
    }
    const std::int64_t local_seconds = DaysFromCivil(date.year, date.month, date.day) *
                                           kSecondsPerDay +
                                       *hour * 3600 + *minute * 60 + *second;
    return Timestamp{local_seconds - std::int64_t{offset_minutes} * 60};
}

std::string Timestamp::ToIsoString() const {
    const std::int64_t days = FloorDiv(unix_seconds, kSecondsPerDay);
    const std::int64_t second_of_day = unix_seconds - days * kSecondsPerDay;
    return CivilFromDays(days).ToIsoString() + "T" + Padded(second_of_day / 3600, 2) + ":" +
           Padded(second_of_day / 60 % 60, 2) + ":" + Padded(second_of_day % 60, 2) + "Z";
}

Date ToDate(Timestamp timestamp, int utc_offset_minutes) {
    const std::int64_t local = timestamp.unix_seconds + std::int64_t{utc_offset_minutes} * 60;
    return CivilFromDays(FloorDiv(local, kSecondsPerDay));
}

}  // namespace npgov
