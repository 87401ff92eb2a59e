// Risk assessments per substance: computes one (risk_assessment.hpp) from the hazard, survey and
// monitoring modules and the engines' data files, and keeps assessment records — versions of a
// substance's assessment with their content frozen as JSON — through draft → reviewed →
// published. The assessor saves a draft; another person reviews it; a reviewed record is
// published by anyone allowed to review except its assessor. Every write is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/assessment/risk_assessment.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/roles.hpp"
#include "modules/hazard/hazard.hpp"
#include "modules/monitoring/result_reader.hpp"
#include "modules/substance/substance_registry.hpp"
#include "store/database.hpp"

namespace npgov::assessment {

enum class RecordStatus { kDraft, kReviewed, kPublished };
std::string_view ToString(RecordStatus status);  // "draft", "reviewed", "published"

struct Record {
    std::int64_t id = 0;
    std::int64_t substance_id = 0;
    int version = 0;  // 1, 2, … per substance; a new version starts after publication
    RecordStatus status = RecordStatus::kDraft;
    std::string cas, name_zh;
    std::string pnec_choice;                 // PnecChoice as text
    std::optional<double> pnec_ug_per_l;     // adopted
    std::string pnec_method;                 // "assessment_factor" | "ssd" | ""
    std::optional<double> max_quotient;      // highest RQ
    std::string band;                        // band id of the highest RQ, "" without one
    std::string assessor, assessed_at, assessor_comment;
    std::string reviewer, reviewed_at, review_comment;
    std::string publisher, published_at, publish_comment;
    std::string content_json;  // the RiskAssessment as saved
    std::string content_sha256;
};

struct SaveRequest {
    PnecChoice pnec_choice = PnecChoice::kLowest;
    std::string comment;
};

struct AssessmentView {
    RiskAssessment current;                // computed now
    std::optional<Record> latest;          // the latest version
    std::optional<Record> published;       // the latest published version, if any
    std::vector<Record> history;           // every version, newest first (without content)
    bool latest_differs = false;           // the latest record's content differs from `current`
};

class Assessments {
public:
    // `data_dir` holds assess/pnec_factors.json and fate/shuozhou_environment.json.
    Assessments(store::Database& db, audit::AuditLog& audit, const Clock& clock, substance::SubstanceRegistry& substances,
                hazard::HazardData& hazard, monitoring::ResultReader& monitoring, std::string data_dir)
        : db_(db), audit_(audit), clock_(clock), substances_(substances), hazard_(hazard), monitoring_(monitoring),
          data_dir_(std::move(data_dir)) {}

    // Computes the assessment now. Errors: kPermissionDenied; kNotFound "substance.unknown";
    // kFailedPrecondition "assessment.data_file" (a data file missing or invalid); those of
    // the modules and the store.
    Result<RiskAssessment> Compute(std::int64_t substance_id, PnecChoice choice, const auth::Principal& who);
    // The substance by CAS number. kNotFound "substance.unknown" (field "cas"); cas.*.
    Result<std::int64_t> SubstanceIdOf(const std::string& cas);

    // The current computation with the substance's records.
    Result<AssessmentView> View(std::int64_t substance_id, const auth::Principal& who);

    // Saves the computation as the latest draft (kRunAssessment): replaces a draft or a
    // reviewed version (back to draft: its review no longer holds), or starts a new version
    // after a published one.
    Result<Record> Save(std::int64_t substance_id, const SaveRequest& request, const auth::Principal& who);
    // draft → reviewed (kReviewAssessment). kFailedPrecondition "assessment.wrong_status",
    // "assessment.same_person" (the reviewer is the assessor); kNotFound "assessment.no_record".
    Result<Record> Review(std::int64_t substance_id, const std::string& comment, const auth::Principal& who);
    // reviewed → published (kReviewAssessment). Errors as Review (the publisher may not be the
    // assessor).
    Result<Record> Publish(std::int64_t substance_id, const std::string& comment, const auth::Principal& who);

private:
    Result<std::vector<Record>> Records(store::Connection& connection, std::int64_t substance_id, bool content);
    Result<Record> Transition(std::int64_t substance_id, RecordStatus from, RecordStatus to, const std::string& comment,
                              const auth::Principal& who);

    store::Database& db_;
    audit::AuditLog& audit_;
    const Clock& clock_;
    substance::SubstanceRegistry& substances_;
    hazard::HazardData& hazard_;
    monitoring::ResultReader& monitoring_;
    std::string data_dir_;
};

}  // namespace npgov::assessment
