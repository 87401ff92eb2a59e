#include "modules/assessment/assessment_service.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cas_number.hpp"
#include "engines/assess/pnec_factors.hpp"
#include "engines/fate/input_json.hpp"
#include "modules/assessment/assessment_json.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/monitoring/substance_detections.hpp"
#include "modules/survey/substance_totals.hpp"
#include "store/transaction.hpp"

namespace npgov::assessment {
namespace {

using nlohmann::json;

constexpr const char* kRecordColumns =
    "SELECT id, substance_id, version, status, cas, name_zh, pnec_choice, pnec_ug_l, pnec_method, max_rq, band, "
    "assessor, assessed_at, assessor_comment, reviewer, reviewed_at, review_comment, publisher, published_at, "
    "publish_comment, content_sha256, content FROM assessment_records";
constexpr const char* kRecordColumnsNoContent =
    "SELECT id, substance_id, version, status, cas, name_zh, pnec_choice, pnec_ug_l, pnec_method, max_rq, band, "
    "assessor, assessed_at, assessor_comment, reviewer, reviewed_at, review_comment, publisher, published_at, "
    "publish_comment, content_sha256, '' FROM assessment_records";

Result<std::string> ReadDataFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kFailedPrecondition, "assessment.data_file", "找不到数据文件：" + path.string(),
                         "a data file is missing: " + path.string(), "data_dir");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Error DataFileError(Error e, const std::filesystem::path& path) {
    e.code = ErrorCode::kFailedPrecondition;
    e.message_zh = "数据文件无效（" + path.string() + "）：" + e.message_zh;
    e.message_en = "a data file is invalid (" + path.string() + "): " + e.message_en;
    return e;
}

Result<RecordStatus> ParseStatus(const std::string& text) {
    if (text == "draft") return RecordStatus::kDraft;
    if (text == "reviewed") return RecordStatus::kReviewed;
    if (text == "published") return RecordStatus::kPublished;
    return MakeError(ErrorCode::kDataLoss, "assessment.stored_status", "评估记录状态无法识别：" + text,
                     "an assessment record has an unknown status: " + text, "status");
}

Result<Record> RecordFrom(const store::Row& row) {
    Record r;
    r.id = row.Int(0);
    r.substance_id = row.Int(1);
    r.version = static_cast<int>(row.Int(2));
    NPGOV_ASSIGN_OR_RETURN(r.status, ParseStatus(row.Text(3)));
    r.cas = row.Text(4);
    r.name_zh = row.Text(5);
    r.pnec_choice = row.Text(6);
    if (!row.IsNull(7)) r.pnec_ug_per_l = row.Real(7);
    r.pnec_method = row.Text(8);
    if (!row.IsNull(9)) r.max_quotient = row.Real(9);
    r.band = row.Text(10);
    r.assessor = row.Text(11);
    r.assessed_at = row.Text(12);
    r.assessor_comment = row.Text(13);
    r.reviewer = row.Text(14);
    r.reviewed_at = row.Text(15);
    r.review_comment = row.Text(16);
    r.publisher = row.Text(17);
    r.published_at = row.Text(18);
    r.publish_comment = row.Text(19);
    r.content_sha256 = row.Text(20);
    r.content_json = row.Text(21);
    return r;
}

// What the audit log keeps of a record: its state, not its whole content (the hash names it).
std::string AuditJson(const Record& r) {
    return json{{"version", r.version},
                {"status", ToString(r.status)},
                {"pnec_ug_l", r.pnec_ug_per_l ? json(*r.pnec_ug_per_l) : json(nullptr)},
                {"pnec_method", r.pnec_method},
                {"assessor", r.assessor},
                {"reviewer", r.reviewer},
                {"publisher", r.publisher},
                {"content_sha256", r.content_sha256}}
        .dump();
}

// The content's digest leaves out when it was computed, so that the same inputs give the same
// digest.
std::string ContentDigest(json content) {
    content.erase("computed_at");
    return auth::Sha256Hex(content.dump());
}

Error NoRecord(std::int64_t substance_id) {
    return MakeError(ErrorCode::kNotFound, "assessment.no_record", "该物质尚无评估记录，请先保存评估草稿",
                     "the substance has no assessment record yet: save a draft first", "substance_id")
        .value();
}

}  // namespace

std::string_view ToString(RecordStatus status) {
    switch (status) {
        case RecordStatus::kReviewed: return "reviewed";
        case RecordStatus::kPublished: return "published";
        case RecordStatus::kDraft: break;
    }
    return "draft";
}

Result<std::int64_t> Assessments::SubstanceIdOf(const std::string& cas) {
    NPGOV_ASSIGN_OR_RETURN(auto parsed, CasNumber::Parse(cas));
    NPGOV_ASSIGN_OR_RETURN(auto found, substances_.FindByCas(parsed.text()));
    if (!found) {
        return MakeError(ErrorCode::kNotFound, "substance.unknown", "物质库中没有 CAS 号 " + parsed.text(),
                         "no substance with CAS " + parsed.text() + " in the registry", "cas");
    }
    return found->id;
}

Result<RiskAssessment> Assessments::Compute(std::int64_t substance_id, PnecChoice choice, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto substance, substances_.Find(substance_id));
    const std::filesystem::path factors_path = std::filesystem::path(data_dir_) / "assess" / "pnec_factors.json";
    const std::filesystem::path environment_path = std::filesystem::path(data_dir_) / "fate" / "shuozhou_environment.json";
    NPGOV_ASSIGN_OR_RETURN(auto factors_text, ReadDataFile(factors_path));
    auto factors = assess::ParsePnecFactors(factors_text);
    if (!factors) return tl::unexpected(DataFileError(factors.error(), factors_path));
    NPGOV_ASSIGN_OR_RETURN(auto environment_text, ReadDataFile(environment_path));
    auto environment = fate::ParseEnvironment(environment_text);
    if (!environment) return tl::unexpected(DataFileError(environment.error(), environment_path));

    NPGOV_ASSIGN_OR_RETURN(auto profile, hazard_.LoadProfile(substance));
    RiskAssessment a;
    a.substance_id = substance.id;
    a.cas = substance.cas_numbers.empty() ? "" : substance.cas_numbers.front();
    a.name_zh = substance.name_zh;
    a.name_en = substance.name_en;
    a.computed_at = clock_.Now().ToIsoString();
    a.hazard_selection_version = profile.selection_version;
    a.hazard_estimates_version = profile.estimates_version;
    a.pnec = DerivePnec(profile, *factors, choice);

    // Measured exposure, city-wide: pooled per medium, then per site against the PNEC.
    const monitoring::SiteScope city;
    for (const auto& cas : substance.cas_numbers) {
        monitoring::DetectionQuery query;
        query.cas = cas;
        NPGOV_ASSIGN_OR_RETURN(auto aggregates, monitoring::LoadSubstanceDetections(db_, query, city));
        if (aggregates.empty()) continue;
        std::map<monitoring::Medium, monitoring::GroupSummary> pooled;
        monitoring::SummaryQuery summary_query;
        summary_query.filter.cas = cas;
        summary_query.group_by = monitoring::GroupBy::kSubstance;
        NPGOV_RETURN_IF_ERROR(monitoring_.ForEachSummary(summary_query, city, [&](const monitoring::GroupSummary& g) -> Status {
            pooled.emplace(g.medium, g);
            return Ok();
        }));
        for (const auto& agg : aggregates) {
            auto found = pooled.find(agg.medium);
            a.mec.push_back(ComputeMec(agg, found == pooled.end() ? nullptr : &found->second));
        }
        if (a.pnec.adopted_ug_per_l) {
            auto ng_l = monitoring::ParseConcentrationUnit("ng/L");
            NPGOV_CHECK(ng_l.has_value());
            monitoring::SummaryQuery sites;
            sites.filter.cas = cas;
            sites.filter.medium = monitoring::Medium::kWater;
            sites.group_by = monitoring::GroupBy::kSite;
            sites.threshold = monitoring::Threshold{*a.pnec.adopted_ug_per_l * 1000.0, *ng_l};  // μg/L → ng/L
            NPGOV_RETURN_IF_ERROR(monitoring_.ForEachSummary(sites, city, [&](const monitoring::GroupSummary& g) -> Status {
                SiteExceedance s;
                if (g.site) {
                    s.site_id = g.site->id;
                    s.code = g.site->code;
                    s.name = g.site->name;
                    s.region_code = g.site->region_code;
                }
                s.medium = g.medium;
                s.unit = g.unit;
                s.first_date = g.first_date;
                s.last_date = g.last_date;
                if (g.exceedance && *g.exceedance) {
                    s.exceedance = **g.exceedance;
                } else if (g.exceedance) {
                    s.refusal = g.exceedance->error();
                }
                a.sites.push_back(std::move(s));
                return Ok();
            }));
        }
    }

    // Predicted exposure from the latest survey's emissions.
    NPGOV_ASSIGN_OR_RETURN(auto year, survey::LatestApprovedYear(db_));
    survey::SubstanceTotals totals;
    if (year) {
        NPGOV_ASSIGN_OR_RETURN(totals, survey::LoadSubstanceTotals(db_, *year));
    }
    const survey::SubstanceTotal* emissions = nullptr;
    for (const auto& t : totals.substances) {
        const bool same_id = t.substance_id && *t.substance_id == substance.id;
        const bool same_cas = std::find(substance.cas_numbers.begin(), substance.cas_numbers.end(), t.cas) !=
                              substance.cas_numbers.end();
        if (same_id || same_cas) {
            emissions = &t;
            break;
        }
    }
    a.pec = PredictPec(profile, substance.name_en.empty() ? substance.name_zh : substance.name_en, a.cas, emissions,
                       year.value_or(0), *environment);
    Characterise(a, factors->risk);
    return a;
}

Result<std::vector<Record>> Assessments::Records(store::Connection& connection, std::int64_t substance_id, bool content) {
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection.Query(std::string(content ? kRecordColumns : kRecordColumnsNoContent) +
                                                           " WHERE substance_id = ? ORDER BY version DESC",
                                                       std::vector<store::Value>{substance_id}));
    std::vector<Record> out;
    for (const auto& row : rows.rows) {
        NPGOV_ASSIGN_OR_RETURN(auto r, RecordFrom(row));
        out.push_back(std::move(r));
    }
    return out;
}

Result<AssessmentView> Assessments::View(std::int64_t substance_id, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadAssessment));
    AssessmentView view;
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(view.history, Records(*connection, substance_id, false));
        if (!view.history.empty()) {
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kRecordColumns) + " WHERE id = ?",
                                                                std::vector<store::Value>{view.history.front().id}));
            NPGOV_ASSIGN_OR_RETURN(auto latest, RecordFrom(rows.rows.at(0)));
            view.latest = std::move(latest);
            for (const auto& r : view.history) {
                if (r.status != RecordStatus::kPublished) continue;
                if (r.id == view.latest->id) {
                    view.published = view.latest;
                } else {
                    NPGOV_ASSIGN_OR_RETURN(auto prows, connection->Query(std::string(kRecordColumns) + " WHERE id = ?",
                                                                         std::vector<store::Value>{r.id}));
                    NPGOV_ASSIGN_OR_RETURN(auto published, RecordFrom(prows.rows.at(0)));
                    view.published = std::move(published);
                }
                break;
            }
        }
    }
    PnecChoice choice = PnecChoice::kLowest;
    if (view.latest) {
        if (auto parsed = ParsePnecChoice(view.latest->pnec_choice)) choice = *parsed;
    }
    NPGOV_ASSIGN_OR_RETURN(view.current, Compute(substance_id, choice, who));
    if (view.latest) view.latest_differs = ContentDigest(ToJson(view.current)) != view.latest->content_sha256;
    return view;
}

Result<Record> Assessments::Save(std::int64_t substance_id, const SaveRequest& request, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kRunAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto a, Compute(substance_id, request.pnec_choice, who));
    const json content = ToJson(a);
    Record r;
    r.substance_id = substance_id;
    r.status = RecordStatus::kDraft;
    r.cas = a.cas;
    r.name_zh = a.name_zh;
    r.pnec_choice = std::string(ToString(request.pnec_choice));
    r.pnec_ug_per_l = a.pnec.adopted_ug_per_l;
    r.pnec_method = a.pnec.adopted_method;
    for (const auto& q : a.quotients) {
        if (!r.max_quotient || q.quotient.rq > *r.max_quotient) {
            r.max_quotient = q.quotient.rq;
            r.band = q.quotient.band_id;
        }
    }
    r.assessor = who.username;
    r.assessed_at = clock_.Now().ToIsoString();
    r.assessor_comment = request.comment;
    r.content_json = content.dump();
    r.content_sha256 = ContentDigest(content);

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto existing, Records(*connection, substance_id, false));
    std::optional<Record> before;
    if (!existing.empty() && existing.front().status != RecordStatus::kPublished) before = existing.front();
    r.version = before ? before->version : (existing.empty() ? 1 : existing.front().version + 1);
    const std::vector<store::Value> values{
        std::string(ToString(r.status)), r.cas, r.name_zh, r.pnec_choice, store::ToValue(r.pnec_ug_per_l), r.pnec_method,
        store::ToValue(r.max_quotient), r.band, r.assessor, r.assessed_at, r.assessor_comment, r.content_json,
        r.content_sha256};
    if (before) {
        std::vector<store::Value> update = values;
        update.emplace_back(before->id);
        NPGOV_RETURN_IF_ERROR(connection->Execute(
            "UPDATE assessment_records SET status = ?, cas = ?, name_zh = ?, pnec_choice = ?, pnec_ug_l = ?, "
            "pnec_method = ?, max_rq = ?, band = ?, assessor = ?, assessed_at = ?, assessor_comment = ?, content = ?, "
            "content_sha256 = ?, reviewer = '', reviewed_at = '', review_comment = '' WHERE id = ?",
            update));
        r.id = before->id;
    } else {
        std::vector<store::Value> insert{substance_id, std::int64_t{r.version}};
        insert.insert(insert.end(), values.begin(), values.end());
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(
                                              "INSERT INTO assessment_records (substance_id, version, status, cas, name_zh, "
                                              "pnec_choice, pnec_ug_l, pnec_method, max_rq, band, assessor, assessed_at, "
                                              "assessor_comment, content, content_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                              "?, ?, ?, ?, ?) RETURNING id",
                                              insert));
        r.id = rows.rows.at(0).Int(0);
    }
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {who.username, "assessment.save", "assessment_record",
                                                      std::to_string(r.id),
                                                      before ? std::optional(AuditJson(*before)) : std::nullopt,
                                                      AuditJson(r)}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return r;
}

Result<Record> Assessments::Transition(std::int64_t substance_id, RecordStatus from, RecordStatus to,
                                       const std::string& comment, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReviewAssessment));
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto records, Records(*connection, substance_id, true));
    if (records.empty()) return tl::unexpected(NoRecord(substance_id));
    Record r = records.front();
    const Record before = r;
    if (r.status != from) {
        return MakeError(ErrorCode::kFailedPrecondition, "assessment.wrong_status",
                         "评估记录当前为“" + std::string(ToString(r.status)) + "”，不能" +
                             (to == RecordStatus::kReviewed ? "审核" : "发布"),
                         "the assessment record is " + std::string(ToString(r.status)) + ": it cannot be " +
                             std::string(ToString(to)),
                         "status");
    }
    if (r.assessor == who.username) {
        return MakeError(ErrorCode::kFailedPrecondition, "assessment.same_person",
                         std::string("评估人不能") + (to == RecordStatus::kReviewed ? "审核" : "发布") + "自己的评估",
                         std::string("the assessor may not ") + (to == RecordStatus::kReviewed ? "review" : "publish") +
                             " their own assessment",
                         "user");
    }
    const std::string now = clock_.Now().ToIsoString();
    r.status = to;
    if (to == RecordStatus::kReviewed) {
        r.reviewer = who.username;
        r.reviewed_at = now;
        r.review_comment = comment;
        NPGOV_RETURN_IF_ERROR(connection->Execute("UPDATE assessment_records SET status = ?, reviewer = ?, reviewed_at = ?, "
                                                  "review_comment = ? WHERE id = ?",
                                                  std::vector<store::Value>{std::string(ToString(to)), r.reviewer,
                                                                            r.reviewed_at, r.review_comment, r.id}));
    } else {
        r.publisher = who.username;
        r.published_at = now;
        r.publish_comment = comment;
        NPGOV_RETURN_IF_ERROR(connection->Execute("UPDATE assessment_records SET status = ?, publisher = ?, published_at = ?, "
                                                  "publish_comment = ? WHERE id = ?",
                                                  std::vector<store::Value>{std::string(ToString(to)), r.publisher,
                                                                            r.published_at, r.publish_comment, r.id}));
    }
    NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {who.username,
                                                      to == RecordStatus::kReviewed ? "assessment.review" : "assessment.publish",
                                                      "assessment_record", std::to_string(r.id), AuditJson(before),
                                                      AuditJson(r)}));
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return r;
}

Result<Record> Assessments::Review(std::int64_t substance_id, const std::string& comment, const auth::Principal& who) {
    return Transition(substance_id, RecordStatus::kDraft, RecordStatus::kReviewed, comment, who);
}

Result<Record> Assessments::Publish(std::int64_t substance_id, const std::string& comment, const auth::Principal& who) {
    return Transition(substance_id, RecordStatus::kReviewed, RecordStatus::kPublished, comment, who);
}

}  // namespace npgov::assessment
