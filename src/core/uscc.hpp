// Unified social credit codes (统一社会信用代码) identifying every enterprise npgov regulates,
// per GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》.
#pragma once

#include <array>
#include <compare>
#include <string>
#include <string_view>
#include <utility>

#include "core/error.hpp"

namespace npgov {

// The 31 code characters in value order 0..30 (GB 32100-2015 §4, Table 1): digits and upper
// case letters without I, O, Z, S, V.
inline constexpr std::string_view kUsccCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Weights of positions 1..17 for the check character: W_i = 3^(i-1) mod 31 (GB 32100-2015 §5).
inline constexpr std::array<int, 17> kUsccWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                    29, 25, 13, 8,  24, 10, 30, 28};

class Uscc {
public:
    // Parses an 18-character code: position 1 registration authority, 2 organisation type,
    // 3–8 administrative division code (digits), 9–17 organisation code (GB 11714), 18 check
    // character. Accepts surrounding whitespace, lower case and full-width input, and stores
    // upper-case ASCII. Returns kInvalidArgument, field "uscc", with reason "uscc.empty",
    // "uscc.length", "uscc.charset" (names the position and character), "uscc.region_code"
    // (positions 3–8 not digits) or "uscc.check_char" (names the expected character).
    static Result<Uscc> Parse(std::string_view text);

    // Canonical form: 18 upper-case ASCII characters.
    const std::string& text() const { return text_; }
    // Positions 3–8: the registering administrative division (GB/T 2260), six digits. The view
    // points into this object.
    std::string_view region_code() const { return std::string_view(text_).substr(2, 6); }

    friend bool operator==(const Uscc&, const Uscc&) = default;
    friend auto operator<=>(const Uscc&, const Uscc&) = default;

private:
    explicit Uscc(std::string text) : text_(std::move(text)) {}

    std::string text_;
};

// Returns the check character (position 18) for the first 17 characters of a code:
// C18 = 31 − (Σ value(c_i)·W_i mod 31), with 31 written as '0' (GB 32100-2015 §5). Accepts
// the same spellings as Uscc::Parse. Returns kInvalidArgument with reason "uscc.empty",
// "uscc.length" (not 17 characters) or "uscc.charset". Used to build valid demo codes.
Result<char> ComputeUsccCheckChar(std::string_view first17);

}  // namespace npgov
