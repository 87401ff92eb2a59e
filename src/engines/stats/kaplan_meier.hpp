// Kaplan-Meier estimates for left-censored concentrations ("<limit") with any number of
// detection limits, by flipping: Helsel, D.R. (2012) Statistics for Censored Environmental
// Data Using Minitab and R, 2nd ed., Wiley, ch. 6 ("Kaplan-Meier"); NADA's `cenfit`. Each level
// x becomes M − x, a non-detect "<L" a right-censored time M − L, and the product-limit
// estimator runs on the flipped times. Computed here directly on the original scale (no M, so
// no rounding from it), equal to what R's survival package (Therneau) gives for
// `survfit(Surv(M - level, !censored) ~ 1)`:
//  - mean: the restricted mean of `print(fit, rmean = "individual")`, integrated to the
//    largest flipped time. Where the lowest level is a non-detect (or shares its level with
//    one), the mass the curve leaves below it is placed at that lowest limit — "Efron's bias
//    correction", Helsel 2012 ch. 6 — so the mean is then biased high.
//  - mean_se: survfit's se(rmean) = sqrt(Σ A_i² d_i / (n_i (n_i − d_i))), A_i the area under
//    the flipped curve from event time i to the end (survival:::survmean). NADA's own
//    mean(cenfit) multiplies this by sqrt(d/(d − 1)), d = number of detects; we do not.
//  - percentiles: `quantile(fit, probs = 1 − q)` (survival:::findq, tolerance
//    sqrt(DBL_EPSILON)): the flipped curve's first time at which 1 − S(t) ≥ 1 − q; where
//    1 − S equals 1 − q on a flat stretch, the midpoint of that stretch (to the next event, or
//    to the lowest level if none follows). The median is q = 0.5. A percentile is absent when
//    the curve never reaches it (too many non-detects below the lowest detect).
// Distinct levels are compared exactly (R's survfit merges times within ~1.5e-8 relative;
// results parsed from decimal text never differ by so little). Pure.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engines/stats/observation.hpp"

namespace npgov::stats {

inline constexpr std::string_view kKaplanMeierVersion = "1";

struct KaplanMeierParams {
    // Refusal rule: fewer detected results than this (including none at all) is
    // kFailedPrecondition "stats.too_few_detects". 3 is npgov's choice (not a rule from
    // Helsel 2012): the fewest detects from which a mean and a spread can say anything.
    std::size_t min_detects = 3;
};

// The estimated distribution at one detected level (descending by value): the estimated
// share of results strictly below `value`.
struct KaplanMeierStep {
    double value = 0;
    double share_below = 0;
};

struct KaplanMeierSummary {
    MethodInfo how;
    std::size_t n = 0;
    std::size_t detects = 0;
    double mean = 0;
    double mean_se = 0;
    std::optional<double> median, p90, p95;
    double lowest_level = 0;                // smallest value or limit in the sample
    bool lowest_treated_as_detect = false;  // mass left below the lowest detect put at lowest_level
    std::vector<KaplanMeierStep> steps;     // one per distinct detected value, descending
};

// Returns the summary; ValidateObservations' errors; kFailedPrecondition
// "stats.too_few_detects" when fewer than params.min_detects results are detected.
Result<KaplanMeierSummary> ComputeKaplanMeier(std::span<const Observation> sample,
                                              const KaplanMeierParams& params = {});

// Returns percentile q in (0, 1) (0.9 = P90) of a summary's curve by the rule above, or nullopt
// where the curve does not reach it.
std::optional<double> KaplanMeierPercentile(const KaplanMeierSummary& summary, double q);

}  // namespace npgov::stats
