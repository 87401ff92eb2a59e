// The one JSON form of measures and entry members, as written in data/lists/ files (field
// names of the reference data: "zh", "en", "exemption_end" …) and as stored in the database.
// Internal to the lists module.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "modules/lists/list_model.hpp"

namespace npgov::lists::codec {

// Parses one measure. `default_from` fills a missing effective_from (list-wide measures).
// Errors: kInvalidArgument "lists.field" (field = the member at fault), "date.*".
Result<Measure> ParseMeasure(const nlohmann::json& j, const std::optional<Date>& default_from);
nlohmann::json ToFileJson(const Measure& m);

// Errors: kInvalidArgument "lists.field", "cas.*".
Result<EntryMember> ParseMember(const nlohmann::json& j);
nlohmann::json ToFileJson(const EntryMember& m);

// Parses a JSON array of CAS numbers into canonical CAS. Errors: "lists.field", "cas.*".
Result<std::vector<std::string>> ParseCasArray(const nlohmann::json& j, const char* field);

// A required non-empty string / an optional string member. Errors: "lists.field".
Result<std::string> RequiredText(const nlohmann::json& j, const char* key);
Result<std::string> OptionalText(const nlohmann::json& j, const char* key);

// The canonical JSON of a whole edition (for the content hash).
nlohmann::json ToCanonicalJson(const Edition& edition);

}  // namespace npgov::lists::codec
