// Substances, lists, classification and imports over real HTTP on loopback, on both backends:
// roles, typed JSON (names zh/en, ISO dates, typed measures), bad input answered per row with
// nothing half-imported, and the server still serving afterwards.
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <iconv.h>

#include <nlohmann/json.hpp>

#include "http/api_server.hpp"
#include "modules/lists/list_files.hpp"
#include "support/server_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string ToGb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t out_left = out.size();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

// A valid CAS number made from `n` (≥ 1000): its digits, then the check digit.
std::string Cas(int n) {
    const std::string digits = std::to_string(n);
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) sum += static_cast<int>(digits.size() - i) * (digits[i] - '0');
    return digits.substr(0, digits.size() - 2) + "-" + digits.substr(digits.size() - 2) + "-" + std::to_string(sum % 10);
}

class SubstanceApiTest : public test::ServerTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        inventory_ = std::make_unique<substance::Inventory>(db(), *audit_, clock_);
        lists_ = std::make_unique<lists::ListRegistry>(db(), *audit_, clock_);
        classifier_ = std::make_unique<lists::Classifier>(*lists_, *substances_, "data/rules/structure_classes.json");
        services_->substances = substances_.get();
        services_->inventory = inventory_.get();
        services_->lists = lists_.get();
        services_->classifier = classifier_.get();
        auto editions = lists::LoadListManifest("data/lists/lists.json");
        ASSERT_TRUE(editions) << editions.error().Describe();
        for (const auto& e : *editions) ASSERT_TRUE(lists_->SaveEdition(e, "test"));
        auto seeded = substances_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->errors.empty());
        for (auto [name, role] : {std::pair{"root", auth::Role::kAdmin}, {"viewer", auth::Role::kAnalyst},
                                  {"inspector", auth::Role::kInspector}}) {
            auto user = users_->Create({name, name, std::string("password-") + name, role, std::nullopt, std::nullopt,
                                        std::nullopt},
                                       "test");
            ASSERT_TRUE(user) << user.error().Describe();
        }
        auto officer = users_->Create({"officer", "officer", "password-officer", auth::Role::kOfficer,
                                       std::string("sthjj"), std::nullopt, std::nullopt},
                                      "test");
        ASSERT_TRUE(officer) << officer.error().Describe();
        StartServer();
    }




    std::int64_t IdOf(const std::string& cas) { return substances_->FindByCas(cas).value()->id; }

    static const json* ListIn(const json& classification, const std::string& id) {
        for (const auto& l : classification["lists"]) {
            if (l["list_id"] == id) return &l;
        }
        return nullptr;
    }

    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<substance::Inventory> inventory_;
    std::unique_ptr<lists::ListRegistry> lists_;
    std::unique_ptr<lists::Classifier> classifier_;
};

TEST_P(SubstanceApiTest, EveryRoleSearchesAndReadsTheDetailWithListsMeasuresAndPicture) {
    auto client = Client();
    const auto auth = Bearer("inspector");
    auto search = client.Get("/api/v1/substances?q=%E5%85%A8%E6%B0%9F%E8%BE%9B%E9%85%B8", auth);  // 全氟辛酸
    ASSERT_TRUE(search);
    ASSERT_EQ(search->status, 200) << search->body;
    EXPECT_EQ(Body(search)["matched_by"], "text");
    EXPECT_EQ(Body(search)["items"][0]["cas"], "335-67-1");
    EXPECT_EQ(Body(search)["items"][0]["structure"]["formula"], "C8HF15O2");

    auto detail = client.Get("/api/v1/substances/" + std::to_string(IdOf("1763-23-1")) + "?date=2024-06-01", auth);
    ASSERT_TRUE(detail);
    ASSERT_EQ(detail->status, 200) << detail->body;
    const json d = Body(detail);
    EXPECT_EQ(d["name_zh"], "全氟辛基磺酸");
    EXPECT_NE(d["svg"].get<std::string>().find("<svg"), std::string::npos);
    EXPECT_EQ(d["new_substance"]["state"], "unknown") << "no IECSC loaded";
    const json& c = d["classification"];
    EXPECT_EQ(c["date"], "2024-06-01");
    EXPECT_EQ(c["pfas"], true);
    const json* key = ListIn(c, "key_controlled");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ((*key)["list_name_zh"], "重点管控新污染物清单");
    EXPECT_EQ((*key)["effective_date"], "2023-03-01");
    const json& entry = (*key)["entries"][0];
    EXPECT_EQ(entry["key"], "1");
    bool foam = false;
    for (const auto& m : entry["measures"]) {
        EXPECT_TRUE(m.contains("text_zh") && m.contains("text_en") && m.contains("effective_from")) << m.dump();
        if (m["action"] == "ban_processing_use") {
            EXPECT_EQ(m["exempted_uses"][0]["end"], "2023-12-31");
            EXPECT_EQ(m["exempted_uses"][0]["active"], false);
            foam = true;
        }
    }
    EXPECT_TRUE(foam);
    auto missing = client.Get("/api/v1/substances/999999", auth);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->status, 404);
    auto bad_date = client.Get("/api/v1/substances/1?date=2024-02-30", auth);
    ASSERT_TRUE(bad_date);
    EXPECT_EQ(bad_date->status, 400);
    EXPECT_EQ(Body(bad_date)["error"]["reason"], "date.invalid");
    auto no_login = client.Get("/api/v1/substances");
    ASSERT_TRUE(no_login);
    EXPECT_EQ(no_login->status, 401);
}

TEST_P(SubstanceApiTest, SubstructureSearchAndItsErrors) {
    auto client = Client();
    const auto auth = Bearer("viewer");
    httplib::Params params{{"smarts", "C(F)(F)C(=O)[OX2H1]"}};
    auto res = client.Get("/api/v1/substances", params, auth);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Body(res)["total"], 2);
    EXPECT_EQ(Body(res)["smarts_truncated"], false);
    auto bad = client.Get("/api/v1/substances", httplib::Params{{"smarts", "C(F"}}, auth);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(Body(bad)["error"]["field"], "smarts");
}

TEST_P(SubstanceApiTest, ClassifiesSmilesCasAndBatchesWithPerItemErrors) {
    auto client = Client();
    const auto auth = Bearer("viewer");
    auto ftoh = client.Post("/api/v1/substances/classify", auth,
                            json{{"smiles", "OCCC(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F"},
                                 {"date", "2024-06-01"}}.dump(),
                            "application/json");
    ASSERT_TRUE(ftoh);
    ASSERT_EQ(ftoh->status, 200) << ftoh->body;
    const json f = Body(ftoh);
    EXPECT_EQ(f["pfas"], true);
    const json* key = ListIn(f, "key_controlled");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ((*key)["entries"][0]["reasons"][0]["kind"], "structure");
    EXPECT_EQ((*key)["entries"][0]["reasons"][0]["class_id"], "list2023.e2.pfoa_related");

    auto bad = client.Post("/api/v1/substances/classify", auth, R"({"smiles":"C1CC("})", "application/json");
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400);
    EXPECT_EQ(Body(bad)["error"]["reason"], "smiles.parse");
    EXPECT_EQ(Body(bad)["error"]["field"], "smiles");
    auto check_digit = client.Post("/api/v1/substances/classify", auth, R"({"cas":"1763-23-2"})", "application/json");
    ASSERT_TRUE(check_digit);
    EXPECT_EQ(Body(check_digit)["error"]["reason"], "cas.check_digit");

    auto batch = client.Post("/api/v1/substances/classify", auth,
                             R"({"date": "2024-06-01", "items": [{"cas": "1763-23-1"}, {"smiles": "not a smiles"},
                                                                 {"cas": "7732-18-5"}, 5]})",
                             "application/json");
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->status, 200) << batch->body;
    const json b = Body(batch);
    EXPECT_EQ(b["summary"]["errors"], 2);
    EXPECT_EQ(b["items"][0]["classification"]["summary"]["listed"], true);
    EXPECT_EQ(b["items"][1]["error"]["reason"], "smiles.parse");
    EXPECT_EQ(b["items"][2]["classification"]["warnings"][0]["reason"], "classify.unknown_cas");
    EXPECT_EQ(b["items"][3]["error"]["field"], "items");
}

TEST_P(SubstanceApiTest, ImportsAreForAdminsAndOfficersAndAllOrNothing) {
    auto client = Client();
    const std::string good = "cas,name_zh,name_en,smiles\n64-17-5,乙醇,Ethanol,CCO\n";
    auto refused = client.Post("/api/v1/substances/import", Bearer("viewer"), good, "text/csv");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    const auto audit_before = *audit_->Count();
    const std::string bad = "cas,name_zh,name_en,smiles\n7732-18-5,水,Water,O\n1234-56-7,错,Bad,\n,坏,Bad SMILES,C1CC(\n";
    const auto officer = Bearer("officer");
    auto rejected = client.Post("/api/v1/substances/import", officer, bad, "text/csv");
    ASSERT_TRUE(rejected);
    ASSERT_EQ(rejected->status, 400);
    const json r = Body(rejected);
    EXPECT_EQ(r["error"]["reason"], "import.rows");
    ASSERT_EQ(r["report"]["errors"].size(), 2u);
    EXPECT_EQ(r["report"]["errors"][0]["row"], 3);
    EXPECT_EQ(r["report"]["errors"][1]["row"], 4);
    EXPECT_EQ(r["report"]["committed"], false);
    EXPECT_EQ(*audit_->Count(), audit_before + 1) << "only the officer's token login was audited";
    EXPECT_FALSE(substances_->FindByCas("7732-18-5").value());

    auto gbk = client.Post("/api/v1/substances/import", officer,
                           ToGb18030("CAS号,中文名称,英文名称,SMILES\n64-17-5,乙醇,Ethanol,CCO\n"), "text/csv");
    ASSERT_TRUE(gbk);
    ASSERT_EQ(gbk->status, 200) << gbk->body;
    EXPECT_EQ(Body(gbk)["encoding"], "gbk");
    EXPECT_EQ(Body(gbk)["created"], 1);
    EXPECT_EQ(substances_->FindByCas("64-17-5").value()->name_zh, "乙醇");

    auto empty = client.Post("/api/v1/substances/import", officer, "", "text/csv");
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->status, 400);
    EXPECT_EQ(Body(empty)["error"]["reason"], "tabular.empty");

    // 10 MB of CSV rows, one of them bad near the end: refused whole, the server keeps serving.
    std::string big = "cas,name_en,smiles\n";
    for (int n = 1000000; big.size() < (10u << 20); ++n) big += Cas(n) + ",Synthetic substance " + std::to_string(n) + ",\n";
    big += ",Broken,C1CC(\n";
    auto huge = client.Post("/api/v1/substances/import", officer, big, "text/csv");
    ASSERT_TRUE(huge);
    ASSERT_EQ(huge->status, 400) << huge->body.substr(0, 300);
    EXPECT_EQ(Body(huge)["report"]["errors"].back()["reason"], "smiles.parse");
    EXPECT_EQ(*substances_->Count(), 107);
    auto health = client.Get("/api/v1/health");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
}

TEST_P(SubstanceApiTest, IecscImportDecidesTheNewSubstanceFlag) {
    auto client = Client();
    const auto admin = Bearer("root");
    auto res = client.Post("/api/v1/iecsc/import?synthetic=1&file_name=iecsc_synthetic.csv", admin,
                           ReadFile("tests/integration/substance_data/iecsc_synthetic.csv"), "text/csv");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Body(res)["entries"], 7);
    auto status = client.Get("/api/v1/iecsc", Bearer("viewer"));
    ASSERT_TRUE(status);
    EXPECT_EQ(Body(status)["loaded"], true);
    EXPECT_EQ(Body(status)["synthetic"], true);
    auto dcm = client.Get("/api/v1/substances/" + std::to_string(IdOf("75-09-2")), admin);
    ASSERT_TRUE(dcm);
    EXPECT_EQ(Body(dcm)["new_substance"]["state"], "existing");
    EXPECT_EQ(Body(dcm)["new_substance"]["new_chemical_substance"], false);
    auto pfoa = client.Get("/api/v1/substances/" + std::to_string(IdOf("335-67-1")), admin);
    ASSERT_TRUE(pfoa);
    EXPECT_EQ(Body(pfoa)["new_substance"]["state"], "new");
    EXPECT_EQ(Body(pfoa)["new_substance"]["new_chemical_substance"], true);
    auto inspector = client.Post("/api/v1/iecsc/import", Bearer("inspector"), "CAS号,中文名称\n64-17-5,乙醇\n", "text/csv");
    ASSERT_TRUE(inspector);
    EXPECT_EQ(inspector->status, 403);
}

TEST_P(SubstanceApiTest, ListsShowEntriesMeasuresEditionsAndDifferences) {
    auto client = Client();
    const auto auth = Bearer("viewer");
    auto all = client.Get("/api/v1/lists", auth);
    ASSERT_TRUE(all);
    ASSERT_EQ(all->status, 200);
    ASSERT_EQ(Body(all)["items"].size(), 4u);

    auto key = client.Get("/api/v1/lists/key_controlled", auth);
    ASSERT_TRUE(key);
    ASSERT_EQ(key->status, 200) << key->body;
    const json k = Body(key);
    EXPECT_EQ(k["name_en"], "List of Key Controlled New Pollutants");
    EXPECT_EQ(k["edition"]["effective_date"], "2023-03-01");
    ASSERT_EQ(k["edition"]["entries"].size(), 14u);
    const json& e14 = k["edition"]["entries"][13];
    EXPECT_EQ(e14["measures_text_loaded"], false);
    EXPECT_EQ(e14["measures"][0]["assumed"], true);
    EXPECT_EQ(e14["members"].size(), 10u);

    auto diff = client.Get("/api/v1/lists/priority_control/diff", auth);
    ASSERT_TRUE(diff);
    ASSERT_EQ(diff->status, 200) << diff->body;
    EXPECT_EQ(Body(diff)["from"], "2017");
    EXPECT_EQ(Body(diff)["to"], "2020");
    EXPECT_EQ(Body(diff)["summary"]["added"], 18);
    EXPECT_EQ(Body(diff)["summary"]["removed"], 0);

    // A synthetic later edition of the key list, loaded beside the 2023 one.
    auto edition = lists_->FindEdition("key_controlled", "2023").value();
    edition.edition = "2099-synthetic";
    edition.effective_date = *Date::Parse("2099-01-01");
    edition.entries.pop_back();
    edition.entries[0].measures[0].effective_from = *Date::Parse("2099-01-01");
    ASSERT_TRUE(lists_->SaveEdition(edition, "test"));
    auto changed = client.Get("/api/v1/lists/key_controlled/diff?from=2023&to=2099-synthetic", auth);
    ASSERT_TRUE(changed);
    ASSERT_EQ(changed->status, 200) << changed->body;
    const json c = Body(changed);
    EXPECT_EQ(c["summary"]["removed"], 1);
    EXPECT_EQ(c["removed"][0]["key"], "14");
    ASSERT_EQ(c["changed"].size(), 1u);
    EXPECT_EQ(c["changed"][0]["measures"][0]["change"], "changed");
    EXPECT_EQ(c["changed"][0]["measures"][0]["fields"][0], "effective_from");
    auto older = client.Get("/api/v1/lists/key_controlled?edition=2023", auth);
    ASSERT_TRUE(older);
    EXPECT_EQ(Body(older)["edition"]["edition"], "2023");
    EXPECT_EQ(Body(older)["editions"].size(), 2u);

    for (const auto& [path, status, reason] :
         {std::tuple{"/api/v1/lists/no_such_list", 404, "lists.unknown"},
          {"/api/v1/lists/key_controlled?edition=1999", 404, "lists.edition_unknown"},
          {"/api/v1/lists/stockholm_pops/diff", 409, "lists.single_edition"}}) {
        auto res = client.Get(path, auth);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, status) << path;
        EXPECT_EQ(Body(res)["error"]["reason"], reason) << path;
    }
}

TEST_P(SubstanceApiTest, BrowserWritesNeedTheCsrfToken) {
    auto client = Client();
    auto login = client.Post("/api/v1/auth/login", R"({"username":"viewer","password":"password-viewer"})", "application/json");
    ASSERT_TRUE(login);
    const std::string cookie = login->get_header_value("Set-Cookie").substr(0, login->get_header_value("Set-Cookie").find(';'));
    auto forged = client.Post("/api/v1/substances/classify", {{"Cookie", cookie}}, R"({"cas":"1763-23-1"})",
                              "application/json");
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    EXPECT_EQ(Body(forged)["error"]["reason"], "auth.csrf");
    auto ok = client.Post("/api/v1/substances/classify", {{"Cookie", cookie}, {"X-CSRF-Token", Body(login)["csrf_token"]}},
                          R"({"cas":"1763-23-1"})", "application/json");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200);
}

INSTANTIATE_TEST_SUITE_P(Backends, SubstanceApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
