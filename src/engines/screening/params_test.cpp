// The parameter file: the shipped one loads, its criteria equal the project's research notes,
// and every kind of bad file is refused with the field at fault.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>

#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using json = nlohmann::json;
using testing::Params;
using testing::ReadFile;

TEST(ScreeningParamsTest, ShippedFileIsVersionedAndComplete) {
    auto parsed = ParseScreeningParams(ReadFile(testing::kParamsPath));
    ASSERT_TRUE(parsed) << parsed.error().Describe();
    EXPECT_EQ(parsed->id, "npgov.screening_params");
    EXPECT_FALSE(parsed->version.empty());
    EXPECT_EQ(parsed->action_categories.size(), 6u);
    EXPECT_NEAR(parsed->weights.hazard + parsed->weights.volume + parsed->weights.detection +
                    parsed->weights.dispersive_use, 1.0, 1e-12);
    EXPECT_EQ(parsed->pbt.p.size(), 5u);
    EXPECT_EQ(parsed->pbt.vp.size(), 5u);
    // Every criterion cites a source or states its convention.
    for (const auto& rule : parsed->hazard_rules) {
        EXPECT_TRUE(!rule.text.sources.empty() || !rule.text.convention.empty()) << rule.id;
    }
    EXPECT_FALSE(parsed->volume_text.convention.empty()) << "no source gives tonnage bands";
    EXPECT_FALSE(parsed->detection_text.convention.empty());
    EXPECT_EQ(parsed->Info(ActionCategory::kManage).tier, 0);
    EXPECT_GT(parsed->Info(ActionCategory::kLowPriority).tier, parsed->Info(ActionCategory::kCollectData).tier);
}

// The thresholds are copies of shared/reference/screening_criteria.json (pbt_vpvb_criteria,
// stockholm_annex_d_screening); the project must not need that folder at run time, so this
// test is skipped where it is absent.
TEST(ScreeningParamsTest, CriteriaEqualTheReferenceFile) {
    const std::string path = "../shared/reference/screening_criteria.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
    const json ref = json::parse(ReadFile(path));
    const auto& pbt = ref.at("pbt_vpvb_criteria");
    const ScreeningParams& p = Params();
    auto threshold = [](const std::vector<HalfLifeCriterion>& list, Medium m) {
        for (const auto& c : list) {
            if (c.medium == m) return c.days_gt;
        }
        return -1.0;
    };
    const std::map<std::string, std::vector<Medium>> media = {
        {"marine water", {Medium::kMarineWater}},
        {"fresh or estuarine water", {Medium::kFreshWater}},
        {"marine sediment", {Medium::kMarineSediment}},
        {"fresh or estuarine sediment", {Medium::kFreshSediment}},
        {"soil", {Medium::kSoil}},
        {"marine, fresh or estuarine water", {Medium::kMarineWater, Medium::kFreshWater}},
        {"marine, fresh or estuarine sediment", {Medium::kMarineSediment, Medium::kFreshSediment}},
    };
    for (const auto& [key, list] : {std::pair{"P", &p.pbt.p}, std::pair{"vP", &p.pbt.vp}}) {
        for (const auto& item : pbt.at(key).at("any_of")) {
            for (Medium m : media.at(item.at("medium").get<std::string>())) {
                EXPECT_EQ(threshold(*list, m), item.at("half_life_days_gt").get<double>())
                    << key << " " << ToString(m);
            }
        }
    }
    EXPECT_EQ(p.pbt.b_bcf_gt, pbt.at("B").at("bcf_gt").get<double>());
    EXPECT_EQ(p.pbt.vb_bcf_gt, pbt.at("vB").at("bcf_gt").get<double>());
    EXPECT_EQ(p.pbt.t_noec_lt, pbt.at("T").at("any_of").at(0).at("noec_mg_per_L_lt").get<double>());
    const auto& st = ref.at("stockholm_annex_d_screening");
    EXPECT_EQ(p.stockholm.bcf_gt, st.at("bioaccumulation").at("bcf_or_baf_gt").get<double>());
    EXPECT_EQ(p.stockholm.log_kow_gt, st.at("bioaccumulation").at("or_log_kow_gt").get<double>());
    EXPECT_EQ(st.at("persistence").at("water_half_life_gt"), "2 months");
    EXPECT_EQ(p.stockholm.water_days_gt, 60);
    EXPECT_EQ(st.at("persistence").at("soil_half_life_gt"), "6 months");
    EXPECT_EQ(p.stockholm.soil_days_gt, 180);
    EXPECT_EQ(p.stockholm.sediment_days_gt, 180);
    // The T categories of the reference's wording "(cat. 1A/1B) … (1A/1B) … (1A/1B/2)", "STOT RE 1 or 2".
    EXPECT_EQ(p.pbt.t_carcinogenicity, (std::vector<CmrCategory>{CmrCategory::k1A, CmrCategory::k1B}));
    EXPECT_EQ(p.pbt.t_reproductive, (std::vector<CmrCategory>{CmrCategory::k1A, CmrCategory::k1B, CmrCategory::k2}));
    EXPECT_EQ(p.pbt.t_stot_re, (std::vector<StotReCategory>{StotReCategory::k1, StotReCategory::k2}));
}

TEST(ScreeningParamsTest, UseVocabularyIsNormalised) {
    const ScreeningParams& p = Params();
    ASSERT_NE(p.FindUse("溶剂"), nullptr);
    EXPECT_EQ(p.FindUse("溶剂")->id, "solvent");
    EXPECT_EQ(p.FindUse(" ＳＯＬＶＥＮＴ ")->id, "solvent");  // full-width, spaces, case
    EXPECT_EQ(p.FindUse("industrial solvent, extractant")->id, "solvent");  // the English name
    EXPECT_EQ(p.FindUse("农药")->dispersiveness, "wide_dispersive");
    EXPECT_EQ(p.FindUse("中间体")->score, 0.2);
    EXPECT_EQ(p.FindUse("不存在的用途"), nullptr);
    EXPECT_EQ(NormalizeUseTerm("　Consumer Products　"), "consumer products");
}

// Each case edits the shipped file and expects a refusal with this reason and field.
TEST(ScreeningParamsTest, RefusesBadFilesNamingTheField) {
    const json shipped = json::parse(ReadFile(testing::kParamsPath));
    struct Case {
        const char* name;
        std::function<void(json&)> edit;
        const char* reason;
        const char* field;
    };
    const std::vector<Case> cases = {
        {"unknown key", [](json& j) { j["pbt_criteria"]["B"]["bcf_gte"] = 2000; }, "screening.params.schema",
         "$.pbt_criteria.B.bcf_gte"},
        {"missing version", [](json& j) { j.erase("version"); }, "screening.params.schema", "$.version"},
        {"B not positive", [](json& j) { j["pbt_criteria"]["B"]["bcf_gt"] = -1; }, "screening.params.threshold",
         "$.pbt_criteria.B.bcf_gt"},
        {"B a string", [](json& j) { j["pbt_criteria"]["B"]["bcf_gt"] = "2000"; }, "screening.params.schema",
         "$.pbt_criteria.B.bcf_gt"},
        {"vB below B", [](json& j) { j["pbt_criteria"]["vB"]["bcf_gt"] = 1000; }, "screening.params.threshold",
         "$.pbt_criteria.vB.bcf_gt"},
        {"vP below P", [](json& j) { j["pbt_criteria"]["vP"]["any_of"][4]["half_life_days_gt"] = 100; },
         "screening.params.threshold", "$.pbt_criteria.vP"},
        {"unknown medium", [](json& j) { j["pbt_criteria"]["P"]["any_of"][0]["medium"] = "ocean"; },
         "screening.params.schema", "$.pbt_criteria.P.any_of[0].medium"},
        {"medium twice", [](json& j) { j["pbt_criteria"]["P"]["any_of"][1]["medium"] = "marine_water"; },
         "screening.params.duplicate", "$.pbt_criteria.P.any_of[1].medium"},
        {"unknown source", [](json& j) { j["pbt_criteria"]["B"]["sources"] = {"NOBODY"}; },
         "screening.params.source", "$.pbt_criteria.B.sources[0]"},
        {"neither source nor convention", [](json& j) { j["pbt_criteria"]["B"].erase("sources"); },
         "screening.params.schema", "$.pbt_criteria.B"},
        {"unknown CMR category", [](json& j) { j["pbt_criteria"]["T"]["cmr"]["reproductive"] = {"3"}; },
         "screening.params.schema", "$.pbt_criteria.T.cmr.reproductive[0]"},
        {"unknown condition", [](json& j) { j["hazard_rules"][0]["when"] = "scary"; }, "screening.params.schema",
         "$.hazard_rules[0].when"},
        {"rule score above 1", [](json& j) { j["hazard_rules"][0]["score"] = 2; }, "screening.params.threshold",
         "$.hazard_rules[0].score"},
        {"rule id twice", [](json& j) { j["hazard_rules"][1]["id"] = j["hazard_rules"][0]["id"]; },
         "screening.params.duplicate", "$.hazard_rules[1].id"},
        {"concern out of order", [](json& j) { j["concern"]["moderate_min"] = 0.9; }, "screening.params.threshold",
         "$.concern"},
        {"first band not at 0", [](json& j) { j["volume"]["bands_t_per_year"][0]["min"] = 1; },
         "screening.params.bands", "$.volume.bands_t_per_year[0].min"},
        {"bands not increasing", [](json& j) { j["volume"]["bands_t_per_year"][2]["min"] = 1; },
         "screening.params.bands", "$.volume.bands_t_per_year[2].min"},
        {"band score above 1", [](json& j) { j["detection"]["ratio_bands"][3]["score"] = 1.5; },
         "screening.params.bands", "$.detection.ratio_bands[3].score"},
        {"frequency band above 1", [](json& j) { j["detection"]["frequency_bands"][3]["min"] = 1.5; },
         "screening.params.bands", "$.detection.frequency_bands"},
        {"min samples 0", [](json& j) { j["detection"]["min_samples"] = 0; }, "screening.params.threshold",
         "$.detection.min_samples"},
        {"weights not summing to 1", [](json& j) { j["weights"]["hazard"] = 0.3; }, "screening.params.weights",
         "$.weights"},
        {"gap fill above 1", [](json& j) { j["gap_fill"]["hazard"] = 1.2; }, "screening.params.threshold",
         "$.gap_fill.hazard"},
        {"alias in two categories", [](json& j) { j["use_categories"][0]["aliases"].push_back("溶剂"); },
         "screening.params.duplicate", "$.use_categories[10].aliases"},
        {"unknown level", [](json& j) { j["use_categories"][0]["level"] = "everywhere"; },
         "screening.params.schema", "$.use_categories[0].level"},
        {"action category missing", [](json& j) { j["action_categories"].erase(5); }, "screening.params.tiers",
         "$.action_categories"},
        {"low priority not last", [](json& j) { j["action_categories"][5]["tier"] = 1; },
         "screening.params.tiers", "$.action_categories"},
        {"manage not first", [](json& j) { j["action_categories"][0]["tier"] = 1; }, "screening.params.tiers",
         "$.action_categories"},
        {"wrong NORMAN number", [](json& j) { j["action_categories"][1]["norman"] = 3; },
         "screening.params.schema", "$.action_categories[1].norman"},
    };
    for (const Case& c : cases) {
        json edited = shipped;
        c.edit(edited);
        auto parsed = ParseScreeningParams(edited.dump());
        ASSERT_FALSE(parsed) << c.name << ": accepted";
        EXPECT_EQ(parsed.error().reason, c.reason) << c.name << ": " << parsed.error().Describe();
        EXPECT_EQ(parsed.error().field, c.field) << c.name << ": " << parsed.error().Describe();
        EXPECT_FALSE(parsed.error().message_zh.empty()) << c.name;
    }
    auto not_json = ParseScreeningParams("{ not json");
    ASSERT_FALSE(not_json);
    EXPECT_EQ(not_json.error().reason, "screening.params.json");
}

}  // namespace
}  // namespace npgov::screening
