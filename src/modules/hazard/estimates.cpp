#include "modules/hazard/estimates.hpp"

#include <cmath>
#include <cstdio>
#include <tuple>

namespace npgov::hazard {
namespace {

std::string Format(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string Joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

Error Refusal(std::string reason, std::string zh, std::string en) {
    return Error{ErrorCode::kFailedPrecondition, std::move(reason), std::move(zh), std::move(en), "", 0};
}

void Refuse(Estimate& e, std::string reason, std::string zh, std::string en) {
    e.value.reset();
    e.in_domain = false;
    e.notes.push_back({reason, zh, en});
    e.refused = Refusal(std::move(reason), std::move(zh), std::move(en));
}

void Flag(Estimate& e, std::string reason, std::string zh, std::string en) {
    e.in_domain = false;
    e.notes.push_back({std::move(reason), std::move(zh), std::move(en)});
}

// Notes shared by the log Kow based methods: ionisable and perfluoroalkyl structures.
void FlagPartitioning(Estimate& e, const StructureFacts& facts, std::string_view what_en, std::string_view what_zh) {
    if (!facts.ionisable_groups.empty()) {
        const std::string groups = Joined(facts.ionisable_groups, ", ");
        Flag(e, "hazard.domain_ionisable",
             "结构含可电离基团（" + groups + "）：环境 pH 下部分或全部以离子形式存在，" + std::string(what_zh) +
                 "不适用于离子",
             "the structure has ionisable groups (" + groups + "): at environmental pH it is partly or wholly "
                 "ionised, and " + std::string(what_en) + " describes neutral molecules only");
    }
    if (facts.perfluoroalkyl) {
        Flag(e, "hazard.domain_perfluoroalkyl",
             "全氟烷基物质（PFAS）：主要与蛋白质结合并富集于界面，而非按脂类分配；" + std::string(what_zh) +
                 "对 PFAS 已知偏差很大",
             "perfluoroalkyl substance (PFAS): it binds to proteins and accumulates at interfaces rather than "
             "partitioning into lipids; " + std::string(what_en) + " is known to be poor for PFAS");
    }
}

bool RequireLogKow(Estimate& e, const std::optional<EstimateInput>& input) {
    if (input) return true;
    Refuse(e, "hazard.estimate_inputs_missing", "缺少可选用的 log Kow（实测值或适用范围内的估算值）",
           "no usable log Kow (measured, or an estimate within its domain)");
    return false;
}

Estimate Base(PropertyKind property, std::string_view method, std::string equation, std::string citation,
              std::string domain_en, std::string domain_zh) {
    Estimate e;
    e.property = property;
    e.method = std::string(method);
    e.method_version = "npgov-estimates " + std::string(kEstimatesVersion);
    e.equation = std::move(equation);
    e.citation = std::move(citation);
    e.domain_en = std::move(domain_en);
    e.domain_zh = std::move(domain_zh);
    e.in_domain = true;
    return e;
}

}  // namespace

Estimate EstimateLogKow(const StructureFacts& facts) {
    Estimate e = Base(PropertyKind::kLogKow, kMethodCrippen, "log Kow ≈ Crippen logP = Σ atom contributions",
                      "Wildman S.A., Crippen G.M. (1999) J. Chem. Inf. Comput. Sci. 39:868–873; RDKit 2022.09 "
                      "Crippen module (npgov chemistry engine)",
                      "neutral, single-component organic molecules", "中性、单一组分的有机分子");
    e.method_version += "; RDKit 2022.09 Crippen";
    if (!facts.has_structure || !facts.crippen_logp) {
        Refuse(e, "hazard.estimate_no_structure", "物质未登记结构（SMILES），无法由结构估算",
               "the substance has no registered structure (SMILES) to estimate from");
        return e;
    }
    e.inputs.push_back({"crippen_logp", *facts.crippen_logp, "log units", "structure: RDKit 2022.09 Crippen", {}});
    if (facts.components > 1) {
        Refuse(e, "hazard.estimate_multi_component",
               "结构含 " + std::to_string(facts.components) + " 个组分（盐或混合物），logP 为各组分之和，不代表物质",
               "the structure has " + std::to_string(facts.components) +
                   " components (salt or mixture): its logP sums them and describes no single species");
        return e;
    }
    if (!facts.organic) {
        Refuse(e, "hazard.estimate_inorganic", "无机结构，不适用 log Kow", "inorganic structure: log Kow does not apply");
        return e;
    }
    e.value = *facts.crippen_logp;
    FlagPartitioning(e, facts, "log Kow", "log Kow");
    return e;
}

Estimate EstimateBcf(const std::optional<EstimateInput>& input, const StructureFacts& facts) {
    Estimate e = Base(PropertyKind::kBcf, kMethodBcfVeith, "log BCF = 0.85 · log Kow − 0.70",
                      "Veith G.D., DeFoe D.L., Bergstedt B.V. (1979) J. Fish. Res. Board Can. 36:1040–1048; EU TGD "
                      "(2003) Part II, eq. 74",
                      "non-ionic organic substances with 1 ≤ log Kow ≤ 6 (fish, wet weight)",
                      "非离子型有机物，1 ≤ log Kow ≤ 6（鱼，湿重）");
    if (!RequireLogKow(e, input)) return e;
    const EstimateInput& log_kow = *input;
    e.inputs.push_back(log_kow);
    if (log_kow.value < 1 || log_kow.value > 6) {
        Refuse(e, "hazard.estimate_out_of_range",
               "log Kow = " + Format(log_kow.value) + " 超出方程适用范围 1–6" +
                   (log_kow.value > 6 ? "（log Kow > 6 时线性关系高估 BCF，TGD 式 75 适用，本系统未实现）" : ""),
               "log Kow = " + Format(log_kow.value) + " is outside the equation's range 1–6" +
                   (log_kow.value > 6 ? " (above 6 the linear relation overestimates BCF; TGD eq. 75 applies and is "
                                        "not implemented)"
                                      : ""));
        return e;
    }
    const double log_bcf = 0.85 * log_kow.value - 0.70;
    e.value = std::pow(10.0, log_bcf);
    e.equation += " = " + Format(log_bcf);
    FlagPartitioning(e, facts, "the log Kow–BCF relation", "log Kow–BCF 关系");
    return e;
}

Estimate EstimateKoc(const std::optional<EstimateInput>& input, const StructureFacts& facts) {
    Estimate e = Base(PropertyKind::kKoc, kMethodKocSabljic, "log Koc = 0.81 · log Kow + 0.10",
                      "Sabljić A., Güsten H., Verhaar H., Hermens J. (1995) Chemosphere 31:4489–4514 "
                      "(predominantly hydrophobics); EU TGD (2003) Part III, chapter 4, Table 4",
                      "predominantly hydrophobic, non-ionic organic substances with 1.0 ≤ log Kow ≤ 7.5",
                      "以疏水性为主的非离子型有机物，1.0 ≤ log Kow ≤ 7.5");
    if (!RequireLogKow(e, input)) return e;
    const EstimateInput& log_kow = *input;
    e.inputs.push_back(log_kow);
    if (log_kow.value < 1.0 || log_kow.value > 7.5) {
        Refuse(e, "hazard.estimate_out_of_range", "log Kow = " + Format(log_kow.value) + " 超出方程适用范围 1.0–7.5",
               "log Kow = " + Format(log_kow.value) + " is outside the equation's range 1.0–7.5");
        return e;
    }
    const double log_koc = 0.81 * log_kow.value + 0.10;
    e.value = std::pow(10.0, log_koc);
    e.equation += " = " + Format(log_koc);
    FlagPartitioning(e, facts, "the hydrophobics log Kow–Koc relation", "疏水性物质的 log Kow–Koc 关系");
    return e;
}

Estimate EstimateHenry(const std::optional<EstimateInput>& vapour_pressure,
                       const std::optional<EstimateInput>& water_solubility,
                       const std::optional<EstimateInput>& molar_mass, const StructureFacts& facts) {
    Estimate e = Base(PropertyKind::kHenry, kMethodHenry, "H = VP · M / S",
                      "EU TGD (2003) Part II, section 2.3.4 (HENRY = VP · MOLW / SOL)",
                      "measured vapour pressure and water solubility at the same temperature; sparingly soluble, "
                      "non-dissociating substances",
                      "同一温度下实测的蒸气压和水溶解度；微溶、不解离的物质");
    std::vector<std::string> missing_en, missing_zh;
    for (const auto& [input, en, zh] : {std::tuple{&vapour_pressure, "measured vapour pressure", "实测蒸气压"},
                                        std::tuple{&water_solubility, "measured water solubility", "实测水溶解度"},
                                        std::tuple{&molar_mass, "molar mass", "摩尔质量"}}) {
        if (*input) {
            e.inputs.push_back(**input);
        } else {
            missing_en.emplace_back(en);
            missing_zh.emplace_back(zh);
        }
    }
    if (!missing_en.empty()) {
        Refuse(e, "hazard.estimate_inputs_missing", "缺少" + Joined(missing_zh, "、"), "missing " + Joined(missing_en, ", "));
        return e;
    }
    if (water_solubility->value <= 0) {
        Refuse(e, "hazard.estimate_out_of_range", "水溶解度为 0，无法计算", "the water solubility is 0");
        return e;
    }
    e.value = vapour_pressure->value * molar_mass->value / water_solubility->value;
    e.temperature_c = vapour_pressure->temperature_c;
    e.equation += " = " + Format(vapour_pressure->value) + " Pa × " + Format(molar_mass->value) + " g/mol / " +
                  Format(water_solubility->value) + " g/m³";
    const auto& t_vp = vapour_pressure->temperature_c;
    const auto& t_ws = water_solubility->temperature_c;
    if (!t_vp || !t_ws) {
        Flag(e, "hazard.domain_temperature", "蒸气压或水溶解度的温度未知", "the temperature of the vapour pressure or "
                                                                          "of the solubility is unknown");
    } else if (std::fabs(*t_vp - *t_ws) > 5) {
        Flag(e, "hazard.domain_temperature",
             "蒸气压（" + Format(*t_vp) + " °C）与水溶解度（" + Format(*t_ws) + " °C）的温度相差超过 5 °C",
             "the vapour pressure (" + Format(*t_vp) + " °C) and the solubility (" + Format(*t_ws) +
                 " °C) were measured more than 5 °C apart");
    }
    if (!facts.ionisable_groups.empty()) {
        const std::string groups = Joined(facts.ionisable_groups, ", ");
        Flag(e, "hazard.domain_ionisable", "结构含可电离基团（" + groups + "）：解离使溶解度升高，H 被低估",
             "the structure has ionisable groups (" + groups + "): dissociation raises the solubility, so H is "
             "underestimated");
    }
    return e;
}

Estimate EstimateMolarMass(const StructureFacts& facts) {
    Estimate e = Base(PropertyKind::kMolarMass, kMethodMolarMass, "M = Σ atomic weights (IUPAC conventional values)",
                      "RDKit 2022.09 Descriptors::calcAMW (npgov chemistry engine)",
                      "the registered structure", "已登记的结构");
    e.method_version += "; RDKit 2022.09";
    if (!facts.has_structure || !facts.molecular_weight) {
        Refuse(e, "hazard.estimate_no_structure", "物质未登记结构（SMILES）", "the substance has no registered structure (SMILES)");
        return e;
    }
    e.inputs.push_back({"molecular_weight", *facts.molecular_weight, "g/mol", "structure: RDKit 2022.09", {}});
    e.value = *facts.molecular_weight;
    if (facts.components > 1) {
        Flag(e, "hazard.domain_multi_component",
             "结构含 " + std::to_string(facts.components) + " 个组分，分子量为整个盐或混合物的",
             "the structure has " + std::to_string(facts.components) +
                 " components: the weight is that of the whole salt or mixture");
    }
    return e;
}

}  // namespace npgov::hazard
