#include <gtest/gtest.h>

#include "engines/tabular/table.hpp"

namespace npgov::tabular {
namespace {

TEST(ParseNumberCellTest, AcceptsNumbersAsTypedInChineseOffices) {
    struct Case {
        std::string_view input;
        double expected;
    };
    const Case cases[] = {
        {"123.4", 123.4},
        {"  42 ", 42},
        {"-7", -7},
        {"+7", 7},
        {"1,234.5", 1234.5},                  // thousands separator
        {"12,345,678", 12345678},
        {"１，２３４", 1234},                  // full-width digits and comma
        {"１２３．４", 123.4},                 // full-width point
        {"１２３。４", 123.4},                 // '。' typed by the '.' key in a Chinese IME
        {"－５", -5},                          // full-width minus
        {"\xE2\x88\x92" "5", -5},              // U+2212 minus sign
        {"1.2E-3", 1.2e-3},
        {"1.2e+3", 1200},
        {"3e2", 300},
        {".5", 0.5},
        {"5.", 5},
        {"\xE3\x80\x80" "8\xE3\x80\x80", 8},   // ideographic spaces around
        {"0", 0},
        {"1e-300", 1e-300},
    };
    for (const Case& c : cases) {
        const auto value = ParseNumberCell(c.input);
        ASSERT_TRUE(value) << "input: [" << c.input << "] " << value.error().Describe();
        EXPECT_DOUBLE_EQ(*value, c.expected) << "input: [" << c.input << "]";
    }
}

TEST(ParseNumberCellTest, RefusesWhatIsNotClearlyANumber) {
    const std::string_view cases[] = {
        "", "   ", "abc", "1.2.3", "12%", "NaN", "nan", "inf", "-inf", "Infinity", "1e999",
        "0x10", "1e", "1e+", "-", "+", ".", "1 234", "12 kg", "1,2,3",
        "123,4",    // a decimal comma, or a typo: refused rather than read as 1234 or 123.4
        "１２３，４",  // the same, full-width
        "1,23",     // groups must have three digits
        "1,2345",
        "1234,567",  // the first group has at most three digits
        ",123", "1,234,", "1.234,5", "1,234.5,6",
        "＜ＬＯＤ", "ND",
    };
    for (std::string_view input : cases) {
        const auto value = ParseNumberCell(input);
        ASSERT_FALSE(value) << "input: [" << input << "] parsed as " << *value;
        EXPECT_EQ(value.error().reason, "tabular.number") << input;
        EXPECT_EQ(value.error().code, ErrorCode::kInvalidArgument) << input;
        EXPECT_FALSE(value.error().message_zh.empty());
    }
}

TEST(ParseNumberCellTest, ExplainsTheCommaRule) {
    const auto value = ParseNumberCell("１２３，４");
    ASSERT_FALSE(value);
    EXPECT_NE(value.error().message_en.find("groups of three"), std::string::npos) << value.error().message_en;
    EXPECT_NE(value.error().message_zh.find("千位分隔符"), std::string::npos) << value.error().message_zh;
    EXPECT_NE(value.error().message_zh.find("１２３，４"), std::string::npos) << "echoes the input as typed";
}

TEST(TableNumberAtTest, NamesTheSourceRowAndColumnOnError) {
    Table table;
    table.header = {"CAS号", "年用量（吨）"};
    table.rows = {{"335-67-1", "1,234.5"}, {"58-89-9", "约 3 吨"}};
    table.source_rows = {5, 9};
    const auto good = table.NumberAt(0, 1);
    ASSERT_TRUE(good) << good.error().Describe();
    EXPECT_DOUBLE_EQ(*good, 1234.5);
    const auto bad = table.NumberAt(1, 1);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().row, 9);
    EXPECT_EQ(bad.error().field, "年用量（吨）");
}

}  // namespace
}  // namespace npgov::tabular
