#include "modules/assessment/risk_assessment.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/text.hpp"
#include "modules/assessment/number_text.hpp"

namespace npgov::assessment {
namespace {

// Genera whose taxonomic group is unambiguous, for refining the hazard module's coarse
// "invertebrate" and "microorganism" into the groups an SSD counts (EU TGD Part II 3.3.1.2 asks
// for distinct taxonomic groups: crustaceans, insects, molluscs, protozoa … are each one).
struct Genus {
    std::string_view genus, group;
};
constexpr Genus kGenera[] = {
    {"Daphnia", "crustacean"},   {"Ceriodaphnia", "crustacean"}, {"Moina", "crustacean"},
    {"Gammarus", "crustacean"},  {"Hyalella", "crustacean"},     {"Americamysis", "crustacean"},
    {"Mysidopsis", "crustacean"}, {"Artemia", "crustacean"},     {"Palaemonetes", "crustacean"},
    {"Procambarus", "crustacean"}, {"Thamnocephalus", "crustacean"}, {"Asellus", "crustacean"},
    {"Chironomus", "insect"},    {"Chaoborus", "insect"},        {"Aedes", "insect"},
    {"Culex", "insect"},         {"Cloeon", "insect"},           {"Baetis", "insect"},
    {"Lymnaea", "mollusc"},      {"Physa", "mollusc"},           {"Potamopyrgus", "mollusc"},
    {"Dreissena", "mollusc"},    {"Mytilus", "mollusc"},         {"Crassostrea", "mollusc"},
    {"Corbicula", "mollusc"},    {"Lumbriculus", "annelid"},     {"Tubifex", "annelid"},
    {"Limnodrilus", "annelid"},  {"Brachionus", "rotifer"},      {"Hydra", "cnidarian"},
    {"Paramecium", "protozoa"},  {"Tetrahymena", "protozoa"},    {"Opercularia", "protozoa"},
    {"Entosiphon", "protozoa"},  {"Colpidium", "protozoa"},      {"Chilomonas", "protozoa"},
    {"Uronema", "protozoa"},
};

std::string Exact(double value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : FormatNumber(value);
}

std::string QualifierPrefix(hazard::Qualifier q) {
    switch (q) {
        case hazard::Qualifier::kLess: return "<";
        case hazard::Qualifier::kLessOrEqual: return "≤";
        case hazard::Qualifier::kGreater: return ">";
        case hazard::Qualifier::kGreaterOrEqual: return "≥";
        case hazard::Qualifier::kEqual: break;
    }
    return "";
}

std::string Citation(const std::string& source, const std::optional<int>& year) {
    return year ? source + " (" + std::to_string(*year) + ")" : source;
}

// The factor file's group for a hazard record, or nullopt when the group is not aquatic.
std::optional<std::string> GroupOf(const hazard::EcotoxRecord& r, std::string* refinement) {
    using G = hazard::TaxonGroup;
    switch (r.entry.taxon_group) {
        case G::kAlgae: return "algae";
        case G::kAquaticPlant: return "aquatic plant";
        case G::kCyanobacteria: return "cyanobacteria";
        case G::kFish: return "fish";
        case G::kAmphibian: return "amphibian";
        case G::kInvertebrate:
        case G::kSedimentOrganism:
        case G::kMicroorganism: {
            const std::string species(Trim(r.entry.species));
            const std::string genus = species.substr(0, species.find(' '));
            for (const auto& g : kGenera) {
                if (genus == g.genus) {
                    *refinement = species + ": " + std::string(ToString(r.entry.taxon_group)) + " → " + std::string(g.group) +
                                  " (genus " + genus + ")";
                    return std::string(g.group);
                }
            }
            return std::string(r.entry.taxon_group == G::kMicroorganism ? "microorganism" : "invertebrate");
        }
        case G::kSoilOrganism:
        case G::kTerrestrialPlant:
        case G::kBird:
        case G::kMammal:
            break;
    }
    return std::nullopt;
}

Gap MakeGap(std::string id, std::string zh, std::string en) { return Gap{std::move(id), std::move(zh), std::move(en)}; }

const hazard::PropertyValue* Selected(const hazard::HazardProfile& p, hazard::PropertyKind k) { return p.selected(k); }

std::string BasisOf(const hazard::PropertyValue& v) {
    if (v.measured()) {
        std::string out = "measured: " + Citation(v.entry.source, v.entry.source_year);
        if (v.entry.reliability) out += ", Klimisch " + std::to_string(*v.entry.reliability);
        return out;
    }
    std::string out = "estimated: " + v.entry.method + (v.entry.method_version.empty() ? "" : " " + v.entry.method_version);
    if (v.computed()) out += " (computed by npgov" + (v.entry.inputs.empty() ? std::string() : " from " + v.entry.inputs) + ")";
    return out;
}

std::string MediumZh(monitoring::Medium medium) {
    switch (medium) {
        case monitoring::Medium::kWater: return "水";
        case monitoring::Medium::kSoil: return "土壤";
        case monitoring::Medium::kSediment: return "沉积物";
        case monitoring::Medium::kAir: return "空气";
    }
    return "";
}

}  // namespace

std::string_view ToString(PnecChoice choice) {
    switch (choice) {
        case PnecChoice::kAssessmentFactor: return "assessment_factor";
        case PnecChoice::kSsd: return "ssd";
        case PnecChoice::kLowest: break;
    }
    return "lowest";
}

Result<PnecChoice> ParsePnecChoice(std::string_view text) {
    const std::string t = ToLowerAscii(Trim(text));
    if (t.empty() || t == "lowest") return PnecChoice::kLowest;
    if (t == "assessment_factor" || t == "af") return PnecChoice::kAssessmentFactor;
    if (t == "ssd") return PnecChoice::kSsd;
    return MakeError(ErrorCode::kInvalidArgument, "assessment.pnec_choice", "PNEC 方法须为 lowest、assessment_factor 或 ssd",
                     "the PNEC method must be lowest, assessment_factor or ssd", "pnec_method");
}

std::string_view ToString(MecStatistic statistic) {
    switch (statistic) {
        case MecStatistic::kKaplanMeierP95: return "kaplan_meier_p95";
        case MecStatistic::kMaximum: return "maximum";
        case MecStatistic::kNone: break;
    }
    return "none";
}

PnecSection DerivePnec(const hazard::HazardProfile& profile, const assess::PnecFactors& factors, PnecChoice choice) {
    PnecSection out;
    out.choice = choice;
    for (const auto& r : profile.ecotox) {
        const auto compartment = r.entry.compartment.value_or(hazard::Compartment::kFreshwater);
        const std::string label = r.entry.species + " " + std::string(ToString(r.entry.endpoint)) + " (record " +
                                  std::to_string(r.id) + ")";
        if ((compartment != hazard::Compartment::kFreshwater && compartment != hazard::Compartment::kMarine) ||
            r.normalised_unit != "mg/L") {
            out.set_aside.push_back(label + ": " + std::string(ToString(compartment)) +
                                    " test; the aquatic PNEC uses freshwater and marine tests only");
            continue;
        }
        std::string refinement;
        auto group = GroupOf(r, &refinement);
        if (!group) {
            out.set_aside.push_back(label + ": " + std::string(ToString(r.entry.taxon_group)) + " is not an aquatic group");
            continue;
        }
        if (!refinement.empty() &&
            std::find(out.group_refinements.begin(), out.group_refinements.end(), refinement) == out.group_refinements.end()) {
            out.group_refinements.push_back(refinement);
        }
        assess::EcotoxRow row;
        row.row = r.id;
        row.species = r.entry.species;
        row.taxon_group = *group;
        row.endpoint = std::string(ToString(r.entry.endpoint));
        row.duration = Exact(r.duration_hours) + " h";
        row.value = QualifierPrefix(r.entry.qualifier) + Exact(r.normalised);
        row.unit = "mg/L";
        row.reliability = std::to_string(r.entry.reliability);
        row.source = Citation(r.entry.source, r.entry.source_year);
        row.exposure = r.entry.exposure == hazard::Exposure::kChronic ? "chronic" : "acute";
        out.rows.push_back(std::move(row));
    }
    if (out.rows.empty()) {
        out.refusal = MakeError(ErrorCode::kFailedPrecondition, "assessment.no_aquatic_ecotox",
                                "没有水生生态毒性数据，无法推导 PNEC", "no aquatic ecotoxicity record: no PNEC can be derived",
                                "ecotox")
                          .value();
        out.adopted_zh = "未推导 PNEC：没有水生生态毒性数据";
        out.adopted_en = "no PNEC: there is no aquatic ecotoxicity record";
        return out;
    }
    auto parsed = assess::ParseEcotoxRows(out.rows, factors);
    out.row_errors = std::move(parsed.errors);
    if (parsed.records.empty()) {
        out.refusal = MakeError(ErrorCode::kFailedPrecondition, "assessment.no_usable_ecotox",
                                "生态毒性数据均无法使用，无法推导 PNEC", "no ecotoxicity record could be read: no PNEC",
                                "ecotox")
                          .value();
        out.adopted_zh = "未推导 PNEC：生态毒性数据均无法使用";
        out.adopted_en = "no PNEC: no ecotoxicity record could be read";
        return out;
    }
    auto assessed = assess::AssessPnec(std::move(parsed.records), factors);
    if (!assessed) {
        out.refusal = assessed.error();
        out.adopted_zh = "未推导 PNEC：" + assessed.error().message_zh;
        out.adopted_en = "no PNEC: " + assessed.error().message_en;
        return out;
    }
    out.assessment = std::move(*assessed);
    const auto& a = *out.assessment;
    const auto& af = a.assessment_factor.pnec_ug_per_l;
    const auto& ssd = a.ssd.pnec_ug_per_l;
    switch (choice) {
        case PnecChoice::kLowest:
            if (a.lowest == "ssd" && ssd) {
                out.adopted_ug_per_l = ssd;
                out.adopted_method = "ssd";
            } else if (af) {
                out.adopted_ug_per_l = af;
                out.adopted_method = "assessment_factor";
            } else if (ssd) {
                out.adopted_ug_per_l = ssd;
                out.adopted_method = "ssd";
            }
            if (out.adopted_ug_per_l) {
                const bool both = af && ssd;
                out.adopted_zh = both ? "取两种方法中较低（更保守）的 PNEC" : "只有一种方法能推导出 PNEC";
                out.adopted_en = both ? "the lower (more cautious) of the two derived PNECs"
                                      : "only one method could derive a PNEC";
            }
            break;
        case PnecChoice::kAssessmentFactor:
            if (af) {
                out.adopted_ug_per_l = af;
                out.adopted_method = "assessment_factor";
                out.adopted_zh = "评估人选用评估因子法";
                out.adopted_en = "the assessor chose the assessment-factor method";
            }
            break;
        case PnecChoice::kSsd:
            if (ssd) {
                out.adopted_ug_per_l = ssd;
                out.adopted_method = "ssd";
                out.adopted_zh = "评估人选用物种敏感度分布法";
                out.adopted_en = "the assessor chose the species sensitivity distribution";
            }
            break;
    }
    if (!out.adopted_ug_per_l) {
        out.adopted_zh = "所选方法未能推导出 PNEC（见各方法的缺失数据）";
        out.adopted_en = "the chosen method derived no PNEC (see what each method lacks)";
    }
    return out;
}

MecValue ComputeMec(const monitoring::SubstanceDetection& aggregate, const monitoring::GroupSummary* pooled) {
    MecValue m;
    m.medium = aggregate.medium;
    m.unit = aggregate.unit;
    m.samples = aggregate.samples;
    m.detects = aggregate.detects;
    m.sites = aggregate.sites;
    m.max_detected = aggregate.max_detected;
    m.max_nondetect_limit = aggregate.max_nondetect_limit;
    m.first_date = aggregate.first_date;
    m.last_date = aggregate.last_date;
    m.synthetic = aggregate.synthetic;
    if (pooled && pooled->summary.kaplan_meier && pooled->summary.kaplan_meier->p95) {
        const auto& km = *pooled->summary.kaplan_meier;
        m.statistic = MecStatistic::kKaplanMeierP95;
        m.value = km.p95;
        m.method = std::string(km.how.method) + " v" + std::string(km.how.version);
        m.why_zh = "Kaplan-Meier 第 95 百分位数（" + std::to_string(km.n) + " 个结果，" + std::to_string(km.detects) +
                   " 个检出，未检出按删失数据处理）";
        m.why_en = "Kaplan-Meier 95th percentile (" + std::to_string(km.n) + " results, " + std::to_string(km.detects) +
                   " detected; non-detects treated as censored)";
        return m;
    }
    std::string refusal_zh = "无法计算 Kaplan-Meier P95", refusal_en = "no Kaplan-Meier P95";
    if (pooled && !pooled->summary.kaplan_meier) {
        refusal_zh = "Kaplan-Meier 不适用（" + pooled->summary.kaplan_meier.error().message_zh + "）";
        refusal_en = "Kaplan-Meier refused (" + pooled->summary.kaplan_meier.error().message_en + ")";
    } else if (pooled && pooled->summary.kaplan_meier) {
        refusal_zh = "Kaplan-Meier 曲线达不到第 95 百分位数";
        refusal_en = "the Kaplan-Meier curve does not reach the 95th percentile";
    }
    if (aggregate.max_detected) {
        m.statistic = MecStatistic::kMaximum;
        m.value = aggregate.max_detected;
        m.method = "maximum detected value";
        m.why_zh = refusal_zh + "，采用最高检出浓度（保守）";
        m.why_en = refusal_en + "; the highest detected concentration is used (conservative)";
        return m;
    }
    m.statistic = MecStatistic::kNone;
    m.why_zh = "全部未检出，无实测浓度；最高检出限见 max_nondetect_limit";
    m.why_en = "every result is a non-detect: no measured concentration (the highest limit is shown)";
    return m;
}

PecSection PredictPec(const hazard::HazardProfile& profile, const std::string& name, const std::string& cas,
                      const survey::SubstanceTotal* emissions, int survey_year, const fate::Environment& environment) {
    using K = hazard::PropertyKind;
    PecSection out;
    out.survey_year = survey_year;
    out.environment_id = environment.id;
    out.environment_version = environment.version;
    if (emissions) {
        out.air_t = emissions->air;
        out.water_t = emissions->water;
        out.soil_t = emissions->soil;
        out.emissions_reported = emissions->emissions_reported;
    }
    if (survey_year == 0) {
        out.missing.push_back(MakeGap("pec.no_survey", "尚无审核通过的调查数据，没有排放量",
                                      "no approved survey yet: no emissions"));
    } else if (!out.emissions_reported) {
        out.missing.push_back(MakeGap("pec.no_emissions",
                                      std::to_string(survey_year) + " 年调查没有该物质向大气、水、土壤的排放量（详细调查填报）",
                                      "the " + std::to_string(survey_year) +
                                          " survey has no emissions of the substance to air, water or soil (detailed tier)"));
    } else if (out.air_t + out.water_t + out.soil_t <= 0) {
        out.missing.push_back(MakeGap("pec.zero_emissions", "填报的排放量均为 0，无需预测环境浓度",
                                      "every reported emission is 0: nothing to predict"));
    }

    fate::Chemical c;
    c.name = name;
    c.cas = cas;
    struct Required {
        K kind;
        const char* name;
        const char* unit;
        double* target;
    };
    bool complete = true;
    for (Required r : {Required{K::kMolarMass, "molar_mass", "g/mol", &c.molar_mass_g_mol},
                       Required{K::kWaterSolubility, "water_solubility", "mg/L", &c.water_solubility_g_m3},
                       Required{K::kVapourPressure, "vapour_pressure", "Pa", &c.vapour_pressure_pa},
                       Required{K::kLogKow, "log_kow", "", &c.log_kow}}) {
        const hazard::PropertyValue* v = Selected(profile, r.kind);
        PropertyInput in{r.name, std::nullopt, r.unit, ""};
        if (v) {
            in.value = v->normalised;
            in.basis = BasisOf(*v);
            *r.target = v->normalised;
        } else {
            complete = false;
            in.basis = "missing";
            out.missing.push_back(MakeGap("pec.property." + std::string(r.name),
                                          "缺少" + std::string(hazard::LabelZh(r.kind)) + "（逸度模型必需）",
                                          std::string(hazard::LabelEn(r.kind)) + " is missing (required by the fugacity model)"));
        }
        out.properties.push_back(std::move(in));
    }
    if (const auto* ws = Selected(profile, K::kWaterSolubility); ws && ws->entry.temperature_c) {
        c.data_temperature_c = *ws->entry.temperature_c;
    }
    if (const auto* mp = Selected(profile, K::kMeltingPoint)) {
        c.melting_point_c = mp->normalised;
        out.properties.push_back({"melting_point", mp->normalised, "°C", BasisOf(*mp)});
    } else {
        out.properties.push_back({"melting_point", std::nullopt, "°C", "missing: treated as a liquid (fugacity ratio 1)"});
        out.assumptions.push_back("melting point unknown: the chemical is treated as a liquid (fugacity ratio 1)");
    }
    if (const auto* h = Selected(profile, K::kHenry)) {
        c.henry_pa_m3_mol = h->normalised;
        out.properties.push_back({"henry", h->normalised, "Pa·m³/mol", BasisOf(*h)});
    } else {
        out.properties.push_back({"henry", std::nullopt, "Pa·m³/mol", "missing: the model computes P·M/S"});
    }
    if (const auto* k = Selected(profile, K::kKoc); k && k->normalised > 0) {
        c.log_koc = std::log10(k->normalised);
        out.properties.push_back({"koc", k->normalised, "L/kg", BasisOf(*k)});
    } else {
        out.properties.push_back({"koc", std::nullopt, "L/kg", "missing: the model uses Koc = 0.41·Kow (Karickhoff 1981)"});
    }
    struct HalfLife {
        K kind;
        const char* name;
        std::optional<double>* target;
    };
    for (HalfLife h : {HalfLife{K::kHalfLifeAir, "half_life_air", &c.half_lives.air_h},
                       HalfLife{K::kHalfLifeWater, "half_life_water", &c.half_lives.water_h},
                       HalfLife{K::kHalfLifeSoil, "half_life_soil", &c.half_lives.soil_h},
                       HalfLife{K::kHalfLifeSediment, "half_life_sediment", &c.half_lives.sediment_h}}) {
        const hazard::PropertyValue* v = Selected(profile, h.kind);
        if (v && v->normalised > 0) {
            *h.target = v->normalised * 24;
            out.properties.push_back({h.name, v->normalised * 24, "h", BasisOf(*v)});
        } else {
            out.properties.push_back({h.name, std::nullopt, "h", "missing: modelled as no degradation (worst case)"});
            out.assumptions.push_back(std::string(hazard::LabelEn(h.kind)) +
                                      " unknown: no degradation in that compartment is assumed (worst case)");
            out.missing.push_back(MakeGap("pec.property." + std::string(h.name),
                                          "缺少" + std::string(hazard::LabelZh(h.kind)) + "：按不降解计算（最不利情形）",
                                          std::string(hazard::LabelEn(h.kind)) +
                                              " is missing: modelled as no degradation (worst case)"));
        }
    }
    c.source = "hazard module selected values (selection v" + profile.selection_version + ")";
    if (!complete || out.air_t + out.water_t + out.soil_t <= 0) return out;

    fate::Level3Input input;
    input.chemical = c;
    // t/a → kg/h: 1000 kg/t ÷ 8760 h/a.
    input.emissions = {out.air_t * 1000.0 / 8760.0, out.water_t * 1000.0 / 8760.0, out.soil_t * 1000.0 / 8760.0};
    out.input = input;
    auto result = fate::ComputeLevel3(input, environment);
    if (!result) {
        out.refusal = result.error();
        return out;
    }
    out.result = std::move(*result);
    return out;
}

void Characterise(RiskAssessment& a, const assess::RiskRules& rules) {
    a.quotients.clear();
    a.missing.clear();
    if (a.pnec.refusal) {
        a.missing.push_back({a.pnec.refusal->reason, a.pnec.refusal->message_zh, a.pnec.refusal->message_en});
    }
    if (a.pnec.assessment) {
        for (const auto& g : a.pnec.assessment->assessment_factor.missing) a.missing.push_back({g.id, g.zh, g.en});
        for (const auto& g : a.pnec.assessment->ssd.missing) a.missing.push_back({g.id, g.zh, g.en});
    }
    const auto& pnec = a.pnec.adopted_ug_per_l;
    const MecValue* water = nullptr;
    for (const auto& m : a.mec) {
        if (m.medium == monitoring::Medium::kWater) {
            water = &m;
        } else {
            const std::string medium(monitoring::ToString(m.medium));
            a.missing.push_back({"rq.no_pnec." + medium, "没有" + MediumZh(m.medium) +
                                                             "介质的 PNEC（只推导水生 PNEC），该介质不计算风险商",
                                 "no PNEC for " + medium + " (only the aquatic PNEC is derived): no risk quotient there"});
        }
    }
    if (a.mec.empty()) a.missing.push_back({"mec.not_monitored", "尚无监测数据（无实测浓度）", "never monitored: no MEC"});
    if (water && water->value && pnec) {
        const double mec_ug = *water->value / 1000.0;  // ng/L → μg/L
        auto rq = assess::ComputeRiskQuotient({{mec_ug, Unit::kMicrogramPerLitre}, {*pnec, Unit::kMicrogramPerLitre}}, rules);
        if (rq) {
            std::string basis = std::string(water->statistic == MecStatistic::kMaximum ? "maximum" : "Kaplan-Meier P95") + " of " +
                                std::to_string(water->samples) + " samples at " + std::to_string(water->sites) + " site(s), " +
                                water->first_date + "…" + water->last_date;
            a.quotients.push_back({"MEC", "water", mec_ug, basis, *pnec, std::move(*rq)});
        }
    } else if (water && !water->value) {
        a.missing.push_back({"mec.all_nondetects", "水中全部未检出，无实测浓度，不计算 MEC/PNEC",
                             "every water result is a non-detect: no MEC/PNEC"});
    }
    for (const auto& g : a.pec.missing) a.missing.push_back(g);
    if (a.pec.refusal) a.missing.push_back({a.pec.refusal->reason, a.pec.refusal->message_zh, a.pec.refusal->message_en});
    if (a.pec.result && pnec) {
        const auto& w = a.pec.result->compartments[static_cast<std::size_t>(fate::Compartment::kWater)];
        const double pec_ug = w.dissolved_ng_l / 1000.0;
        auto rq = assess::ComputeRiskQuotient({{pec_ug, Unit::kMicrogramPerLitre}, {*pnec, Unit::kMicrogramPerLitre}}, rules);
        if (rq) {
            a.quotients.push_back({"PEC", "water", pec_ug,
                                   "Level III (" + std::string(a.pec.result->method) + " v" +
                                       std::string(a.pec.result->version) + "), dissolved, emissions of " +
                                       std::to_string(a.pec.survey_year),
                                   *pnec, std::move(*rq)});
        }
    }
    if (!pnec) a.missing.push_back({"rq.no_pnec", "没有 PNEC，不计算风险商", "no PNEC: no risk quotient"});
}

}  // namespace npgov::assessment
