// Synthetic monitoring data for the demo city: about thirty sites of every type across the
// counties (near the county seats of demo_data.cpp), sampled quarterly 2023–2025 for six new
// pollutants, with log-normal concentrations of which about 60 % fall below detection limits
// that improve from year to year (three LODs), and a mild upward trend at a few sites. Sites
// are created and the results imported through the monitoring module, as one synthetic lab
// file (validated, audited). Substances are real (by CAS); every number is invented, and sites
// are flagged synthetic and named "（演示）".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/monitoring/monitoring.hpp"

namespace npgov::demo {

inline constexpr std::string_view kDemoMonitoringVersion = "1";

struct DemoMonitoringReport {
    int sites = 0;
    std::int64_t results = 0;
    std::int64_t censored = 0;
    std::int64_t import_id = 0;
};

// The demo sites (not stored).
std::vector<monitoring::NewSite> DemoMonitoringSites();

// The synthetic lab file (UTF-8 CSV with Chinese headers) for `sites` (codes and types as in
// DemoMonitoringSites), deterministic for a seed.
std::string MakeDemoLabFile(const std::vector<monitoring::NewSite>& sites, std::uint64_t seed);

// Creates the sites and imports the lab file, audited as "system:seed-demo".
// Errors: kFailedPrecondition "demo.monitoring_not_empty" when monitoring sites exist;
// those of the monitoring module (including row errors, as kInternal: the generator is wrong).
Result<DemoMonitoringReport> SeedDemoMonitoring(monitoring::Monitoring& monitoring, std::uint64_t seed);

}  // namespace npgov::demo
