#include "modules/enterprise/enterprise_registry.hpp"

#include <gtest/gtest.h>

#include "core/uscc.hpp"
#include "support/app_fixture.hpp"

namespace npgov::enterprise {
namespace {

class EnterpriseRegistryTest : public test::AppTest {
protected:
    NewEnterprise Valid() {
        NewEnterprise e;
        e.uscc = "91140602MA0K123456";
        e.uscc = e.uscc.substr(0, 17) + *ComputeUsccCheckChar(e.uscc.substr(0, 17));
        e.name = "朔州测试涂料有限公司";
        e.region_code = "140602";
        e.industry_code = "2641";
        e.address = "朔城区";
        e.latitude = 39.3;
        e.longitude = 112.4;
        return e;
    }
    std::int64_t AuditCount() { return *audit_->Count(); }
};

TEST_P(EnterpriseRegistryTest, CreatesAndFinds) {
    auto created = enterprises_->Create(Valid(), "officer");
    ASSERT_TRUE(created) << created.error().Describe();
    auto found = enterprises_->Find(created->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "朔州测试涂料有限公司");
    EXPECT_DOUBLE_EQ(found->latitude.value_or(0), 39.3);
    EXPECT_EQ(found->created_at, "2026-11-29T00:00:00Z");
}

TEST_P(EnterpriseRegistryTest, BadInputChangesNothing) {
    struct Case {
        const char* what;
        void (*edit)(NewEnterprise&);
        const char* reason;
    };
    const Case cases[] = {
        {"check character", [](NewEnterprise& e) { e.uscc.back() = e.uscc.back() == '0' ? '1' : '0'; }, "uscc.check_char"},
        {"short code", [](NewEnterprise& e) { e.uscc = "91140602"; }, "uscc.length"},
        {"unknown region", [](NewEnterprise& e) { e.region_code = "140699"; }, "region.unknown"},
        {"malformed region", [](NewEnterprise& e) { e.region_code = "14x602"; }, "region.unknown"},
        {"unknown industry", [](NewEnterprise& e) { e.industry_code = "0000"; }, "industry.unknown"},
        {"empty name", [](NewEnterprise& e) { e.name = "  "; }, "enterprise.name"},
        {"latitude only", [](NewEnterprise& e) { e.longitude.reset(); }, "enterprise.coordinates"},
        {"latitude range", [](NewEnterprise& e) { e.latitude = 91; }, "enterprise.coordinates"},
    };
    const auto audit_before = AuditCount();
    for (const auto& c : cases) {
        NewEnterprise input = Valid();
        c.edit(input);
        auto created = enterprises_->Create(input, "officer");
        ASSERT_FALSE(created) << c.what;
        EXPECT_EQ(created.error().reason, c.reason) << c.what;
        EXPECT_FALSE(created.error().message_zh.empty()) << c.what;
    }
    auto list = enterprises_->List({}, {}, {1, 10});
    ASSERT_TRUE(list);
    EXPECT_EQ(list->total, 0);
    EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(EnterpriseRegistryTest, DuplicateCodeIsRefused) {
    ASSERT_TRUE(enterprises_->Create(Valid(), "officer"));
    auto again = enterprises_->Create(Valid(), "officer");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    EXPECT_EQ(again.error().field, "uscc");
}

TEST_P(EnterpriseRegistryTest, ScopeLimitsWhatIsSeen) {
    const auto a = MakeEnterprise("甲化工（测试）", "140602");
    const auto b = MakeEnterprise("乙化工（测试）", "140621");
    MakeEnterprise("丙涂料（测试）", "140621");
    auto county = enterprises_->List({}, {std::string("140621"), std::nullopt}, {1, 10});
    ASSERT_TRUE(county);
    EXPECT_EQ(county->total, 2);
    auto own = enterprises_->List({}, {std::nullopt, a.id}, {1, 10});
    ASSERT_TRUE(own);
    ASSERT_EQ(own->total, 1);
    EXPECT_EQ(own->items[0].id, a.id);
    EXPECT_FALSE(enterprises_->FindInScope(b.id, {std::nullopt, a.id}));
    EXPECT_TRUE(enterprises_->FindInScope(b.id, {std::string("140621"), std::nullopt}));
}

TEST_P(EnterpriseRegistryTest, SearchesChineseSubstringsAndCounts) {
    MakeEnterprise("恒泰化工（测试）", "140602");
    MakeEnterprise("恒泰涂料（测试）", "140621");
    MakeEnterprise("金沙制药（测试）", "140621");
    auto found = enterprises_->List({std::string("恒泰"), std::nullopt}, {}, {1, 10});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->total, 2);
    auto paged = enterprises_->List({}, {}, {2, 2});
    ASSERT_TRUE(paged);
    EXPECT_EQ(paged->total, 3);
    EXPECT_EQ(paged->items.size(), 1u);
    auto by_region = enterprises_->CountByRegion({});
    ASSERT_TRUE(by_region);
    ASSERT_EQ(by_region->size(), 2u);
    EXPECT_EQ((*by_region)[1].code, "140621");
    EXPECT_EQ((*by_region)[1].count, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, EnterpriseRegistryTest, ::testing::ValuesIn(test::AllBackends()),
                         test::BackendParamName);

}  // namespace
}  // namespace npgov::enterprise
