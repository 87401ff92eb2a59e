// The substance registry: substances with validated CAS numbers, names and synonyms in
// Chinese and English, and structures whose identifiers the chemistry engine computes.
// Search by CAS, InChIKey, any name/synonym substring (trigram index, store/text_search) and
// by substructure (SMARTS over structures cached in memory). Imports and exports CSV (UTF-8
// or GBK) and xlsx; imports check every row and store all rows or none; every write is audited.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/substance/structure_cache.hpp"
#include "modules/substance/substance.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::substance {

inline constexpr std::size_t kMaxSmartsMatches = 1000;

struct SubstanceQuery {
    std::optional<std::string> text;    // a CAS number, an InChIKey, or a substring of a name/synonym/CAS
    std::optional<std::string> smarts;  // substructure pattern
};

struct SearchResult {
    Page<Substance> page;
    std::string matched_by;        // "all", "cas", "inchikey", "text", plus "+smarts"
    bool smarts_truncated = false;  // more than kMaxSmartsMatches structures match: refine the query
    std::int64_t smarts_scanned = 0;
    double elapsed_ms = 0;
};

struct ImportReport {
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::vector<Error> errors;    // every problem found (row/field set); nothing stored if any
    std::vector<Error> warnings;  // stored anyway (salts and mixtures, InChIKey mismatches)
    std::int64_t errors_omitted = 0;  // beyond the first 1000
    bool committed = false;
    std::string encoding;  // "utf-8", "gbk" or "xlsx"
};

enum class CsvEncoding { kUtf8, kGbk };

class SubstanceRegistry {
public:
    SubstanceRegistry(store::Database& db, audit::AuditLog& audit, const Clock& clock)
        : db_(db), audit_(audit), clock_(clock) {}

    // Reads a CSV (UTF-8 or GBK, detected) or xlsx file of substances (columns: see
    // substance_rows.hpp) and merges every row into the registry: a row whose CAS numbers
    // name a stored substance updates it (non-empty cells replace, CAS numbers and synonyms
    // are added), else a row without CAS but whose InChIKey is stored updates that one, else
    // a new substance is created. One transaction; nothing is stored when any row fails or
    // when `dry_run`. Errors (nothing stored): those of tabular::ReadTable, "substance.columns";
    // row problems (incl. "substance.cas_conflict": a row's CAS numbers name two stored
    // substances) are in the report.
    Result<ImportReport> Import(std::string_view bytes, bool dry_run, const std::string& actor);

    // kNotFound "substance.unknown" (field "id").
    Result<Substance> Find(std::int64_t id);
    Result<std::optional<Substance>> FindByCas(std::string_view cas);
    // Substances whose computed or supplied InChIKey equals `inchikey`.
    Result<std::vector<Substance>> FindByInchiKey(std::string_view inchikey);

    // Errors: kInvalidArgument "smarts.parse" (field "smarts"), "search.text" (over 200
    // characters, field "q"); those of the store.
    Result<SearchResult> Search(const SubstanceQuery& query, const PageRequest& page);

    // Every substance as CSV (re-importable), with a UTF-8 byte-order mark or in GBK (GB18030).
    Result<std::string> ExportCsv(CsvEncoding encoding);

    Result<std::int64_t> Count();
    // Every substance, by id, with its CAS numbers and synonyms (for screening the registry:
    // a handful of queries, not one per substance). Errors: those of the store.
    Result<std::vector<Substance>> ListAll();

    // A 2D depiction (SVG) of the substance's structure, or nullopt without one.
    Result<std::optional<std::string>> DepictSvg(const Substance& substance, int width = 300, int height = 200);

    // Brings the in-memory structure cache up to date (done by Search; exposed to warm it).
    Status RefreshStructures();

private:
    Result<std::vector<Substance>> LoadByIds(store::Connection& connection, const std::vector<std::int64_t>& ids);
    Status EnsureSearchIndex(store::Connection& connection);

    store::Database& db_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    StructureCache structures_;
    std::mutex search_index_mutex_;
    bool search_index_ready_ = false;
};

std::vector<store::Migration> Migrations();

}  // namespace npgov::substance
