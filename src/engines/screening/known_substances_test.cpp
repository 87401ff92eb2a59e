// Well-known substances with known answers. Property values are those published in the cited
// assessments; the city's tonnage, uses and monitoring are synthetic. Each expectation says
// which regulatory conclusion it reproduces.
#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using testing::FindEvidence;
using testing::HasGap;
using testing::Measured;
using testing::Params;
using testing::Regulatory;
using testing::Value;

constexpr double kDaysPerYear = 365;

Outcome Of(const ScreenedSubstance& s, Property p) { return s.hazard.Find(p).outcome; }

// PFOS, CAS 1763-23-1.
//  - Persistence: no degradation in hydrolysis, photolysis or biodegradation tests; hydrolysis
//    half-life > 41 years at 25 °C. UNEP/POPS/POPRC.2/17/Add.5 (2006), PFOS risk profile §2.2.1.
//  - BCF 2796 L/kg, bluegill sunfish, whole fish, steady state (3M 2001, OECD 305), ibid. §2.2.2.
//  - Harmonised classification Carc. 2, Repr. 1B, Lact., STOT RE 1 (Regulation (EC) No
//    1272/2008 Annex VI, perfluorooctane sulfonic acid and its salts).
//  - Stockholm Convention Annex B (decision SC-4/17, 2009); List of Key Controlled New
//    Pollutants 2023, entry 1.
SubstanceFacts Pfos() {
    SubstanceFacts s;
    s.id = "pfos";
    s.cas = "1763-23-1";
    s.name_en = "perfluorooctane sulfonic acid";
    s.name_zh = "全氟辛基磺酸";
    const Provenance risk_profile = Measured("UNEP/POPS/POPRC.2/17/Add.5 (2006) PFOS risk profile");
    s.hazard.half_lives.push_back(
        {Medium::kFreshWater, Value(41 * kDaysPerYear, risk_profile, Qualifier::kGreaterThan)});
    s.hazard.bcf = Value(2796, risk_profile);
    s.hazard.classification = testing::NotClassified("CLP Annex VI harmonised classification");
    s.hazard.classification->carcinogenicity = CmrCategory::k2;
    s.hazard.classification->reproductive = CmrCategory::k1B;
    s.hazard.classification->stot_re = StotReCategory::k1;
    s.hazard.conclusions.push_back({ConclusionKind::kPop, Regulatory("Stockholm Convention Annex B, SC-4/17")});
    s.hazard.lists.push_back({"key_controlled", "2023", "1"});
    s.hazard.lists.push_back({"stockholm_pops", "COP-12 (2025)", "PFOS"});
    s.volume = testing::Tonnes(0.8, 2);  // synthetic: chrome-plating mist suppressant
    s.uses = testing::Uses({"铬雾抑制剂"});
    return s;
}

TEST(ScreeningKnownSubstancesTest, PfosIsPbtAndManaged) {
    auto r = ScreenOne(Pfos(), Params());
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(Of(*r, Property::kP), Outcome::kMet);
    EXPECT_EQ(Of(*r, Property::kVp), Outcome::kMet);   // > 41 years ≫ 60 d
    EXPECT_EQ(Of(*r, Property::kB), Outcome::kMet);    // 2796 > 2000
    // The fish BCF alone does not reach vB (> 5000): the POPRC's bioaccumulation conclusion rests
    // on field and food-web data that Annex XIII's BCF criterion does not take.
    EXPECT_EQ(Of(*r, Property::kVb), Outcome::kNotMet);
    EXPECT_EQ(Of(*r, Property::kT), Outcome::kMet);    // Repr. 1B, STOT RE 1
    EXPECT_EQ(r->hazard.pbt, Outcome::kMet);
    EXPECT_EQ(r->hazard.pbt_basis, Basis::kCriteria);  // from the numbers, not only the listing
    EXPECT_EQ(r->hazard.vpvb, Outcome::kNotMet);
    EXPECT_TRUE(r->hazard.cmr);
    EXPECT_TRUE(r->hazard.pop);
    EXPECT_EQ(r->concern, Concern::kHigh);
    EXPECT_EQ(r->Dimension(ScoreDimension::kHazard).score, 1.0);
    EXPECT_EQ(r->category, ActionCategory::kManage);
    const Evidence* bcf = FindEvidence(r->Dimension(ScoreDimension::kHazard), "bcf");
    ASSERT_NE(bcf, nullptr);
    EXPECT_EQ(bcf->value, "2796 L/kg");
    EXPECT_EQ(bcf->verdict, Verdict::kMet);
    EXPECT_EQ(bcf->criterion, "B");
    const CriterionText* b = Params().FindCriterion(bcf->criterion);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(CiteEn(*b), "bioconcentration factor in aquatic species BCF > 2000 L/kg [GBT24782, LEXIKON_B]");
    EXPECT_EQ(FindEvidence(r->Dimension(ScoreDimension::kHazard), "half_life.fresh_water")->value, "> 14965 d");
    // Not monitored: the detection dimension says so and is ranked at the gap fill.
    EXPECT_TRUE(HasGap(r->Dimension(ScoreDimension::kDetection), "detection.not_monitored"));
}

// PFOA, CAS 335-67-1.
//  - Persistence: hydrolysis half-life > 92 years; no biodegradation. UNEP/POPS/POPRC.12/11/Add.2
//    (2016), PFOA risk profile §2.2.1.
//  - BCF 4.0 L/kg, rainbow trout carcass (Martin et al. 2003, Environ. Toxicol. Chem. 22:196),
//    as quoted in the ECHA Member State Committee support document (2013).
//  - Harmonised classification Carc. 2, Repr. 1B, Lact., STOT RE 1 (CLP Annex VI, PFOA and
//    APFO).
//  - ECHA Member State Committee (2013-06-14): identified as a substance of very high concern
//    for its PBT and CMR properties; B was concluded from the weight of evidence (long
//    elimination half-life in humans), not from a fish BCF.
SubstanceFacts Pfoa() {
    SubstanceFacts s;
    s.id = "pfoa";
    s.cas = "335-67-1";
    s.name_en = "perfluorooctanoic acid";
    s.hazard.half_lives.push_back({Medium::kFreshWater,
                                   Value(92 * kDaysPerYear, Measured("UNEP/POPS/POPRC.12/11/Add.2 (2016)"),
                                         Qualifier::kGreaterThan)});
    s.hazard.bcf = Value(4.0, Measured("Martin et al. 2003, Environ. Toxicol. Chem. 22:196"));
    s.hazard.classification = testing::NotClassified("CLP Annex VI harmonised classification");
    s.hazard.classification->carcinogenicity = CmrCategory::k2;
    s.hazard.classification->reproductive = CmrCategory::k1B;
    s.hazard.classification->stot_re = StotReCategory::k1;
    s.hazard.conclusions.push_back({ConclusionKind::kPbt, Regulatory("ECHA MSC 2013 SVHC identification")});
    s.hazard.lists.push_back({"key_controlled", "2023", "2"});
    return s;
}

TEST(ScreeningKnownSubstancesTest, PfoaIsPbtByTheExistingConclusion) {
    auto r = ScreenOne(Pfoa(), Params());
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(Of(*r, Property::kVp), Outcome::kMet);
    EXPECT_EQ(Of(*r, Property::kB), Outcome::kNotMet);  // BCF 4 ≤ 2000: the numeric criterion is not met
    EXPECT_EQ(Of(*r, Property::kT), Outcome::kMet);
    EXPECT_EQ(r->hazard.pbt, Outcome::kMet);
    EXPECT_EQ(r->hazard.pbt_basis, Basis::kConclusion);  // … and the evidence says so
    const Evidence* conclusion = FindEvidence(r->Dimension(ScoreDimension::kHazard), "conclusion.PBT");
    ASSERT_NE(conclusion, nullptr);
    EXPECT_EQ(conclusion->source, "ECHA MSC 2013 SVHC identification");
    EXPECT_EQ(r->concern, Concern::kHigh);
    // No survey, no monitoring, no use: high concern without evidence of presence → monitor.
    EXPECT_EQ(r->category, ActionCategory::kMonitor);
}

// HBCDD, CAS 25637-99-4.
//  - Half-life in freshwater sediment 125–191 d (EU risk assessment report, EC 2008, as
//    summarised in "Hexabromocyclododecane: current understanding of chemistry …"): the lower
//    end, 125 d, is used.
//  - BCF 18,100 L/kg, fathead minnow (Veith, deFoe & Bergstedt 1979, J. Fish. Res. Board Can.
//    36:1040), a study of the ECHA registration dossier's bioaccumulation endpoint.
//  - Daphnia magna 21-d NOEC 3.1 μg/L (Drottar & Krueger 1998), the key chronic study of the EU
//    risk assessment.
//  - Harmonised classification Repr. 2, Lact. (CLP Annex VI).
// ECHA identified HBCDD as PBT (SVHC, 2008); it is not vPvB. Stockholm Annex A (SC-6/13, 2013);
// key-controlled list 2023, entry 14.
SubstanceFacts Hbcdd() {
    SubstanceFacts s;
    s.id = "hbcdd";
    s.cas = "25637-99-4";
    s.hazard.half_lives.push_back({Medium::kFreshSediment, Value(125, Measured("EU RAR HBCDD (EC 2008)"))});
    s.hazard.bcf = Value(18100, Measured("Veith et al. 1979, J. Fish. Res. Board Can. 36:1040"));
    s.hazard.chronic_noec = Value(0.0031, Measured("Drottar & Krueger 1998, Daphnia magna 21 d"));
    s.hazard.classification = testing::NotClassified("CLP Annex VI harmonised classification");
    s.hazard.classification->reproductive = CmrCategory::k2;
    s.hazard.lists.push_back({"key_controlled", "2023", "14"});
    s.detection = testing::Monitored(24, 6, 0.004, 0.31);  // synthetic; PNEC value illustrative
    return s;
}

TEST(ScreeningKnownSubstancesTest, HbcddIsPbtNotVpvb) {
    auto r = ScreenOne(Hbcdd(), Params());
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(Of(*r, Property::kP), Outcome::kMet);     // 125 > 120 d (fresh sediment)
    EXPECT_EQ(Of(*r, Property::kVp), Outcome::kNotMet); // 125 ≤ 180 d
    EXPECT_EQ(Of(*r, Property::kB), Outcome::kMet);
    EXPECT_EQ(Of(*r, Property::kVb), Outcome::kMet);    // 18,100 > 5000
    EXPECT_EQ(Of(*r, Property::kT), Outcome::kMet);     // 0.0031 < 0.01 mg/L; Repr. 2
    EXPECT_EQ(r->hazard.pbt, Outcome::kMet);
    EXPECT_EQ(r->hazard.pbt_basis, Basis::kCriteria);
    EXPECT_EQ(r->hazard.vpvb, Outcome::kNotMet);
    EXPECT_FALSE(r->hazard.cmr);  // Repr. 2 is T, not CMR 1A/1B
    EXPECT_EQ(r->category, ActionCategory::kManage);  // high concern and detected
}

// Ethanol, CAS 64-17-5: the low-concern solvent.
//  - Readily biodegradable, log Kow very low: ECHA registration dossier (EC 200-578-6),
//    sediment-toxicity waiver ("the substance is readily biodegradable and the logKow is very
//    low"); log Kow −0.31 (Hansch, Leo & Hoekman 1995).
//  - Ceriodaphnia dubia 48-h EC50 5012 mg/L, the lowest freshwater invertebrate value quoted for
//    ethanol in ECHA registration data.
//  - Harmonised classification Flam. Liq. 2 only: no CMR or STOT RE (CLP Annex VI).
//  - PNEC freshwater 0.96 mg/L as recalled from the registration dossier's PNEC summary (not
//    re-read); the expected category holds for any PNEC above 0.2 mg/L (max/PNEC < 0.1).
SubstanceFacts Ethanol() {
    SubstanceFacts s;
    s.id = "ethanol";
    s.cas = "64-17-5";
    s.name_zh = "乙醇";
    s.hazard.readily_biodegradable = Flag{true, Measured("ECHA registration dossier ethanol (EC 200-578-6)")};
    s.hazard.log_kow = Value(-0.31, Measured("Hansch, Leo & Hoekman 1995"));
    s.hazard.acute_lc50 = Value(5012, Measured("ECHA registration data, Ceriodaphnia dubia 48 h EC50"));
    s.hazard.classification = testing::NotClassified("CLP Annex VI: Flam. Liq. 2 only");
    s.volume = testing::Tonnes(700, 1);  // synthetic, as the demo survey
    s.uses = testing::Uses({"溶剂", "提取剂"});
    DetectionFacts d = testing::Monitored(24, 3, 20, 960);  // 20 μg/L max vs PNEC 960 μg/L
    s.detection = d;
    return s;
}

TEST(ScreeningKnownSubstancesTest, EthanolIsLowConcernWithAdequateData) {
    auto r = ScreenOne(Ethanol(), Params());
    ASSERT_TRUE(r) << r.error().Describe();
    for (Property p : {Property::kP, Property::kVp, Property::kB, Property::kVb, Property::kT}) {
        EXPECT_EQ(Of(*r, p), Outcome::kNotMet) << ToString(p);
        EXPECT_EQ(r->hazard.Find(p).basis, Basis::kScreening) << ToString(p);
    }
    EXPECT_EQ(r->hazard.pbt, Outcome::kNotMet);
    EXPECT_EQ(r->concern, Concern::kLow);
    const DimensionScore& hazard = r->Dimension(ScoreDimension::kHazard);
    EXPECT_EQ(hazard.score, 0.0);
    EXPECT_FALSE(hazard.data_gap);
    EXPECT_TRUE(HasGap(hazard, "hazard.ed.not_assessed"));  // noted, not blocking
    EXPECT_EQ(r->Dimension(ScoreDimension::kVolume).score, 0.8);        // 700 t/a: [100, 1000)
    EXPECT_EQ(r->Dimension(ScoreDimension::kDispersiveUse).score, 0.6);  // industrial solvent
    EXPECT_EQ(r->category, ActionCategory::kLowPriority);
}

TEST(ScreeningKnownSubstancesTest, NoDataMeansCollectDataNeverSafe) {
    SubstanceFacts s;
    s.id = "unknown-1";
    auto r = ScreenOne(s, Params());
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(r->concern, Concern::kUnknown);
    EXPECT_EQ(r->category, ActionCategory::kCollectData);
    for (const DimensionScore& d : r->dimensions) {
        EXPECT_TRUE(d.data_gap) << ToString(d.dimension);
        EXPECT_FALSE(d.score.has_value()) << ToString(d.dimension);
        EXPECT_FALSE(d.gaps.empty()) << ToString(d.dimension);
    }
    EXPECT_DOUBLE_EQ(r->total, 0.5);  // every dimension at the gap fill
    auto harmless = ScreenOne(Ethanol(), Params());
    ASSERT_TRUE(harmless);
    EXPECT_LT(r->tier, harmless->tier);
}

}  // namespace
}  // namespace npgov::screening
