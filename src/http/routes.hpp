// Route tables of the API, one function per area. Internal to src/http.
#pragma once

#include <functional>
#include <string>

#include <httplib.h>

#include "services/services.hpp"

namespace npgov::http {

void RegisterSystemRoutes(httplib::Server& server, Services& services);     // health
void RegisterAuthRoutes(httplib::Server& server, Services& services);       // login, logout, token, me
void RegisterAdminRoutes(httplib::Server& server, Services& services);      // users, audit
void RegisterRegistryRoutes(httplib::Server& server, Services& services);   // reference, enterprises, dashboard
void RegisterMonitoringRoutes(httplib::Server& server, Services& services); // monitoring sites, results, imports
void RegisterSubstanceRoutes(httplib::Server& server, Services& services);  // substances, lists, classify, IECSC
void RegisterEnterpriseWriteRoutes(httplib::Server& server, Services& services);  // create, edit, import, export enterprises
void RegisterSurveyRoutes(httplib::Server& server, Services& services);     // survey campaigns, submissions, results
void RegisterHazardRoutes(httplib::Server& server, Services& services);     // hazard profiles, import, entry
void RegisterAssessmentRoutes(httplib::Server& server, Services& services); // screening runs, risk assessments

// A download (routes_survey.cpp): bytes with a content type, sent as an attachment named
// `file_name`; errors as JSON like Route.
struct FileReply {
    std::string bytes;
    std::string content_type;
    std::string file_name;
};
void FileRoute(httplib::Server& server, const char* method, const std::string& pattern,
               std::function<Result<FileReply>(const httplib::Request&)> handler);

}  // namespace npgov::http
