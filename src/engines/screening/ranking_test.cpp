// Ranking properties: deterministic whatever the input order, ties broken by CAS then id,
// "manage" first, and a substance lacking data never below a well-studied harmless one even
// when its total is lower. Also the refusals of bad facts.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <set>

#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using testing::Params;
using testing::Value;

SubstanceFacts Harmless(std::string id, std::string cas) {
    SubstanceFacts s;
    s.id = std::move(id);
    s.cas = std::move(cas);
    s.hazard = testing::HarmlessHazard();
    s.volume = testing::Tonnes(5000, 12);                       // top volume band
    s.detection = testing::Monitored(40, 30, 5, 1000);           // frequent, far below the PNEC
    s.uses = testing::Uses({"消费品"});                          // wide dispersive
    return s;
}

// Hazard unknown; used a little as an industrial solvent.
SubstanceFacts DataPoor(std::string id, std::string cas) {
    SubstanceFacts s;
    s.id = std::move(id);
    s.cas = std::move(cas);
    s.volume = testing::Tonnes(0.5);
    s.uses = testing::Uses({"溶剂"});
    return s;
}

SubstanceFacts Pbt(std::string id, std::string cas) {
    SubstanceFacts s;
    s.id = std::move(id);
    s.cas = std::move(cas);
    s.hazard.half_lives.push_back({Medium::kSoil, Value(400)});
    s.hazard.bcf = Value(9000);
    s.hazard.chronic_noec = Value(0.001);
    s.hazard.classification = testing::NotClassified();
    s.volume = testing::Tonnes(2);
    return s;
}

std::vector<std::string> Ids(const ScreeningResult& r) {
    std::vector<std::string> ids;
    for (const auto& s : r.ranked) ids.push_back(s.id);
    return ids;
}

TEST(ScreeningRankingTest, DataPoorWithExposureRanksAboveWellStudiedHarmless) {
    const std::vector<SubstanceFacts> input = {Harmless("harmless", "64-17-5"), DataPoor("poor", "111-11-1"),
                                               Pbt("pbt", "222-22-2")};
    auto r = Screen(input, Params());
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(Ids(*r), (std::vector<std::string>{"pbt", "poor", "harmless"}));
    const auto& harmless = r->ranked[2];
    const auto& poor = r->ranked[1];
    EXPECT_EQ(harmless.category, ActionCategory::kLowPriority);
    EXPECT_EQ(poor.category, ActionCategory::kAssessHazard);
    // The order holds although the harmless substance has the higher total: the tier decides.
    EXPECT_GT(harmless.total, poor.total);
    EXPECT_EQ(r->ranked[0].category, ActionCategory::kManage);
    EXPECT_EQ(r->engine_version, kScreeningVersion);
    EXPECT_EQ(r->params_version, Params().version);
    for (std::size_t i = 0; i < r->ranked.size(); ++i) EXPECT_EQ(r->ranked[i].rank, i + 1);
}

// A grid of substances with every combination of facts present or absent: whatever the data,
// no low-priority substance ranks above one that lacks data, and "manage" comes first.
TEST(ScreeningRankingTest, TierOrderHoldsOverAGridOfFactPatterns) {
    std::vector<SubstanceFacts> input;
    for (int mask = 0; mask < 64; ++mask) {
        SubstanceFacts s;
        s.id = "grid-" + std::to_string(mask);
        s.cas = "";
        if (mask & 1) s.hazard = testing::HarmlessHazard();
        if (mask & 2) s.hazard.bcf = Value(8000);
        if (mask & 4) s.volume = testing::Tonnes(mask * 10.0);
        if (mask & 8) s.detection = testing::Monitored(20, mask % 5, 0.5 * mask, 4);
        if (mask & 16) s.uses = testing::Uses({mask & 32 ? "农药" : "中间体"});
        if (mask & 32) s.hazard.lists.push_back({"priority_control", "2020", "PC001"});
        input.push_back(std::move(s));
    }
    auto r = Screen(input, Params());
    ASSERT_TRUE(r) << r.error().Describe();
    bool seen_low = false, seen_not_manage = false;
    for (const auto& s : r->ranked) {
        if (s.category == ActionCategory::kLowPriority) seen_low = true;
        if (s.category != ActionCategory::kLowPriority) {
            EXPECT_FALSE(seen_low) << s.id << " (" << ToString(s.category) << ") ranked below a low-priority substance";
        }
        if (s.category != ActionCategory::kManage) seen_not_manage = true;
        if (s.category == ActionCategory::kManage) {
            EXPECT_FALSE(seen_not_manage) << s.id;
        }
        EXPECT_GE(s.total, 0.0);
        EXPECT_LE(s.total, 1.0);
    }
    EXPECT_TRUE(seen_low);
    // Every criterion the evidence cites resolves, and the result lists it once.
    std::set<std::string> listed;
    for (const auto& c : r->criteria) EXPECT_TRUE(listed.insert(c.id).second) << c.id;
    for (const auto& s : r->ranked) {
        for (const auto& d : s.dimensions) {
            for (const auto& e : d.evidence) {
                EXPECT_NE(Params().FindCriterion(e.criterion), nullptr) << s.id << " " << e.fact << " " << e.criterion;
                EXPECT_EQ(listed.count(e.criterion), 1u) << e.criterion;
            }
        }
    }
}

TEST(ScreeningRankingTest, DeterministicWhateverTheInputOrder) {
    std::vector<SubstanceFacts> input = {Harmless("h1", "64-17-5"), Harmless("h2", "67-56-1"),
                                         DataPoor("p1", "100-00-5"), DataPoor("p2", ""), DataPoor("p3", "100-00-5"),
                                         Pbt("b1", "333-33-3"), Pbt("b2", "222-22-2"), SubstanceFacts{}};
    input.back().id = "nothing";
    auto first = Screen(input, Params());
    ASSERT_TRUE(first) << first.error().Describe();
    std::mt19937 rng(20261129);
    for (int i = 0; i < 20; ++i) {
        std::shuffle(input.begin(), input.end(), rng);
        auto again = Screen(input, Params());
        ASSERT_TRUE(again);
        EXPECT_EQ(Ids(*again), Ids(*first)) << "shuffle " << i;
    }
    // Screening one by one and ranking gives the same order.
    std::vector<ScreenedSubstance> one_by_one;
    for (const auto& s : input) one_by_one.push_back(*ScreenOne(s, Params()));
    RankScreened(one_by_one);
    ASSERT_EQ(one_by_one.size(), first->ranked.size());
    for (std::size_t i = 0; i < one_by_one.size(); ++i) {
        EXPECT_EQ(one_by_one[i].id, first->ranked[i].id);
        EXPECT_EQ(one_by_one[i].rank, i + 1);
    }
    // Ties: equal totals ranked by CAS ("222-22-2" < "333-33-3"), then id for equal CAS, and a
    // substance without CAS after those with one.
    const auto ids = Ids(*first);
    auto pos = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) - ids.begin(); };
    EXPECT_LT(pos("b2"), pos("b1"));
    EXPECT_LT(pos("p1"), pos("p3"));
    EXPECT_LT(pos("p3"), pos("p2"));
    EXPECT_LT(pos("h1"), pos("h2"));
}

TEST(ScreeningRankingTest, RefusesBadFacts) {
    struct Case {
        const char* name;
        std::function<void(SubstanceFacts&)> edit;
        const char* reason;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"no id", [](SubstanceFacts& s) { s.id.clear(); }, "screening.id_missing", "id"},
        {"NaN BCF", [](SubstanceFacts& s) { s.hazard.bcf = Value(std::numeric_limits<double>::quiet_NaN()); },
         "screening.not_finite", "x: hazard.bcf"},
        {"zero NOEC", [](SubstanceFacts& s) { s.hazard.chronic_noec = Value(0); }, "screening.negative",
         "x: hazard.chronic_noec"},
        {"negative half-life", [](SubstanceFacts& s) { s.hazard.half_lives.push_back({Medium::kSoil, Value(-1)}); },
         "screening.negative", "x: hazard.half_life.soil"},
        {"two soil half-lives",
         [](SubstanceFacts& s) {
             s.hazard.half_lives.push_back({Medium::kSoil, Value(10)});
             s.hazard.half_lives.push_back({Medium::kSoil, Value(20)});
         },
         "screening.duplicate_medium", "x: hazard.half_life.soil"},
        {"no source", [](SubstanceFacts& s) { s.hazard.bcf = Value(10, testing::Measured("")); },
         "screening.provenance", "x: hazard.bcf"},
        {"negative tonnage", [](SubstanceFacts& s) { s.volume = testing::Tonnes(-1); }, "screening.negative",
         "x: volume.tonnes_per_year"},
        {"more detects than samples", [](SubstanceFacts& s) { s.detection = testing::Monitored(5, 6, 1, 1); },
         "screening.counts", "x: detection.detects"},
        {"soil concentration against a water PNEC",
         [](SubstanceFacts& s) {
             s.detection = testing::Monitored(20, 2, 1, 1);
             s.detection->max_detected = Quantity{1, Unit::kMilligramPerKilogram};
         },
         "screening.unit", "x: detection.max_detected"},
    };
    for (const Case& c : cases) {
        SubstanceFacts s;
        s.id = "x";
        c.edit(s);
        auto r = ScreenOne(s, Params());
        ASSERT_FALSE(r) << c.name << ": accepted";
        EXPECT_EQ(r.error().reason, c.reason) << c.name << ": " << r.error().Describe();
        EXPECT_EQ(r.error().field, c.field) << c.name;
    }
    const std::vector<SubstanceFacts> twice = {DataPoor("same", ""), DataPoor("same", "")};
    auto r = Screen(twice, Params());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, "screening.duplicate_id");
}

}  // namespace
}  // namespace npgov::screening
