// The module objects a face (http, cli) works with, wired once in apps/npgov/main.cpp and
// passed to each face by reference. Owns nothing.
#pragma once

#include "config/config.hpp"
#include "core/clock.hpp"
#include "modules/assessment/assessment.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/sessions.hpp"
#include "modules/auth/users.hpp"
#include "modules/dashboard/dashboard.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/hazard/hazard.hpp"
#include "modules/lists/classifier.hpp"
#include "modules/monitoring/monitoring.hpp"
#include "modules/reference/reference.hpp"
#include "modules/substance/inventory.hpp"
#include "modules/substance/substance_registry.hpp"
#include "store/database.hpp"

namespace npgov {

struct Services {
    const config::Config& config;
    const Clock& clock;
    store::Database& db;
    audit::AuditLog& audit;
    reference::ReferenceData& reference;
    enterprise::EnterpriseRegistry& enterprises;
    auth::UserDirectory& users;
    auth::SessionManager& sessions;
    dashboard::Dashboard& dashboard;
    monitoring::Monitoring& monitoring;
    // Substances, IECSC, regulatory lists and classification. Pointers so that fixtures that do
    // not use them need not build them; Application always sets them.
    substance::SubstanceRegistry* substances = nullptr;
    substance::Inventory* inventory = nullptr;
    lists::ListRegistry* lists = nullptr;
    lists::Classifier* classifier = nullptr;
    // Hazard data (physical-chemical properties, ecotoxicity, classifications) and the
    // assessment module (screening runs, risk assessments); Application always sets them.
    hazard::HazardData* hazard = nullptr;
    assessment::Assessment* assessment = nullptr;
};

}  // namespace npgov
