// Prepares the monitoring import benchmark (bench/monitoring_import_bench.sh): migrates a
// database, loads the reference data, registers the sites through the monitoring module, and
// writes a lab result file of sites × substances × sampling dates results (default 1,000 ×
// 10 × 100 = 1,000,000 results in 10,000 site × substance groups), log-normal with about 60 %
// below three detection limits, written as labs write non-detects ("<1", "ND", "未检出").
// The script then times `npgov monitoring import` on that file. Deterministic (SplitMix64).
//
//   npgov_monitoring_import_bench --url sqlite:/tmp/b/npgov.db --data-dir data --out results.csv
//       [--sites 1000] [--substances 10] [--dates 100]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "core/clock.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/monitoring/monitoring.hpp"
#include "modules/reference/reference.hpp"
#include "services/application.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace npgov;

struct Substance {
    const char* cas;
    const char* name;
};

// Real CAS numbers (check digits valid): PFAS, antibiotics, a plasticiser, a drug.
const Substance kSubstances[] = {
    {"335-67-1", "PFOA"},       {"1763-23-1", "PFOS"},       {"355-46-4", "PFHxS"},  {"375-95-1", "PFNA"},
    {"723-46-6", "磺胺甲噁唑"}, {"85721-33-1", "环丙沙星"}, {"114-07-8", "红霉素"}, {"82419-36-1", "氧氟沙星"},
    {"80-05-7", "双酚A"},       {"298-46-4", "卡马西平"},
};
const char* kRegions[] = {"140602", "140603", "140621", "140622", "140623", "140681", "140671"};

double Normal(demo::SplitMix64& rng) {
    const double u1 = 1.0 - rng.Unit();
    const double u2 = rng.Unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

std::string Format(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
    return buffer;
}

int Fail(const Error& e) {
    std::cerr << "monitoring_import_bench: " << e.Describe() << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string url, data_dir = "data", out;
    int sites = 1000, substances = 10, dates = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--url") url = value;
        else if (key == "--data-dir") data_dir = value;
        else if (key == "--out") out = value;
        else if (key == "--sites") sites = std::atoi(value.c_str());
        else if (key == "--substances") substances = std::atoi(value.c_str());
        else if (key == "--dates") dates = std::atoi(value.c_str());
        else {
            std::cerr << "unknown option " << key << "\n";
            return 64;
        }
    }
    if (url.empty() || out.empty() || sites < 1 || substances < 1 || substances > 10 || dates < 1 || dates > 365) {
        std::cerr << "usage: npgov_monitoring_import_bench --url URL --out FILE [--data-dir data] [--sites N] "
                     "[--substances 1..10] [--dates 1..365]\n";
        return 64;
    }

    SystemClock clock;
    auto db = store::OpenDatabase(url);
    if (!db) return Fail(db.error());
    if (auto migrated = store::ApplyMigrations(**db, AllMigrations()); !migrated) return Fail(migrated.error());
    audit::AuditLog audit(**db, clock);
    reference::ReferenceData reference(**db, audit);
    auto files = reference::LoadReferenceFiles(data_dir);
    if (!files) return Fail(files.error());
    if (auto saved = reference.Save(*files, "system:bench"); !saved) return Fail(saved.error());
    monitoring::Monitoring monitoring(**db, reference, audit, clock);

    demo::SplitMix64 rng(20231);
    std::vector<std::string> codes;
    for (int s = 0; s < sites; ++s) {
        char code[16];
        std::snprintf(code, sizeof code, "B%05d", s + 1);
        codes.emplace_back(code);
        const bool river = s % 3 != 0;
        monitoring::NewSite site{code, std::string("基准点位 ") + code + "（合成）",
                                 river ? monitoring::SiteType::kRiverSection : monitoring::SiteType::kWwtpEffluent,
                                 kRegions[s % 7], "", 39.3 + 0.7 * rng.Unit(), 112.2 + 1.0 * rng.Unit(), true};
        if (auto created = monitoring.sites.Create(site, {}, "system:bench"); !created) return Fail(created.error());
    }

    std::ofstream file(out, std::ios::binary);
    file << "点位编码,采样日期,介质,CAS号,物质名称,检测结果,单位,检出限,定量限,检测单位\n";
    long rows = 0, censored = 0;
    for (int s = 0; s < sites; ++s) {
        const double site_effect = 0.5 * Normal(rng);
        for (int d = 0; d < dates; ++d) {
            // Dates spread over 2023-01-02 … about 2025-09: every 10 days.
            const Date date = AddDays(Date{2023, 1, 2}, d * 10);
            const double lod = date.year == 2023 ? 2.0 : date.year == 2024 ? 1.0 : 0.5;
            const std::string iso = date.ToIsoString();
            for (int c = 0; c < substances; ++c) {
                // Median 0.78 × the 2024 LOD: with ln-sd ≈ 1.1, about 60 % fall below the LODs.
                const double value = 0.78 * std::exp(site_effect + 0.1 * c - 0.45 + Normal(rng));
                std::string reported;
                if (value < lod) {
                    ++censored;
                    const auto form = rng.Below(3);
                    reported = form == 0 ? "<" + Format(lod) : form == 1 ? "ND" : "未检出";
                } else {
                    reported = Format(value);
                }
                file << codes[static_cast<std::size_t>(s)] << ',' << iso << ",水," << kSubstances[c].cas << ','
                     << kSubstances[c].name << ',' << reported << ",ng/L," << Format(lod) << ',' << Format(3 * lod)
                     << ",基准实验室（合成）\n";
                ++rows;
            }
        }
    }
    file.close();
    std::cout << "{\"sites\": " << sites << ", \"groups\": " << sites * substances << ", \"results\": " << rows
              << ", \"censored\": " << censored << ", \"censored_share\": "
              << static_cast<double>(censored) / static_cast<double>(rows) << "}\n";
    return file ? 0 : 1;
}
