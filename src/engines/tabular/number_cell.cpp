#include <charconv>
#include <cmath>
#include <string>

#include "core/text.hpp"
#include "engines/tabular/errors.hpp"
#include "engines/tabular/table.hpp"

namespace npgov::tabular {
namespace {

Error NumberError(std::string_view text, std::string_view zh_hint = {}, std::string_view en_hint = {}) {
    const std::string echo = ToMessageSnippet(text);
    std::string zh = "“" + echo + "”不是有效的数字";
    std::string en = "\"" + echo + "\" is not a number";
    if (!zh_hint.empty()) {
        zh += "：" + std::string(zh_hint);
        en += ": " + std::string(en_hint);
    }
    return MakeTabularError(ErrorCode::kInvalidArgument, "tabular.number", std::move(zh), std::move(en));
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Returns `text` with every `from` replaced by `to`.
std::string ReplaceAll(std::string_view text, std::string_view from, char to) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, from.size()) == from) {
            out += to;
            i += from.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace

Result<double> ParseNumberCell(std::string_view text) {
    // '。' (U+3002) is what the '.' key types in a Chinese input method; U+2212 is a minus sign.
    const std::string folded =
        ReplaceAll(ReplaceAll(NormalizeFullWidth(text), "\xE3\x80\x82", '.'), "\xE2\x88\x92", '-');
    const std::string_view s = Trim(folded);
    if (s.empty()) return tl::unexpected(NumberError(text, "单元格为空", "the cell is empty"));

    std::string plain;  // the number without '+' and thousands separators, for from_chars
    std::size_t i = 0;
    if (s[i] == '+' || s[i] == '-') {
        if (s[i] == '-') plain += '-';
        ++i;
    }
    // Integer part: digits, or 1–3 digits followed by ",ddd" groups.
    std::size_t run = 0;  // digits since the start or the last comma
    std::size_t int_digits = 0;
    bool grouped = false;
    for (; i < s.size() && (IsDigit(s[i]) || s[i] == ','); ++i) {
        if (s[i] == ',') {
            const bool first_group_ok = grouped ? run == 3 : (run >= 1 && run <= 3);
            if (!first_group_ok) break;
            grouped = true;
            run = 0;
            continue;
        }
        plain += s[i];
        ++run;
        ++int_digits;
    }
    const auto comma_error = [&] {
        return tl::unexpected(NumberError(text,
                                          "逗号只能作千位分隔符（每三位一组，如 1,234.5）；小数请用小数点",
                                          "a comma must separate thousands (groups of three, as in 1,234.5); "
                                          "write decimals with a point"));
    };
    if (i < s.size() && s[i] == ',') return comma_error();
    if (grouped && run != 3) return comma_error();
    std::size_t fraction_digits = 0;
    if (i < s.size() && s[i] == '.') {
        plain += '.';
        for (++i; i < s.size() && IsDigit(s[i]); ++i, ++fraction_digits) plain += s[i];
    }
    if (int_digits + fraction_digits == 0) return tl::unexpected(NumberError(text));
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        plain += 'e';
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) plain += s[i++];
        std::size_t exponent_digits = 0;
        for (; i < s.size() && IsDigit(s[i]); ++i, ++exponent_digits) plain += s[i];
        if (exponent_digits == 0) return tl::unexpected(NumberError(text));
    }
    if (i != s.size()) {
        if (s[i] == ',') return comma_error();
        return tl::unexpected(NumberError(text));
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (ec != std::errc() || ptr != plain.data() + plain.size() || !std::isfinite(value)) {
        return tl::unexpected(NumberError(text, "超出可表示的范围", "out of range"));
    }
    return value;
}

}  // namespace npgov::tabular
