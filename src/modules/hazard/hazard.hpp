// The hazard module (action plan 二(三), issue 6 "Hazard data"): physical-chemical and fate
// properties, ecotoxicity endpoints and classifications per registered substance, each value
// measured (with its source and reliability) or estimated (with its method), imported from CSV
// or xlsx all-or-nothing or entered one by one, every write audited. Reads give a substance's
// HazardProfile (profile.hpp): the selected value per property and why, and the estimates
// computed from its structure, which never overwrite measured values.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/hazard/hazard_file.hpp"
#include "modules/hazard/profile.hpp"
#include "modules/hazard/structure_facts.hpp"
#include "modules/substance/substance_registry.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::hazard {

enum class ImportMode { kCommit, kDryRun };  // kDryRun: check everything, write nothing

struct ImportRequest {
    std::string_view bytes;  // the file as uploaded (CSV UTF-8/GBK or xlsx)
    std::string file_name;   // for the record only
    ImportMode mode = ImportMode::kCommit;
    std::size_t max_bytes = 16u << 20;
    std::size_t max_rows = 200'000;
};

struct ImportReport {
    std::int64_t import_id = 0;  // 0 unless committed
    std::string sha256;
    std::string file_name;
    std::string format;  // "csv-utf8", "csv-gbk" or "xlsx"
    std::int64_t rows = 0;
    std::int64_t properties = 0, ecotox = 0, classifications = 0;  // records stored (or that would be)
    std::int64_t substances = 0;                                   // distinct substances named
    // Every problem (row and field set); nothing stored if any. Beyond the row checks of
    // hazard_file.hpp: "hazard.substance_unknown" (the CAS number is not in the substance
    // registry), "hazard.duplicate_row" (the same record twice in the file), "hazard.duplicate"
    // (already stored; the message names the stored record's import or entry).
    std::vector<Error> errors;
    std::int64_t errors_omitted = 0;
    bool committed = false;
    bool dry_run = false;
};

class HazardData {
public:
    HazardData(store::Database& db, substance::SubstanceRegistry& substances, audit::AuditLog& audit, const Clock& clock)
        : db_(db), substances_(substances), audit_(audit), clock_(clock) {}

    // Reads and checks the file, then stores every record (unless a dry run) in one transaction
    // with one audit entry "hazard.import" by `actor`. Row problems are in the report
    // (committed = false, nothing stored). Errors (nothing stored): those of tabular::ReadTable;
    // kInvalidArgument "hazard.columns", "hazard.no_rows"; kAlreadyExists "hazard.import_duplicate"
    // (the same bytes were imported before; the message names that import); those of the store.
    Result<ImportReport> Import(const ImportRequest& request, const std::string& actor);

    // Stores one entry for the substance, audited as "hazard.property.create" (…ecotox…,
    // …classification…) by `actor`. Errors: kNotFound "substance.unknown" (field "id");
    // kInvalidArgument: the first problem of the Validate… function (all of them are in the
    // message when there are several); kAlreadyExists "hazard.duplicate"; those of the store.
    Result<PropertyValue> AddProperty(std::int64_t substance_id, const NewPropertyValue& entry, const std::string& actor);
    Result<EcotoxRecord> AddEcotox(std::int64_t substance_id, const NewEcotox& entry, const std::string& actor);
    Result<ClassificationRecord> AddClassification(std::int64_t substance_id, const NewClassification& entry,
                                                   const std::string& actor);

    // The substance's profile. Errors: kNotFound "substance.unknown"; those of the store. A
    // structure the chemistry engine cannot read gives a profile without structure estimates.
    Result<HazardProfile> LoadProfile(std::int64_t substance_id);
    Result<HazardProfile> LoadProfile(const substance::Substance& substance);

    // Profiles of many substances at once (for screening the registry): records are read in
    // batches, structure facts are cached per SMILES. Keyed by substance id; every given
    // substance has an entry. Errors: those of the store.
    Result<std::map<std::int64_t, HazardProfile>> LoadProfiles(std::span<const substance::Substance> substances);

    // The ids of the substances with any stored hazard record, ascending.
    Result<std::vector<std::int64_t>> SubstancesWithData();

private:
    Result<std::optional<StructureFacts>> FactsOf(const substance::Substance& substance);

    store::Database& db_;
    substance::SubstanceRegistry& substances_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    StructureFactsCache facts_;
};

// Migrations 40–42: imports and property values; ecotoxicity; classifications.
std::vector<store::Migration> Migrations();

}  // namespace npgov::hazard
