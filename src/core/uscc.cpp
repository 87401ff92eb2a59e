#include "core/uscc.hpp"

#include <vector>

#include "core/text.hpp"

namespace npgov {
namespace {

constexpr std::string_view kField = "uscc";

// Normalises and checks the characters of a code of `expected_length` characters (17 or 18);
// on success returns them as upper-case ASCII.
Result<std::string> ParseCharacters(std::string_view text, std::size_t expected_length) {
    const std::string normalized = ToUpperAscii(NormalizeFullWidth(text));
    const std::string_view trimmed = Trim(normalized);
    if (trimmed.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "uscc.empty", "统一社会信用代码为空",
                         "the unified social credit code is empty", std::string(kField));
    }
    const std::vector<std::string_view> chars = SplitCodePoints(trimmed);
    if (chars.size() != expected_length) {
        const std::string expected = std::to_string(expected_length);
        const std::string actual = std::to_string(chars.size());
        const std::string echo = ToMessageSnippet(trimmed);
        return MakeError(ErrorCode::kInvalidArgument, "uscc.length",
                         "统一社会信用代码应为 " + expected + " 位，收到 " + actual + " 位：“" +
                             echo + "”",
                         "a unified social credit code has " + expected + " characters; got " +
                             actual + ": \"" + echo + "\"",
                         std::string(kField));
    }
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (chars[i].size() == 1 && kUsccCharset.find(chars[i][0]) != std::string_view::npos) {
            continue;
        }
        const std::string position = std::to_string(i + 1);
        const std::string echo = ToMessageSnippet(chars[i]);
        return MakeError(ErrorCode::kInvalidArgument, "uscc.charset",
                         "统一社会信用代码第 " + position + " 位“" + echo +
                             "”不是允许的字符（只用数字和除 I、O、Z、S、V 外的大写字母）",
                         "character " + position + " of the unified social credit code, \"" +
                             echo +
                             "\", is not allowed (digits and upper-case letters except I, O, "
                             "Z, S, V only)",
                         std::string(kField));
    }
    return std::string(trimmed);
}

// `first17` holds 17 characters already checked against kUsccCharset.
char CheckCharFor(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < kUsccWeights.size(); ++i) {
        sum += static_cast<int>(kUsccCharset.find(first17[i])) * kUsccWeights[i];
    }
    const int value = 31 - sum % 31;
    return kUsccCharset[value == 31 ? 0 : static_cast<std::size_t>(value)];
}

}  // namespace

Result<Uscc> Uscc::Parse(std::string_view text) {
    NPGOV_ASSIGN_OR_RETURN(std::string code, ParseCharacters(text, 18));
    for (std::size_t i = 2; i < 8; ++i) {
        if (code[i] < '0' || code[i] > '9') {
            const std::string position = std::to_string(i + 1);
            const std::string region = code.substr(2, 6);
            return MakeError(ErrorCode::kInvalidArgument, "uscc.region_code",
                             "统一社会信用代码第 3–8 位是行政区划代码，应为 6 位数字，收到“" +
                                 region + "”（第 " + position + " 位不是数字）",
                             "characters 3-8 of a unified social credit code are the "
                             "administrative division code and must be digits; got \"" +
                                 region + "\" (character " + position + ")",
                             std::string(kField));
        }
    }
    const char expected = CheckCharFor(std::string_view(code).substr(0, 17));
    if (code[17] != expected) {
        const std::string fixed = code.substr(0, 17) + expected;
        return MakeError(ErrorCode::kInvalidArgument, "uscc.check_char",
                         "统一社会信用代码 " + code + " 的校验码（第 18 位）应为 " + expected +
                             "（即 " + fixed + "），请核对是否抄错",
                         "unified social credit code " + code +
                             " fails its check character: character 18 should be " + expected +
                             " (" + fixed + "); check for a typo",
                         std::string(kField));
    }
    return Uscc(std::move(code));
}

Result<char> ComputeUsccCheckChar(std::string_view first17) {
    NPGOV_ASSIGN_OR_RETURN(const std::string body, ParseCharacters(first17, 17));
    return CheckCharFor(body);
}

}  // namespace npgov
