#include "modules/monitoring/site_registry.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "modules/monitoring/monitoring_test_support.hpp"

namespace npgov::monitoring {
namespace {

class SiteRegistryTest : public testing::MonitoringTest {
protected:
    NewSite Valid() { return {" sz-x01 ", "七里河断面（测试）", SiteType::kRiverSection, "140602", "七里河", 39.3, 112.4, false}; }
};

TEST_P(SiteRegistryTest, CreatesAuditedAndFindsByIdAndCode) {
    const auto audit_before = AuditCount();
    auto site = monitoring_->sites.Create(Valid(), {}, "officer");
    ASSERT_TRUE(site) << site.error().Describe();
    EXPECT_EQ(site->code, "SZ-X01") << "trimmed and upper-cased";
    EXPECT_EQ(site->created_at, "2026-11-29T00:00:00Z");
    EXPECT_EQ(AuditCount(), audit_before + 1);
    auto entries = audit_->List({std::nullopt, std::string("monitoring.site.create")}, {1, 1});
    ASSERT_TRUE(entries && !entries->items.empty());
    EXPECT_EQ(nlohmann::json::parse(*entries->items[0].change.after_json)["code"], "SZ-X01");

    auto found = monitoring_->sites.Find(site->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->type, SiteType::kRiverSection);
    EXPECT_DOUBLE_EQ(found->latitude.value(), 39.3);
    auto by_code = monitoring_->sites.FindByCodes({"SZ-X01", "SZ-R02", "NOPE"}, {});
    ASSERT_TRUE(by_code);
    EXPECT_EQ(by_code->size(), 2u);
    EXPECT_EQ(by_code->at("SZ-X01").id, site->id);
}

TEST_P(SiteRegistryTest, BadInputChangesNothing) {
    struct Case {
        const char* what;
        void (*edit)(NewSite&);
        const char* reason;
    };
    const Case cases[] = {
        {"empty code", [](NewSite& s) { s.code = " "; }, "monitoring.site_code"},
        {"code with a space", [](NewSite& s) { s.code = "SZ X01"; }, "monitoring.site_code"},
        {"taken code", [](NewSite& s) { s.code = "sz-r01"; }, "monitoring.site_code_taken"},
        {"empty name", [](NewSite& s) { s.name = ""; }, "monitoring.site_name"},
        {"unknown region", [](NewSite& s) { s.region_code = "140699"; }, "region.unknown"},
        {"latitude only", [](NewSite& s) { s.longitude.reset(); }, "monitoring.coordinates"},
        {"longitude range", [](NewSite& s) { s.longitude = 181; }, "monitoring.coordinates"},
    };
    const auto audit_before = AuditCount();
    for (const auto& c : cases) {
        NewSite input = Valid();
        c.edit(input);
        auto created = monitoring_->sites.Create(input, {}, "officer");
        ASSERT_FALSE(created) << c.what;
        EXPECT_EQ(created.error().reason, c.reason) << c.what;
        EXPECT_FALSE(created.error().message_zh.empty()) << c.what;
    }
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_EQ(CountRows("monitoring_sites"), 4);
}

TEST_P(SiteRegistryTest, ScopeHidesOtherCountiesAndLimitsWhereSitesAreRegistered) {
    const SiteScope shuocheng{std::string("140602")};
    auto own = monitoring_->sites.Find(river_.id, shuocheng);
    EXPECT_TRUE(own);
    auto other = monitoring_->sites.Find(reservoir_.id, shuocheng);
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound) << "out of scope reads as absent";
    auto list = monitoring_->sites.List({}, shuocheng, {1, 20});
    ASSERT_TRUE(list);
    EXPECT_EQ(list->total, 1);
    NewSite elsewhere = Valid();
    elsewhere.region_code = "140621";
    auto refused = monitoring_->sites.Create(elsewhere, shuocheng, "officer.sc");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, "monitoring.out_of_scope");
    EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
}

TEST_P(SiteRegistryTest, ListsByTypeRegionAndTextOrderedByCode) {
    auto all = monitoring_->sites.List({}, {}, {1, 20});
    ASSERT_TRUE(all);
    ASSERT_EQ(all->total, 4);
    EXPECT_EQ(all->items[0].code, "SZ-R01");
    EXPECT_EQ(all->items[3].code, "SZ-W01");
    auto soil = monitoring_->sites.List({SiteType::kSoil, std::nullopt, std::nullopt}, {}, {1, 20});
    ASSERT_TRUE(soil);
    ASSERT_EQ(soil->total, 1);
    EXPECT_EQ(soil->items[0].id, soil_.id);
    auto huairen = monitoring_->sites.List({std::nullopt, std::string("140681"), std::nullopt}, {}, {1, 20});
    ASSERT_TRUE(huairen);
    EXPECT_EQ(huairen->total, 1);
    auto text = monitoring_->sites.List({std::nullopt, std::nullopt, std::string("水库")}, {}, {1, 20});
    ASSERT_TRUE(text);
    ASSERT_EQ(text->total, 1);
    EXPECT_EQ(text->items[0].code, "SZ-R02");
    auto by_code = monitoring_->sites.List({std::nullopt, std::nullopt, std::string("w01")}, {}, {1, 20});
    ASSERT_TRUE(by_code);
    EXPECT_EQ(by_code->total, 1) << "code search ignores case";
    auto page2 = monitoring_->sites.List({}, {}, {2, 3});
    ASSERT_TRUE(page2);
    ASSERT_EQ(page2->items.size(), 1u);
    EXPECT_EQ(page2->items[0].code, "SZ-W01");
}

INSTANTIATE_TEST_SUITE_P(Backends, SiteRegistryTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::monitoring
