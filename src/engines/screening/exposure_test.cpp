// The exposure dimensions: tonnage bands (lower bounds inclusive), detection frequency and
// highest concentration / PNEC (units converted), the use vocabulary, and the gaps each
// missing source of data leaves.
#include "engines/screening/internal.hpp"
#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using testing::HasGap;
using testing::Monitored;
using testing::Params;

TEST(ScreeningExposureTest, VolumeBands) {
    struct Case { double tonnes; double score; };
    // Bands of the shipped file: 0 t → 0; (0, 1) → 0.2; [1, 10) → 0.4; [10, 100) → 0.6;
    // [100, 1000) → 0.8; ≥ 1000 → 1.0.
    for (const Case& c : {Case{0, 0.0}, Case{0.001, 0.2}, Case{0.999, 0.2}, Case{1, 0.4}, Case{9.99, 0.4},
                          Case{10, 0.6}, Case{100, 0.8}, Case{999.9, 0.8}, Case{1000, 1.0}, Case{250000, 1.0}}) {
        const DimensionScore d = internal::ScoreVolume(testing::Tonnes(c.tonnes), Params());
        EXPECT_EQ(d.score, c.score) << c.tonnes << " t/a";
        EXPECT_FALSE(d.data_gap);
        EXPECT_EQ(d.ranking_score, c.score);
    }
    // The evidence names the band that applied.
    EXPECT_EQ(internal::ScoreVolume(testing::Tonnes(0.8), Params()).evidence.at(0).detail, "[0, 1) t/a");
    EXPECT_EQ(internal::ScoreVolume(testing::Tonnes(5000), Params()).evidence.at(0).detail, "≥ 1000 t/a");
    EXPECT_EQ(internal::ScoreVolume(testing::Tonnes(0), Params()).evidence.at(0).detail, "0 t/a");
    const DimensionScore none = internal::ScoreVolume(std::nullopt, Params());
    EXPECT_FALSE(none.score.has_value());
    EXPECT_TRUE(HasGap(none, "volume.not_surveyed"));
    EXPECT_EQ(none.ranking_score, Params().gap_fill.volume);
}

TEST(ScreeningExposureTest, DetectionFrequencyAndExceedance) {
    // 5 of 20 detected (0.25 → band 0.1: 0.5); max 0.5 μg/L vs PNEC 1 μg/L (0.5 → band 0.1: 0.5).
    auto a = internal::ScoreDetection(Monitored(20, 5, 0.5, 1.0), Params());
    EXPECT_EQ(a.dimension.score, 0.5);
    EXPECT_FALSE(a.dimension.data_gap);
    EXPECT_EQ(a.ratio, 0.5);
    // 12 of 20 (0.6 → 1.0) dominates the ratio band.
    a = internal::ScoreDetection(Monitored(20, 12, 0.5, 1.0), Params());
    EXPECT_EQ(a.dimension.score, 1.0);
    // Ratio exactly 1 is "RQ ≥ 1" (0.8); 10 is the top band.
    a = internal::ScoreDetection(Monitored(20, 1, 1.0, 1.0), Params());
    EXPECT_EQ(a.ratio, 1.0);
    EXPECT_EQ(a.dimension.score, 0.8);
    a = internal::ScoreDetection(Monitored(20, 1, 10.0, 1.0), Params());
    EXPECT_EQ(a.dimension.score, 1.0);
    // Units are converted to the PNEC's: 500 ng/L against 0.1 μg/L is a ratio of 5.
    DetectionFacts d = Monitored(20, 1, 0, 0.1);
    d.max_detected = Quantity{500, Unit::kNanogramPerLitre};
    a = internal::ScoreDetection(d, Params());
    ASSERT_TRUE(a.ratio.has_value());
    EXPECT_DOUBLE_EQ(*a.ratio, 5.0);
    EXPECT_EQ(testing::FindEvidence(a.dimension, "detection.max_over_pnec")->value,
              "max 500 ng/L / PNEC 0.1 μg/L = 5");
}

TEST(ScreeningExposureTest, DetectionGaps) {
    auto a = internal::ScoreDetection(std::nullopt, Params());
    EXPECT_TRUE(HasGap(a.dimension, "detection.not_monitored"));
    EXPECT_FALSE(a.dimension.score.has_value());
    a = internal::ScoreDetection(Monitored(9, 3, 0.1, 1.0), Params());  // fewer than 10 samples
    EXPECT_TRUE(HasGap(a.dimension, "detection.few_samples"));
    EXPECT_FALSE(a.samples_adequate);
    EXPECT_EQ(a.dimension.score, 0.75);          // 3/9 = 0.33 → band 0.3
    EXPECT_EQ(a.dimension.ranking_score, 0.75);  // a gap never lowers a score: max(0.75, gap fill 0.5)
    a = internal::ScoreDetection(Monitored(20, 3, 0.1, 0), Params());  // no PNEC
    EXPECT_TRUE(HasGap(a.dimension, "detection.no_pnec"));
    EXPECT_FALSE(a.ratio.has_value());
    // Nothing detected with limits above the PNEC: not evidence of absence.
    a = internal::ScoreDetection(Monitored(20, 0, 0, 0.05, 0.1), Params());
    EXPECT_TRUE(a.limits_above_pnec);
    EXPECT_FALSE(a.absence_established);
    EXPECT_TRUE(HasGap(a.dimension, "detection.limit_above_pnec"));
    a = internal::ScoreDetection(Monitored(20, 0, 0, 0.05, 0.05), Params());  // limit = PNEC: fine
    EXPECT_FALSE(a.limits_above_pnec);
    EXPECT_TRUE(a.absence_established);
    EXPECT_EQ(a.dimension.score, 0.0);
    EXPECT_FALSE(a.dimension.data_gap);
}

TEST(ScreeningExposureTest, UsesTakeTheMostDispersive) {
    auto a = internal::ScoreUse(testing::Uses({"溶剂", "稀释剂"}), Params());  // solvent 0.6, thinner (coatings) 1.0
    EXPECT_EQ(a.dimension.score, 1.0);
    EXPECT_TRUE(a.reported);
    a = internal::ScoreUse(testing::Uses({"中间体"}), Params());
    EXPECT_EQ(a.dimension.score, 0.2);
    a = internal::ScoreUse(testing::Uses({"溶剂", "神秘用途"}), Params());
    EXPECT_EQ(a.dimension.score, 0.6);
    EXPECT_TRUE(HasGap(a.dimension, "use.unmapped"));
    EXPECT_FALSE(a.dimension.data_gap);  // the unmapped term is noted, the mapped one counts
    a = internal::ScoreUse(testing::Uses({"神秘用途"}), Params());
    EXPECT_FALSE(a.dimension.score.has_value());
    EXPECT_TRUE(HasGap(a.dimension, "use.none_mapped"));
    EXPECT_TRUE(a.reported);  // a use was reported, even if not understood
    a = internal::ScoreUse(std::nullopt, Params());
    EXPECT_TRUE(HasGap(a.dimension, "use.not_reported"));
    EXPECT_FALSE(a.reported);
}

}  // namespace
}  // namespace npgov::screening
