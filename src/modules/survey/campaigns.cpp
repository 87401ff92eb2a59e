#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "modules/auth/scope.hpp"
#include "modules/survey/survey_service.hpp"
#include "modules/survey/survey_store.hpp"
#include "store/transaction.hpp"

namespace npgov::survey {

Result<Campaign> SurveyService::CreateCampaign(const NewCampaign& input, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kManageSurveyCampaigns));
    if (input.year < 2000 || input.year > 2100) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.year", "调查年度须在 2000 到 2100 之间",
                         "the survey year must be between 2000 and 2100", "year");
    }
    Campaign c;
    c.year = input.year;
    c.tier = input.tier;
    c.title = std::string(Trim(input.title));
    if (c.title.empty()) {
        c.title = std::to_string(c.year) + " 年度化学物质环境信息调查（" +
                  (c.tier == Tier::kDetailed ? std::string("详细") : std::string("基础")) + "）";
    }
    if (SplitCodePoints(c.title).size() > 100) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.title", "标题不超过 100 字",
                         "the title must be at most 100 characters", "title");
    }
    for (const auto& code : input.industries) {
        std::string trimmed(Trim(NormalizeFullWidth(code)));
        if (trimmed.empty()) continue;
        NPGOV_RETURN_IF_ERROR(reference_.FindIndustry(trimmed));
        if (std::find(c.industries.begin(), c.industries.end(), trimmed) == c.industries.end()) c.industries.push_back(trimmed);
    }
    if (c.industries.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.industries", "请至少选择一个行业（GB/T 4754-2017 代码）",
                         "choose at least one industry class (GB/T 4754-2017)", "industries");
    }
    for (const auto& text : input.substances) {
        if (Trim(text).empty()) continue;
        auto cas = CasNumber::Parse(text);
        if (!cas) {
            Error e = cas.error();
            e.field = "substances";
            return tl::unexpected(e);
        }
        if (std::find(c.substances.begin(), c.substances.end(), cas->text()) == c.substances.end()) {
            c.substances.push_back(cas->text());
        }
    }
    auto deadline = Date::Parse(input.deadline);
    if (!deadline) {
        Error e = deadline.error();
        e.field = "deadline";
        return tl::unexpected(e);
    }
    c.deadline = *deadline;
    c.created_by = who.username;
    c.created_at = clock_.Now().ToIsoString();
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(
        auto rows,
        store::Query(*connection,
                     "INSERT INTO survey_campaigns (year, tier, title, industries, substances, deadline, created_by, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     {std::int64_t{c.year}, std::string(ToString(c.tier)), c.title, internal::JoinCodes(c.industries),
                      internal::JoinCodes(c.substances), c.deadline.ToIsoString(), c.created_by, c.created_at}));
    c.id = rows.rows.at(0).Int(0);
    nlohmann::json after = {{"id", c.id}, {"year", c.year}, {"tier", ToString(c.tier)}, {"title", c.title},
                            {"industries", c.industries}, {"substances", c.substances},
                            {"deadline", c.deadline.ToIsoString()}};
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {who.username, "survey.campaign_create", "survey_campaign",
                                                      std::to_string(c.id), std::nullopt, after.dump()}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return c;
}

Result<std::vector<Campaign>> SurveyService::ListCampaigns() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows,
                           connection->Query(std::string(internal::kCampaignColumns) + " ORDER BY year DESC, id DESC"));
    std::vector<Campaign> out;
    for (const auto& row : rows.rows) out.push_back(internal::CampaignFromRow(row));
    return out;
}

Result<Campaign> SurveyService::FindCampaign(std::int64_t id) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return internal::LoadCampaign(*connection, id);
}

Result<StatusReport> SurveyService::CampaignStatus(std::int64_t campaign_id, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    StatusReport report;
    NPGOV_ASSIGN_OR_RETURN(report.campaign, internal::LoadCampaign(*connection, campaign_id));
    const Date today = ToDate(clock_.Now(), kChinaStandardTimeOffsetMinutes);
    report.as_of = today.ToIsoString();
    report.deadline_passed = today > report.campaign.deadline;
    std::string where = " WHERE s.campaign_id = ?";
    std::vector<store::Value> params = {campaign_id};
    internal::AddScope(who, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(internal::kSubmissionColumns) + where, params));
    std::map<std::int64_t, Submission> by_enterprise;
    for (const auto& row : rows.rows) {
        auto s = internal::SubmissionFromRow(row);
        by_enterprise.emplace(s.enterprise_id, s);
    }
    NPGOV_ASSIGN_OR_RETURN(auto in_scope, enterprises_.ListAll(auth::EnterpriseScopeOf(who), report.campaign.industries));
    for (auto& e : in_scope) {
        Obligation o;
        if (auto it = by_enterprise.find(e.id); it != by_enterprise.end()) o.submission = it->second;
        if (o.submission) {
            const SubmissionStatus st = o.submission->status;
            o.reported = o.submission->approved_version.has_value() || st == SubmissionStatus::kSubmitted ||
                         st == SubmissionStatus::kCountyReviewed || st == SubmissionStatus::kApproved;
        }
        if (o.reported) {
            // submitted_at is UTC; the deadline is a civil date in China Standard Time.
            auto at = Timestamp::Parse(o.submission->submitted_at);
            o.late = at && ToDate(*at, kChinaStandardTimeOffsetMinutes) > report.campaign.deadline;
            ++report.reported;
            if (o.submission->approved_version) ++report.approved;
        } else {
            o.late = report.deadline_passed;
            ++report.not_reported;
        }
        o.enterprise = std::move(e);
        report.obligations.push_back(std::move(o));
    }
    return report;
}

}  // namespace npgov::survey
