// Hazard data over real HTTP on loopback, on both backends: the profile with selected values and
// estimates, file import (all-or-nothing, every error listed, dry run, duplicates), entries from
// the web app's form, and roles (analysts and officers write, inspectors only read).
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/api_server.hpp"
#include "support/app_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Lindane values of US EPA (1995) EPA 811-F-95-003 and its Stockholm listing (real values).
const std::string kFile =
    "kind,cas,property,value,unit,temperature,provenance,classification,category,reliability,source,source_year\n"
    "property,58-89-9,log_kow,3.72,,,measured,,,4,US EPA 1995 EPA 811-F-95-003,1995\n"
    "property,58-89-9,water_solubility,7.3,mg/L,25,measured,,,4,US EPA 1995 EPA 811-F-95-003,1995\n"
    "classification,58-89-9,,,,,,pop,annex_a,,Stockholm Convention COP-4 (2009),2009\n";

class HazardApiTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        hazard_ = std::make_unique<hazard::HazardData>(db(), *substances_, *audit_, clock_);
        services_->substances = substances_.get();
        services_->hazard = hazard_.get();
        auto seeded = substances_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->errors.empty());
        for (auto [name, role] : {std::pair{"analyst", auth::Role::kAnalyst}, {"inspector", auth::Role::kInspector},
                                  {"officer", auth::Role::kOfficer}}) {
            std::optional<std::string> department;
            if (role == auth::Role::kOfficer) department = "sthjj";
            auto user = users_->Create({name, name, std::string("password-") + name, role, department, std::nullopt,
                                        std::nullopt},
                                       "test");
            ASSERT_TRUE(user) << user.error().Describe();
        }
        server_ = std::make_unique<ApiServer>(*services_);
        auto port = server_->Bind();
        ASSERT_TRUE(port) << port.error().Describe();
        port_ = *port;
        thread_ = std::thread([this] { (void)server_->Run(); });
    }
    void TearDown() override {
        if (server_) server_->Stop();
        if (thread_.joinable()) thread_.join();
        server_.reset();
        if (services_) {
            services_->hazard = nullptr;
            services_->substances = nullptr;
        }
        hazard_.reset();
        substances_.reset();
        AppTest::TearDown();
    }

    httplib::Client Client() {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(60, 0);
        return client;
    }

    httplib::Headers Bearer(const std::string& name) {
        auto res = Client().Post("/api/v1/auth/token", json{{"username", name}, {"password", "password-" + name}}.dump(),
                                 "application/json");
        EXPECT_TRUE(res && res->status == 200);
        return {{"Authorization", "Bearer " + (res ? json::parse(res->body).value("token", "") : std::string())}};
    }

    static json Body(const httplib::Result& res) { return json::parse(res->body); }

    std::string HazardPath(const std::string& cas, const std::string& tail = "") {
        return "/api/v1/substances/" + std::to_string(substances_->FindByCas(cas).value()->id) + "/hazard" + tail;
    }

    static const json& PropertyIn(const json& profile, const std::string& name) {
        for (const auto& p : profile["properties"]) {
            if (p["property"] == name) return p;
        }
        static const json none;
        return none;
    }

    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<hazard::HazardData> hazard_;
    std::unique_ptr<ApiServer> server_;
    std::thread thread_;
    int port_ = 0;
};

TEST_P(HazardApiTest, AnalystImportsAndEveryRoleReadsTheProfile) {
    auto client = Client();
    auto dry = client.Post("/api/v1/hazard/import?file_name=lindane.csv&dry_run=true", Bearer("analyst"), kFile, "text/csv");
    ASSERT_TRUE(dry);
    ASSERT_EQ(dry->status, 200) << dry->body;
    EXPECT_EQ(Body(dry)["dry_run"], true);
    EXPECT_EQ(Body(dry)["committed"], false);

    auto imported = client.Post("/api/v1/hazard/import?file_name=lindane.csv", Bearer("analyst"), kFile, "text/csv");
    ASSERT_TRUE(imported);
    ASSERT_EQ(imported->status, 201) << imported->body;
    EXPECT_EQ(Body(imported)["properties"], 2);
    EXPECT_EQ(Body(imported)["classifications"], 1);
    EXPECT_EQ(Body(imported)["file_name"], "lindane.csv");

    auto again = client.Post("/api/v1/hazard/import", Bearer("analyst"), kFile, "text/csv");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 409);
    EXPECT_EQ(Body(again)["error"]["reason"], "hazard.import_duplicate");

    auto res = client.Get(HazardPath("58-89-9"), Bearer("inspector"));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    const json p = Body(res);
    EXPECT_EQ(p["substance"]["cas"], "58-89-9");
    EXPECT_EQ(p["selection"]["version"], "1");
    const json& kow = PropertyIn(p, "log_kow");
    EXPECT_EQ(kow["selected"]["provenance"], "measured");
    EXPECT_EQ(kow["selected"]["normalised"], 3.72);
    EXPECT_EQ(kow["selected"]["reliability"]["klimisch"], 4);
    ASSERT_EQ(kow["values"].size(), 2u);
    EXPECT_EQ(kow["values"][1]["computed"], true);
    EXPECT_EQ(kow["values"][1]["why_en"], "a measured value beats an estimate");
    const json& bcf = PropertyIn(p, "bcf");
    EXPECT_EQ(bcf["selected"]["computed"], true);
    EXPECT_EQ(bcf["selected"]["method"], "tgd-bcf-fish-veith1979");
    bool refused_henry = false;
    for (const auto& e : p["estimates"]) {
        if (e["property"] == "henry" && !e["refused"].is_null()) refused_henry = true;
    }
    EXPECT_TRUE(refused_henry) << "no measured vapour pressure in this file";
    EXPECT_EQ(PropertyIn(p, "half_life_soil")["gap"], true);
    EXPECT_EQ(p["classifications"][0]["classification"], "pop");

    auto missing = client.Get("/api/v1/substances/999999/hazard", Bearer("inspector"));
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto anonymous = client.Get(HazardPath("58-89-9"));
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
}

TEST_P(HazardApiTest, BadFileListsEveryErrorAndStoresNothing) {
    const std::string bad =
        "kind,cas,property,value,unit,temperature,provenance,reliability,source\n"
        "property,58-89-9,log_kow,3.72,,,measured,,\n"
        "property,64-17-5,log_kow,-0.31,,,measured,2,Hansch 1995\n";
    auto res = Client().Post("/api/v1/hazard/import", Bearer("officer"), bad, "text/csv");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 400) << res->body;
    const json body = Body(res);
    EXPECT_EQ(body["error"]["reason"], "hazard.import_rejected");
    EXPECT_EQ(body["committed"], false);
    ASSERT_EQ(body["errors"].size(), 3u) << body.dump();
    EXPECT_EQ(body["errors"][0]["row"], 2);
    EXPECT_EQ(body["errors"][2]["reason"], "hazard.substance_unknown");
    EXPECT_EQ(body["errors"][2]["row"], 3);
    auto profile = Client().Get(HazardPath("58-89-9"), Bearer("officer"));
    ASSERT_TRUE(profile);
    EXPECT_TRUE(Body(profile)["properties"][2]["values"][0]["computed"]) << "only the computed estimate";
    auto no_columns = Client().Post("/api/v1/hazard/import", Bearer("officer"), "a,b\n1,2\n", "text/csv");
    ASSERT_TRUE(no_columns);
    EXPECT_EQ(no_columns->status, 400);
    EXPECT_EQ(Body(no_columns)["error"]["reason"], "hazard.columns");
}

TEST_P(HazardApiTest, EntriesFromTheFormWithRoles) {
    auto client = Client();
    const json vp = {{"property", "vapour_pressure"}, {"value", 12.7},        {"unit", "kPa"},
                     {"temperature_c", 25},          {"provenance", "measured"}, {"reliability", 2},
                     {"source", "Mackay et al. (2006) Handbook, 2nd ed."},  {"source_year", 2006}};
    auto stored = client.Post(HazardPath("71-43-2", "/properties"), Bearer("analyst"), vp.dump(), "application/json");
    ASSERT_TRUE(stored);
    ASSERT_EQ(stored->status, 201) << stored->body;
    EXPECT_EQ(Body(stored)["normalised"], 12700.0);
    EXPECT_EQ(Body(stored)["created_by"], "analyst");
    auto twice = client.Post(HazardPath("71-43-2", "/properties"), Bearer("analyst"), vp.dump(), "application/json");
    ASSERT_TRUE(twice);
    EXPECT_EQ(twice->status, 409);
    json no_source = vp;
    no_source.erase("source");
    no_source["value"] = 12.8;
    auto invalid = client.Post(HazardPath("71-43-2", "/properties"), Bearer("analyst"), no_source.dump(), "application/json");
    ASSERT_TRUE(invalid);
    EXPECT_EQ(invalid->status, 400);
    EXPECT_EQ(Body(invalid)["error"]["reason"], "hazard.source_required");
    auto inspector = client.Post(HazardPath("71-43-2", "/properties"), Bearer("inspector"), vp.dump(), "application/json");
    ASSERT_TRUE(inspector);
    EXPECT_EQ(inspector->status, 403);
    auto bad_unit = client.Post(HazardPath("71-43-2", "/properties"), Bearer("analyst"),
                                json{{"property", "koc"}, {"value", 60}, {"unit", "mg/L"}, {"provenance", "measured"},
                                     {"reliability", 2}, {"source", "x"}}
                                    .dump(),
                                "application/json");
    ASSERT_TRUE(bad_unit);
    EXPECT_EQ(bad_unit->status, 400);
    EXPECT_EQ(Body(bad_unit)["error"]["reason"], "hazard.unit");

    const json tox = {{"species", "Daphnia magna"}, {"taxon_group", "invertebrate"}, {"endpoint", "NOEC"},
                      {"exposure", "chronic"},      {"duration", 21},              {"duration_unit", "d"},
                      {"value", 24},                {"unit", "µg/L"},              {"reliability", 2},
                      {"source", "ECHA dossier 15896"}};
    auto tox_res = client.Post(HazardPath("84852-15-3", "/ecotox"), Bearer("officer"), tox.dump(), "application/json");
    ASSERT_TRUE(tox_res);
    ASSERT_EQ(tox_res->status, 201) << tox_res->body;
    EXPECT_DOUBLE_EQ(Body(tox_res)["normalised"].get<double>(), 0.024);
    EXPECT_EQ(Body(tox_res)["trophic_level"], "primary_consumer");
    auto bad_tox = client.Post(HazardPath("84852-15-3", "/ecotox"), Bearer("officer"),
                               json{{"species", "x"}, {"taxon_group", "dragon"}}.dump(), "application/json");
    ASSERT_TRUE(bad_tox);
    EXPECT_EQ(bad_tox->status, 400);
    EXPECT_EQ(Body(bad_tox)["error"]["field"], "taxon_group");

    auto cls = client.Post(HazardPath("84852-15-3", "/classifications"), Bearer("officer"),
                           json{{"classification", "endocrine_disruptor"}, {"category", "known"},
                                {"source", "ECHA Candidate List (2012)"}, {"source_year", 2012}}
                               .dump(),
                           "application/json");
    ASSERT_TRUE(cls);
    ASSERT_EQ(cls->status, 201) << cls->body;
    auto profile = client.Get(HazardPath("84852-15-3"), Bearer("analyst"));
    ASSERT_TRUE(profile);
    EXPECT_EQ(Body(profile)["ecotox"].size(), 1u);
    EXPECT_EQ(Body(profile)["classifications"][0]["category"], "known");
    auto unknown = client.Post("/api/v1/substances/999999/hazard/ecotox", Bearer("officer"), tox.dump(), "application/json");
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, HazardApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
