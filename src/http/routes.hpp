// Route tables of the API, one function per area. Internal to src/http.
#pragma once

#include <httplib.h>

#include "services/services.hpp"

namespace npgov::http {

void RegisterSystemRoutes(httplib::Server& server, Services& services);     // health
void RegisterAuthRoutes(httplib::Server& server, Services& services);       // login, logout, token, me
void RegisterAdminRoutes(httplib::Server& server, Services& services);      // users, audit
void RegisterRegistryRoutes(httplib::Server& server, Services& services);   // reference, enterprises, dashboard

}  // namespace npgov::http
