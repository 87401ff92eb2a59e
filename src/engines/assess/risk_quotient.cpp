#include "engines/assess/risk_quotient.hpp"

#include <cmath>

#include "engines/assess/text_format.hpp"

namespace npgov::assess {
namespace {

tl::unexpected<Error> InputError(const std::string& field, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "assess.rq_input", zh, en, field);
}

}  // namespace

Result<RiskQuotient> ComputeRiskQuotient(const RiskQuotientInput& input, const RiskRules& rules) {
    if (DimensionOf(input.no_effect.unit) != Dimension::kAqueousConcentration || !std::isfinite(input.no_effect.value) ||
        !(input.no_effect.value > 0)) {
        return InputError("no_effect", "PNEC 须为大于 0 的水中浓度", "the PNEC must be an aqueous concentration above 0");
    }
    if (DimensionOf(input.exposure.unit) != Dimension::kAqueousConcentration || !std::isfinite(input.exposure.value) ||
        input.exposure.value < 0) {
        return InputError("exposure", "暴露浓度须为不小于 0 的水中浓度", "the exposure must be an aqueous concentration of 0 or more");
    }
    auto exposure = ConvertTo(input.exposure, Unit::kMicrogramPerLitre);
    auto pnec = ConvertTo(input.no_effect, Unit::kMicrogramPerLitre);
    NPGOV_CHECK(exposure && pnec);
    RiskQuotient q;
    q.rq = exposure->value / pnec->value;
    q.acceptable = q.rq < rules.threshold;
    for (const RiskBand& band : rules.bands) {
        if (q.rq >= band.lower && (!band.upper || q.rq < *band.upper)) {
            q.band_id = band.id;
            q.band_zh = band.zh;
            q.band_en = band.en;
            q.band_sources = band.sources;
        }
    }
    NPGOV_CHECK(!q.band_id.empty());  // bands run from 0 without gaps (checked at parse)
    q.steps.push_back({"rq.quotient",
                       "RQ = 暴露浓度 / PNEC = " + Fmt(exposure->value) + " / " + Fmt(pnec->value) + " " + kUgPerL + " = " + Fmt(q.rq),
                       "RQ = exposure / PNEC = " + Fmt(exposure->value) + " / " + Fmt(pnec->value) + " " + kUgPerL + " = " + Fmt(q.rq),
                       {{"exposure", exposure->value, kUgPerL}, {"pnec", pnec->value, kUgPerL}, {"rq", q.rq, ""}}});
    q.steps.push_back({"rq.threshold",
                       "RQ " + std::string(q.acceptable ? "< " : "≥ ") + Fmt(rules.threshold) + "：" +
                           (q.acceptable ? rules.below_zh : rules.at_or_above_zh) + "；分级：" + q.band_zh,
                       "RQ " + std::string(q.acceptable ? "< " : "≥ ") + Fmt(rules.threshold) + ": " +
                           (q.acceptable ? rules.below_en : rules.at_or_above_en) + "; band: " + q.band_en,
                       {{"threshold", rules.threshold, ""}}});
    return q;
}

}  // namespace npgov::assess
