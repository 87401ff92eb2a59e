// Administrative division codes per GB/T 2260 《中华人民共和国行政区划代码》; Shuozhou's codes
// from the Ministry of Civil Affairs list, and 140671 (山西朔州经济开发区) from the National
// Bureau of Statistics' statistical division codes.
#include "core/region_code.hpp"

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(RegionCodeTest, ParsesShuozhouDivisionsWithLevelAndParents) {
    struct Case {
        std::string_view input;
        RegionLevel level;
        std::string_view parent_city, province, name;
    };
    const Case cases[] = {
        {"140000", RegionLevel::kProvince, "140000", "140000", "山西省"},
        {"140600", RegionLevel::kCity, "140600", "140000", "朔州市"},
        {"140602", RegionLevel::kCounty, "140600", "140000", "朔城区"},
        {"140603", RegionLevel::kCounty, "140600", "140000", "平鲁区"},
        {"140621", RegionLevel::kCounty, "140600", "140000", "山阴县"},
        {"140622", RegionLevel::kCounty, "140600", "140000", "应县"},
        {"140623", RegionLevel::kCounty, "140600", "140000", "右玉县"},
        {"140681", RegionLevel::kCounty, "140600", "140000", "怀仁市"},
        {"140671", RegionLevel::kCounty, "140600", "140000", "山西朔州经济开发区"},
        {"110101", RegionLevel::kCounty, "110100", "110000", "北京市东城区"},
        {"429004", RegionLevel::kCounty, "429000", "420000", "仙桃市 (province-administered)"},
        {"820000", RegionLevel::kProvince, "820000", "820000", "澳门"},
        {" １４０６００ ", RegionLevel::kCity, "140600", "140000", "full-width, spaces"},
    };
    for (const Case& c : cases) {
        const auto code = RegionCode::Parse(c.input);
        ASSERT_TRUE(code) << c.name << ": " << code.error().Describe();
        EXPECT_EQ(code->level(), c.level) << c.name;
        EXPECT_EQ(code->parent_city().text(), c.parent_city) << c.name;
        EXPECT_EQ(code->province().text(), c.province) << c.name;
    }
}

TEST(RegionCodeTest, RejectsMalformedCodesWithReason) {
    struct Case {
        std::string_view input, reason;
    };
    const Case cases[] = {
        {"", "region_code.format"},        {"14060", "region_code.format"},
        {"1406000", "region_code.format"}, {"14060a", "region_code.format"},
        {"140-600", "region_code.format"}, {"朔州市", "region_code.format"},
        {"140006", "region_code.format"},  // county digits without city digits
        {"000000", "region_code.province"}, {"100000", "region_code.province"},
        {"160600", "region_code.province"}, {"240100", "region_code.province"},
        {"470000", "region_code.province"}, {"550000", "region_code.province"},
        {"660000", "region_code.province"}, {"720000", "region_code.province"},
        {"830000", "region_code.province"}, {"990000", "region_code.province"},
    };
    for (const Case& c : cases) {
        const auto code = RegionCode::Parse(c.input);
        ASSERT_FALSE(code) << "input: " << c.input;
        EXPECT_EQ(code.error().reason, c.reason) << "input: " << c.input;
        EXPECT_EQ(code.error().field, "region_code") << "input: " << c.input;
    }
}

TEST(RegionCodeTest, AcceptsEveryProvinceCode) {
    for (std::string_view province :
         {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82"}) {
        const std::string text = std::string(province) + "0000";
        EXPECT_TRUE(RegionCode::Parse(text)) << text;
    }
}

TEST(RegionCodeTest, ContainsItsOwnSubdivisionsOnly) {
    struct Case {
        std::string_view outer, inner;
        bool expected;
    };
    const Case cases[] = {
        {"140000", "140602", true},  {"140000", "140600", true},  {"140000", "140000", true},
        {"140600", "140602", true},  {"140600", "140671", true},  {"140600", "140600", true},
        {"140600", "140000", false}, {"140600", "140702", false}, {"140602", "140602", true},
        {"140602", "140603", false}, {"140602", "140600", false}, {"140000", "150602", false},
    };
    for (const Case& c : cases) {
        const auto outer = RegionCode::Parse(c.outer);
        const auto inner = RegionCode::Parse(c.inner);
        ASSERT_TRUE(outer && inner) << c.outer << " " << c.inner;
        EXPECT_EQ(outer->Contains(*inner), c.expected) << c.outer << " contains " << c.inner;
    }
}

TEST(RegionCodeTest, MessagesAreSpecific) {
    const auto province = RegionCode::Parse("990000");
    ASSERT_FALSE(province);
    EXPECT_NE(province.error().message_en.find("starts with 99"), std::string::npos)
        << province.error().message_en;
    const auto format = RegionCode::Parse("14a600");
    ASSERT_FALSE(format);
    EXPECT_NE(format.error().message_zh.find("14a600"), std::string::npos)
        << format.error().message_zh;
}

}  // namespace
}  // namespace npgov
