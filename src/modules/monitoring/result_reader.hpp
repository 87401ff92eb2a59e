// Reads stored monitoring results: the results of a site, the censored-data summaries per site
// and substance (or per substance over sites) computed by the stats engine, and time series for
// charts. Scoped like sites: results of sites outside the reader's county are not shown.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "engines/stats/censored_summary.hpp"
#include "engines/stats/exceedance.hpp"
#include "modules/monitoring/model.hpp"
#include "modules/monitoring/site_registry.hpp"
#include "store/database.hpp"

namespace npgov::monitoring {

struct StoredResult {
    std::int64_t id = 0;
    std::int64_t site_id = 0;
    std::int64_t sample_id = 0;
    std::string sampled_on;     // ISO date
    std::string sampling_time;  // "HH:MM" or ""
    Medium medium = Medium::kWater;
    std::string matrix;
    std::optional<double> depth_m;
    std::string cas;
    std::string substance_name;
    std::string reported;  // the result cell as the lab wrote it
    Qualifier qualifier = Qualifier::kDetected;
    std::optional<double> value;
    std::string unit;
    std::optional<double> lod, loq;
    std::string normalised_unit;
    std::optional<double> normalised_value;  // detected results
    std::optional<double> normalised_limit;  // censoring limit, or the LOD of a detect
    bool censored = false;
    std::string method, laboratory;
    std::optional<double> blank, spike_recovery_pct, duplicate_rpd_pct;
    std::int64_t import_id = 0;
    std::int64_t source_row = 0;
    std::optional<std::int64_t> substance_id;  // in the substance registry, when known at import
    bool synthetic = false;                    // from a generated (demo) file, not a laboratory
};

struct ResultFilter {
    std::optional<std::string> cas;  // canonical CAS number
    std::optional<Medium> medium;
    std::optional<Date> from, to;    // sampling dates, inclusive
};

enum class GroupBy { kSite, kSubstance };

// A threshold (PNEC or quality standard) in a concentration unit.
struct Threshold {
    double value = 0;
    ConcentrationUnit unit;
};

struct SummaryQuery {
    ResultFilter filter;
    std::optional<std::int64_t> site_id;
    GroupBy group_by = GroupBy::kSite;
    std::optional<Threshold> threshold;
};

// One group's summary: a site × substance × medium (kSite), or a substance × medium pooled over
// the sites in scope (kSubstance). Values are in the medium's normalised unit.
struct GroupSummary {
    std::optional<Site> site;  // kSite only
    std::int64_t sites = 0;    // distinct sites in the group
    std::string cas;
    std::string substance_name;  // as the labs named it (the last in text order, if several)
    Medium medium = Medium::kWater;
    std::string unit;
    std::string first_date, last_date;
    stats::CensoredSummary summary;
    // With a threshold: the exceedance, or why it was not computed (the threshold's unit does
    // not fit the medium: "monitoring.unit_medium").
    std::optional<Result<stats::Exceedance>> exceedance;
};

struct SeriesPoint {
    std::int64_t result_id = 0;
    std::string date;  // ISO
    std::string time;  // "HH:MM" or ""
    bool censored = false;
    Qualifier qualifier = Qualifier::kDetected;
    std::optional<double> value;  // detected: the value; censored: absent
    std::optional<double> limit;  // censored: the limit (draw the point hollow there); detected: the LOD
};

struct Series {
    std::string cas;
    std::string substance_name;
    Medium medium = Medium::kWater;
    std::string unit;  // normalised
    std::vector<SeriesPoint> points;  // by date and time
};

class ResultReader {
public:
    ResultReader(store::Database& db, SiteRegistry& sites) : db_(db), sites_(sites) {}

    // The site's results, newest first. kNotFound "monitoring.site_unknown" outside the scope.
    Result<Page<StoredResult>> ListResults(std::int64_t site_id, const ResultFilter& filter, const SiteScope& scope,
                                           const PageRequest& page);

    // Summaries of the page's groups, ordered by site code (kSite), CAS and medium. The stats
    // engine does the work (stats::SummarizeCensored, stats::ComputeExceedance). Errors:
    // kNotFound "monitoring.site_unknown" (site_id outside the scope); kDataLoss
    // "monitoring.stored_result" (a stored result the engine refuses); those of the store.
    Result<Page<GroupSummary>> Summarize(const SummaryQuery& query, const SiteScope& scope, const PageRequest& page);

    // Every group's summary, in the order of Summarize, handed to `visit` one at a time (for
    // exports and the command line: one pass over the results, a hundred sites at a time,
    // instead of a grouping query per page). Returns the number of groups visited. Errors:
    // as Summarize; the first error `visit` returns (the walk stops there).
    Result<std::int64_t> ForEachSummary(const SummaryQuery& query, const SiteScope& scope,
                                        const std::function<Status(const GroupSummary&)>& visit);

    // The time series of one site and substance, one per medium sampled (usually one).
    // kNotFound "monitoring.site_unknown".
    Result<std::vector<Series>> LoadSeries(std::int64_t site_id, const std::string& cas, const ResultFilter& filter,
                                           const SiteScope& scope);

private:
    store::Database& db_;
    SiteRegistry& sites_;
};

}  // namespace npgov::monitoring
