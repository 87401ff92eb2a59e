#include "modules/demo/demo_monitoring.hpp"

#include <cmath>
#include <cstdio>

#include "modules/demo/demo_data.hpp"

namespace npgov::demo {
namespace {

using monitoring::Medium;
using monitoring::SiteType;

constexpr std::string_view kActor = "system:seed-demo";

struct DemoSite {
    const char* code;
    const char* name;
    SiteType type;
    const char* region;
    double lat, lon;  // near the county seats of demo_data.cpp (kCounties)
    const char* water_body;
    Medium medium;    // park surroundings: the medium sampled there
    double level;     // ln-scale shift of concentrations (influents high, groundwater low)
    double trend;     // ln-scale change per year (a mild upward trend at a few sites)
};

const DemoSite kSites[] = {
    {"SC-DW01", "朔城区北郊水源地（演示）", SiteType::kDrinkingWaterSource, "140602", 39.37, 112.41, "桑干河流域地下水", Medium::kWater, -1.2, 0},
    {"SC-R01", "七里河朔城段（演示）", SiteType::kRiverSection, "140602", 39.32, 112.45, "七里河", Medium::kWater, 0.2, 0.3},
    {"SC-R02", "恢河朔城段（演示）", SiteType::kRiverSection, "140602", 39.30, 112.39, "恢河", Medium::kWater, 0.0, 0},
    {"SC-WI01", "朔城区污水处理厂进水（演示）", SiteType::kWwtpInfluent, "140602", 39.35, 112.47, "", Medium::kWater, 1.6, 0},
    {"SC-WE01", "朔城区污水处理厂出水（演示）", SiteType::kWwtpEffluent, "140602", 39.35, 112.47, "恢河", Medium::kWater, 0.7, 0},
    {"SC-GW01", "朔城区地下水监测井（演示）", SiteType::kGroundwaterWell, "140602", 39.28, 112.44, "孔隙潜水", Medium::kWater, -1.0, 0},
    {"SC-S01", "朔城区农田土壤（演示）", SiteType::kSoil, "140602", 39.31, 112.50, "", Medium::kSoil, 0.0, 0},
    {"PL-R01", "七里河平鲁段（演示）", SiteType::kRiverSection, "140603", 39.50, 112.31, "七里河", Medium::kWater, -0.3, 0},
    {"PL-RS01", "平鲁区水库（演示）", SiteType::kReservoir, "140603", 39.53, 112.26, "平鲁水库", Medium::kWater, -0.6, 0},
    {"PL-S01", "平鲁区矿区周边土壤（演示）", SiteType::kSoil, "140603", 39.48, 112.33, "", Medium::kSoil, 0.3, 0},
    {"PL-A01", "平鲁区环境空气点（演示）", SiteType::kAir, "140603", 39.51, 112.28, "", Medium::kAir, 0.0, 0},
    {"SY-R01", "桑干河山阴段（演示）", SiteType::kRiverSection, "140621", 39.53, 112.84, "桑干河", Medium::kWater, 0.1, 0},
    {"SY-RS01", "山阴县水库（演示）", SiteType::kReservoir, "140621", 39.49, 112.78, "山阴水库", Medium::kWater, -0.7, 0},
    {"SY-WE01", "山阴县污水处理厂出水（演示）", SiteType::kWwtpEffluent, "140621", 39.52, 112.80, "桑干河", Medium::kWater, 0.6, 0.25},
    {"SY-GW01", "山阴县地下水监测井（演示）", SiteType::kGroundwaterWell, "140621", 39.55, 112.86, "孔隙潜水", Medium::kWater, -1.1, 0},
    {"SY-SD01", "桑干河山阴段沉积物（演示）", SiteType::kSediment, "140621", 39.53, 112.85, "桑干河", Medium::kSediment, 0.4, 0},
    {"YX-R01", "桑干河应县段（演示）", SiteType::kRiverSection, "140622", 39.57, 113.17, "桑干河", Medium::kWater, 0.2, 0},
    {"YX-DW01", "应县城区水源地（演示）", SiteType::kDrinkingWaterSource, "140622", 39.56, 113.22, "桑干河流域地下水", Medium::kWater, -1.3, 0},
    {"YX-WE01", "应县污水处理厂出水（演示）", SiteType::kWwtpEffluent, "140622", 39.54, 113.18, "桑干河", Medium::kWater, 0.5, 0},
    {"YX-S01", "应县农田土壤（演示）", SiteType::kSoil, "140622", 39.60, 113.15, "", Medium::kSoil, -0.2, 0},
    {"YY-R01", "苍头河右玉段（演示）", SiteType::kRiverSection, "140623", 39.99, 112.45, "苍头河", Medium::kWater, -0.8, 0},
    {"YY-DW01", "右玉县城区水源地（演示）", SiteType::kDrinkingWaterSource, "140623", 40.01, 112.48, "苍头河流域地下水", Medium::kWater, -1.5, 0},
    {"YY-S01", "右玉县林地土壤（演示）", SiteType::kSoil, "140623", 39.96, 112.50, "", Medium::kSoil, -0.7, 0},
    {"HR-R01", "口泉河怀仁段（演示）", SiteType::kRiverSection, "140681", 39.82, 113.08, "口泉河", Medium::kWater, 0.4, 0.35},
    {"HR-WI01", "怀仁市污水处理厂进水（演示）", SiteType::kWwtpInfluent, "140681", 39.84, 113.12, "", Medium::kWater, 1.5, 0},
    {"HR-WE01", "怀仁市污水处理厂出水（演示）", SiteType::kWwtpEffluent, "140681", 39.84, 113.12, "口泉河", Medium::kWater, 0.6, 0},
    {"HR-GW01", "怀仁市地下水监测井（演示）", SiteType::kGroundwaterWell, "140681", 39.86, 113.07, "孔隙潜水", Medium::kWater, -0.9, 0},
    {"HR-SD01", "口泉河怀仁段沉积物（演示）", SiteType::kSediment, "140681", 39.82, 113.09, "口泉河", Medium::kSediment, 0.5, 0},
    {"KF-PO01", "开发区化工园区排口（演示）", SiteType::kParkOutfall, "140671", 39.36, 112.49, "", Medium::kWater, 1.3, 0.3},
    {"KF-PO02", "开发区医药园区排口（演示）", SiteType::kParkOutfall, "140671", 39.37, 112.46, "", Medium::kWater, 1.4, 0},
    {"KF-PS01", "开发区园区周边地下水（演示）", SiteType::kParkSurroundings, "140671", 39.35, 112.45, "", Medium::kWater, -0.4, 0},
    {"KF-PS02", "开发区园区周边土壤（演示）", SiteType::kParkSurroundings, "140671", 39.38, 112.48, "", Medium::kSoil, 0.2, 0},
};

// Per substance and medium family: the median in the normalised unit at a level-0 site and the
// base detection limit (LOD in 2024; twice it in 2023, half of it in 2025). Medians sit below
// the limits so that most results are non-detects, as in the monitoring the plan describes.
struct DemoSubstance {
    const char* cas;
    const char* name;
    bool solids;  // also measured in soil and sediment
    bool air;     // also measured in air
    double water_median, water_lod;  // ng/L
    double solid_median, solid_lod;  // μg/kg
    double air_median, air_lod;      // pg/m³
};

const DemoSubstance kSubstances[] = {
    {"335-67-1", "全氟辛酸（PFOA）", true, true, 0.9, 1.0, 0.08, 0.1, 6, 10},
    {"1763-23-1", "全氟辛烷磺酸（PFOS）", true, true, 0.6, 1.0, 0.12, 0.1, 4, 10},
    {"723-46-6", "磺胺甲噁唑", false, false, 1.2, 2.0, 0, 0, 0, 0},
    {"85721-33-1", "环丙沙星", true, false, 1.6, 5.0, 0.6, 1.0, 0, 0},
    {"80-05-7", "双酚A", true, false, 2.5, 5.0, 0.7, 1.0, 0, 0},
    {"298-46-4", "卡马西平", false, false, 0.7, 1.0, 0, 0, 0, 0},
};

constexpr int kFirstYear = 2023;
constexpr int kYears = 3;
constexpr int kQuarterMonths[4] = {3, 6, 9, 12};
constexpr double kSigma = 1.0;  // ln-scale spread between samples

double Normal(SplitMix64& rng) {
    // Box–Muller on two uniforms in (0, 1].
    const double u1 = 1.0 - rng.Unit();
    const double u2 = rng.Unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

std::string Format(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", v);
    return buffer;
}

}  // namespace

std::vector<monitoring::NewSite> DemoMonitoringSites() {
    std::vector<monitoring::NewSite> sites;
    for (const auto& s : kSites) sites.push_back({s.code, s.name, s.type, s.region, s.water_body, s.lat, s.lon, true});
    return sites;
}

std::string MakeDemoLabFile(const std::vector<monitoring::NewSite>& sites, std::uint64_t seed) {
    SplitMix64 rng(seed ^ 0x6D6F6E69746F72ULL);  // "monitor": a stream apart from the enterprises'
    std::string csv =
        "点位编码,采样日期,采样时间,介质,CAS号,物质名称,检测结果,单位,检出限,定量限,分析方法,检测单位,加标回收率(%)\n";
    const char* labs[kYears] = {"朔州市生态环境监测站（演示）", "山西某检测技术有限公司（演示）", "朔州市生态环境监测站（演示）"};
    for (const auto& site : sites) {
        const DemoSite* profile = nullptr;
        for (const auto& s : kSites) {
            if (site.code == s.code) profile = &s;
        }
        if (!profile) continue;
        const double site_effect = profile->level + 0.5 * Normal(rng);
        const int day = 5 + static_cast<int>(rng.Below(20));
        for (int year = kFirstYear; year < kFirstYear + kYears; ++year) {
            for (int month : kQuarterMonths) {
                char date[32];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
                char time[16];
                std::snprintf(time, sizeof time, "%02d:%02d", 8 + static_cast<int>(rng.Below(4)), 5 * static_cast<int>(rng.Below(12)));
                bool first = true;
                for (const auto& c : kSubstances) {
                    const Medium medium = profile->medium;
                    double median = c.water_median, lod = c.water_lod;
                    const char* unit = "ng/L";
                    const char* medium_name = "水";
                    if (medium == Medium::kSoil || medium == Medium::kSediment) {
                        if (!c.solids) continue;
                        median = c.solid_median;
                        lod = c.solid_lod;
                        unit = "μg/kg";
                        medium_name = medium == Medium::kSoil ? "土壤" : "沉积物";
                    } else if (medium == Medium::kAir) {
                        if (!c.air) continue;
                        median = c.air_median;
                        lod = c.air_lod;
                        unit = "pg/m³";
                        medium_name = "环境空气";
                    }
                    lod *= year == 2023 ? 2.0 : year == 2024 ? 1.0 : 0.5;
                    const double loq = 3 * lod;
                    const double t = (year - kFirstYear) + (month - 1) / 12.0;
                    const double value = median * std::exp(site_effect + profile->trend * t + kSigma * Normal(rng));
                    const double rounded = std::stod(Format(value));
                    std::string reported;
                    if (rounded < lod) {
                        switch (rng.Below(4)) {  // every way labs write a non-detect
                            case 0: reported = "<" + Format(lod); break;
                            case 1: reported = "ND"; break;
                            case 2: reported = "未检出"; break;
                            default: reported = Format(lod) + "L"; break;
                        }
                    } else if (rounded < loq && rng.Below(5) == 0) {
                        reported = "DNQ";
                    } else {
                        reported = Format(rounded);
                    }
                    const std::string recovery = first ? Format(70 + 50 * rng.Unit()) : "";
                    first = false;
                    csv += site.code + "," + date + "," + time + "," + medium_name + "," + c.cas + "," + c.name + "," +
                           reported + "," + unit + "," + Format(lod) + "," + Format(loq) + ",LC-MS/MS（演示）," +
                           labs[year - kFirstYear] + "," + recovery + "\n";
                }
            }
        }
    }
    return csv;
}

Result<DemoMonitoringReport> SeedDemoMonitoring(monitoring::Monitoring& monitoring, std::uint64_t seed) {
    NPGOV_ASSIGN_OR_RETURN(auto existing, monitoring.sites.List({}, {}, {1, 1}));
    if (existing.total > 0) {
        return MakeError(ErrorCode::kFailedPrecondition, "demo.monitoring_not_empty",
                         "已有监测点位，不能再生成演示监测数据",
                         "monitoring sites exist; demo monitoring data goes only into an empty database");
    }
    const auto sites = DemoMonitoringSites();
    for (const auto& site : sites) NPGOV_RETURN_IF_ERROR(monitoring.sites.Create(site, {}, std::string(kActor)));
    const std::string file = MakeDemoLabFile(sites, seed);
    monitoring::ImportRequest request;
    request.bytes = file;
    request.file_name = "demo-monitoring-seed-" + std::to_string(seed) + ".csv";
    request.synthetic = true;
    NPGOV_ASSIGN_OR_RETURN(auto report, monitoring.imports.Import(request, {}, std::string(kActor)));
    if (!report.errors.empty()) {
        return MakeError(ErrorCode::kInternal, "demo.monitoring_rows",
                         "演示监测数据生成有误：" + report.errors.front().message_zh,
                         "the demo monitoring generator made a bad row: " + report.errors.front().message_en);
    }
    return DemoMonitoringReport{static_cast<int>(sites.size()), report.results, report.censored, report.import_id};
}

}  // namespace npgov::demo
