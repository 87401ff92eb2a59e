// JSON documents of the monitoring module's values, the same for the API and for the CLI's
// --json output. Statistics name their method and version ("how"); a refused estimate
// appears as {"refused": error} in place of its numbers; NaN and absent values are null.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "json/error_json.hpp"
#include "modules/monitoring/result_importer.hpp"
#include "modules/monitoring/result_reader.hpp"
#include "modules/monitoring/site_registry.hpp"
#include "modules/reference/reference.hpp"

namespace npgov::monitoring {


// A site with its region's names (empty when the region is not in `regions`).
nlohmann::json ToJson(const Site& site, const std::vector<reference::Region>& regions);
nlohmann::json ToJson(const StoredResult& result);
nlohmann::json ToJson(const GroupSummary& summary);
nlohmann::json ToJson(const Series& series);
// The import's counts; "errors" lists every row problem, "errors_omitted" those beyond the list.
nlohmann::json ToJson(const ImportReport& report);

}  // namespace npgov::monitoring
