// Which enterprise data a principal may read: enterprise users their own enterprise, users
// with a county scope their county, everyone else the whole city.
#pragma once

#include "modules/auth/roles.hpp"
#include "modules/enterprise/enterprise_registry.hpp"

namespace npgov::auth {

enterprise::EnterpriseScope EnterpriseScopeOf(const Principal& principal);

}  // namespace npgov::auth
