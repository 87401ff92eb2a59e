// The SSD method's data rules (EU TGD 2003 Part II 3.3.1.2: at least 10 species, preferably
// more than 15, at least 8 taxonomic groups) and its result on a published data set: the CCME
// (2009) long-term boron data (28 species; Canadian Water Quality Guidelines for the Protection of
// Aquatic Life: Boron), as distributed with the R package ssdtools (data-raw/CCME data.csv,
// Canada OGL 2.0). The taxon groups are ours. Expected HC5 and limits: scipy, ssd_golden.csv.
#include <gtest/gtest.h>

#include "engines/assess/ssd_derivation.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

using testing::Records;
using testing::Row;
using testing::ShippedFactors;

struct Species {
    const char* name;
    const char* group;
    const char* mg_per_l;
};

// CCME (2009) boron, long-term, mg B/L.
const Species kBoron[] = {
    {"Oncorhynchus mykiss", "fish", "2.1"},        {"Ictalurus punctatus", "fish", "2.4"},
    {"Micropterus salmoides", "fish", "4.1"},      {"Brachydanio rerio", "fish", "10"},
    {"Carassius auratus", "fish", "15.6"},         {"Pimephales promelas", "fish", "18.3"},
    {"Daphnia magna", "crustacean", "6"},          {"Opercularia bimarginata", "protozoa", "10"},
    {"Ceriodaphnia dubia", "crustacean", "13.4"},  {"Entosiphon sulcatum", "protozoa", "15"},
    {"Chironomus decorus", "insect", "20"},        {"Paramecium caudatum", "protozoa", "20"},
    {"Rana pipiens", "amphibian", "20.4"},         {"Bufo fowleri", "amphibian", "48.6"},
    {"Bufo americanus", "amphibian", "50"},        {"Ambystoma jeffersonianum", "amphibian", "70.7"},
    {"Ambystoma maculatum", "amphibian", "70.7"},  {"Rana sylvatica", "amphibian", "70.7"},
    {"Elodea canadensis", "higher_plant", "1"},    {"Spirodella polyrrhiza", "higher_plant", "1.8"},
    {"Chlorella pyrenoidosa", "algae", "2"},       {"Phragmites australis", "higher_plant", "4"},
    {"Chlorella vulgaris", "algae", "5.2"},        {"Selenastrum capricornutum", "algae", "12.3"},
    {"Scenedesmus subpicatus", "algae", "30"},     {"Myriophyllum spicatum", "higher_plant", "34.2"},
    {"Anacystis nidulans", "cyanobacteria", "50"}, {"Lemna minor", "higher_plant", "60"},
};

std::vector<SpeciesValue> LongTerm(std::span<const Species> species) {
    std::vector<EcotoxRow> rows;
    long row = 2;
    for (const Species& s : species) rows.push_back(Row(row++, s.name, s.group, "NOEC", s.mg_per_l));
    return ComputeSpeciesValues(Records(rows), Exposure::kLongTerm);
}

TEST(SsdDerivationTest, CcmeBoronMatchesScipy) {
    auto d = DeriveSsdPnec(LongTerm(kBoron), ShippedFactors());
    ASSERT_TRUE(d);
    ASSERT_FALSE(d->refusal) << d->refusal->message_en;
    EXPECT_EQ(d->points.size(), 28u);
    EXPECT_EQ(d->taxonomic_groups.size(), 8u);
    ASSERT_TRUE(d->fit && d->hc5_ug_per_l && d->pnec_ug_per_l);
    // ssd_golden.csv, Boron (mg/L there, μg/L here); the μg/L shift adds exactly 3 to the log mean.
    EXPECT_NEAR(d->fit->mean, 1.112508272337931 + 3, 1e-12);
    EXPECT_NEAR(d->fit->sd, 0.5490884074190394, 1e-12);
    EXPECT_NEAR(*d->hc5_ug_per_l, 1582.0910498369412, 1e-9 * 1582);
    EXPECT_NEAR(*d->hc5_lower_ug_per_l, 757.4900701673337, 1e-9 * 757);
    EXPECT_NEAR(*d->hc5_upper_ug_per_l, 2709.2261420278017, 1e-9 * 2709);
    EXPECT_EQ(d->assessment_factor, 5);
    EXPECT_NEAR(*d->pnec_ug_per_l, 1582.0910498369412 / 5, 1e-9 * 316);
    ASSERT_TRUE(d->goodness_of_fit);
    EXPECT_FALSE(d->goodness_of_fit->rejected);
    EXPECT_EQ(d->curve.size(), 41u);
    EXPECT_TRUE(d->notes.empty());   // 28 > 15 species; the fit is not rejected
    EXPECT_TRUE(d->missing.empty());  // all TGD-named groups present
    EXPECT_DOUBLE_EQ(d->points.front().value_ug_per_l, 1000);  // Elodea canadensis, lowest
    EXPECT_DOUBLE_EQ(d->points.front().plotting_position, 0.5 / 28);
    std::vector<std::string> ids;
    for (const auto& s : d->steps) ids.push_back(s.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"ssd.rule", "ssd.data", "ssd.fit", "ssd.goodness_of_fit", "ssd.hc5", "ssd.pnec"}));
}

TEST(SsdDerivationTest, AssessorMayChooseTheFactorBetweenOneAndFive) {
    auto one = DeriveSsdPnec(LongTerm(kBoron), ShippedFactors(), {1.0});
    ASSERT_TRUE(one);
    EXPECT_DOUBLE_EQ(*one->pnec_ug_per_l, *one->hc5_ug_per_l);
    for (double bad : {0.5, 6.0}) {
        auto refused = DeriveSsdPnec(LongTerm(kBoron), ShippedFactors(), {bad});
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error().reason, "assess.ssd_factor");
        EXPECT_EQ(refused.error().field, "ssd_factor");
    }
}

TEST(SsdDerivationTest, RefusesBelowTenSpecies) {
    auto d = DeriveSsdPnec(LongTerm(std::span(kBoron).first(9)), ShippedFactors());
    ASSERT_TRUE(d);
    ASSERT_TRUE(d->refusal);
    EXPECT_EQ(d->refusal->reason, "assess.ssd_insufficient_data");
    EXPECT_FALSE(d->pnec_ug_per_l);
    EXPECT_FALSE(d->fit);
    EXPECT_EQ(d->missing.front().id, "ssd.species");
    EXPECT_NE(d->refusal->message_en.find("only 9 species"), std::string::npos) << d->refusal->message_en;
    EXPECT_NE(d->refusal->message_en.find("at least 10 needed"), std::string::npos);
    // The first nine are fish, crustaceans and protozoa: named groups are listed as missing too.
    bool insect = false, plants = false;
    for (const auto& g : d->missing) {
        insect = insect || g.id == "ssd.group.insect";
        plants = plants || g.id == "ssd.group.higher_plant";
    }
    EXPECT_TRUE(insect && plants);
}

TEST(SsdDerivationTest, RefusesWithTooFewTaxonomicGroups) {
    // Eighteen species, but only fish, crustaceans, protozoa, an insect and amphibians: 5 groups.
    auto d = DeriveSsdPnec(LongTerm(std::span(kBoron).first(18)), ShippedFactors());
    ASSERT_TRUE(d);
    ASSERT_TRUE(d->refusal);
    ASSERT_EQ(d->missing.front().id, "ssd.groups");
    EXPECT_NE(d->refusal->message_en.find("only 5 taxonomic groups"), std::string::npos) << d->refusal->message_en;
    EXPECT_NE(d->refusal->message_zh.find("至少需要 8 个"), std::string::npos) << d->refusal->message_zh;
}

TEST(SsdDerivationTest, BacteriaAreNotCountedAndFewSpeciesGiveANote) {
    std::vector<Species> species(std::begin(kBoron), std::end(kBoron));
    species.erase(species.begin() + 1, species.begin() + 6);  // 23 species left…
    species.erase(species.begin() + 10, species.begin() + 19);  // …14 left, still 8 groups
    species.push_back({"Vibrio fischeri", "bacteria", "0.5"});
    auto d = DeriveSsdPnec(LongTerm(species), ShippedFactors());
    ASSERT_TRUE(d);
    ASSERT_FALSE(d->refusal) << d->refusal->message_en;
    EXPECT_EQ(d->points.size(), 14u);
    bool left_out = false;
    for (const auto& s : d->steps) left_out = left_out || s.id == "ssd.left_out";
    EXPECT_TRUE(left_out);
    ASSERT_FALSE(d->notes.empty());
    EXPECT_EQ(d->notes.front().id, "ssd.preferred_species");
}

}  // namespace
}  // namespace npgov::assess
