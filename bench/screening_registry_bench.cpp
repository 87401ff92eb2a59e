// Screening a whole substance registry through the database (modules/assessment): prepares a
// database with the regulatory lists, a registry of N synthetic substances (half with a
// structure) beside the seed substances, hazard records for a share of them, a year of approved
// survey lines from hundreds of enterprises and a monitoring lab file, all through the modules;
// then times `ScreeningRuns::Run` — gathering every aggregate set-based, running the engine,
// storing the ranked rows — twice: cold (structure facts and list memberships computed) and
// warm (the structure-match cache filled). Prints one JSON object per run. Deterministic
// (SplitMix64). bench/screening_registry_bench.sh runs it for several sizes and backends.
//
//   npgov_screening_registry_bench --url sqlite:/tmp/b/npgov.db --data-dir data --substances 10000
//       [--enterprises 500] [--lines 40] [--sites 100] [--runs 2]
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "modules/assessment/assessment.hpp"
#include "modules/auth/secrets.hpp"
#include "modules/demo/demo_data.hpp"
#include "modules/lists/list_files.hpp"
#include "modules/survey/survey_service.hpp"
#include "services/application.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using namespace npgov;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

int Fail(const std::string& what, const Error& e) {
    std::cerr << "screening_registry_bench: " << what << ": " << e.Describe() << "\n";
    return 1;
}

double Seconds(Steady::time_point since) { return std::chrono::duration<double>(Steady::now() - since).count(); }

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A valid CAS number from n (≥ 1000): its digits, then the check digit (CAS check-digit rule).
std::string Cas(long long n) {
    const std::string digits = std::to_string(n);
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) sum += static_cast<int>(digits.size() - i) * (digits[i] - '0');
    return digits.substr(0, digits.size() - 2) + "-" + digits.substr(digits.size() - 2) + "-" + std::to_string(sum % 10);
}

// A varied, valid structure for substance i: a carbon chain with halogen, oxygen and nitrogen
// substituents, some aromatic, some perfluorinated (so that structure rules fire now and then).
std::string Smiles(long i, demo::SplitMix64& rng) {
    const int length = 2 + static_cast<int>(rng.Below(16));
    std::string s;
    if (i % 5 == 0) s += "c1ccc(cc1)";
    if (i % 41 == 0) {
        for (int k = 0; k < 6 + static_cast<int>(i % 4); ++k) s += "C(F)(F)";
        return s + "C(=O)O";
    }
    for (int k = 0; k < length; ++k) {
        s += "C";
        switch (rng.Below(9)) {
            case 0: s += "(Cl)"; break;
            case 1: s += "(F)"; break;
            case 2: s += "(O)"; break;
            case 3: s += "(N)"; break;
            case 4: s += "(C)"; break;
            default: break;
        }
    }
    if (i % 3 == 0) s += "O";
    if (i % 7 == 0) s += "C(=O)O";
    return s;
}

long PeakRssKb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
    std::string url, data_dir = "data";
    long substances = 10000;
    int enterprises_n = 500, lines_per = 40, sites = 100, runs = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--url") url = value;
        else if (key == "--data-dir") data_dir = value;
        else if (key == "--substances") substances = std::atol(value.c_str());
        else if (key == "--enterprises") enterprises_n = std::atoi(value.c_str());
        else if (key == "--lines") lines_per = std::atoi(value.c_str());
        else if (key == "--sites") sites = std::atoi(value.c_str());
        else if (key == "--runs") runs = std::atoi(value.c_str());
        else {
            std::cerr << "unknown option " << key << "\n";
            return 64;
        }
    }
    if (url.empty() || substances < 10 || enterprises_n < 1 || lines_per < 1 || sites < 1 || runs < 1) {
        std::cerr << "usage: npgov_screening_registry_bench --url URL [--data-dir data] [--substances N] [--enterprises N] "
                     "[--lines N] [--sites N] [--runs N]\n";
        return 64;
    }
    if (!auth::InitSecrets()) return 70;
    SystemClock clock;
    config::Config config;
    config.database.url = url;
    config.database.pool_size = 4;
    config.data_dir = data_dir;
    auto app = Application::Open(config, clock);
    if (!app) return Fail("open", app.error());
    Services& s = (*app)->services();
    if (auto migrated = store::ApplyMigrations(s.db, AllMigrations()); !migrated) return Fail("migrate", migrated.error());
    const std::string actor = "system:bench";
    const auto setup_started = Steady::now();

    // Reference data, lists, seed substances.
    auto files = reference::LoadReferenceFiles(data_dir);
    if (!files) return Fail("reference", files.error());
    if (auto saved = s.reference.Save(*files, actor); !saved) return Fail("reference", saved.error());
    auto editions = lists::LoadListManifest(data_dir + "/lists/lists.json");
    if (!editions) return Fail("lists", editions.error());
    for (const auto& e : *editions) {
        if (auto saved = s.lists->SaveEdition(e, actor); !saved) return Fail("lists", saved.error());
    }
    if (auto seeded = s.substances->Import(ReadFile(data_dir + "/lists/structures.csv"), false, actor); !seeded) {
        return Fail("seed substances", seeded.error());
    }

    // The synthetic registry: N substances, every second one with a structure.
    demo::SplitMix64 rng(20260601);
    std::vector<std::string> cas_numbers;
    std::string csv = "cas,name,name_zh,smiles,synthetic\n";
    for (long i = 0; i < substances; ++i) {
        const std::string cas = Cas(500000000LL + i);
        cas_numbers.push_back(cas);
        csv += cas + ",Synthetic substance " + std::to_string(i) + ",合成物质" + std::to_string(i) + "," +
               (i % 2 == 0 ? Smiles(i, rng) : std::string()) + ",1\n";
    }
    const auto import_started = Steady::now();
    auto imported = s.substances->Import(csv, false, actor);
    if (!imported) return Fail("import substances", imported.error());
    if (!imported->committed) return Fail("import substances", imported->errors.empty() ? Error{} : imported->errors.front());
    const double import_seconds = Seconds(import_started);

    // Hazard records: log Kow for 20 %, a water half-life for 10 %, BCF for 5 %, a base set of
    // acute ecotoxicity for 1 % (synthetic values, flagged in the source).
    std::string hazard = "kind,cas,property,value,unit,temperature,provenance,reliability,source,species,taxon_group,endpoint,"
                         "exposure,duration,duration_unit\n";
    for (long i = 0; i < substances; ++i) {
        const std::string& cas = cas_numbers[static_cast<std::size_t>(i)];
        const std::string src = ",measured,2,synthetic benchmark value";
        if (i % 5 == 1) hazard += "property," + cas + ",log_kow," + std::to_string(1 + 6 * rng.Unit()) + ",," + src + ",,,,,,\n";
        if (i % 10 == 3) hazard += "property," + cas + ",half_life_water," + std::to_string(5 + 300 * rng.Unit()) + ",d," + src + ",,,,,,\n";
        if (i % 20 == 7) hazard += "property," + cas + ",bcf," + std::to_string(10 + 5000 * rng.Unit()) + ",L/kg," + src + ",,,,,,\n";
        if (i % 100 == 9) {
            for (auto [species, group, endpoint] : {std::tuple{"Daphnia magna", "invertebrate", "EC50"},
                                                    std::tuple{"Danio rerio", "fish", "LC50"},
                                                    std::tuple{"Raphidocelis subcapitata", "algae", "EC50"}}) {
                hazard += std::string("ecotox,") + cas + ",," + std::to_string(0.01 + 50 * rng.Unit()) + ",mg/L,,,2," +
                          "synthetic benchmark value," + species + "," + group + "," + endpoint + ",acute,48,h\n";
            }
        }
    }
    hazard::ImportRequest hazard_request;
    hazard_request.bytes = hazard;
    hazard_request.file_name = "bench_hazard.csv";
    hazard_request.max_bytes = 256u << 20;
    auto hazard_report = s.hazard->Import(hazard_request, actor);
    if (!hazard_report) return Fail("hazard import", hazard_report.error());
    if (!hazard_report->committed) return Fail("hazard import", hazard_report->errors.front());

    // Enterprises and one year of approved survey lines.
    auth::UserDirectory& users = s.users;
    demo::DemoOptions options;
    options.enterprises = enterprises_n;
    options.enterprise_users = 0;
    if (auto report = demo::SeedDemo(s.reference, s.enterprises, users, options); !report) return Fail("enterprises", report.error());
    auto all = s.enterprises.ListAll({});
    if (!all) return Fail("enterprises", all.error());
    auto industries = s.reference.ListIndustries();
    if (!industries) return Fail("industries", industries.error());
    std::vector<std::string> industry_codes;
    for (const auto& industry : *industries) industry_codes.push_back(industry.code);
    survey::SurveyService survey(s.db, s.enterprises, s.reference, s.audit, s.clock);
    const auth::Principal city{0, "bench.city", auth::Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    const auth::Principal approver{0, "bench.approver", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};
    auto campaign = survey.CreateCampaign({2024, survey::Tier::kBasic, "", industry_codes, {}, "2025-06-30"}, city);
    if (!campaign) return Fail("campaign", campaign.error());
    const char* uses[] = {"溶剂", "清洗剂", "原料", "中间体", "增塑剂", "涂料", "农药", "消毒剂"};
    const char* activities[] = {"使用", "生产", "加工", "进口"};
    const long used = std::min<long>(substances, 5000);  // the survey names a few thousand substances
    long survey_lines = 0;
    for (const auto& e : *all) {
        const auth::Principal who{0, "bench.ent", auth::Role::kEnterprise, std::nullopt, std::nullopt, e.id};
        auto sub = survey.OpenSubmission(campaign->id, e.id, who);
        if (!sub) return Fail("open submission", sub.error());
        std::vector<survey::RawLine> lines;
        for (int l = 0; l < lines_per; ++l) {
            survey::RawLine r;
            r.cas = cas_numbers[static_cast<std::size_t>(rng.Below(static_cast<std::uint64_t>(used)))];
            r.activity = activities[rng.Below(4)];
            r.quantity = std::to_string(0.1 * std::pow(10000.0, rng.Unit()));
            r.unit = "t";
            if (r.activity == std::string("使用")) r.uses = std::string(uses[rng.Below(8)]) + "；" + uses[rng.Below(8)];
            lines.push_back(r);
        }
        auto saved = survey.SaveDraft(sub->id, lines, who);
        if (!saved) return Fail("save draft", saved.error());
        if (saved->errors > 0) {
            // Two lines of one substance and activity are fine; a mass-balance error is not: skip it.
            continue;
        }
        const auth::Principal county{0, "bench.county", auth::Role::kOfficer, std::string("sthjj"), e.region_code, std::nullopt};
        if (auto r = survey.Submit(sub->id, who); !r) return Fail("submit", r.error());
        if (auto r = survey.CountyReview(sub->id, "", county); !r) return Fail("review", r.error());
        if (auto r = survey.Approve(sub->id, "", approver); !r) return Fail("approve", r.error());
        survey_lines += lines_per;
    }

    // Monitoring: sites × 50 substances × 12 samples, log-normal, about half non-detects.
    const char* regions[] = {"140602", "140603", "140621", "140622", "140623", "140681", "140671"};
    std::string lab = "点位编码,采样日期,介质,CAS号,物质名称,检测结果,单位,检出限,检测单位\n";
    long results = 0;
    for (int site = 0; site < sites; ++site) {
        char code[16];
        std::snprintf(code, sizeof code, "BS%04d", site + 1);
        monitoring::NewSite ns{code, std::string("基准点位 ") + code + "（合成）", monitoring::SiteType::kRiverSection,
                               regions[site % 7], "", std::nullopt, std::nullopt, true};
        if (auto created = s.monitoring.sites.Create(ns, {}, actor); !created) return Fail("site", created.error());
        for (int c = 0; c < 50; ++c) {
            const std::string& cas = cas_numbers[static_cast<std::size_t>((c * 97) % substances)];
            for (int d = 0; d < 12; ++d) {
                const double value = std::exp(2.0 * rng.Unit() * 2 - 2);
                char date[16];
                std::snprintf(date, sizeof date, "2024-%02d-15", d + 1);
                char cell[32];
                std::snprintf(cell, sizeof cell, "%.3g", value);
                lab += std::string(code) + "," + date + ",水," + cas + ",合成物质," + (value < 1 ? "<1" : cell) + ",ng/L,1,基准实验室\n";
                ++results;
            }
        }
    }
    monitoring::ImportRequest lab_request;
    lab_request.bytes = lab;
    lab_request.file_name = "bench_lab.csv";
    lab_request.synthetic = true;
    auto lab_report = s.monitoring.imports.Import(lab_request, {}, actor);
    if (!lab_report) return Fail("lab import", lab_report.error());
    if (!lab_report->committed) return Fail("lab import", lab_report->errors.front());
    const double setup_seconds = Seconds(setup_started);
    auto count = s.substances->Count();
    if (!count) return Fail("count", count.error());

    for (int r = 1; r <= runs; ++r) {
        const auto started = Steady::now();
        auto run = s.assessment->screening.Run({}, approver);
        if (!run) return Fail("run", run.error());
        const double seconds = Seconds(started);
        const json summary = json::parse(run->summary_json);
        json out = {{"backend", std::string(store::ToString(s.db.dialect()))},
                    {"registry", *count},
                    {"synthetic_substances", substances},
                    {"run", r},
                    {"seconds", seconds},
                    {"timings_ms", summary["timings_ms"]},
                    {"sources", summary["sources"]},
                    {"survey_lines", survey_lines},
                    {"monitoring_results", results},
                    {"hazard_records", hazard_report->properties + hazard_report->ecotox},
                    {"setup_seconds", setup_seconds},
                    {"substance_import_seconds", import_seconds},
                    {"peak_rss_mb", PeakRssKb() / 1024.0}};
        std::cout << out.dump() << std::endl;
    }
    return 0;
}
