#include "support/server_fixture.hpp"

#include <gtest/gtest.h>

namespace npgov::test {

void ServerTest::StartServer() {
    server_ = std::make_unique<http::ApiServer>(*services_);
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().Describe();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Run(); });
}

void ServerTest::TearDown() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
    AppTest::TearDown();
}

std::int64_t ServerTest::MakeUser(const std::string& name, auth::Role role, std::optional<std::string> department,
                                  std::optional<std::string> region, std::optional<std::int64_t> enterprise_id) {
    auto user = users_->Create({name, name, "password-" + name, role, department, region, enterprise_id}, "test");
    EXPECT_TRUE(user) << user.error().Describe();
    return user.value_or(auth::User{}).id;
}

httplib::Client ServerTest::Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    return client;
}

httplib::Headers ServerTest::Bearer(const std::string& name) {
    if (!tokens_.count(name)) {
        auto res = Client().Post("/api/v1/auth/token",
                                 nlohmann::json{{"username", name}, {"password", "password-" + name}}.dump(),
                                 "application/json");
        EXPECT_TRUE(res && res->status == 200) << name;
        tokens_[name] = res && res->status == 200 ? nlohmann::json::parse(res->body).value("token", "") : "";
    }
    return {{"Authorization", "Bearer " + tokens_[name]}};
}

}  // namespace npgov::test
