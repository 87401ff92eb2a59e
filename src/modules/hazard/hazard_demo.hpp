// The demo's hazard data: real measured values with their sources for about twenty substances
// of the seed list and the demo's monitored antibiotics (data/demo/hazard_demo.csv), loaded by
// `npgov db seed-demo`. The values are real, but the selection is a demonstration set compiled
// for npgov, not a reviewed reference database: that is why it is demo data and not loaded by
// seed-reference (a production registry starts without unreviewed hazard values).
#pragma once

#include <filesystem>

#include "core/error.hpp"
#include "modules/hazard/hazard.hpp"
#include "modules/substance/substance_registry.hpp"

namespace npgov::hazard {

struct DemoHazardReport {
    std::int64_t substances_created = 0;  // registered from hazard_demo_substances.csv
    bool already_loaded = false;          // the demo file was imported before: nothing done
    ImportReport import;
};

// Registers the substances the demo file names that the registry lacks (from
// `data_dir`/demo/hazard_demo_substances.csv, through the registry's import, which leaves
// substances already registered unchanged), then imports `data_dir`/demo/hazard_demo.csv, both
// as "system:seed-demo". Errors: kNotFound "hazard.demo_file" (a file is missing); kInternal
// "hazard.demo_invalid" (a demo file has row errors: the file is wrong); those of the imports.
Result<DemoHazardReport> SeedDemoHazard(HazardData& hazard, substance::SubstanceRegistry& substances,
                                        const std::filesystem::path& data_dir);

}  // namespace npgov::hazard
