// Text helpers for input typed in Chinese offices: full-width ASCII from Chinese input methods,
// stray whitespace, and safe echoes of bad input in error messages. Pure functions on UTF-8.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace npgov {

// Returns `utf8` with full-width ASCII forms (U+FF01–U+FF5E, e.g. "３３５－６７－１", "，")
// replaced by their ASCII counterparts and the ideographic space U+3000 by ' '. Everything
// else, including '。' (U+3002) and invalid bytes, is copied unchanged.
std::string NormalizeFullWidth(std::string_view utf8);

// Returns `text` without leading and trailing ASCII whitespace (" \t\n\v\f\r"). The view
// points into `text`.
std::string_view Trim(std::string_view text);

// Returns true if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points
// above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Returns `text` with ASCII letters upper-cased (ToUpperAscii) or lower-cased (ToLowerAscii);
// other bytes are unchanged.
std::string ToUpperAscii(std::string_view text);
std::string ToLowerAscii(std::string_view text);

// Splits `utf8` into one view per code point; each byte of an invalid sequence is its own
// element. The views point into `utf8`.
std::vector<std::string_view> SplitCodePoints(std::string_view utf8);

// Returns a short, valid-UTF-8 echo of user input for error messages: at most
// `max_code_points` code points, "…" appended if cut, invalid bytes replaced by U+FFFD.
std::string ToMessageSnippet(std::string_view text, std::size_t max_code_points = 32);

}  // namespace npgov
