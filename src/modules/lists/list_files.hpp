// Reads list editions from npgov's own data files (data/lists/): a manifest (lists.json)
// naming each list, its editions and the file holding each edition's entries, in one of two
// formats: "key_list_json" (the 2023 key-controlled list with typed measures) or "csv" (one
// entry per row: entry_id, name_zh, name_en, cas, structure_classes, other columns kept as
// attributes; list-wide measures from the manifest). Every value is validated.
#pragma once

#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "modules/lists/list_model.hpp"

namespace npgov::lists {

// Reads the manifest at `manifest` and every edition it names (paths relative to the
// manifest's directory). Errors: kNotFound "lists.file" (field = the file), kInvalidArgument
// with the file, entry/row and field at fault: "lists.manifest", "lists.json", "lists.field",
// "lists.action" (measure action not in the list's vocabulary), "lists.duplicate"
// (entry key or edition label twice), "cas.*", "date.*", "csv.*".
Result<std::vector<Edition>> LoadListManifest(const std::filesystem::path& manifest);

}  // namespace npgov::lists
