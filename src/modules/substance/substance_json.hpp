// JSON documents of the substance module's values, the same for the API and for the CLI's
// --json output (field names are the API's; dates and times ISO 8601).
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "json/error_json.hpp"
#include "modules/substance/inventory.hpp"
#include "modules/substance/substance.hpp"
#include "modules/substance/substance_registry.hpp"

namespace npgov::substance {


// Identity, names, identifiers, flags and provenance (no classification, no picture).
nlohmann::json ToJson(const Substance& s);
nlohmann::json ToJson(const SearchResult& result);
nlohmann::json ToJson(const ImportReport& report);
nlohmann::json ToJson(const IecscImportReport& report);
nlohmann::json ToJson(const IecscStatus& status);
nlohmann::json ToJson(const Registration& registration);
nlohmann::json ToJson(const NewSubstanceStatus& status);

}  // namespace npgov::substance
