#include "services/application.hpp"

#include <algorithm>

#include "modules/survey/survey_service.hpp"

namespace npgov {

std::vector<store::Migration> AllMigrations() {
    std::vector<store::Migration> all;
    for (auto part : {reference::Migrations(), audit::Migrations(), auth::Migrations(), enterprise::Migrations(),
                      monitoring::Migrations(), substance::Migrations(), lists::Migrations(),
                      survey::Migrations(), hazard::Migrations(), assessment::Migrations()}) {
        all.insert(all.end(), part.begin(), part.end());
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return all;
}

Result<std::unique_ptr<Application>> Application::Open(const config::Config& config, const Clock& clock) {
    store::DatabaseOptions options;
    options.pool_size = config.database.pool_size;
    NPGOV_ASSIGN_OR_RETURN(auto db, store::OpenDatabase(config.database.url, options));
    return std::unique_ptr<Application>(new Application(config, clock, std::move(db)));
}

Application::Application(const config::Config& config, const Clock& clock, std::unique_ptr<store::Database> db)
    : db_(std::move(db)),
      audit_(*db_, clock),
      reference_(*db_, audit_),
      enterprises_(*db_, reference_, audit_, clock),
      users_(*db_, reference_, enterprises_, audit_, clock),
      limiter_(clock, {config.auth.max_failed_logins, std::int64_t{config.auth.lockout_minutes} * 60}),
      sessions_(*db_, users_, audit_, limiter_, clock, {config.auth.session_hours * 3600}),
      dashboard_(reference_, enterprises_, users_, audit_),
      monitoring_(*db_, reference_, audit_, clock),
      substances_(*db_, audit_, clock),
      inventory_(*db_, audit_, clock),
      lists_(*db_, audit_, clock),
      classifier_(lists_, substances_, std::filesystem::path(config.data_dir) / "rules" / "structure_classes.json"),
      hazard_(*db_, substances_, audit_, clock),
      assessment_(*db_, audit_, clock, substances_, hazard_, lists_, classifier_, monitoring_.results, config.data_dir),
      services_{config, clock, *db_, audit_, reference_, enterprises_, users_, sessions_, dashboard_,
                monitoring_} {
    services_.substances = &substances_;
    services_.inventory = &inventory_;
    services_.lists = &lists_;
    services_.classifier = &classifier_;
    services_.hazard = &hazard_;
    services_.assessment = &assessment_;
    // Monitoring results record the substance registry's id of their CAS number.
    monitoring_.imports.SetSubstanceLookup([this](const std::string& cas) -> Result<std::optional<std::int64_t>> {
        NPGOV_ASSIGN_OR_RETURN(auto found, substances_.FindByCas(cas));
        return found ? std::optional<std::int64_t>(found->id) : std::nullopt;
    });
}

}  // namespace npgov
