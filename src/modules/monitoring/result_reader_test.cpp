// Reads of stored results on both backends: the summaries must be exactly what the stats engine
// gives for the same observations (normalised to ng/L), grouped per site or per substance,
// scoped by county; series carry non-detects at their limits.
#include "modules/monitoring/result_reader.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "modules/monitoring/monitoring_test_support.hpp"

namespace npgov::monitoring {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kPfoa = "335-67-1";

class ResultReaderTest : public testing::MonitoringTest {
protected:
    void SetUp() override {
        MonitoringTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto report = Import(
            "点位编码,采样日期,介质,CAS号,物质名称,结果,单位,检出限,实验室\n"
            "SZ-R01,2023-03-15,水,335-67-1,PFOA,12.6,ng/L,0.5,lab\n"
            "SZ-R01,2023-06-14,水,335-67-1,PFOA,<0.5,ng/L,0.5,lab\n"
            "SZ-R01,2023-09-13,水,335-67-1,PFOA,0.0084,μg/L,0.0005,lab\n"
            "SZ-R01,2023-12-12,水,335-67-1,PFOA,ND,ng/L,1.0,lab\n"
            "SZ-R01,2024-03-12,水,335-67-1,PFOA,15.1,ng/L,0.5,lab\n"
            "SZ-R01,2024-06-11,水,335-67-1,PFOA,<1.0,ng/L,1.0,lab\n"
            "SZ-R01,2024-09-10,水,335-67-1,PFOA,20.3,ng/L,1.0,lab\n"
            "SZ-R01,2024-12-10,水,335-67-1,PFOA,3.3,ng/L,1.0,lab\n"
            "SZ-R01,2024-03-12,沉积物,335-67-1,PFOA,0.82,μg/kg,0.05,lab\n"
            "SZ-R01,2024-03-12,水,1763-23-1,PFOS,<0.5,ng/L,0.5,lab\n"
            "SZ-R02,2024-03-13,水,335-67-1,PFOA,ND,ng/L,0.5,lab\n"
            "SZ-R02,2024-06-12,水,335-67-1,PFOA,ND,ng/L,0.5,lab\n"
            "SZ-R02,2024-09-11,水,335-67-1,PFOA,ND,ng/L,0.5,lab\n"
            "SZ-R02,2024-12-11,水,335-67-1,PFOA,ND,ng/L,0.5,lab\n",
            "reader.csv");
        ASSERT_TRUE(report) << report.error().Describe();
        ASSERT_TRUE(report->committed) << (report->errors.empty() ? "" : report->errors.front().Describe());
    }

    // The same observations as SZ-R01's water PFOA rows, by hand, in ng/L.
    static std::vector<stats::Observation> RiverPfoa() {
        return {{12.6, false, 0.5}, {kNaN, true, 0.5}, {8.4, false, 0.5}, {kNaN, true, 1.0},
                {15.1, false, 0.5}, {kNaN, true, 1.0}, {20.3, false, 1.0}, {3.3, false, 1.0}};
    }
};

TEST_P(ResultReaderTest, SummaryPerSiteIsTheStatsEngineOnTheStoredObservations) {
    SummaryQuery query;
    query.filter.cas = kPfoa;
    auto page = monitoring_->results.Summarize(query, {}, {1, 20});
    ASSERT_TRUE(page) << page.error().Describe();
    ASSERT_EQ(page->total, 3) << "SZ-R01 sediment, SZ-R01 water, SZ-R02 water";
    ASSERT_EQ(page->items.size(), 3u);
    EXPECT_EQ(page->items[0].site->code, "SZ-R01");
    EXPECT_EQ(page->items[0].medium, Medium::kSediment);
    EXPECT_EQ(page->items[0].unit, "μg/kg");
    const GroupSummary& river = page->items[1];
    EXPECT_EQ(river.site->code, "SZ-R01");
    EXPECT_EQ(river.medium, Medium::kWater);
    EXPECT_EQ(river.unit, "ng/L");
    EXPECT_EQ(river.substance_name, "PFOA");
    EXPECT_EQ(river.first_date, "2023-03-15");
    EXPECT_EQ(river.last_date, "2024-12-10");

    auto expected = stats::SummarizeCensored(RiverPfoa());
    ASSERT_TRUE(expected);
    EXPECT_EQ(river.summary.detection.n, 8u);
    EXPECT_EQ(river.summary.detection.detects, 5u);
    EXPECT_EQ(river.summary.detection.distinct_limits, 2u);
    ASSERT_TRUE(river.summary.kaplan_meier) << river.summary.kaplan_meier.error().Describe();
    ASSERT_TRUE(expected->kaplan_meier);
    // 0.0084 μg/L × 1000 is 8.4 ng/L to within one rounding of the multiplication.
    EXPECT_NEAR(river.summary.kaplan_meier->mean, expected->kaplan_meier->mean, 1e-12);
    EXPECT_NEAR(river.summary.kaplan_meier->median.value(), expected->kaplan_meier->median.value(), 1e-12);
    EXPECT_EQ(river.summary.kaplan_meier->how.method, expected->kaplan_meier->how.method);
    EXPECT_EQ(river.summary.kaplan_meier->how.version, stats::kKaplanMeierVersion);
    ASSERT_TRUE(river.summary.ros);
    EXPECT_NEAR(river.summary.ros->mean, expected->ros->mean, 1e-9);
    EXPECT_NEAR(river.summary.substitution.mean, expected->substitution.mean, 1e-12);
    EXPECT_EQ(river.summary.substitution.substituted, 3u);
    EXPECT_FALSE(river.exceedance.has_value()) << "no threshold, no exceedance";

    const GroupSummary& reservoir = page->items[2];
    EXPECT_EQ(reservoir.site->code, "SZ-R02");
    EXPECT_EQ(reservoir.summary.detection.detects, 0u);
    ASSERT_FALSE(reservoir.summary.kaplan_meier) << "all non-detects: Kaplan-Meier refuses";
    EXPECT_EQ(reservoir.summary.kaplan_meier.error().reason, "stats.too_few_detects");
    EXPECT_FALSE(reservoir.summary.ros);
    EXPECT_DOUBLE_EQ(reservoir.summary.substitution.mean, 0.25) << "LOD/2, shown for comparison";
}

TEST_P(ResultReaderTest, SummaryPerSubstancePoolsSitesInScope) {
    SummaryQuery query;
    query.group_by = GroupBy::kSubstance;
    auto page = monitoring_->results.Summarize(query, {}, {1, 20});
    ASSERT_TRUE(page) << page.error().Describe();
    ASSERT_EQ(page->total, 3) << "PFOS water, PFOA sediment, PFOA water (CAS in text order)";
    const GroupSummary& water = page->items[2];
    EXPECT_FALSE(water.site.has_value());
    EXPECT_EQ(water.cas, kPfoa);
    EXPECT_EQ(water.medium, Medium::kWater);
    EXPECT_EQ(water.sites, 2);
    EXPECT_EQ(water.summary.detection.n, 12u);

    auto scoped = monitoring_->results.Summarize(query, SiteScope{std::string("140621")}, {1, 20});
    ASSERT_TRUE(scoped);
    ASSERT_EQ(scoped->total, 1) << "Shanyin County holds only SZ-R02's PFOA";
    EXPECT_EQ(scoped->items[0].summary.detection.n, 4u);
    EXPECT_EQ(scoped->items[0].sites, 1);
}

TEST_P(ResultReaderTest, ExceedanceUsesTheThresholdInTheMediumsUnit) {
    SummaryQuery query;
    query.filter.cas = kPfoa;
    query.site_id = river_.id;
    query.threshold = Threshold{0.01, ParseConcentrationUnit("μg/L").value()};  // 10 ng/L
    auto page = monitoring_->results.Summarize(query, {}, {1, 20});
    ASSERT_TRUE(page) << page.error().Describe();
    ASSERT_EQ(page->items.size(), 2u);
    const auto& sediment = page->items[0].exceedance;
    ASSERT_TRUE(sediment.has_value());
    ASSERT_FALSE(*sediment) << "a per-litre threshold does not apply to sediment";
    EXPECT_EQ(sediment->error().reason, "monitoring.unit_medium");
    const auto& water = page->items[1].exceedance;
    ASSERT_TRUE(water.has_value() && *water);
    EXPECT_DOUBLE_EQ((*water)->threshold, 10.0);
    EXPECT_EQ((*water)->exceeding, 3u) << "12.6, 15.1 and 20.3 ng/L";
    EXPECT_EQ((*water)->unknown, 0u) << "every limit is below 10 ng/L";
    EXPECT_DOUBLE_EQ((*water)->max_ratio.value(), 2.03);
}

TEST_P(ResultReaderTest, PagesGroupsAndChecksTheSiteScope) {
    SummaryQuery query;
    auto first = monitoring_->results.Summarize(query, {}, {1, 2});
    auto second = monitoring_->results.Summarize(query, {}, {2, 2});
    ASSERT_TRUE(first && second);
    EXPECT_EQ(first->total, 4);
    ASSERT_EQ(first->items.size(), 2u);
    ASSERT_EQ(second->items.size(), 2u);
    EXPECT_EQ(second->items[1].site->code, "SZ-R02");
    query.site_id = reservoir_.id;
    auto hidden = monitoring_->results.Summarize(query, SiteScope{std::string("140602")}, {1, 20});
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().reason, "monitoring.site_unknown");
    query.filter.from = Date{2030, 1, 1};
    query.site_id.reset();
    auto none = monitoring_->results.Summarize(query, {}, {1, 20});
    ASSERT_TRUE(none);
    EXPECT_EQ(none->total, 0);
    EXPECT_TRUE(none->items.empty());
}

TEST_P(ResultReaderTest, SeriesDrawsNonDetectsAtTheirLimits) {
    auto series = monitoring_->results.LoadSeries(river_.id, kPfoa, {}, {});
    ASSERT_TRUE(series) << series.error().Describe();
    ASSERT_EQ(series->size(), 2u) << "sediment and water";
    const Series& water = (*series)[1];
    EXPECT_EQ(water.medium, Medium::kWater);
    EXPECT_EQ(water.unit, "ng/L");
    ASSERT_EQ(water.points.size(), 8u);
    EXPECT_EQ(water.points[0].date, "2023-03-15");
    EXPECT_EQ(water.points[7].date, "2024-12-10");
    EXPECT_FALSE(water.points[0].censored);
    EXPECT_DOUBLE_EQ(water.points[0].value.value(), 12.6);
    EXPECT_TRUE(water.points[1].censored);
    EXPECT_FALSE(water.points[1].value.has_value());
    EXPECT_DOUBLE_EQ(water.points[1].limit.value(), 0.5);
    EXPECT_EQ(water.points[3].qualifier, Qualifier::kBelowLod);
    EXPECT_NEAR(water.points[2].value.value(), 8.4, 1e-12);

    ResultFilter only_2024;
    only_2024.from = Date{2024, 1, 1};
    only_2024.medium = Medium::kWater;
    auto recent = monitoring_->results.LoadSeries(river_.id, kPfoa, only_2024, {});
    ASSERT_TRUE(recent);
    ASSERT_EQ(recent->size(), 1u);
    EXPECT_EQ((*recent)[0].points.size(), 4u);
    auto hidden = monitoring_->results.LoadSeries(river_.id, kPfoa, {}, SiteScope{std::string("140621")});
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

TEST_P(ResultReaderTest, ListsASitesResultsNewestFirstWithFilters) {
    auto page = monitoring_->results.ListResults(river_.id, {}, {}, {1, 4});
    ASSERT_TRUE(page) << page.error().Describe();
    EXPECT_EQ(page->total, 10);
    ASSERT_EQ(page->items.size(), 4u);
    EXPECT_EQ(page->items[0].sampled_on, "2024-12-10");
    ResultFilter filter;
    filter.cas = "1763-23-1";
    auto pfos = monitoring_->results.ListResults(river_.id, filter, {}, {1, 20});
    ASSERT_TRUE(pfos);
    ASSERT_EQ(pfos->total, 1);
    EXPECT_EQ(pfos->items[0].reported, "<0.5");
    filter = {};
    filter.medium = Medium::kSediment;
    auto sediment = monitoring_->results.ListResults(river_.id, filter, {}, {1, 20});
    ASSERT_TRUE(sediment);
    EXPECT_EQ(sediment->total, 1);
    filter = {};
    filter.to = Date{2023, 12, 31};
    auto year2023 = monitoring_->results.ListResults(river_.id, filter, {}, {1, 20});
    ASSERT_TRUE(year2023);
    EXPECT_EQ(year2023->total, 4);
    auto hidden = monitoring_->results.ListResults(reservoir_.id, {}, SiteScope{std::string("140602")}, {1, 20});
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
}

TEST_P(ResultReaderTest, ForEachSummaryWalksTheSameGroupsAsThePages) {
    for (GroupBy group_by : {GroupBy::kSite, GroupBy::kSubstance}) {
        SummaryQuery query;
        query.group_by = group_by;
        query.threshold = Threshold{10, ParseConcentrationUnit("ng/L").value()};
        auto paged = monitoring_->results.Summarize(query, {}, {1, 50});
        ASSERT_TRUE(paged) << paged.error().Describe();
        std::vector<GroupSummary> walked;
        auto count = monitoring_->results.ForEachSummary(query, {}, [&](const GroupSummary& g) -> Status {
            walked.push_back(g);
            return Ok();
        });
        ASSERT_TRUE(count) << count.error().Describe();
        ASSERT_EQ(*count, paged->total);
        ASSERT_EQ(walked.size(), paged->items.size());
        for (std::size_t i = 0; i < walked.size(); ++i) {
            const auto& a = walked[i];
            const auto& b = paged->items[i];
            EXPECT_EQ(a.cas, b.cas) << i;
            EXPECT_EQ(a.medium, b.medium) << i;
            EXPECT_EQ(a.site.has_value(), b.site.has_value()) << i;
            if (a.site && b.site) EXPECT_EQ(a.site->code, b.site->code) << i;
            EXPECT_EQ(a.sites, b.sites) << i;
            EXPECT_EQ(a.first_date, b.first_date) << i;
            EXPECT_EQ(a.last_date, b.last_date) << i;
            EXPECT_EQ(a.substance_name, b.substance_name) << i;
            EXPECT_EQ(a.summary.detection.n, b.summary.detection.n) << i;
            EXPECT_EQ(a.summary.substitution.mean, b.summary.substitution.mean) << i;
            EXPECT_EQ(a.summary.kaplan_meier.has_value(), b.summary.kaplan_meier.has_value()) << i;
            ASSERT_TRUE(a.exceedance.has_value() && b.exceedance.has_value());
            EXPECT_EQ(a.exceedance->has_value(), b.exceedance->has_value()) << i;
        }
    }
    SummaryQuery one;
    one.site_id = reservoir_.id;
    auto hidden = monitoring_->results.ForEachSummary(one, SiteScope{std::string("140602")},
                                                      [](const GroupSummary&) -> Status { return Ok(); });
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().reason, "monitoring.site_unknown");
    int calls = 0;
    auto stopped = monitoring_->results.ForEachSummary({}, {}, [&](const GroupSummary&) -> Status {
        ++calls;
        return MakeError(ErrorCode::kUnavailable, "test.stop", "停止", "stop");
    });
    ASSERT_FALSE(stopped);
    EXPECT_EQ(stopped.error().reason, "test.stop");
    EXPECT_EQ(calls, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ResultReaderTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::monitoring
