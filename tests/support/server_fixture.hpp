// AppTest plus the real API server on a loopback port, and the client-side helpers every API
// test needs: accounts, bearer tokens, a client, the JSON body of a response.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "http/api_server.hpp"
#include "support/app_fixture.hpp"

namespace npgov::test {

class ServerTest : public AppTest {
protected:
    // Call at the end of a subclass's SetUp, after creating what the server must see.
    void StartServer();
    void TearDown() override;

    // An account whose password is "password-<name>"; returns its id.
    std::int64_t MakeUser(const std::string& name, auth::Role role, std::optional<std::string> department = std::nullopt,
                          std::optional<std::string> region = std::nullopt,
                          std::optional<std::int64_t> enterprise_id = std::nullopt);

    httplib::Client Client() const;
    // {"Authorization": "Bearer …"} for a user made by MakeUser (the token is cached per name).
    httplib::Headers Bearer(const std::string& name);
    static nlohmann::json Body(const httplib::Result& res) { return nlohmann::json::parse(res->body); }

    int port_ = 0;

private:
    std::unique_ptr<http::ApiServer> server_;
    std::thread thread_;
    std::map<std::string, std::string> tokens_;
};

}  // namespace npgov::test
