#include "modules/demo/demo_survey.hpp"

#include <cmath>
#include <map>

#include "modules/enterprise/sheet_writer.hpp"

namespace npgov::demo {
namespace {

struct DemoChemical {
    const char* cas;
    const char* name;
    const char* activity;  // 生产 / 使用 / 加工
    const char* uses;
    double typical_t;      // order of magnitude of a year's quantity
};

// Chemicals typical of each key industry (activity and uses as an enterprise of that industry
// would report them). Quantities are invented.
const std::map<std::string, std::vector<DemoChemical>> kByIndustry = {
    {"2521", {{"71-43-2", "苯", "生产", "", 4000}, {"91-20-3", "萘", "生产", "", 1500}, {"108-95-2", "苯酚", "生产", "", 600},
              {"7664-41-7", "氨", "生产", "", 2500}}},
    {"2522", {{"67-56-1", "甲醇", "生产", "", 50000}, {"7664-41-7", "氨", "生产", "", 8000}}},
    {"2523", {{"67-56-1", "甲醇", "生产", "", 30000}, {"71-43-2", "苯", "生产", "", 900}}},
    {"2614", {{"50-00-0", "甲醛", "生产", "", 12000}, {"67-56-1", "甲醇", "使用", "原料；中间体", 15000},
              {"108-95-2", "苯酚", "使用", "原料", 3000}, {"80-05-7", "双酚A", "使用", "原料", 800}}},
    {"2641", {{"1330-20-7", "二甲苯", "使用", "溶剂；稀释剂", 300}, {"108-88-3", "甲苯", "使用", "溶剂", 120},
              {"123-86-4", "乙酸丁酯", "使用", "溶剂", 200}, {"80-05-7", "双酚A", "加工", "环氧树脂", 60}}},
    {"2631", {{"1071-83-6", "草甘膦", "生产", "", 2000}, {"75-09-2", "二氯甲烷", "使用", "溶剂；萃取剂", 400}}},
    {"2911", {{"149-30-4", "2-巯基苯并噻唑", "使用", "硫化促进剂", 90}, {"1314-13-2", "氧化锌", "使用", "硫化活化剂", 400}}},
    {"2913", {{"149-30-4", "2-巯基苯并噻唑", "使用", "硫化促进剂", 20}, {"117-81-7", "邻苯二甲酸二(2-乙基己)酯", "使用", "增塑剂", 150}}},
    {"2710", {{"75-09-2", "二氯甲烷", "使用", "溶剂；萃取剂", 350}, {"67-56-1", "甲醇", "使用", "溶剂", 900}}},
    {"2720", {{"75-09-2", "二氯甲烷", "使用", "溶剂", 120}, {"64-17-5", "乙醇", "使用", "溶剂；提取剂", 700}}},
    {"2750", {{"75-09-2", "二氯甲烷", "使用", "溶剂", 60}, {"67-56-1", "甲醇", "使用", "溶剂", 200}}},
};

const char* const kActor = "system:seed-demo";

std::string Round(double t) { return sheet::FormatNumber(std::round(t * 100) / 100); }

}  // namespace

Result<DemoSurveyReport> SeedDemoSurvey(survey::SurveyService& svc, enterprise::EnterpriseRegistry& enterprises,
                                        std::uint64_t seed) {
    NPGOV_ASSIGN_OR_RETURN(auto all, enterprises.ListAll({}));
    std::vector<enterprise::Enterprise> synthetic;
    for (auto& e : all) {
        if (e.synthetic) synthetic.push_back(std::move(e));
    }
    if (synthetic.empty()) {
        return MakeError(ErrorCode::kFailedPrecondition, "demo.no_enterprises", "请先生成演示企业",
                         "seed the demo enterprises first");
    }
    const auth::Principal city{0, kActor, auth::Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    const auth::Principal approver{0, "system:seed-demo-approver", auth::Role::kAdmin, std::nullopt, std::nullopt, std::nullopt};
    std::vector<std::string> industries;
    for (const auto& [code, chemicals] : kByIndustry) industries.push_back(code);
    NPGOV_ASSIGN_OR_RETURN(auto campaign,
                           svc.CreateCampaign({2023, survey::Tier::kBasic, "2023 年度化学物质环境信息调查（基础，演示）",
                                               industries, {}, "2024-06-30"},
                                              city));
    DemoSurveyReport report;
    report.campaign_id = campaign.id;
    SplitMix64 rng(seed ^ 0x5355525645590000ULL);  // "SURVEY": a stream apart from the enterprises'
    for (const auto& e : synthetic) {
        auto profile = kByIndustry.find(e.industry_code);
        if (profile == kByIndustry.end()) continue;
        const double roll = rng.Unit();
        if (roll < 0.35) continue;  // has not reported: appears among the non-reporters
        const auth::Principal ehs{0, kActor, auth::Role::kEnterprise, std::nullopt, std::nullopt, e.id};
        NPGOV_ASSIGN_OR_RETURN(auto s, svc.OpenSubmission(campaign.id, e.id, ehs));
        std::vector<survey::RawLine> lines;
        for (const auto& chem : profile->second) {
            if (rng.Unit() < 0.25 && &chem != &profile->second.front()) continue;
            survey::RawLine line;
            line.cas = chem.cas;
            line.name = chem.name;
            line.activity = chem.activity;
            const double t = chem.typical_t * (0.2 + 1.6 * rng.Unit());
            const bool kg = t < 50 && rng.Unit() < 0.5;
            line.quantity = Round(kg ? t * 1000 : t);
            line.unit = kg ? "kg" : "t";
            line.uses = chem.uses;
            line.confidential = rng.Unit() < 0.08 ? "是" : "否";
            lines.push_back(line);
            if (std::string(chem.activity) == "生产" && rng.Unit() < 0.3) {  // part of the production is exported
                survey::RawLine exported = line;
                exported.activity = "出口";
                exported.quantity = Round((kg ? t * 1000 : t) * (0.1 + 0.4 * rng.Unit()));
                exported.confidential = "否";
                lines.push_back(exported);
            }
        }
        NPGOV_ASSIGN_OR_RETURN(auto saved, svc.SaveDraft(s.id, lines, ehs));
        ++report.submissions;
        report.lines += saved.version.line_count;
        if (roll < 0.45 || saved.errors > 0) continue;  // a draft
        NPGOV_RETURN_IF_ERROR(svc.Submit(s.id, ehs));
        if (roll < 0.55) continue;  // waiting for the county
        const auth::Principal county{0, "system:seed-demo-county", auth::Role::kOfficer, std::string("sthjj"), e.region_code,
                                     std::nullopt};
        if (roll < 0.60) {
            NPGOV_RETURN_IF_ERROR(svc.Return(s.id, "请核实数量单位（演示）", county));
            continue;
        }
        NPGOV_RETURN_IF_ERROR(svc.CountyReview(s.id, "", county));
        if (roll < 0.68) continue;  // waiting for the city
        NPGOV_RETURN_IF_ERROR(svc.Approve(s.id, "", approver));
        ++report.approved;
    }
    return report;
}

}  // namespace npgov::demo
