#include "modules/monitoring/model.hpp"

#include <array>
#include <utility>

#include "core/quantity.hpp"
#include "core/text.hpp"

namespace npgov::monitoring {
namespace {

struct SiteTypeName {
    SiteType type;
    std::string_view name;
    std::string_view zh;
};

constexpr std::array<SiteTypeName, 11> kSiteTypes = {{
    {SiteType::kDrinkingWaterSource, "drinking_water_source", "饮用水水源地"},
    {SiteType::kRiverSection, "river_section", "河流断面"},
    {SiteType::kReservoir, "reservoir", "水库"},
    {SiteType::kGroundwaterWell, "groundwater_well", "地下水监测井"},
    {SiteType::kParkOutfall, "park_outfall", "园区排口"},
    {SiteType::kParkSurroundings, "park_surroundings", "园区周边"},
    {SiteType::kWwtpInfluent, "wwtp_influent", "污水处理厂进水"},
    {SiteType::kWwtpEffluent, "wwtp_effluent", "污水处理厂出水"},
    {SiteType::kSoil, "soil", "土壤"},
    {SiteType::kSediment, "sediment", "沉积物"},
    {SiteType::kAir, "air", "环境空气"},
}};

// Chinese and English words labs write for each medium (compared after trimming, full-width
// folding and ASCII lower-casing).
const std::vector<std::pair<std::string_view, Medium>> kMediumWords = {
    {"water", Medium::kWater},    {"水", Medium::kWater},          {"水质", Medium::kWater},
    {"地表水", Medium::kWater},   {"地下水", Medium::kWater},      {"废水", Medium::kWater},
    {"污水", Medium::kWater},     {"饮用水", Medium::kWater},      {"surface water", Medium::kWater},
    {"groundwater", Medium::kWater}, {"wastewater", Medium::kWater},
    {"soil", Medium::kSoil},      {"土壤", Medium::kSoil},         {"土", Medium::kSoil},
    {"sediment", Medium::kSediment}, {"沉积物", Medium::kSediment}, {"底泥", Medium::kSediment},
    {"air", Medium::kAir},        {"空气", Medium::kAir},          {"大气", Medium::kAir},
    {"环境空气", Medium::kAir},   {"废气", Medium::kAir},          {"ambient air", Medium::kAir},
};

struct QualifierWord {
    std::string_view word;
    Qualifier qualifier;
};

const std::vector<QualifierWord> kQualifierWords = {
    {"detected", Qualifier::kDetected}, {"检出", Qualifier::kDetected},
    {"lt_lod", Qualifier::kBelowLod},   {"<lod", Qualifier::kBelowLod},   {"nd", Qualifier::kBelowLod},
    {"u", Qualifier::kBelowLod},        {"未检出", Qualifier::kBelowLod},
    {"lt_loq", Qualifier::kBelowLoq},   {"<loq", Qualifier::kBelowLoq},
    {"dnq", Qualifier::kDetectedNotQuantified}, {"j", Qualifier::kDetectedNotQuantified},
    {"检出未定量", Qualifier::kDetectedNotQuantified},
    {"检出但未定量", Qualifier::kDetectedNotQuantified},
};

std::string Fold(std::string_view text) { return ToLowerAscii(Trim(NormalizeFullWidth(text))); }

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text.substr(i, from.size()) == from) {
            out.append(to);
            i += from.size();
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

// Air units: symbol and factor to ng/m³.
struct AirUnit {
    std::string_view key;  // folded spelling
    std::string_view symbol;
    double factor;  // to ng/m³: multiply (or divide, below 1 ng/m³) by this power of ten
    bool divide;
};

constexpr std::array<AirUnit, 4> kAirUnits = {{
    {"pg/m3", "pg/m³", 1e3, true}, {"ng/m3", "ng/m³", 1.0, false}, {"ug/m3", "μg/m³", 1e3, false},
    {"mg/m3", "mg/m³", 1e6, false}}};

std::string FoldAirUnit(std::string_view text) {
    std::string s = Fold(text);
    std::string compact;
    for (char c : s) {
        if (c != ' ') compact += c;
    }
    compact = ReplaceAll(compact, "\xC2\xB5", "u");  // µ micro sign
    compact = ReplaceAll(compact, "\xCE\xBC", "u");  // μ Greek mu
    compact = ReplaceAll(compact, "\xC2\xB3", "3");  // ³
    compact = ReplaceAll(compact, "立方米", "m3");
    compact = ReplaceAll(compact, "皮克", "pg");
    compact = ReplaceAll(compact, "纳克", "ng");
    compact = ReplaceAll(compact, "微克", "ug");
    compact = ReplaceAll(compact, "毫克", "mg");
    return compact;
}

}  // namespace

const std::vector<SiteType>& AllSiteTypes() {
    static const std::vector<SiteType> all = [] {
        std::vector<SiteType> types;
        for (const auto& t : kSiteTypes) types.push_back(t.type);
        return types;
    }();
    return all;
}

std::string_view ToString(SiteType type) {
    for (const auto& t : kSiteTypes) {
        if (t.type == type) return t.name;
    }
    NPGOV_CHECK(false && "unknown site type");
    return {};
}

std::string_view LabelZh(SiteType type) {
    for (const auto& t : kSiteTypes) {
        if (t.type == type) return t.zh;
    }
    NPGOV_CHECK(false && "unknown site type");
    return {};
}

Result<SiteType> ParseSiteType(std::string_view text) {
    const std::string folded = Fold(text);
    for (const auto& t : kSiteTypes) {
        if (folded == t.name || folded == t.zh) return t.type;
    }
    std::string names;
    for (const auto& t : kSiteTypes) names += (names.empty() ? "" : ", ") + std::string(t.name);
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.site_type",
                     "点位类型 “" + ToMessageSnippet(text) + "” 无效，可选：" + names,
                     "unknown site type \"" + ToMessageSnippet(text) + "\"; one of: " + names, "site_type");
}

std::string_view ToString(Medium medium) {
    switch (medium) {
        case Medium::kWater: return "water";
        case Medium::kSoil: return "soil";
        case Medium::kSediment: return "sediment";
        case Medium::kAir: return "air";
    }
    NPGOV_CHECK(false && "unknown medium");
    return {};
}

Result<Medium> ParseMedium(std::string_view text) {
    const std::string folded = Fold(text);
    for (const auto& [word, medium] : kMediumWords) {
        if (folded == word) return medium;
    }
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.medium",
                     "介质 “" + ToMessageSnippet(text) + "” 无效，须为水、土壤、沉积物或空气",
                     "unknown medium \"" + ToMessageSnippet(text) + "\"; use water, soil, sediment or air", "medium");
}

bool SiteAllowsMedium(SiteType type, Medium medium) {
    switch (type) {
        case SiteType::kDrinkingWaterSource:
        case SiteType::kRiverSection:
        case SiteType::kReservoir:
            return medium == Medium::kWater || medium == Medium::kSediment;
        case SiteType::kGroundwaterWell:
        case SiteType::kParkOutfall:
        case SiteType::kWwtpInfluent:
        case SiteType::kWwtpEffluent:
            return medium == Medium::kWater;
        case SiteType::kParkSurroundings:
            return true;
        case SiteType::kSoil: return medium == Medium::kSoil;
        case SiteType::kSediment: return medium == Medium::kSediment;
        case SiteType::kAir: return medium == Medium::kAir;
    }
    return false;
}

std::optional<Medium> DefaultMedium(SiteType type) {
    switch (type) {
        case SiteType::kParkSurroundings: return std::nullopt;
        case SiteType::kSoil: return Medium::kSoil;
        case SiteType::kSediment: return Medium::kSediment;
        case SiteType::kAir: return Medium::kAir;
        default: return Medium::kWater;
    }
}

std::string_view ToString(Qualifier qualifier) {
    switch (qualifier) {
        case Qualifier::kDetected: return "detected";
        case Qualifier::kBelowLod: return "lt_lod";
        case Qualifier::kBelowLoq: return "lt_loq";
        case Qualifier::kDetectedNotQuantified: return "dnq";
    }
    NPGOV_CHECK(false && "unknown qualifier");
    return {};
}

Result<Qualifier> ParseQualifier(std::string_view text) {
    std::string folded = Fold(text);
    std::string compact;
    for (char c : folded) {
        if (c != ' ') compact += c;
    }
    for (const auto& w : kQualifierWords) {
        if (compact == w.word) return w.qualifier;
    }
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.qualifier",
                     "结果限定符 “" + ToMessageSnippet(text) + "” 无效，可用：detected、<LOD/ND/未检出、<LOQ、DNQ",
                     "unknown qualifier \"" + ToMessageSnippet(text) + "\"; use detected, <LOD (ND), <LOQ or DNQ",
                     "qualifier");
}

UnitFamily FamilyOf(Medium medium) {
    switch (medium) {
        case Medium::kWater: return UnitFamily::kAqueous;
        case Medium::kSoil:
        case Medium::kSediment: return UnitFamily::kSolid;
        case Medium::kAir: return UnitFamily::kAir;
    }
    return UnitFamily::kAqueous;
}

Result<ConcentrationUnit> ParseConcentrationUnit(std::string_view text) {
    const std::string air = FoldAirUnit(text);
    for (const auto& u : kAirUnits) {
        if (air == u.key) return ConcentrationUnit{std::string(u.symbol), UnitFamily::kAir};
    }
    NPGOV_ASSIGN_OR_RETURN(Unit unit, ParseUnit(text));
    switch (DimensionOf(unit)) {
        case Dimension::kAqueousConcentration: return ConcentrationUnit{std::string(Symbol(unit)), UnitFamily::kAqueous};
        case Dimension::kSolidConcentration: return ConcentrationUnit{std::string(Symbol(unit)), UnitFamily::kSolid};
        case Dimension::kMass: break;
    }
    const std::string echo = ToMessageSnippet(text);
    return MakeError(ErrorCode::kInvalidArgument, "monitoring.unit_not_concentration",
                     "单位 “" + echo + "” 是质量单位，不是浓度单位", "\"" + echo + "\" is a mass, not a concentration unit",
                     "unit");
}

std::string_view NormalisedUnit(Medium medium) {
    switch (FamilyOf(medium)) {
        case UnitFamily::kAqueous: return "ng/L";
        case UnitFamily::kSolid: return "μg/kg";
        case UnitFamily::kAir: return "ng/m³";
    }
    return "ng/L";
}

Result<double> Normalise(double value, const ConcentrationUnit& unit, Medium medium) {
    if (unit.family != FamilyOf(medium)) {
        const std::string allowed = FamilyOf(medium) == UnitFamily::kAqueous ? "ng/L, μg/L, mg/L"
                                    : FamilyOf(medium) == UnitFamily::kSolid ? "ng/g, μg/kg, mg/kg"
                                                                             : "pg/m³, ng/m³, μg/m³, mg/m³";
        return MakeError(ErrorCode::kInvalidArgument, "monitoring.unit_medium",
                         "单位 " + unit.symbol + " 不适用于介质 " + std::string(ToString(medium)) + "，应为 " + allowed,
                         "the unit " + unit.symbol + " does not fit the medium " + std::string(ToString(medium)) +
                             "; use " + allowed,
                         "unit");
    }
    if (unit.family == UnitFamily::kAir) {
        for (const auto& u : kAirUnits) {
            if (unit.symbol == u.symbol) return u.divide ? value / u.factor : value * u.factor;
        }
        NPGOV_CHECK(false && "air unit symbol not from ParseConcentrationUnit");
    }
    NPGOV_ASSIGN_OR_RETURN(Unit parsed, ParseUnit(unit.symbol));
    const Unit target = unit.family == UnitFamily::kAqueous ? Unit::kNanogramPerLitre : Unit::kMicrogramPerKilogram;
    NPGOV_ASSIGN_OR_RETURN(Quantity q, ConvertTo(Quantity{value, parsed}, target));
    return q.value;
}

}  // namespace npgov::monitoring
