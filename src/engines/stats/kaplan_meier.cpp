#include "engines/stats/kaplan_meier.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace npgov::stats {

namespace {

struct Level {
    double value = 0;
    std::size_t detects = 0;
    std::size_t censored = 0;
};

// Distinct levels, descending, with their detect and non-detect counts.
std::vector<Level> DescendingLevels(std::span<const Observation> sample) {
    std::vector<std::pair<double, bool>> items;
    items.reserve(sample.size());
    for (const Observation& o : sample) items.emplace_back(LevelOf(o), o.censored);
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<Level> levels;
    for (const auto& [value, censored] : items) {
        if (levels.empty() || levels.back().value != value) levels.push_back({value, 0, 0});
        (censored ? levels.back().censored : levels.back().detects)++;
    }
    return levels;
}

}  // namespace

Result<KaplanMeierSummary> ComputeKaplanMeier(std::span<const Observation> sample, const KaplanMeierParams& params) {
    NPGOV_RETURN_IF_ERROR(ValidateObservations(sample));
    std::size_t detects = 0;
    for (const Observation& o : sample) detects += o.censored ? 0 : 1;
    if (detects < params.min_detects) {
        const std::string counts = std::to_string(detects) + " / " + std::to_string(sample.size());
        const std::string need = std::to_string(params.min_detects);
        return MakeError(ErrorCode::kFailedPrecondition, "stats.too_few_detects",
                         "检出结果过少（检出 " + counts + "，至少需要 " + need + " 个），无法用 Kaplan-Meier 法估计",
                         "too few detected results (" + counts + " detected; at least " + need +
                             " needed) for a Kaplan-Meier estimate");
    }
    const std::vector<Level> levels = DescendingLevels(sample);
    const std::size_t m = levels.size();

    KaplanMeierSummary out;
    out.how = {"kaplan-meier (flipped, survfit conventions)", kKaplanMeierVersion, sample.size()};
    out.n = sample.size();
    out.detects = detects;
    out.lowest_level = levels.back().value;

    // Product-limit estimate on the flipped scale: S_k = Π (1 − d_j / n_j) after level k, where
    // n_j counts the observations whose level is ≤ level j (at risk in flipped time).
    std::vector<double> survival(m);
    std::vector<double> hazard_term(m, 0.0);  // d / (n (n − d)), 0 where n == d
    std::size_t at_risk = sample.size();
    double s = 1.0;
    for (std::size_t k = 0; k < m; ++k) {
        const Level& level = levels[k];
        if (level.detects > 0) {
            const auto d = static_cast<double>(level.detects);
            const auto n = static_cast<double>(at_risk);
            s *= (n - d) / n;
            if (at_risk > level.detects) hazard_term[k] = d / (n * (n - d));
            out.steps.push_back({level.value, s});
        }
        survival[k] = s;
        at_risk -= level.detects + level.censored;
    }
    out.lowest_treated_as_detect = survival[m - 1] > 0;

    // Restricted mean = v_1 − Σ (v_k − v_{k+1}) S_k; variance with A_k = Σ_{j≥k} (v_j − v_{j+1}) S_j.
    double area_after = 0;  // A_k, accumulated from the lowest level upwards
    double variance = 0;
    for (std::size_t k = m - 1; k-- > 0;) {
        area_after += (levels[k].value - levels[k + 1].value) * survival[k];
        variance += area_after * area_after * hazard_term[k];
    }
    out.mean = levels[0].value - area_after;
    out.mean_se = std::sqrt(variance);
    out.median = KaplanMeierPercentile(out, 0.5);
    out.p90 = KaplanMeierPercentile(out, 0.9);
    out.p95 = KaplanMeierPercentile(out, 0.95);
    return out;
}

std::optional<double> KaplanMeierPercentile(const KaplanMeierSummary& summary, double q) {
    NPGOV_CHECK(q > 0 && q < 1);
    const std::vector<KaplanMeierStep>& steps = summary.steps;
    if (steps.empty()) return std::nullopt;
    // survival:::findq on the flipped curve: y_k = 1 − S_k (y_0 = 0 at flipped time 0), p = 1 − q.
    const double tol = std::sqrt(DBL_EPSILON);
    const double p = 1 - q;
    const double y_last = 1 - steps.back().share_below;
    if (y_last < p) return std::nullopt;
    if (p <= tol) return std::nullopt;  // R would answer with the flipping constant itself
    auto first_at_least = [&](double shift) -> std::optional<std::size_t> {
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (1 - steps[k].share_below + shift >= p) return k;
        }
        return std::nullopt;
    };
    const std::optional<std::size_t> i1 = first_at_least(tol);
    const std::optional<std::size_t> i2 = first_at_least(-tol);
    if (!i1) return std::nullopt;
    if (std::abs(p - y_last) < tol) return (steps[*i1].value + summary.lowest_level) / 2;
    if (!i2) return std::nullopt;
    return (steps[*i1].value + steps[*i2].value) / 2;
}

}  // namespace npgov::stats
