#include "modules/survey/survey_model.hpp"

#include "core/text.hpp"

namespace npgov::survey {
namespace {

std::string Key(std::string_view text) { return ToLowerAscii(Trim(NormalizeFullWidth(text))); }

}  // namespace

std::string_view ToString(Tier tier) { return tier == Tier::kDetailed ? "detailed" : "basic"; }

Result<Tier> ParseTier(std::string_view text) {
    const std::string k = Key(text);
    if (k == "basic" || k == "基础" || k == "基础调查") return Tier::kBasic;
    if (k == "detailed" || k == "详细" || k == "详细调查") return Tier::kDetailed;
    return MakeError(ErrorCode::kInvalidArgument, "survey.tier", "调查层级须为 basic（基础）或 detailed（详细）",
                     "the tier must be basic or detailed", "tier");
}

std::string_view ToString(Activity a) {
    switch (a) {
        case Activity::kProduce: return "produce";
        case Activity::kImport: return "import";
        case Activity::kProcess: return "process";
        case Activity::kUse: return "use";
        case Activity::kExport: return "export";
    }
    return "use";
}

std::string_view ChineseName(Activity a) {
    switch (a) {
        case Activity::kProduce: return "生产";
        case Activity::kImport: return "进口";
        case Activity::kProcess: return "加工";
        case Activity::kUse: return "使用";
        case Activity::kExport: return "出口";
    }
    return "使用";
}

Result<Activity> ParseActivity(std::string_view text) {
    const std::string k = Key(text);
    for (Activity a : {Activity::kProduce, Activity::kImport, Activity::kProcess, Activity::kUse, Activity::kExport}) {
        if (k == ToString(a) || k == ChineseName(a)) return a;
    }
    if (k == "manufacture" || k == "production" || k == "生产量") return Activity::kProduce;
    if (k == "进口量") return Activity::kImport;
    if (k == "processing" || k == "加工量" || k == "复配" || k == "分装") return Activity::kProcess;
    if (k == "使用量" || k == "用") return Activity::kUse;
    if (k == "出口量") return Activity::kExport;
    return MakeError(ErrorCode::kInvalidArgument, "survey.activity",
                     "活动类型须为 生产、进口、加工、使用 或 出口，而不是“" + ToMessageSnippet(text) + "”",
                     "the activity must be produce, import, process, use or export, not \"" + ToMessageSnippet(text) + "\"",
                     "activity");
}

std::string_view ToString(SubmissionStatus s) {
    switch (s) {
        case SubmissionStatus::kDraft: return "draft";
        case SubmissionStatus::kSubmitted: return "submitted";
        case SubmissionStatus::kCountyReviewed: return "county_reviewed";
        case SubmissionStatus::kApproved: return "approved";
        case SubmissionStatus::kReturned: return "returned";
        case SubmissionStatus::kSuperseded: return "superseded";
    }
    return "draft";
}

std::string_view ChineseName(SubmissionStatus s) {
    switch (s) {
        case SubmissionStatus::kDraft: return "草稿";
        case SubmissionStatus::kSubmitted: return "待区县审核";
        case SubmissionStatus::kCountyReviewed: return "待市级审定";
        case SubmissionStatus::kApproved: return "已审定";
        case SubmissionStatus::kReturned: return "已退回";
        case SubmissionStatus::kSuperseded: return "已被新版本取代";
    }
    return "草稿";
}

Result<SubmissionStatus> ParseStatus(std::string_view text) {
    for (SubmissionStatus s : {SubmissionStatus::kDraft, SubmissionStatus::kSubmitted, SubmissionStatus::kCountyReviewed, SubmissionStatus::kApproved, SubmissionStatus::kReturned,
                     SubmissionStatus::kSuperseded}) {
        if (text == ToString(s)) return s;
    }
    return MakeError(ErrorCode::kInvalidArgument, "survey.status",
                     "状态须为 draft、submitted、county_reviewed、approved、returned 或 superseded",
                     "status must be draft, submitted, county_reviewed, approved, returned or superseded", "status");
}

std::string_view ToString(Severity s) {
    switch (s) {
        case Severity::kError: return "error";
        case Severity::kWarning: return "warning";
        case Severity::kNotice: return "notice";
    }
    return "error";
}

}  // namespace npgov::survey
