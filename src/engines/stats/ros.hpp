// Robust regression on order statistics (ROS) for left-censored concentrations with any number
// of detection limits: Helsel, D.R. & Cohn, T.A. (1988) "Estimation of descriptive statistics
// for multiply censored water quality data", Water Resources Research 24(12):1997–2004;
// Helsel (2012) Statistics for Censored Environmental Data Using Minitab and R, 2nd ed., ch. 6;
// as NADA's `ros` (Lee & Helsel) implements it:
//  1. Non-detects whose limit exceeds the largest detected value are dropped (NADA ≥ 1.6 does
//     so with a warning; reported here as `dropped`).
//  2. Detection limits DL_1 < … < DL_m are the distinct limits of the non-detects, with a limit
//     at 0 prepended when some detect lies below DL_1. For each j: A_j = detects in
//     [DL_j, DL_{j+1}), B_j = detects below DL_j plus non-detects with limit ≤ DL_j,
//     C_j = non-detects at DL_j; the exceedance probability of DL_j is
//     pe_j = pe_{j+1} + (A_j / (A_j + B_j)) (1 − pe_{j+1}), pe_{m+1} = 0 (Helsel & Cohn 1988, after Hirsch & Stedinger 1987).
//  3. Plotting positions: the r-th detect (ascending) in [DL_j, DL_{j+1}):
//     (1 − pe_j) + (pe_j − pe_{j+1}) r / (A_j + 1); the r-th non-detect at DL_j:
//     (1 − pe_j) r / (C_j + 1) (Helsel & Cohn 1988). With no non-detects at all, R's
//     ppoints: (r − a) / (n + 1 − 2a), a = 3/8 for n ≤ 10, else 1/2.
//  4. Ordinary least squares of ln(detected value) on Φ⁻¹(plotting position); each non-detect
//     is modelled as exp(intercept + slope Φ⁻¹(its plotting position)).
//  5. Statistics of the detected plus modelled values: mean, sd (n − 1), median, and P90/P95
//     by R's quantile type 7 (NADA's mean/sd/median/quantile on a ros object).
// Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "engines/stats/observation.hpp"

namespace npgov::stats {

inline constexpr std::string_view kRosVersion = "1";

struct RosParams {
    // Refusal rule: fewer detected results than this is kFailedPrecondition
    // "stats.too_few_detects". npgov's choice, as for Kaplan-Meier: a line through fewer than
    // 3 points has no spread to judge it by.
    std::size_t min_detects = 3;
};

// One value of the modelled sample, ascending by the original level.
struct RosValue {
    double value = 0;              // detected value, or the modelled value of a non-detect
    bool censored = false;         // true: modelled
    double limit = 0;              // the non-detect's limit (0 for detects)
    double plotting_position = 0;  // in (0, 1)
};

struct RosResult {
    MethodInfo how;
    std::size_t n = 0;        // values used (input minus dropped)
    std::size_t detects = 0;
    std::size_t dropped = 0;  // non-detects above the largest detect, left out
    double intercept = 0, slope = 0;  // ln(value) = intercept + slope · z
    double mean = 0, sd = 0, median = 0, p90 = 0, p95 = 0;
    std::vector<RosValue> values;
};

// Returns the fit and summary; ValidateObservations' errors; kFailedPrecondition
// "stats.too_few_detects" (fewer than params.min_detects detects).
Result<RosResult> ComputeRos(std::span<const Observation> sample, const RosParams& params = {});

}  // namespace npgov::stats
