// The screening and assessment API over real HTTP on loopback, on both backends: roles, runs
// started and read (synchronously and in the background, with progress), ranked rows with
// their evidence and filters, an assessment computed, saved, reviewed and published by two
// people, and the errors of bad requests.
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "modules/assessment/assessment.hpp"
#include "modules/lists/list_files.hpp"
#include "support/server_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Synthetic test results (not measurements).
constexpr const char* kLabFile =
    "点位编码,采样日期,介质,CAS号,物质名称,检测结果,单位,检出限,检测单位\n"
    "SZ-R01,2024-03-12,地表水,1763-23-1,全氟辛烷磺酸,12.6,ng/L,0.5,测试实验室\n"
    "SZ-R01,2024-06-12,地表水,1763-23-1,全氟辛烷磺酸,8.1,ng/L,0.5,测试实验室\n"
    "SZ-R01,2024-09-12,地表水,1763-23-1,全氟辛烷磺酸,<0.5,ng/L,0.5,测试实验室\n"
    "SZ-R01,2024-12-12,地表水,1763-23-1,全氟辛烷磺酸,3100,ng/L,0.5,测试实验室\n";

class AssessmentApiTest : public test::ServerTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        lists_ = std::make_unique<lists::ListRegistry>(db(), *audit_, clock_);
        classifier_ = std::make_unique<lists::Classifier>(*lists_, *substances_, "data/rules/structure_classes.json");
        hazard_ = std::make_unique<hazard::HazardData>(db(), *substances_, *audit_, clock_);
        module_ = std::make_unique<assessment::Assessment>(db(), *audit_, clock_, *substances_, *hazard_, *lists_, *classifier_,
                                                           monitoring_->results, "data");
        services_->substances = substances_.get();
        services_->lists = lists_.get();
        services_->classifier = classifier_.get();
        services_->hazard = hazard_.get();
        services_->assessment = module_.get();
        auto editions = lists::LoadListManifest("data/lists/lists.json");
        ASSERT_TRUE(editions) << editions.error().Describe();
        for (const auto& e : *editions) ASSERT_TRUE(lists_->SaveEdition(e, "test"));
        auto seeded = substances_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->committed);
        pfos_ = substances_->FindByCas("1763-23-1").value()->id;

        // A base set for PFOS (test values, not literature): AF 1000 on the lowest L(E)C50.
        struct E {
            const char* species;
            hazard::TaxonGroup group;
            hazard::Endpoint endpoint;
            double mg_per_l;
        };
        for (const E& e : {E{"Pseudokirchneriella subcapitata", hazard::TaxonGroup::kAlgae, hazard::Endpoint::kEc50, 48},
                           E{"Daphnia magna", hazard::TaxonGroup::kInvertebrate, hazard::Endpoint::kEc50, 27},
                           E{"Pimephales promelas", hazard::TaxonGroup::kFish, hazard::Endpoint::kLc50, 4.7}}) {
            hazard::NewEcotox x;
            x.species = e.species;
            x.taxon_group = e.group;
            x.endpoint = e.endpoint;
            x.exposure = hazard::Exposure::kAcute;
            x.duration = 48;
            x.duration_unit = "h";
            x.value = e.mg_per_l;
            x.unit = "mg/L";
            x.reliability = 2;
            x.source = "test data";
            ASSERT_TRUE(hazard_->AddEcotox(pfos_, x, "test"));
        }
        monitoring::NewSite site{"SZ-R01", "测试断面", monitoring::SiteType::kRiverSection, "140602", "桑干河",
                                 std::nullopt, std::nullopt, false};
        ASSERT_TRUE(monitoring_->sites.Create(site, {}, "test"));
        monitoring::ImportRequest request;
        request.bytes = kLabFile;
        request.file_name = "pfos.csv";
        auto imported = monitoring_->imports.Import(request, {}, "test");
        ASSERT_TRUE(imported && imported->committed);

        MakeUser("zhang", auth::Role::kOfficer, std::string("sthjj"));
        MakeUser("lihua", auth::Role::kOfficer, std::string("sthjj"));
        MakeUser("viewer", auth::Role::kAnalyst);
        enterprise_ = MakeEnterprise("恒泰涂料（测试）");
        MakeUser("ehs", auth::Role::kEnterprise, std::nullopt, std::nullopt, enterprise_.id);
        StartServer();
    }

    void TearDown() override {
        module_.reset();  // joins a background run before the modules it uses go
        if (services_) services_->assessment = nullptr;
        ServerTest::TearDown();
    }

    httplib::Result Post(const std::string& who, const std::string& path, const json& body = json::object()) {
        return Client().Post(path, Bearer(who), body.dump(), "application/json");
    }

    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<lists::ListRegistry> lists_;
    std::unique_ptr<lists::Classifier> classifier_;
    std::unique_ptr<hazard::HazardData> hazard_;
    std::unique_ptr<assessment::Assessment> module_;
    enterprise::Enterprise enterprise_;
    std::int64_t pfos_ = 0;
};

TEST_P(AssessmentApiTest, RolesDecideWhoRunsAndWhoReads) {
    auto anonymous = Client().Get("/api/v1/screening/runs");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    auto enterprise = Client().Get("/api/v1/screening/runs", Bearer("ehs"));
    ASSERT_TRUE(enterprise);
    EXPECT_EQ(enterprise->status, 403);
    auto analyst_run = Post("viewer", "/api/v1/screening/runs", {{"wait", true}});
    ASSERT_TRUE(analyst_run);
    EXPECT_EQ(analyst_run->status, 403);
    auto analyst_read = Client().Get("/api/v1/screening/runs", Bearer("viewer"));
    ASSERT_TRUE(analyst_read);
    EXPECT_EQ(analyst_read->status, 200) << analyst_read->body;
    auto enterprise_assessment = Client().Get("/api/v1/assessments/" + std::to_string(pfos_), Bearer("ehs"));
    ASSERT_TRUE(enterprise_assessment);
    EXPECT_EQ(enterprise_assessment->status, 403);
}

TEST_P(AssessmentApiTest, RunsAreStoredAndTheirRowsFilteredWithEvidence) {
    auto created = Post("zhang", "/api/v1/screening/runs", {{"wait", true}});
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    const json run = Body(created);
    EXPECT_EQ(run["status"], "complete");
    EXPECT_EQ(run["actor"], "zhang");
    EXPECT_TRUE(run["survey_year"].is_null());
    EXPECT_EQ(run["inputs_sha256"].get<std::string>().size(), 64u);
    const std::string id = std::to_string(run["id"].get<std::int64_t>());

    auto list = Client().Get("/api/v1/screening/runs", Bearer("viewer"));
    ASSERT_TRUE(list);
    EXPECT_EQ(Body(list)["total"], 1);

    auto page = Client().Get("/api/v1/screening/runs/" + id + "?page_size=5", Bearer("viewer"));
    ASSERT_TRUE(page);
    ASSERT_EQ(page->status, 200) << page->body;
    const json body = Body(page);
    EXPECT_EQ(body["rows"]["items"].size(), 5u);
    EXPECT_EQ(body["rows"]["total"], run["substances"]);
    EXPECT_EQ(body["rows"]["items"][0]["rank"], 1);
    EXPECT_FALSE(body["criteria"].empty());
    EXPECT_FALSE(body["texts"]["action_categories"].empty());

    auto pfos = Client().Get("/api/v1/screening/runs/" + id + "?q=1763-23-1", Bearer("viewer"));
    ASSERT_TRUE(pfos);
    const json rows = Body(pfos)["rows"];
    ASSERT_EQ(rows["total"], 1);
    const json& row = rows["items"][0];
    EXPECT_EQ(row["cas"], "1763-23-1");
    ASSERT_EQ(row["dimensions"].size(), 4u);
    const json& detection = row["dimensions"][2];
    EXPECT_EQ(detection["dimension"], "detection");
    EXPECT_NE(detection["evidence"][0]["value"].get<std::string>().find("3/4"), std::string::npos) << detection.dump();
    EXPECT_FALSE(detection["gaps"][0]["zh"].get<std::string>().empty());
    EXPECT_FALSE(row["category_reason"]["zh"].get<std::string>().empty());

    auto gaps = Client().Get("/api/v1/screening/runs/" + id + "?gap=detection.not_monitored&page_size=1", Bearer("viewer"));
    ASSERT_TRUE(gaps);
    EXPECT_EQ(Body(gaps)["rows"]["total"], run["substances"].get<std::int64_t>() - 1);
    auto listed = Client().Get("/api/v1/screening/runs/" + id + "?list=key_controlled&q=1763-23-1", Bearer("viewer"));
    ASSERT_TRUE(listed);
    EXPECT_EQ(Body(listed)["rows"]["total"], 1);

    for (const std::string& bad : {"?category=all", "?dimension=price", "?min_score=2", "?page_size=500"}) {
        auto refused = Client().Get("/api/v1/screening/runs/" + id + bad, Bearer("viewer"));
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 400) << bad << " " << refused->body;
    }
    auto missing = Client().Get("/api/v1/screening/runs/999999", Bearer("viewer"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto bad_year = Post("zhang", "/api/v1/screening/runs", {{"year", 1800}});
    ASSERT_TRUE(bad_year);
    EXPECT_EQ(bad_year->status, 400);
}

TEST_P(AssessmentApiTest, ABackgroundRunReportsItsProgressUntilComplete) {
    auto started = Post("zhang", "/api/v1/screening/runs", {{"year", 2024}});
    ASSERT_TRUE(started);
    ASSERT_EQ(started->status, 202) << started->body;
    const std::string id = std::to_string(Body(started)["id"].get<std::int64_t>());
    EXPECT_EQ(Body(started)["status"], "running");
    // Polls the run's state (bounded); the run itself takes well under a second here.
    json run;
    for (int i = 0; i < 3000; ++i) {
        auto got = Client().Get("/api/v1/screening/runs/" + id + "?page_size=1", Bearer("zhang"));
        ASSERT_TRUE(got);
        run = Body(got);
        if (run["status"] != "running") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(run["status"], "complete") << run.dump();
    EXPECT_EQ(run["progress"]["phase"], "complete");
    EXPECT_EQ(run["survey_year"], 2024);
}

TEST_P(AssessmentApiTest, AnAssessmentIsSavedReviewedAndPublishedByTwoPeople) {
    const std::string path = "/api/v1/assessments/" + std::to_string(pfos_);
    auto got = Client().Get(path, Bearer("viewer"));
    ASSERT_TRUE(got);
    ASSERT_EQ(got->status, 200) << got->body;
    json view = Body(got);
    const json& current = view["current"];
    ASSERT_TRUE(current["pnec"]["adopted"].is_object()) << current["pnec"].dump();
    // AF 1000 on the lowest L(E)C50 (fish 4.7 mg/L): 4.7 μg/L.
    EXPECT_NEAR(current["pnec"]["adopted"]["value"].get<double>(), 4.7, 1e-9);
    EXPECT_EQ(current["pnec"]["assessment_factor"]["factor"], 1000);
    EXPECT_EQ(current["mec"][0]["statistic"], "kaplan_meier_p95");
    ASSERT_EQ(current["sites"].size(), 1u);
    EXPECT_EQ(current["sites"][0]["exceedance"]["n"], 4);
    EXPECT_EQ(current["sites"][0]["exceedance"]["exceeding"], 0);  // 3100 ng/L < 4700 ng/L
    EXPECT_FALSE(current["missing"].empty());
    EXPECT_TRUE(view["record"].is_null());
    EXPECT_EQ(view["may"]["save"], false);

    auto analyst_save = Post("viewer", path, {{"pnec_method", "lowest"}});
    ASSERT_TRUE(analyst_save);
    EXPECT_EQ(analyst_save->status, 403);
    auto bad_method = Post("zhang", path, {{"pnec_method", "median"}});
    ASSERT_TRUE(bad_method);
    EXPECT_EQ(bad_method->status, 400);
    auto saved = Post("zhang", path, {{"pnec_method", "lowest"}, {"comment", "草稿"}});
    ASSERT_TRUE(saved);
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(Body(saved)["status"], "draft");
    EXPECT_EQ(Body(saved)["version"], 1);

    auto own_review = Post("zhang", path + "/review");
    ASSERT_TRUE(own_review);
    EXPECT_EQ(own_review->status, 409);
    EXPECT_EQ(Body(own_review)["error"]["reason"], "assessment.same_person");
    auto early_publish = Post("lihua", path + "/publish");
    ASSERT_TRUE(early_publish);
    EXPECT_EQ(Body(early_publish)["error"]["reason"], "assessment.wrong_status");
    auto reviewed = Post("lihua", path + "/review", {{"comment", "已核"}});
    ASSERT_TRUE(reviewed);
    ASSERT_EQ(reviewed->status, 200) << reviewed->body;
    EXPECT_EQ(Body(reviewed)["reviewer"], "lihua");
    auto analyst_publish = Post("viewer", path + "/publish");
    ASSERT_TRUE(analyst_publish);
    EXPECT_EQ(analyst_publish->status, 403);
    auto published = Post("lihua", path + "/publish");
    ASSERT_TRUE(published);
    ASSERT_EQ(published->status, 200) << published->body;
    EXPECT_EQ(Body(published)["status"], "published");

    auto after = Client().Get(path, Bearer("zhang"));
    ASSERT_TRUE(after);
    view = Body(after);
    EXPECT_EQ(view["record"]["status"], "published");
    EXPECT_EQ(view["record"]["content"]["substance"]["cas"], "1763-23-1");
    EXPECT_EQ(view["published"]["id"], view["record"]["id"]);
    EXPECT_EQ(view["history"].size(), 1u);
    EXPECT_EQ(view["record_differs"], false);
    EXPECT_EQ(view["may"]["save"], true);

    auto missing = Client().Get("/api/v1/assessments/999999", Bearer("viewer"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto no_record = Post("lihua", "/api/v1/assessments/" + std::to_string(substances_->FindByCas("335-67-1").value()->id) + "/review");
    ASSERT_TRUE(no_record);
    EXPECT_EQ(no_record->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
