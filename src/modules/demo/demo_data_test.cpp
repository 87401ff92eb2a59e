#include "modules/demo/demo_data.hpp"

#include <set>

#include <gtest/gtest.h>

#include "core/uscc.hpp"
#include "modules/dashboard/dashboard.hpp"
#include "support/app_fixture.hpp"

namespace npgov::demo {
namespace {

class DemoDataTest : public test::AppTest {};

// SplitMix64 reference output for seed 1234567, from the authors' C reference
// implementation (prng.di.unimi.it/splitmix64.c).
TEST(SplitMix64Test, MatchesTheReferenceImplementation) {
    SplitMix64 rng(1234567);
    EXPECT_EQ(rng.Next(), 6457827717110365317ULL);
    EXPECT_EQ(rng.Next(), 3203168211198807973ULL);
    EXPECT_EQ(rng.Next(), 9817491932198370423ULL);
}

TEST(MakeSyntheticUsccTest, CodesAreValidAndCarryTheCounty) {
    SplitMix64 rng(7);
    for (int i = 0; i < 500; ++i) {
        const std::string code = MakeSyntheticUscc("140621", rng);
        auto parsed = Uscc::Parse(code);
        ASSERT_TRUE(parsed) << code << ": " << parsed.error().Describe();
        EXPECT_EQ(parsed->region_code(), "140621");
    }
}

TEST_P(DemoDataTest, SeedsEveryRoleAndCountyAndIsMarkedSynthetic) {
    auto report = SeedDemo(*reference_, *enterprises_, *users_, {2023, 60, 3});
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_EQ(report->enterprises, 60);
    std::set<std::string> roles;
    for (const auto& a : report->accounts) roles.insert(a.role);
    EXPECT_EQ(roles, (std::set<std::string>{"admin", "analyst", "enterprise", "inspector", "officer"}));
    auto all = enterprises_->List({}, {}, {1, 200});
    ASSERT_TRUE(all);
    std::set<std::string> counties;
    for (const auto& e : all->items) {
        EXPECT_TRUE(e.synthetic);
        EXPECT_NE(e.name.find("（演示）"), std::string::npos) << e.name;
        counties.insert(e.region_code);
    }
    EXPECT_EQ(counties.size(), 7u) << "every county-level division and the zone";
    auto again = SeedDemo(*reference_, *enterprises_, *users_, {2023, 60, 3});
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "demo.not_empty");
    auto verify = audit_->Verify();
    ASSERT_TRUE(verify);
    EXPECT_TRUE(verify->ok);
}

TEST_P(DemoDataTest, TheSameSeedGivesTheSameCity) {
    ASSERT_TRUE(SeedDemo(*reference_, *enterprises_, *users_, {99, 25, 1}));
    auto first = enterprises_->List({}, {}, {1, 200});
    ASSERT_TRUE(first);

    test::TestDatabase other(backend());
    ASSERT_TRUE(store::ApplyMigrations(other.db(), AllMigrations()));
    audit::AuditLog audit(other.db(), clock_);
    reference::ReferenceData reference(other.db(), audit);
    ASSERT_TRUE(reference.Save(*reference::LoadReferenceFiles("data"), "test"));
    enterprise::EnterpriseRegistry enterprises(other.db(), reference, audit, clock_);
    auth::UserDirectory users(other.db(), reference, enterprises, audit, clock_);
    ASSERT_TRUE(SeedDemo(reference, enterprises, users, {99, 25, 1}));
    auto second = enterprises.List({}, {}, {1, 200});
    ASSERT_TRUE(second);
    ASSERT_EQ(first->items.size(), second->items.size());
    for (std::size_t i = 0; i < first->items.size(); ++i) {
        EXPECT_EQ(first->items[i].uscc, second->items[i].uscc) << i;
        EXPECT_EQ(first->items[i].name, second->items[i].name) << i;
        EXPECT_EQ(first->items[i].latitude, second->items[i].latitude) << i;
    }
}

TEST_P(DemoDataTest, DashboardCountsFollowTheScope) {
    ASSERT_TRUE(SeedDemo(*reference_, *enterprises_, *users_, {2023, 40, 2}));
    auth::Principal admin{1, "admin", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};
    auto city = dashboard_->Summarise(admin);
    ASSERT_TRUE(city) << city.error().Describe();
    EXPECT_EQ(city->enterprises, 40);
    EXPECT_EQ(city->enterprises_by_region.size(), 7u);
    EXPECT_EQ(city->users, 9);
    EXPECT_GT(city->audit_entries, 40);
    auth::Principal county{2, "officer.sc", auth::Role::kOfficer, std::string("sthjj"), std::string("140602"), std::nullopt};
    auto scoped = dashboard_->Summarise(county);
    ASSERT_TRUE(scoped);
    ASSERT_EQ(scoped->enterprises_by_region.size(), 1u);
    EXPECT_EQ(scoped->enterprises, scoped->enterprises_by_region[0].count);
    EXPECT_EQ(scoped->users, 0) << "only admins see user counts";
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoDataTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::demo
