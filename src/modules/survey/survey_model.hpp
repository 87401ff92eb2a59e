// Values of the chemical information survey (化学物质环境信息调查, plan section 二(一)): campaigns,
// the lines an enterprise reports, validation issues, submissions and their versions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"

namespace npgov::survey {

enum class Tier { kBasic, kDetailed };  // detailed: emissions per route and waste are required
std::string_view ToString(Tier tier);
// "basic"/"基础", "detailed"/"详细". Errors: kInvalidArgument "survey.tier" (field "tier").
Result<Tier> ParseTier(std::string_view text);

enum class Activity { kProduce, kImport, kProcess, kUse, kExport };
std::string_view ToString(Activity activity);       // "produce" …
std::string_view ChineseName(Activity activity);    // "生产", "进口", "加工", "使用", "出口"
// English or Chinese name. Errors: kInvalidArgument "survey.activity" (field "activity").
Result<Activity> ParseActivity(std::string_view text);

// Status of one version of a submission. A version is edited only as kDraft; kSuperseded is an
// approved version replaced by a later approved one.
enum class SubmissionStatus { kDraft, kSubmitted, kCountyReviewed, kApproved, kReturned, kSuperseded };
std::string_view ToString(SubmissionStatus status);
std::string_view ChineseName(SubmissionStatus status);  // as the web app shows it: "草稿", "待区县审核", …
Result<SubmissionStatus> ParseStatus(std::string_view text);  // kInvalidArgument "survey.status"

struct Campaign {
    std::int64_t id = 0;
    int year = 0;  // the reporting year (quantities are per calendar year, t/a)
    Tier tier = Tier::kBasic;
    std::string title;
    std::vector<std::string> industries;  // GB/T 4754-2017 classes in scope (never empty)
    std::vector<std::string> substances;  // CAS numbers in scope; empty = every substance
    Date deadline;
    std::string created_by;
    std::string created_at;
};

struct NewCampaign {
    int year = 0;  // 2000..2100
    Tier tier = Tier::kBasic;
    std::string title;  // default "<year> 年度化学物质环境信息调查（基础/详细）"
    std::vector<std::string> industries;  // must be loaded industry classes
    std::vector<std::string> substances;  // CAS numbers (validated, canonicalised)
    std::string deadline;                 // a date Date::Parse accepts
};

// One line as typed (in the web form or a spreadsheet cell): kept verbatim so that a draft
// loses nothing, whatever its errors.
struct RawLine {
    std::string cas;
    std::string name;
    std::string activity;
    std::string quantity;
    std::string unit;
    std::string uses;  // use categories separated by ';', '；', '、' or ','
    std::string emission_air;    // t/a
    std::string emission_water;  // t/a
    std::string emission_soil;   // t/a
    std::string waste;           // t/a
    std::string confidential;    // 是/否
    std::string reason;          // explanation of a large change from last year
    long source_row = 0;         // spreadsheet row, 0 when typed in the web form
};

// A substance the registry knows (see SubstanceResolver).
struct SubstanceMatch {
    std::int64_t id = 0;
    std::string cas;
    std::string name_zh;
};

// A line as understood: values that did not parse stay empty and an issue says why.
struct Line {
    RawLine raw;
    int line_no = 0;        // 1-based position in the submission
    std::string cas;        // canonical, or "" (absent or invalid)
    std::string name;       // as typed, else the registry's name
    std::string substance_key;  // cas if any, else "name:" + the trimmed name; "" if neither
    std::optional<std::int64_t> substance_id;  // registry id when resolved
    std::optional<Activity> activity;
    std::optional<double> tonnes;  // quantity converted to t
    std::optional<double> air_t, water_t, soil_t, waste_t;
    std::vector<std::string> uses;
    bool confidential = false;
};

enum class Severity {
    kError,    // must be fixed before submitting
    kWarning,  // a reason (变化说明) on a line of the group is needed before submitting
    kNotice,   // for information (e.g. a substance the registry does not know)
};
std::string_view ToString(Severity severity);

struct Issue {
    Severity severity = Severity::kError;
    Error error;     // reason, messages, field; row = the line's spreadsheet row, else 0
    int line_no = 0; // the line at fault, 0 for the whole submission
    bool resolved = false;  // a warning with a reason given
};

}  // namespace npgov::survey
