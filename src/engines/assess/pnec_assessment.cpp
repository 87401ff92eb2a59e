#include "engines/assess/pnec_assessment.hpp"

namespace npgov::assess {

Result<PnecAssessment> AssessPnec(std::vector<EcotoxRecord> records, const PnecFactors& factors, const PnecParams& params) {
    if (records.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.no_records", "没有毒性数据记录", "there are no ecotoxicity records",
                         "records");
    }
    PnecAssessment a;
    a.factors_id = factors.id;
    a.factors_version = factors.version;
    a.records = std::move(records);
    for (const EcotoxRecord& r : a.records) {
        if (!r.excluded) ++a.used_records;
    }
    a.short_term = ComputeSpeciesValues(a.records, Exposure::kShortTerm);
    a.long_term = ComputeSpeciesValues(a.records, Exposure::kLongTerm);
    a.assessment_factor = DeriveAssessmentFactorPnec(a.short_term, a.long_term, factors);
    NPGOV_ASSIGN_OR_RETURN(a.ssd, DeriveSsdPnec(a.long_term, factors, params.ssd));
    const auto& af = a.assessment_factor.pnec_ug_per_l;
    const auto& ssd = a.ssd.pnec_ug_per_l;
    if (af && (!ssd || *af <= *ssd)) {
        a.lowest = "assessment_factor";
    } else if (ssd) {
        a.lowest = "ssd";
    }
    return a;
}

}  // namespace npgov::assess
