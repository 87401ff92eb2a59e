// Roles, permissions and the one authorization check every route uses. A role says what a
// user may do; the user's scope (department, county, enterprise) says on which data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace npgov::auth {

enum class Role { kAdmin, kOfficer, kInspector, kEnterprise, kAnalyst };

std::string_view ToString(Role role);
// Errors: kInvalidArgument "auth.role" (field "role").
Result<Role> ParseRole(std::string_view text);

enum class Permission {
    kReadReference,    // departments, regions, industries
    kReadDashboard,    // counts within the caller's scope
    kReadEnterprises,  // enterprise registry within the caller's scope
    kManageUsers,      // create, list, disable users
    kReadAudit,        // browse and verify the audit log
    kManageEnterprises,     // create, edit and import enterprises within scope (admin, officer)
    kEditOwnEnterprise,     // change the contact person and phone of one's own enterprise (enterprise)
    kReadSurvey,            // survey campaigns, submissions and results within scope (all roles)
    kManageSurveyCampaigns, // open survey campaigns (admin, officer)
    kEditSurvey,            // fill and submit survey drafts: own enterprise, or on its behalf (enterprise, officer, admin)
    kReviewSurvey,          // county review, city approval, return with comments (admin, officer)
    kReadSubstances,   // substance registry, regulatory lists, classification (all roles)
    kImportSubstances, // import substances and the IECSC inventory (admin, officer)
    kReadMonitoring,   // monitoring sites, results and summaries within the caller's county (all roles)
    kManageMonitoring, // register monitoring sites and import lab result files (admin, officer)
    kReadAssessment,   // screening runs and risk assessments (admin, officer, inspector, analyst)
    kRunAssessment,    // run screenings, compute and save assessment drafts (admin, officer)
    kReviewAssessment, // review and publish assessments, never one's own (admin, officer)
    kEditHazard,       // import and enter hazard data: properties, ecotoxicity, classifications (admin, officer, analyst)
};

// Who is calling: the authenticated user's identity and scope.
struct Principal {
    std::int64_t user_id = 0;
    std::string username;
    Role role = Role::kAnalyst;
    std::optional<std::string> department_code;
    std::optional<std::string> region_code;     // county scope, if any
    std::optional<std::int64_t> enterprise_id;  // enterprise users only
};

// Ok if `principal` holds `permission`; kPermissionDenied "auth.forbidden" otherwise.
Status Authorize(const Principal& principal, Permission permission);

}  // namespace npgov::auth
