// The enterprise write routes and the survey over real HTTP on loopback, on both backends:
// who may change what, imports that store all rows or none, downloads, the upload → submit →
// county review → approval workflow, idempotent uploads and confidential lines in results.
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "core/uscc.hpp"
#include "engines/tabular/table.hpp"
#include "http/api_server.hpp"
#include "support/server_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

std::string Code(const std::string& region, const std::string& body9) {
    const std::string first17 = "91" + region + body9;
    return first17 + *ComputeUsccCheckChar(first17);
}

class SurveyApiTest : public test::ServerTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        paint_ = MakeEnterprise("恒泰涂料（测试）", "140602");
        other_ = MakeEnterprise("金沙涂料（测试）", "140621");
        MakeUser("city", auth::Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt);
        MakeUser("county", auth::Role::kOfficer, std::string("sthjj"), std::string("140602"), std::nullopt);
        MakeUser("viewer", auth::Role::kAnalyst, std::nullopt, std::nullopt, std::nullopt);
        MakeUser("ehs", auth::Role::kEnterprise, std::nullopt, std::nullopt, paint_.id);
        StartServer();
    }

    httplib::Result Get(const std::string& who, const std::string& path) {
        return Client().Get(path, Bearer(who));
    }
    httplib::Result Send(const std::string& who, const char* method, const std::string& path, const std::string& body,
                         const char* type = "application/json") {
        auto client = Client();
        if (std::string_view(method) == "PATCH") return client.Patch(path, Bearer(who), body, type);
        return client.Post(path, Bearer(who), body, type);
    }

    enterprise::Enterprise paint_, other_;
};

TEST_P(SurveyApiTest, EnterpriseUsersEditOnlyTheirOwnContact) {
    const std::string own = "/api/v1/enterprises/" + std::to_string(paint_.id);
    auto ok = Send("ehs", "PATCH", own, R"({"contact_name":"张三","contact_phone":"0349-2021234"})");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << ok->body;
    EXPECT_EQ(Body(ok)["contact_phone"], "0349-2021234");
    auto rename = Send("ehs", "PATCH", own, R"({"name":"改个名"})");
    EXPECT_EQ(rename->status, 403);
    EXPECT_EQ(Body(rename)["error"]["reason"], "enterprise.contact_only");
    EXPECT_EQ(Body(rename)["error"]["field"], "name");
    auto other = Send("ehs", "PATCH", "/api/v1/enterprises/" + std::to_string(other_.id), R"({"contact_name":"x"})");
    EXPECT_EQ(other->status, 404);
    auto analyst = Send("viewer", "PATCH", own, R"({"contact_name":"x"})");
    EXPECT_EQ(analyst->status, 403);
    auto flags = Send("city", "PATCH", own, R"({"on_roster":true,"park":"朔州经济开发区"})");
    ASSERT_EQ(flags->status, 200) << flags->body;
    EXPECT_EQ(Body(flags)["flags"]["on_roster"], true);
    EXPECT_EQ(Body(flags)["contact_name"], "张三");
}

TEST_P(SurveyApiTest, ImportStoresAllRowsOrNoneAndExportDownloads) {
    const std::string bad = "统一社会信用代码,企业名称,区县,行业代码\n" + Code("140602", "MA0K00011") + ",甲,朔城区,2641\n" +
                            Code("140602", "MA0K00011") + ",乙,朔城区,2641\n" + Code("140602", "MA0K00022") + ",丙,朔城区,9999\n";
    auto refused = Send("city", "POST", "/api/v1/enterprises/import", bad, "text/csv");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 400) << refused->body;
    EXPECT_EQ(Body(refused)["error"]["reason"], "import.rows");
    ASSERT_EQ(Body(refused)["report"]["errors"].size(), 2u);
    EXPECT_EQ(Body(refused)["report"]["errors"][0]["row"], 3);
    EXPECT_EQ(Body(refused)["report"]["errors"][1]["reason"], "industry.unknown");
    EXPECT_EQ(enterprises_->List({}, {}, {1, 1})->total, 2);
    const std::string good = "统一社会信用代码,企业名称,区县,行业代码\n" + Code("140602", "MA0K00011") + ",甲,朔城区,2641\n";
    EXPECT_EQ(Send("county", "POST", "/api/v1/enterprises/import", good, "text/csv")->status, 403);
    auto stored = Send("city", "POST", "/api/v1/enterprises/import", good, "text/csv");
    ASSERT_EQ(stored->status, 200) << stored->body;
    EXPECT_EQ(Body(stored)["created"], 1);

    auto csv = Get("county", "/api/v1/enterprises/export?format=csv");
    ASSERT_TRUE(csv);
    ASSERT_EQ(csv->status, 200);
    EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_NE(csv->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(csv->body.find("金沙涂料"), std::string::npos) << "a county officer exports their county only";
    auto xlsx = Get("city", "/api/v1/enterprises/export?format=xlsx");
    ASSERT_EQ(xlsx->status, 200);
    auto table = tabular::ReadTable(xlsx->body);
    ASSERT_TRUE(table) << table.error().Describe();
    EXPECT_EQ(table->rows.size(), 3u);
    auto wrong = Get("city", "/api/v1/enterprises/export?format=pdf");
    EXPECT_EQ(wrong->status, 400);
    EXPECT_EQ(Body(wrong)["error"]["reason"], "export.format");
}

TEST_P(SurveyApiTest, UploadSubmitReviewApproveAndReadResults) {
    auto campaign = Send("city", "POST", "/api/v1/survey/campaigns",
                         R"({"year":2025,"tier":"basic","industries":["2641"],"deadline":"2026-06-30"})");
    ASSERT_EQ(campaign->status, 201) << campaign->body;
    const auto campaign_id = Body(campaign)["id"].get<std::int64_t>();
    EXPECT_EQ(Send("ehs", "POST", "/api/v1/survey/campaigns", R"({"year":2025,"industries":["2641"],"deadline":"2026-06-30"})")->status,
              403);
    auto opened = Send("ehs", "POST", "/api/v1/survey/submissions", json{{"campaign_id", campaign_id}}.dump());
    ASSERT_EQ(opened->status, 200) << opened->body;
    const std::string id = std::to_string(Body(opened)["id"].get<std::int64_t>());

    auto template_file = Get("ehs", "/api/v1/survey/campaigns/" + std::to_string(campaign_id) + "/template");
    ASSERT_EQ(template_file->status, 200) << template_file->body;
    EXPECT_EQ(template_file->get_header_value("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const std::string bad = "CAS号,活动类型,数量,单位,用途类别\n50-00-1,生产,5,t,\n71-43-2,使用,3,桶,\n";
    auto refused = Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/upload", bad, "text/csv");
    ASSERT_EQ(refused->status, 400) << refused->body;
    EXPECT_EQ(Body(refused)["report"]["summary"]["errors"], 3);
    EXPECT_EQ(Body(refused)["report"]["issues"][0]["error"]["row"], 2);

    const std::string file = "CAS号,物质名称,活动类型,数量,单位,用途类别,商业秘密\n"
                             "50-00-0,甲醛,生产,\"1,200\",kg,,否\n71-43-2,苯,使用,3,吨,溶剂,是\n";
    httplib::MultipartFormDataItems form = {{"file", file, "lines.csv", "text/csv"}};
    auto uploaded = Client().Post(("/api/v1/survey/submissions/" + id + "/upload").c_str(), Bearer("ehs"), form);
    ASSERT_TRUE(uploaded);
    ASSERT_EQ(uploaded->status, 200) << uploaded->body;
    EXPECT_EQ(Body(uploaded)["stored"], true);
    auto again = Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/upload", file, "text/csv");
    ASSERT_EQ(again->status, 200);
    EXPECT_EQ(Body(again)["unchanged"], true);

    EXPECT_EQ(Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/submit", "")->status, 200);
    EXPECT_EQ(Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/county-review", "")->status, 403);
    auto reviewed = Send("county", "POST", "/api/v1/survey/submissions/" + id + "/county-review", R"({"comment":"已核"})");
    ASSERT_EQ(reviewed->status, 200) << reviewed->body;
    auto by_county = Send("county", "POST", "/api/v1/survey/submissions/" + id + "/approve", "");
    EXPECT_EQ(Body(by_county)["error"]["reason"], "survey.city_only");
    auto approved = Send("city", "POST", "/api/v1/survey/submissions/" + id + "/approve", "");
    ASSERT_EQ(approved->status, 200) << approved->body;
    EXPECT_EQ(Body(approved)["approved_version"], 1);

    auto history = Get("city", "/api/v1/survey/submissions/" + id + "/versions");
    ASSERT_EQ(history->status, 200);
    EXPECT_EQ(Body(history)["events"].back()["action"], "approve");
    auto officer_view = Get("city", "/api/v1/survey/submissions/" + id);
    EXPECT_EQ(Body(officer_view)["lines"]["total"], 2);
    auto analyst_view = Get("viewer", "/api/v1/survey/submissions/" + id);
    ASSERT_EQ(analyst_view->status, 200) << analyst_view->body;
    EXPECT_EQ(Body(analyst_view)["lines"]["total"], 1);
    EXPECT_EQ(Body(analyst_view)["withheld_lines"], 1);

    const std::string results = "/api/v1/survey/results?campaign_id=" + std::to_string(campaign_id) + "&by=substance,county";
    auto full = Get("city", results);
    ASSERT_EQ(full->status, 200) << full->body;
    EXPECT_EQ(Body(full)["rows"].size(), 2u);
    EXPECT_DOUBLE_EQ(Body(full)["rows"][0]["tonnes"]["produce"].get<double>(), 1.2);
    auto withheld = Get("viewer", results);
    EXPECT_EQ(Body(withheld)["rows"].size(), 1u);
    EXPECT_EQ(Body(withheld)["withheld_lines"], 1);
    auto xlsx = Get("viewer", "/api/v1/survey/results/export?campaign_id=" + std::to_string(campaign_id));
    ASSERT_EQ(xlsx->status, 200);
    auto table = tabular::ReadTable(xlsx->body);
    ASSERT_TRUE(table) << table.error().Describe();
    EXPECT_EQ(xlsx->body.find("71-43-2"), std::string::npos);

    auto status = Get("viewer", "/api/v1/survey/campaigns/" + std::to_string(campaign_id) + "/status");
    ASSERT_EQ(status->status, 200);
    EXPECT_EQ(Body(status)["counts"]["in_scope"], 2);
    EXPECT_EQ(Body(status)["counts"]["approved"], 1);
    ASSERT_EQ(Body(status)["non_reporters"].size(), 1u);
    EXPECT_EQ(Body(status)["non_reporters"][0]["id"], other_.id);
}

TEST_P(SurveyApiTest, DraftLinesFromTheWebAreKeptAsTyped) {
    auto campaign = Send("city", "POST", "/api/v1/survey/campaigns",
                         R"({"year":2025,"tier":"detailed","industries":["2641"],"deadline":"2026-06-30"})");
    const auto campaign_id = Body(campaign)["id"].get<std::int64_t>();
    auto opened = Send("ehs", "POST", "/api/v1/survey/submissions", json{{"campaign_id", campaign_id}}.dump());
    const std::string id = std::to_string(Body(opened)["id"].get<std::int64_t>());
    const json lines = {{"lines", {{{"cas", "50-00-0"}, {"activity", "生产"}, {"quantity", "１２"}, {"unit", "吨"}},
                                   {{"cas", "50-00-0"}, {"activity", "export"}, {"quantity", 2.5}, {"unit", "t"}}}}};
    auto saved = Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/lines", lines.dump());
    ASSERT_EQ(saved->status, 200) << saved->body;
    EXPECT_EQ(Body(saved)["stored"], true);
    EXPECT_EQ(Body(saved)["summary"]["errors"], 4) << "the detailed tier needs air, water, soil and waste on the produce line";
    auto view = Get("ehs", "/api/v1/survey/submissions/" + id);
    EXPECT_EQ(Body(view)["lines"]["items"][0]["entered"]["quantity"], "１２");
    EXPECT_EQ(Body(view)["lines"]["items"][1]["entered"]["quantity"], "2.5");
    EXPECT_DOUBLE_EQ(Body(view)["lines"]["items"][0]["tonnes"].get<double>(), 12);
    auto submit = Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/submit", "");
    EXPECT_EQ(submit->status, 409);
    EXPECT_EQ(Body(submit)["error"]["reason"], "survey.not_ready");
    auto not_array = Send("ehs", "POST", "/api/v1/survey/submissions/" + id + "/lines", R"({"lines":{}})");
    EXPECT_EQ(not_array->status, 400);
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
