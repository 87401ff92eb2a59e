// Decoding of CSV uploads to UTF-8: Chinese offices export UTF-8 (with or without a BOM) or
// GBK. Detection: a UTF-8 BOM or valid UTF-8 is UTF-8, anything else is decoded as GB18030
// (GB 18030-2005, a superset of GBK and GB 2312) with the C library's iconv, in memory.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "engines/tabular/table.hpp"

namespace npgov::tabular {

struct DecodedText {
    std::string utf8;       // without a BOM
    TextEncoding encoding;  // as detected or forced
};

// Decodes `bytes` as `forced` if given, else as detected. Errors: kInvalidArgument
// "tabular.encoding" with row = the 1-based line of the first byte that does not decode (the
// message also names its byte offset), or for UTF-16 text (a UTF-16 byte-order mark).
Result<DecodedText> DecodeText(std::string_view bytes, std::optional<TextEncoding> forced);

}  // namespace npgov::tabular
