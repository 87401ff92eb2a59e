// JSON mappings shared by every module, the API and the CLI (nlohmann::json lives here, not in core).
// The JSON shape of an Error, the same in every API body and every `--json` output.
#pragma once

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace npgov {

// {code, reason, message_zh, message_en, field?, row?} — field and row only when known.
nlohmann::json ErrorJson(const Error& error);

}  // namespace npgov
