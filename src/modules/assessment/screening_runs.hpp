// Screening of the whole substance registry by the "four highs" (plan 二(三)): gathers every
// substance's facts from the hazard, lists, survey and monitoring modules in set-based reads,
// runs the screening engine (engines/screening) with data/screening/screening_params.json, and
// stores the run — who, when, engine and parameter versions, a SHA-256 of the inputs — with its
// ranked rows and their evidence as JSON, so that a past ranking reads exactly as it was.
// Officers and admins run screenings; every role but enterprise users reads them.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "modules/assessment/list_memberships.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/hazard/hazard.hpp"
#include "modules/substance/substance_registry.hpp"
#include "store/database.hpp"

namespace npgov::assessment {

struct RunRequest {
    std::optional<int> year;  // survey year; default the latest with approved submissions
};

// Where a run is: "gathering", "screening", "storing", "complete", "failed", and for a run
// that stopped without finishing (its process ended), "interrupted".
struct RunProgress {
    std::string phase;
    std::int64_t done = 0, total = 0;
};

struct RunInfo {
    std::int64_t id = 0;
    std::string status;  // "running" | "complete" | "failed" | "interrupted"
    RunProgress progress;
    std::string actor, started_at, finished_at;
    std::optional<int> survey_year;  // nullopt: no approved survey
    std::string engine_version, params_id, params_version, params_sha256, inputs_sha256;
    std::int64_t substances = 0;
    std::string summary_json;   // counts per category and dimension gap, timings, sources
    std::string criteria_json;  // the criteria the evidence cites, as the run saw them
    std::string texts_json;     // gap and category texts, as the run saw them
    std::string error_json;     // a failed run's error
};

// Filters of a run's rows (all optional, combined with AND).
struct RowFilter {
    std::optional<std::string> category;   // action category id: "manage", "monitor", …
    std::optional<std::string> dimension;  // rows whose score in this dimension ≥ min_score
    double min_score = 0.5;
    std::optional<std::string> gap;   // a dimension name (a blocking gap there), "any", or a gap code
    std::optional<std::string> list;  // list id, e.g. "key_controlled"
    std::optional<std::string> text;  // substring of the CAS number or a name
};

struct RunRow {
    std::int64_t rank = 0;
    std::int64_t substance_id = 0;
    std::string cas, name_zh, name_en;
    std::string category;
    std::string evidence_json;  // dimensions, hazard profile, category reason, lists
};

struct RunPage {
    RunInfo run;
    Page<RunRow> rows;
};

class ScreeningRuns {
public:
    // `params_file` is data/screening/screening_params.json (read at each run, so that the run
    // records the parameters it used).
    ScreeningRuns(store::Database& db, audit::AuditLog& audit, const Clock& clock, substance::SubstanceRegistry& substances,
                  hazard::HazardData& hazard, ListMemberships& lists, std::string params_file)
        : db_(db), audit_(audit), clock_(clock), substances_(substances), hazard_(hazard), lists_(lists),
          params_file_(std::move(params_file)) {}
    ~ScreeningRuns();  // waits for a run started by Start

    // Runs a screening now and returns it complete. `progress` is called at each phase.
    // Errors: kPermissionDenied; kFailedPrecondition "assessment.params" (the parameter file
    // missing or invalid), "assessment.screening_running" (this process is running one);
    // those of the modules and the store (the run is then stored as failed).
    Result<RunInfo> Run(const RunRequest& request, const auth::Principal& who,
                        const std::function<void(const RunProgress&)>& progress = {});

    // Starts a run on a background thread and returns it at once (status "running"); read its
    // progress with Find. Errors: as Run's, before the thread starts.
    Result<RunInfo> Start(const RunRequest& request, const auth::Principal& who);

    // Runs, newest first. kPermissionDenied.
    Result<Page<RunInfo>> List(const auth::Principal& who, const PageRequest& page);
    // One run and a page of its rows, in rank order. kNotFound "assessment.run_unknown";
    // kInvalidArgument "assessment.filter" (unknown category or dimension).
    Result<RunPage> Find(std::int64_t id, const RowFilter& filter, const auth::Principal& who, const PageRequest& page);
    // The substance's row in the latest complete run, if any.
    Result<std::optional<std::pair<RunInfo, RunRow>>> LatestRowOf(std::int64_t substance_id, const auth::Principal& who);

private:
    Result<RunInfo> Execute(std::int64_t run_id, const RunRequest& request, const auth::Principal& who,
                            const std::function<void(const RunProgress&)>& progress);
    Result<std::int64_t> Begin(const auth::Principal& who);
    Status Fail(std::int64_t run_id, const Error& error);
    Result<RunInfo> Load(std::int64_t id);

    store::Database& db_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    substance::SubstanceRegistry& substances_;
    hazard::HazardData& hazard_;
    ListMemberships& lists_;
    std::string params_file_;
    std::mutex mutex_;       // guards running_ and worker_
    bool running_ = false;   // this process is running a screening
    std::thread worker_;
};

}  // namespace npgov::assessment
