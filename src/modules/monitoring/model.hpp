// The vocabulary of the monitoring module (action plan 二(二)): site types, sample media, result
// qualifiers, and the concentration units each medium may be reported in, with the one
// normalised unit per medium that statistics compare (ng/L for water, μg/kg for soil and
// sediment, ng/m³ for air). Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::monitoring {

enum class SiteType {
    kDrinkingWaterSource,  // 饮用水水源地
    kRiverSection,         // 河流断面
    kReservoir,            // 水库
    kGroundwaterWell,      // 地下水监测井
    kParkOutfall,          // 园区排口
    kParkSurroundings,     // 园区周边
    kWwtpInfluent,         // 污水处理厂进水
    kWwtpEffluent,         // 污水处理厂出水
    kSoil,                 // 土壤
    kSediment,             // 沉积物
    kAir,                  // 环境空气
};

// Every site type, in declaration order.
const std::vector<SiteType>& AllSiteTypes();
// "drinking_water_source", "river_section", … (stable API and storage names).
std::string_view ToString(SiteType type);
// Chinese label, e.g. "饮用水水源地".
std::string_view LabelZh(SiteType type);
// Accepts the API name or the Chinese label. kInvalidArgument "monitoring.site_type" (field "site_type").
Result<SiteType> ParseSiteType(std::string_view text);

enum class Medium { kWater, kSoil, kSediment, kAir };

std::string_view ToString(Medium medium);  // "water", "soil", "sediment", "air"
// Accepts the API name (any case) and Chinese: 水/水质/地表水/地下水/废水/污水, 土壤/土,
// 沉积物/底泥, 空气/大气/环境空气/废气. kInvalidArgument "monitoring.medium" (field "medium").
Result<Medium> ParseMedium(std::string_view text);

// The media a site of `type` is sampled in: water bodies (sources, rivers, reservoirs) in
// water and sediment; wells, outfalls and treatment plants in water; park surroundings in
// any medium; soil, sediment and air sites in their own.
bool SiteAllowsMedium(SiteType type, Medium medium);
// The medium assumed when a lab file has no medium column: the site's only or principal
// medium (water for water sites), nullopt for park surroundings (any medium).
std::optional<Medium> DefaultMedium(SiteType type);

// Detected: a quantified value. Below LOD / below LOQ: a non-detect, "<limit". Detected not
// quantified (DNQ): present above the LOD but below the LOQ. Its number, if the lab gives one,
// is stored, but the value is known only to lie below the LOQ, so statistics treat a DNQ as
// "<LOQ" (the left-censored reading of an interval [LOD, LOQ); the methods of the stats engine
// take left-censored data only).
enum class Qualifier { kDetected, kBelowLod, kBelowLoq, kDetectedNotQuantified };

std::string_view ToString(Qualifier qualifier);  // "detected", "lt_lod", "lt_loq", "dnq"
// kInvalidArgument "monitoring.qualifier" (field "qualifier").
Result<Qualifier> ParseQualifier(std::string_view text);
inline bool IsCensored(Qualifier q) { return q != Qualifier::kDetected; }

// What a concentration unit measures; each medium has one family.
enum class UnitFamily { kAqueous, kSolid, kAir };
UnitFamily FamilyOf(Medium medium);

struct ConcentrationUnit {
    std::string symbol;  // canonical, e.g. "μg/L", "mg/kg", "ng/m³"
    UnitFamily family = UnitFamily::kAqueous;
};

// Parses a unit as core ParseUnit does (ng/L μg/L mg/L ng/g μg/kg mg/kg and Chinese names), plus
// the air units pg/m³, ng/m³, μg/m³, mg/m³ ("m3" and "立方米" accepted). Errors
// (kInvalidArgument, field "unit"): ParseUnit's ("unit.missing", "unit.unknown");
// "monitoring.unit_not_concentration" for mass units (t, kg, g).
Result<ConcentrationUnit> ParseConcentrationUnit(std::string_view text);

// The unit statistics use for a medium: "ng/L", "μg/kg" or "ng/m³".
std::string_view NormalisedUnit(Medium medium);

// `value` in `unit` expressed in NormalisedUnit(medium) (powers of ten, exact for 1 ng/g =
// 1 μg/kg). kInvalidArgument "monitoring.unit_medium" (field "unit") when the unit does not
// fit the medium (e.g. mg/kg for water).
Result<double> Normalise(double value, const ConcentrationUnit& unit, Medium medium);

}  // namespace npgov::monitoring
