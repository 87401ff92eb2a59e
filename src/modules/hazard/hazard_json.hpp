// JSON documents of the hazard module, the same for the API and for the CLI's --json output.
// Every value says where it comes from (provenance, source or method, inputs); estimates carry
// their equation, citation, domain and inputs; refused estimates appear with "refused": error.
#pragma once

#include <nlohmann/json.hpp>

#include "modules/hazard/hazard.hpp"
#include "modules/substance/substance.hpp"

namespace npgov::hazard {

nlohmann::json ToJson(const PropertyValue& value);
nlohmann::json ToJson(const Estimate& estimate);
nlohmann::json ToJson(const EcotoxRecord& record);
nlohmann::json ToJson(const ClassificationRecord& record);
nlohmann::json ToJson(const PropertySelection& selection);
// {substance, selection: {version, rule_zh, rule_en}, estimates_version, properties, estimates,
//  ecotox, classifications, gaps}.
nlohmann::json ToJson(const HazardProfile& profile, const substance::Substance& substance);
// The import's counts; "errors" lists every problem, "errors_omitted" those beyond the list.
nlohmann::json ToJson(const ImportReport& report);

}  // namespace npgov::hazard
