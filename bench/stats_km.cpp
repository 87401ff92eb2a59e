// Kaplan-Meier summaries of many site×substance groups with non-detects: the driver that
// bench/stats_km_bench.sh times against R's survival package on the same file.
//
//   npgov_stats_km_bench generate --out FILE [--groups 10000] [--per-group 100] [--seed 2023]
//       writes a CSV (group,value,censored,limit) from a SplitMix64 generator: per group a
//       log-normal concentration (log-mean in [-2, 2], log-sd in [0.5, 1.5]) and 2 or 3
//       detection limits near the group's 50th–69th percentiles; each result gets one of the
//       limits at random and is a non-detect "<limit" when below it (about 60 % overall).
//       Values are written to 4 and limits to 3 significant digits, as laboratories report them.
//   npgov_stats_km_bench km --input FILE --out RESULTS
//       reads the CSV (core ParseCsv), groups it, computes stats::ComputeKaplanMeier for every
//       group on one thread, writes group,n,detects,mean,se,median,p90,p95 and prints
//       read_seconds, group_seconds, km_seconds, groups, results.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/csv.hpp"
#include "engines/stats/kaplan_meier.hpp"

namespace {

using npgov::stats::Observation;

// SplitMix64 (Steele, Lea & Flood 2014): same seed, same file on every platform.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t Next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
    double Normal() {  // Box-Muller; one draw per call keeps the stream simple
        const double u1 = 1.0 - Uniform(), u2 = Uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

std::string Significant(double x, int digits) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
    return buffer;
}

std::optional<std::string> Flag(int argc, char** argv, const std::string& name) {
    for (int i = 2; i + 1 < argc; ++i) {
        if (argv[i] == name) return std::string(argv[i + 1]);
    }
    return std::nullopt;
}

int Generate(const std::string& out_path, int groups, int per_group, std::uint64_t seed) {
    SplitMix64 rng{seed};
    std::ofstream out(out_path);
    if (!out) {
        std::cerr << "stats_km: cannot write " << out_path << "\n";
        return 1;
    }
    out << "group,value,censored,limit\n";
    std::size_t censored = 0;
    for (int g = 0; g < groups; ++g) {
        std::string name = "S";  // 500 sites × 20 substances (appended piecewise: g++ 12 -Wrestrict false positive)
        name += std::to_string(g / 20);
        name += "-C";
        name += std::to_string(g % 20);
        const double mu = -2 + 4 * rng.Uniform();
        const double sigma = 0.5 + rng.Uniform();
        const int n_limits = 2 + static_cast<int>(rng.Next() % 2);
        std::vector<double> limits;
        for (int k = 0; k < n_limits; ++k) {
            const double z = 0.25 * k + 0.15 * rng.Uniform();  // near the 50th–69th percentile
            limits.push_back(std::stod(Significant(std::exp(mu + sigma * z), 3)));
        }
        for (int i = 0; i < per_group; ++i) {
            const double x = std::stod(Significant(std::exp(mu + sigma * rng.Normal()), 4));
            const double limit = limits[rng.Next() % limits.size()];
            if (x < limit) {
                ++censored;
                out << name << ",," << "true," << Significant(limit, 3) << "\n";
            } else {
                out << name << "," << Significant(x, 4) << ",false," << Significant(limit, 3) << "\n";
            }
        }
    }
    std::cerr << "stats_km: wrote " << static_cast<long>(groups) * per_group << " results, "
              << Significant(100.0 * static_cast<double>(censored) / (static_cast<double>(groups) * per_group), 3)
              << " % censored\n";
    return 0;
}

double Seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

std::string OrNa(const std::optional<double>& x) { return x ? Significant(*x, 17) : "NA"; }

int Km(const std::string& in_path, const std::string& out_path) {
    auto start = std::chrono::steady_clock::now();
    std::ifstream in(in_path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto table = npgov::ParseCsv(text.str());
    if (!table) {
        std::cerr << "stats_km: " << table.error().Describe() << "\n";
        return 1;
    }
    const double read_seconds = Seconds(start);

    start = std::chrono::steady_clock::now();
    std::vector<std::string> names;
    std::vector<std::vector<Observation>> groups;
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& row : table->rows) {
        auto [it, inserted] = index.try_emplace(row[0], groups.size());
        if (inserted) {
            names.push_back(row[0]);
            groups.emplace_back();
        }
        const bool censored = row[2] == "true";
        const double limit = std::stod(row[3]);
        groups[it->second].push_back({censored ? limit : std::stod(row[1]), censored, limit});
    }
    const double group_seconds = Seconds(start);

    start = std::chrono::steady_clock::now();
    std::vector<npgov::Result<npgov::stats::KaplanMeierSummary>> results;
    results.reserve(groups.size());
    for (const auto& sample : groups) results.push_back(npgov::stats::ComputeKaplanMeier(sample));
    const double km_seconds = Seconds(start);

    std::ofstream out(out_path);
    out << "group,n,detects,mean,se,median,p90,p95\n";
    for (std::size_t g = 0; g < groups.size(); ++g) {
        const auto& r = results[g];
        if (!r) {
            out << names[g] << "," << groups[g].size() << ",NA,NA,NA,NA,NA,NA\n";
            continue;
        }
        out << names[g] << "," << r->n << "," << r->detects << "," << Significant(r->mean, 17) << ","
            << Significant(r->mean_se, 17) << "," << OrNa(r->median) << "," << OrNa(r->p90) << "," << OrNa(r->p95) << "\n";
    }
    std::cout << "read_seconds=" << read_seconds << " group_seconds=" << group_seconds << " km_seconds=" << km_seconds
              << " groups=" << groups.size() << " results=" << table->rows.size() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "generate") {
        const auto out = Flag(argc, argv, "--out");
        if (!out) {
            std::cerr << "usage: npgov_stats_km_bench generate --out FILE [--groups N] [--per-group N] [--seed N]\n";
            return 64;
        }
        return Generate(*out, std::stoi(Flag(argc, argv, "--groups").value_or("10000")),
                        std::stoi(Flag(argc, argv, "--per-group").value_or("100")),
                        std::stoull(Flag(argc, argv, "--seed").value_or("2023")));
    }
    if (mode == "km") {
        const auto in = Flag(argc, argv, "--input");
        const auto out = Flag(argc, argv, "--out");
        if (!in || !out) {
            std::cerr << "usage: npgov_stats_km_bench km --input FILE --out RESULTS\n";
            return 64;
        }
        return Km(*in, *out);
    }
    std::cerr << "usage: npgov_stats_km_bench generate|km …  (see bench/stats_km_bench.sh)\n";
    return 64;
}
