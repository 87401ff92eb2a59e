#include "engines/assess/ssd_derivation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "engines/assess/text_format.hpp"

namespace npgov::assess {
namespace {

std::string GroupNames(const std::vector<std::string>& ids, const PnecFactors& f, bool zh) {
    std::string out;
    for (const std::string& id : ids) {
        const TaxonGroup* g = f.TaxonGroupById(id);
        out += (out.empty() ? "" : (zh ? "、" : ", ")) + (g ? (zh ? g->zh : g->en) : id);
    }
    return out;
}

std::string Percent(double fraction) { return Fmt(100 * fraction) + " %"; }

}  // namespace

Result<SsdDerivation> DeriveSsdPnec(std::span<const SpeciesValue> long_term, const PnecFactors& f, const SsdParams& params) {
    const SsdRules& rules = f.ssd;
    SsdDerivation d;
    d.assessment_factor = params.assessment_factor.value_or(rules.af_default);
    if (!(d.assessment_factor >= rules.af_min && d.assessment_factor <= rules.af_max)) {
        return MakeError(ErrorCode::kInvalidArgument, "assess.ssd_factor",
                         "SSD 评估因子须在 " + Fmt(rules.af_min) + " 与 " + Fmt(rules.af_max) + " 之间：" + Fmt(d.assessment_factor),
                         "the SSD assessment factor must lie between " + Fmt(rules.af_min) + " and " + Fmt(rules.af_max) +
                             ": " + Fmt(d.assessment_factor),
                         "ssd_factor");
    }
    d.steps.push_back({"ssd.rule", "物种敏感度分布法适用条件：" + rules.rule_zh + "（EU TGD 第二部分 3.3.1.2）",
                       "SSD applies with " + rules.rule_en + " (EU TGD Part II 3.3.1.2)",
                       {{"min_species", static_cast<double>(rules.min_species), ""},
                        {"min_taxonomic_groups", static_cast<double>(rules.min_taxonomic_groups), ""}}});

    std::string left_out_zh, left_out_en;
    for (const SpeciesValue& s : long_term) {
        if (!s.in_ssd) {
            left_out_zh += (left_out_zh.empty() ? "" : "、") + s.species;
            left_out_en += (left_out_en.empty() ? "" : ", ") + s.species;
            continue;
        }
        std::size_t records = 0;
        for (const EndpointMean& e : s.endpoints) {
            if (e.endpoint == s.endpoint) records = e.values_ug_per_l.size();
        }
        d.points.push_back({s.species, s.taxon_group, s.endpoint, s.value_ug_per_l, std::log10(s.value_ug_per_l), 0, records});
    }
    if (!left_out_zh.empty()) {
        d.steps.push_back({"ssd.left_out", "不计入物种敏感度分布的类群（细菌等）的物种：" + left_out_zh,
                           "Species of groups not counted in an SSD (bacteria): " + left_out_en, {}});
    }
    std::stable_sort(d.points.begin(), d.points.end(), [](const SsdPoint& a, const SsdPoint& b) { return a.value_ug_per_l < b.value_ug_per_l; });
    for (std::size_t i = 0; i < d.points.size(); ++i) d.points[i].plotting_position = HazenPosition(i + 1, d.points.size());
    std::set<std::string> groups;
    for (const SsdPoint& p : d.points) {
        if (groups.insert(p.taxon_group).second) d.taxonomic_groups.push_back(p.taxon_group);
    }
    const std::size_t n = d.points.size();
    d.steps.push_back({"ssd.data",
                       "长期 NOEC/EC10 物种值 " + std::to_string(n) + " 个（每个物种一个值：同一终点取几何均值，取最敏感终点），覆盖 " +
                           std::to_string(d.taxonomic_groups.size()) + " 个类群：" + GroupNames(d.taxonomic_groups, f, true),
                       std::to_string(n) + " long-term NOEC/EC10 species values (one per species: geometric mean per endpoint, "
                       "the most sensitive endpoint) covering " + std::to_string(d.taxonomic_groups.size()) +
                           " taxonomic groups: " + GroupNames(d.taxonomic_groups, f, false),
                       {{"species", static_cast<double>(n), ""},
                        {"taxonomic_groups", static_cast<double>(d.taxonomic_groups.size()), ""}}});

    std::vector<DataGap> hard;
    if (n < static_cast<std::size_t>(rules.min_species)) {
        hard.push_back({"ssd.species", "长期 NOEC/EC10 仅有 " + std::to_string(n) + " 个物种，至少需要 " + std::to_string(rules.min_species) + " 个",
                        "only " + std::to_string(n) + " species with long-term NOEC/EC10; at least " +
                            std::to_string(rules.min_species) + " needed"});
    }
    if (d.taxonomic_groups.size() < static_cast<std::size_t>(rules.min_taxonomic_groups)) {
        hard.push_back({"ssd.groups",
                        "仅覆盖 " + std::to_string(d.taxonomic_groups.size()) + " 个类群（" + GroupNames(d.taxonomic_groups, f, true) +
                            "），至少需要 " + std::to_string(rules.min_taxonomic_groups) + " 个",
                        "only " + std::to_string(d.taxonomic_groups.size()) + " taxonomic groups (" +
                            GroupNames(d.taxonomic_groups, f, false) + "); at least " +
                            std::to_string(rules.min_taxonomic_groups) + " needed"});
    }
    d.missing = hard;
    for (const NamedGroupRequirement& g : rules.recommended_groups) {
        const bool present = std::any_of(g.any_of.begin(), g.any_of.end(), [&](const std::string& id) { return groups.count(id) > 0; });
        if (!present) {
            d.missing.push_back({"ssd.group." + g.id, "无" + g.zh + "的长期数据（TGD 建议覆盖的类群）",
                                 "no long-term data for " + g.en + " (a group the TGD asks for)"});
        }
    }
    if (!hard.empty()) {
        std::string zh, en;
        for (const DataGap& g : hard) {
            zh += (zh.empty() ? "" : "；") + g.zh;
            en += (en.empty() ? "" : "; ") + g.en;
        }
        Error e = MakeError(ErrorCode::kFailedPrecondition, "assess.ssd_insufficient_data", "数据不足，不采用物种敏感度分布法：" + zh,
                            "not enough data for a species sensitivity distribution: " + en)
                      .value();
        d.steps.push_back({"ssd.refused", e.message_zh, e.message_en, {}});
        d.refusal = std::move(e);
        return d;
    }
    if (n < static_cast<std::size_t>(rules.preferred_species)) {
        d.notes.push_back({"ssd.preferred_species",
                           "物种数 " + std::to_string(n) + " 达到最低要求，但 TGD 建议多于 " + std::to_string(rules.preferred_species - 1) + " 个",
                           std::to_string(n) + " species meet the minimum, but the TGD prefers more than " +
                               std::to_string(rules.preferred_species - 1)});
    }

    std::vector<double> logs;
    for (const SsdPoint& p : d.points) logs.push_back(p.log10_value);
    NPGOV_ASSIGN_OR_RETURN(NormalFit fit, FitNormal(logs));
    d.fit = fit;
    d.steps.push_back({"ssd.fit",
                       "对数正态拟合（log10 μg/L）：均值 = " + Fmt(fit.mean) + "，标准差（n − 1）= " + Fmt(fit.sd),
                       "Log-normal fit (log10 μg/L): mean = " + Fmt(fit.mean) + ", SD (n − 1) = " + Fmt(fit.sd),
                       {{"n", static_cast<double>(fit.n), ""}, {"mean_log10", fit.mean, "log10 μg/L"}, {"sd_log10", fit.sd, "log10 μg/L"}}});

    const NormalityTest gof = TestNormality(logs, fit, rules.ad_critical_values, rules.ad_decision_significance);
    d.goodness_of_fit = gof;
    d.steps.push_back({"ssd.goodness_of_fit",
                       "拟合优度：Anderson-Darling A² = " + Fmt(gof.anderson_darling) + "，修正 A*² = " + Fmt(gof.anderson_darling_modified) +
                           (gof.rejected ? " > " : " ≤ ") + Fmt(gof.critical_value) + "（" + Percent(gof.significance) + " 水平临界值）" +
                           (gof.rejected ? "：拒绝正态性，对数正态拟合存疑" : "：不拒绝对数正态") + "；Kolmogorov-Smirnov D = " +
                           Fmt(gof.kolmogorov_smirnov),
                       "Goodness of fit: Anderson-Darling A² = " + Fmt(gof.anderson_darling) + ", modified A*² = " +
                           Fmt(gof.anderson_darling_modified) + (gof.rejected ? " > " : " ≤ ") + Fmt(gof.critical_value) +
                           " (critical value at " + Percent(gof.significance) + ")" +
                           (gof.rejected ? ": normality rejected, the log-normal fit is doubtful" : ": log-normal not rejected") +
                           "; Kolmogorov-Smirnov D = " + Fmt(gof.kolmogorov_smirnov),
                       {{"anderson_darling", gof.anderson_darling, ""},
                        {"anderson_darling_modified", gof.anderson_darling_modified, ""},
                        {"critical_value", gof.critical_value, ""},
                        {"kolmogorov_smirnov", gof.kolmogorov_smirnov, ""}}});
    if (gof.rejected) {
        d.notes.push_back({"ssd.fit_doubtful", "Anderson-Darling 检验拒绝对数正态分布：HC5 须结合专家判断使用",
                           "the Anderson-Darling test rejects the log-normal distribution: use the HC5 with expert judgement"});
    }

    const HazardousConcentration hc = ComputeHazardousConcentration(fit, 0.05, rules.confidence_interval);
    d.hc5 = hc;
    d.hc5_ug_per_l = std::pow(10.0, hc.log10_median);
    d.hc5_lower_ug_per_l = std::pow(10.0, hc.log10_lower);
    d.hc5_upper_ug_per_l = std::pow(10.0, hc.log10_upper);
    const std::string ci = Percent(rules.confidence_interval);
    d.steps.push_back({"ssd.hc5",
                       "HC5 = 10^(均值 − k·标准差)，k 取非中心 t 分布（自由度 " + std::to_string(fit.n - 1) + "，非中心参数 " +
                           Fmt(hc.k.noncentrality) + "）的分位数 / √n：中位估计 k = " +
                           Fmt(hc.k.median) + "，HC5 = " + Fmt(*d.hc5_ug_per_l) + " " + kUgPerL + "；" + ci + " 置信区间 " +
                           Fmt(*d.hc5_lower_ug_per_l) + " – " + Fmt(*d.hc5_upper_ug_per_l) + " " + kUgPerL + "（k = " +
                           Fmt(hc.k.lower_limit) + " / " + Fmt(hc.k.upper_limit) + "；Aldenberg & Jaworska 2000）",
                       "HC5 = 10^(mean − k·SD), k the non-central t quantile (df " + std::to_string(fit.n - 1) +
                           ", non-centrality " + Fmt(hc.k.noncentrality) +
                           ") / √n: median estimate k = " + Fmt(hc.k.median) + ", HC5 = " + Fmt(*d.hc5_ug_per_l) + " " + kUgPerL +
                           "; " + ci + " interval " + Fmt(*d.hc5_lower_ug_per_l) + " – " + Fmt(*d.hc5_upper_ug_per_l) + " " +
                           kUgPerL + " (k = " + Fmt(hc.k.lower_limit) + " / " + Fmt(hc.k.upper_limit) +
                           "; Aldenberg & Jaworska 2000)",
                       {{"k_median", hc.k.median, ""},
                        {"k_lower_limit", hc.k.lower_limit, ""},
                        {"k_upper_limit", hc.k.upper_limit, ""},
                        {"hc5", *d.hc5_ug_per_l, kUgPerL},
                        {"hc5_lower", *d.hc5_lower_ug_per_l, kUgPerL},
                        {"hc5_upper", *d.hc5_upper_ug_per_l, kUgPerL}}});
    d.pnec_ug_per_l = *d.hc5_ug_per_l / d.assessment_factor;
    d.steps.push_back({"ssd.pnec",
                       "PNEC = HC5 / AF = " + Fmt(*d.hc5_ug_per_l) + " / " + Fmt(d.assessment_factor) + " = " + Fmt(*d.pnec_ug_per_l) +
                           " " + kUgPerL + "（AF 取 " + Fmt(rules.af_min) + "–" + Fmt(rules.af_max) + "，视数据质量而定）",
                       "PNEC = HC5 / AF = " + Fmt(*d.hc5_ug_per_l) + " / " + Fmt(d.assessment_factor) + " = " +
                           Fmt(*d.pnec_ug_per_l) + " " + kUgPerL + " (AF " + Fmt(rules.af_min) + "–" + Fmt(rules.af_max) +
                           ", case by case)",
                       {{"hc5", *d.hc5_ug_per_l, kUgPerL}, {"assessment_factor", d.assessment_factor, ""}, {"pnec", *d.pnec_ug_per_l, kUgPerL}}});
    d.curve = ComputeSsdCurve(fit, rules.confidence_interval);
    return d;
}

}  // namespace npgov::assess
