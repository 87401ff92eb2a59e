// Owns the module objects of one running npgov (database pool, audit log, registries, auth)
// and wires them in dependency order. Built once per process by the composition root.
#pragma once

#include <memory>
#include <vector>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "modules/auth/login_limiter.hpp"
#include "services/services.hpp"
#include "store/migrations.hpp"

namespace npgov {

class Application {
public:
    // Opens the configured database and builds the modules. Does not migrate.
    // Errors: those of OpenDatabase.
    static Result<std::unique_ptr<Application>> Open(const config::Config& config, const Clock& clock);

    Services& services() { return services_; }

private:
    Application(const config::Config& config, const Clock& clock, std::unique_ptr<store::Database> db);

    std::unique_ptr<store::Database> db_;
    audit::AuditLog audit_;
    reference::ReferenceData reference_;
    enterprise::EnterpriseRegistry enterprises_;
    auth::UserDirectory users_;
    auth::LoginLimiter limiter_;
    auth::SessionManager sessions_;
    dashboard::Dashboard dashboard_;
    monitoring::Monitoring monitoring_;
    substance::SubstanceRegistry substances_;
    substance::Inventory inventory_;
    lists::ListRegistry lists_;
    lists::Classifier classifier_;
    hazard::HazardData hazard_;
    assessment::Assessment assessment_;
    Services services_;
};

// Every module's migrations, in one ordered history.
std::vector<store::Migration> AllMigrations();

}  // namespace npgov
