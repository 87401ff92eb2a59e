// The existing-substance inventory (中国现有化学物质名录, IECSC) as the bureau holds it, and the
// registration records of new chemical substances (MEE Order No. 12, 2020). Together they
// decide the "new chemical substance" flag of plan section 三(二): a substance neither in the
// IECSC nor registered. Imports replace the whole inventory, all or nothing, audited.
//
// IECSC file columns (CSV UTF-8/GBK or xlsx; aliases as in substance_rows.hpp):
//   cas      CAS | CAS号 | CAS No. | CAS RN          (or serial for a confidential entry)
//   serial   流水号                                   (IECSC serial number)
//   name_zh  中文名称 | 中文名,  name_en  英文名称 | 英文名     (at least one per row)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "store/database.hpp"

namespace npgov::substance {

struct IecscImportReport {
    std::int64_t rows = 0;          // data rows read
    std::int64_t entries = 0;       // entries stored (all-or-nothing)
    std::int64_t with_cas = 0;
    std::int64_t replaced = 0;      // entries of the previous copy replaced
    std::vector<Error> errors;      // every invalid row (nothing stored if any)
    std::vector<Error> warnings;    // e.g. a CAS listed twice (kept once)
    std::int64_t errors_omitted = 0;  // errors beyond the first 1000, counted only
    bool committed = false;
    std::string encoding;  // "utf-8" or "gbk" (CSV), "xlsx"
};

struct IecscStatus {
    bool loaded = false;
    std::int64_t entries = 0;
    std::string file_name;
    std::string imported_at;
    std::string imported_by;
    bool synthetic = false;  // a test copy, not the bureau's
};

enum class RegistrationKind { kRegular, kSimplified, kFiling };  // 常规登记, 简易登记, 备案
std::string_view ToString(RegistrationKind kind);
// Errors: kInvalidArgument "registration.kind" (field "kind").
Result<RegistrationKind> ParseRegistrationKind(std::string_view text);

struct Registration {
    std::int64_t id = 0;
    std::string cas;
    RegistrationKind kind = RegistrationKind::kRegular;
    std::string reference_no;  // 登记证号 / 备案回执号
    std::string holder;        // the registrant
    std::string registered_on;  // YYYY-MM-DD
    std::string source;
    std::string created_at;
};

struct NewRegistration {
    std::string cas;
    RegistrationKind kind = RegistrationKind::kRegular;
    std::string reference_no;
    std::string holder;
    std::string registered_on;
    std::string source;
};

// Whether a substance counts as a "new chemical substance" (三(二)).
enum class NewSubstanceState {
    kUnknown,     // cannot tell: IECSC not loaded, or no CAS number to look up
    kExisting,    // listed in the IECSC
    kRegistered,  // not listed, but registered / filed
    kNew,         // neither: a new chemical substance without registration
};
std::string_view ToString(NewSubstanceState state);

struct NewSubstanceStatus {
    NewSubstanceState state = NewSubstanceState::kUnknown;
    std::vector<std::string> iecsc_cas;     // the substance's CAS numbers found in the IECSC
    std::vector<Registration> registrations;
    std::string reason_zh;
    std::string reason_en;
};

class Inventory {
public:
    Inventory(store::Database& db, audit::AuditLog& audit, const Clock& clock) : db_(db), audit_(audit), clock_(clock) {}

    // Reads the file (`bytes`), checks every row and, if all are valid and not `dry_run`,
    // replaces the stored inventory in one transaction with one audit entry. Errors (nothing
    // changed): those of tabular::ReadTable (tabular.empty, tabular.encoding, too large …),
    // kInvalidArgument "iecsc.columns"; row problems are in the report.
    Result<IecscImportReport> ImportIecsc(std::string_view bytes, const std::string& file_name, bool synthetic,
                                          bool dry_run, const std::string& actor);

    Result<IecscStatus> Status();

    // Records a registration (audited). Errors: kInvalidArgument (cas.*, registration.*, date.*).
    Result<Registration> AddRegistration(const NewRegistration& input, const std::string& actor);
    Result<std::vector<Registration>> RegistrationsOf(const std::vector<std::string>& cas_numbers);

    // The new-substance state of a substance with these CAS numbers.
    Result<NewSubstanceStatus> Assess(const std::vector<std::string>& cas_numbers);

private:
    store::Database& db_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace npgov::substance
