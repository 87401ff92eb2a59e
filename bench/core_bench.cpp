// Micro-benchmarks of core value parsing (CAS numbers, unified social credit codes, CSV) and
// of the audit chain hash, the per-write cost every audited change pays. Google Benchmark;
// run `npgov_core_bench --help` for its options.
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "core/cas_number.hpp"
#include "core/csv.hpp"
#include "core/uscc.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/auth/secrets.hpp"

namespace npgov {
namespace {

// Parses one spelling repeatedly. `text` must be valid: a failed parse aborts the benchmark,
// so the numbers never silently measure the error path.
void BM_CasNumberParse(benchmark::State& state, std::string_view text) {
    for (auto _ : state) {
        auto cas = CasNumber::Parse(text);
        if (!cas) {
            state.SkipWithError("CasNumber::Parse failed");
            break;
        }
        benchmark::DoNotOptimize(cas);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_CasNumberParse, ascii, "335-67-1");
BENCHMARK_CAPTURE(BM_CasNumberParse, padded_whitespace, "  0000050-00-0 ");
BENCHMARK_CAPTURE(BM_CasNumberParse, full_width, "３３５－６７－１");

// The error path: a wrong check digit builds a bilingual Error message.
void BM_CasNumberParseCheckDigitError(benchmark::State& state) {
    for (auto _ : state) {
        auto cas = CasNumber::Parse("335-67-2");
        benchmark::DoNotOptimize(cas);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CasNumberParseCheckDigitError);

void BM_UsccParse(benchmark::State& state, std::string_view text) {
    for (auto _ : state) {
        auto uscc = Uscc::Parse(text);
        if (!uscc) {
            state.SkipWithError("Uscc::Parse failed");
            break;
        }
        benchmark::DoNotOptimize(uscc);
    }
    state.SetItemsProcessed(state.iterations());
}
// GB 32100-2015 published example, and the same code full-width.
BENCHMARK_CAPTURE(BM_UsccParse, ascii, "91350100M000100Y43");
BENCHMARK_CAPTURE(BM_UsccParse, full_width, "９１３５０１００Ｍ０００１００Ｙ４３");

void BM_UsccParseCheckCharError(benchmark::State& state) {
    for (auto _ : state) {
        auto uscc = Uscc::Parse("91350100M000100Y44");
        benchmark::DoNotOptimize(uscc);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_UsccParseCheckCharError);

// An enterprise-register-like CSV of `rows` data rows, 6 columns; every fourth name is quoted
// and contains a comma and a doubled quote, so the quoted-field path is exercised.
std::string MakeCsv(int rows) {
    std::string csv = "\xEF\xBB\xBFuscc,name,region,industry,cas,amount_kg\r\n";
    for (int i = 0; i < rows; ++i) {
        csv += "91350100M000100Y43,";
        if (i % 4 == 0) {
            csv += "\"企业 " + std::to_string(i) + ", \"\"有限\"\"公司\",";
        } else {
            csv += "企业" + std::to_string(i) + "有限公司,";
        }
        csv += "350100,C26" + std::to_string(i % 10) + ",335-67-1," + std::to_string(i * 3 % 997) + ".5\r\n";
    }
    return csv;
}

void BM_ParseCsv(benchmark::State& state) {
    const int rows = static_cast<int>(state.range(0));
    const std::string csv = MakeCsv(rows);
    for (auto _ : state) {
        auto table = ParseCsv(csv);
        if (!table || table->rows.size() != static_cast<std::size_t>(rows)) {
            state.SkipWithError("ParseCsv failed or returned the wrong number of rows");
            break;
        }
        benchmark::DoNotOptimize(table);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(csv.size()));
    state.SetItemsProcessed(state.iterations() * rows);
    state.counters["csv_bytes"] = static_cast<double>(csv.size());
}
BENCHMARK(BM_ParseCsv)->Arg(10'000)->Unit(benchmark::kMillisecond);

// One audit entry as written by a user update: small before/after JSON documents.
void BM_ComputeEntryHash(benchmark::State& state) {
    const audit::Change change{
        "admin", "user.update", "user", "5",
        R"({"username":"zhang.wei","role":"inspector","region":"350100","active":true})",
        R"({"username":"zhang.wei","role":"supervisor","region":"350100","active":true})"};
    const std::string at = "2024-05-01T08:30:00.000Z";
    std::string prev_hash(audit::kGenesisHash);
    std::int64_t seq = 1;
    for (auto _ : state) {
        prev_hash = audit::ComputeEntryHash(seq++, at, change, prev_hash);
        benchmark::DoNotOptimize(prev_hash);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeEntryHash);

}  // namespace
}  // namespace npgov

// libsodium (SHA-256 in the audit hash) is initialised first, as npgov's own main does.
int main(int argc, char** argv) {
    if (!npgov::auth::InitSecrets()) return 1;
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
