// Parsing of the fate engine's JSON documents: environment files (data/fate/*.json) and
// Level III inputs (`npgov fate level3 --input F`; format in docs/fate.md). Strict on purpose:
// an unknown key is an error, so that a misspelt "half_lifes_h" cannot silently become "not
// degraded". Errors are kInvalidArgument with the JSON path in Error::field:
//   "fate.json" (not JSON), "fate.unknown_field", "fate.missing_field", "fate.type",
//   and the validators' "fate.input.range" / "fate.environment.range".
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "engines/fate/chemical.hpp"
#include "engines/fate/environment.hpp"

namespace npgov::fate {

// {"format": "npgov.fate.environment", "id", "version", "name_en", "name_zh", "about",
//  "parameters": {"<name>": {"value": number, "basis": "published|derived|default",
//  "source": "…", "note": "…"?}, …}} with every Environment parameter present exactly once.
Result<Environment> ParseEnvironment(std::string_view json_text);

// {"chemical": {…Chemical fields…, "half_lives_h": {"air", "water", "soil", "sediment"}},
//  "emissions_kg_h": {"air"?, "water"?, "soil"?}}; a half-life of null = not degraded.
Result<Level3Input> ParseLevel3Input(std::string_view json_text);

}  // namespace npgov::fate
