#include "modules/auth/users.hpp"

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::auth {
namespace {

class UserDirectoryTest : public test::AppTest {
protected:
    NewUser Officer(const std::string& username) {
        return {username, "科员", "long-enough-pw", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    }
};

TEST_P(UserDirectoryTest, CreatesAuditedUsersWithoutExposingTheHash) {
    auto user = users_->Create(Officer("wang.li"), "admin");
    ASSERT_TRUE(user) << user.error().Describe();
    EXPECT_EQ(user->role, Role::kOfficer);
    auto entries = audit_->List({std::string("admin"), std::string("user.create")}, {1, 10});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->total, 1);
    const std::string after = entries->items[0].change.after_json.value_or("");
    EXPECT_NE(after.find("wang.li"), std::string::npos);
    EXPECT_EQ(after.find("argon2"), std::string::npos) << "the audit log must not hold password hashes";
}

TEST_P(UserDirectoryTest, BadInputIsRefusedAndNothingIsWritten) {
    struct Case {
        const char* what;
        NewUser input;
        const char* reason;
        const char* field;
    };
    NewUser short_password = Officer("a.b");
    short_password.password = "short";
    NewUser bad_name = Officer("Wang Li");
    NewUser no_department = Officer("c.d");
    no_department.department_code.reset();
    NewUser unknown_department = Officer("e.f");
    unknown_department.department_code = "nope";
    NewUser unknown_region = Officer("g.h");
    unknown_region.region_code = "140699";
    NewUser enterprise_without = {"ent.x", "企业", "long-enough-pw", Role::kEnterprise, std::nullopt, std::nullopt, std::nullopt};
    NewUser enterprise_missing = enterprise_without;
    enterprise_missing.enterprise_id = 999;
    NewUser analyst_with_enterprise = {"an.x", "分析", "long-enough-pw", Role::kAnalyst, std::nullopt, std::nullopt, 1};
    const Case cases[] = {
        {"short password", short_password, "user.password", "password"},
        {"bad username", bad_name, "user.username", "username"},
        {"officer without department", no_department, "user.scope", "department_code"},
        {"unknown department", unknown_department, "department.unknown", "department_code"},
        {"unknown region", unknown_region, "region.unknown", "region_code"},
        {"enterprise user without enterprise", enterprise_without, "user.scope", "enterprise_id"},
        {"enterprise that does not exist", enterprise_missing, "enterprise.unknown", "enterprise_id"},
        {"analyst bound to an enterprise", analyst_with_enterprise, "user.scope", "enterprise_id"},
    };
    const auto audit_before = *audit_->Count();
    for (const auto& c : cases) {
        auto user = users_->Create(c.input, "admin");
        ASSERT_FALSE(user) << c.what;
        EXPECT_EQ(user.error().reason, c.reason) << c.what;
        EXPECT_EQ(user.error().field, c.field) << c.what;
    }
    EXPECT_EQ(users_->List({1, 10})->total, 0);
    EXPECT_EQ(*audit_->Count(), audit_before);
}

TEST_P(UserDirectoryTest, UsernamesAreUnique) {
    ASSERT_TRUE(users_->Create(Officer("zhao"), "admin"));
    auto again = users_->Create(Officer("zhao"), "admin");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "user.username_taken");
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
}

TEST_P(UserDirectoryTest, EnterpriseUsersTakeTheirEnterprisesCounty) {
    const auto e = MakeEnterprise("测试橡胶（测试）", "140621");
    auto user = users_->Create({"ent.a", "环保负责人", "long-enough-pw", Role::kEnterprise, std::nullopt, std::nullopt, e.id},
                               "admin");
    ASSERT_TRUE(user) << user.error().Describe();
    EXPECT_EQ(user->region_code.value_or(""), "140621");
    EXPECT_EQ(user->enterprise_id.value_or(0), e.id);
}

TEST_P(UserDirectoryTest, DisableIsAuditedAndRefusedForOneself) {
    auto user = users_->Create(Officer("qian"), "admin");
    ASSERT_TRUE(user);
    auto self = users_->Disable(user->id, "qian");
    ASSERT_FALSE(self);
    EXPECT_EQ(self.error().reason, "user.self_disable");
    auto disabled = users_->Disable(user->id, "admin");
    ASSERT_TRUE(disabled) << disabled.error().Describe();
    EXPECT_TRUE(disabled->disabled);
    EXPECT_TRUE(users_->Find(user->id)->disabled);
    EXPECT_EQ(audit_->List({std::nullopt, std::string("user.disable")}, {1, 10})->total, 1);
    EXPECT_EQ(users_->Disable(9999, "admin").error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, UserDirectoryTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::auth
