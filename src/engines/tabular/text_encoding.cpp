#include "engines/tabular/text_encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>

#include "core/text.hpp"
#include "engines/tabular/errors.hpp"

namespace npgov::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

long LineOf(std::string_view bytes, std::size_t offset) {
    const auto end = bytes.begin() + static_cast<std::ptrdiff_t>(offset);
    return 1 + static_cast<long>(std::count(bytes.begin(), end, '\n'));
}

Error EncodingError(std::string_view bytes, std::size_t offset, std::string_view zh_what,
                    std::string_view en_what) {
    const long line = LineOf(bytes, offset);
    return MakeTabularError(ErrorCode::kInvalidArgument, "tabular.encoding",
                            std::string(zh_what) + "：第 " + std::to_string(line) + " 行（第 " +
                                std::to_string(offset) + " 字节）无法解码。请另存为 UTF-8 或 GBK 编码的 CSV",
                            std::string(en_what) + ": cannot decode line " + std::to_string(line) +
                                " (byte offset " + std::to_string(offset) +
                                "); save the file as CSV in UTF-8 or GBK",
                            line);
}

// Byte offset of the first ill-formed UTF-8 sequence. Lines are checked whole first: '\n'
// never occurs inside a multi-byte sequence, so a split never cuts a valid one.
std::size_t FirstInvalidUtf8(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (!IsValidUtf8(line)) {
            std::size_t offset = start;
            for (std::string_view piece : SplitCodePoints(line)) {
                if (piece.size() == 1 && static_cast<unsigned char>(piece[0]) >= 0x80) return offset;
                offset += piece.size();
            }
        }
        start = end + 1;
    }
    return text.size();
}

// Decodes GB18030 with iconv. On an invalid or truncated sequence returns its byte offset.
Result<std::string> DecodeGb18030(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return MakeError(ErrorCode::kInternal, "tabular.iconv", "系统缺少 GB18030 编码转换模块",
                         "the C library has no GB18030 converter");
    }
    std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
    char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    std::optional<std::size_t> bad_offset;
    while (in_left > 0) {
        const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
            out.resize(out.size() * 2);
            out_ptr = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        bad_offset = static_cast<std::size_t>(in_ptr - bytes.data());  // EILSEQ or EINVAL
        break;
    }
    iconv_close(cd);
    if (bad_offset) {
        return tl::unexpected(EncodingError(bytes, *bad_offset, "文件既不是 UTF-8 也不是 GBK 编码",
                                            "the file is neither UTF-8 nor GBK"));
    }
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

}  // namespace

Result<DecodedText> DecodeText(std::string_view bytes, std::optional<TextEncoding> forced) {
    if (!forced && (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))) {
        return MakeError(ErrorCode::kInvalidArgument, "tabular.encoding",
                         "文件是 UTF-16 编码的文本（Excel“Unicode 文本”），请另存为 CSV（UTF-8）或 .xlsx",
                         "the file is UTF-16 text (Excel \"Unicode Text\"); save it as CSV UTF-8 or .xlsx");
    }
    const bool bom = bytes.starts_with(kUtf8Bom);
    if (forced == TextEncoding::kUtf8 || (!forced && (bom || IsValidUtf8(bytes)))) {
        const std::string_view body = bom ? bytes.substr(kUtf8Bom.size()) : bytes;
        if (!IsValidUtf8(body)) {
            const std::size_t offset = FirstInvalidUtf8(body) + (bom ? kUtf8Bom.size() : 0);
            return tl::unexpected(
                EncodingError(bytes, offset, "文件不是有效的 UTF-8 编码", "the file is not valid UTF-8"));
        }
        return DecodedText{std::string(body), TextEncoding::kUtf8};
    }
    NPGOV_ASSIGN_OR_RETURN(std::string utf8, DecodeGb18030(bytes));
    return DecodedText{std::move(utf8), TextEncoding::kGbk};
}

}  // namespace npgov::tabular
