#include "core/text.hpp"

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(NormalizeFullWidthTest, FoldsFullWidthAsciiAndIdeographicSpace) {
    // Unicode "Halfwidth and Fullwidth Forms" block: U+FF01..U+FF5E = ASCII 0x21..0x7E + 0xFEE0.
    struct Case {
        std::string_view input, expected;
    };
    const Case cases[] = {
        {"３３５－６７－１", "335-67-1"},
        {"ＡＢＣ　ｘｙｚ", "ABC xyz"},          // U+3000 between
        {"１，２３４．５", "1,234.5"},          // '，' is U+FF0C, '．' is U+FF0E
        {"！", "!"},                            // U+FF01, first of the range
        {"～", "~"},                            // U+FF5E, last of the range
        {"＿｀", "_`"},                         // U+FF3F / U+FF40: the EF BC / EF BD seam
        {"｟", "｟"},                           // U+FF5F, just past the range
        {"。", "。"},                           // U+3002 is not a full-width form
        {"毫克／升", "毫克/升"},
        {"plain ascii", "plain ascii"},
        {"", ""},
        {"\xEF\xBC", "\xEF\xBC"},               // truncated sequence copied unchanged
    };
    for (const Case& c : cases) {
        EXPECT_EQ(NormalizeFullWidth(c.input), c.expected) << "input: " << c.input;
    }
}

TEST(TrimTest, RemovesAsciiWhitespaceAtBothEnds) {
    struct Case {
        std::string_view input, expected;
    };
    const Case cases[] = {
        {"  a b  ", "a b"}, {"\t\r\nx\n", "x"}, {"", ""}, {"   ", ""}, {"x", "x"},
        {"\v\fx\f", "x"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(Trim(c.input), c.expected) << "input: [" << c.input << "]";
    }
}

TEST(IsValidUtf8Test, ChecksWellFormedSequences) {
    // Unicode Standard, Table 3-7 (well-formed UTF-8 byte sequences).
    struct Case {
        std::string_view input;
        bool expected;
        const char* why;
    };
    const Case cases[] = {
        {"", true, "empty"},
        {"abc", true, "ASCII"},
        {"朔州", true, "CJK"},
        {"μg/L", true, "two-byte"},
        {"\xF0\x9F\x98\x80", true, "four-byte U+1F600"},
        {"\xC0\xAF", false, "overlong '/'"},
        {"\xE0\x80\xAF", false, "overlong three-byte"},
        {"\xED\xA0\x80", false, "surrogate U+D800"},
        {"\xF4\x90\x80\x80", false, "above U+10FFFF"},
        {"\xE6\x9C", false, "truncated"},
        {"\x80", false, "lone continuation byte"},
        {"\xFF", false, "never valid"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(IsValidUtf8(c.input), c.expected) << c.why;
    }
}

TEST(ToUpperAsciiTest, ChangesOnlyAsciiLetters) {
    EXPECT_EQ(ToUpperAscii("91350100m000100y43"), "91350100M000100Y43");
    EXPECT_EQ(ToUpperAscii("μg 朔州"), "μG 朔州");  // μ is not ASCII
    EXPECT_EQ(ToLowerAscii("MG/L 毫克"), "mg/l 毫克");
}

TEST(SplitCodePointsTest, SplitsPerCodePointAndPerInvalidByte) {
    const auto parts = SplitCodePoints("a朔\xFFμ");
    ASSERT_EQ(parts.size(), 4u);
    EXPECT_EQ(parts[0], "a");
    EXPECT_EQ(parts[1], "朔");
    EXPECT_EQ(parts[2], "\xFF");
    EXPECT_EQ(parts[3], "μ");
    EXPECT_TRUE(SplitCodePoints("").empty());
}

TEST(ToMessageSnippetTest, CutsOnCodePointsAndReplacesInvalidBytes) {
    struct Case {
        std::string_view input;
        std::size_t max;
        std::string_view expected;
    };
    const Case cases[] = {
        {"abc", 5, "abc"},
        {"abcdef", 3, "abc…"},
        {"朔州市平鲁区", 2, "朔州…"},
        {"a\xFF", 5, "a\xEF\xBF\xBD"},
        {"", 3, ""},
    };
    for (const Case& c : cases) {
        const std::string snippet = ToMessageSnippet(c.input, c.max);
        EXPECT_EQ(snippet, c.expected) << "input: " << c.input << " max: " << c.max;
        EXPECT_TRUE(IsValidUtf8(snippet)) << "input: " << c.input;
    }
}

}  // namespace
}  // namespace npgov
