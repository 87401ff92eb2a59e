// The action-category decision, one case per rule of category.cpp (NORMAN-style categories:
// Dulio & von der Ohe 2013; action names from NORMAN WG1 2014).
#include "engines/screening/internal.hpp"
#include "engines/screening/screening_test_support.hpp"

namespace npgov::screening {
namespace {

using internal::CategoryInputs;
using internal::DetectionAssessment;
using testing::Params;

DetectionAssessment Monitoring(bool adequate, bool detected, std::optional<double> ratio, bool pnec,
                               bool limits_above = false, bool absence = false) {
    DetectionAssessment d;
    d.samples_adequate = adequate;
    d.detected = detected;
    d.ratio = ratio;
    d.pnec_known = pnec;
    d.limits_above_pnec = limits_above;
    d.absence_established = absence;
    return d;
}

TEST(ScreeningCategoryTest, OneCasePerRule) {
    const DetectionAssessment none;
    struct Case {
        const char* name;
        Concern concern;
        bool evident, used;
        DetectionAssessment detection;
        ActionCategory expected;
    };
    const Case cases[] = {
        {"exceedance, enough samples, even with low hazard", Concern::kLow, true, false,
         Monitoring(true, true, 1.0, true), ActionCategory::kManage},
        {"established high concern, used in the city", Concern::kHigh, true, true, none, ActionCategory::kManage},
        {"exceedance in too few samples", Concern::kUnknown, true, false, Monitoring(false, true, 3.0, true),
         ActionCategory::kMonitor},
        {"limits above the PNEC", Concern::kSuspected, false, false,
         Monitoring(true, false, std::nullopt, true, true), ActionCategory::kImproveAnalytics},
        {"absence established, not used", Concern::kHigh, false, false,
         Monitoring(true, false, std::nullopt, true, false, true), ActionCategory::kLowPriority},
        {"high concern, no sign of presence", Concern::kHigh, false, false, none, ActionCategory::kMonitor},
        {"moderate, monitored with a PNEC", Concern::kModerate, true, true, Monitoring(true, true, 0.2, true),
         ActionCategory::kLowPriority},
        {"moderate, monitored without a PNEC", Concern::kModerate, true, true,
         Monitoring(true, true, std::nullopt, false), ActionCategory::kAssessHazard},
        {"moderate, not monitored", Concern::kModerate, true, true, none, ActionCategory::kMonitor},
        {"suspected, present", Concern::kSuspected, true, true, none, ActionCategory::kAssessHazard},
        {"unknown hazard, present", Concern::kUnknown, true, true, none, ActionCategory::kAssessHazard},
        {"unknown hazard, detected only", Concern::kUnknown, true, false, Monitoring(true, true, std::nullopt, false),
         ActionCategory::kAssessHazard},
        {"suspected, no exposure data", Concern::kSuspected, false, false, none, ActionCategory::kCollectData},
        {"nothing known", Concern::kUnknown, false, false, none, ActionCategory::kCollectData},
        {"low concern, adequate hazard data", Concern::kLow, true, true, none, ActionCategory::kLowPriority},
        {"low concern, detected below the PNEC", Concern::kLow, true, true, Monitoring(true, true, 0.05, true),
         ActionCategory::kLowPriority},
    };
    for (const Case& c : cases) {
        CategoryInputs in;
        in.concern = c.concern;
        in.exposure_evident = c.evident;
        in.used = c.used;
        in.detection = c.detection;
        const auto decision = internal::DecideCategory(in, Params());
        EXPECT_EQ(decision.category, c.expected) << c.name << ": " << decision.reason_en;
        EXPECT_FALSE(decision.reason_zh.empty()) << c.name;
    }
}

}  // namespace
}  // namespace npgov::screening
