#include "modules/auth/scope.hpp"

namespace npgov::auth {

enterprise::EnterpriseScope EnterpriseScopeOf(const Principal& principal) {
    enterprise::EnterpriseScope scope;
    if (principal.role == Role::kEnterprise) {
        // An enterprise user without an enterprise sees nothing: id 0 never exists.
        scope.enterprise_id = principal.enterprise_id.value_or(0);
    } else if (principal.region_code) {
        scope.region_code = principal.region_code;
    }
    return scope;
}

}  // namespace npgov::auth
