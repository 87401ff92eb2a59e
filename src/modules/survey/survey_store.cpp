#include "modules/survey/survey_store.hpp"

#include <sstream>

#include "modules/auth/scope.hpp"
#include "modules/auth/secrets.hpp"
#include "store/placeholders.hpp"

namespace npgov::survey {
namespace internal {

const char* const kCampaignColumns =
    "SELECT id, year, tier, title, industries, substances, deadline, created_by, created_at FROM survey_campaigns";
const char* const kSubmissionColumns =
    "SELECT s.id, s.campaign_id, s.enterprise_id, s.region_code, s.industry_code, s.year, s.status, s.version, "
    "s.approved_version, s.submitted_at, s.created_at, s.updated_at FROM survey_submissions s";
const char* const kVersionColumns =
    "SELECT id, number, status, content_hash, line_count, errors, open_warnings, source, upload_sha256, created_by, "
    "created_at, updated_by, updated_at FROM survey_versions";

namespace {

constexpr const char* kLineInsertHead =
    "INSERT INTO survey_lines (version_id, line_no, source_row, region_code, year, cas_text, name_text, "
    "activity_text, quantity_text, unit_text, uses_text, air_text, water_text, soil_text, waste_text, "
    "confidential_text, reason_text, cas, substance_key, substance_name, substance_id, activity, tonnes, air_t, "
    "water_t, soil_t, waste_t, confidential) VALUES ";
constexpr int kLineColumns = 28;
constexpr std::size_t kLinesPerStatement = 1000;  // 28,000 parameters: under SQLite's 32,766 and PostgreSQL's 65,535


}  // namespace

std::string JoinCodes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

std::vector<std::string> SplitCodes(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

Campaign CampaignFromRow(const store::Row& row) {
    Campaign c;
    c.id = row.Int(0);
    c.year = static_cast<int>(row.Int(1));
    c.tier = ParseTier(row.Text(2)).value_or(Tier::kBasic);
    c.title = row.Text(3);
    c.industries = SplitCodes(row.Text(4));
    c.substances = SplitCodes(row.Text(5));
    auto deadline = Date::Parse(row.Text(6));
    NPGOV_CHECK(deadline.has_value());
    c.deadline = *deadline;
    c.created_by = row.Text(7);
    c.created_at = row.Text(8);
    return c;
}

Submission SubmissionFromRow(const store::Row& row) {
    Submission s;
    s.id = row.Int(0);
    s.campaign_id = row.Int(1);
    s.enterprise_id = row.Int(2);
    s.region_code = row.Text(3);
    s.industry_code = row.Text(4);
    s.year = static_cast<int>(row.Int(5));
    auto status = ParseStatus(row.Text(6));
    NPGOV_CHECK(status.has_value());
    s.status = *status;
    s.version = static_cast<int>(row.Int(7));
    if (!row.IsNull(8)) s.approved_version = static_cast<int>(row.Int(8));
    s.submitted_at = row.Text(9);
    s.created_at = row.Text(10);
    s.updated_at = row.Text(11);
    return s;
}

Version VersionFromRow(const store::Row& row) {
    Version v;
    v.number = static_cast<int>(row.Int(1));
    auto status = ParseStatus(row.Text(2));
    NPGOV_CHECK(status.has_value());
    v.status = *status;
    v.content_hash = row.Text(3);
    v.line_count = static_cast<int>(row.Int(4));
    v.errors = static_cast<int>(row.Int(5));
    v.open_warnings = static_cast<int>(row.Int(6));
    v.source = row.Text(7);
    v.upload_sha256 = row.Text(8);
    v.created_by = row.Text(9);
    v.created_at = row.Text(10);
    v.updated_by = row.Text(11);
    v.updated_at = row.Text(12);
    return v;
}

Result<Campaign> LoadCampaign(store::Connection& connection, std::int64_t id) {
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(connection, std::string(kCampaignColumns) + " WHERE id = ?", {id}));
    if (!row) {
        return MakeError(ErrorCode::kNotFound, "survey.campaign_unknown", "调查 " + std::to_string(id) + " 不存在",
                         "there is no survey campaign " + std::to_string(id), "campaign_id");
    }
    return CampaignFromRow(*row);
}

void AddScope(const auth::Principal& who, std::string& where, std::vector<store::Value>& params) {
    const auto scope = auth::EnterpriseScopeOf(who);
    if (scope.enterprise_id) {
        where += " AND s.enterprise_id = ?";
        params.emplace_back(*scope.enterprise_id);
    }
    if (scope.region_code) {
        where += " AND s.region_code = ?";
        params.emplace_back(*scope.region_code);
    }
}

Result<Submission> LoadSubmission(store::Connection& connection, std::int64_t id, const auth::Principal& who) {
    std::string where = " WHERE s.id = ?";
    std::vector<store::Value> params = {id};
    AddScope(who, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection.Query(std::string(kSubmissionColumns) + where, params));
    if (rows.rows.empty()) {
        return MakeError(ErrorCode::kNotFound, "survey.submission_unknown", "填报 " + std::to_string(id) + " 不存在",
                         "there is no survey submission " + std::to_string(id), "submission_id");
    }
    return SubmissionFromRow(rows.rows.front());
}

Result<std::pair<std::int64_t, Version>> LoadVersion(store::Connection& connection, std::int64_t submission_id,
                                                      int number) {
    std::optional<store::Row> row;
    if (number > 0) {
        NPGOV_ASSIGN_OR_RETURN(row, store::QueryOne(connection, std::string(kVersionColumns) +
                                                                    " WHERE submission_id = ? AND number = ?",
                                                    {submission_id, std::int64_t{number}}));
    } else {
        NPGOV_ASSIGN_OR_RETURN(row, store::QueryOne(connection, std::string(kVersionColumns) +
                                                                    " WHERE submission_id = ? ORDER BY number DESC LIMIT 1",
                                                    {submission_id}));
    }
    if (!row) {
        return MakeError(ErrorCode::kNotFound, "survey.version_unknown", "没有第 " + std::to_string(number) + " 版",
                         "there is no version " + std::to_string(number), "version");
    }
    return std::make_pair(row->Int(0), VersionFromRow(*row));
}

Result<std::vector<RawLine>> LoadRawLines(store::Connection& connection, std::int64_t version_id) {
    NPGOV_ASSIGN_OR_RETURN(
        auto rows, store::Query(connection,
                                "SELECT cas_text, name_text, activity_text, quantity_text, unit_text, uses_text, air_text, "
                                "water_text, soil_text, waste_text, confidential_text, reason_text, source_row "
                                "FROM survey_lines WHERE version_id = ? ORDER BY line_no",
                                {version_id}));
    std::vector<RawLine> out;
    out.reserve(rows.rows.size());
    for (const auto& r : rows.rows) {
        out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8),
                       r.Text(9), r.Text(10), r.Text(11), static_cast<long>(r.Int(12))});
    }
    return out;
}

Status ReplaceLines(store::Connection& connection, std::int64_t version_id, const Submission& submission,
                    const std::vector<Line>& lines) {
    NPGOV_RETURN_IF_ERROR(store::Execute(connection, "DELETE FROM survey_lines WHERE version_id = ?", {version_id}));
    std::vector<store::Value> params;
    params.reserve(kLinesPerStatement * kLineColumns);
    const std::string full = std::string(kLineInsertHead) + store::RowPlaceholders(kLinesPerStatement, kLineColumns);
    for (std::size_t start = 0; start < lines.size(); start += kLinesPerStatement) {
        const std::size_t end = std::min(lines.size(), start + kLinesPerStatement);
        params.clear();
        for (std::size_t i = start; i < end; ++i) {
            const Line& l = lines[i];
            const RawLine& r = l.raw;
            params.insert(params.end(),
                          {version_id, std::int64_t{l.line_no}, std::int64_t{r.source_row}, submission.region_code,
                           std::int64_t{submission.year}, r.cas, r.name, r.activity, r.quantity, r.unit, r.uses,
                           r.emission_air, r.emission_water, r.emission_soil, r.waste, r.confidential, r.reason, l.cas,
                           l.substance_key, l.name, store::ToValue(l.substance_id),
                           l.activity ? store::Value(std::string(ToString(*l.activity))) : store::Null(),
                           store::ToValue(l.tonnes), store::ToValue(l.air_t), store::ToValue(l.water_t),
                           store::ToValue(l.soil_t), store::ToValue(l.waste_t), std::int64_t{l.confidential ? 1 : 0}});
        }
        const std::string sql =
            end - start == kLinesPerStatement ? full : std::string(kLineInsertHead) + store::RowPlaceholders(end - start, kLineColumns);
        NPGOV_RETURN_IF_ERROR(connection.Execute(sql, params));
    }
    return Ok();
}

Result<std::optional<std::int64_t>> PreviousApprovedVersion(store::Connection& connection, std::int64_t enterprise_id,
                                                            int year) {
    NPGOV_ASSIGN_OR_RETURN(
        auto row, store::QueryOne(connection,
                                  "SELECT s.approved_version_id FROM survey_submissions s JOIN survey_campaigns c ON "
                                  "c.id = s.campaign_id WHERE s.enterprise_id = ? AND c.year = ? AND "
                                  "s.approved_version_id IS NOT NULL ORDER BY c.tier DESC, s.id DESC LIMIT 1",
                                  {enterprise_id, std::int64_t{year - 1}}));
    if (!row) return std::optional<std::int64_t>();
    return std::optional(row->Int(0));
}

Result<YearTotals> LoadYearTotals(store::Connection& connection, std::int64_t version_id) {
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(connection,
                                                   "SELECT substance_key, activity, SUM(tonnes) FROM survey_lines WHERE "
                                                   "version_id = ? AND activity IS NOT NULL AND tonnes IS NOT NULL "
                                                   "AND substance_key <> '' GROUP BY substance_key, activity",
                                                   {version_id}));
    YearTotals totals;
    for (const auto& row : rows.rows) {
        auto activity = ParseActivity(row.Text(1));
        NPGOV_CHECK(activity.has_value());
        totals[{row.Text(0), *activity}] = row.Real(2);
    }
    return totals;
}

std::string ContentHash(const std::vector<RawLine>& lines) {
    std::string text;
    for (const auto& l : lines) {
        for (const std::string* f : {&l.cas, &l.name, &l.activity, &l.quantity, &l.unit, &l.uses, &l.emission_air,
                                     &l.emission_water, &l.emission_soil, &l.waste, &l.confidential, &l.reason}) {
            text += *f;
            text += '\x1f';
        }
        text += '\x1e';
    }
    return auth::Sha256Hex(text);
}

}  // namespace internal

std::vector<store::Migration> Migrations() {
    return {{31, "survey", R"sql(
CREATE TABLE survey_campaigns (
    id          {{id}},
    year        INTEGER NOT NULL,
    tier        TEXT NOT NULL,
    title       TEXT NOT NULL,
    industries  TEXT NOT NULL,
    substances  TEXT NOT NULL,
    deadline    TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX survey_campaigns_year ON survey_campaigns (year);
CREATE TABLE survey_submissions (
    id                  {{id}},
    campaign_id         BIGINT NOT NULL REFERENCES survey_campaigns (id),
    enterprise_id       BIGINT NOT NULL,
    region_code         TEXT NOT NULL,
    industry_code       TEXT NOT NULL,
    year                INTEGER NOT NULL,
    status              TEXT NOT NULL,
    version             INTEGER NOT NULL,
    approved_version    INTEGER,
    approved_version_id BIGINT,
    submitted_at        TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (campaign_id, enterprise_id)
);
CREATE INDEX survey_submissions_region ON survey_submissions (region_code, campaign_id);
CREATE INDEX survey_submissions_enterprise ON survey_submissions (enterprise_id);
CREATE TABLE survey_versions (
    id            {{id}},
    submission_id BIGINT NOT NULL REFERENCES survey_submissions (id),
    number        INTEGER NOT NULL,
    status        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    line_count    INTEGER NOT NULL,
    errors        INTEGER NOT NULL,
    open_warnings INTEGER NOT NULL,
    source        TEXT NOT NULL,
    upload_sha256 TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (submission_id, number)
);
CREATE TABLE survey_events (
    id            {{id}},
    submission_id BIGINT NOT NULL REFERENCES survey_submissions (id),
    version       INTEGER NOT NULL,
    action        TEXT NOT NULL,
    actor         TEXT NOT NULL,
    at            TEXT NOT NULL,
    comment       TEXT NOT NULL
);
CREATE INDEX survey_events_submission ON survey_events (submission_id, id);
CREATE TABLE survey_lines (
    id                {{id}},
    version_id        BIGINT NOT NULL,
    line_no           INTEGER NOT NULL,
    source_row        INTEGER NOT NULL,
    region_code       TEXT NOT NULL,
    year              INTEGER NOT NULL,
    cas_text          TEXT NOT NULL,
    name_text         TEXT NOT NULL,
    activity_text     TEXT NOT NULL,
    quantity_text     TEXT NOT NULL,
    unit_text         TEXT NOT NULL,
    uses_text         TEXT NOT NULL,
    air_text          TEXT NOT NULL,
    water_text        TEXT NOT NULL,
    soil_text         TEXT NOT NULL,
    waste_text        TEXT NOT NULL,
    confidential_text TEXT NOT NULL,
    reason_text       TEXT NOT NULL,
    cas               TEXT NOT NULL,
    substance_key     TEXT NOT NULL,
    substance_name    TEXT NOT NULL,
    substance_id      BIGINT,
    activity          TEXT,
    tonnes            DOUBLE PRECISION,
    air_t             DOUBLE PRECISION,
    water_t           DOUBLE PRECISION,
    soil_t            DOUBLE PRECISION,
    waste_t           DOUBLE PRECISION,
    confidential      INTEGER NOT NULL
);
CREATE INDEX survey_lines_version ON survey_lines (version_id, line_no);
)sql"}};
}

}  // namespace npgov::survey
