// Screening runs and assessment records on SQLite and PostgreSQL: the registry screened with
// survey, monitoring, hazard and list data gathered from the other modules; runs stored and
// read back exactly as they were; filters; roles; the draft → reviewed → published workflow.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "modules/assessment/assessment.hpp"
#include "modules/assessment/assessment_json.hpp"
#include "modules/assessment/screening_json.hpp"
#include "modules/lists/list_files.hpp"
#include "modules/survey/survey_service.hpp"
#include "support/app_fixture.hpp"

namespace npgov::assessment {
namespace {

using auth::Principal;
using auth::Role;
using nlohmann::json;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

survey::RawLine Line(std::string cas, std::string activity, std::string quantity, std::string uses = "") {
    survey::RawLine r;
    r.cas = std::move(cas);
    r.activity = std::move(activity);
    r.quantity = std::move(quantity);
    r.unit = "t";
    r.uses = std::move(uses);
    return r;
}

// Synthetic test results (not measurements), ng/L.
constexpr const char* kLabFile =
    "点位编码,采样日期,介质,CAS号,物质名称,检测结果,单位,检出限,检测单位\n"
    "SZ-R01,2024-03-12,地表水,1763-23-1,全氟辛烷磺酸,12.6,ng/L,0.5,测试实验室\n"
    "SZ-R01,2024-06-12,地表水,1763-23-1,全氟辛烷磺酸,8.1,ng/L,0.5,测试实验室\n"
    "SZ-R01,2024-09-12,地表水,1763-23-1,全氟辛烷磺酸,<0.5,ng/L,0.5,测试实验室\n"
    "SZ-R02,2024-03-13,地表水,1763-23-1,全氟辛烷磺酸,20.0,ng/L,0.5,测试实验室\n"
    "SZ-R02,2024-06-13,地表水,1763-23-1,全氟辛烷磺酸,3.3,ng/L,0.5,测试实验室\n"
    "SZ-R02,2024-09-13,地表水,1763-23-1,全氟辛烷磺酸,260,ng/L,0.5,测试实验室\n";

class AssessmentDbTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        lists_ = std::make_unique<lists::ListRegistry>(db(), *audit_, clock_);
        classifier_ = std::make_unique<lists::Classifier>(*lists_, *substances_, "data/rules/structure_classes.json");
        hazard_ = std::make_unique<hazard::HazardData>(db(), *substances_, *audit_, clock_);
        module_ = std::make_unique<Assessment>(db(), *audit_, clock_, *substances_, *hazard_, *lists_, *classifier_,
                                               monitoring_->results, "data");
        auto editions = lists::LoadListManifest("data/lists/lists.json");
        ASSERT_TRUE(editions) << editions.error().Describe();
        for (const auto& e : *editions) ASSERT_TRUE(lists_->SaveEdition(e, "test"));
        auto seeded = substances_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->committed) << (seeded ? "" : seeded.error().Describe());

        // Survey 2024: dichloromethane used as a solvent by two paint makers (300 t + 100 t).
        survey_ = std::make_unique<survey::SurveyService>(db(), *enterprises_, *reference_, *audit_, clock_);
        auto campaign = survey_->CreateCampaign({2024, survey::Tier::kBasic, "", {"2641"}, {}, "2025-06-30"}, city_);
        ASSERT_TRUE(campaign) << campaign.error().Describe();
        Approved(campaign->id, MakeEnterprise("恒泰涂料（测试）", "140602"), {Line("75-09-2", "使用", "300", "溶剂")});
        Approved(campaign->id, MakeEnterprise("金沙涂料（测试）", "140621"), {Line("75-09-2", "使用", "100", "溶剂；清洗剂")});

        // Monitoring: PFOS in two rivers.
        for (auto [code, region] : {std::pair{"SZ-R01", "140602"}, std::pair{"SZ-R02", "140621"}}) {
            monitoring::NewSite site{code, std::string("测试断面 ") + code, monitoring::SiteType::kRiverSection, region, "桑干河",
                                     std::nullopt, std::nullopt, false};
            ASSERT_TRUE(monitoring_->sites.Create(site, {}, "test"));
        }
        monitoring::ImportRequest request;
        request.bytes = kLabFile;
        request.file_name = "pfos.csv";
        auto imported = monitoring_->imports.Import(request, {}, "test");
        ASSERT_TRUE(imported && imported->committed) << (imported ? (imported->errors.empty() ? "?" : imported->errors[0].Describe())
                                                                  : imported.error().Describe());
        pfos_ = substances_->FindByCas("1763-23-1").value()->id;
        dcm_ = substances_->FindByCas("75-09-2").value()->id;
    }

    void Approved(std::int64_t campaign, const enterprise::Enterprise& e, const std::vector<survey::RawLine>& lines) {
        Principal who{11, "ehs." + std::to_string(e.id), Role::kEnterprise, std::nullopt, std::nullopt, e.id};
        auto s = survey_->OpenSubmission(campaign, e.id, who);
        ASSERT_TRUE(s) << s.error().Describe();
        auto saved = survey_->SaveDraft(s->id, lines, who);
        ASSERT_TRUE(saved && saved->errors == 0);
        ASSERT_TRUE(survey_->Submit(s->id, who));
        Principal county{12, "officer.county", Role::kOfficer, std::string("sthjj"), e.region_code, std::nullopt};
        ASSERT_TRUE(survey_->CountyReview(s->id, "", county));
        ASSERT_TRUE(survey_->Approve(s->id, "", city_));
    }

    // Short- and long-term aquatic data of a base set (test values, not literature).
    void AddPfosEcotox() {
        struct E {
            const char* species;
            hazard::TaxonGroup group;
            hazard::Endpoint endpoint;
            hazard::Exposure exposure;
            double mg_per_l;
        };
        for (const E& e : {E{"Pseudokirchneriella subcapitata", hazard::TaxonGroup::kAlgae, hazard::Endpoint::kEc50,
                             hazard::Exposure::kAcute, 48},
                           E{"Daphnia magna", hazard::TaxonGroup::kInvertebrate, hazard::Endpoint::kEc50,
                             hazard::Exposure::kAcute, 27},
                           E{"Pimephales promelas", hazard::TaxonGroup::kFish, hazard::Endpoint::kLc50,
                             hazard::Exposure::kAcute, 4.7},
                           E{"Daphnia magna", hazard::TaxonGroup::kInvertebrate, hazard::Endpoint::kNoec,
                             hazard::Exposure::kChronic, 0.25}}) {
            hazard::NewEcotox x;
            x.species = e.species;
            x.taxon_group = e.group;
            x.endpoint = e.endpoint;
            x.exposure = e.exposure;
            x.duration = e.exposure == hazard::Exposure::kChronic ? 21 : 48;
            x.duration_unit = e.exposure == hazard::Exposure::kChronic ? "d" : "h";
            x.value = e.mg_per_l;
            x.unit = "mg/L";
            x.reliability = 2;
            x.source = "test data";
            auto added = hazard_->AddEcotox(pfos_, x, "test");
            ASSERT_TRUE(added) << added.error().Describe();
        }
    }

    json RowOf(const RunPage& page, std::int64_t substance_id) {
        const json texts = json::parse(page.run.texts_json);
        for (const auto& r : page.rows.items) {
            if (r.substance_id == substance_id) return ToJson(r, texts);
        }
        return nullptr;
    }

    RunPage All(std::int64_t run, const RowFilter& filter = {}) {
        auto page = module_->screening.Find(run, filter, officer_, {1, 1000});
        EXPECT_TRUE(page) << page.error().Describe();
        return page.value_or(RunPage{});
    }

    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<lists::ListRegistry> lists_;
    std::unique_ptr<lists::Classifier> classifier_;
    std::unique_ptr<hazard::HazardData> hazard_;
    std::unique_ptr<Assessment> module_;
    std::unique_ptr<survey::SurveyService> survey_;
    std::int64_t pfos_ = 0, dcm_ = 0;
    Principal city_{1, "officer", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    Principal officer_{2, "zhang", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    Principal reviewer_{3, "li", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    Principal analyst_{4, "analyst", Role::kAnalyst, std::nullopt, std::nullopt, std::nullopt};
    Principal ehs_{5, "ehs", Role::kEnterprise, std::nullopt, std::nullopt, 1};
};

TEST_P(AssessmentDbTest, ScreeningRanksTheRegistryWithTheEvidenceOfEachModule) {
    auto run = module_->screening.Run({}, officer_);
    ASSERT_TRUE(run) << run.error().Describe();
    EXPECT_EQ(run->status, "complete");
    EXPECT_EQ(run->survey_year, 2024);
    EXPECT_EQ(run->substances, substances_->Count().value());
    EXPECT_EQ(run->inputs_sha256.size(), 64u);
    const RunPage page = All(run->id);
    ASSERT_EQ(page.rows.total, run->substances);
    for (std::size_t i = 0; i < page.rows.items.size(); ++i) EXPECT_EQ(page.rows.items[i].rank, static_cast<std::int64_t>(i + 1));

    // Dichloromethane: 400 t/a from two enterprises, used as a solvent; never monitored.
    const json dcm = RowOf(page, dcm_);
    ASSERT_TRUE(dcm.is_object());
    const json& volume = dcm["dimensions"][1];
    EXPECT_EQ(volume["dimension"], "volume");
    ASSERT_EQ(volume["evidence"].size(), 1u);
    EXPECT_NE(volume["evidence"][0]["value"].get<std::string>().find("400 t/a, 2 enterprise(s), 2024"), std::string::npos)
        << volume.dump();
    EXPECT_EQ(volume["evidence"][0]["origin"], "reported");
    const json& uses = dcm["dimensions"][3];
    EXPECT_FALSE(uses["data_gap"].get<bool>()) << uses.dump();
    const json& detection = dcm["dimensions"][2];
    EXPECT_TRUE(detection["data_gap"].get<bool>());
    EXPECT_EQ(detection["gaps"][0]["code"], "detection.not_monitored");
    EXPECT_FALSE(detection["gaps"][0]["zh"].get<std::string>().empty());  // wording from the run's texts

    // PFOS: key-controlled (CAS), 5/6 detected in water, no PNEC yet (a gap, not a zero).
    const json pfos = RowOf(page, pfos_);
    ASSERT_TRUE(pfos.is_object());
    bool key_controlled = false;
    for (const auto& l : pfos["lists"]) key_controlled = key_controlled || l["list_id"] == "key_controlled";
    EXPECT_TRUE(key_controlled) << pfos["lists"].dump();
    const json& pfos_detection = pfos["dimensions"][2];
    EXPECT_NE(pfos_detection["evidence"][0]["value"].get<std::string>().find("5/6"), std::string::npos)
        << pfos_detection.dump();
    bool no_pnec = false;
    for (const auto& g : pfos_detection["gaps"]) no_pnec = no_pnec || g["code"] == "detection.no_pnec";
    EXPECT_TRUE(no_pnec);

    // Filters.
    RowFilter by_text;
    by_text.text = "75-09-2";
    EXPECT_EQ(All(run->id, by_text).rows.total, 1);
    RowFilter not_monitored;
    not_monitored.gap = "detection.not_monitored";
    const auto gaps = All(run->id, not_monitored);
    EXPECT_EQ(gaps.rows.total, run->substances - 1);  // all but PFOS
    RowFilter high_volume;
    high_volume.dimension = "volume";
    high_volume.min_score = 0.5;
    const auto volume_rows = All(run->id, high_volume);
    ASSERT_EQ(volume_rows.rows.total, 1);
    EXPECT_EQ(volume_rows.rows.items[0].substance_id, dcm_);
    RowFilter key_list;
    key_list.list = "key_controlled";
    EXPECT_GT(All(run->id, key_list).rows.total, 1);
    RowFilter bad;
    bad.category = "everything";
    EXPECT_EQ(module_->screening.Find(run->id, bad, officer_, {1, 20}).error().reason, "assessment.filter");

    // Same inputs, same digest; the run is audited.
    auto again = module_->screening.Run({}, officer_);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->inputs_sha256, run->inputs_sha256);
    auto entries = audit_->List({std::nullopt, std::string("assessment.screening.run")}, {1, 10});
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->total, 2);
}

TEST_P(AssessmentDbTest, APastRunReadsExactlyAsItWasAfterTheDataChange) {
    auto first = module_->screening.Run({}, officer_);
    ASSERT_TRUE(first);
    const std::string before = RowOf(All(first->id), pfos_).dump();
    AddPfosEcotox();
    auto second = module_->screening.Run({}, officer_);
    ASSERT_TRUE(second);
    EXPECT_NE(second->inputs_sha256, first->inputs_sha256);
    EXPECT_EQ(RowOf(All(first->id), pfos_).dump(), before);
    EXPECT_NE(RowOf(All(second->id), pfos_).dump(), before);
    auto runs = module_->screening.List(analyst_, {1, 20});
    ASSERT_TRUE(runs);
    EXPECT_EQ(runs->total, 2);
    EXPECT_EQ(runs->items[0].id, second->id);  // newest first
}

TEST_P(AssessmentDbTest, RolesDecideWhoRunsAndWhoReads) {
    EXPECT_EQ(module_->screening.Run({}, analyst_).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(module_->screening.List(ehs_, {1, 20}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(module_->assessments.Save(pfos_, {}, analyst_).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(module_->assessments.View(pfos_, ehs_).error().code, ErrorCode::kPermissionDenied);
    EXPECT_TRUE(module_->assessments.View(pfos_, analyst_));
}

TEST_P(AssessmentDbTest, AssessmentGoesFromDraftToReviewedToPublishedByTwoPeople) {
    AddPfosEcotox();
    auto view = module_->assessments.View(pfos_, analyst_);
    ASSERT_TRUE(view) << view.error().Describe();
    const RiskAssessment& a = view->current;
    ASSERT_TRUE(a.pnec.adopted_ug_per_l) << a.pnec.adopted_en;
    EXPECT_EQ(a.pnec.adopted_method, "assessment_factor");
    ASSERT_EQ(a.mec.size(), 1u);
    EXPECT_EQ(a.mec[0].samples, 6);
    EXPECT_EQ(a.mec[0].detects, 5);
    EXPECT_EQ(a.mec[0].statistic, MecStatistic::kKaplanMeierP95);
    ASSERT_EQ(a.sites.size(), 2u);
    ASSERT_TRUE(a.sites[0].exceedance);
    EXPECT_EQ(a.sites[0].exceedance->n, 3u);
    EXPECT_FALSE(a.quotients.empty());
    EXPECT_FALSE(a.pec.result);  // no emissions reported, no properties: named, not invented
    EXPECT_FALSE(a.pec.missing.empty());
    EXPECT_FALSE(view->latest);

    EXPECT_EQ(module_->assessments.Review(pfos_, "", reviewer_).error().reason, "assessment.no_record");
    auto draft = module_->assessments.Save(pfos_, {PnecChoice::kLowest, "first draft"}, officer_);
    ASSERT_TRUE(draft) << draft.error().Describe();
    EXPECT_EQ(draft->version, 1);
    EXPECT_EQ(draft->status, RecordStatus::kDraft);
    EXPECT_EQ(draft->assessor, "zhang");
    EXPECT_EQ(module_->assessments.Publish(pfos_, "", reviewer_).error().reason, "assessment.wrong_status");
    EXPECT_EQ(module_->assessments.Review(pfos_, "", officer_).error().reason, "assessment.same_person");
    auto reviewed = module_->assessments.Review(pfos_, "checked", reviewer_);
    ASSERT_TRUE(reviewed) << reviewed.error().Describe();
    EXPECT_EQ(reviewed->status, RecordStatus::kReviewed);
    EXPECT_EQ(reviewed->reviewer, "li");
    EXPECT_EQ(module_->assessments.Publish(pfos_, "", officer_).error().reason, "assessment.same_person");
    auto published = module_->assessments.Publish(pfos_, "", reviewer_);
    ASSERT_TRUE(published) << published.error().Describe();
    EXPECT_EQ(published->status, RecordStatus::kPublished);

    auto second = module_->assessments.Save(pfos_, {PnecChoice::kAssessmentFactor, ""}, officer_);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->version, 2);
    auto after = module_->assessments.View(pfos_, analyst_);
    ASSERT_TRUE(after);
    ASSERT_TRUE(after->latest && after->published);
    EXPECT_EQ(after->latest->version, 2);
    EXPECT_EQ(after->published->version, 1);
    EXPECT_EQ(after->history.size(), 2u);
    EXPECT_FALSE(after->latest_differs);
    const json content = json::parse(after->published->content_json);
    EXPECT_EQ(content["substance"]["cas"], "1763-23-1");

    // The screening's detection dimension now compares the highest concentration with the PNEC.
    auto run = module_->screening.Run({}, officer_);
    ASSERT_TRUE(run);
    const json pfos = RowOf(All(run->id), pfos_);
    bool ratio = false;
    for (const auto& e : pfos["dimensions"][2]["evidence"]) ratio = ratio || e["fact"] == "detection.max_over_pnec";
    EXPECT_TRUE(ratio) << pfos["dimensions"][2].dump();

    auto entries = audit_->List({std::nullopt, std::nullopt}, {1, 50});
    ASSERT_TRUE(entries);
    int saves = 0, reviews = 0, publications = 0;
    for (const auto& e : entries->items) {
        saves += e.change.action == "assessment.save";
        reviews += e.change.action == "assessment.review";
        publications += e.change.action == "assessment.publish";
    }
    EXPECT_EQ(saves, 2);
    EXPECT_EQ(reviews, 1);
    EXPECT_EQ(publications, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentDbTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::assessment
