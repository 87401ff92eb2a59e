// Stable names of the screening enums: the parameter file, JSON output and tests use them.
#include "engines/screening/result.hpp"

namespace npgov::screening {

std::string_view ToString(Origin origin) {
    switch (origin) {
        case Origin::kMeasured: return "measured";
        case Origin::kEstimated: return "estimated";
        case Origin::kRegulatory: return "regulatory";
        case Origin::kReported: return "reported";
        case Origin::kDerived: return "derived";
    }
    return "?";
}

std::string_view ToString(Qualifier qualifier) {
    switch (qualifier) {
        case Qualifier::kEqual: return "=";
        case Qualifier::kGreaterThan: return ">";
        case Qualifier::kLessThan: return "<";
    }
    return "?";
}

std::string_view ToString(Medium medium) {
    switch (medium) {
        case Medium::kMarineWater: return "marine_water";
        case Medium::kFreshWater: return "fresh_water";
        case Medium::kMarineSediment: return "marine_sediment";
        case Medium::kFreshSediment: return "fresh_sediment";
        case Medium::kSoil: return "soil";
    }
    return "?";
}

std::string_view ToString(CmrCategory category) {
    switch (category) {
        case CmrCategory::kNotClassified: return "not classified";
        case CmrCategory::k1A: return "1A";
        case CmrCategory::k1B: return "1B";
        case CmrCategory::k2: return "2";
    }
    return "?";
}

std::string_view ToString(StotReCategory category) {
    switch (category) {
        case StotReCategory::kNotClassified: return "not classified";
        case StotReCategory::k1: return "1";
        case StotReCategory::k2: return "2";
    }
    return "?";
}

std::string_view ToString(EdStatus status) {
    switch (status) {
        case EdStatus::kNotEd: return "not ED";
        case EdStatus::kSuspected: return "suspected ED";
        case EdStatus::kKnown: return "known ED";
    }
    return "?";
}

std::string_view ToString(ConclusionKind kind) {
    switch (kind) {
        case ConclusionKind::kPbt: return "PBT";
        case ConclusionKind::kVpvb: return "vPvB";
        case ConclusionKind::kPop: return "POP";
    }
    return "?";
}

std::string_view ToString(HazardCondition condition) {
    switch (condition) {
        case HazardCondition::kPbt: return "pbt";
        case HazardCondition::kVpvb: return "vpvb";
        case HazardCondition::kPop: return "pop";
        case HazardCondition::kSuspectedPbt: return "suspected_pbt";
        case HazardCondition::kSuspectedVpvb: return "suspected_vpvb";
        case HazardCondition::kCmr: return "cmr";
        case HazardCondition::kEdKnown: return "ed_known";
        case HazardCondition::kEdSuspected: return "ed_suspected";
        case HazardCondition::kTwoOfPbt: return "two_of_pbt";
        case HazardCondition::kT: return "t";
        case HazardCondition::kP: return "p";
        case HazardCondition::kB: return "b";
        case HazardCondition::kSuspectedProperty: return "suspected_property";
    }
    return "?";
}

std::string_view ToString(ActionCategory category) {
    switch (category) {
        case ActionCategory::kManage: return "manage";
        case ActionCategory::kMonitor: return "monitor";
        case ActionCategory::kAssessHazard: return "assess_hazard";
        case ActionCategory::kImproveAnalytics: return "improve_analytics";
        case ActionCategory::kCollectData: return "collect_data";
        case ActionCategory::kLowPriority: return "low_priority";
    }
    return "?";
}

std::string_view ToString(Verdict verdict) {
    switch (verdict) {
        case Verdict::kMet: return "met";
        case Verdict::kNotMet: return "not_met";
        case Verdict::kInconclusive: return "inconclusive";
        case Verdict::kScreeningMet: return "screening_met";
        case Verdict::kScreeningNotMet: return "screening_not_met";
        case Verdict::kScored: return "scored";
        case Verdict::kNoted: return "noted";
    }
    return "?";
}

std::string_view ToString(Property property) {
    switch (property) {
        case Property::kP: return "P";
        case Property::kVp: return "vP";
        case Property::kB: return "B";
        case Property::kVb: return "vB";
        case Property::kT: return "T";
    }
    return "?";
}

std::string_view ToString(Outcome outcome) {
    switch (outcome) {
        case Outcome::kMet: return "met";
        case Outcome::kSuspected: return "suspected";
        case Outcome::kNotMet: return "not_met";
        case Outcome::kUnknown: return "unknown";
    }
    return "?";
}

std::string_view ToString(Basis basis) {
    switch (basis) {
        case Basis::kCriteria: return "criteria";
        case Basis::kScreening: return "screening";
        case Basis::kConclusion: return "conclusion";
        case Basis::kNone: return "none";
    }
    return "?";
}

std::string_view ToString(Concern concern) {
    switch (concern) {
        case Concern::kHigh: return "high";
        case Concern::kSuspected: return "suspected";
        case Concern::kModerate: return "moderate";
        case Concern::kLow: return "low";
        case Concern::kUnknown: return "unknown";
    }
    return "?";
}

std::string_view ToString(ScoreDimension dimension) {
    switch (dimension) {
        case ScoreDimension::kHazard: return "hazard";
        case ScoreDimension::kVolume: return "volume";
        case ScoreDimension::kDetection: return "detection";
        case ScoreDimension::kDispersiveUse: return "dispersive_use";
    }
    return "?";
}

const PropertyFinding& HazardProfile::Find(Property property) const {
    return properties[static_cast<std::size_t>(property)];
}

const DimensionScore& ScreenedSubstance::Dimension(ScoreDimension dimension) const {
    return dimensions[static_cast<std::size_t>(dimension)];
}

}  // namespace npgov::screening
