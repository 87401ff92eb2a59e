// The hash-chained audit log: every write in npgov appends one entry inside the writer's own
// transaction, so the entry exists exactly when the change does. Each entry's hash commits to
// the previous entry's hash and to its own content (SHA-256), so editing or deleting any row
// breaks the chain at that row, which Verify reports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::audit {

inline constexpr std::string_view kChainVersion = "sha256-v1";
// The prev_hash of the first entry.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What changed. before/after are JSON documents (text) or absent for create/delete.
struct Change {
    std::string actor;      // username, or "system:<task>" for unattended work
    std::string action;     // dotted verb, e.g. "user.create"
    std::string entity;     // e.g. "user"
    std::string entity_id;  // e.g. "5"
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
};

struct Entry {
    std::int64_t seq = 0;
    std::string at;  // ISO 8601 UTC
    Change change;
    std::string prev_hash;
    std::string hash;
};

struct EntryFilter {
    std::optional<std::string> actor;
    std::optional<std::string> action;
};

struct VerifyReport {
    bool ok = true;
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_broken_seq;
    std::string reason;  // English, why the first broken link is broken
};

class AuditLog {
public:
    AuditLog(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

    // Appends `change` using `connection`, which must be inside a write transaction that
    // the caller commits. Errors: those of the store.
    Status Append(store::Connection& connection, const Change& change);

    // Newest first. Errors: those of the store.
    Result<Page<Entry>> List(const EntryFilter& filter, const PageRequest& page);

    // Recomputes the chain from the first entry. A broken chain is a report, not an error;
    // errors are those of the store.
    Result<VerifyReport> Verify();

    // Number of entries.
    Result<std::int64_t> Count();

private:
    store::Database& db_;
    const Clock& clock_;
};

// The hash of an entry given its content and the previous hash (hex SHA-256). Exposed for
// tests and for external verifiers.
std::string ComputeEntryHash(std::int64_t seq, const std::string& at, const Change& change,
                             const std::string& prev_hash);

// The module's schema migrations.
std::vector<store::Migration> Migrations();

}  // namespace npgov::audit
