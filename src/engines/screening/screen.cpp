// Screening one substance (validate the facts, score each dimension, decide the category) and
// ranking many: tier, total score (descending), CAS number, id.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "engines/screening/internal.hpp"
#include "engines/screening/screening.hpp"

namespace npgov::screening {
namespace {

class Validator {
 public:
    explicit Validator(const SubstanceFacts& s) : s_(s) {}

    Status Run();

 private:
    tl::unexpected<Error> Fail(const std::string& reason, const std::string& field, const std::string& zh,
                               const std::string& en) const {
        const std::string where = s_.id + ": " + field;
        return MakeError(ErrorCode::kInvalidArgument, reason, "物质 " + s_.id + " 的 " + field + "：" + zh,
                         "substance " + s_.id + ", " + field + ": " + en, where);
    }
    Status Number(double value, const std::string& field, bool strictly_positive) const {
        if (!std::isfinite(value)) return Fail("screening.not_finite", field, "须为有限数值", "must be a finite number");
        if (strictly_positive ? !(value > 0) : value < 0) {
            return Fail("screening.negative", field, strictly_positive ? "须大于 0" : "不得为负",
                        strictly_positive ? "must be greater than 0" : "must not be negative");
        }
        return Ok();
    }
    Status Source(const Provenance& p, const std::string& field) const {
        if (p.source.empty()) {
            return Fail("screening.provenance", field, "须注明来源（实测的出处或估算的方法）",
                        "needs a source (the study for a measurement, the method for an estimate)");
        }
        return Ok();
    }
    Status CheckFact(const std::optional<Fact>& fact, const std::string& field, bool strictly_positive) const {
        if (!fact) return Ok();
        NPGOV_RETURN_IF_ERROR(Number(fact->value, field, strictly_positive));
        return Source(fact->provenance, field);
    }

    const SubstanceFacts& s_;
};

Status Validator::Run() {
    if (s_.id.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "screening.id_missing", "物质缺少编号", "a substance has no id",
                         "id");
    }
    const HazardFacts& h = s_.hazard;
    for (std::size_t i = 0; i < h.half_lives.size(); ++i) {
        const std::string field = "hazard.half_life." + std::string(ToString(h.half_lives[i].medium));
        NPGOV_RETURN_IF_ERROR(CheckFact(h.half_lives[i].days, field, false));
        for (std::size_t j = 0; j < i; ++j) {
            if (h.half_lives[j].medium == h.half_lives[i].medium) {
                return Fail("screening.duplicate_medium", field, "同一介质给出了两个半衰期",
                            "two half-lives for one medium");
            }
        }
    }
    if (h.readily_biodegradable) NPGOV_RETURN_IF_ERROR(Source(h.readily_biodegradable->provenance, "hazard.readily_biodegradable"));
    NPGOV_RETURN_IF_ERROR(CheckFact(h.bcf, "hazard.bcf", true));
    if (h.log_kow) {
        if (!std::isfinite(h.log_kow->value)) {
            return Fail("screening.not_finite", "hazard.log_kow", "须为有限数值", "must be a finite number");
        }
        NPGOV_RETURN_IF_ERROR(Source(h.log_kow->provenance, "hazard.log_kow"));
    }
    NPGOV_RETURN_IF_ERROR(CheckFact(h.chronic_noec, "hazard.chronic_noec", true));
    NPGOV_RETURN_IF_ERROR(CheckFact(h.acute_lc50, "hazard.acute_lc50", true));
    if (h.classification) NPGOV_RETURN_IF_ERROR(Source(h.classification->provenance, "hazard.classification"));
    if (h.endocrine) NPGOV_RETURN_IF_ERROR(Source(h.endocrine->provenance, "hazard.endocrine"));
    for (const auto& c : h.conclusions) NPGOV_RETURN_IF_ERROR(Source(c.provenance, "hazard.conclusions"));
    if (s_.volume) {
        NPGOV_RETURN_IF_ERROR(Number(s_.volume->tonnes_per_year, "volume.tonnes_per_year", false));
        if (s_.volume->enterprises < 0) {
            return Fail("screening.negative", "volume.enterprises", "不得为负", "must not be negative");
        }
    }
    if (s_.detection) {
        const DetectionFacts& d = *s_.detection;
        if (d.samples < 0 || d.detects < 0) {
            return Fail("screening.negative", "detection.samples", "不得为负", "must not be negative");
        }
        if (d.detects > d.samples) {
            return Fail("screening.counts", "detection.detects", "检出数多于样品数", "more detects than samples");
        }
        if (d.pnec) {
            NPGOV_RETURN_IF_ERROR(Number(d.pnec->value.value, "detection.pnec", true));
            NPGOV_RETURN_IF_ERROR(Source(d.pnec->provenance, "detection.pnec"));
        }
        for (const auto& [q, field] : {std::pair{&d.max_detected, "detection.max_detected"},
                                       std::pair{&d.max_nondetect_limit, "detection.max_nondetect_limit"}}) {
            if (!*q) continue;
            NPGOV_RETURN_IF_ERROR(Number((*q)->value, field, false));
            if (d.pnec && DimensionOf((*q)->unit) != DimensionOf(d.pnec->value.unit)) {
                return Fail("screening.unit", field,
                            "单位 " + std::string(Symbol((*q)->unit)) + " 与 PNEC 的单位 " +
                                std::string(Symbol(d.pnec->value.unit)) + " 不可比较",
                            "unit " + std::string(Symbol((*q)->unit)) + " is not comparable with the PNEC's " +
                                std::string(Symbol(d.pnec->value.unit)));
            }
        }
    }
    return Ok();
}

bool RanksBefore(const ScreenedSubstance& a, const ScreenedSubstance& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.total != b.total) return a.total > b.total;
    if (a.cas.empty() != b.cas.empty()) return !a.cas.empty();
    if (a.cas != b.cas) return a.cas < b.cas;
    return a.id < b.id;
}

}  // namespace

void RankScreened(std::vector<ScreenedSubstance>& screened) {
    // Sort indices, then move each result once: the results are large.
    std::vector<std::size_t> order(screened.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return RanksBefore(screened[a], screened[b]); });
    std::vector<ScreenedSubstance> ranked;
    ranked.reserve(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        ranked.push_back(std::move(screened[order[i]]));
        ranked.back().rank = i + 1;
    }
    screened = std::move(ranked);
}

Result<ScreenedSubstance> ScreenOne(const SubstanceFacts& substance, const ScreeningParams& params) {
    NPGOV_RETURN_IF_ERROR(Validator(substance).Run());
    ScreenedSubstance out;
    out.id = substance.id;
    out.cas = substance.cas;
    out.name_zh = substance.name_zh;
    out.name_en = substance.name_en;

    internal::HazardAssessment hazard = internal::AssessHazard(substance.hazard, params);
    out.hazard = std::move(hazard.profile);
    out.concern = hazard.concern;
    internal::DetectionAssessment detection = internal::ScoreDetection(substance.detection, params);
    internal::UseAssessment use = internal::ScoreUse(substance.uses, params);

    out.dimensions[0] = std::move(hazard.dimension);
    out.dimensions[1] = internal::ScoreVolume(substance.volume, params);
    out.dimensions[2] = std::move(detection.dimension);
    out.dimensions[3] = std::move(use.dimension);

    internal::CategoryInputs inputs;
    inputs.concern = out.concern;
    const bool tonnage = substance.volume && substance.volume->tonnes_per_year > 0;
    inputs.used = tonnage || use.reported;
    inputs.exposure_evident = inputs.used || detection.detected;
    inputs.detection = std::move(detection);  // its dimension was moved out above; flags remain
    const internal::CategoryDecision decision = internal::DecideCategory(inputs, params);
    out.category = decision.category;
    out.tier = params.Info(decision.category).tier;
    out.category_reason_zh = decision.reason_zh;
    out.category_reason_en = decision.reason_en;
    out.category_detail = decision.detail;

    const Weights& w = params.weights;
    out.total = w.hazard * out.dimensions[0].ranking_score + w.volume * out.dimensions[1].ranking_score +
                w.detection * out.dimensions[2].ranking_score + w.dispersive_use * out.dimensions[3].ranking_score;
    return out;
}

Result<ScreeningResult> Screen(std::span<const SubstanceFacts> substances, const ScreeningParams& params) {
    ScreeningResult result;
    result.engine_version = std::string(kScreeningVersion);
    result.params_id = params.id;
    result.params_version = params.version;
    result.ranked.reserve(substances.size());
    std::unordered_set<std::string_view> ids;
    ids.reserve(substances.size());
    for (const SubstanceFacts& substance : substances) {
        if (!substance.id.empty() && !ids.insert(substance.id).second) {
            return MakeError(ErrorCode::kInvalidArgument, "screening.duplicate_id",
                             "物质编号 " + substance.id + " 重复", "substance id " + substance.id + " given twice",
                             substance.id + ": id");
        }
        NPGOV_ASSIGN_OR_RETURN(ScreenedSubstance screened, ScreenOne(substance, params));
        result.ranked.push_back(std::move(screened));
    }
    RankScreened(result.ranked);
    // The criteria cited, each once.
    std::set<std::string_view> cited;
    for (const auto& s : result.ranked) {
        for (const auto& d : s.dimensions) {
            for (const auto& e : d.evidence) cited.insert(e.criterion);
        }
    }
    for (std::string_view id : cited) {
        if (const CriterionText* text = params.FindCriterion(id)) result.criteria.push_back(*text);
    }
    return result;
}

}  // namespace npgov::screening
