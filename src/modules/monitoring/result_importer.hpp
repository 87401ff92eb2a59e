// Imports a laboratory's result file: every row checked (lab_file.hpp), then the sampling
// events, samples and results written in one transaction with one audit entry that names the
// file by its SHA-256 — or nothing written at all. A file whose bytes were imported before is
// refused as a duplicate; so is a result already stored for the same sample and substance.
// Results name their substance by CAS number; where a substance registry is wired in
// (SubstanceLookup), each result also records the registry's substance id.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/monitoring/site_registry.hpp"
#include "store/database.hpp"

namespace npgov::monitoring {

enum class ImportMode { kCommit, kDryRun };  // kDryRun: check everything, write nothing

struct ImportRequest {
    std::string_view bytes;       // the file as uploaded (CSV UTF-8/GBK or xlsx)
    std::string file_name;        // as the user named it; for the record only
    std::string laboratory;       // default for rows without a laboratory; may be empty
    ImportMode mode = ImportMode::kCommit;
    bool synthetic = false;       // generated demo data
    std::size_t max_bytes = 64u << 20;
    std::size_t max_rows = 1'000'000;
};

struct ImportReport {
    std::int64_t import_id = 0;  // 0 unless committed
    std::string sha256;          // of the file's bytes
    std::string file_name;
    std::string format;          // "csv-utf8", "csv-gbk" or "xlsx"
    std::int64_t rows = 0;       // data rows read
    std::int64_t results = 0;    // results stored (or that would be, in a dry run)
    std::int64_t censored = 0;   // of which non-detects / DNQ
    std::int64_t sites = 0;      // distinct sites named
    std::int64_t events_created = 0, events_reused = 0;
    std::int64_t samples_created = 0, samples_reused = 0;
    std::string first_date, last_date;  // sampling dates, ISO
    std::vector<std::string> laboratories;
    std::vector<Error> errors;  // row problems (row and field set); nothing stored if any
    // Stored anyway: "monitoring.substance_unregistered", one per valid CAS number the
    // substance registry does not hold (row = its first row). Monitoring is how new
    // substances come to attention, so a result is not refused for being unlisted.
    std::vector<Error> warnings;
    std::int64_t errors_omitted = 0;  // beyond the first 1000
    bool committed = false;
    bool dry_run = false;
};

// The substance registry's id for a canonical CAS number, nullopt when it holds none.
using SubstanceLookup = std::function<Result<std::optional<std::int64_t>>(const std::string& cas)>;

class ResultImporter {
public:
    ResultImporter(store::Database& db, SiteRegistry& sites, audit::AuditLog& audit, const Clock& clock)
        : db_(db), sites_(sites), audit_(audit), clock_(clock) {}

    // Wires in the substance registry (by the composition root, before any import). Without
    // one, results keep their CAS number only and no warnings are given.
    void SetSubstanceLookup(SubstanceLookup lookup) { lookup_ = std::move(lookup); }

    // Reads and checks the file, then stores it (unless a dry run) as one import, audited as
    // "monitoring.import" by `actor`. Only sites within `scope` may be named. Row problems are
    // returned in the report (committed = false, nothing stored). Errors (nothing stored):
    // those of the substance lookup;
    // those of tabular::ReadTable; kInvalidArgument "monitoring.columns"; kAlreadyExists
    // "monitoring.import_duplicate" (the same bytes were imported before; the message names
    // that import); those of the store.
    Result<ImportReport> Import(const ImportRequest& request, const SiteScope& scope, const std::string& actor);

private:
    store::Database& db_;
    SiteRegistry& sites_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    SubstanceLookup lookup_;
};

}  // namespace npgov::monitoring
