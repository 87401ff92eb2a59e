// Unified social credit codes per GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》:
// §4 structure and Table 1 character values; §5 check character
// C18 = 31 − (Σ value(c_i)·W_i mod 31), W_i = 3^(i−1) mod 31, 31 written as '0'.
#include "core/uscc.hpp"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(UsccTest, WeightsFollowTheStandardsFormula) {
    int power = 1;  // 3^0
    for (std::size_t i = 0; i < kUsccWeights.size(); ++i) {
        EXPECT_EQ(kUsccWeights[i], power) << "W_" << i + 1;
        power = power * 3 % 31;
    }
    EXPECT_EQ(kUsccCharset.size(), 31u);
    for (char excluded : std::string_view("IOZSV")) {
        EXPECT_EQ(kUsccCharset.find(excluded), std::string_view::npos) << excluded;
    }
}

TEST(UsccTest, AcceptsValidCodes) {
    // 91350100M000100Y43 is the example widely cited as valid. The others are built for
    // Shuozhou divisions; their check characters were computed from §5 by hand (a Python
    // one-liner), independently of this code.
    struct Case {
        std::string_view input, canonical, region, note;
    };
    const Case cases[] = {
        {"91350100M000100Y43", "91350100M000100Y43", "350100", "published example"},
        {"91140602MA0GRP1X5X", "91140602MA0GRP1X5X", "140602", "朔城区 enterprise"},
        {"12140600405000000B", "12140600405000000B", "140600", "public institution"},
        {"52140621MJY000001Q", "52140621MJY000001Q", "140621", "social organisation, 山阴县"},
        {"91140671MA0M000011", "91140671MA0M000011", "140671", "development zone"},
        {"91140623MA0N000000", "91140623MA0N000000", "140623", "sum ≡ 0 mod 31, check '0'"},
        {"91350100m000100y43", "91350100M000100Y43", "350100", "lower case"},
        {"９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43", "350100", "full-width"},
        {"  91350100M000100Y43\n", "91350100M000100Y43", "350100", "whitespace"},
    };
    for (const Case& c : cases) {
        const auto uscc = Uscc::Parse(c.input);
        ASSERT_TRUE(uscc) << c.note << ": " << uscc.error().Describe();
        EXPECT_EQ(uscc->text(), c.canonical) << c.note;
        EXPECT_EQ(uscc->region_code(), c.region) << c.note;
    }
}

TEST(UsccTest, RejectsInvalidCodesWithReason) {
    struct Case {
        std::string_view input, reason, note;
    };
    const Case cases[] = {
        {"", "uscc.empty", "empty"},
        {" \t", "uscc.empty", "blank"},
        {"91350100M000100Y4", "uscc.length", "17 characters"},
        {"91350100M000100Y433", "uscc.length", "19 characters"},
        {"91350100I000100Y43", "uscc.charset", "I is not used"},
        {"91350100O000100Y43", "uscc.charset", "O is not used"},
        {"9135010-M000100Y43", "uscc.charset", "hyphen"},
        {"91350100M000100Y4朔", "uscc.charset", "CJK character"},
        {"91ABCDEFM000100Y43", "uscc.region_code", "division code not digits"},
        {"91350100M000100Y44", "uscc.check_char", "wrong check character"},
        {"91350100M000100Y4Y", "uscc.check_char", "wrong check character"},
        {"91351000M000100Y43", "uscc.check_char", "transposed digits"},
    };
    for (const Case& c : cases) {
        const auto uscc = Uscc::Parse(c.input);
        ASSERT_FALSE(uscc) << c.note;
        EXPECT_EQ(uscc.error().reason, c.reason) << c.note;
        EXPECT_EQ(uscc.error().code, ErrorCode::kInvalidArgument) << c.note;
        EXPECT_EQ(uscc.error().field, "uscc") << c.note;
    }
}

TEST(UsccTest, MessagesNamePositionAndExpectedCharacter) {
    const auto charset = Uscc::Parse("91350100I000100Y43");
    ASSERT_FALSE(charset);
    EXPECT_NE(charset.error().message_en.find("character 9"), std::string::npos)
        << charset.error().message_en;
    EXPECT_NE(charset.error().message_zh.find("第 9 位“I”"), std::string::npos)
        << charset.error().message_zh;

    const auto check = Uscc::Parse("91350100M000100Y44");
    ASSERT_FALSE(check);
    EXPECT_NE(check.error().message_en.find("should be 3"), std::string::npos)
        << check.error().message_en;
    EXPECT_NE(check.error().message_zh.find("应为 3"), std::string::npos)
        << check.error().message_zh;

    const auto length = Uscc::Parse("123");
    ASSERT_FALSE(length);
    EXPECT_NE(length.error().message_en.find("got 3"), std::string::npos)
        << length.error().message_en;
}

TEST(ComputeUsccCheckCharTest, MatchesPublishedExample) {
    const auto check = ComputeUsccCheckChar("91350100M000100Y4");
    ASSERT_TRUE(check) << check.error().Describe();
    EXPECT_EQ(*check, '3');
    EXPECT_EQ(*ComputeUsccCheckChar("91140623MA0N00000"), '0');  // 31 is written '0'

    EXPECT_EQ(ComputeUsccCheckChar("91350100M000100Y43").error().reason, "uscc.length");
    EXPECT_EQ(ComputeUsccCheckChar("91350100M0001O0Y4").error().reason, "uscc.charset");
}

TEST(ComputeUsccCheckCharTest, ExactlyOneCheckCharacterMakesABodyValid) {
    std::mt19937 random(20151001);  // fixed seed: the standard's implementation date
    std::uniform_int_distribution<std::size_t> pick(0, kUsccCharset.size() - 1);
    std::uniform_int_distribution<int> digit(0, 9);
    for (int trial = 0; trial < 1000; ++trial) {
        std::string body;
        for (int i = 0; i < 17; ++i) {
            // Positions 3–8 are a division code: digits only.
            body += (i >= 2 && i < 8) ? static_cast<char>('0' + digit(random))
                                      : kUsccCharset[pick(random)];
        }
        const auto computed = ComputeUsccCheckChar(body);
        ASSERT_TRUE(computed) << body << ": " << computed.error().Describe();
        int valid = 0;
        for (char candidate : kUsccCharset) {
            const bool ok = Uscc::Parse(body + candidate).has_value();
            if (ok) {
                ++valid;
                EXPECT_EQ(candidate, *computed) << body;
            }
        }
        EXPECT_EQ(valid, 1) << body;
    }
}

TEST(UsccTest, ComparesByText) {
    const auto a = Uscc::Parse("91350100M000100Y43");
    const auto b = Uscc::Parse("91350100m000100y43");
    const auto c = Uscc::Parse("91140602MA0GRP1X5X");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(*a, *b);
    EXPECT_LT(*c, *a);
}

}  // namespace
}  // namespace npgov
