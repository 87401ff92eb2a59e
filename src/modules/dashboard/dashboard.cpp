#include "modules/dashboard/dashboard.hpp"

#include <map>

#include "modules/auth/scope.hpp"

namespace npgov::dashboard {

Result<Summary> Dashboard::Summarise(const auth::Principal& principal) {
    const auto scope = auth::EnterpriseScopeOf(principal);
    Summary s;
    NPGOV_ASSIGN_OR_RETURN(auto regions, reference_.ListRegions());
    NPGOV_ASSIGN_OR_RETURN(auto industries, reference_.ListIndustries());
    NPGOV_ASSIGN_OR_RETURN(auto departments, reference_.ListDepartments());
    NPGOV_ASSIGN_OR_RETURN(auto by_region, enterprises_.CountByRegion(scope));
    NPGOV_ASSIGN_OR_RETURN(auto by_industry, enterprises_.CountByIndustry(scope));
    s.departments = static_cast<std::int64_t>(departments.size());

    std::map<std::string, std::int64_t> region_counts;
    for (const auto& c : by_region) {
        region_counts[c.code] = c.count;
        s.enterprises += c.count;
    }
    for (const auto& r : regions) {
        if (r.level == reference::RegionLevel::kCity) continue;
        if (scope.region_code && r.code != *scope.region_code) continue;
        s.enterprises_by_region.push_back({r.code, r.name_zh, r.name_en, region_counts[r.code]});
    }
    std::map<std::string, std::int64_t> industry_counts;
    for (const auto& c : by_industry) industry_counts[c.code] = c.count;
    for (const auto& i : industries) {
        if (industry_counts[i.code] > 0) {
            s.enterprises_by_industry.push_back({i.code, i.name_zh, i.name_en, industry_counts[i.code]});
        }
    }
    if (principal.role == auth::Role::kAdmin) {
        NPGOV_ASSIGN_OR_RETURN(s.users_by_role, users_.CountByRole());
        for (const auto& c : s.users_by_role) s.users += c.count;
        NPGOV_ASSIGN_OR_RETURN(s.audit_entries, audit_.Count());
    }
    return s;
}

}  // namespace npgov::dashboard
