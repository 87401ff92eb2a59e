// The monitoring module (action plan 二(二), issue 5): sites, sampling events, samples and lab
// results with non-detects kept as data, imported from lab files and summarised by the stats
// engine. This header gathers the module's parts for the composition root and its schema.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/monitoring/result_importer.hpp"
#include "modules/monitoring/result_reader.hpp"
#include "modules/monitoring/site_registry.hpp"
#include "modules/reference/reference.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::monitoring {

// The module's objects, built together; faces reach them through Services::monitoring.
struct Monitoring {
    Monitoring(store::Database& db, reference::ReferenceData& reference, audit::AuditLog& audit, const Clock& clock)
        : sites(db, reference, audit, clock), imports(db, sites, audit, clock), results(db, sites) {}

    SiteRegistry sites;
    ResultImporter imports;
    ResultReader results;
};

// The sites a principal may see: a user with a county scope (county officers; enterprise users
// carry their enterprise's county) that county's, everyone else the whole city's.
SiteScope SiteScopeOf(const auth::Principal& principal);

// Migrations 20–23: sites; imports; events, samples and results; results' substance ids.
std::vector<store::Migration> Migrations();

}  // namespace npgov::monitoring
