// The three exposure dimensions: city tonnage (survey), detection (monitoring: frequency, and
// highest concentration against the PNEC) and dispersive use (survey use categories through
// the vocabulary of the parameter file). A missing source of data is a blocking gap.
#include <algorithm>

#include "engines/screening/internal.hpp"

namespace npgov::screening::internal {
namespace {

Evidence Scored(std::string fact, std::string value, Origin origin, std::string source, const CriterionText& text,
                std::string detail, Verdict verdict, std::optional<double> score) {
    Evidence e;
    e.fact = std::move(fact);
    e.value = std::move(value);
    e.origin = origin;
    e.source = std::move(source);
    e.criterion = text.id;
    e.detail = std::move(detail);
    e.verdict = verdict;
    e.score = score;
    return e;
}

void Finish(DimensionScore& dim, double fill) {
    dim.data_gap = std::any_of(dim.gaps.begin(), dim.gaps.end(), [](const Gap& g) { return g.blocking; });
    const double score = dim.score.value_or(0.0);
    dim.ranking_score = dim.data_gap ? std::max(score, fill) : score;
}

std::string Show(const Quantity& q) { return FormatNumber(q.value) + " " + std::string(Symbol(q.unit)); }

double In(const Quantity& q, Unit unit) {
    auto converted = ConvertTo(q, unit);
    NPGOV_CHECK(converted.has_value());  // ScreenOne checked the units
    return converted->value;
}

}  // namespace

DimensionScore ScoreVolume(const std::optional<VolumeFacts>& volume, const ScreeningParams& params) {
    DimensionScore dim;
    dim.dimension = ScoreDimension::kVolume;
    if (!volume) {
        dim.gaps.push_back({"volume.not_surveyed", "未被化学物质环境信息调查覆盖（无全市产用量数据）",
                            "not covered by a chemical information survey (no city tonnage)", true});
        Finish(dim, params.gap_fill.volume);
        return dim;
    }
    const double t = volume->tonnes_per_year;
    dim.score = t > 0 ? BandScore(params.volume_bands, t) : 0.0;
    std::string value = FormatNumber(t) + " t/a, " + std::to_string(volume->enterprises) + " enterprise(s)";
    if (volume->year != 0) value += ", " + std::to_string(volume->year);
    const std::string detail = t > 0 ? BandRange(params.volume_bands, t, "t/a") : "0 t/a";
    dim.evidence.push_back(Scored("volume.tonnes_per_year", value, Origin::kReported, volume->source,
                                  params.volume_text, detail, Verdict::kScored, dim.score));
    Finish(dim, params.gap_fill.volume);
    return dim;
}

DetectionAssessment ScoreDetection(const std::optional<DetectionFacts>& detection, const ScreeningParams& params) {
    DetectionAssessment out;
    DimensionScore& dim = out.dimension;
    dim.dimension = ScoreDimension::kDetection;
    if (!detection || detection->samples == 0) {
        dim.gaps.push_back({"detection.not_monitored", "未开展环境监测（无检出数据）",
                            "never monitored (no detection data)", true});
        Finish(dim, params.gap_fill.detection);
        return out;
    }
    const DetectionFacts& d = *detection;
    out.samples_adequate = d.samples >= params.min_samples;
    out.detected = d.detects > 0;
    out.pnec_known = d.pnec.has_value();
    const double frequency = static_cast<double>(d.detects) / static_cast<double>(d.samples);
    const double frequency_score = out.detected ? BandScore(params.frequency_bands, frequency) : 0.0;
    const std::string fdetail =
        out.detected ? "frequency " + BandRange(params.frequency_bands, frequency, "") : "not detected";
    dim.evidence.push_back(Scored("detection.frequency",
                                  std::to_string(d.detects) + "/" + std::to_string(d.samples) + " = " +
                                      FormatNumber(frequency) + (d.medium.empty() ? "" : " (" + d.medium + ")"),
                                  Origin::kReported, d.source, params.detection_text, fdetail, Verdict::kScored,
                                  frequency_score));
    if (!out.samples_adequate) {
        dim.gaps.push_back({"detection.few_samples", "样品数少于参数规定的最少样品数",
                            "fewer samples than the parameters' minimum", true,
                            std::to_string(d.samples) + " < " + std::to_string(params.min_samples)});
    }
    double ratio_score = 0;
    if (!d.pnec) {
        dim.gaps.push_back({"detection.no_pnec", "无 PNEC，无法判断浓度是否超过无效应浓度",
                            "no PNEC: exceedance cannot be judged", true});
    } else {
        const Unit unit = d.pnec->value.unit;
        const double pnec = d.pnec->value.value;
        const CriterionText& rtext = params.detection_text;
        if (out.detected && d.max_detected) {
            const double ratio = In(*d.max_detected, unit) / pnec;
            out.ratio = ratio;
            ratio_score = BandScore(params.ratio_bands, ratio);
            dim.evidence.push_back(Scored("detection.max_over_pnec",
                                          "max " + Show(*d.max_detected) + " / PNEC " + Show(d.pnec->value) + " = " +
                                              FormatNumber(ratio),
                                          d.pnec->provenance.origin, d.source + "; PNEC: " + d.pnec->provenance.source,
                                          rtext, "max/PNEC " + BandRange(params.ratio_bands, ratio, ""),
                                          Verdict::kScored, ratio_score));
        } else if (out.detected) {
            dim.gaps.push_back({"detection.max_missing", "有检出但缺少最高检出浓度",
                                "detected, but the highest detected concentration is missing", true});
        } else if (d.max_nondetect_limit) {
            const double limit = In(*d.max_nondetect_limit, unit);
            out.limits_above_pnec = limit > pnec;
            dim.evidence.push_back(Scored("detection.limit_over_pnec",
                                          "limit " + Show(*d.max_nondetect_limit) + " / PNEC " + Show(d.pnec->value) +
                                              " = " + FormatNumber(limit / pnec),
                                          d.pnec->provenance.origin, d.source + "; PNEC: " + d.pnec->provenance.source,
                                          rtext, out.limits_above_pnec ? "limit > PNEC" : "limit ≤ PNEC",
                                          out.limits_above_pnec ? Verdict::kInconclusive : Verdict::kNotMet,
                                          std::nullopt));
            if (out.limits_above_pnec) {
                dim.gaps.push_back({"detection.limit_above_pnec", "未检出，但检出限高于 PNEC（无法排除超标）",
                                    "not detected, but the detection limit is above the PNEC (exceedance not excluded)",
                                    true});
            }
        } else {
            dim.gaps.push_back({"detection.limit_unknown", "未检出，但缺少检出限（无法判断未检出是否有意义）",
                                "not detected, but no detection limit given (a non-detect cannot be judged)", true});
        }
    }
    out.absence_established = out.samples_adequate && !out.detected && out.pnec_known && d.max_nondetect_limit &&
                              !out.limits_above_pnec;
    dim.score = std::max(frequency_score, ratio_score);
    Finish(dim, params.gap_fill.detection);
    return out;
}

UseAssessment ScoreUse(const std::optional<UseFacts>& uses, const ScreeningParams& params) {
    UseAssessment out;
    DimensionScore& dim = out.dimension;
    dim.dimension = ScoreDimension::kDispersiveUse;
    if (!uses || uses->categories.empty()) {
        dim.gaps.push_back({"use.not_reported", "无用途信息", "no use reported", true});
        Finish(dim, params.gap_fill.dispersive_use);
        return out;
    }
    out.reported = true;
    std::optional<double> best;
    for (const std::string& term : uses->categories) {
        const UseCategory* use = params.FindUse(term);
        const CriterionText& text = params.dispersiveness_text;
        if (use == nullptr) {
            dim.gaps.push_back({"use.unmapped", "用途不在用途词表中，未计分", "a use is not in the vocabulary; not scored",
                                false, term});
            dim.evidence.push_back(Scored("use", term, Origin::kReported, uses->source, text, "not in the vocabulary",
                                          Verdict::kNoted, std::nullopt));
            continue;
        }
        dim.evidence.push_back(Scored("use", term, Origin::kReported, uses->source, text,
                                      use->id + " → " + use->dispersiveness + " (" + use->release_categories + ")",
                                      Verdict::kScored, use->score));
        best = std::max(best.value_or(0.0), use->score);
    }
    if (!best) {
        dim.gaps.push_back({"use.none_mapped", "报告的用途均不在用途词表中", "no reported use is in the vocabulary",
                            true});
    }
    dim.score = best;
    Finish(dim, params.gap_fill.dispersive_use);
    return out;
}

}  // namespace npgov::screening::internal
