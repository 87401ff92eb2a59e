#include "modules/lists/list_registry.hpp"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "modules/lists/list_codec.hpp"
#include "store/transaction.hpp"

namespace npgov::lists {
namespace {

using nlohmann::json;

constexpr const char* kUpsertList =
    "INSERT INTO reg_lists (id, name_zh, name_en, updated_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
    "updated_at = excluded.updated_at";
constexpr const char* kFindEditionRow =
    "SELECT id, content_hash, (SELECT COUNT(*) FROM list_entries WHERE edition_id = list_editions.id) "
    "FROM list_editions WHERE list_id = ? AND edition = ?";
constexpr const char* kInsertEdition =
    "INSERT INTO list_editions (list_id, edition, effective_date, legal_basis, source, source_url, notes, "
    "content_hash, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertEntry =
    "INSERT INTO list_entries (edition_id, ordinal, entry_key, name_zh, name_en, abbreviation, category, "
    "category_zh, measures_status, notes, confidence, members_json, attributes_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertCas = "INSERT INTO list_entry_cas (entry_id, cas, ordinal) VALUES (?, ?, ?)";
constexpr const char* kInsertClass = "INSERT INTO list_entry_classes (entry_id, class_id, ordinal) VALUES (?, ?, ?)";
constexpr const char* kInsertMeasure =
    "INSERT INTO list_measures (entry_id, ordinal, action, effective_from, document) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kEntriesOfEdition = "SELECT id FROM list_entries WHERE edition_id = ?";
constexpr const char* kSelectLists = "SELECT id, name_zh, name_en FROM reg_lists";
constexpr const char* kSelectEditionInfo =
    "SELECT e.list_id, e.edition, e.effective_date, e.legal_basis, e.source, e.source_url, e.notes, "
    "(SELECT COUNT(*) FROM list_entries n WHERE n.edition_id = e.id), "
    "(SELECT COUNT(*) FROM list_measures m JOIN list_entries n ON n.id = m.entry_id WHERE n.edition_id = e.id), "
    "e.content_hash, e.loaded_at, e.loaded_by FROM list_editions e";
constexpr const char* kSelectEditions =
    "SELECT e.id, e.list_id, l.name_zh, l.name_en, e.edition, e.effective_date, e.legal_basis, e.source, "
    "e.source_url, e.notes FROM list_editions e JOIN reg_lists l ON l.id = e.list_id";
constexpr const char* kSelectEntries =
    "SELECT n.id, n.edition_id, n.entry_key, n.name_zh, n.name_en, n.abbreviation, n.category, n.category_zh, "
    "n.measures_status, n.notes, n.confidence, n.members_json, n.attributes_json FROM list_entries n";
constexpr const char* kSelectCas =
    "SELECT c.entry_id, c.cas FROM list_entry_cas c JOIN list_entries n ON n.id = c.entry_id";
constexpr const char* kSelectClasses =
    "SELECT c.entry_id, c.class_id FROM list_entry_classes c JOIN list_entries n ON n.id = c.entry_id";
constexpr const char* kSelectMeasures =
    "SELECT m.entry_id, m.document FROM list_measures m JOIN list_entries n ON n.id = m.entry_id";
constexpr const char* kSignature = "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM list_editions";

Error Corrupt(const std::string& what) {
    return MakeError(ErrorCode::kDataLoss, "lists.stored", "数据库中的名录数据无法解析：" + what,
                     "stored list data cannot be read: " + what).value();
}

Result<Date> StoredDate(const std::string& text) {
    auto date = Date::Parse(text);
    if (!date) return tl::unexpected(Corrupt("date " + text));
    return *date;
}

Status DeleteEdition(store::Connection& c, std::int64_t edition_id) {
    for (const char* table : {"list_entry_cas", "list_entry_classes", "list_measures"}) {
        NPGOV_RETURN_IF_ERROR(store::Execute(c, std::string("DELETE FROM ") + table + " WHERE entry_id IN (" +
                                                    kEntriesOfEdition + ")", {edition_id}));
    }
    NPGOV_RETURN_IF_ERROR(store::Execute(c, "DELETE FROM list_entries WHERE edition_id = ?", {edition_id}));
    NPGOV_RETURN_IF_ERROR(store::Execute(c, "DELETE FROM list_editions WHERE id = ?", {edition_id}));
    return Ok();
}

Status InsertEntries(store::Connection& c, std::int64_t edition_id, const Edition& edition) {
    std::int64_t ordinal = 0;
    for (const auto& e : edition.entries) {
        json members = json::array();
        for (const auto& m : e.members) members.push_back(codec::ToFileJson(m));
        NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(c, kInsertEntry,
                                                       {edition_id, ++ordinal, e.key, e.name_zh, e.name_en,
                                                        e.abbreviation, e.category, e.category_zh, e.measures_status,
                                                        e.notes, e.confidence, members.dump(), e.attributes_json}));
        const std::int64_t entry_id = rows.rows.at(0).Int(0);
        std::int64_t cas_ordinal = 0;
        for (const auto& cas : e.cas_numbers) {
            NPGOV_RETURN_IF_ERROR(store::Execute(c, kInsertCas, {entry_id, cas, ++cas_ordinal}));
        }
        std::int64_t class_ordinal = 0;
        for (const auto& id : e.structure_classes) {
            NPGOV_RETURN_IF_ERROR(store::Execute(c, kInsertClass, {entry_id, id, ++class_ordinal}));
        }
        std::int64_t measure_ordinal = 0;
        for (const auto& m : e.measures) {
            NPGOV_RETURN_IF_ERROR(store::Execute(c, kInsertMeasure, {entry_id, ++measure_ordinal, m.action,
                                                                     m.effective_from.ToIsoString(),
                                                                     codec::ToFileJson(m).dump()}));
        }
    }
    return Ok();
}

EditionInfo EditionInfoFromRow(const store::Row& row) {
    EditionInfo info;
    info.edition = row.Text(1);
    info.effective_date = Date::Parse(row.Text(2)).value_or(Date{});
    info.legal_basis = row.Text(3);
    info.source = row.Text(4);
    info.source_url = row.Text(5);
    info.notes = row.Text(6);
    info.entries = row.Int(7);
    info.measures = row.Int(8);
    info.content_hash = row.Text(9);
    info.loaded_at = row.Text(10);
    info.loaded_by = row.Text(11);
    return info;
}

// Loads the editions selected by `where` (on list_editions e) with their entries.
Result<std::vector<Edition>> LoadEditions(store::Connection& c, const std::string& where,
                                          const std::vector<store::Value>& params) {
    NPGOV_ASSIGN_OR_RETURN(auto edition_rows,
                           c.Query(std::string(kSelectEditions) + where + " ORDER BY e.list_id, e.effective_date, e.id",
                                   params));
    std::vector<Edition> out;
    std::map<std::int64_t, std::size_t> edition_index;
    for (const auto& row : edition_rows.rows) {
        Edition ed;
        ed.list_id = row.Text(1);
        ed.list_name_zh = row.Text(2);
        ed.list_name_en = row.Text(3);
        ed.edition = row.Text(4);
        NPGOV_ASSIGN_OR_RETURN(ed.effective_date, StoredDate(row.Text(5)));
        ed.legal_basis = row.Text(6);
        ed.source = row.Text(7);
        ed.source_url = row.Text(8);
        ed.notes = row.Text(9);
        edition_index[row.Int(0)] = out.size();
        out.push_back(std::move(ed));
    }
    if (out.empty()) return out;
    // Entries and their parts of the selected editions, in one query each.
    const std::string entry_where = " WHERE n.edition_id IN (SELECT e.id FROM list_editions e" + where + ")";
    NPGOV_ASSIGN_OR_RETURN(auto entry_rows, c.Query(std::string(kSelectEntries) + entry_where + " ORDER BY n.ordinal", params));
    std::map<std::int64_t, Entry*> entries;
    // Pointers into the entry vectors stay valid: none grows beyond this capacity.
    for (auto& ed : out) ed.entries.reserve(entry_rows.rows.size());
    for (const auto& row : entry_rows.rows) {
        const auto found = edition_index.find(row.Int(1));
        if (found == edition_index.end()) continue;
        Entry e;
        e.key = row.Text(2);
        e.name_zh = row.Text(3);
        e.name_en = row.Text(4);
        e.abbreviation = row.Text(5);
        e.category = row.Text(6);
        e.category_zh = row.Text(7);
        e.measures_status = row.Text(8);
        e.notes = row.Text(9);
        e.confidence = row.Text(10);
        auto members = json::parse(row.Text(11), nullptr, false);
        if (members.is_discarded() || !members.is_array()) return tl::unexpected(Corrupt("members of entry " + e.key));
        for (const auto& m : members) {
            NPGOV_ASSIGN_OR_RETURN(auto member, codec::ParseMember(m));
            e.members.push_back(std::move(member));
        }
        e.attributes_json = row.Text(12);
        auto& list = out[found->second].entries;
        list.push_back(std::move(e));
        entries[row.Int(0)] = &list.back();
    }
    NPGOV_ASSIGN_OR_RETURN(auto cas_rows, c.Query(std::string(kSelectCas) + entry_where + " ORDER BY c.entry_id, c.ordinal", params));
    for (const auto& row : cas_rows.rows) {
        if (auto e = entries.find(row.Int(0)); e != entries.end()) e->second->cas_numbers.push_back(row.Text(1));
    }
    NPGOV_ASSIGN_OR_RETURN(auto class_rows,
                           c.Query(std::string(kSelectClasses) + entry_where + " ORDER BY c.entry_id, c.ordinal", params));
    for (const auto& row : class_rows.rows) {
        if (auto e = entries.find(row.Int(0)); e != entries.end()) e->second->structure_classes.push_back(row.Text(1));
    }
    NPGOV_ASSIGN_OR_RETURN(auto measure_rows,
                           c.Query(std::string(kSelectMeasures) + entry_where + " ORDER BY m.entry_id, m.ordinal", params));
    for (const auto& row : measure_rows.rows) {
        auto e = entries.find(row.Int(0));
        if (e == entries.end()) continue;
        auto document = json::parse(row.Text(1), nullptr, false);
        if (document.is_discarded()) return tl::unexpected(Corrupt("measure of entry " + e->second->key));
        auto measure = codec::ParseMeasure(document, std::nullopt);
        if (!measure) return tl::unexpected(Corrupt("measure of entry " + e->second->key + ": " + measure.error().message_en));
        e->second->measures.push_back(std::move(*measure));
    }
    return out;
}

tl::unexpected<Error> UnknownList(std::string_view list_id) {
    return MakeError(ErrorCode::kNotFound, "lists.unknown", "没有名录 " + std::string(list_id),
                     "there is no list " + std::string(list_id), "list_id");
}

}  // namespace

std::string_view ToString(SaveOutcome outcome) {
    switch (outcome) {
        case SaveOutcome::kCreated: return "created";
        case SaveOutcome::kReplaced: return "replaced";
        case SaveOutcome::kUnchanged: return "unchanged";
    }
    return "unchanged";
}

Result<SaveOutcome> ListRegistry::SaveEdition(const Edition& edition, const std::string& actor) {
    const std::string hash = ComputeContentHash(edition);
    const std::string now = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing, store::QueryOne(*connection, kFindEditionRow, {edition.list_id, edition.edition}));
    if (existing && existing->Text(1) == hash) return SaveOutcome::kUnchanged;
    std::int64_t measures = 0;
    for (const auto& e : edition.entries) measures += static_cast<std::int64_t>(e.measures.size());
    const json after = {{"list_id", edition.list_id}, {"edition", edition.edition},
                        {"effective_date", edition.effective_date.ToIsoString()}, {"entries", edition.entries.size()},
                        {"measures", measures}, {"content_hash", hash}, {"source", edition.source}};
    std::optional<std::string> before;
    if (existing) {
        before = json{{"list_id", edition.list_id}, {"edition", edition.edition}, {"entries", existing->Int(2)},
                      {"content_hash", existing->Text(1)}}.dump();
        NPGOV_RETURN_IF_ERROR(DeleteEdition(*connection, existing->Int(0)));
    }
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, kUpsertList,
                                         {edition.list_id, edition.list_name_zh, edition.list_name_en, now}));
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, kInsertEdition,
                                                   {edition.list_id, edition.edition, edition.effective_date.ToIsoString(),
                                                    edition.legal_basis, edition.source, edition.source_url, edition.notes,
                                                    hash, now, actor}));
    NPGOV_RETURN_IF_ERROR(InsertEntries(*connection, rows.rows.at(0).Int(0), edition));
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, existing ? "lists.edition_replace" : "lists.edition_load",
                                                      "list_edition", edition.list_id + "@" + edition.edition, before,
                                                      after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return existing ? SaveOutcome::kReplaced : SaveOutcome::kCreated;
}

Result<std::vector<ListInfo>> ListRegistry::ListLists() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto list_rows, connection->Query(std::string(kSelectLists) + " ORDER BY id"));
    NPGOV_ASSIGN_OR_RETURN(auto edition_rows,
                           connection->Query(std::string(kSelectEditionInfo) + " ORDER BY e.list_id, e.effective_date, e.id"));
    std::vector<ListInfo> out;
    for (const auto& row : list_rows.rows) out.push_back({row.Text(0), row.Text(1), row.Text(2), {}});
    for (const auto& row : edition_rows.rows) {
        for (auto& list : out) {
            if (list.id == row.Text(0)) list.editions.push_back(EditionInfoFromRow(row));
        }
    }
    return out;
}

Result<ListInfo> ListRegistry::FindList(std::string_view list_id) {
    NPGOV_ASSIGN_OR_RETURN(auto lists, ListLists());
    for (auto& list : lists) {
        if (list.id == list_id) return std::move(list);
    }
    return UnknownList(list_id);
}

Result<Edition> ListRegistry::FindEdition(std::string_view list_id, std::string_view edition) {
    NPGOV_ASSIGN_OR_RETURN(auto info, FindList(list_id));
    if (info.editions.empty()) return UnknownList(list_id);
    std::string label(edition);
    if (label.empty()) label = info.editions.back().edition;
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto editions, LoadEditions(*connection, " WHERE e.list_id = ? AND e.edition = ?",
                                                       {std::string(list_id), label}));
    if (editions.empty()) {
        std::string known;
        for (const auto& e : info.editions) known += (known.empty() ? "" : ", ") + e.edition;
        return MakeError(ErrorCode::kNotFound, "lists.edition_unknown",
                         "名录 " + std::string(list_id) + " 没有版本 " + label + "（现有：" + known + "）",
                         "list " + std::string(list_id) + " has no edition " + label + " (it has: " + known + ")",
                         "edition");
    }
    return std::move(editions.front());
}

Result<std::shared_ptr<const std::vector<Edition>>> ListRegistry::AllEditions() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    auto read_signature = [&]() -> Result<std::string> {
        NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, kSignature));
        return std::to_string(row->Int(0)) + "/" + std::to_string(row->Int(1));
    };
    NPGOV_ASSIGN_OR_RETURN(auto signature, read_signature());
    {
        std::lock_guard lock(cache_mutex_);
        if (cache_ && cache_signature_ == signature) return cache_;
    }
    // Every save changes the signature (a new edition row), so an unchanged signature around
    // the reads means they saw one consistent state, even at READ COMMITTED.
    for (int attempt = 0;; ++attempt) {
        NPGOV_ASSIGN_OR_RETURN(auto editions, LoadEditions(*connection, "", {}));
        NPGOV_ASSIGN_OR_RETURN(auto after, read_signature());
        if (after != signature && attempt < 3) {
            signature = after;
            continue;
        }
        auto snapshot = std::make_shared<const std::vector<Edition>>(std::move(editions));
        if (after == signature) {
            std::lock_guard lock(cache_mutex_);
            cache_ = snapshot;
            cache_signature_ = signature;
        }
        return snapshot;
    }
}

const Edition* EditionInForce(const std::vector<Edition>& editions, std::string_view list_id, Date date) {
    const Edition* best = nullptr;
    for (const auto& e : editions) {
        if (e.list_id != list_id || e.effective_date > date) continue;
        if (!best || e.effective_date > best->effective_date) best = &e;
    }
    return best;
}

std::vector<store::Migration> Migrations() {
    return {{11, "lists", R"sql(
CREATE TABLE reg_lists (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE list_editions (
    id             {{id}},
    list_id        TEXT NOT NULL REFERENCES reg_lists (id),
    edition        TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    legal_basis    TEXT NOT NULL,
    source         TEXT NOT NULL,
    source_url     TEXT NOT NULL,
    notes          TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    loaded_at      TEXT NOT NULL,
    loaded_by      TEXT NOT NULL,
    UNIQUE (list_id, edition)
);
CREATE TABLE list_entries (
    id              {{id}},
    edition_id      BIGINT NOT NULL REFERENCES list_editions (id),
    ordinal         BIGINT NOT NULL,
    entry_key       TEXT NOT NULL,
    name_zh         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    abbreviation    TEXT NOT NULL,
    category        TEXT NOT NULL,
    category_zh     TEXT NOT NULL,
    measures_status TEXT NOT NULL,
    notes           TEXT NOT NULL,
    confidence      TEXT NOT NULL,
    members_json    TEXT NOT NULL,
    attributes_json TEXT NOT NULL,
    UNIQUE (edition_id, entry_key)
);
CREATE TABLE list_entry_cas (
    entry_id BIGINT NOT NULL REFERENCES list_entries (id),
    cas      TEXT NOT NULL,
    ordinal  BIGINT NOT NULL,
    PRIMARY KEY (entry_id, cas)
);
CREATE INDEX list_entry_cas_cas ON list_entry_cas (cas);
CREATE TABLE list_entry_classes (
    entry_id BIGINT NOT NULL REFERENCES list_entries (id),
    class_id TEXT NOT NULL,
    ordinal  BIGINT NOT NULL,
    PRIMARY KEY (entry_id, class_id)
);
CREATE TABLE list_measures (
    id             {{id}},
    entry_id       BIGINT NOT NULL REFERENCES list_entries (id),
    ordinal        BIGINT NOT NULL,
    action         TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    document       TEXT NOT NULL
);
CREATE INDEX list_measures_entry ON list_measures (entry_id, ordinal);
)sql"}};
}

}  // namespace npgov::lists
