// The regulatory lists npgov knows (key-controlled new pollutants, priority-control chemicals,
// Stockholm POPs, severely restricted toxic chemicals …) as values: a list has editions, an
// edition has entries, an entry names its members by explicit CAS numbers and by structure
// classes (ids of data/rules/structure_classes.json), and carries typed measures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace npgov::lists {

// A numeric condition attached to an exemption, e.g. "< 10 % by weight of the part".
struct ConditionLimit {
    double max_value = 0;
    std::string unit;
    std::string comparison;  // "<", "<=" …
};

struct ExemptedUse {
    std::string use_zh;
    std::string use_en;
    std::optional<Date> end;  // absent: the list states no end date
    std::optional<ConditionLimit> condition_limit;
    std::vector<std::string> excluded_products;  // products the exemption never covers
};

// A content limit in products named by a measure (e.g. GB 38508 cleaning agents).
struct ContentLimit {
    std::string product;
    std::string analyte;
    double max_value = 0;
    std::string unit;
};

// One control measure, typed by `action` (the list's vocabulary, e.g. "ban_production",
// "import_export_permit_then_ban", "product_content_limit").
struct Measure {
    std::string action;
    std::string action_zh;
    std::string text_zh;
    std::string text_en;
    Date effective_from;
    std::optional<Date> ban_from;  // a later, stricter step (e.g. import/export banned from)
    std::string standard;          // cited standards, if any
    std::vector<ExemptedUse> exempted_uses;
    std::string exemption_end_note;
    std::vector<ContentLimit> limits;
    std::string source;  // where this wording comes from, when not the edition's source
    // Not the list's own wording: inferred because the measures text was not loaded (see
    // Entry::measures_status). Shown to users as such.
    bool assumed = false;
};

// A named sub-substance of an entry (e.g. entry 14 "已淘汰类" has ten).
struct EntryMember {
    std::string id;
    std::string name_zh;
    std::string name_en;
    std::vector<std::string> cas_numbers;
};

struct Entry {
    std::string key;  // stable within the list across editions: "1", "PC001", "POP21"
    std::string name_zh;
    std::string name_en;
    std::string abbreviation;
    std::string category;
    std::string category_zh;
    std::vector<std::string> cas_numbers;        // canonical CAS, explicit members
    std::vector<std::string> structure_classes;  // class ids whose match makes a member
    std::vector<EntryMember> members;
    std::vector<Measure> measures;
    std::string measures_status;  // non-empty: the measures text was not loaded, and why
    std::string notes;
    std::string confidence;       // of the source data: "high", "medium", "low"
    std::string attributes_json;  // other fields of the source, as a JSON object ("{}" if none)
};

struct Edition {
    std::string list_id;  // e.g. "key_controlled"
    std::string list_name_zh;
    std::string list_name_en;
    std::string edition;  // label, unique within the list, e.g. "2023"
    Date effective_date;
    std::string legal_basis;
    std::string source;
    std::string source_url;
    std::string notes;
    std::vector<Entry> entries;
};

// Returns a fingerprint of everything in `edition` (FNV-1a 64 of its canonical JSON, 16 hex
// digits), so that loading the same edition twice is recognised as no change.
std::string ComputeContentHash(const Edition& edition);

}  // namespace npgov::lists
