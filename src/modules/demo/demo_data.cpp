#include "modules/demo/demo_data.hpp"

#include <map>
#include <set>

#include "core/uscc.hpp"

namespace npgov::demo {
namespace {

constexpr std::string_view kActor = "system:seed-demo";

// Trade-name words; combinations are fictional.
const std::vector<std::string> kTradeNames = {
    "恒泰", "金沙", "塞上", "桑干", "雁北", "洪涛", "华宇", "鑫源", "瑞丰", "宏达", "广源", "北岳",
    "金海", "昊天", "长青", "永泰", "聚信", "盛和", "天成", "嘉禾", "隆基", "新元", "德润", "晋丰"};

struct CountyProfile {
    std::string code;
    std::string short_name;
    double latitude, longitude;  // approximate seat of the county
    int weight;                  // share of enterprises
};

const std::vector<CountyProfile> kCounties = {
    {"140602", "朔城", 39.33, 112.43, 24}, {"140603", "平鲁", 39.51, 112.29, 14},
    {"140621", "山阴", 39.52, 112.82, 16}, {"140622", "应县", 39.55, 113.19, 12},
    {"140623", "右玉", 39.99, 112.47, 6},  {"140681", "怀仁", 39.83, 113.10, 18},
    {"140671", "开发区", 39.36, 112.47, 10}};

// Industry class → company-name suffix and share.
struct IndustryProfile {
    std::string code;
    std::string suffix;
    int weight;
};

const std::vector<IndustryProfile> kIndustries = {
    {"2521", "焦化有限公司", 12}, {"2522", "煤气化有限公司", 5}, {"2523", "煤制油有限公司", 3},
    {"2614", "化工有限公司", 12}, {"2641", "涂料有限公司", 10},  {"2631", "农药有限公司", 6},
    {"2911", "轮胎有限公司", 5},  {"2913", "橡胶制品有限公司", 8}, {"2710", "制药有限公司", 8},
    {"2720", "药业有限公司", 7},  {"2750", "兽药有限公司", 5},  {"4411", "热电有限公司", 10},
    {"7724", "环保科技有限公司", 9}};

template <typename T>
const T& PickWeighted(const std::vector<T>& items, SplitMix64& rng) {
    int total = 0;
    for (const auto& item : items) total += item.weight;
    auto r = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
    for (const auto& item : items) {
        if (r < item.weight) return item;
        r -= item.weight;
    }
    return items.back();
}

// GB 11714-1997 organisation code: 8 characters and a check character.
std::string MakeOrganisationCode(SplitMix64& rng) {
    static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    std::string body;
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const int digit = static_cast<int>(rng.Below(10));
        body += static_cast<char>('0' + digit);
        sum += digit * kWeights[i];
    }
    const int check = 11 - sum % 11;
    body += check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
    return body;
}

struct UserPlan {
    std::string username, display_name;
    auth::Role role;
    std::optional<std::string> department, region;
    std::string description;
};

const std::vector<UserPlan> kStaff = {
    {"admin", "系统管理员（演示）", auth::Role::kAdmin, std::nullopt, std::nullopt, "bureau administrator"},
    {"officer", "市生态环境局科员（演示）", auth::Role::kOfficer, "sthjj", std::nullopt, "ecology bureau officer, whole city"},
    {"officer.sc", "朔城区分局科员（演示）", auth::Role::kOfficer, "sthjj", "140602", "ecology bureau officer, Shuocheng District only"},
    {"officer.nync", "市农业农村局科员（演示）", auth::Role::kOfficer, "nyncj", std::nullopt, "agriculture bureau officer"},
    {"officer.scjg", "市市场监管局科员（演示）", auth::Role::kOfficer, "scjgj", std::nullopt, "market regulation officer"},
    {"inspector", "执法检查员（演示）", auth::Role::kInspector, "sthjj", std::nullopt, "enforcement inspector"},
    {"analyst", "数据分析员（演示）", auth::Role::kAnalyst, "jczx", std::nullopt, "read-only analyst"}};

}  // namespace

std::uint64_t SplitMix64::Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::Below(std::uint64_t n) { return Next() % n; }

double SplitMix64::Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

std::string MakeSyntheticUscc(const std::string& region_code, SplitMix64& rng) {
    const std::string first17 = "91" + region_code + MakeOrganisationCode(rng);
    return first17 + ComputeUsccCheckChar(first17).value();
}

Result<DemoReport> SeedDemo(reference::ReferenceData& reference, enterprise::EnterpriseRegistry& enterprises,
                            auth::UserDirectory& users, const DemoOptions& options) {
    NPGOV_ASSIGN_OR_RETURN(auto existing_users, users.List({1, 1}));
    NPGOV_ASSIGN_OR_RETURN(auto existing_enterprises, enterprises.List({}, {}, {1, 1}));
    if (existing_users.total > 0 || existing_enterprises.total > 0) {
        return MakeError(ErrorCode::kFailedPrecondition, "demo.not_empty", "数据库中已有用户或企业，不能再生成演示数据",
                         "the database already has users or enterprises; demo data goes only into an empty database");
    }
    NPGOV_ASSIGN_OR_RETURN(auto regions, reference.ListRegions());
    if (regions.empty()) {
        return MakeError(ErrorCode::kFailedPrecondition, "demo.no_reference", "请先执行 npgov db seed-reference",
                         "load the reference data first: npgov db seed-reference");
    }
    SplitMix64 rng(options.seed);
    DemoReport report;
    std::set<std::string> names;
    std::vector<std::int64_t> enterprise_ids;
    for (int i = 0; i < options.enterprises; ++i) {
        const auto& county = PickWeighted(kCounties, rng);
        const auto& industry = PickWeighted(kIndustries, rng);
        std::string name = county.short_name + kTradeNames[rng.Below(kTradeNames.size())] + industry.suffix;
        for (int n = 2; names.count(name); ++n) {
            name = county.short_name + kTradeNames[rng.Below(kTradeNames.size())] + std::to_string(n) + industry.suffix;
        }
        names.insert(name);
        enterprise::NewEnterprise e;
        e.uscc = MakeSyntheticUscc(county.code, rng);
        e.name = name + "（演示）";
        e.region_code = county.code;
        e.industry_code = industry.code;
        e.address = county.short_name + "工业园区" + std::to_string(1 + rng.Below(200)) + "号（演示地址）";
        e.latitude = county.latitude + (rng.Unit() - 0.5) * 0.16;
        e.longitude = county.longitude + (rng.Unit() - 0.5) * 0.16;
        e.synthetic = true;
        NPGOV_ASSIGN_OR_RETURN(auto created, enterprises.Create(e, std::string(kActor)));
        enterprise_ids.push_back(created.id);
    }
    report.enterprises = options.enterprises;

    for (const auto& plan : kStaff) {
        auth::NewUser u{plan.username, plan.display_name, std::string(kDemoPassword), plan.role,
                        plan.department, plan.region, std::nullopt};
        NPGOV_RETURN_IF_ERROR(users.Create(u, std::string(kActor)));
        report.accounts.push_back({plan.username, std::string(auth::ToString(plan.role)), plan.description});
    }
    for (int i = 0; i < options.enterprise_users && i < static_cast<int>(enterprise_ids.size()); ++i) {
        char username[16];
        std::snprintf(username, sizeof username, "ent%03d", i + 1);
        NPGOV_ASSIGN_OR_RETURN(auto e, enterprises.Find(enterprise_ids[static_cast<std::size_t>(i)]));
        auth::NewUser u{username, e.name + " 环保负责人", std::string(kDemoPassword), auth::Role::kEnterprise,
                        std::nullopt, std::nullopt, e.id};
        NPGOV_RETURN_IF_ERROR(users.Create(u, std::string(kActor)));
        report.accounts.push_back({username, "enterprise", "EHS manager of " + e.name});
    }
    return report;
}

}  // namespace npgov::demo
