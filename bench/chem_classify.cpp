// Batch structure classification benchmark driver (bench/chem_classify_bench.sh runs it).
//
//   npgov_chem_classify_bench generate --out FILE [--count 50000] [--seed 2023]
//       writes FILE: one "SMILES<TAB>id" per line, deterministic for a seed: the reference
//       structures of tests/golden/chem/ plus generated perfluoroalkyl substances, chloroalkanes,
//       alkyl chains and drug-like amides/sulfonamides, some as salts.
//   npgov_chem_classify_bench classify --input FILE [--rules data/rules/structure_classes.json]
//       [--threads N]
//       parses every SMILES and evaluates every rule with its reasons (what npgov's classify
//       does per structure); prints molecules/s and per-class counts on one line each.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/csv.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/rules/structure_rules.hpp"

namespace {

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t Next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
    template <typename T>
    const T& Pick(const std::vector<T>& v) { return v[static_cast<std::size_t>(Below(static_cast<int>(v.size())))]; }
};

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << path << "\n";
        std::exit(2);
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> ReferenceSmiles(const std::string& repo) {
    std::vector<std::string> out;
    for (const char* file : {"tests/golden/chem/structures.csv", "tests/golden/chem/extra_structures.csv"}) {
        auto table = npgov::ParseCsv(ReadFile(repo + "/" + file));
        if (!table) {
            std::cerr << file << ": " << table.error().Describe() << "\n";
            std::exit(2);
        }
        const std::size_t column = *table->FindColumn("smiles");
        for (const auto& row : table->rows) {
            if (!row[column].empty()) out.push_back(row[column]);
        }
    }
    return out;
}

// CnF2n+1- written from its attachment carbon outwards; branched: the last carbon carries CF3.
std::string Perfluoroalkyl(int n, bool branched) {
    std::string s;
    for (int i = 0; i < n - 1; ++i) s += "C(F)(F)";
    if (branched && n >= 3) {
        s.erase(s.size() - 14);  // (n-3) CF2, then CF(CF3), then CF3: still n carbons
        s += "C(F)(C(F)(F)F)";
    }
    return s + "C(F)(F)F";
}

std::string PerfluoroSubstance(SplitMix64& rng) {
    static const std::vector<std::string> heads = {
        "OC(=O)", "[O-]C(=O)", "OS(=O)(=O)", "[O-]S(=O)(=O)", "FS(=O)(=O)", "OCC", "OCCC",
        "C=CC(=O)OCC", "CCN(CCO)S(=O)(=O)", "CCNS(=O)(=O)", "OP(=O)(O)", "IC", "ClC(F)(F)"};
    static const std::vector<std::string> counterions = {"", "", ".[K+]", ".[Na+]", ".[NH4+]", ".[Li+]"};
    const std::string& head = rng.Pick(heads);
    std::string smiles = head + Perfluoroalkyl(2 + rng.Below(15), rng.Below(4) == 0);
    if (head[0] == '[') {
        const std::string& ion = rng.Pick(counterions);
        smiles += ion.empty() ? ".[K+]" : ion;
    }
    return smiles;
}

std::string Chloroalkane(SplitMix64& rng) {
    const int n = 8 + rng.Below(9);  // C8-C16
    const int branch_at = rng.Below(5) == 0 ? 2 + rng.Below(n - 3) : -1;
    const int double_at = rng.Below(8) == 0 ? 1 + rng.Below(n - 2) : -1;
    const int percent = 20 + rng.Below(60);  // share of carbons carrying Cl
    std::string s;
    for (int i = 0; i < n; ++i) {
        if (i > 0) s += (i == double_at) ? "=" : "";
        s += "C";
        const bool can_take_cl = !(i == double_at || i + 1 == double_at);
        if (can_take_cl && rng.Below(100) < percent) s += "(Cl)";
        if (i == branch_at) s += "(C)";
    }
    return s;
}

std::string Alkyl(SplitMix64& rng) {
    static const std::vector<std::string> heads = {"", "O", "OC(=O)", "N", "Oc1ccc(cc1)", "CC(=O)O"};
    std::string s = rng.Pick(heads);
    const int n = 1 + rng.Below(18);
    for (int i = 0; i < n; ++i) s += (i > 0 && rng.Below(6) == 0) ? "C(C)" : "C";
    return s;
}

std::string Aryl(SplitMix64& rng) {
    static const std::vector<std::string> subs = {"", "F", "Cl", "Br", "C", "OC", "N", "O",
                                                  "C(F)(F)F", "C#N", "[N+](=O)[O-]", "C(=O)O"};
    // Each ring starts and ends on a carbon: the linkers bond there.
    static const std::vector<std::string> rings = {"c1ccc(%s)cc1", "c1cc(%s)ncc1", "c1ccc2cc(%s)ccc2c1",
                                                   "c1sc(%s)nc1", "C1CCN(%s)CC1", "c1onc(%s)c1"};
    std::string ring = rng.Pick(rings);
    const std::string sub = rng.Pick(subs);
    const std::size_t at = ring.find("%s");
    ring.replace(at, 2, sub);
    if (sub.empty()) ring.replace(at - 1, 2, "");  // drop the empty branch "()"
    return ring;
}

std::string DrugLike(SplitMix64& rng) {
    static const std::vector<std::string> linkers = {"C(=O)N", "S(=O)(=O)N", "NC(=O)N", "OC", "C(=O)OC",
                                                     "CN(C)C", "C(=O)NC(C)C(=O)N"};
    std::string s = Aryl(rng) + rng.Pick(linkers) + Aryl(rng);
    if (rng.Below(10) == 0) s += ".Cl";  // hydrochloride
    return s;
}

int Generate(const std::string& repo, const std::string& out_path, int count, std::uint64_t seed) {
    const std::vector<std::string> reference = ReferenceSmiles(repo);
    SplitMix64 rng{seed};
    std::ofstream out(out_path, std::ios::binary);
    std::map<std::string, int> families;
    for (int i = 0; i < count; ++i) {
        std::string smiles;
        std::string family;
        const int roll = rng.Below(100);
        if (i < static_cast<int>(reference.size()) || roll < 15) {
            smiles = i < static_cast<int>(reference.size()) ? reference[static_cast<std::size_t>(i)]
                                                            : rng.Pick(reference);
            family = "reference";
        } else if (roll < 40) {
            smiles = PerfluoroSubstance(rng);
            family = "perfluoro";
        } else if (roll < 60) {
            smiles = Chloroalkane(rng);
            family = "chloroalkane";
        } else if (roll < 70) {
            smiles = Alkyl(rng);
            family = "alkyl";
        } else {
            smiles = DrugLike(rng);
            family = "druglike";
        }
        ++families[family];
        out << smiles << '\t' << family << '-' << i << '\n';
    }
    std::cout << "generated=" << count << " seed=" << seed;
    for (const auto& [family, n] : families) std::cout << ' ' << family << '=' << n;
    std::cout << '\n';
    return out ? 0 : 1;
}

int Classify(const std::string& input, const std::string& rules_path, int threads) {
    auto rules = npgov::rules::ParseStructureRules(ReadFile(rules_path));
    if (!rules) {
        std::cerr << rules.error().Describe() << "\n";
        return 2;
    }
    std::vector<std::string> smiles;
    {
        std::istringstream lines(ReadFile(input));
        std::string line;
        while (std::getline(lines, line)) {
            if (!line.empty()) smiles.push_back(line.substr(0, line.find('\t')));
        }
    }
    struct Tally {
        long errors = 0, matches = 0, reason_bytes = 0;
        std::map<std::string, long> classes;
    };
    std::vector<Tally> tallies(static_cast<std::size_t>(threads));
    std::atomic<std::size_t> next{0};
    constexpr std::size_t kChunk = 64;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();  // process CPU time, all threads
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            Tally& tally = tallies[static_cast<std::size_t>(t)];
            for (std::size_t begin = next.fetch_add(kChunk); begin < smiles.size();
                 begin = next.fetch_add(kChunk)) {
                const std::size_t end = std::min(begin + kChunk, smiles.size());
                for (std::size_t i = begin; i < end; ++i) {
                    auto molecule = npgov::chem::Molecule::FromSmiles(smiles[i]);
                    if (!molecule) {
                        ++tally.errors;
                        continue;
                    }
                    for (const auto& m : npgov::rules::EvaluateStructureRules(*rules, *molecule)) {
                        ++tally.matches;
                        tally.reason_bytes += static_cast<long>(m.reason_en.size() + m.reason_zh.size());
                        ++tally.classes[m.class_id];
                    }
                }
            }
        });
    }
    for (auto& thread : pool) thread.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    Tally total;
    for (const Tally& t : tallies) {
        total.errors += t.errors;
        total.matches += t.matches;
        total.reason_bytes += t.reason_bytes;
        for (const auto& [c, n] : t.classes) total.classes[c] += n;
    }
    std::printf("molecules=%zu threads=%d seconds=%.3f molecules_per_second=%.0f cpu_seconds=%.3f "
                "molecules_per_cpu_second=%.0f errors=%ld matches=%ld reason_bytes=%ld rules=%zu\n",
                smiles.size(), threads, seconds, static_cast<double>(smiles.size()) / seconds, cpu_seconds,
                static_cast<double>(smiles.size()) / cpu_seconds, total.errors, total.matches,
                total.reason_bytes, rules->rules.size());
    std::printf("classes");
    for (const auto& [c, n] : total.classes) std::printf(" %s=%ld", c.c_str(), n);
    std::printf("\n");
    return 0;
}

std::string Option(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 2; i + 1 < argc; ++i) {
        if (argv[i] == name) return argv[i + 1];
    }
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string verb = argc > 1 ? argv[1] : "";
    const std::string repo = Option(argc, argv, "--repo", ".");
    if (verb == "generate") {
        return Generate(repo, Option(argc, argv, "--out", "chem_classify_input.smi"),
                        std::stoi(Option(argc, argv, "--count", "50000")),
                        std::stoull(Option(argc, argv, "--seed", "2023")));
    }
    if (verb == "classify") {
        return Classify(Option(argc, argv, "--input", "chem_classify_input.smi"),
                        Option(argc, argv, "--rules", repo + "/data/rules/structure_classes.json"),
                        std::max(1, std::stoi(Option(argc, argv, "--threads", "1"))));
    }
    std::cerr << "usage: npgov_chem_classify_bench generate --out FILE [--count N] [--seed S] [--repo DIR]\n"
                 "       npgov_chem_classify_bench classify --input FILE [--rules FILE] [--threads N] [--repo DIR]\n";
    return 64;
}
