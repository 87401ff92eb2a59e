// Excel's date serial numbers and the number formats that show them as dates. A date in a
// SpreadsheetML cell is a number (days since an epoch) styled with a date format; this file
// says which formats are dates and turns serials into ISO 8601 text.
// Sources: ECMA-376 Part 1 (5th ed.), 18.8.30 numFmt (built-in formats 0–49; East Asian
// formats 27–36 and 50–58 as defined for zh-CN) and 18.17.4 (date systems; the 1900 system
// counts the non-existent 1900-02-29 as serial 60, for compatibility with Lotus 1-2-3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace npgov::tabular {

enum class DateSystem { k1900, k1904 };  // workbookPr date1904="1" selects k1904

enum class DateStyle {
    kNone,      // a number format, or elapsed time ("[h]:mm"), or text
    kDate,      // shows a date: "2023-05-13"
    kDateTime,  // shows date and time: "2023-05-13T14:30:00"
    kTime,      // shows a time of day only: "14:30:00"
};

// Classifies a cell's number format. `format_code` is the code from styles.xml <numFmts> for
// the id, or empty for a built-in id. A code is a date if its first section has y, d or
// (m without h or s) outside quotes, escapes and brackets; a time if it has h or s.
DateStyle ClassifyNumberFormat(int num_fmt_id, std::string_view format_code);

// Returns `serial` as ISO text for `style` (seconds rounded; a time-only style ignores whole
// days), or nullopt if it names no real date: negative, not finite, after 9999-12-31, serial 0
// ("1900-01-00") or 60 ("1900-02-29") in the 1900 system, or style kNone.
std::optional<std::string> FormatExcelSerial(double serial, DateSystem system, DateStyle style);

}  // namespace npgov::tabular
