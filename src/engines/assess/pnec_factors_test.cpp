// The shipped parameter file (data/assess/pnec_factors.json) against the values it copies —
// the assessment-factor table of ../shared/reference/screening_criteria.json (EU TGD 2003 Part
// II Table 16: 1000 / 100 / 50 / 10; REACH Annex I 3.3), the RQ threshold 1, the TGD SSD
// minimums (10 species, preferably more than 15, 8 groups) — and the parser against broken files.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engines/assess/pnec_factors.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

using testing::ReadText;
using testing::ShippedFactors;

TEST(PnecFactorsTest, ShippedTableMatchesTgdTable16) {
    const PnecFactors& f = ShippedFactors();
    EXPECT_EQ(f.id, "npgov.assess.pnec_factors");
    EXPECT_EQ(f.Row("base_set").af, 1000);
    EXPECT_EQ(f.Row("one_long_term").af, 100);
    EXPECT_EQ(f.Row("two_long_term").af, 50);
    EXPECT_EQ(f.Row("three_long_term").af, 10);
    for (const auto& [id, row] : f.af_rows) {
        EXPECT_FALSE(row.sources.empty()) << id;
        for (const std::string& s : row.sources) EXPECT_EQ(f.sources.count(s), 1u) << id << " cites " << s;
    }
}

TEST(PnecFactorsTest, ShippedSsdMinimumsAndRiskThreshold) {
    const PnecFactors& f = ShippedFactors();
    EXPECT_EQ(f.ssd.min_species, 10);
    EXPECT_EQ(f.ssd.preferred_species, 16);  // "preferably more than 15"
    EXPECT_EQ(f.ssd.min_taxonomic_groups, 8);
    EXPECT_EQ(f.ssd.af_min, 1);
    EXPECT_EQ(f.ssd.af_max, 5);
    EXPECT_EQ(f.ssd.af_default, 5);
    EXPECT_DOUBLE_EQ(f.ssd.confidence_interval, 0.90);
    EXPECT_EQ(f.risk.threshold, 1);
    ASSERT_EQ(f.risk.bands.size(), 4u);
    EXPECT_EQ(f.risk.bands[1].lower, 0.1);
    EXPECT_EQ(f.risk.bands[2].lower, 1);
    EXPECT_EQ(f.risk.bands[3].lower, 10);
}

TEST(PnecFactorsTest, FindsGroupsAndEndpointsByAlias) {
    const PnecFactors& f = ShippedFactors();
    struct Case {
        const char* text;
        const char* group;
    };
    for (const Case& c : {Case{"Fish", "fish"}, Case{"鱼类", "fish"}, Case{"溞", "crustacean"}, Case{" Crustacea ", "crustacean"},
                          Case{"藻类", "algae"}, Case{"blue-green algae", "cyanobacteria"}, Case{"浮萍", "higher_plant"},
                          Case{"Other invertebrate", "other_invertebrate"}, Case{"other_invertebrate", "other_invertebrate"},
                          Case{"两栖类", "amphibian"}}) {
        const TaxonGroup* g = f.FindTaxonGroup(c.text);
        ASSERT_NE(g, nullptr) << c.text;
        EXPECT_EQ(g->id, c.group) << c.text;
    }
    EXPECT_EQ(f.FindTaxonGroup("mammal"), nullptr);
    EXPECT_EQ(f.FindTaxonGroup("fish")->trophic_level, TrophicLevel::kVertebrate);
    EXPECT_EQ(f.FindTaxonGroup("daphnia")->trophic_level, TrophicLevel::kInvertebrate);
    EXPECT_EQ(f.FindTaxonGroup("algae")->trophic_level, TrophicLevel::kProducer);
    EXPECT_FALSE(f.FindTaxonGroup("protozoa")->trophic_level.has_value());
    EXPECT_FALSE(f.FindTaxonGroup("bacteria")->in_ssd);
    EXPECT_EQ(f.FindEndpoint("noec")->kind, EndpointKind::kNoEffect);
    EXPECT_EQ(f.FindEndpoint("ErC10")->id, "EC10");
    EXPECT_EQ(f.FindEndpoint("LC50")->kind, EndpointKind::kMedianEffect);
    EXPECT_EQ(f.FindEndpoint("EC50 (growth rate)")->id, "ErC50");
    EXPECT_EQ(f.FindEndpoint("LOEC")->kind, EndpointKind::kOther);
    EXPECT_EQ(f.FindEndpoint("BCF"), nullptr);
}

// Each broken file is the shipped one with one edit; the error names the JSON path at fault.
TEST(PnecFactorsTest, RejectsBrokenFilesNamingThePath) {
    const nlohmann::json shipped = nlohmann::json::parse(ReadText(NPGOV_ASSESS_FACTORS_FILE));
    struct Case {
        const char* name;
        void (*edit)(nlohmann::json&);
        const char* field;
    };
    const Case cases[] = {
        {"missing row", [](nlohmann::json& j) { j["aquatic_assessment_factors"]["rows"].erase(1); }, ".aquatic_assessment_factors.rows"},
        {"undefined source", [](nlohmann::json& j) { j["aquatic_assessment_factors"]["rows"][0]["sources"] = {"NOPE"}; },
         ".aquatic_assessment_factors.rows[0].sources"},
        {"factor below 1", [](nlohmann::json& j) { j["aquatic_assessment_factors"]["rows"][3]["af"] = 0.5; },
         ".aquatic_assessment_factors.rows[3].af"},
        {"alias of two groups", [](nlohmann::json& j) { j["taxon_groups"][1]["aliases"].push_back("fish"); }, ".taxon_groups[1].aliases"},
        {"unknown level", [](nlohmann::json& j) { j["taxon_groups"][0]["trophic_level"] = "predator"; },
         ".taxon_groups[0].trophic_level"},
        {"unknown endpoint kind", [](nlohmann::json& j) { j["endpoints"][0]["kind"] = "lethal"; }, ".endpoints[0].kind"},
        {"ssd factor order", [](nlohmann::json& j) { j["ssd"]["af_default"] = 7; }, ".ssd.af_default"},
        {"too few species", [](nlohmann::json& j) { j["ssd"]["min_species"] = 2; }, ".ssd.min_species"},
        {"band gap", [](nlohmann::json& j) { j["risk_characterisation"]["bands"][1]["lower"] = 0.2; },
         ".risk_characterisation.bands[1]"},
        {"missing threshold", [](nlohmann::json& j) { j["risk_characterisation"]["threshold"].erase("value"); },
         ".risk_characterisation.threshold.value"},
    };
    for (const Case& c : cases) {
        nlohmann::json broken = shipped;
        c.edit(broken);
        auto parsed = ParsePnecFactors(broken.dump());
        ASSERT_FALSE(parsed) << c.name;
        EXPECT_EQ(parsed.error().reason, "assess.factors") << c.name;
        EXPECT_EQ(parsed.error().field, c.field) << c.name << ": " << parsed.error().message_en;
    }
    EXPECT_FALSE(ParsePnecFactors("{not json"));
    EXPECT_FALSE(ParsePnecFactors("[]"));
}

}  // namespace
}  // namespace npgov::assess
