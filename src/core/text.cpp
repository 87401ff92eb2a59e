#include "core/text.hpp"

namespace npgov {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at text[pos], or 0 if it is not
// well-formed. Ranges from the Unicode Standard, Table 3-7 (well-formed byte sequences).
std::size_t SequenceLength(std::string_view text, std::size_t pos) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
    const std::size_t left = text.size() - pos;
    const unsigned char lead = at(0);
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && IsContinuation(at(1)) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !IsContinuation(at(1)) || !IsContinuation(at(2))) return 0;
        if (lead == 0xE0 && at(1) < 0xA0) return 0;  // overlong
        if (lead == 0xED && at(1) > 0x9F) return 0;  // UTF-16 surrogates
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !IsContinuation(at(1)) || !IsContinuation(at(2)) ||
            !IsContinuation(at(3)))
            return 0;
        if (lead == 0xF0 && at(1) < 0x90) return 0;  // overlong
        if (lead == 0xF4 && at(1) > 0x8F) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

std::string NormalizeFullWidth(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b0 = static_cast<unsigned char>(utf8[i]);
        if (i + 2 < utf8.size() && (b0 == 0xEF || b0 == 0xE3)) {
            const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
            const auto b2 = static_cast<unsigned char>(utf8[i + 2]);
            // U+FF01..U+FF3F is EF BC 81..BF and U+FF40..U+FF5E is EF BD 80..9E; each maps
            // to code point - 0xFEE0.
            if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
                out += static_cast<char>(b2 - 0x60);
                i += 3;
                continue;
            }
            if (b0 == 0xEF && b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
                out += static_cast<char>(b2 - 0x20);
                i += 3;
                continue;
            }
            if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) {  // U+3000 ideographic space
                out += ' ';
                i += 3;
                continue;
            }
        }
        out += utf8[i];
        ++i;
    }
    return out;
}

std::string_view Trim(std::string_view text) {
    constexpr std::string_view kWhitespace = " \t\n\v\f\r";
    const std::size_t first = text.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos) return {};
    const std::size_t last = text.find_last_not_of(kWhitespace);
    return text.substr(first, last - first + 1);
}

bool IsValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = SequenceLength(text, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

std::string ToUpperAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string ToLowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::vector<std::string_view> SplitCodePoints(std::string_view utf8) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t length = SequenceLength(utf8, i);
        const std::size_t step = length == 0 ? 1 : length;
        out.push_back(utf8.substr(i, step));
        i += step;
    }
    return out;
}

std::string ToMessageSnippet(std::string_view text, std::size_t max_code_points) {
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
    std::string out;
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (count == max_code_points) {
            out += "…";
            break;
        }
        const std::size_t length = SequenceLength(text, i);
        if (length == 0) {
            out += kReplacement;
            ++i;
        } else {
            out += text.substr(i, length);
            i += length;
        }
        ++count;
    }
    return out;
}

}  // namespace npgov
