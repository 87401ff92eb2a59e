// Internal to the survey module: row codecs and the SQL shared by its .cpp files.
#pragma once

#include <string>
#include <vector>

#include "modules/auth/roles.hpp"
#include "modules/survey/survey_service.hpp"
#include "store/database.hpp"

namespace npgov::survey::internal {

extern const char* const kCampaignColumns;    // SELECT … FROM survey_campaigns
extern const char* const kSubmissionColumns;  // SELECT … FROM survey_submissions
extern const char* const kVersionColumns;     // SELECT … FROM survey_versions

Campaign CampaignFromRow(const store::Row& row);
Submission SubmissionFromRow(const store::Row& row);
Version VersionFromRow(const store::Row& row);

std::string JoinCodes(const std::vector<std::string>& codes);   // "a,b"
std::vector<std::string> SplitCodes(const std::string& text);

// Loads a campaign on `connection`. kNotFound "survey.campaign_unknown".
Result<Campaign> LoadCampaign(store::Connection& connection, std::int64_t id);
// Loads a submission within the caller's scope. kNotFound "survey.submission_unknown".
Result<Submission> LoadSubmission(store::Connection& connection, std::int64_t id, const auth::Principal& who);
// The version `number` (0 = latest) of a submission, with its row id.
Result<std::pair<std::int64_t, Version>> LoadVersion(store::Connection& connection, std::int64_t submission_id, int number);
// Every line of a version as stored, by line_no.
Result<std::vector<RawLine>> LoadRawLines(store::Connection& connection, std::int64_t version_id);
// Replaces the lines of a version (batched multi-row INSERTs).
Status ReplaceLines(store::Connection& connection, std::int64_t version_id, const Submission& submission,
                    const std::vector<Line>& lines);
// The enterprise's approved lines (id of their version) in the year before `year`, preferring a
// detailed campaign; nullopt if none.
Result<std::optional<std::int64_t>> PreviousApprovedVersion(store::Connection& connection, std::int64_t enterprise_id,
                                                            int year);
// Totals per substance and activity of a version (approved lines of last year).
Result<YearTotals> LoadYearTotals(store::Connection& connection, std::int64_t version_id);

// SHA-256 over the lines as typed.
std::string ContentHash(const std::vector<RawLine>& lines);

// WHERE conditions on survey_submissions (alias `s`) for the caller's scope.
void AddScope(const auth::Principal& who, std::string& where, std::vector<store::Value>& params);

}  // namespace npgov::survey::internal
