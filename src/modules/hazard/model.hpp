// The vocabulary of the hazard module (action plan 二(三), issue 6 "Hazard data"): the
// physical-chemical and fate properties kept per substance with the one unit each is compared
// in, the ecotoxicity vocabulary (taxonomic groups, trophic levels, endpoints, exposure), the
// classification kinds (CMR, endocrine disruption, PBT/vPvB, POP) and Klimisch reliability.
// Every parser accepts the API name and the Chinese words people write. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::hazard {

enum class PropertyKind {
    kWaterSolubility,         // 水溶解度, mg/L
    kVapourPressure,          // 蒸气压, Pa
    kLogKow,                  // 正辛醇-水分配系数 log Kow (dimensionless)
    kKoc,                     // 有机碳-水分配系数 Koc, L/kg
    kHenry,                   // 亨利定律常数, Pa·m³/mol
    kHalfLifeWater,           // 淡水中降解半衰期, d
    kHalfLifeMarineWater,     // 海水中降解半衰期, d
    kHalfLifeSediment,        // 淡水沉积物中降解半衰期, d
    kHalfLifeMarineSediment,  // 海洋沉积物中降解半衰期, d
    kHalfLifeSoil,            // 土壤中降解半衰期, d
    kHalfLifeAir,             // 大气中降解半衰期, d
    kBcf,                     // 生物富集系数 BCF (fish, wet weight), L/kg
    kMeltingPoint,            // 熔点, °C
    kMolarMass,               // 摩尔质量, g/mol
};

// Every property, in declaration order (the order pages show them in).
const std::vector<PropertyKind>& AllProperties();
std::string_view ToString(PropertyKind kind);  // "water_solubility", "log_kow", … (API and storage)
std::string_view LabelZh(PropertyKind kind);   // "水溶解度"
std::string_view LabelEn(PropertyKind kind);   // "Water solubility"
// The unit values are normalised to and compared in: "mg/L", "Pa", "log units", "L/kg",
// "Pa·m³/mol", "d", "°C", "g/mol".
std::string_view CanonicalUnit(PropertyKind kind);
// Whether a value needs the temperature it was measured at (solubility, vapour pressure and
// Henry's constant depend on it steeply).
bool TemperatureRequired(PropertyKind kind);
// Accepts the API name (any case), Chinese names and common abbreviations ("logKow", "Kow",
// "BCF", "Koc", "DT50 soil"…). kInvalidArgument "hazard.property" (field "property").
Result<PropertyKind> ParseProperty(std::string_view text);

// Converts `value` given in `unit` to the property's canonical unit. Accepted units:
//   water_solubility  mg/L, g/L, μg/L (ug/L), ng/L, mg/kg (water: ≈ mg/L)
//   vapour_pressure   Pa, hPa, kPa, mbar, bar, mmHg, Torr, atm
//   log_kow           "" , "-", "log", "log units", "无量纲" (a logarithm: no unit)
//   koc, bcf          L/kg, mL/g (same), "log L/kg" (the value is log10; returned as 10^value)
//   henry             Pa·m³/mol ("Pa m3/mol", "Pa*m3/mol"), atm·m³/mol
//   half-lives        d, h, min, a (year: 365 d), "天", "小时", "年"
//   melting_point     °C ("C", "degC", "℃"), K
//   molar_mass        g/mol
// Errors (field "unit"): kInvalidArgument "hazard.unit" naming the accepted units;
// "hazard.value_range" for values that cannot be (negative concentrations, pressures,
// half-lives or masses; a temperature below absolute zero).
Result<double> NormaliseValue(PropertyKind kind, double value, std::string_view unit);

enum class Provenance { kMeasured, kEstimated };
std::string_view ToString(Provenance provenance);  // "measured", "estimated"
// Accepts "measured"/"实测"/"试验"/"experimental", "estimated"/"估算"/"预测"/"计算"/"QSAR".
// kInvalidArgument "hazard.provenance" (field "provenance").
Result<Provenance> ParseProvenance(std::string_view text);

// How a value relates to the number given: "=" (or blank), "<", "<=", ">", ">=". A bound
// (e.g. "> 100 mg/L": no effect at the highest concentration tested) is kept as a bound.
enum class Qualifier { kEqual, kLess, kLessOrEqual, kGreater, kGreaterOrEqual };
std::string_view ToString(Qualifier qualifier);  // "=", "<", "<=", ">", ">="
// Also "≤", "≥", "＜", "＞", "大于", "小于". kInvalidArgument "hazard.qualifier" (field "qualifier").
Result<Qualifier> ParseQualifier(std::string_view text);

// Klimisch et al. (1997), Regul. Toxicol. Pharmacol. 25:1–5: 1 reliable without restriction,
// 2 reliable with restrictions, 3 not reliable, 4 not assignable.
// kInvalidArgument "hazard.reliability" (field "reliability") unless 1–4.
Result<int> ParseReliability(std::string_view text);
std::string_view ReliabilityLabelZh(int klimisch);  // "可靠，无限制" …
std::string_view ReliabilityLabelEn(int klimisch);  // "reliable without restriction" …

enum class TaxonGroup {
    kAlgae, kAquaticPlant, kCyanobacteria, kInvertebrate, kFish, kAmphibian, kMicroorganism,
    kSedimentOrganism, kSoilOrganism, kTerrestrialPlant, kBird, kMammal,
};
const std::vector<TaxonGroup>& AllTaxonGroups();
std::string_view ToString(TaxonGroup group);  // "algae", "aquatic_plant", "cyanobacteria", …
std::string_view LabelZh(TaxonGroup group);   // "藻类" …
// API name or Chinese (藻类, 水生植物, 蓝藻/蓝细菌, 无脊椎动物/溞类, 鱼类, 两栖类, 微生物,
// 底栖生物, 土壤生物, 陆生植物, 鸟类, 哺乳动物). kInvalidArgument "hazard.taxon_group".
Result<TaxonGroup> ParseTaxonGroup(std::string_view text);

// Trophic levels as the assessment-factor scheme counts them (ECHA R.10: algae, invertebrates
// and fish stand for three trophic levels).
enum class TrophicLevel { kPrimaryProducer, kPrimaryConsumer, kSecondaryConsumer, kDecomposer };
std::string_view ToString(TrophicLevel level);  // "primary_producer", …, "decomposer"
std::string_view LabelZh(TrophicLevel level);   // "初级生产者" …
// kInvalidArgument "hazard.trophic_level".
Result<TrophicLevel> ParseTrophicLevel(std::string_view text);
// The usual level of a group: producers (algae, plants, cyanobacteria), primary consumers
// (invertebrates, sediment and soil organisms), secondary consumers (fish, amphibians, birds,
// mammals), decomposers (microorganisms).
TrophicLevel DefaultTrophicLevel(TaxonGroup group);

// The compartment a test represents: its effect value's unit family follows from it
// (freshwater and marine: mg/L; sediment and soil: mg/kg dry weight; oral: mg/kg food or bw/d).
enum class Compartment { kFreshwater, kMarine, kSediment, kSoil, kOral };
std::string_view ToString(Compartment compartment);  // "freshwater", "marine", …
// kInvalidArgument "hazard.compartment".
Result<Compartment> ParseCompartment(std::string_view text);

enum class Endpoint { kEc50, kLc50, kEc10, kNoec, kLoec };
std::string_view ToString(Endpoint endpoint);  // "EC50", "LC50", "EC10", "NOEC", "LOEC"
// Also ErC50/EbC50/IC50 (→ EC50), NOEL/NOAEL (→ NOEC), LOEL/LOAEL (→ LOEC), any case.
// kInvalidArgument "hazard.endpoint".
Result<Endpoint> ParseEndpoint(std::string_view text);

enum class Exposure { kAcute, kChronic };
std::string_view ToString(Exposure exposure);  // "acute", "chronic"
// Also 急性/短期/short-term, 慢性/长期/long-term. kInvalidArgument "hazard.exposure".
Result<Exposure> ParseExposure(std::string_view text);

// Test durations in hours or days ("h", "hour(s)", "小时"; "d", "day(s)", "天"). Returns the
// duration in hours. kInvalidArgument "hazard.duration_unit" / "hazard.value_range".
Result<double> DurationHours(double value, std::string_view unit);

// Effect concentrations: aqueous (freshwater, marine) in mg/L, solid (sediment, soil, oral) in
// mg/kg. Accepted: ng/L, μg/L, mg/L, g/L; μg/kg, mg/kg, g/kg (also "mg/kg dw", "mg/kg food",
// "mg/kg bw/d" for oral). Returns the value in the compartment's unit ("mg/L" or "mg/kg").
// kInvalidArgument "hazard.unit" (field "unit") for a unit of the other family or unknown.
struct EffectUnit {
    double factor = 1;          // multiply by it to get the normalised unit
    std::string normalised;     // "mg/L" or "mg/kg"
};
Result<EffectUnit> ParseEffectUnit(Compartment compartment, std::string_view unit);

enum class ClassificationKind {
    kCarcinogenic, kMutagenic, kReproductive,  // CMR per GB 30000.22/.23/.24 (= GHS/CLP)
    kEndocrineDisruptor,
    kPbt, kVpvb,  // an existing PBT / vPvB conclusion (e.g. REACH SVHC identification)
    kPop,         // listed under the Stockholm Convention
};
const std::vector<ClassificationKind>& AllClassificationKinds();
std::string_view ToString(ClassificationKind kind);  // "carcinogenic", …, "pbt", "vpvb", "pop"
std::string_view LabelZh(ClassificationKind kind);   // "致癌性" …
// kInvalidArgument "hazard.classification_kind" (field "classification").
Result<ClassificationKind> ParseClassificationKind(std::string_view text);
// The category a kind takes, normalised: CMR "1A", "1B", "2"; endocrine disruptor "known",
// "suspected"; PBT and vPvB "yes", "no"; POP "annex_a", "annex_b", "annex_c". Chinese forms
// (已知/疑似, 是/否, 附件A…) accepted. kInvalidArgument "hazard.category" (field "category"),
// the message listing the categories of the kind.
Result<std::string> ParseCategory(ClassificationKind kind, std::string_view text);

}  // namespace npgov::hazard
