// The difference between two editions of a list: entries added, removed and changed (by entry
// key), and for changed entries which fields, CAS numbers, structure classes and measures
// changed. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/lists/list_model.hpp"

namespace npgov::lists {

// A measure is identified within its entry by its action and its rank among the entry's
// measures with that action ("restrict_use" #2).
struct MeasureChange {
    std::string action;
    int occurrence = 1;
    std::optional<Measure> before;  // absent: added
    std::optional<Measure> after;   // absent: removed
    std::vector<std::string> fields;  // both present: the fields that differ
};

struct EntryChange {
    std::string key;
    std::string name_zh;  // as in the newer edition
    std::string name_en;
    std::vector<std::string> fields;  // scalar fields that differ: "name_zh", "category", …
    std::vector<std::string> cas_added;
    std::vector<std::string> cas_removed;
    std::vector<std::string> classes_added;
    std::vector<std::string> classes_removed;
    std::vector<MeasureChange> measures;
};

struct EditionDiff {
    std::string list_id;
    std::string from;  // edition labels
    std::string to;
    std::vector<Entry> added;
    std::vector<Entry> removed;
    std::vector<EntryChange> changed;
    int unchanged = 0;
};

// Compares `from` with `to` (normally editions of the same list, older first).
EditionDiff DiffEditions(const Edition& from, const Edition& to);

}  // namespace npgov::lists
