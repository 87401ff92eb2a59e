// Detection aggregates per substance and medium over every site in scope — samples, detects,
// sites, highest detected concentration and highest limit among the non-detects — computed in
// one grouping query, for screening a whole registry at once (modules/assessment). The
// censored-data statistics of one substance stay with ResultReader::Summarize.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/monitoring/model.hpp"
#include "modules/monitoring/site_registry.hpp"
#include "store/database.hpp"

namespace npgov::monitoring {

struct SubstanceDetection {
    std::string cas;
    std::optional<std::int64_t> substance_id;  // the registry's id recorded at import, if any
    std::string substance_name;                // as the labs named it (the greatest in text order)
    Medium medium = Medium::kWater;
    std::string unit;  // the medium's normalised unit (ng/L, μg/kg, ng/m³)
    std::int64_t samples = 0, detects = 0, sites = 0;
    std::optional<double> max_detected;         // highest detected value, normalised
    std::optional<double> max_nondetect_limit;  // highest censoring limit among non-detects
    std::string first_date, last_date;          // ISO sampling dates
    bool synthetic = false;                     // any result of the group came from a generated file
};

struct DetectionQuery {
    std::optional<std::string> cas;  // canonical; one substance
    std::optional<Date> from, to;    // sampling dates, inclusive
};

// One row per CAS number × medium × normalised unit, ordered by CAS and medium, over the sites
// of `scope`. Errors: kDataLoss "monitoring.stored_result" (a stored medium not understood);
// those of the store.
Result<std::vector<SubstanceDetection>> LoadSubstanceDetections(store::Database& db, const DetectionQuery& query,
                                                                const SiteScope& scope);

}  // namespace npgov::monitoring
