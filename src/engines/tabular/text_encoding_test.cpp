#include "engines/tabular/text_encoding.hpp"

#include <gtest/gtest.h>

namespace npgov::tabular {
namespace {

// GBK bytes made with Python: "朔州市".encode("gbk"), "怀仁".encode("gbk").
constexpr std::string_view kShuozhouGbk = "\xCB\xB7\xD6\xDD\xCA\xD0";
constexpr std::string_view kHuairenGbk = "\xBB\xB3\xC8\xCA";

TEST(DecodeTextTest, DetectsUtf8WithAndWithoutBom) {
    const auto plain = DecodeText("名称,数量\n朔州市,1\n", std::nullopt);
    ASSERT_TRUE(plain) << plain.error().Describe();
    EXPECT_EQ(plain->encoding, TextEncoding::kUtf8);
    EXPECT_EQ(plain->utf8, "名称,数量\n朔州市,1\n");
    const auto bom = DecodeText("\xEF\xBB\xBF名称\n", std::nullopt);
    ASSERT_TRUE(bom) << bom.error().Describe();
    EXPECT_EQ(bom->encoding, TextEncoding::kUtf8);
    EXPECT_EQ(bom->utf8, "名称\n");
}

TEST(DecodeTextTest, DecodesGbkWhenNotUtf8) {
    const std::string gbk = std::string(kShuozhouGbk) + "," + std::string(kHuairenGbk) + "\r\n";
    const auto text = DecodeText(gbk, std::nullopt);
    ASSERT_TRUE(text) << text.error().Describe();
    EXPECT_EQ(text->encoding, TextEncoding::kGbk);
    EXPECT_EQ(text->utf8, "朔州市,怀仁\r\n");
}

TEST(DecodeTextTest, DecodesGb18030FourByteSequences) {
    // GB 18030-2005 maps U+0080 to the four-byte 81 30 81 30 (not in GBK) and 'é' to A8 A6
    // (Python: "\x80é".encode("gb18030")).
    const auto text = DecodeText("\x81\x30\x81\x30\xA8\xA6", TextEncoding::kGbk);
    ASSERT_TRUE(text) << text.error().Describe();
    EXPECT_EQ(text->utf8, "\xC2\x80\xC3\xA9");
}

TEST(DecodeTextTest, ForcedEncodingWins) {
    const auto ascii = DecodeText("a,b\n", TextEncoding::kGbk);
    ASSERT_TRUE(ascii);
    EXPECT_EQ(ascii->encoding, TextEncoding::kGbk);
    EXPECT_EQ(ascii->utf8, "a,b\n");
    const auto wrong = DecodeText("a\nb\n" + std::string(kShuozhouGbk), TextEncoding::kUtf8);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().reason, "tabular.encoding");
    EXPECT_EQ(wrong.error().row, 3);
    // CB B7 happens to be well-formed UTF-8 (U+02F7); D6 is followed by DD, not a continuation.
    EXPECT_NE(wrong.error().message_en.find("byte offset 6"), std::string::npos) << wrong.error().message_en;
}

TEST(DecodeTextTest, NamesTheLineAndOffsetOfBytesThatAreNeitherUtf8NorGbk) {
    // 0xFF starts no sequence in UTF-8 or GB18030.
    const std::string bytes = "名称\r\n" + std::string(kShuozhouGbk) + ",1\r\n\xFF,2\r\n";
    const auto text = DecodeText(bytes, std::nullopt);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().reason, "tabular.encoding");
    EXPECT_EQ(text.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(text.error().row, 3);
    const std::size_t offset = bytes.find('\xFF');
    EXPECT_NE(text.error().message_en.find("byte offset " + std::to_string(offset)), std::string::npos)
        << text.error().message_en;
    EXPECT_NE(text.error().message_zh.find("第 3 行"), std::string::npos) << text.error().message_zh;
}

TEST(DecodeTextTest, ReportsATruncatedGbkSequence) {
    const auto text = DecodeText("a,b\n" + std::string(kShuozhouGbk).substr(0, 3), std::nullopt);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().row, 2);
    EXPECT_NE(text.error().message_en.find("byte offset 6"), std::string::npos) << text.error().message_en;
}

TEST(DecodeTextTest, RefusesUtf16WithAClearMessage) {
    const auto text = DecodeText(std::string("\xFF\xFE" "a\0,\0", 6), std::nullopt);
    ASSERT_FALSE(text);
    EXPECT_EQ(text.error().reason, "tabular.encoding");
    EXPECT_NE(text.error().message_en.find("UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace npgov::tabular
