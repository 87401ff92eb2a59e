// Screening of a whole registry (engines/screening): synthetic registries of 1,000 to 50,000
// substances with hazard facts, survey tonnage and uses, and monitoring aggregates, generated
// deterministically (SplitMix64, fixed seed) with the mix described at MakeRegistry. Measures
// `Screen` end to end (validate, score four dimensions with their evidence, decide the action
// category, sort by tier/total/CAS/id) and reports the growth with n (Google Benchmark's
// complexity fit). docs/benchmarks.md gives the command and the figures.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "engines/screening/screening.hpp"

namespace npgov::screening {
namespace {

// SplitMix64 (Steele, Lea & Flood 2014): same sequence on every platform.
class SplitMix64 {
 public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
    bool Chance(double p) { return Uniform() < p; }
    long Below(long n) { return static_cast<long>(Next() % static_cast<std::uint64_t>(n)); }
    double LogUniform(double lo, double hi) { return lo * std::pow(hi / lo, Uniform()); }

 private:
    std::uint64_t state_;
};

Provenance Source(const char* text, Origin origin = Origin::kMeasured) { return {origin, text, {}}; }

// A registry like a city's: most substances have few facts. Per substance (independent draws):
// half-life 40 % (one of five media, 1–1000 d; 10 % censored ">"), ready test 30 %, BCF 20 %
// (half measured, half estimated), log Kow 60 % (estimated, Crippen-like), chronic NOEC 25 %,
// acute L(E)C50 40 %, classification 50 % (10 % Repr. 2, 5 % Carc. 1B), ED status 10 %,
// PBT conclusion 1 %, list membership 4 %; survey tonnage 30 % (0.01–10,000 t/a), uses 30 %
// (1–3 terms, 1 in 10 outside the vocabulary), monitoring 15 % (5–60 samples, PNEC 70 %).
std::vector<SubstanceFacts> MakeRegistry(std::size_t n, std::uint64_t seed) {
    static const char* kTerms[] = {"溶剂", "消费品", "农药", "中间体", "清洗剂", "电镀", "增塑剂", "涂料",
                                   "单体", "加工助剂", "药品", "纺织", "未登记用途"};
    static const char* kLists[] = {"key_controlled", "priority_control", "stockholm_pops", "severely_restricted_toxic"};
    SplitMix64 rng(seed);
    std::vector<SubstanceFacts> registry;
    registry.reserve(n);
    char buffer[32];
    for (std::size_t i = 0; i < n; ++i) {
        SubstanceFacts s;
        std::snprintf(buffer, sizeof buffer, "S%07zu", i);
        s.id = buffer;
        std::snprintf(buffer, sizeof buffer, "%zu-%02ld-%ld", 10000 + (i * 7919) % 9000000, rng.Below(100), rng.Below(10));
        s.cas = buffer;
        s.name_en = "substance " + s.id;
        HazardFacts& h = s.hazard;
        if (rng.Chance(0.4)) {
            const auto medium = static_cast<Medium>(rng.Below(5));
            h.half_lives.push_back({medium, {rng.LogUniform(1, 1000),
                                             rng.Chance(0.1) ? Qualifier::kGreaterThan : Qualifier::kEqual,
                                             Source("synthetic simulation test")}});
        }
        if (rng.Chance(0.3)) h.readily_biodegradable = Flag{rng.Chance(0.5), Source("synthetic OECD 301")};
        if (rng.Chance(0.2)) {
            h.bcf = Fact{rng.LogUniform(1, 50000), Qualifier::kEqual,
                         rng.Chance(0.5) ? Source("synthetic OECD 305") : Source("BCF from log Kow", Origin::kEstimated)};
        }
        if (rng.Chance(0.6)) h.log_kow = Fact{-2 + 10 * rng.Uniform(), Qualifier::kEqual, Source("Crippen logP", Origin::kEstimated)};
        if (rng.Chance(0.25)) h.chronic_noec = Fact{rng.LogUniform(1e-4, 100), Qualifier::kEqual, Source("synthetic chronic test")};
        if (rng.Chance(0.4)) h.acute_lc50 = Fact{rng.LogUniform(1e-3, 1000), Qualifier::kEqual, Source("synthetic acute test")};
        if (rng.Chance(0.5)) {
            Classification c;
            c.provenance = Source("synthetic classification", Origin::kRegulatory);
            if (rng.Chance(0.1)) c.reproductive = CmrCategory::k2;
            if (rng.Chance(0.05)) c.carcinogenicity = CmrCategory::k1B;
            h.classification = c;
        }
        if (rng.Chance(0.1)) {
            h.endocrine = EndocrineFact{static_cast<EdStatus>(rng.Below(3)), Source("synthetic ED", Origin::kRegulatory)};
        }
        if (rng.Chance(0.01)) h.conclusions.push_back({ConclusionKind::kPbt, Source("synthetic conclusion", Origin::kRegulatory)});
        if (rng.Chance(0.04)) h.lists.push_back({kLists[rng.Below(4)], "2023", "synthetic"});
        if (rng.Chance(0.3)) {
            s.volume = VolumeFacts{rng.LogUniform(0.01, 10000), static_cast<int>(1 + rng.Below(20)), 2024, "synthetic survey"};
        }
        if (rng.Chance(0.3)) {
            UseFacts uses{{}, "synthetic survey"};
            for (long k = 0, m = 1 + rng.Below(3); k < m; ++k) uses.categories.push_back(kTerms[rng.Below(13)]);
            s.uses = uses;
        }
        if (rng.Chance(0.15)) {
            DetectionFacts d;
            d.medium = "surface_water";
            d.samples = 5 + rng.Below(56);
            d.detects = rng.Below(d.samples + 1);
            if (d.detects > 0) d.max_detected = Quantity{rng.LogUniform(0.001, 100), Unit::kMicrogramPerLitre};
            if (d.detects < d.samples) d.max_nondetect_limit = Quantity{rng.LogUniform(0.001, 1), Unit::kMicrogramPerLitre};
            if (rng.Chance(0.7)) d.pnec = PnecFact{{rng.LogUniform(0.01, 1000), Unit::kMicrogramPerLitre}, Source("synthetic PNEC")};
            d.source = "synthetic monitoring";
            s.detection = d;
        }
        registry.push_back(std::move(s));
    }
    return registry;
}

const ScreeningParams& Params() {
    static const ScreeningParams params = [] {
        std::ifstream in(NPGOV_SCREENING_PARAMS, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = ParseScreeningParams(text.str());
        if (!parsed) {
            std::fprintf(stderr, "%s\n", parsed.error().Describe().c_str());
            std::abort();
        }
        return *parsed;
    }();
    return params;
}

const std::vector<SubstanceFacts>& Registry(std::size_t n) {
    static std::map<std::size_t, std::vector<SubstanceFacts>> cache;
    auto it = cache.find(n);
    if (it == cache.end()) it = cache.emplace(n, MakeRegistry(n, 20261129)).first;
    return it->second;
}

void BM_ScreenRegistry(benchmark::State& state) {
    const auto& registry = Registry(static_cast<std::size_t>(state.range(0)));
    const ScreeningParams& params = Params();
    std::size_t manage = 0;
    for (auto _ : state) {
        auto result = Screen(registry, params);
        if (!result) {
            state.SkipWithError(result.error().Describe().c_str());
            break;
        }
        manage = static_cast<std::size_t>(std::count_if(result->ranked.begin(), result->ranked.end(), [](const auto& s) {
            return s.category == ActionCategory::kManage;
        }));
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetComplexityN(state.range(0));
    state.counters["manage"] = static_cast<double>(manage);
}
BENCHMARK(BM_ScreenRegistry)
    ->Arg(1000)->Arg(5000)->Arg(10000)->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity();  // Google Benchmark fits O(1), O(n), O(n log n), O(n²)… and reports the best

// The ranking step alone (RankScreened: index sort by tier, total, CAS, id, then one move per
// result), on the results of screening the registry; the copy is not timed.
void BM_Rank(benchmark::State& state) {
    const auto& registry = Registry(static_cast<std::size_t>(state.range(0)));
    auto screened = Screen(registry, Params());
    if (!screened) {
        state.SkipWithError(screened.error().Describe().c_str());
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        std::vector<ScreenedSubstance> copy = screened->ranked;
        std::reverse(copy.begin(), copy.end());  // not already in order
        state.ResumeTiming();
        RankScreened(copy);
        benchmark::DoNotOptimize(copy);
        state.PauseTiming();
        copy.clear();
        copy.shrink_to_fit();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_Rank)
    ->Arg(1000)->Arg(5000)->Arg(10000)->Arg(50000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oNLogN);

// One substance at a time (the result discarded at once), for the per-substance cost without
// the sort and without keeping the results.
void BM_ScreenOne(benchmark::State& state) {
    const auto& registry = Registry(1000);
    const ScreeningParams& params = Params();
    std::size_t i = 0;
    for (auto _ : state) {
        auto result = ScreenOne(registry[i++ % registry.size()], params);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScreenOne);

}  // namespace
}  // namespace npgov::screening

BENCHMARK_MAIN();
