// The monitoring API over real HTTP on loopback, on both backends: roles and county scope,
// lab file upload (all-or-nothing, duplicates refused, every row error listed), summaries
// naming their methods, series for charts, and query parameters checked.
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/api_server.hpp"
#include "support/server_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

std::string ReadGolden(const std::string& name) {
    std::ifstream in(std::string(NPGOV_MONITORING_GOLDEN_DIR) + "/" + name, std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class MonitoringApiTest : public test::ServerTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        MakeUser("officer", auth::Role::kOfficer, std::string("sthjj"), std::nullopt);
        MakeUser("officer.sc", auth::Role::kOfficer, std::string("sthjj"), std::string("140602"));
        MakeUser("viewer", auth::Role::kAnalyst, std::nullopt, std::nullopt);
        for (auto [code, type, region] : {std::tuple{"SZ-R01", monitoring::SiteType::kRiverSection, "140602"},
                                          std::tuple{"SZ-R02", monitoring::SiteType::kReservoir, "140621"},
                                          std::tuple{"SZ-W01", monitoring::SiteType::kWwtpEffluent, "140681"},
                                          std::tuple{"SZ-S01", monitoring::SiteType::kSoil, "140603"}}) {
            auto site = monitoring_->sites.Create({code, std::string(code) + "（测试）", type, region, "", 39.4, 112.5, false},
                                                  {}, "test");
            ASSERT_TRUE(site) << site.error().Describe();
            site_ids_[code] = site->id;
        }
        StartServer();
    }




    httplib::Result Upload(const httplib::Headers& auth, const std::string& bytes, const std::string& query = "") {
        return Client().Post("/api/v1/monitoring/imports?file_name=lab.csv" + query, auth, bytes, "text/csv");
    }
    httplib::Result Upload(const std::string& user, const std::string& bytes, const std::string& query = "") {
        return Upload(Bearer(user), bytes, query);
    }

    std::int64_t CountResults() {
        auto connection = db().Acquire();
        auto row = store::QueryOne(**connection, "SELECT COUNT(*) FROM monitoring_results");
        return (*row)->Int(0);
    }


    std::map<std::string, std::int64_t> site_ids_;
};

TEST_P(MonitoringApiTest, ReadsNeedALoginAndFollowTheCountyScope) {
    auto anonymous = Client().Get("/api/v1/monitoring/sites");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);

    auto all = Client().Get("/api/v1/monitoring/sites?page_size=2", Bearer("viewer"));
    ASSERT_TRUE(all);
    ASSERT_EQ(all->status, 200) << all->body;
    EXPECT_EQ(Body(all)["total"], 4);
    EXPECT_EQ(Body(all)["items"].size(), 2u);
    EXPECT_EQ(Body(all)["items"][0]["code"], "SZ-R01");
    EXPECT_EQ(Body(all)["items"][0]["region_name_zh"], "朔城区");
    EXPECT_EQ(Body(all)["items"][0]["site_type"], "river_section");

    auto county = Client().Get("/api/v1/monitoring/sites", Bearer("officer.sc"));
    ASSERT_TRUE(county);
    EXPECT_EQ(Body(county)["total"], 1);
    auto other = Client().Get("/api/v1/monitoring/sites/" + std::to_string(site_ids_["SZ-R02"]), Bearer("officer.sc"));
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404) << "a site outside the county is not confirmed to exist";
    EXPECT_EQ(Body(other)["error"]["reason"], "monitoring.site_unknown");

    auto typed = Client().Get("/api/v1/monitoring/sites?type=soil", Bearer("viewer"));
    ASSERT_TRUE(typed);
    EXPECT_EQ(Body(typed)["total"], 1);
    auto bad_type = Client().Get("/api/v1/monitoring/sites?type=lake", Bearer("viewer"));
    ASSERT_TRUE(bad_type);
    EXPECT_EQ(bad_type->status, 400);
    EXPECT_EQ(Body(bad_type)["error"]["field"], "type");
}

TEST_P(MonitoringApiTest, OfficersImportAllOrNothingAndOnlyOnce) {
    const std::string bytes = ReadGolden("lab_results_utf8.csv");
    auto forbidden = Upload("viewer", bytes);
    ASSERT_TRUE(forbidden);
    EXPECT_EQ(forbidden->status, 403);

    const auto officer = Bearer("officer");  // logging in is audited too
    const auto audit_before = *audit_->Count();
    auto created = Upload(officer, bytes);
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    EXPECT_EQ(Body(created)["results"], 12);
    EXPECT_EQ(Body(created)["censored"], 6);
    EXPECT_EQ(Body(created)["committed"], true);
    EXPECT_EQ(Body(created)["file_name"], "lab.csv");
    EXPECT_EQ(*audit_->Count(), audit_before + 1);

    auto again = Upload(officer, bytes);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 409);
    EXPECT_EQ(Body(again)["error"]["reason"], "monitoring.import_duplicate");
    EXPECT_EQ(CountResults(), 12);
    EXPECT_EQ(*audit_->Count(), audit_before + 1) << "a refused duplicate writes nothing";
}

TEST_P(MonitoringApiTest, ABadFileListsEveryErrorAndStoresNothing) {
    auto res = Upload("officer", ReadGolden("bad_all_gbk.csv"));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 400) << res->body;
    const auto body = Body(res);
    EXPECT_EQ(body["error"]["reason"], "monitoring.import_rejected");
    EXPECT_EQ(body["committed"], false);
    ASSERT_GE(body["errors"].size(), 8u);
    for (const auto& e : body["errors"]) {
        EXPECT_TRUE(e.contains("row")) << e;
        EXPECT_TRUE(e.contains("field")) << e;
        EXPECT_FALSE(e["message_zh"].get<std::string>().empty());
        EXPECT_FALSE(e["message_en"].get<std::string>().empty());
    }
    EXPECT_EQ(CountResults(), 0);

    auto dry = Upload("officer", ReadGolden("lab_results_gbk.csv"), "&dry_run=true");
    ASSERT_TRUE(dry);
    EXPECT_EQ(dry->status, 200) << dry->body;
    EXPECT_EQ(Body(dry)["dry_run"], true);
    EXPECT_EQ(Body(dry)["format"], "csv-gbk");
    EXPECT_EQ(CountResults(), 0);
}

TEST_P(MonitoringApiTest, ACountyOfficerImportsOnlyTheirCountysRows) {
    auto res = Upload("officer.sc", ReadGolden("lab_results_utf8.csv"));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 400) << res->body;
    EXPECT_EQ(Body(res)["errors"].size(), 6u);
    EXPECT_EQ(Body(res)["errors"][0]["reason"], "monitoring.site_unknown");
}

TEST_P(MonitoringApiTest, SummariesNameTheirMethodsAndSeriesCarryLimits) {
    ASSERT_EQ(Upload("officer", ReadGolden("lab_results_utf8.csv"))->status, 201);
    auto summary = Client().Get("/api/v1/monitoring/summary?cas=335-67-1&threshold=10&threshold_unit=ng/L",
                                Bearer("viewer"));
    ASSERT_TRUE(summary);
    ASSERT_EQ(summary->status, 200) << summary->body;
    const auto body = Body(summary);
    EXPECT_EQ(body["total"], 4) << "PFOA at SZ-R01 (sediment, water), SZ-S01 soil, SZ-W01";
    const auto& first = body["items"][0];
    EXPECT_EQ(first["site"]["code"], "SZ-R01");
    EXPECT_EQ(first["medium"], "sediment");
    EXPECT_EQ(first["kaplan_meier"]["how"]["method"], "kaplan-meier");
    EXPECT_EQ(first["kaplan_meier"]["refused"]["reason"], "stats.too_few_detects");
    EXPECT_EQ(first["substitution"]["how"]["method"], "substitution LOD/2 (for comparison only)");
    EXPECT_EQ(first["exceedance"]["refused"]["reason"], "monitoring.unit_medium") << "ng/L does not apply to sediment";
    const auto& water = body["items"][1];
    EXPECT_EQ(water["medium"], "water");
    EXPECT_EQ(water["unit"], "ng/L");
    EXPECT_EQ(water["n"], 2);
    EXPECT_EQ(water["detection"]["how"]["method"], "detection-frequency");
    EXPECT_EQ(water["exceedance"]["exceeding"], 2) << "12.6 and 15.1 ng/L exceed 10 ng/L";

    auto by_substance = Client().Get("/api/v1/monitoring/summary?group_by=substance", Bearer("viewer"));
    ASSERT_TRUE(by_substance);
    ASSERT_EQ(by_substance->status, 200);
    EXPECT_TRUE(Body(by_substance)["items"][0]["site"].is_null());

    auto county = Client().Get("/api/v1/monitoring/summary?cas=335-67-1", Bearer("officer.sc"));
    ASSERT_TRUE(county);
    EXPECT_EQ(Body(county)["total"], 2) << "only SZ-R01 (Shuocheng) for the county officer";

    const std::string river = std::to_string(site_ids_["SZ-R01"]);
    auto series = Client().Get("/api/v1/monitoring/series?site_id=" + river + "&cas=1763-23-1", Bearer("viewer"));
    ASSERT_TRUE(series);
    ASSERT_EQ(series->status, 200) << series->body;
    const auto point = Body(series)["items"][0]["points"][0];
    EXPECT_EQ(point["censored"], true);
    EXPECT_TRUE(point["value"].is_null());
    EXPECT_EQ(point["limit"], 0.5);
    EXPECT_EQ(Body(series)["site"]["code"], "SZ-R01");

    auto results = Client().Get("/api/v1/monitoring/sites/" + river + "/results?cas=335-67-1&medium=water", Bearer("viewer"));
    ASSERT_TRUE(results);
    ASSERT_EQ(results->status, 200) << results->body;
    EXPECT_EQ(Body(results)["total"], 2);
    EXPECT_EQ(Body(results)["items"][0]["sampled_on"], "2024-06-11");
    EXPECT_EQ(Body(results)["items"][0]["provenance"]["kind"], "measured");
}

TEST_P(MonitoringApiTest, QueryParametersAreChecked) {
    struct Case { std::string path; std::string field; };
    const Case cases[] = {
        {"/api/v1/monitoring/summary?cas=335-67-2", "cas"},
        {"/api/v1/monitoring/summary?group_by=county", "group_by"},
        {"/api/v1/monitoring/summary?threshold=10", "threshold_unit"},
        {"/api/v1/monitoring/summary?threshold=ten&threshold_unit=ng/L", "threshold"},
        {"/api/v1/monitoring/summary?from=2024-13-01", "from"},
        {"/api/v1/monitoring/summary?medium=sludge", "medium"},
        {"/api/v1/monitoring/summary?site_id=-3", "site_id"},
        {"/api/v1/monitoring/series?cas=335-67-1", "site_id"},
        {"/api/v1/monitoring/series?site_id=1", "cas"},
    };
    for (const auto& c : cases) {
        auto res = Client().Get(c.path, Bearer("viewer"));
        ASSERT_TRUE(res) << c.path;
        EXPECT_EQ(res->status, 400) << c.path << " " << res->body;
        EXPECT_EQ(Body(res)["error"]["field"], c.field) << c.path << " " << res->body;
    }
}

TEST_P(MonitoringApiTest, OfficersRegisterSitesWithinTheirScope) {
    const json site = {{"code", "SZ-G01"}, {"name", "监测井（测试）"}, {"site_type", "groundwater_well"},
                       {"region_code", "140602"}, {"latitude", 39.3}, {"longitude", 112.4}};
    auto viewer = Client().Post("/api/v1/monitoring/sites", Bearer("viewer"), site.dump(), "application/json");
    ASSERT_TRUE(viewer);
    EXPECT_EQ(viewer->status, 403);
    auto created = Client().Post("/api/v1/monitoring/sites", Bearer("officer.sc"), site.dump(), "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 201) << created->body;
    EXPECT_EQ(Body(created)["code"], "SZ-G01");
    EXPECT_EQ(Body(created)["site_type_zh"], "地下水监测井");
    json elsewhere = site;
    elsewhere["code"] = "SZ-G02";
    elsewhere["region_code"] = "140621";
    auto refused = Client().Post("/api/v1/monitoring/sites", Bearer("officer.sc"), elsewhere.dump(), "application/json");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_EQ(Body(refused)["error"]["reason"], "monitoring.out_of_scope");
    json bad = site;
    bad["site_type"] = "lake";
    auto invalid = Client().Post("/api/v1/monitoring/sites", Bearer("officer"), bad.dump(), "application/json");
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 400);
    EXPECT_EQ(Body(invalid)["error"]["field"], "site_type");
}

INSTANTIATE_TEST_SUITE_P(Backends, MonitoringApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
