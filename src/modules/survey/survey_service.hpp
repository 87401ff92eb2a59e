// The chemical information survey: campaigns, the obligation list, submissions with drafts,
// uploads and validation, the review workflow with versions, confidential lines, non-reporters
// and results. Every write is audited in its own transaction; every read keeps to the caller's
// scope (auth::EnterpriseScopeOf). Rules for the lines: line_rules.hpp. Who may do what:
//   enterprise users  fill and submit their own enterprise's drafts; see their own lines, CBI too;
//   officers, admins  open campaigns; fill drafts on an enterprise's behalf; officers with a
//                     county review that county (submitted → county_reviewed); officers without
//                     one (city) approve (county_reviewed → approved), never what they reviewed;
//                     either returns with a comment; see CBI;
//   inspectors        read everything, CBI included; analysts read without CBI lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"
#include "modules/survey/line_rules.hpp"
#include "modules/survey/survey_results.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace npgov::survey {

struct Submission {
    std::int64_t id = 0;
    std::int64_t campaign_id = 0;
    std::int64_t enterprise_id = 0;
    std::string region_code;    // the enterprise's county when the submission was opened
    std::string industry_code;  // likewise
    int year = 0;
    SubmissionStatus status = SubmissionStatus::kDraft;        // of the latest version
    int version = 1;                       // latest version number
    std::optional<int> approved_version;   // the version results count, if any
    std::string submitted_at;              // latest submission, "" if never
    std::string created_at;
    std::string updated_at;
};

struct Version {
    int number = 0;
    SubmissionStatus status = SubmissionStatus::kDraft;
    std::string content_hash;  // SHA-256 of the lines as typed
    int line_count = 0;
    int errors = 0;
    int open_warnings = 0;
    std::string source;         // "web", "upload", "copy" (a new version starts from the last)
    std::string upload_sha256;  // of the last file uploaded into this version, if any
    std::string created_by, created_at, updated_by, updated_at;
};

struct Event {  // the workflow history: who did what to which version, when
    int version = 0;
    std::string action;  // open, save, upload, submit, county_review, approve, return, new_version
    std::string actor;
    std::string at;
    std::string comment;
};

struct SubmissionView {
    Submission submission;
    Version version;            // the one asked for (default the latest)
    Page<Line> lines;           // confidential lines omitted for those who may not see them
    std::int64_t withheld_lines = 0;
    std::vector<Issue> issues;  // every issue of the version (at most 5,000; see issues_total)
    std::int64_t issues_total = 0;
    int errors = 0, open_warnings = 0, notices = 0;
};

struct SaveReport {
    Submission submission;
    Version version;
    bool unchanged = false;       // the same content was already saved: nothing written
    std::string format;           // uploads: "csv-utf8", "csv-gbk", "xlsx"
    std::vector<Issue> issues;    // at most 5,000
    std::int64_t issues_total = 0;
    int errors = 0, open_warnings = 0, notices = 0;
    bool stored = false;          // uploads with errors store nothing
};

struct SubmissionFilter {
    std::optional<std::int64_t> campaign_id;
    std::optional<SubmissionStatus> status;
};

struct Obligation {
    enterprise::Enterprise enterprise;
    std::optional<Submission> submission;
    bool reported = false;  // a version submitted, under review or approved
    bool late = false;      // reported after the deadline, or not reported and the deadline passed
};

struct StatusReport {
    Campaign campaign;
    std::string as_of;  // date in China Standard Time
    bool deadline_passed = false;
    std::vector<Obligation> obligations;  // in-scope enterprises, by id
    std::int64_t reported = 0, not_reported = 0, approved = 0;
};

class SurveyService {
public:
    SurveyService(store::Database& db, enterprise::EnterpriseRegistry& enterprises, reference::ReferenceData& reference,
                  audit::AuditLog& audit, const Clock& clock, SubstanceResolver resolver = {})
        : db_(db), enterprises_(enterprises), reference_(reference), audit_(audit), clock_(clock),
          resolver_(std::move(resolver)) {}

    // kPermissionDenied; kInvalidArgument "survey.year", "survey.industries", "survey.title",
    // "date.*" (field "deadline"), "cas.*"; kNotFound "industry.unknown".
    Result<Campaign> CreateCampaign(const NewCampaign& input, const auth::Principal& who);
    Result<std::vector<Campaign>> ListCampaigns();  // newest year first
    Result<Campaign> FindCampaign(std::int64_t id);  // kNotFound "survey.campaign_unknown"

    // The enterprises in the campaign's industries within the caller's scope, with their
    // submissions, as of today.
    Result<StatusReport> CampaignStatus(std::int64_t campaign_id, const auth::Principal& who);

    // The enterprise's submission to the campaign, opened (empty draft, version 1) if absent.
    // kNotFound (campaign, or enterprise outside the caller's scope); kPermissionDenied.
    Result<Submission> OpenSubmission(std::int64_t campaign_id, std::int64_t enterprise_id, const auth::Principal& who);
    Result<Page<Submission>> ListSubmissions(const SubmissionFilter& filter, const auth::Principal& who,
                                             const PageRequest& page);
    // `version` 0 = latest. kNotFound "survey.submission_unknown", "survey.version_unknown".
    Result<SubmissionView> ViewSubmission(std::int64_t id, int version, const auth::Principal& who,
                                          const PageRequest& page);
    Result<std::vector<Version>> ListVersions(std::int64_t id, const auth::Principal& who);
    Result<std::vector<Event>> ListEvents(std::int64_t id, const auth::Principal& who);

    // Replaces the lines of the draft with `lines`, stored as typed whatever their issues.
    // A returned or approved latest version first gets a new draft version (an amendment).
    // kFailedPrecondition "survey.locked" while submitted or under review.
    Result<SaveReport> SaveDraft(std::int64_t id, const std::vector<RawLine>& lines, const auth::Principal& who);
    // Reads a file (line_table.hpp) and, if no line has an error, replaces the draft's lines
    // with it; with errors nothing is stored and every issue is reported. The same content as
    // the draft already holds (e.g. the same file twice) writes nothing (`unchanged`).
    // `dry_run`: read and check every line, store nothing.
    Result<SaveReport> Upload(std::int64_t id, std::string_view bytes, const auth::Principal& who, bool dry_run = false);

    // Workflow. kFailedPrecondition "survey.wrong_status", "survey.not_ready" (errors or
    // warnings without a reason), "survey.same_reviewer"; kPermissionDenied "survey.county_only",
    // "survey.city_only"; kInvalidArgument "survey.comment_required" (returns).
    Result<Submission> Submit(std::int64_t id, const auth::Principal& who);
    Result<Submission> CountyReview(std::int64_t id, const std::string& comment, const auth::Principal& who);
    Result<Submission> Approve(std::int64_t id, const std::string& comment, const auth::Principal& who);
    Result<Submission> Return(std::int64_t id, const std::string& comment, const auth::Principal& who);

    // The campaign's template (.xlsx) for one enterprise, pre-filled with its approved lines of
    // the previous year.
    Result<std::string> Template(std::int64_t campaign_id, std::int64_t enterprise_id, const auth::Principal& who);

    // Tonnage of approved lines grouped as asked, within scope; CBI lines only for those who
    // may see them (the rest are counted in withheld_lines).
    Result<ResultTable> Results(const ResultQuery& query, const auth::Principal& who);

private:
    store::Database& db_;
    enterprise::EnterpriseRegistry& enterprises_;
    reference::ReferenceData& reference_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    SubstanceResolver resolver_;
};

// True if `who` may see confidential lines of `enterprise_id`'s submissions.
bool SeesConfidential(const auth::Principal& who, std::int64_t enterprise_id);

std::vector<store::Migration> Migrations();

}  // namespace npgov::survey
