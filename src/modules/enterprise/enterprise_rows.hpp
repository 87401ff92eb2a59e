// Internal to the enterprise module: the table's column list, the row codec, the audit
// document and the field checks shared by the registry and the importer.
#pragma once

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "modules/enterprise/enterprise_registry.hpp"
#include "store/database.hpp"

namespace npgov::enterprise::internal {

// SELECT … FROM enterprises, in the order FromRow reads.
extern const char* const kSelectColumns;
// INSERT of every stored member but id, RETURNING id; parameters as InsertParams.
extern const char* const kInsert;

Enterprise FromRow(const store::Row& row);
std::vector<store::Value> InsertParams(const Enterprise& e);
nlohmann::json ToAuditJson(const Enterprise& e);

// Each returns the normalised value or an error naming its field.
Result<std::string> CheckName(std::string_view name);           // "enterprise.name"
Status CheckCoordinates(const std::optional<double>& lat, const std::optional<double>& lon);
Result<std::string> CheckText(std::string_view text, const char* field, std::size_t max_code_points);  // "enterprise.text"

// Region and industry codes known to be loaded (an import looks them up once).
struct KnownCodes {
    std::set<std::string> regions;
    std::set<std::string> industries;
};

// Validates every field of `input` but uniqueness; returns the enterprise to store (id 0,
// timestamps empty). Codes in `known` are accepted without a look-up; others are looked up
// (and their kNotFound returned). Errors: those of Uscc::Parse, CheckName, the reference
// look-ups, CheckCoordinates, CheckText, ParseContactPhone.
Result<Enterprise> Validate(const NewEnterprise& input, reference::ReferenceData& reference,
                            const KnownCodes* known = nullptr);

// The same checks, each run whatever the others gave, so that an import can list every problem
// of a row at once: `enterprise` is set exactly when `errors` is empty.
struct Checked {
    std::optional<Enterprise> enterprise;
    std::vector<Error> errors;
};
Checked ValidateEvery(const NewEnterprise& input, reference::ReferenceData& reference, const KnownCodes* known);

}  // namespace npgov::enterprise::internal
