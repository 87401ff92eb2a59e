// CAS Registry Numbers, the identifiers under which substances are listed in 《重点管控新污染物
// 清单》 and in every chemical inventory npgov reads. Validated on parse, including the check
// digit (CAS, "Check Digit Verification of CAS Registry Numbers").
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace npgov {

class CasNumber {
public:
    // Parses "335-67-1": 2–7 digits, 2 digits, 1 check digit, joined by hyphens. Accepts
    // surrounding whitespace, full-width digits and hyphens ("３３５－６７－１"), Unicode dashes
    // (U+2010–U+2015, U+2212) as hyphens, and zero-padded first groups ("0000050-00-0"), which
    // are stored without the padding. Returns kInvalidArgument with reason "cas.empty",
    // "cas.format" or "cas.check_digit" (the message names the expected digit); field "cas".
    static Result<CasNumber> Parse(std::string_view text);

    // Canonical form, e.g. "335-67-1": ASCII, no padding, no whitespace.
    const std::string& text() const { return text_; }

    friend bool operator==(const CasNumber&, const CasNumber&) = default;
    // Orders by registry number (50-00-0 < 335-67-1 < 1336-36-3), not by text.
    friend std::strong_ordering operator<=>(const CasNumber& a, const CasNumber& b);

private:
    explicit CasNumber(std::string text) : text_(std::move(text)) {}

    std::string text_;
};

}  // namespace npgov
