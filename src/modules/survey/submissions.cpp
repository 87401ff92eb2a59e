#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "modules/auth/scope.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/survey/line_table.hpp"
#include "modules/survey/survey_service.hpp"
#include "modules/survey/survey_store.hpp"
#include "store/paging.hpp"
#include "store/transaction.hpp"

namespace npgov::survey {
namespace {

constexpr std::size_t kMaxIssuesReported = 5000;

Error WrongStatus(SubmissionStatus status, const std::string& zh_action, const std::string& en_action) {
    return MakeError(ErrorCode::kFailedPrecondition, "survey.wrong_status",
                     "当前状态为“" + std::string(ChineseName(status)) + "”，不能" + zh_action,
                     "the submission is " + std::string(ToString(status)) + "; it cannot be " + en_action, "status")
        .value();
}

nlohmann::json VersionJson(const Submission& s, const Version& v) {
    return {{"submission_id", s.id}, {"status", ToString(s.status)}, {"version", v.number},
            {"version_status", ToString(v.status)}, {"line_count", v.line_count}, {"content_hash", v.content_hash},
            {"errors", v.errors}, {"open_warnings", v.open_warnings}};
}

void FillIssues(const Evaluation& evaluation, std::vector<Issue>& issues, std::int64_t& total, int& errors,
                int& warnings, int& notices) {
    total = static_cast<std::int64_t>(evaluation.issues.size());
    issues.assign(evaluation.issues.begin(),
                  evaluation.issues.begin() + static_cast<std::ptrdiff_t>(std::min(evaluation.issues.size(), kMaxIssuesReported)));
    errors = evaluation.errors;
    warnings = evaluation.open_warnings;
    notices = evaluation.notices;
}

// Moves the head and the latest version to `to`, records the event and the audit entry.
Status Transition(store::Connection& c, audit::AuditLog& audit, const Submission& before, std::int64_t version_id,
                  SubmissionStatus to, const std::string& action, const std::string& comment, const std::string& actor,
                  const std::string& now, Submission& after) {
    after = before;
    after.status = to;
    after.updated_at = now;
    if (to == SubmissionStatus::kSubmitted && after.submitted_at.empty()) after.submitted_at = now;
    std::optional<std::int64_t> approved_id;
    if (to == SubmissionStatus::kApproved) {
        NPGOV_RETURN_IF_ERROR(store::Execute(c,
                                             "UPDATE survey_versions SET status = 'superseded' WHERE submission_id = ? "
                                             "AND status = 'approved'",
                                             {before.id}));
        after.approved_version = before.version;
        approved_id = version_id;
    }
    NPGOV_RETURN_IF_ERROR(store::Execute(c, "UPDATE survey_versions SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
                                         {std::string(ToString(to)), actor, now, version_id}));
    if (approved_id) {
        NPGOV_RETURN_IF_ERROR(store::Execute(c,
                                             "UPDATE survey_submissions SET status = ?, updated_at = ?, approved_version = ?, "
                                             "approved_version_id = ? WHERE id = ?",
                                             {std::string(ToString(to)), now, std::int64_t{before.version}, *approved_id,
                                              before.id}));
    } else {
        NPGOV_RETURN_IF_ERROR(store::Execute(c, "UPDATE survey_submissions SET status = ?, updated_at = ?, submitted_at = ? WHERE id = ?",
                                             {std::string(ToString(to)), now, after.submitted_at, before.id}));
    }
    NPGOV_RETURN_IF_ERROR(store::Execute(c,
                                         "INSERT INTO survey_events (submission_id, version, action, actor, at, comment) "
                                         "VALUES (?, ?, ?, ?, ?, ?)",
                                         {before.id, std::int64_t{before.version}, action, actor, now, comment}));
    nlohmann::json b = {{"status", ToString(before.status)}, {"version", before.version}};
    nlohmann::json a = {{"status", ToString(to)}, {"version", before.version}, {"comment", comment}};
    return audit.Append(c, {actor, "survey." + action, "survey_submission", std::to_string(before.id), b.dump(), a.dump()});
}

}  // namespace

bool SeesConfidential(const auth::Principal& who, std::int64_t enterprise_id) {
    switch (who.role) {
        case auth::Role::kAdmin:
        case auth::Role::kOfficer:
        case auth::Role::kInspector:
            return true;
        case auth::Role::kEnterprise:
            return who.enterprise_id && *who.enterprise_id == enterprise_id;
        case auth::Role::kAnalyst:
            return false;
    }
    return false;
}

Result<Submission> SurveyService::OpenSubmission(std::int64_t campaign_id, std::int64_t enterprise_id,
                                                 const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kEditSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto e, enterprises_.FindInScope(enterprise_id, auth::EnterpriseScopeOf(who)));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto campaign, internal::LoadCampaign(*connection, campaign_id));
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing,
                           store::QueryOne(*connection, std::string(internal::kSubmissionColumns) +
                                                            " WHERE s.campaign_id = ? AND s.enterprise_id = ?",
                                           {campaign_id, enterprise_id}));
    if (existing) return internal::SubmissionFromRow(*existing);
    const std::string now = clock_.Now().ToIsoString();
    Submission s;
    s.campaign_id = campaign_id;
    s.enterprise_id = enterprise_id;
    s.region_code = e.region_code;
    s.industry_code = e.industry_code;
    s.year = campaign.year;
    s.created_at = s.updated_at = now;
    NPGOV_ASSIGN_OR_RETURN(auto rows,
                           store::Query(*connection,
                                        "INSERT INTO survey_submissions (campaign_id, enterprise_id, region_code, "
                                        "industry_code, year, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, "
                                        "?, 'draft', 1, ?, ?) RETURNING id",
                                        {campaign_id, enterprise_id, s.region_code, s.industry_code,
                                         std::int64_t{s.year}, now, now}));
    s.id = rows.rows.at(0).Int(0);
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                         "INSERT INTO survey_versions (submission_id, number, status, content_hash, "
                                         "line_count, errors, open_warnings, source, created_by, created_at, updated_by, "
                                         "updated_at) VALUES (?, 1, 'draft', ?, 0, 0, 0, 'web', ?, ?, ?, ?)",
                                         {s.id, internal::ContentHash({}), who.username, now, who.username, now}));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                         "INSERT INTO survey_events (submission_id, version, action, actor, at, comment) "
                                         "VALUES (?, 1, 'open', ?, ?, '')",
                                         {s.id, who.username, now}));
    nlohmann::json after = {{"id", s.id}, {"campaign_id", campaign_id}, {"enterprise_id", enterprise_id},
                            {"status", "draft"}, {"version", 1}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {who.username, "survey.open", "survey_submission",
                                                      std::to_string(s.id), std::nullopt, after.dump()}));
    auto committed = tx.Commit();
    if (!committed) return tl::unexpected(committed.error());
    return s;
}

Result<Page<Submission>> SurveyService::ListSubmissions(const SubmissionFilter& filter, const auth::Principal& who,
                                                        const PageRequest& page) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    std::string where = " WHERE 1 = 1";
    std::vector<store::Value> params;
    internal::AddScope(who, where, params);
    if (filter.campaign_id) {
        where += " AND s.campaign_id = ?";
        params.emplace_back(*filter.campaign_id);
    }
    if (filter.status) {
        where += " AND s.status = ?";
        params.emplace_back(std::string(ToString(*filter.status)));
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<Submission>(*connection,
                                        {internal::kSubmissionColumns, "survey_submissions s", where, " ORDER BY s.id", params},
                                        page, internal::SubmissionFromRow);
}

Result<SubmissionView> SurveyService::ViewSubmission(std::int64_t id, int version, const auth::Principal& who,
                                                     const PageRequest& page) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    SubmissionView view;
    NPGOV_ASSIGN_OR_RETURN(view.submission, internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(auto campaign, internal::LoadCampaign(*connection, view.submission.campaign_id));
    NPGOV_ASSIGN_OR_RETURN(auto found, internal::LoadVersion(*connection, id, version));
    view.version = found.second;
    NPGOV_ASSIGN_OR_RETURN(auto raw, internal::LoadRawLines(*connection, found.first));
    NPGOV_ASSIGN_OR_RETURN(auto previous, internal::PreviousApprovedVersion(*connection, view.submission.enterprise_id,
                                                                            campaign.year));
    YearTotals totals;
    if (previous) {
        NPGOV_ASSIGN_OR_RETURN(totals, internal::LoadYearTotals(*connection, *previous));
    }
    EvaluationContext context{campaign.tier, campaign.substances, previous ? &totals : nullptr, campaign.year - 1, resolver_};
    NPGOV_ASSIGN_OR_RETURN(auto evaluation, Evaluate(raw, context));
    const bool cbi = SeesConfidential(who, view.submission.enterprise_id);
    std::vector<Line> visible;
    for (auto& line : evaluation.lines) {
        if (line.confidential && !cbi) {
            ++view.withheld_lines;
        } else {
            visible.push_back(std::move(line));
        }
    }
    if (!cbi) {
        // Issues of confidential lines would reveal them: left out too.
        std::vector<Issue> kept;
        for (auto& issue : evaluation.issues) {
            const bool secret = issue.line_no > 0 && ParseYesNo(raw[static_cast<std::size_t>(issue.line_no - 1)].confidential,
                                                                "confidential").value_or(false);
            if (!secret) kept.push_back(std::move(issue));
        }
        evaluation.issues = std::move(kept);
    }
    view.lines.page = page.page;
    view.lines.page_size = page.page_size;
    view.lines.total = static_cast<std::int64_t>(visible.size());
    for (std::size_t i = static_cast<std::size_t>(page.offset());
         i < visible.size() && view.lines.items.size() < static_cast<std::size_t>(page.page_size); ++i) {
        view.lines.items.push_back(std::move(visible[i]));
    }
    FillIssues(evaluation, view.issues, view.issues_total, view.errors, view.open_warnings, view.notices);
    return view;
}

Result<std::vector<Version>> SurveyService::ListVersions(std::int64_t id, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_RETURN_IF_ERROR(internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection,
                                                   std::string(internal::kVersionColumns) +
                                                       " WHERE submission_id = ? ORDER BY number",
                                                   {id}));
    std::vector<Version> out;
    for (const auto& row : rows.rows) out.push_back(internal::VersionFromRow(row));
    return out;
}

Result<std::vector<Event>> SurveyService::ListEvents(std::int64_t id, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_RETURN_IF_ERROR(internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection,
                                                   "SELECT version, action, actor, at, comment FROM survey_events WHERE "
                                                   "submission_id = ? ORDER BY id",
                                                   {id}));
    std::vector<Event> out;
    for (const auto& r : rows.rows) out.push_back({static_cast<int>(r.Int(0)), r.Text(1), r.Text(2), r.Text(3), r.Text(4)});
    return out;
}

namespace {

struct Prepared {
    Submission submission;
    Campaign campaign;
    Evaluation evaluation;
    std::string content_hash;
};

}  // namespace

// Shared by SaveDraft and Upload: evaluates `raw` against the submission's campaign and last
// year, then (when `store_if` allows) replaces the draft's lines in one transaction.
static Result<SaveReport> SaveLines(store::Database& db, audit::AuditLog& audit, const Clock& clock,
                                    const SubstanceResolver& resolver, std::int64_t id,
                                    const std::vector<RawLine>& raw, const auth::Principal& who,
                                    const std::string& source, const std::string& upload_sha256, bool refuse_errors,
                                    bool check_only = false) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kEditSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    Prepared p;
    NPGOV_ASSIGN_OR_RETURN(p.submission, internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(p.campaign, internal::LoadCampaign(*connection, p.submission.campaign_id));
    p.content_hash = internal::ContentHash(raw);
    SaveReport report;
    {
        // The same content as the latest version (e.g. the same file again): nothing to check
        // or write; the stored counts say what its issues were.
        NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
        if (latest.second.content_hash == p.content_hash) {
            report.submission = p.submission;
            report.version = latest.second;
            report.unchanged = true;
            report.errors = latest.second.errors;
            report.open_warnings = latest.second.open_warnings;
            return report;
        }
    }
    NPGOV_ASSIGN_OR_RETURN(auto previous,
                           internal::PreviousApprovedVersion(*connection, p.submission.enterprise_id, p.campaign.year));
    YearTotals totals;
    if (previous) {
        NPGOV_ASSIGN_OR_RETURN(totals, internal::LoadYearTotals(*connection, *previous));
    }
    EvaluationContext context{p.campaign.tier, p.campaign.substances, previous ? &totals : nullptr, p.campaign.year - 1,
                              resolver};
    NPGOV_ASSIGN_OR_RETURN(p.evaluation, Evaluate(raw, context));

    FillIssues(p.evaluation, report.issues, report.issues_total, report.errors, report.open_warnings, report.notices);
    if (check_only) {
        report.submission = p.submission;
        report.version.line_count = static_cast<int>(raw.size());
        report.version.content_hash = p.content_hash;
        return report;
    }
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    const std::string now = clock.Now().ToIsoString();
    // Lock the head first: concurrent saves of one submission run one after the other.
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE survey_submissions SET updated_at = updated_at WHERE id = ?", {id}));
    NPGOV_ASSIGN_OR_RETURN(report.submission, internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
    report.version = latest.second;
    if (latest.second.content_hash == p.content_hash) {
        report.unchanged = true;
        return report;
    }
    if (refuse_errors && p.evaluation.errors > 0) return report;
    const SubmissionStatus status = report.submission.status;
    if (status == SubmissionStatus::kSubmitted || status == SubmissionStatus::kCountyReviewed) {
        return MakeError(ErrorCode::kFailedPrecondition, "survey.locked",
                         "填报已提交审核，不能修改；如需修改请联系审核人员退回",
                         "the submission is under review and cannot be changed; ask the reviewer to return it", "status");
    }
    std::int64_t version_id = latest.first;
    Version& v = report.version;
    const nlohmann::json before = VersionJson(report.submission, v);
    if (status != SubmissionStatus::kDraft) {
        // Returned or approved: an amendment starts a new version; the old one stays as it was.
        v = Version{};
        v.number = latest.second.number + 1;
        v.created_by = who.username;
        v.created_at = now;
        NPGOV_ASSIGN_OR_RETURN(auto rows,
                               store::Query(*connection,
                                            "INSERT INTO survey_versions (submission_id, number, status, content_hash, "
                                            "line_count, errors, open_warnings, source, created_by, created_at, "
                                            "updated_by, updated_at) VALUES (?, ?, 'draft', '', 0, 0, 0, ?, ?, ?, ?, ?) "
                                            "RETURNING id",
                                            {id, std::int64_t{v.number}, source, who.username, now, who.username, now}));
        version_id = rows.rows.at(0).Int(0);
        NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                             "INSERT INTO survey_events (submission_id, version, action, actor, at, comment) "
                                             "VALUES (?, ?, 'new_version', ?, ?, ?)",
                                             {id, std::int64_t{v.number}, who.username, now,
                                              "from version " + std::to_string(latest.second.number) + " (" +
                                                  std::string(ToString(status)) + ")"}));
        report.submission.version = v.number;
    }
    v.status = SubmissionStatus::kDraft;
    v.content_hash = p.content_hash;
    v.line_count = static_cast<int>(raw.size());
    v.errors = p.evaluation.errors;
    v.open_warnings = p.evaluation.open_warnings;
    v.source = source;
    if (!upload_sha256.empty()) v.upload_sha256 = upload_sha256;
    v.updated_by = who.username;
    v.updated_at = now;
    report.submission.status = SubmissionStatus::kDraft;
    report.submission.updated_at = now;
    NPGOV_RETURN_IF_ERROR(internal::ReplaceLines(*connection, version_id, report.submission, p.evaluation.lines));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                         "UPDATE survey_versions SET status = 'draft', content_hash = ?, line_count = ?, "
                                         "errors = ?, open_warnings = ?, source = ?, upload_sha256 = ?, updated_by = ?, "
                                         "updated_at = ? WHERE id = ?",
                                         {v.content_hash, std::int64_t{v.line_count}, std::int64_t{v.errors},
                                          std::int64_t{v.open_warnings}, v.source, v.upload_sha256, v.updated_by,
                                          v.updated_at, version_id}));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                         "UPDATE survey_submissions SET status = 'draft', version = ?, updated_at = ? WHERE id = ?",
                                         {std::int64_t{v.number}, now, id}));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection,
                                         "INSERT INTO survey_events (submission_id, version, action, actor, at, comment) "
                                         "VALUES (?, ?, ?, ?, ?, ?)",
                                         {id, std::int64_t{v.number}, source == "upload" ? "upload" : "save",
                                          who.username, now,
                                          std::to_string(v.line_count) + " lines" +
                                              (upload_sha256.empty() ? "" : ", file sha256 " + upload_sha256)}));
    nlohmann::json after = VersionJson(report.submission, v);
    after["source"] = source;
    if (!upload_sha256.empty()) after["upload_sha256"] = upload_sha256;
    NPGOV_RETURN_IF_ERROR(audit.Append(*connection, {who.username, source == "upload" ? "survey.upload" : "survey.save",
                                                     "survey_submission", std::to_string(id), before.dump(), after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.stored = true;
    return report;
}

Result<SaveReport> SurveyService::SaveDraft(std::int64_t id, const std::vector<RawLine>& lines,
                                            const auth::Principal& who) {
    if (lines.size() > kMaxLinesPerSubmission) {
        return MakeError(ErrorCode::kResourceExhausted, "survey_upload.too_many_lines",
                         "一份填报最多 " + std::to_string(kMaxLinesPerSubmission) + " 行",
                         "at most " + std::to_string(kMaxLinesPerSubmission) + " lines per submission", "lines");
    }
    return SaveLines(db_, audit_, clock_, resolver_, id, lines, who, "web", "", false);
}

Result<SaveReport> SurveyService::Upload(std::int64_t id, std::string_view bytes, const auth::Principal& who,
                                         bool dry_run) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kEditSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto uploaded, ReadUploadedLines(bytes));
    NPGOV_ASSIGN_OR_RETURN(auto report, SaveLines(db_, audit_, clock_, resolver_, id, uploaded.lines, who, "upload",
                                                  auth::Sha256Hex(bytes), true, dry_run));
    report.format = uploaded.format;
    return report;
}

Result<Submission> SurveyService::Submit(std::int64_t id, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kEditSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    // Evaluate outside the write transaction (the substance registry may be consulted on
    // another connection), then check inside it that the version is still the one evaluated.
    NPGOV_ASSIGN_OR_RETURN(auto checked, internal::LoadSubmission(*connection, id, who));
    if (checked.status != SubmissionStatus::kDraft) return tl::unexpected(WrongStatus(checked.status, "提交", "submitted"));
    NPGOV_ASSIGN_OR_RETURN(auto campaign, internal::LoadCampaign(*connection, checked.campaign_id));
    NPGOV_ASSIGN_OR_RETURN(auto evaluated, internal::LoadVersion(*connection, id, 0));
    NPGOV_ASSIGN_OR_RETURN(auto raw, internal::LoadRawLines(*connection, evaluated.first));
    NPGOV_ASSIGN_OR_RETURN(auto previous, internal::PreviousApprovedVersion(*connection, checked.enterprise_id, campaign.year));
    YearTotals totals;
    if (previous) {
        NPGOV_ASSIGN_OR_RETURN(totals, internal::LoadYearTotals(*connection, *previous));
    }
    EvaluationContext context{campaign.tier, campaign.substances, previous ? &totals : nullptr, campaign.year - 1, resolver_};
    NPGOV_ASSIGN_OR_RETURN(auto evaluation, Evaluate(raw, context));
    if (evaluation.errors > 0 || evaluation.open_warnings > 0) {
        return MakeError(ErrorCode::kFailedPrecondition, "survey.not_ready",
                         "还有 " + std::to_string(evaluation.errors) + " 个错误和 " +
                             std::to_string(evaluation.open_warnings) + " 个需要说明原因的提醒，暂不能提交",
                         "there are " + std::to_string(evaluation.errors) + " errors and " +
                             std::to_string(evaluation.open_warnings) + " warnings without a reason; fix them first",
                         "lines");
    }
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE survey_submissions SET updated_at = updated_at WHERE id = ?", {id}));
    NPGOV_ASSIGN_OR_RETURN(auto s, internal::LoadSubmission(*connection, id, who));
    NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
    if (s.status != SubmissionStatus::kDraft) return tl::unexpected(WrongStatus(s.status, "提交", "submitted"));
    if (latest.first != evaluated.first || latest.second.content_hash != evaluated.second.content_hash) {
        return MakeError(ErrorCode::kUnavailable, "survey.changed", "填报内容刚被修改，请重新提交",
                         "the submission changed while it was being checked; submit again");
    }
    Submission after;
    NPGOV_RETURN_IF_ERROR(Transition(*connection, audit_, s, latest.first, SubmissionStatus::kSubmitted, "submit", "",
                                     who.username, clock_.Now().ToIsoString(), after));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<Submission> SurveyService::CountyReview(std::int64_t id, const std::string& comment, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReviewSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE survey_submissions SET updated_at = updated_at WHERE id = ?", {id}));
    NPGOV_ASSIGN_OR_RETURN(auto s, internal::LoadSubmission(*connection, id, who));
    if (s.status != SubmissionStatus::kSubmitted) return tl::unexpected(WrongStatus(s.status, "进行区县审核", "reviewed by the county"));
    NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
    Submission after;
    NPGOV_RETURN_IF_ERROR(Transition(*connection, audit_, s, latest.first, SubmissionStatus::kCountyReviewed, "county_review",
                                     std::string(Trim(comment)), who.username, clock_.Now().ToIsoString(), after));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<Submission> SurveyService::Approve(std::int64_t id, const std::string& comment, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReviewSurvey));
    if (who.region_code) {
        return MakeError(ErrorCode::kPermissionDenied, "survey.city_only", "只有市级审核人员可以最终审定",
                         "only city-level reviewers (without a county scope) may approve");
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE survey_submissions SET updated_at = updated_at WHERE id = ?", {id}));
    NPGOV_ASSIGN_OR_RETURN(auto s, internal::LoadSubmission(*connection, id, who));
    if (s.status != SubmissionStatus::kCountyReviewed) return tl::unexpected(WrongStatus(s.status, "审定", "approved"));
    NPGOV_ASSIGN_OR_RETURN(auto reviewer,
                           store::QueryOne(*connection,
                                           "SELECT actor FROM survey_events WHERE submission_id = ? AND version = ? AND "
                                           "action = 'county_review' ORDER BY id DESC LIMIT 1",
                                           {id, std::int64_t{s.version}}));
    if (reviewer && reviewer->Text(0) == who.username) {
        return MakeError(ErrorCode::kFailedPrecondition, "survey.same_reviewer", "区县审核与市级审定须由不同人员完成",
                         "the county review and the city approval must be done by different people");
    }
    NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
    Submission after;
    NPGOV_RETURN_IF_ERROR(Transition(*connection, audit_, s, latest.first, SubmissionStatus::kApproved, "approve",
                                     std::string(Trim(comment)), who.username, clock_.Now().ToIsoString(), after));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<Submission> SurveyService::Return(std::int64_t id, const std::string& comment, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReviewSurvey));
    const std::string text(Trim(comment));
    if (text.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.comment_required", "退回时须写明原因",
                         "say why the submission is returned", "comment");
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::Execute(*connection, "UPDATE survey_submissions SET updated_at = updated_at WHERE id = ?", {id}));
    NPGOV_ASSIGN_OR_RETURN(auto s, internal::LoadSubmission(*connection, id, who));
    if (s.status == SubmissionStatus::kCountyReviewed && who.region_code) {
        return MakeError(ErrorCode::kPermissionDenied, "survey.city_only", "区县已审核的填报只能由市级审核人员退回",
                         "after the county review only city-level reviewers may return a submission");
    }
    if (s.status != SubmissionStatus::kSubmitted && s.status != SubmissionStatus::kCountyReviewed) {
        return tl::unexpected(WrongStatus(s.status, "退回", "returned"));
    }
    NPGOV_ASSIGN_OR_RETURN(auto latest, internal::LoadVersion(*connection, id, 0));
    Submission after;
    NPGOV_RETURN_IF_ERROR(Transition(*connection, audit_, s, latest.first, SubmissionStatus::kReturned, "return", text, who.username,
                                     clock_.Now().ToIsoString(), after));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return after;
}

Result<std::string> SurveyService::Template(std::int64_t campaign_id, std::int64_t enterprise_id,
                                            const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto e, enterprises_.FindInScope(enterprise_id, auth::EnterpriseScopeOf(who)));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto campaign, internal::LoadCampaign(*connection, campaign_id));
    NPGOV_ASSIGN_OR_RETURN(auto previous, internal::PreviousApprovedVersion(*connection, enterprise_id, campaign.year));
    std::vector<RawLine> prefill;
    if (previous) {
        NPGOV_ASSIGN_OR_RETURN(auto raw, internal::LoadRawLines(*connection, *previous));
        NPGOV_ASSIGN_OR_RETURN(auto evaluation, Evaluate(raw, {campaign.tier, {}, nullptr, 0, {}}));
        const bool cbi = SeesConfidential(who, enterprise_id);
        for (const auto& line : evaluation.lines) {
            if (line.confidential && !cbi) continue;
            RawLine r = line.raw;
            r.cas = line.cas.empty() ? line.raw.cas : line.cas;
            if (line.activity) r.activity = std::string(ChineseName(*line.activity));
            if (line.tonnes) {
                r.quantity = sheet::FormatNumber(*line.tonnes);
                r.unit = "t";
            }
            r.confidential = line.confidential ? "是" : "否";
            prefill.push_back(std::move(r));
        }
    }
    const std::string enterprise_line = "企业：" + e.name + "    统一社会信用代码：" + e.uscc +
                                        (previous ? "    （已预填 " + std::to_string(campaign.year - 1) + " 年度审定数据）" : "");
    return sheet::ToXlsx({MakeTemplateSheet(campaign, enterprise_line, prefill), MakeInstructionsSheet(campaign)});
}

}  // namespace npgov::survey
