// The REST API over real HTTP on loopback, on both backends: authentication, CSRF, roles and
// scope, error format, pagination, and that refused requests change nothing.
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/api_server.hpp"
#include "support/server_fixture.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

class ApiTest : public test::ServerTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        admin_id_ = MakeUser("root", auth::Role::kAdmin);
        MakeUser("viewer", auth::Role::kAnalyst);
        enterprise_ = MakeEnterprise("恒泰涂料（测试）", "140621");
        MakeEnterprise("金沙化工（测试）", "140602");
        MakeUser("ehs", auth::Role::kEnterprise, std::nullopt, std::nullopt, enterprise_.id);
        StartServer();
    }



    // Logs in like the browser: returns the Cookie header value and the CSRF token.
    std::pair<std::string, std::string> BrowserLogin(const std::string& name) {
        auto client = Client();
        auto res = client.Post("/api/v1/auth/login", json{{"username", name}, {"password", "password-" + name}}.dump(),
                               "application/json");
        EXPECT_TRUE(res);
        if (!res) return {};
        EXPECT_EQ(res->status, 200) << res->body;
        const std::string set_cookie = res->get_header_value("Set-Cookie");
        EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
        EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
        const auto body = json::parse(res->body);
        EXPECT_FALSE(body.contains("token")) << "the browser login must not expose the session token to scripts";
        return {set_cookie.substr(0, set_cookie.find(';')), body["csrf_token"].get<std::string>()};
    }

    std::string BearerToken(const std::string& name) {
        auto client = Client();
        auto res = client.Post("/api/v1/auth/token", json{{"username", name}, {"password", "password-" + name}}.dump(),
                               "application/json");
        EXPECT_TRUE(res && res->status == 200);
        return res ? json::parse(res->body).value("token", "") : "";
    }


    std::int64_t admin_id_ = 0;
    enterprise::Enterprise enterprise_;
};

TEST_P(ApiTest, HealthAnswersWithoutLogin) {
    auto res = Client().Get("/api/v1/health");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(Body(res)["status"], "ok");
    EXPECT_EQ(Body(res)["database"], test::BackendName(backend()));
    EXPECT_EQ(Body(res)["demo"], false);
}

TEST_P(ApiTest, WrongPasswordIs401WithBothLanguages) {
    auto res = Client().Post("/api/v1/auth/login", R"({"username":"root","password":"nope-nope"})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    const auto error = Body(res)["error"];
    EXPECT_EQ(error["code"], "unauthenticated");
    EXPECT_EQ(error["reason"], "auth.bad_credentials");
    EXPECT_FALSE(error["message_zh"].get<std::string>().empty());
    EXPECT_FALSE(error["message_en"].get<std::string>().empty());
    EXPECT_TRUE(res->get_header_value("Set-Cookie").empty());
}

TEST_P(ApiTest, MalformedRequestsAre400) {
    auto client = Client();
    auto not_json = client.Post("/api/v1/auth/login", "{username:", "application/json");
    ASSERT_TRUE(not_json);
    EXPECT_EQ(not_json->status, 400);
    EXPECT_EQ(Body(not_json)["error"]["reason"], "http.json");
    auto wrong_type = client.Post("/api/v1/auth/login", R"({"username":1,"password":"x"})", "application/json");
    ASSERT_TRUE(wrong_type);
    EXPECT_EQ(Body(wrong_type)["error"]["field"], "username");
}

TEST_P(ApiTest, CookieSessionNeedsCsrfForWritesAndChangesNothingWithout) {
    auto [cookie, csrf] = BrowserLogin("root");
    auto client = Client();
    const std::string body = json{{"username", "new.officer"}, {"display_name", "新科员"}, {"password", "long-password"},
                                  {"role", "officer"}, {"department_code", "sthjj"}}.dump();
    const auto audit_before = *audit_->Count();
    auto forged = client.Post("/api/v1/users", {{"Cookie", cookie}}, body, "application/json");
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    EXPECT_EQ(Body(forged)["error"]["reason"], "auth.csrf");
    EXPECT_EQ(*audit_->Count(), audit_before);

    auto created = client.Post("/api/v1/users", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, body, "application/json");
    ASSERT_TRUE(created);
    EXPECT_EQ(created->status, 201) << created->body;
    EXPECT_EQ(Body(created)["username"], "new.officer");
    auto audit = client.Get("/api/v1/audit?action=user.create&page_size=1", {{"Cookie", cookie}});
    ASSERT_TRUE(audit);
    EXPECT_EQ(Body(audit)["items"][0]["actor"], "root");
    EXPECT_EQ(Body(audit)["items"][0]["after"]["username"], "new.officer");
}

TEST_P(ApiTest, BearerTokensWorkWithoutCsrf) {
    const std::string token = BearerToken("root");
    auto res = Client().Post("/api/v1/users/" + std::to_string(admin_id_ + 1) + "/disable",
                             {{"Authorization", "Bearer " + token}}, "", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(Body(res)["disabled"], true);
}

TEST_P(ApiTest, InvalidTokensAre401) {
    auto client = Client();
    for (const std::string header : {"Bearer npg_forged", "Bearer ", "Basic cm9vdDpyb290"}) {
        auto res = client.Get("/api/v1/me", {{"Authorization", header}});
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 401) << header;
    }
    auto cookie = client.Get("/api/v1/me", {{"Cookie", "npgov_session=npg_forged"}});
    ASSERT_TRUE(cookie);
    EXPECT_EQ(cookie->status, 401);
    const std::string token = BearerToken("viewer");
    clock_.Set(Timestamp{test::kTestEpoch + 13 * 3600});
    auto expired = client.Get("/api/v1/me", {{"Authorization", "Bearer " + token}});
    ASSERT_TRUE(expired);
    EXPECT_EQ(expired->status, 401);
    EXPECT_EQ(Body(expired)["error"]["reason"], "auth.session_expired");
}

TEST_P(ApiTest, RolesAreEnforcedOnEveryAdminRoute) {
    const std::string token = BearerToken("viewer");
    auto client = Client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    for (const char* path : {"/api/v1/users", "/api/v1/audit", "/api/v1/audit/verify"}) {
        auto res = client.Get(path, auth);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 403) << path;
        EXPECT_EQ(Body(res)["error"]["reason"], "auth.forbidden") << path;
    }
    auto create = client.Post("/api/v1/users", auth, R"({"username":"x"})", "application/json");
    ASSERT_TRUE(create);
    EXPECT_EQ(create->status, 403);
    for (const char* path : {"/api/v1/reference/regions", "/api/v1/enterprises", "/api/v1/dashboard"}) {
        auto res = client.Get(path, auth);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 200) << path;
    }
}

TEST_P(ApiTest, EnterpriseUsersSeeOnlyTheirOwnEnterprise) {
    const std::string token = BearerToken("ehs");
    auto client = Client();
    const httplib::Headers auth = {{"Authorization", "Bearer " + token}};
    auto list = client.Get("/api/v1/enterprises", auth);
    ASSERT_TRUE(list);
    ASSERT_EQ(Body(list)["total"], 1);
    EXPECT_EQ(Body(list)["items"][0]["id"], enterprise_.id);
    EXPECT_EQ(Body(list)["items"][0]["region_name_zh"], "山阴县");
    auto other = client.Get("/api/v1/enterprises/" + std::to_string(enterprise_.id + 1), auth);
    ASSERT_TRUE(other);
    EXPECT_EQ(other->status, 404);
    auto dashboard = client.Get("/api/v1/dashboard", auth);
    ASSERT_TRUE(dashboard);
    EXPECT_EQ(Body(dashboard)["enterprises"], 1);
}

TEST_P(ApiTest, PaginationIsValidated) {
    const httplib::Headers auth = {{"Authorization", "Bearer " + BearerToken("root")}};
    auto client = Client();
    auto page = client.Get("/api/v1/enterprises?page=2&page_size=1", auth);
    ASSERT_TRUE(page);
    EXPECT_EQ(Body(page)["page"], 2);
    EXPECT_EQ(Body(page)["total"], 2);
    EXPECT_EQ(Body(page)["items"].size(), 1u);
    for (const char* query : {"?page=0", "?page_size=201", "?page=abc"}) {
        auto res = client.Get(std::string("/api/v1/users") + query, auth);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << query;
        EXPECT_EQ(Body(res)["error"]["reason"], "page.range") << query;
    }
}

TEST_P(ApiTest, BadUserInputNamesTheFieldAndWritesNothing) {
    const httplib::Headers auth = {{"Authorization", "Bearer " + BearerToken("root")}};
    auto client = Client();
    const auto users_before = *users_->List({1, 1});
    struct Case { json body; const char* field; int status; };
    const Case cases[] = {
        {{{"username", "x y"}, {"display_name", "n"}, {"password", "long-password"}, {"role", "analyst"}}, "username", 400},
        {{{"username", "xy.z"}, {"display_name", "n"}, {"password", "short"}, {"role", "analyst"}}, "password", 400},
        {{{"username", "xy.z"}, {"display_name", "n"}, {"password", "long-password"}, {"role", "god"}}, "role", 400},
        {{{"username", "xy.z"}, {"display_name", "n"}, {"password", "long-password"}, {"role", "officer"},
          {"department_code", "sthjj"}, {"region_code", "999999"}}, "region_code", 404},
        {{{"username", "root"}, {"display_name", "n"}, {"password", "long-password"}, {"role", "analyst"}}, "username", 409},
    };
    for (const auto& c : cases) {
        auto res = client.Post("/api/v1/users", auth, c.body.dump(), "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, c.status) << c.body.dump() << " → " << res->body;
        EXPECT_EQ(Body(res)["error"]["field"], c.field) << c.body.dump();
    }
    EXPECT_EQ(users_->List({1, 1})->total, users_before.total);
}

TEST_P(ApiTest, RepeatedWrongPasswordsAreRateLimited) {
    auto client = Client();
    for (int i = 0; i < 5; ++i) {
        auto res = client.Post("/api/v1/auth/login", R"({"username":"root","password":"guess-guess"})", "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 401);
    }
    auto limited = client.Post("/api/v1/auth/login", R"({"username":"root","password":"password-root"})", "application/json");
    ASSERT_TRUE(limited);
    EXPECT_EQ(limited->status, 429);
    EXPECT_EQ(Body(limited)["error"]["code"], "resource_exhausted");
}

TEST_P(ApiTest, LogoutEndsTheSession) {
    auto [cookie, csrf] = BrowserLogin("viewer");
    auto client = Client();
    auto logout = client.Post("/api/v1/auth/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
    ASSERT_TRUE(logout);
    EXPECT_EQ(logout->status, 204);
    auto me = client.Get("/api/v1/me", {{"Cookie", cookie}});
    ASSERT_TRUE(me);
    EXPECT_EQ(me->status, 401);
}

TEST_P(ApiTest, UnknownApiRoutesAreJson404) {
    auto res = Client().Get("/api/v1/no/such/thing");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 404);
    EXPECT_EQ(Body(res)["error"]["reason"], "http.route");
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_P(ApiTest, AuditChainVerifiesOverTheApi) {
    const httplib::Headers auth = {{"Authorization", "Bearer " + BearerToken("root")}};
    auto res = Client().Get("/api/v1/audit/verify", auth);
    ASSERT_TRUE(res);
    EXPECT_EQ(Body(res)["ok"], true);
    EXPECT_GT(Body(res)["checked"].get<int>(), 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::http
