// Six-digit administrative division codes (行政区划代码, GB/T 2260): province, city (prefecture)
// and county levels. Only the structure is checked here; whether npgov knows a region is the
// reference module's business. Shuozhou (朔州市) is 140600.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace npgov {

enum class RegionLevel { kProvince, kCity, kCounty };

class RegionCode {
public:
    // Parses six ASCII or full-width digits, surrounding whitespace allowed. The first two
    // digits must be a province code of GB/T 2260 (11–15, 21–23, 31–37, 41–46, 50–54, 61–65,
    // 71, 81, 82), and a code whose middle pair is 00 must end in 00 (no county without a
    // city). Returns kInvalidArgument, field "region_code", reason "region_code.format" or
    // "region_code.province".
    static Result<RegionCode> Parse(std::string_view text);

    // The six digits, e.g. "140602".
    const std::string& text() const { return text_; }

    // kProvince if the last four digits are 0000, kCity if the last two are 00, else kCounty
    // (which includes development zones such as 140671 山西朔州经济开发区).
    RegionLevel level() const;

    // The city-level code above a county (first four digits + "00"); a city or province
    // returns itself. For province-administered county-level units (middle pair 90, e.g.
    // 429004 仙桃市) the result ends in 9000, which is not a real city.
    RegionCode parent_city() const;

    // The province-level code (first two digits + "0000"); a province returns itself.
    RegionCode province() const;

    // True if `other` lies within this region or is this region: same province for a
    // province, same first four digits for a city, equal codes for a county.
    bool Contains(const RegionCode& other) const;

    friend bool operator==(const RegionCode&, const RegionCode&) = default;
    friend auto operator<=>(const RegionCode&, const RegionCode&) = default;

private:
    explicit RegionCode(std::string text) : text_(std::move(text)) {}

    std::string text_;
};

}  // namespace npgov
