// The stored regulatory lists: every edition of every list, loaded from the sourced files of
// data/lists/ (LoadListManifest) and kept side by side, so that a new edition can be loaded
// beside the old one and the two compared. Writes are audited; reads are cached per process
// and refreshed when another process loads an edition.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/lists/list_model.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::lists {

struct EditionInfo {
    std::string edition;
    Date effective_date;
    std::string legal_basis;
    std::string source;
    std::string source_url;
    std::string notes;
    std::int64_t entries = 0;
    std::int64_t measures = 0;
    std::string content_hash;
    std::string loaded_at;
    std::string loaded_by;
};

struct ListInfo {
    std::string id;
    std::string name_zh;
    std::string name_en;
    std::vector<EditionInfo> editions;  // by effective date, oldest first
};

enum class SaveOutcome { kCreated, kReplaced, kUnchanged };
std::string_view ToString(SaveOutcome outcome);

class ListRegistry {
public:
    ListRegistry(store::Database& db, audit::AuditLog& audit, const Clock& clock)
        : db_(db), audit_(audit), clock_(clock) {}

    // Stores `edition` beside the list's other editions, in one transaction with an audit
    // entry. The same list and edition label again: unchanged when the content is the same,
    // else replaced (audited with the old and new content hash). Errors: those of the store.
    Result<SaveOutcome> SaveEdition(const Edition& edition, const std::string& actor);

    // Every list with its editions, by id.
    Result<std::vector<ListInfo>> ListLists();
    // kNotFound "lists.unknown" (field "list_id").
    Result<ListInfo> FindList(std::string_view list_id);

    // One edition with its entries; the newest (latest effective date) when `edition` is
    // empty. kNotFound "lists.unknown", "lists.edition_unknown" (field "edition").
    Result<Edition> FindEdition(std::string_view list_id, std::string_view edition = {});

    // Every stored edition with its entries (shared, immutable snapshot, cached).
    Result<std::shared_ptr<const std::vector<Edition>>> AllEditions();

private:
    store::Database& db_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    std::mutex cache_mutex_;
    std::string cache_signature_;
    std::shared_ptr<const std::vector<Edition>> cache_;
};

// The edition of one list that applies on `date`: the latest whose effective date is on or
// before `date`; nullptr when none is in force yet. `editions` holds any lists' editions.
const Edition* EditionInForce(const std::vector<Edition>& editions, std::string_view list_id, Date date);

std::vector<store::Migration> Migrations();

}  // namespace npgov::lists
