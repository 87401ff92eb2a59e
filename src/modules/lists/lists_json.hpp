// JSON documents of the lists module's values, the same for the API and for the CLI's --json
// output: names in Chinese and English, dates ISO 8601, measures typed (action + wording +
// dates + exempted uses with end dates + content limits).
#pragma once

#include <nlohmann/json.hpp>

#include "modules/lists/classifier.hpp"
#include "modules/lists/list_diff.hpp"
#include "modules/lists/list_model.hpp"
#include "modules/lists/list_registry.hpp"

namespace npgov::lists {

nlohmann::json ToJson(const Measure& m);
nlohmann::json ToJson(const Entry& e);
nlohmann::json ToJson(const Edition& e);      // with its entries
nlohmann::json ToJson(const ListInfo& list);  // with its editions (no entries)
nlohmann::json ToJson(const EditionDiff& diff);
nlohmann::json ToJson(const rules::RuleMatch& match);
nlohmann::json ToJson(const Classification& c);

}  // namespace npgov::lists
