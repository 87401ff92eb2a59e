// The action category, in the style of the NORMAN prioritisation framework (Dulio & von der Ohe
// 2013): the category says which data are lacking and what to do, so that a substance without
// data is sent to collect them instead of looking safe. The rules, in order (first match wins):
//  1. max/PNEC ≥ 1 with enough samples                    → manage (NORMAN 1)
//  2. established high concern and present in the city     → manage
//  3. max/PNEC ≥ 1 in too few samples                      → monitor (confirm)
//  4. nothing detected, detection limits above the PNEC    → improve analytics (NORMAN 4)
//  5. monitored enough, nothing detected, limits ≤ PNEC, no use or tonnage reported
//                                                           → low priority (NORMAN 6)
//  6. high concern, no sign of presence                    → monitor (NORMAN 2)
//  7. moderate concern: monitored enough with a PNEC → low priority; monitored enough without
//     a PNEC → assess hazard; otherwise → monitor
//  8. suspected or unknown hazard, present in the city     → assess hazard (NORMAN 3)
//  9. suspected or unknown hazard, no sign of presence     → collect data (NORMAN 5)
// 10. low concern with adequate hazard data                → low priority (NORMAN 6)
#include "engines/screening/internal.hpp"

namespace npgov::screening::internal {
namespace {

// zh and en must be string literals (the decision keeps views of them).
CategoryDecision Make(ActionCategory category, std::string_view zh, std::string_view en, std::string detail = {}) {
    return {category, zh, en, std::move(detail)};
}

}  // namespace

CategoryDecision DecideCategory(const CategoryInputs& in, const ScreeningParams& params) {
    const DetectionAssessment& d = in.detection;
    const bool exceeds = d.ratio && *d.ratio >= 1.0;
    const std::string ratio = exceeds ? "max/PNEC = " + FormatNumber(*d.ratio) : std::string();
    if (exceeds && d.samples_adequate) {
        return Make(ActionCategory::kManage, "最高检出浓度/PNEC ≥ 1，样品数充足",
                    "highest concentration / PNEC ≥ 1 with enough samples", ratio);
    }
    if (in.concern == Concern::kHigh && in.exposure_evident) {
        return Make(ActionCategory::kManage, "已确定为高关注物质，且在本市有使用、检出或分散式用途",
                    "established high concern, and used, detected or in dispersive use in the city");
    }
    if (exceeds) {
        return Make(ActionCategory::kMonitor, "最高检出浓度/PNEC ≥ 1，但样品数不足：需加密监测确认",
                    "highest concentration / PNEC ≥ 1 in too few samples: confirm by monitoring",
                    ratio + "; " + std::to_string(params.min_samples) + " samples needed");
    }
    if (d.limits_above_pnec) {
        return Make(ActionCategory::kImproveAnalytics, "未检出，但检出限高于 PNEC",
                    "not detected, but detection limits are above the PNEC");
    }
    if (d.absence_established && !in.used) {
        return Make(ActionCategory::kLowPriority, "监测样品充足且均未检出（检出限不高于 PNEC），且无使用报告",
                    "enough samples, none detected (limits not above the PNEC), and no use reported");
    }
    switch (in.concern) {
        case Concern::kHigh:
            return Make(ActionCategory::kMonitor, "已确定为高关注物质，但尚无本市存在的证据：需调查与监测",
                        "established high concern but no evidence yet of presence in the city: survey and monitor");
        case Concern::kModerate:
            if (d.samples_adequate && d.pnec_known) {
                return Make(ActionCategory::kLowPriority, "中等危害，监测充分且未超过 PNEC",
                            "moderate hazard, monitored enough and below the PNEC");
            }
            if (d.samples_adequate) {
                return Make(ActionCategory::kAssessHazard, "中等危害，已有监测但缺少 PNEC：需推导 PNEC",
                            "moderate hazard, monitored but without a PNEC: derive one");
            }
            return Make(ActionCategory::kMonitor, "中等危害，暴露数据不足：需调查与监测",
                        "moderate hazard, exposure data insufficient: survey and monitor");
        case Concern::kSuspected:
            if (in.exposure_evident) {
                return Make(ActionCategory::kAssessHazard, "疑似高关注，且在本市有使用、检出或分散式用途：需补充危害数据",
                            "suspected high concern, and used, detected or in dispersive use in the city: hazard data "
                            "needed");
            }
            return Make(ActionCategory::kCollectData, "疑似高关注，且无暴露数据：危害与暴露数据均需收集",
                        "suspected high concern, and no exposure data: collect hazard and exposure data");
        case Concern::kUnknown:
            if (in.exposure_evident) {
                return Make(ActionCategory::kAssessHazard, "危害未确定，且在本市有使用、检出或分散式用途：需补充危害数据",
                            "hazard unknown, and used, detected or in dispersive use in the city: hazard data needed");
            }
            return Make(ActionCategory::kCollectData, "危害未确定，且无暴露数据：危害与暴露数据均需收集",
                        "hazard unknown, and no exposure data: collect hazard and exposure data");
        case Concern::kLow:
            return Make(ActionCategory::kLowPriority, "危害数据充分且关注度低", "adequate hazard data and low concern");
    }
    return Make(ActionCategory::kCollectData, "数据不足", "insufficient data");
}

}  // namespace npgov::screening::internal
