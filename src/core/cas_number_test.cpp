// Check digits per CAS, "Check Digit Verification of CAS Registry Numbers": the digits before
// the check digit, from the right, are weighted 1, 2, 3, …; the sum mod 10 is the check digit.
#include "core/cas_number.hpp"

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(CasNumberTest, AcceptsKnownRegistryNumbers) {
    struct Case {
        std::string_view input, canonical, substance;
    };
    const Case cases[] = {
        {"335-67-1", "335-67-1", "PFOA"},
        {"1763-23-1", "1763-23-1", "PFOS"},
        {"355-46-4", "355-46-4", "PFHxS"},
        {"7732-18-5", "7732-18-5", "water"},
        {"50-00-0", "50-00-0", "formaldehyde (check digit 0)"},
        {"58-08-2", "58-08-2", "caffeine"},
        {"1336-36-3", "1336-36-3", "PCBs"},
        {"85535-84-8", "85535-84-8", "SCCPs"},
        {"25637-99-4", "25637-99-4", "HBCDD"},
        {"1163-19-5", "1163-19-5", "decaBDE"},
        {"87-68-3", "87-68-3", "hexachlorobutadiene"},
        {"117-81-7", "117-81-7", "DEHP"},
        {"9002-84-0", "9002-84-0", "PTFE"},
        {"  335-67-1\t", "335-67-1", "surrounding whitespace"},
        {"３３５－６７－１", "335-67-1", "full-width digits and hyphens"},
        {"　335-67-1　", "335-67-1", "ideographic spaces"},
        {"335\u201367\u20131", "335-67-1", "en dashes from a word processor"},
        {"335\u221267\u22121", "335-67-1", "minus signs"},
        {"0000050-00-0", "50-00-0", "zero-padded export"},
    };
    for (const Case& c : cases) {
        const auto cas = CasNumber::Parse(c.input);
        ASSERT_TRUE(cas) << c.substance << ": " << cas.error().Describe();
        EXPECT_EQ(cas->text(), c.canonical) << c.substance;
    }
}

TEST(CasNumberTest, RejectsMalformedInputWithReason) {
    struct Case {
        std::string_view input, reason;
    };
    const Case cases[] = {
        {"", "cas.empty"},
        {"   ", "cas.empty"},
        {"335-67-2", "cas.check_digit"},
        {"1763-23-2", "cas.check_digit"},
        {"353-67-1", "cas.check_digit"},  // transposed digits
        {"335671", "cas.format"},         // hyphens are required
        {"abc", "cas.format"},
        {"5-00-0", "cas.format"},         // first group has at least 2 digits
        {"12345678-00-0", "cas.format"},  // and at most 7
        {"335-6-1", "cas.format"},
        {"335-671-1", "cas.format"},
        {"335-67-11", "cas.format"},
        {"335-67", "cas.format"},
        {"335-67-1-1", "cas.format"},
        {"335 67 1", "cas.format"},
        {"-335-67-1", "cas.format"},
        {"00-00-0", "cas.format"},
        {"CAS 335-67-1", "cas.format"},
    };
    for (const Case& c : cases) {
        const auto cas = CasNumber::Parse(c.input);
        ASSERT_FALSE(cas) << "input: " << c.input;
        EXPECT_EQ(cas.error().reason, c.reason) << "input: " << c.input;
        EXPECT_EQ(cas.error().code, ErrorCode::kInvalidArgument) << "input: " << c.input;
        EXPECT_EQ(cas.error().field, "cas") << "input: " << c.input;
    }
}

TEST(CasNumberTest, CheckDigitMessageNamesExpectedDigit) {
    const auto cas = CasNumber::Parse("335-67-2");
    ASSERT_FALSE(cas);
    EXPECT_NE(cas.error().message_en.find("expected 1"), std::string::npos)
        << cas.error().message_en;
    EXPECT_NE(cas.error().message_zh.find("应为 1"), std::string::npos) << cas.error().message_zh;
}

TEST(CasNumberTest, FormatMessageEchoesInput) {
    const auto cas = CasNumber::Parse("abc");
    ASSERT_FALSE(cas);
    EXPECT_NE(cas.error().message_en.find("\"abc\""), std::string::npos)
        << cas.error().message_en;
    EXPECT_NE(cas.error().message_zh.find("abc"), std::string::npos) << cas.error().message_zh;
}

TEST(CasNumberTest, OrdersByRegistryNumber) {
    const auto a = CasNumber::Parse("50-00-0");
    const auto b = CasNumber::Parse("335-67-1");
    const auto c = CasNumber::Parse("1336-36-3");
    ASSERT_TRUE(a && b && c);
    EXPECT_LT(*a, *b);
    EXPECT_LT(*b, *c);  // text order would put "1336…" first
    EXPECT_EQ(*b, *CasNumber::Parse("３３５－６７－１"));
    EXPECT_NE(*a, *b);
}

}  // namespace
}  // namespace npgov
