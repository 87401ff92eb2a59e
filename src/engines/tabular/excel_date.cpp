#include "engines/tabular/excel_date.hpp"

#include <cmath>
#include <cstdio>

#include "core/date.hpp"

namespace npgov::tabular {
namespace {

DateStyle BuiltinStyle(int id) {
    if (id >= 14 && id <= 17) return DateStyle::kDate;
    if (id >= 18 && id <= 21) return DateStyle::kTime;
    if (id == 22) return DateStyle::kDateTime;
    if (id == 45 || id == 47) return DateStyle::kTime;  // mm:ss, mmss.0 (46 "[h]:mm:ss" is elapsed)
    // zh-CN East Asian formats: 27 yyyy"年"m"月", 28/29 m"月"d"日", 30 m-d-yy,
    // 31 yyyy"年"m"月"d"日", 32–35 h"时"mm"分"…, 36 yyyy"年"m"月", 50–54 and 57–58 dates,
    // 55–56 上午/下午h"时"mm"分"….
    if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58)
        return DateStyle::kDate;
    if ((id >= 32 && id <= 35) || id == 55 || id == 56) return DateStyle::kTime;
    return DateStyle::kNone;
}

bool StartsWithIgnoringCase(std::string_view text, std::size_t pos, std::string_view prefix) {
    if (text.size() - pos < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[pos + i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

std::string TwoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

std::string TimeText(int seconds_of_day) {
    return TwoDigits(seconds_of_day / 3600) + ":" + TwoDigits(seconds_of_day / 60 % 60) + ":" +
           TwoDigits(seconds_of_day % 60);
}

}  // namespace

DateStyle ClassifyNumberFormat(int num_fmt_id, std::string_view code) {
    if (code.empty()) return BuiltinStyle(num_fmt_id);
    bool year_or_day = false, month = false, time = false, elapsed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;  // first section only
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // escaped literal, space-as-wide-as, fill character
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos)
                elapsed = true;  // [h], [mm], [ss]: a duration
            i = close;
        } else if (StartsWithIgnoringCase(code, i, "am/pm")) {
            i += 4;
        } else if (StartsWithIgnoringCase(code, i, "a/p")) {
            i += 2;
        } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
            year_or_day = true;
        } else if (c == 'm' || c == 'M') {
            month = true;
        } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
            time = true;
        }
    }
    if (elapsed) return DateStyle::kNone;
    const bool date = year_or_day || (month && !time);
    if (date && time) return DateStyle::kDateTime;
    if (date) return DateStyle::kDate;
    if (time) return DateStyle::kTime;
    return DateStyle::kNone;
}

std::optional<std::string> FormatExcelSerial(double serial, DateSystem system, DateStyle style) {
    constexpr double kLastSerial1900 = 2958466.0;  // 10000-01-01: first serial past the range
    if (style == DateStyle::kNone || !std::isfinite(serial) || serial < 0) return std::nullopt;
    const double limit = system == DateSystem::k1900 ? kLastSerial1900 : kLastSerial1900 - 1462;
    if (serial >= limit) return std::nullopt;
    long days = static_cast<long>(std::floor(serial));
    long seconds = std::lround((serial - static_cast<double>(days)) * 86400.0);
    if (seconds == 86400) {
        ++days;
        seconds = 0;
    }
    if (style == DateStyle::kTime) return TimeText(static_cast<int>(seconds));
    Date date;
    if (system == DateSystem::k1904) {
        date = AddDays(Date{1904, 1, 1}, static_cast<int>(days));
    } else {
        if (days == 0 || days == 60) return std::nullopt;  // "1900-01-00", "1900-02-29"
        // Serials 1–59 count from 1900-01-01; later ones are one too high (the fictitious
        // 1900-02-29), so they count from 1899-12-30.
        date = days < 60 ? AddDays(Date{1899, 12, 31}, static_cast<int>(days))
                         : AddDays(Date{1899, 12, 30}, static_cast<int>(days));
    }
    if (date.year > 9999) return std::nullopt;
    std::string text = date.ToIsoString();
    if (style == DateStyle::kDateTime) {
        text += 'T';
        text += TimeText(static_cast<int>(seconds));
    }
    return text;
}

}  // namespace npgov::tabular
