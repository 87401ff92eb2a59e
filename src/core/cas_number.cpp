#include "core/cas_number.hpp"

#include <vector>

#include "core/text.hpp"

namespace npgov {
namespace {

constexpr std::string_view kField = "cas";

// Dashes that word processors substitute for '-' when a CAS number is pasted from a
// document: U+2010..U+2015 (E2 80 90..95) and U+2212 minus sign (E2 88 92).
std::string ReplaceDashes(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 2 < text.size() && text[i] == '\xE2') {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            if ((b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92)) {
                out += '-';
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool AllDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return !text.empty();
}

std::vector<std::string_view> SplitOnHyphen(std::string_view text) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t hyphen = text.find('-', start);
        parts.push_back(text.substr(start, hyphen - start));
        if (hyphen == std::string_view::npos) break;
        start = hyphen + 1;
    }
    return parts;
}

tl::unexpected<Error> FormatError(std::string_view input) {
    const std::string echo = ToMessageSnippet(input);
    return MakeError(ErrorCode::kInvalidArgument, "cas.format",
                     "CAS 号格式应为“2–7 位数字-2 位数字-1 位校验位”（如 335-67-1），收到“" +
                         echo + "”",
                     "a CAS number must look like NNNNNNN-NN-N (2-7 digits, 2 digits, 1 check "
                     "digit, e.g. 335-67-1); got \"" + echo + "\"",
                     std::string(kField));
}

}  // namespace

Result<CasNumber> CasNumber::Parse(std::string_view text) {
    const std::string normalized = ReplaceDashes(NormalizeFullWidth(text));
    const std::string_view trimmed = Trim(normalized);
    if (trimmed.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "cas.empty", "CAS 号为空，请填写如 335-67-1",
                         "the CAS number is empty; expected e.g. 335-67-1", std::string(kField));
    }
    const std::vector<std::string_view> parts = SplitOnHyphen(trimmed);
    if (parts.size() != 3 || !AllDigits(parts[0]) || !AllDigits(parts[1]) ||
        !AllDigits(parts[2])) {
        return FormatError(text);
    }
    std::string_view first = parts[0];
    while (first.size() > 2 && first.front() == '0') first.remove_prefix(1);
    if (first.size() < 2 || first.size() > 7 || first.front() == '0' || parts[1].size() != 2 ||
        parts[2].size() != 1) {
        return FormatError(text);
    }

    // Check digit: the digits before it, taken from the right, are weighted 1, 2, 3, …; the
    // check digit is the weighted sum mod 10 (CAS, "Check Digit Verification of CAS Registry
    // Numbers").
    const std::string body = std::string(first) + std::string(parts[1]);
    int sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const int weight = static_cast<int>(body.size() - i);
        sum += weight * (body[i] - '0');
    }
    const char expected = static_cast<char>('0' + sum % 10);
    std::string canonical = std::string(first) + "-" + std::string(parts[1]) + "-" + parts[2][0];
    if (parts[2][0] != expected) {
        const std::string right = std::string(first) + "-" + std::string(parts[1]) + "-" + expected;
        return MakeError(ErrorCode::kInvalidArgument, "cas.check_digit",
                         "CAS 号 " + canonical + " 的校验位应为 " + expected + "（即 " + right +
                             "），请核对是否抄错",
                         "CAS number " + canonical + " fails its check digit: expected " +
                             expected + " (" + right + "); check for a typo",
                         std::string(kField));
    }
    return CasNumber(std::move(canonical));
}

std::strong_ordering operator<=>(const CasNumber& a, const CasNumber& b) {
    // Canonical text has no leading zeros and fixed-width trailing groups, so a longer text
    // is a larger number and equal lengths compare digit by digit.
    if (auto by_length = a.text_.size() <=> b.text_.size(); by_length != 0) return by_length;
    return a.text_.compare(b.text_) <=> 0;
}

}  // namespace npgov
