#include "modules/demo/demo_monitoring.hpp"

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::demo {
namespace {

class DemoMonitoringTest : public test::AppTest {};

TEST(MakeDemoLabFileTest, SameSeedSameFileOtherSeedOtherFile) {
    const auto sites = DemoMonitoringSites();
    EXPECT_EQ(MakeDemoLabFile(sites, 2023), MakeDemoLabFile(sites, 2023));
    EXPECT_NE(MakeDemoLabFile(sites, 2023), MakeDemoLabFile(sites, 7));
    EXPECT_GE(sites.size(), 30u);
    for (const auto& s : sites) {
        EXPECT_TRUE(s.synthetic) << s.code;
        EXPECT_NE(s.name.find("（演示）"), std::string::npos) << s.code;
    }
}

TEST_P(DemoMonitoringTest, SeedsSitesOfEveryTypeAndMostlyNonDetects) {
    auto report = SeedDemoMonitoring(*monitoring_, 2023);
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_EQ(report->sites, static_cast<int>(DemoMonitoringSites().size()));
    EXPECT_GT(report->results, 1500);
    const double censored = static_cast<double>(report->censored) / static_cast<double>(report->results);
    EXPECT_GT(censored, 0.5) << "about 60 % below the limits";
    EXPECT_LT(censored, 0.7);
    for (monitoring::SiteType type : monitoring::AllSiteTypes()) {
        auto sites = monitoring_->sites.List({type, std::nullopt, std::nullopt}, {}, {1, 1});
        ASSERT_TRUE(sites);
        EXPECT_GT(sites->total, 0) << monitoring::ToString(type);
    }
    // Every county and the development zone has sites; the summaries run on all of it.
    for (const char* region : {"140602", "140603", "140621", "140622", "140623", "140681", "140671"}) {
        auto sites = monitoring_->sites.List({std::nullopt, std::string(region), std::nullopt}, {}, {1, 1});
        ASSERT_TRUE(sites);
        EXPECT_GT(sites->total, 0) << region;
    }
    monitoring::SummaryQuery query;
    query.group_by = monitoring::GroupBy::kSubstance;
    auto summary = monitoring_->results.Summarize(query, {}, {1, 50});
    ASSERT_TRUE(summary) << summary.error().Describe();
    int estimated = 0;
    for (const auto& g : summary->items) {
        EXPECT_GE(g.summary.detection.distinct_limits, 2u) << g.cas << " " << monitoring::ToString(g.medium);
        if (g.summary.kaplan_meier) ++estimated;
    }
    EXPECT_GT(estimated, 5) << "pooled over sites, Kaplan-Meier has enough detects";

    auto first = monitoring_->sites.List({}, {}, {1, 1});
    ASSERT_TRUE(first && !first->items.empty());
    EXPECT_TRUE(first->items[0].synthetic);
    auto results = monitoring_->results.ListResults(first->items[0].id, {}, {}, {1, 5});
    ASSERT_TRUE(results && !results->items.empty());
    EXPECT_TRUE(results->items[0].synthetic) << "demo results say they are synthetic";

    auto again = SeedDemoMonitoring(*monitoring_, 2023);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "demo.monitoring_not_empty");
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoMonitoringTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::demo
