#include "modules/auth/roles.hpp"

#include <gtest/gtest.h>

namespace npgov::auth {
namespace {

TEST(AuthorizeTest, OnlyAdminsManageUsersAndReadTheAuditLog) {
    struct Case { Role role; Permission permission; bool allowed; };
    const Case cases[] = {
        {Role::kAdmin, Permission::kManageUsers, true},    {Role::kAdmin, Permission::kReadAudit, true},
        {Role::kOfficer, Permission::kManageUsers, false}, {Role::kOfficer, Permission::kReadAudit, false},
        {Role::kInspector, Permission::kReadAudit, false}, {Role::kEnterprise, Permission::kManageUsers, false},
        {Role::kAnalyst, Permission::kManageUsers, false}, {Role::kAnalyst, Permission::kReadDashboard, true},
        {Role::kEnterprise, Permission::kReadEnterprises, true}, {Role::kInspector, Permission::kReadReference, true},
        {Role::kOfficer, Permission::kManageEnterprises, true},  {Role::kEnterprise, Permission::kManageEnterprises, false},
        {Role::kEnterprise, Permission::kEditOwnEnterprise, true}, {Role::kOfficer, Permission::kEditOwnEnterprise, false},
        {Role::kAnalyst, Permission::kReadSurvey, true},         {Role::kAnalyst, Permission::kEditSurvey, false},
        {Role::kInspector, Permission::kEditSurvey, false},      {Role::kEnterprise, Permission::kEditSurvey, true},
        {Role::kEnterprise, Permission::kReviewSurvey, false},   {Role::kOfficer, Permission::kReviewSurvey, true},
        {Role::kEnterprise, Permission::kManageSurveyCampaigns, false}, {Role::kOfficer, Permission::kManageSurveyCampaigns, true},
        {Role::kAnalyst, Permission::kReadSubstances, true},    {Role::kEnterprise, Permission::kReadSubstances, true},
        {Role::kAdmin, Permission::kImportSubstances, true},    {Role::kOfficer, Permission::kImportSubstances, true},
        {Role::kInspector, Permission::kImportSubstances, false}, {Role::kAnalyst, Permission::kImportSubstances, false},
        {Role::kEnterprise, Permission::kImportSubstances, false},
        {Role::kAnalyst, Permission::kReadMonitoring, true},    {Role::kEnterprise, Permission::kReadMonitoring, true},
        {Role::kAdmin, Permission::kManageMonitoring, true},    {Role::kOfficer, Permission::kManageMonitoring, true},
        {Role::kInspector, Permission::kManageMonitoring, false}, {Role::kAnalyst, Permission::kManageMonitoring, false},
        {Role::kEnterprise, Permission::kManageMonitoring, false},
        {Role::kAnalyst, Permission::kReadAssessment, true},    {Role::kInspector, Permission::kReadAssessment, true},
        {Role::kEnterprise, Permission::kReadAssessment, false}, {Role::kOfficer, Permission::kRunAssessment, true},
        {Role::kAnalyst, Permission::kRunAssessment, false},    {Role::kInspector, Permission::kReviewAssessment, false},
        {Role::kOfficer, Permission::kReviewAssessment, true},
        {Role::kAdmin, Permission::kEditHazard, true},          {Role::kOfficer, Permission::kEditHazard, true},
        {Role::kAnalyst, Permission::kEditHazard, true},        {Role::kInspector, Permission::kEditHazard, false},
        {Role::kEnterprise, Permission::kEditHazard, false},
    };
    for (const auto& c : cases) {
        Principal p;
        p.role = c.role;
        auto status = Authorize(p, c.permission);
        EXPECT_EQ(status.has_value(), c.allowed) << ToString(c.role) << " permission " << static_cast<int>(c.permission);
        if (!status) {
            EXPECT_EQ(status.error().code, ErrorCode::kPermissionDenied);
        }
    }
}

TEST(ParseRoleTest, RoundTripsAndRejectsUnknown) {
    for (Role role : {Role::kAdmin, Role::kOfficer, Role::kInspector, Role::kEnterprise, Role::kAnalyst}) {
        EXPECT_EQ(ParseRole(ToString(role)).value(), role);
    }
    auto bad = ParseRole("root");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "role");
}

}  // namespace
}  // namespace npgov::auth

#include "modules/auth/scope.hpp"

namespace npgov::auth {
namespace {

TEST(EnterpriseScopeOfTest, FollowsRoleAndCounty) {
    Principal city{1, "officer", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    EXPECT_FALSE(EnterpriseScopeOf(city).region_code);
    EXPECT_FALSE(EnterpriseScopeOf(city).enterprise_id);
    Principal county{2, "officer.sc", Role::kOfficer, std::string("sthjj"), std::string("140602"), std::nullopt};
    EXPECT_EQ(EnterpriseScopeOf(county).region_code.value_or(""), "140602");
    Principal ehs{3, "ent001", Role::kEnterprise, std::nullopt, std::string("140621"), 42};
    EXPECT_EQ(EnterpriseScopeOf(ehs).enterprise_id.value_or(0), 42);
    Principal orphan{4, "ent999", Role::kEnterprise, std::nullopt, std::nullopt, std::nullopt};
    EXPECT_EQ(EnterpriseScopeOf(orphan).enterprise_id.value_or(-1), 0) << "an enterprise user without one sees nothing";
}

}  // namespace
}  // namespace npgov::auth
