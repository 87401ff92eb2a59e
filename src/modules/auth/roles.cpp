#include "modules/auth/roles.hpp"

#include <string>

namespace npgov::auth {

std::string_view ToString(Role role) {
    switch (role) {
        case Role::kAdmin: return "admin";
        case Role::kOfficer: return "officer";
        case Role::kInspector: return "inspector";
        case Role::kEnterprise: return "enterprise";
        case Role::kAnalyst: return "analyst";
    }
    return "analyst";
}

Result<Role> ParseRole(std::string_view text) {
    for (Role role : {Role::kAdmin, Role::kOfficer, Role::kInspector, Role::kEnterprise, Role::kAnalyst}) {
        if (ToString(role) == text) return role;
    }
    return MakeError(ErrorCode::kInvalidArgument, "auth.role",
                     "角色须为 admin、officer、inspector、enterprise 或 analyst",
                     "role must be admin, officer, inspector, enterprise or analyst", "role");
}

namespace {

bool Allows(Role role, Permission permission) {
    switch (permission) {
        case Permission::kReadReference:
        case Permission::kReadDashboard:
        case Permission::kReadEnterprises:
        case Permission::kReadSubstances:
            return true;
        case Permission::kImportSubstances:
            return role == Role::kAdmin || role == Role::kOfficer;
        case Permission::kReadSurvey:
            return true;
        case Permission::kReadMonitoring:
            return true;
        case Permission::kManageMonitoring:
            return role == Role::kAdmin || role == Role::kOfficer;
        case Permission::kManageEnterprises:
        case Permission::kManageSurveyCampaigns:
        case Permission::kReviewSurvey:
            return role == Role::kAdmin || role == Role::kOfficer;
        case Permission::kEditOwnEnterprise:
            return role == Role::kEnterprise;
        case Permission::kEditSurvey:
            return role == Role::kAdmin || role == Role::kOfficer || role == Role::kEnterprise;
        case Permission::kReadAssessment:
            return role != Role::kEnterprise;
        case Permission::kRunAssessment:
        case Permission::kReviewAssessment:
            return role == Role::kAdmin || role == Role::kOfficer;
        case Permission::kEditHazard:
            return role == Role::kAdmin || role == Role::kOfficer || role == Role::kAnalyst;
        case Permission::kManageUsers:
        case Permission::kReadAudit:
            return role == Role::kAdmin;
    }
    return false;
}

}  // namespace

Status Authorize(const Principal& principal, Permission permission) {
    if (Allows(principal.role, permission)) return Ok();
    return MakeError(ErrorCode::kPermissionDenied, "auth.forbidden", "当前角色无权执行此操作",
                     "your role (" + std::string(ToString(principal.role)) + ") may not do this");
}

}  // namespace npgov::auth
