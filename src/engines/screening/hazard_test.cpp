// The hazard dimension: P, vP, B, vB and T at their thresholds (strict as GB/T 24782-2009 /
// REACH Annex XIII word them: "> 40 d", "> 2000", "< 0.01 mg/L"), censored values, estimates and
// screening information (ECHA R.11), classifications, conclusions, lists and the concern level.
#include <cmath>

#include "engines/screening/internal.hpp"
#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using internal::AssessHazard;
using internal::Tri;
using testing::HarmlessHazard;
using testing::HasGap;
using testing::Params;
using testing::Value;

Outcome Of(const internal::HazardAssessment& a, Property p) { return a.profile.Find(p).outcome; }

TEST(ScreeningHazardTest, CensoredComparisons) {
    struct Case { double value; Qualifier q; double threshold; Tri exceeds, below; };
    const Case cases[] = {
        {40, Qualifier::kEqual, 40, Tri::kFalse, Tri::kFalse},        // equal: neither (strict)
        {41, Qualifier::kEqual, 40, Tri::kTrue, Tri::kFalse},
        {39, Qualifier::kEqual, 40, Tri::kFalse, Tri::kTrue},
        {40, Qualifier::kGreaterThan, 40, Tri::kTrue, Tri::kFalse},   // "> 40": true value above 40
        {30, Qualifier::kGreaterThan, 40, Tri::kUnknown, Tri::kUnknown},
        {40, Qualifier::kLessThan, 40, Tri::kFalse, Tri::kTrue},      // "< 40": true value below 40
        {50, Qualifier::kLessThan, 40, Tri::kUnknown, Tri::kUnknown},
    };
    for (const Case& c : cases) {
        const Fact f = Value(c.value, testing::Measured("s"), c.q);
        EXPECT_EQ(internal::Exceeds(f, c.threshold), c.exceeds) << ToString(c.q) << c.value << " vs " << c.threshold;
        EXPECT_EQ(internal::FallsBelow(f, c.threshold), c.below) << ToString(c.q) << c.value << " vs " << c.threshold;
    }
}

// For every medium: exactly at the threshold is not P (or vP); just above is.
TEST(ScreeningHazardTest, PersistenceThresholdsAreStrictForEveryMedium) {
    for (const auto& [property, criteria] : {std::pair{Property::kP, &Params().pbt.p},
                                             std::pair{Property::kVp, &Params().pbt.vp}}) {
        for (const HalfLifeCriterion& c : *criteria) {
            for (const auto& [days, expected] : {std::pair{c.days_gt, Outcome::kNotMet},
                                                 std::pair{std::nextafter(c.days_gt, 1e9), Outcome::kMet}}) {
                HazardFacts h;
                h.half_lives.push_back({c.medium, Value(days)});
                const auto a = AssessHazard(h, Params());
                EXPECT_EQ(Of(a, property), expected) << ToString(property) << " " << ToString(c.medium) << " " << days;
                EXPECT_EQ(a.profile.Find(property).basis, Basis::kCriteria);
            }
        }
    }
    // The thresholds themselves (GB/T 24782-2009 = REACH Annex XIII 1.1.1/1.2.1).
    HazardFacts h;
    h.half_lives.push_back({Medium::kFreshWater, Value(50)});  // > 40 (P), not > 60 (vP)
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kP), Outcome::kMet);
    EXPECT_EQ(Of(a, Property::kVp), Outcome::kNotMet);
    h.half_lives = {{Medium::kMarineWater, Value(50)}};  // not > 60 in marine water
    a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kP), Outcome::kNotMet);
}

TEST(ScreeningHazardTest, BioaccumulationAndToxicityThresholdsAreStrict) {
    struct Case { double bcf; Outcome b, vb; };
    for (const Case& c : {Case{2000, Outcome::kNotMet, Outcome::kNotMet}, Case{2000.5, Outcome::kMet, Outcome::kNotMet},
                          Case{5000, Outcome::kMet, Outcome::kNotMet}, Case{5000.5, Outcome::kMet, Outcome::kMet}}) {
        HazardFacts h;
        h.bcf = Value(c.bcf);
        const auto a = AssessHazard(h, Params());
        EXPECT_EQ(Of(a, Property::kB), c.b) << "BCF " << c.bcf;
        EXPECT_EQ(Of(a, Property::kVb), c.vb) << "BCF " << c.bcf;
    }
    for (const auto& [noec, t] : {std::pair{0.01, Outcome::kNotMet}, std::pair{0.0099, Outcome::kMet}}) {
        HazardFacts h;
        h.chronic_noec = Value(noec);
        h.classification = testing::NotClassified();
        EXPECT_EQ(Of(AssessHazard(h, Params()), Property::kT), t) << "NOEC " << noec;
    }
}

TEST(ScreeningHazardTest, CensoredHalfLifeOnTheWrongSideIsAGap) {
    HazardFacts h;
    h.half_lives.push_back({Medium::kFreshWater, Value(30, testing::Measured("s"), Qualifier::kGreaterThan)});
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kP), Outcome::kUnknown);
    EXPECT_TRUE(HasGap(a.dimension, "hazard.p.inconclusive"));
    EXPECT_TRUE(a.dimension.data_gap);
    h.half_lives[0].days.value = 40;  // "> 40 d": above the threshold whatever the true value
    EXPECT_EQ(Of(AssessHazard(h, Params()), Property::kP), Outcome::kMet);
}

TEST(ScreeningHazardTest, EstimatesAndScreeningInformationNeverGiveADefinitiveFinding) {
    HazardFacts h;
    h.bcf = Value(3000, testing::Estimated("BCF from log Kow (test method)"));
    h.half_lives.push_back({Medium::kSoil, Value(400, testing::Estimated("QSAR (test method)"))});
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kB), Outcome::kSuspected);
    EXPECT_EQ(a.profile.Find(Property::kB).basis, Basis::kScreening);
    EXPECT_EQ(Of(a, Property::kP), Outcome::kSuspected);
    ASSERT_NE(testing::FindEvidence(a.dimension, "bcf"), nullptr);
    EXPECT_EQ(testing::FindEvidence(a.dimension, "bcf")->verdict, Verdict::kScreeningMet);
    EXPECT_EQ(testing::FindEvidence(a.dimension, "bcf")->origin, Origin::kEstimated);

    // ECHA R.11 screening: ready biodegradability → not P; not ready → potentially P.
    HazardFacts ready;
    ready.readily_biodegradable = Flag{true, testing::Measured("OECD 301")};
    EXPECT_EQ(Of(AssessHazard(ready, Params()), Property::kP), Outcome::kNotMet);
    EXPECT_EQ(AssessHazard(ready, Params()).profile.Find(Property::kP).basis, Basis::kScreening);
    ready.readily_biodegradable->value = false;
    EXPECT_EQ(Of(AssessHazard(ready, Params()), Property::kP), Outcome::kSuspected);
    // A measured simulation half-life outranks the ready test.
    ready.half_lives.push_back({Medium::kFreshWater, Value(10)});
    EXPECT_EQ(Of(AssessHazard(ready, Params()), Property::kP), Outcome::kNotMet);
    EXPECT_EQ(AssessHazard(ready, Params()).profile.Find(Property::kP).basis, Basis::kCriteria);
}

TEST(ScreeningHazardTest, LogKowIsScreeningEvidenceForBOnly) {
    HazardFacts h;
    h.log_kow = Value(4.5);  // R.11: log Kow ≤ 4.5 → not B at screening level
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kB), Outcome::kNotMet);
    EXPECT_EQ(a.profile.Find(Property::kB).basis, Basis::kScreening);
    h.log_kow = Value(4.51);  // > 4.5 → potentially B (and vB), labelled screening evidence
    a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kB), Outcome::kSuspected);
    EXPECT_EQ(Of(a, Property::kVb), Outcome::kSuspected);
    EXPECT_TRUE(HasGap(a.dimension, "hazard.b.no_bcf"));
    EXPECT_EQ(testing::FindEvidence(a.dimension, "log_kow")->verdict, Verdict::kScreeningMet);
    // A measured BCF decides; log Kow is then only shown.
    h.bcf = Value(100);
    h.log_kow = Value(6.0);
    a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kB), Outcome::kNotMet);
    EXPECT_EQ(a.profile.Find(Property::kB).basis, Basis::kCriteria);
}

TEST(ScreeningHazardTest, ToxicityFromClassification) {
    struct Case { CmrCategory carc, muta, repr; StotReCategory stot; Outcome t; bool cmr; };
    const Case cases[] = {
        {CmrCategory::kNotClassified, CmrCategory::kNotClassified, CmrCategory::k2, StotReCategory::kNotClassified,
         Outcome::kMet, false},  // Repr. 2 meets T (Annex XIII), not the 1A/1B CMR criterion
        {CmrCategory::k2, CmrCategory::kNotClassified, CmrCategory::kNotClassified, StotReCategory::kNotClassified,
         Outcome::kUnknown, false},  // Carc. 2 is not T; no aquatic data → T unknown
        {CmrCategory::kNotClassified, CmrCategory::kNotClassified, CmrCategory::kNotClassified, StotReCategory::k2,
         Outcome::kMet, false},
        {CmrCategory::k1B, CmrCategory::kNotClassified, CmrCategory::kNotClassified, StotReCategory::kNotClassified,
         Outcome::kMet, true},
        {CmrCategory::kNotClassified, CmrCategory::k1A, CmrCategory::kNotClassified, StotReCategory::kNotClassified,
         Outcome::kMet, true},
    };
    for (const Case& c : cases) {
        HazardFacts h;
        h.classification = testing::NotClassified();
        h.classification->carcinogenicity = c.carc;
        h.classification->mutagenicity = c.muta;
        h.classification->reproductive = c.repr;
        h.classification->stot_re = c.stot;
        const auto a = AssessHazard(h, Params());
        EXPECT_EQ(Of(a, Property::kT), c.t) << ToString(c.carc) << "/" << ToString(c.muta) << "/" << ToString(c.repr);
        EXPECT_EQ(a.profile.cmr, c.cmr) << ToString(c.carc) << "/" << ToString(c.muta);
    }
    // Without a classification T cannot be excluded, whatever the NOEC.
    HazardFacts h;
    h.chronic_noec = Value(1.0);
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(Of(a, Property::kT), Outcome::kUnknown);
    EXPECT_TRUE(HasGap(a.dimension, "hazard.t.no_classification"));
    // Acute data are screening information: < 0.1 mg/L potentially T, ≥ 0.1 not T.
    HazardFacts acute;
    acute.classification = testing::NotClassified();
    acute.acute_lc50 = Value(0.05);
    EXPECT_EQ(Of(AssessHazard(acute, Params()), Property::kT), Outcome::kSuspected);
    acute.acute_lc50 = Value(0.1);
    EXPECT_EQ(Of(AssessHazard(acute, Params()), Property::kT), Outcome::kNotMet);
    EXPECT_EQ(AssessHazard(acute, Params()).profile.Find(Property::kT).basis, Basis::kScreening);
}

TEST(ScreeningHazardTest, NoDataIsUnknownNeverHarmless) {
    const auto a = AssessHazard(HazardFacts{}, Params());
    for (Property p : {Property::kP, Property::kVp, Property::kB, Property::kVb, Property::kT}) {
        EXPECT_EQ(Of(a, p), Outcome::kUnknown) << ToString(p);
    }
    EXPECT_EQ(a.profile.pbt, Outcome::kUnknown);
    EXPECT_FALSE(a.dimension.score.has_value());
    EXPECT_TRUE(a.dimension.data_gap);
    EXPECT_EQ(a.dimension.ranking_score, Params().gap_fill.hazard);
    EXPECT_EQ(a.concern, Concern::kUnknown);
    for (const char* code : {"hazard.p.no_data", "hazard.b.no_data", "hazard.t.no_classification",
                             "hazard.t.no_aquatic_data", "hazard.ed.not_assessed"}) {
        EXPECT_TRUE(HasGap(a.dimension, code)) << code;
    }
}

TEST(ScreeningHazardTest, HarmlessWithAdequateDataIsLowConcern) {
    const auto a = AssessHazard(HarmlessHazard(), Params());
    EXPECT_EQ(a.profile.pbt, Outcome::kNotMet);
    EXPECT_FALSE(a.dimension.data_gap);
    EXPECT_EQ(a.dimension.score, 0.0);
    EXPECT_EQ(a.dimension.ranking_score, 0.0);
    EXPECT_EQ(a.concern, Concern::kLow);
}

TEST(ScreeningHazardTest, ConcernLevels) {
    // Two of P, B, T met and T unknown: could be PBT → suspected (rule two_of_pbt, 0.6, with a gap).
    HazardFacts h;
    h.half_lives.push_back({Medium::kSoil, Value(200)});
    h.bcf = Value(3000);
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(a.concern, Concern::kSuspected);
    EXPECT_EQ(a.dimension.score, 0.6);
    // The same with T known not met: moderate, no gap on P/B/T.
    h.classification = testing::NotClassified();
    h.chronic_noec = Value(1.0);
    a = AssessHazard(h, Params());
    EXPECT_EQ(a.profile.pbt, Outcome::kNotMet);
    EXPECT_EQ(a.concern, Concern::kModerate);
    // P, B met, T only potentially (acute < 0.1 mg/L): suspected PBT (0.8, suspected basis).
    h.chronic_noec.reset();
    h.acute_lc50 = Value(0.02);
    a = AssessHazard(h, Params());
    EXPECT_EQ(a.profile.pbt, Outcome::kSuspected);
    EXPECT_EQ(a.concern, Concern::kSuspected);
    EXPECT_EQ(a.dimension.score, 0.8);
    // An identified endocrine disruptor is high concern on its own.
    HazardFacts ed = HarmlessHazard();
    ed.endocrine->status = EdStatus::kKnown;
    EXPECT_EQ(AssessHazard(ed, Params()).concern, Concern::kHigh);
    ed.endocrine->status = EdStatus::kSuspected;
    EXPECT_EQ(AssessHazard(ed, Params()).concern, Concern::kLow);  // 0.4 < moderate 0.5
}

TEST(ScreeningHazardTest, ListsAndConclusionsAreEstablishedConcern) {
    HazardFacts h;
    h.lists.push_back({"priority_control", "2020", "PC030"});
    auto a = AssessHazard(h, Params());
    EXPECT_EQ(a.dimension.score, 0.9);
    EXPECT_EQ(a.concern, Concern::kHigh);
    ASSERT_NE(testing::FindEvidence(a.dimension, "list.priority_control"), nullptr);
    EXPECT_EQ(testing::FindEvidence(a.dimension, "list.priority_control")->value, "2020 PC030");
    h.lists = {{"some_future_list", "2030", "1"}};
    a = AssessHazard(h, Params());
    EXPECT_TRUE(HasGap(a.dimension, "hazard.list.unscored"));
    EXPECT_NE(a.concern, Concern::kHigh);
    HazardFacts pop;
    pop.conclusions.push_back({ConclusionKind::kPop, testing::Regulatory("Stockholm Annex A")});
    a = AssessHazard(pop, Params());
    EXPECT_TRUE(a.profile.pop);
    EXPECT_EQ(a.dimension.score, 1.0);
}

TEST(ScreeningHazardTest, StockholmAnnexDIsShownNotScored) {
    HazardFacts h;
    h.log_kow = Value(5.5);  // Annex D: log Kow > 5
    h.half_lives.push_back({Medium::kSoil, Value(190)});  // > 6 months
    const auto a = AssessHazard(h, Params());
    ASSERT_NE(testing::FindEvidence(a.dimension, "stockholm.bioaccumulation"), nullptr);
    EXPECT_EQ(testing::FindEvidence(a.dimension, "stockholm.bioaccumulation")->value, "met");
    EXPECT_EQ(testing::FindEvidence(a.dimension, "stockholm.persistence")->value, "met");
    EXPECT_EQ(testing::FindEvidence(a.dimension, "stockholm.persistence")->verdict, Verdict::kNoted);
}

}  // namespace
}  // namespace npgov::screening
