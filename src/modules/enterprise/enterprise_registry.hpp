// The registry of regulated enterprises: identity (unified social credit code), county,
// industry, park, location, contact and the flags later modules set (roster, key discharge
// unit, soil key supervision, mandatory clean-production audit). Every read is scoped so that
// an enterprise user sees only their own enterprise and a county officer only their county.
// Bulk import/export (CSV, xlsx): enterprise_import.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/reference/reference.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::enterprise {

// Flags set by the plan's other work streams (DESIGN.md 三(一), 三(五), 三(八)).
struct EnterpriseFlags {
    bool on_roster = false;                         // 重点管控新污染物企业名录
    bool key_discharge_unit = false;                // 重点排污单位
    bool soil_key_supervision = false;              // 土壤污染重点监管单位
    bool mandatory_clean_production_audit = false;  // 强制性清洁生产审核

    friend bool operator==(const EnterpriseFlags&, const EnterpriseFlags&) = default;
};

struct Enterprise {
    std::int64_t id = 0;
    std::string uscc;
    std::string name;
    std::string region_code;
    std::string industry_code;
    std::string address;
    std::optional<double> latitude;
    std::optional<double> longitude;
    bool synthetic = false;  // generated demo data, never a real enterprise
    std::string created_at;
    std::string updated_at;
    std::string park;           // industrial park (工业园区), "" if none
    std::string contact_name;   // environmental contact person
    std::string contact_phone;  // as validated by ParseContactPhone
    EnterpriseFlags flags;
};

struct NewEnterprise {
    std::string uscc;  // validated (GB 32100-2015) and stored normalised
    std::string name;
    std::string region_code;    // must be a loaded region
    std::string industry_code;  // must be a loaded industry class
    std::string address;
    std::optional<double> latitude;
    std::optional<double> longitude;
    bool synthetic = false;
    std::string park;
    std::string contact_name;   // at most 50 characters
    std::string contact_phone;  // "" or a phone number (ParseContactPhone)
    EnterpriseFlags flags;
};

struct Coordinates {
    std::optional<double> latitude;  // both or neither
    std::optional<double> longitude;
};

// A partial update: only the members that hold a value change.
struct EnterpriseChanges {
    std::optional<std::string> name;
    std::optional<std::string> region_code;
    std::optional<std::string> industry_code;
    std::optional<std::string> park;
    std::optional<std::string> address;
    std::optional<Coordinates> coordinates;
    std::optional<std::string> contact_name;
    std::optional<std::string> contact_phone;
    std::optional<bool> on_roster;
    std::optional<bool> key_discharge_unit;
    std::optional<bool> soil_key_supervision;
    std::optional<bool> mandatory_clean_production_audit;
};

// What the caller may change: enterprise users their contact fields, officers everything.
enum class EditRights { kContactOnly, kFull };

// Which enterprises a reader may see; empty members mean "no restriction".
struct EnterpriseScope {
    std::optional<std::string> region_code;
    std::optional<std::int64_t> enterprise_id;
};

struct EnterpriseQuery {
    std::optional<std::string> text;  // substring of name or USCC
    std::optional<std::string> region_code;
};

struct CodeCount {
    std::string code;
    std::int64_t count = 0;
};

class EnterpriseRegistry {
public:
    EnterpriseRegistry(store::Database& db, reference::ReferenceData& reference, audit::AuditLog& audit,
                       const Clock& clock)
        : db_(db), reference_(reference), audit_(audit), clock_(clock) {}

    // Validates and stores a new enterprise, with an audit entry by `actor`.
    // Errors: kInvalidArgument (uscc.*, name, coordinates), kNotFound (region.unknown,
    // industry.unknown), kAlreadyExists ("enterprise.uscc_taken").
    Result<Enterprise> Create(const NewEnterprise& input, const std::string& actor);

    // kNotFound "enterprise.unknown" when absent.
    Result<Enterprise> Find(std::int64_t id);

    // As Find, but an enterprise outside `scope` is reported as absent (kNotFound), so that
    // out-of-scope ids are not confirmed to exist.
    Result<Enterprise> FindInScope(std::int64_t id, const EnterpriseScope& scope);

    // Applies `changes` to an enterprise within `scope` (outside it: kNotFound), validated as
    // Create, with an audit entry holding before and after. Unchanged values write nothing.
    // Errors: those of Create, kNotFound "enterprise.unknown", kPermissionDenied
    // "enterprise.contact_only" (field named) when `rights` is kContactOnly and a
    // non-contact member is set.
    Result<Enterprise> Update(std::int64_t id, const EnterpriseChanges& changes, EditRights rights,
                              const EnterpriseScope& scope, const std::string& actor);

    // Every enterprise in scope whose industry is one of `industry_codes` (all industries when
    // empty), ordered by id. For campaign scoping (about 10^3 rows per city).
    Result<std::vector<Enterprise>> ListAll(const EnterpriseScope& scope,
                                            const std::vector<std::string>& industry_codes = {});

    // The enterprise with this USCC (any spelling Uscc::Parse accepts), or nullopt.
    Result<std::optional<Enterprise>> FindByUscc(std::string_view uscc);

    // True if any synthetic (demo) enterprise is stored. Also serves as a database liveness check.
    Result<bool> HasSyntheticData();

    // Ordered by id. Errors: those of the store.
    Result<Page<Enterprise>> List(const EnterpriseQuery& query, const EnterpriseScope& scope,
                                  const PageRequest& page);

    // Enterprise counts per region / per industry class within the scope.
    Result<std::vector<CodeCount>> CountByRegion(const EnterpriseScope& scope);
    Result<std::vector<CodeCount>> CountByIndustry(const EnterpriseScope& scope);

private:
    store::Database& db_;
    reference::ReferenceData& reference_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

// Validates a contact phone: 7–20 characters of digits, spaces, '-', '+', '(', ')' with 7–15
// digits (full-width folded); returns it trimmed, "" for blank. kInvalidArgument
// "enterprise.phone" (field "contact_phone").
Result<std::string> ParseContactPhone(std::string_view text);

std::vector<store::Migration> Migrations();

}  // namespace npgov::enterprise
