// Monitoring sites (监测点位): drinking-water sources, river sections, park outfalls, treatment
// plants, soil, sediment and air points, each in a loaded county. Reads are scoped: a user with
// a county scope sees only that county's sites; sites outside the scope are reported absent.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/monitoring/model.hpp"
#include "modules/reference/reference.hpp"
#include "store/database.hpp"

namespace npgov::monitoring {

struct Site {
    std::int64_t id = 0;
    std::string code;  // unique, as labs write it in their files
    std::string name;
    SiteType type = SiteType::kRiverSection;
    std::string region_code;  // a loaded region (county or development zone)
    std::string water_body;   // river, reservoir or aquifer; may be empty
    std::optional<double> latitude;
    std::optional<double> longitude;
    bool synthetic = false;  // generated demo data, never a real site
    std::string created_at;
    std::string updated_at;
};

struct NewSite {
    std::string code;  // 1–40 characters: letters, digits, '-', '_', '.'; stored upper-cased
    std::string name;  // 1–200 bytes
    SiteType type = SiteType::kRiverSection;
    std::string region_code;
    std::string water_body;
    std::optional<double> latitude;   // WGS 84; both or neither
    std::optional<double> longitude;
    bool synthetic = false;
};

// Which sites a reader may see: empty means the whole city.
struct SiteScope {
    std::optional<std::string> region_code;
};

struct SiteQuery {
    std::optional<SiteType> type;
    std::optional<std::string> region_code;
    std::optional<std::string> text;  // substring of code or name
};

// Normalises a site code as stored: trimmed, full-width folded, ASCII upper-cased.
std::string NormaliseSiteCode(std::string_view code);

class SiteRegistry {
public:
    SiteRegistry(store::Database& db, reference::ReferenceData& reference, audit::AuditLog& audit, const Clock& clock)
        : db_(db), reference_(reference), audit_(audit), clock_(clock) {}

    // Validates and stores a site, audited as "monitoring.site.create" by `actor`, whose scope
    // must contain the site's region. Errors: kInvalidArgument "monitoring.site_code",
    // "monitoring.site_name", "monitoring.coordinates"; kNotFound "region.unknown";
    // kPermissionDenied "monitoring.out_of_scope"; kAlreadyExists "monitoring.site_code_taken".
    Result<Site> Create(const NewSite& input, const SiteScope& scope, const std::string& actor);

    // kNotFound "monitoring.site_unknown" (field "site_id") when absent or outside `scope`.
    Result<Site> Find(std::int64_t id, const SiteScope& scope = {});

    // The sites with the given (normalised) codes that lie in `scope`, by code; codes not
    // found are simply absent from the map.
    Result<std::map<std::string, Site>> FindByCodes(const std::vector<std::string>& codes, const SiteScope& scope);

    // Ordered by code. Errors: those of the store.
    Result<Page<Site>> List(const SiteQuery& query, const SiteScope& scope, const PageRequest& page);

private:
    store::Database& db_;
    reference::ReferenceData& reference_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace npgov::monitoring
