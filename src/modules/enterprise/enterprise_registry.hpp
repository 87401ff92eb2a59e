// The registry of regulated enterprises: identity (unified social credit code), county,
// industry and location. Later modules add their flags; every read is scoped so that an
// enterprise user sees only their own enterprise and a county officer only their county.
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
};

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

std::vector<store::Migration> Migrations();

}  // namespace npgov::enterprise
