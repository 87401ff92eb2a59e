#include "core/region_code.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace npgov {
namespace {

constexpr std::string_view kField = "region_code";

// Province-level codes of GB/T 2260: 11–15 North, 21–23 North-east, 31–37 East, 41–46
// Central-south, 50–54 South-west, 61–65 North-west, 71 Taiwan, 81 Hong Kong, 82 Macao.
constexpr std::array<int, 34> kProvinceCodes = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                                35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                                53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

bool IsSixDigits(std::string_view text) {
    return text.size() == 6 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<RegionCode> RegionCode::Parse(std::string_view text) {
    const std::string normalized = NormalizeFullWidth(text);
    const std::string_view code = Trim(normalized);
    if (!IsSixDigits(code)) {
        const std::string echo = ToMessageSnippet(text);
        return MakeError(ErrorCode::kInvalidArgument, "region_code.format",
                         "行政区划代码应为 6 位数字（GB/T 2260，如朔州市 140600），收到“" + echo +
                             "”",
                         "an administrative division code is 6 digits (GB/T 2260, e.g. 140600 "
                         "for Shuozhou); got \"" + echo + "\"",
                         std::string(kField));
    }
    const int province = (code[0] - '0') * 10 + (code[1] - '0');
    if (std::find(kProvinceCodes.begin(), kProvinceCodes.end(), province) ==
        kProvinceCodes.end()) {
        const std::string prefix(code.substr(0, 2));
        return MakeError(ErrorCode::kInvalidArgument, "region_code.province",
                         "行政区划代码 " + std::string(code) + " 的前两位 " + prefix +
                             " 不是省级代码（应为 11–15、21–23、31–37、41–46、50–54、61–65、71、"
                             "81、82；山西省为 14）",
                         "administrative division code " + std::string(code) +
                             " starts with " + prefix +
                             ", which is not a province code (11-15, 21-23, 31-37, 41-46, "
                             "50-54, 61-65, 71, 81, 82; Shanxi is 14)",
                         std::string(kField));
    }
    if (code.substr(2, 2) == "00" && code.substr(4, 2) != "00") {
        return MakeError(ErrorCode::kInvalidArgument, "region_code.format",
                         "行政区划代码 " + std::string(code) +
                             " 的第 3–4 位为 00（省级），第 5–6 位也应为 00",
                         "administrative division code " + std::string(code) +
                             " has 00 as its city digits (3-4), so its county digits (5-6) "
                             "must be 00 too",
                         std::string(kField));
    }
    return RegionCode(std::string(code));
}

RegionLevel RegionCode::level() const {
    if (text_.compare(2, 4, "0000") == 0) return RegionLevel::kProvince;
    if (text_.compare(4, 2, "00") == 0) return RegionLevel::kCity;
    return RegionLevel::kCounty;
}

RegionCode RegionCode::parent_city() const {
    if (level() != RegionLevel::kCounty) return *this;
    return RegionCode(text_.substr(0, 4) + "00");
}

RegionCode RegionCode::province() const { return RegionCode(text_.substr(0, 2) + "0000"); }

bool RegionCode::Contains(const RegionCode& other) const {
    switch (level()) {
        case RegionLevel::kProvince: return text_.compare(0, 2, other.text_, 0, 2) == 0;
        case RegionLevel::kCity: return text_.compare(0, 4, other.text_, 0, 4) == 0;
        case RegionLevel::kCounty: return text_ == other.text_;
    }
    return false;
}

}  // namespace npgov
