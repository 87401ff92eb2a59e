#include "modules/hazard/model.hpp"

#include <cmath>
#include <utility>

#include "core/text.hpp"

namespace npgov::hazard {
namespace {

// Compares words after trimming, full-width folding, ASCII lower-casing and dropping spaces,
// underscores and hyphens ("Water solubility", "water_solubility" and "WATER-SOLUBILITY" agree).
std::string WordKey(std::string_view text) {
    std::string out;
    for (char c : ToLowerAscii(Trim(NormalizeFullWidth(text)))) {
        if (c != ' ' && c != '_' && c != '-') out += c;
    }
    return out;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// Units after folding: lower-case, no spaces, μ/µ → u, ³ → 3, product dots dropped.
std::string UnitKey(std::string_view text) {
    std::string folded = ToLowerAscii(Trim(NormalizeFullWidth(text)));
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"μ", "u"}, {"µ", "u"}, {"³", "3"},
                            {"·", ""}, {"⋅", ""}, {"*", ""}, {"℃", "°c"}, {" ", ""}}) {
        folded = ReplaceAll(std::move(folded), from, to);
    }
    return folded;
}

template <typename T>
struct Word {
    std::string_view word;
    T value;
};

template <typename T>
std::optional<T> Lookup(std::initializer_list<Word<T>> words, std::string_view text) {
    const std::string key = WordKey(text);
    for (const auto& w : words) {
        if (WordKey(w.word) == key) return w.value;
    }
    return std::nullopt;
}

Error FieldError(std::string reason, std::string field, std::string zh, std::string en) {
    return MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field))
        .value();
}

std::string Quoted(std::string_view text) { return "“" + ToMessageSnippet(text) + "”"; }

struct PropertyInfo {
    PropertyKind kind;
    std::string_view name, zh, en, unit;
};

constexpr PropertyInfo kProperties[] = {
    {PropertyKind::kWaterSolubility, "water_solubility", "水溶解度", "Water solubility", "mg/L"},
    {PropertyKind::kVapourPressure, "vapour_pressure", "蒸气压", "Vapour pressure", "Pa"},
    {PropertyKind::kLogKow, "log_kow", "正辛醇-水分配系数（log Kow）", "log Kow", "log units"},
    {PropertyKind::kKoc, "koc", "有机碳-水分配系数（Koc）", "Koc", "L/kg"},
    {PropertyKind::kHenry, "henry", "亨利定律常数", "Henry's law constant", "Pa·m³/mol"},
    {PropertyKind::kHalfLifeWater, "half_life_water", "淡水中降解半衰期", "Half-life in fresh water", "d"},
    {PropertyKind::kHalfLifeMarineWater, "half_life_marine_water", "海水中降解半衰期", "Half-life in marine water", "d"},
    {PropertyKind::kHalfLifeSediment, "half_life_sediment", "淡水沉积物中降解半衰期", "Half-life in freshwater sediment",
     "d"},
    {PropertyKind::kHalfLifeMarineSediment, "half_life_marine_sediment", "海洋沉积物中降解半衰期",
     "Half-life in marine sediment", "d"},
    {PropertyKind::kHalfLifeSoil, "half_life_soil", "土壤中降解半衰期", "Half-life in soil", "d"},
    {PropertyKind::kHalfLifeAir, "half_life_air", "大气中降解半衰期", "Half-life in air", "d"},
    {PropertyKind::kBcf, "bcf", "生物富集系数（BCF，鱼）", "BCF (fish)", "L/kg"},
    {PropertyKind::kMeltingPoint, "melting_point", "熔点", "Melting point", "°C"},
    {PropertyKind::kMolarMass, "molar_mass", "摩尔质量", "Molar mass", "g/mol"},
};

const PropertyInfo& InfoOf(PropertyKind kind) {
    for (const auto& p : kProperties) {
        if (p.kind == kind) return p;
    }
    NPGOV_CHECK(false);
    return kProperties[0];
}

// Scale factors to the canonical unit, by unit key.
struct Scale {
    std::string_view key;
    double factor;
};

std::optional<double> FactorOf(std::initializer_list<Scale> scales, const std::string& key) {
    for (const auto& s : scales) {
        if (s.key == key) return s.factor;
    }
    return std::nullopt;
}

bool IsHalfLife(PropertyKind kind) {
    return kind == PropertyKind::kHalfLifeWater || kind == PropertyKind::kHalfLifeMarineWater ||
           kind == PropertyKind::kHalfLifeSediment || kind == PropertyKind::kHalfLifeMarineSediment ||
           kind == PropertyKind::kHalfLifeSoil || kind == PropertyKind::kHalfLifeAir;
}

std::string_view AcceptedUnits(PropertyKind kind) {
    switch (kind) {
        case PropertyKind::kWaterSolubility: return "mg/L, g/L, μg/L, ng/L";
        case PropertyKind::kVapourPressure: return "Pa, hPa, kPa, mbar, bar, mmHg, Torr, atm";
        case PropertyKind::kLogKow: return "(none), -, log";
        case PropertyKind::kKoc:
        case PropertyKind::kBcf: return "L/kg, mL/g, log L/kg";
        case PropertyKind::kHenry: return "Pa·m³/mol, atm·m³/mol";
        case PropertyKind::kMeltingPoint: return "°C, K";
        case PropertyKind::kMolarMass: return "g/mol";
        default: return "d, h, min, a";
    }
}

Error RangeError(PropertyKind kind, double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return FieldError("hazard.value_range", "value", std::string(InfoOf(kind).zh) + "不能为 " + buffer,
                      std::string(InfoOf(kind).en) + " cannot be " + buffer);
}

}  // namespace

const std::vector<PropertyKind>& AllProperties() {
    static const std::vector<PropertyKind> all = [] {
        std::vector<PropertyKind> out;
        for (const auto& p : kProperties) out.push_back(p.kind);
        return out;
    }();
    return all;
}

std::string_view ToString(PropertyKind kind) { return InfoOf(kind).name; }
std::string_view LabelZh(PropertyKind kind) { return InfoOf(kind).zh; }
std::string_view LabelEn(PropertyKind kind) { return InfoOf(kind).en; }
std::string_view CanonicalUnit(PropertyKind kind) { return InfoOf(kind).unit; }

bool TemperatureRequired(PropertyKind kind) {
    return kind == PropertyKind::kWaterSolubility || kind == PropertyKind::kVapourPressure ||
           kind == PropertyKind::kHenry;
}

Result<PropertyKind> ParseProperty(std::string_view text) {
    using P = PropertyKind;
    for (const auto& p : kProperties) {
        if (WordKey(p.name) == WordKey(text) || WordKey(p.zh) == WordKey(text) || WordKey(p.en) == WordKey(text)) {
            return p.kind;
        }
    }
    auto found = Lookup<P>(
        {{"solubility", P::kWaterSolubility}, {"溶解度", P::kWaterSolubility}, {"水中溶解度", P::kWaterSolubility},
         {"vapor pressure", P::kVapourPressure}, {"饱和蒸气压", P::kVapourPressure}, {"蒸汽压", P::kVapourPressure},
         {"logkow", P::kLogKow}, {"log pow", P::kLogKow}, {"logp", P::kLogKow}, {"kow", P::kLogKow},
         {"辛醇水分配系数", P::kLogKow}, {"正辛醇/水分配系数", P::kLogKow}, {"正辛醇-水分配系数", P::kLogKow},
         {"有机碳分配系数", P::kKoc}, {"土壤吸附系数", P::kKoc}, {"kfoc", P::kKoc},
         {"henry's law constant", P::kHenry}, {"henry constant", P::kHenry}, {"亨利常数", P::kHenry},
         {"dt50 water", P::kHalfLifeWater}, {"水中半衰期", P::kHalfLifeWater}, {"淡水半衰期", P::kHalfLifeWater},
         {"dt50 marine water", P::kHalfLifeMarineWater}, {"海水半衰期", P::kHalfLifeMarineWater},
         {"dt50 sediment", P::kHalfLifeSediment}, {"沉积物中半衰期", P::kHalfLifeSediment},
         {"沉积物半衰期", P::kHalfLifeSediment}, {"dt50 marine sediment", P::kHalfLifeMarineSediment},
         {"海洋沉积物半衰期", P::kHalfLifeMarineSediment}, {"dt50 soil", P::kHalfLifeSoil},
         {"土壤半衰期", P::kHalfLifeSoil}, {"dt50 air", P::kHalfLifeAir}, {"大气半衰期", P::kHalfLifeAir},
         {"空气中半衰期", P::kHalfLifeAir}, {"生物富集系数", P::kBcf}, {"生物浓缩系数", P::kBcf},
         {"bioconcentration factor", P::kBcf}, {"mp", P::kMeltingPoint}, {"molecular weight", P::kMolarMass},
         {"分子量", P::kMolarMass}, {"相对分子质量", P::kMolarMass}, {"mw", P::kMolarMass}},
        text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.property", "property", "未知的性质 " + Quoted(text),
                                     "unknown property " + Quoted(text) +
                                         "; use water_solubility, vapour_pressure, log_kow, koc, henry, "
                                         "half_life_water|marine_water|sediment|marine_sediment|soil|air, bcf, "
                                         "melting_point or molar_mass"));
}

Result<double> NormaliseValue(PropertyKind kind, double value, std::string_view unit) {
    if (!std::isfinite(value)) return tl::unexpected(RangeError(kind, value));
    const std::string key = UnitKey(unit);
    std::optional<double> out;
    switch (kind) {
        case PropertyKind::kWaterSolubility:
            if (auto f = FactorOf({{"mg/l", 1}, {"g/l", 1e3}, {"ug/l", 1e-3}, {"ng/l", 1e-6}, {"mg/kg", 1},
                                   {"g/m3", 1}, {"毫克/升", 1}},
                                  key)) {
                out = value * *f;
            }
            break;
        case PropertyKind::kVapourPressure:
            if (auto f = FactorOf({{"pa", 1}, {"hpa", 100}, {"kpa", 1e3}, {"mbar", 100}, {"bar", 1e5},
                                   {"mmhg", 133.322368}, {"torr", 133.322368}, {"atm", 101325}, {"帕", 1}},
                                  key)) {
                out = value * *f;
            }
            break;
        case PropertyKind::kLogKow:
            if (key.empty() || key == "-" || key == "log" || key == "logunits" || key == "无量纲" ||
                key == "dimensionless") {
                out = value;
            }
            break;
        case PropertyKind::kKoc:
        case PropertyKind::kBcf:
            if (key == "l/kg" || key == "ml/g" || key == "dm3/kg" || key == "升/千克") {
                out = value;
            } else if (key == "logl/kg" || key == "log" || key == "log10l/kg") {
                if (value > 300) return tl::unexpected(RangeError(kind, value));
                out = std::pow(10.0, value);
            }
            break;
        case PropertyKind::kHenry:
            if (auto f = FactorOf({{"pam3/mol", 1}, {"pam3mol-1", 1}, {"atmm3/mol", 101325}, {"atmm3mol-1", 101325}},
                                  key)) {
                out = value * *f;
            }
            break;
        case PropertyKind::kMeltingPoint:
            if (key == "°c" || key == "c" || key == "degc" || key == "摄氏度") {
                out = value;
            } else if (key == "k") {
                out = value - 273.15;
            }
            if (out && *out < -273.15) return tl::unexpected(RangeError(kind, value));
            break;
        case PropertyKind::kMolarMass:
            if (key == "g/mol" || key == "gmol-1" || key == "da") out = value;
            break;
        default:
            NPGOV_CHECK(IsHalfLife(kind));
            if (auto f = FactorOf({{"d", 1}, {"day", 1}, {"days", 1}, {"天", 1}, {"h", 1.0 / 24}, {"hour", 1.0 / 24},
                                   {"hours", 1.0 / 24}, {"小时", 1.0 / 24}, {"min", 1.0 / 1440}, {"分钟", 1.0 / 1440},
                                   {"a", 365}, {"y", 365}, {"year", 365}, {"years", 365}, {"年", 365}},
                                  key)) {
                out = value * *f;
            }
            break;
    }
    if (!out) {
        return tl::unexpected(FieldError("hazard.unit", "unit",
                                         std::string(InfoOf(kind).zh) + "的单位 " + Quoted(unit) + " 无法识别；可用 " +
                                             std::string(AcceptedUnits(kind)),
                                         "unit " + Quoted(unit) + " is not a unit of " + std::string(InfoOf(kind).en) +
                                             "; use " + std::string(AcceptedUnits(kind))));
    }
    const bool may_be_negative = kind == PropertyKind::kLogKow || kind == PropertyKind::kMeltingPoint;
    if (!std::isfinite(*out) || (!may_be_negative && *out < 0) || (kind == PropertyKind::kMolarMass && *out == 0)) {
        return tl::unexpected(RangeError(kind, value));
    }
    return *out;
}

std::string_view ToString(Provenance provenance) {
    return provenance == Provenance::kMeasured ? "measured" : "estimated";
}

Result<Provenance> ParseProvenance(std::string_view text) {
    using P = Provenance;
    auto found = Lookup<P>({{"measured", P::kMeasured}, {"experimental", P::kMeasured}, {"实测", P::kMeasured},
                            {"实测值", P::kMeasured}, {"试验", P::kMeasured}, {"测定", P::kMeasured},
                            {"estimated", P::kEstimated}, {"estimate", P::kEstimated}, {"估算", P::kEstimated},
                            {"估算值", P::kEstimated}, {"预测", P::kEstimated}, {"计算", P::kEstimated},
                            {"calculated", P::kEstimated}, {"qsar", P::kEstimated}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.provenance", "provenance",
                                     "数据类型 " + Quoted(text) + " 无法识别；须为 measured（实测）或 estimated（估算）",
                                     "provenance " + Quoted(text) + " must be measured or estimated"));
}

std::string_view ToString(Qualifier qualifier) {
    switch (qualifier) {
        case Qualifier::kEqual: return "=";
        case Qualifier::kLess: return "<";
        case Qualifier::kLessOrEqual: return "<=";
        case Qualifier::kGreater: return ">";
        case Qualifier::kGreaterOrEqual: return ">=";
    }
    return "=";
}

Result<Qualifier> ParseQualifier(std::string_view text) {
    using Q = Qualifier;
    std::string key = ReplaceAll(ReplaceAll(std::string(Trim(NormalizeFullWidth(text))), "≤", "<="), "≥", ">=");
    key = ReplaceAll(ReplaceAll(std::move(key), "＜", "<"), "＞", ">");
    for (auto [word, q] : {std::pair<std::string_view, Q>{"", Q::kEqual}, {"=", Q::kEqual}, {"~", Q::kEqual},
                           {"<", Q::kLess}, {"<=", Q::kLessOrEqual}, {">", Q::kGreater}, {">=", Q::kGreaterOrEqual},
                           {"小于", Q::kLess}, {"大于", Q::kGreater}, {"不大于", Q::kLessOrEqual},
                           {"不小于", Q::kGreaterOrEqual}}) {
        if (key == word) return q;
    }
    return tl::unexpected(FieldError("hazard.qualifier", "qualifier", "限定符 " + Quoted(text) + " 须为 =、<、<=、> 或 >=",
                                     "qualifier " + Quoted(text) + " must be =, <, <=, > or >="));
}

Result<int> ParseReliability(std::string_view text) {
    std::string key = WordKey(text);
    for (std::string_view prefix : {"klimisch", "k"}) {
        if (key.rfind(prefix, 0) == 0) {
            key.erase(0, prefix.size());
            break;
        }
    }
    if (key.size() == 1 && key[0] >= '1' && key[0] <= '4') return key[0] - '0';
    return tl::unexpected(FieldError("hazard.reliability", "reliability",
                                     "可靠性 " + Quoted(text) + " 须为 Klimisch 1–4（1 可靠，2 有限制地可靠，3 不可靠，4 无法评价）",
                                     "reliability " + Quoted(text) +
                                         " must be Klimisch 1–4 (1 reliable, 2 reliable with restrictions, 3 not "
                                         "reliable, 4 not assignable)"));
}

std::string_view ReliabilityLabelZh(int klimisch) {
    switch (klimisch) {
        case 1: return "可靠，无限制";
        case 2: return "可靠，有限制";
        case 3: return "不可靠";
        default: return "无法评价";
    }
}

std::string_view ReliabilityLabelEn(int klimisch) {
    switch (klimisch) {
        case 1: return "reliable without restriction";
        case 2: return "reliable with restrictions";
        case 3: return "not reliable";
        default: return "not assignable";
    }
}

namespace {

struct TaxonInfo {
    TaxonGroup group;
    std::string_view name, zh;
};

constexpr TaxonInfo kTaxa[] = {
    {TaxonGroup::kAlgae, "algae", "藻类"},
    {TaxonGroup::kAquaticPlant, "aquatic_plant", "水生植物"},
    {TaxonGroup::kCyanobacteria, "cyanobacteria", "蓝藻"},
    {TaxonGroup::kInvertebrate, "invertebrate", "水生无脊椎动物"},
    {TaxonGroup::kFish, "fish", "鱼类"},
    {TaxonGroup::kAmphibian, "amphibian", "两栖类"},
    {TaxonGroup::kMicroorganism, "microorganism", "微生物"},
    {TaxonGroup::kSedimentOrganism, "sediment_organism", "底栖生物"},
    {TaxonGroup::kSoilOrganism, "soil_organism", "土壤生物"},
    {TaxonGroup::kTerrestrialPlant, "terrestrial_plant", "陆生植物"},
    {TaxonGroup::kBird, "bird", "鸟类"},
    {TaxonGroup::kMammal, "mammal", "哺乳动物"},
};

}  // namespace

const std::vector<TaxonGroup>& AllTaxonGroups() {
    static const std::vector<TaxonGroup> all = [] {
        std::vector<TaxonGroup> out;
        for (const auto& t : kTaxa) out.push_back(t.group);
        return out;
    }();
    return all;
}

std::string_view ToString(TaxonGroup group) {
    for (const auto& t : kTaxa) {
        if (t.group == group) return t.name;
    }
    return "algae";
}

std::string_view LabelZh(TaxonGroup group) {
    for (const auto& t : kTaxa) {
        if (t.group == group) return t.zh;
    }
    return "藻类";
}

Result<TaxonGroup> ParseTaxonGroup(std::string_view text) {
    using T = TaxonGroup;
    for (const auto& t : kTaxa) {
        if (WordKey(t.name) == WordKey(text) || WordKey(t.zh) == WordKey(text)) return t.group;
    }
    auto found = Lookup<T>({{"alga", T::kAlgae}, {"microalgae", T::kAlgae}, {"藻", T::kAlgae},
                            {"macrophyte", T::kAquaticPlant}, {"浮萍", T::kAquaticPlant},
                            {"blue-green algae", T::kCyanobacteria}, {"蓝细菌", T::kCyanobacteria},
                            {"crustacean", T::kInvertebrate}, {"invertebrates", T::kInvertebrate},
                            {"无脊椎动物", T::kInvertebrate}, {"溞类", T::kInvertebrate}, {"甲壳类", T::kInvertebrate},
                            {"鱼", T::kFish}, {"amphibians", T::kAmphibian}, {"bacteria", T::kMicroorganism},
                            {"细菌", T::kMicroorganism}, {"benthic", T::kSedimentOrganism},
                            {"沉积物生物", T::kSedimentOrganism}, {"earthworm", T::kSoilOrganism},
                            {"蚯蚓", T::kSoilOrganism}, {"plant", T::kTerrestrialPlant}, {"植物", T::kTerrestrialPlant},
                            {"birds", T::kBird}, {"鸟", T::kBird}, {"mammals", T::kMammal}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError(
        "hazard.taxon_group", "taxon_group", "生物类群 " + Quoted(text) + " 无法识别",
        "taxonomic group " + Quoted(text) +
            " is unknown; use algae, aquatic_plant, cyanobacteria, invertebrate, fish, amphibian, microorganism, "
            "sediment_organism, soil_organism, terrestrial_plant, bird or mammal"));
}

std::string_view ToString(TrophicLevel level) {
    switch (level) {
        case TrophicLevel::kPrimaryProducer: return "primary_producer";
        case TrophicLevel::kPrimaryConsumer: return "primary_consumer";
        case TrophicLevel::kSecondaryConsumer: return "secondary_consumer";
        case TrophicLevel::kDecomposer: return "decomposer";
    }
    return "primary_producer";
}

std::string_view LabelZh(TrophicLevel level) {
    switch (level) {
        case TrophicLevel::kPrimaryProducer: return "初级生产者";
        case TrophicLevel::kPrimaryConsumer: return "初级消费者";
        case TrophicLevel::kSecondaryConsumer: return "次级消费者";
        case TrophicLevel::kDecomposer: return "分解者";
    }
    return "初级生产者";
}

Result<TrophicLevel> ParseTrophicLevel(std::string_view text) {
    using L = TrophicLevel;
    auto found = Lookup<L>({{"primary_producer", L::kPrimaryProducer}, {"producer", L::kPrimaryProducer},
                            {"初级生产者", L::kPrimaryProducer}, {"生产者", L::kPrimaryProducer}, {"1", L::kPrimaryProducer},
                            {"primary_consumer", L::kPrimaryConsumer}, {"初级消费者", L::kPrimaryConsumer},
                            {"2", L::kPrimaryConsumer}, {"secondary_consumer", L::kSecondaryConsumer},
                            {"次级消费者", L::kSecondaryConsumer}, {"3", L::kSecondaryConsumer},
                            {"decomposer", L::kDecomposer}, {"分解者", L::kDecomposer}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.trophic_level", "trophic_level", "营养级 " + Quoted(text) + " 无法识别",
                                     "trophic level " + Quoted(text) +
                                         " must be primary_producer, primary_consumer, secondary_consumer or decomposer"));
}

TrophicLevel DefaultTrophicLevel(TaxonGroup group) {
    switch (group) {
        case TaxonGroup::kAlgae:
        case TaxonGroup::kAquaticPlant:
        case TaxonGroup::kCyanobacteria:
        case TaxonGroup::kTerrestrialPlant: return TrophicLevel::kPrimaryProducer;
        case TaxonGroup::kInvertebrate:
        case TaxonGroup::kSedimentOrganism:
        case TaxonGroup::kSoilOrganism: return TrophicLevel::kPrimaryConsumer;
        case TaxonGroup::kFish:
        case TaxonGroup::kAmphibian:
        case TaxonGroup::kBird:
        case TaxonGroup::kMammal: return TrophicLevel::kSecondaryConsumer;
        case TaxonGroup::kMicroorganism: return TrophicLevel::kDecomposer;
    }
    return TrophicLevel::kPrimaryProducer;
}

std::string_view ToString(Compartment compartment) {
    switch (compartment) {
        case Compartment::kFreshwater: return "freshwater";
        case Compartment::kMarine: return "marine";
        case Compartment::kSediment: return "sediment";
        case Compartment::kSoil: return "soil";
        case Compartment::kOral: return "oral";
    }
    return "freshwater";
}

Result<Compartment> ParseCompartment(std::string_view text) {
    using C = Compartment;
    auto found = Lookup<C>({{"freshwater", C::kFreshwater}, {"fresh water", C::kFreshwater}, {"water", C::kFreshwater},
                            {"淡水", C::kFreshwater}, {"水", C::kFreshwater}, {"marine", C::kMarine},
                            {"seawater", C::kMarine}, {"海水", C::kMarine}, {"sediment", C::kSediment},
                            {"沉积物", C::kSediment}, {"soil", C::kSoil}, {"土壤", C::kSoil}, {"oral", C::kOral},
                            {"经口", C::kOral}, {"食物", C::kOral}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.compartment", "compartment", "介质 " + Quoted(text) + " 无法识别",
                                     "compartment " + Quoted(text) +
                                         " must be freshwater, marine, sediment, soil or oral"));
}

std::string_view ToString(Endpoint endpoint) {
    switch (endpoint) {
        case Endpoint::kEc50: return "EC50";
        case Endpoint::kLc50: return "LC50";
        case Endpoint::kEc10: return "EC10";
        case Endpoint::kNoec: return "NOEC";
        case Endpoint::kLoec: return "LOEC";
    }
    return "EC50";
}

Result<Endpoint> ParseEndpoint(std::string_view text) {
    using E = Endpoint;
    auto found = Lookup<E>({{"ec50", E::kEc50}, {"erc50", E::kEc50}, {"ebc50", E::kEc50}, {"eyc50", E::kEc50},
                            {"ic50", E::kEc50}, {"lc50", E::kLc50}, {"ec10", E::kEc10}, {"erc10", E::kEc10},
                            {"ebc10", E::kEc10}, {"noec", E::kNoec}, {"noel", E::kNoec}, {"noael", E::kNoec},
                            {"loec", E::kLoec}, {"loel", E::kLoec}, {"loael", E::kLoec}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.endpoint", "endpoint", "毒性终点 " + Quoted(text) + " 无法识别",
                                     "endpoint " + Quoted(text) + " must be EC50, LC50, EC10, NOEC or LOEC"));
}

std::string_view ToString(Exposure exposure) { return exposure == Exposure::kAcute ? "acute" : "chronic"; }

Result<Exposure> ParseExposure(std::string_view text) {
    using X = Exposure;
    auto found = Lookup<X>({{"acute", X::kAcute}, {"short-term", X::kAcute}, {"急性", X::kAcute}, {"短期", X::kAcute},
                            {"chronic", X::kChronic}, {"long-term", X::kChronic}, {"慢性", X::kChronic},
                            {"长期", X::kChronic}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.exposure", "exposure", "暴露类型 " + Quoted(text) + " 须为急性或慢性",
                                     "exposure " + Quoted(text) + " must be acute or chronic"));
}

Result<double> DurationHours(double value, std::string_view unit) {
    const std::string key = UnitKey(unit);
    std::optional<double> factor;
    for (auto [word, f] : {std::pair<std::string_view, double>{"h", 1}, {"hour", 1}, {"hours", 1}, {"hr", 1},
                           {"小时", 1}, {"d", 24}, {"day", 24}, {"days", 24}, {"天", 24}, {"日", 24}, {"w", 168},
                           {"week", 168}, {"weeks", 168}, {"周", 168}}) {
        if (key == word) factor = f;
    }
    if (!factor) {
        return tl::unexpected(FieldError("hazard.duration_unit", "duration_unit",
                                         "试验时长单位 " + Quoted(unit) + " 须为 h（小时）或 d（天）",
                                         "duration unit " + Quoted(unit) + " must be h or d"));
    }
    if (!std::isfinite(value) || value <= 0) {
        return tl::unexpected(FieldError("hazard.value_range", "duration", "试验时长须大于 0",
                                         "the test duration must be greater than 0"));
    }
    return value * *factor;
}

Result<EffectUnit> ParseEffectUnit(Compartment compartment, std::string_view unit) {
    const bool aqueous = compartment == Compartment::kFreshwater || compartment == Compartment::kMarine;
    std::string key = UnitKey(unit);
    // Solid units may say what they refer to: "mg/kg dw", "mg/kg food", "mg/kg bw/d".
    for (std::string_view suffix : {"dw", "dryweight", "food", "diet", "bw/d", "bw/day", "bw", "干重"}) {
        if (!aqueous && key.size() > suffix.size() && key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
            key.erase(key.size() - suffix.size());
            break;
        }
    }
    if (aqueous) {
        if (auto f = FactorOf({{"ng/l", 1e-6}, {"ug/l", 1e-3}, {"mg/l", 1}, {"g/l", 1e3}}, key)) {
            return EffectUnit{*f, "mg/L"};
        }
    } else if (auto f = FactorOf({{"ug/kg", 1e-3}, {"mg/kg", 1}, {"g/kg", 1e3}, {"ng/g", 1e-3}, {"ug/g", 1}}, key)) {
        return EffectUnit{*f, "mg/kg"};
    }
    return tl::unexpected(FieldError("hazard.unit", "unit",
                                     "效应浓度单位 " + Quoted(unit) + " 不适用于" +
                                         (aqueous ? "水体（可用 ng/L、μg/L、mg/L、g/L）" : "沉积物/土壤/经口（可用 μg/kg、mg/kg、g/kg）"),
                                     "effect unit " + Quoted(unit) + " does not fit the " +
                                         std::string(ToString(compartment)) + " compartment (use " +
                                         (aqueous ? "ng/L, μg/L, mg/L or g/L" : "μg/kg, mg/kg or g/kg") + ")"));
}

namespace {

struct ClassInfo {
    ClassificationKind kind;
    std::string_view name, zh;
};

constexpr ClassInfo kClasses[] = {
    {ClassificationKind::kCarcinogenic, "carcinogenic", "致癌性"},
    {ClassificationKind::kMutagenic, "mutagenic", "生殖细胞致突变性"},
    {ClassificationKind::kReproductive, "reproductive", "生殖毒性"},
    {ClassificationKind::kEndocrineDisruptor, "endocrine_disruptor", "内分泌干扰"},
    {ClassificationKind::kPbt, "pbt", "PBT"},
    {ClassificationKind::kVpvb, "vpvb", "vPvB"},
    {ClassificationKind::kPop, "pop", "持久性有机污染物（POP）"},
};

}  // namespace

const std::vector<ClassificationKind>& AllClassificationKinds() {
    static const std::vector<ClassificationKind> all = [] {
        std::vector<ClassificationKind> out;
        for (const auto& c : kClasses) out.push_back(c.kind);
        return out;
    }();
    return all;
}

std::string_view ToString(ClassificationKind kind) {
    for (const auto& c : kClasses) {
        if (c.kind == kind) return c.name;
    }
    return "carcinogenic";
}

std::string_view LabelZh(ClassificationKind kind) {
    for (const auto& c : kClasses) {
        if (c.kind == kind) return c.zh;
    }
    return "致癌性";
}

Result<ClassificationKind> ParseClassificationKind(std::string_view text) {
    using K = ClassificationKind;
    for (const auto& c : kClasses) {
        if (WordKey(c.name) == WordKey(text) || WordKey(c.zh) == WordKey(text)) return c.kind;
    }
    auto found = Lookup<K>({{"carcinogenicity", K::kCarcinogenic}, {"carc", K::kCarcinogenic}, {"致癌", K::kCarcinogenic},
                            {"mutagenicity", K::kMutagenic}, {"muta", K::kMutagenic}, {"致突变性", K::kMutagenic},
                            {"致突变", K::kMutagenic}, {"reproductive toxicity", K::kReproductive},
                            {"repr", K::kReproductive}, {"生殖毒", K::kReproductive}, {"ed", K::kEndocrineDisruptor},
                            {"endocrine", K::kEndocrineDisruptor}, {"内分泌干扰物", K::kEndocrineDisruptor},
                            {"pop", K::kPop}, {"pops", K::kPop}, {"持久性有机污染物", K::kPop}},
                           text);
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.classification_kind", "classification",
                                     "分类 " + Quoted(text) + " 无法识别",
                                     "classification " + Quoted(text) +
                                         " must be carcinogenic, mutagenic, reproductive, endocrine_disruptor, pbt, vpvb "
                                         "or pop"));
}

Result<std::string> ParseCategory(ClassificationKind kind, std::string_view text) {
    std::string key = WordKey(text);
    for (std::string_view prefix : {"category", "cat.", "cat", "类别"}) {
        if (key.rfind(prefix, 0) == 0) {
            key.erase(0, prefix.size());
            break;
        }
    }
    auto pick = [&](std::initializer_list<std::pair<std::string_view, std::string_view>> words) -> std::optional<std::string> {
        for (auto [word, category] : words) {
            if (key == word) return std::string(category);
        }
        return std::nullopt;
    };
    std::optional<std::string> found;
    std::string_view allowed;
    switch (kind) {
        case ClassificationKind::kCarcinogenic:
        case ClassificationKind::kMutagenic:
        case ClassificationKind::kReproductive:
            found = pick({{"1a", "1A"}, {"1b", "1B"}, {"2", "2"}});
            allowed = "1A, 1B, 2";
            break;
        case ClassificationKind::kEndocrineDisruptor:
            found = pick({{"known", "known"}, {"已知", "known"}, {"确认", "known"}, {"suspected", "suspected"},
                          {"疑似", "suspected"}, {"潜在", "suspected"}});
            allowed = "known, suspected";
            break;
        case ClassificationKind::kPbt:
        case ClassificationKind::kVpvb:
            found = pick({{"yes", "yes"}, {"是", "yes"}, {"符合", "yes"}, {"no", "no"}, {"否", "no"}, {"不符合", "no"}});
            allowed = "yes, no";
            break;
        case ClassificationKind::kPop:
            found = pick({{"annexa", "annex_a"}, {"a", "annex_a"}, {"附件a", "annex_a"}, {"annexb", "annex_b"},
                          {"b", "annex_b"}, {"附件b", "annex_b"}, {"annexc", "annex_c"}, {"c", "annex_c"},
                          {"附件c", "annex_c"}});
            allowed = "annex_a, annex_b, annex_c";
            break;
    }
    if (found) return *found;
    return tl::unexpected(FieldError("hazard.category", "category",
                                     std::string(LabelZh(kind)) + "的类别 " + Quoted(text) + " 无法识别；可用 " +
                                         std::string(allowed),
                                     "category " + Quoted(text) + " is not one of " + std::string(ToString(kind)) +
                                         "'s: " + std::string(allowed)));
}

}  // namespace npgov::hazard
