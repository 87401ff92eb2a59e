// The steps of screening, separated so that each can be tested on its own: censored
// comparisons, the hazard assessment, the three exposure scores and the action-category
// decision. Used by screen.cpp and the engine's tests only; other code calls screening.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engines/screening/facts.hpp"
#include "engines/screening/params.hpp"
#include "engines/screening/result.hpp"

namespace npgov::screening::internal {

enum class Tri { kTrue, kFalse, kUnknown };

// "true value > threshold" for a possibly censored fact: "= v" → v > t; "> v" → true when
// v ≥ t, else unknown; "< v" → false when v ≤ t, else unknown.
Tri Exceeds(const Fact& fact, double threshold);
// "true value < threshold", symmetric to Exceeds.
Tri FallsBelow(const Fact& fact, double threshold);

// Returns the score of the band with the greatest min ≤ value (bands as parsed: first min 0).
double BandScore(const std::vector<Band>& bands, double value);
// Returns the band that applies (for evidence).
const Band& BandFor(const std::vector<Band>& bands, double value);
// Returns the applying band as an interval for evidence: "[1, 10) t/a", or "≥ 1000 t/a" for the top one.
std::string BandRange(const std::vector<Band>& bands, double value, std::string_view unit);

std::string FormatNumber(double value);                    // up to 6 significant digits
std::string FormatFact(const Fact& fact, std::string_view unit);  // "> 14965 d"

struct HazardAssessment {
    HazardProfile profile;
    DimensionScore dimension;
    Concern concern = Concern::kUnknown;
};
HazardAssessment AssessHazard(const HazardFacts& facts, const ScreeningParams& params);

DimensionScore ScoreVolume(const std::optional<VolumeFacts>& volume, const ScreeningParams& params);

struct DetectionAssessment {
    DimensionScore dimension;
    bool samples_adequate = false;       // monitored with at least min_samples samples
    bool detected = false;               // detects > 0
    bool pnec_known = false;
    std::optional<double> ratio;         // highest detected concentration / PNEC
    bool limits_above_pnec = false;      // nothing detected, highest limit > PNEC
    bool absence_established = false;    // adequate samples, nothing detected, limits ≤ PNEC
};
// Concentrations must be convertible to the PNEC's unit (checked by ScreenOne beforehand).
DetectionAssessment ScoreDetection(const std::optional<DetectionFacts>& detection,
                                   const ScreeningParams& params);

struct UseAssessment {
    DimensionScore dimension;
    bool reported = false;  // at least one use term reported
};
UseAssessment ScoreUse(const std::optional<UseFacts>& uses, const ScreeningParams& params);

struct CategoryInputs {
    Concern concern = Concern::kUnknown;
    bool exposure_evident = false;  // tonnage > 0, detected, or a use reported
    bool used = false;              // tonnage > 0 or a use reported
    DetectionAssessment detection;  // flags only are read
};

struct CategoryDecision {
    ActionCategory category = ActionCategory::kCollectData;
    std::string_view reason_zh, reason_en;  // static text
    std::string detail;                     // e.g. "max/PNEC = 3.2"
};
CategoryDecision DecideCategory(const CategoryInputs& inputs, const ScreeningParams& params);

}  // namespace npgov::screening::internal
