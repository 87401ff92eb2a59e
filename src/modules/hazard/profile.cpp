#include "modules/hazard/profile.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace npgov::hazard {
namespace {

std::string Format(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

// The basis of a value used as an estimate's input: where it came from, in one line.
std::string BasisOf(const PropertyValue& v) {
    if (v.computed()) return "estimated: " + v.entry.method + " (npgov)";
    if (!v.measured()) return "estimated: " + v.entry.method + " " + v.entry.method_version;
    std::string out = "measured: " + v.entry.source;
    if (v.entry.source_year) out += " (" + std::to_string(*v.entry.source_year) + ")";
    if (v.entry.reliability) out += ", Klimisch " + std::to_string(*v.entry.reliability);
    return out;
}

EstimateInput InputFrom(const PropertyValue& v) {
    return EstimateInput{std::string(ToString(v.entry.property)), v.normalised,
                         std::string(CanonicalUnit(v.entry.property)), BasisOf(v), v.entry.temperature_c};
}

// A computed estimate as a property value that the selection can rank (only if it has a value).
std::optional<PropertyValue> AsValue(std::int64_t substance_id, const Estimate& e) {
    if (!e.value) return std::nullopt;
    PropertyValue v;
    v.substance_id = substance_id;
    v.entry.property = e.property;
    v.entry.value = *e.value;
    v.entry.unit = std::string(CanonicalUnit(e.property));
    v.entry.temperature_c = e.temperature_c;
    v.entry.provenance = Provenance::kEstimated;
    v.entry.source = e.citation;
    v.entry.method = e.method;
    v.entry.method_version = e.method_version;
    std::string inputs;
    for (const auto& in : e.inputs) {
        inputs += (inputs.empty() ? "" : "; ") + in.name + " = " + Format(in.value) +
                  (in.unit.empty() ? "" : " " + in.unit) + " (" + in.basis + ")";
    }
    v.entry.inputs = inputs;
    v.normalised = *e.value;
    v.estimate = e;
    return v;
}

}  // namespace

const PropertySelection& HazardProfile::property(PropertyKind kind) const {
    for (const auto& p : properties) {
        if (p.property == kind) return p;
    }
    NPGOV_CHECK(false);  // BuildProfile makes one per kind
    return properties.front();
}

const PropertyValue* HazardProfile::selected(PropertyKind kind) const { return property(kind).selected(); }

std::vector<PropertyKind> HazardProfile::gaps() const {
    std::vector<PropertyKind> out;
    for (const auto& p : properties) {
        if (!p.selected()) out.push_back(p.property);
    }
    return out;
}

std::vector<const ClassificationRecord*> HazardProfile::classified(ClassificationKind kind) const {
    std::vector<const ClassificationRecord*> out;
    for (const auto& c : classifications) {
        if (c.entry.kind == kind) out.push_back(&c);
    }
    return out;
}

HazardProfile BuildProfile(std::int64_t substance_id, std::vector<PropertyValue> stored,
                           const std::optional<StructureFacts>& facts, std::vector<EcotoxRecord> ecotox,
                           std::vector<ClassificationRecord> classifications) {
    HazardProfile profile;
    profile.substance_id = substance_id;
    profile.selection_version = std::string(kSelectionVersion);
    profile.estimates_version = std::string(kEstimatesVersion);
    std::map<PropertyKind, std::vector<PropertyValue>> by_kind;
    for (auto& v : stored) {
        if (v.substance_id == substance_id) by_kind[v.entry.property].push_back(std::move(v));
    }
    std::map<PropertyKind, PropertySelection> selections;
    const StructureFacts no_facts;
    const StructureFacts& f = facts ? *facts : no_facts;

    auto add_estimate = [&](Estimate e) {
        if (auto v = AsValue(substance_id, e)) by_kind[e.property].push_back(std::move(*v));
        profile.estimates.push_back(std::move(e));
    };
    auto select = [&](PropertyKind kind) -> const PropertyValue* {
        auto [it, inserted] = selections.emplace(kind, SelectValue(kind, by_kind[kind]));
        return it->second.selected();
    };

    if (facts) {
        add_estimate(EstimateMolarMass(f));
        add_estimate(EstimateLogKow(f));
    }
    const PropertyValue* molar_mass = select(PropertyKind::kMolarMass);
    const PropertyValue* log_kow = select(PropertyKind::kLogKow);
    std::optional<EstimateInput> log_kow_in;
    if (log_kow) log_kow_in = InputFrom(*log_kow);
    add_estimate(EstimateBcf(log_kow_in, f));
    add_estimate(EstimateKoc(log_kow_in, f));
    select(PropertyKind::kBcf);
    select(PropertyKind::kKoc);
    const PropertyValue* vp = select(PropertyKind::kVapourPressure);
    const PropertyValue* ws = select(PropertyKind::kWaterSolubility);
    std::optional<EstimateInput> vp_in, ws_in, mm_in;
    if (vp && vp->measured()) vp_in = InputFrom(*vp);
    if (ws && ws->measured()) ws_in = InputFrom(*ws);
    if (molar_mass) mm_in = InputFrom(*molar_mass);
    add_estimate(EstimateHenry(vp_in, ws_in, mm_in, f));

    for (PropertyKind kind : AllProperties()) {
        auto it = selections.find(kind);
        if (it == selections.end() || kind == PropertyKind::kHenry) {
            profile.properties.push_back(SelectValue(kind, by_kind[kind]));
        } else {
            profile.properties.push_back(std::move(it->second));
        }
    }

    std::sort(ecotox.begin(), ecotox.end(), [](const EcotoxRecord& a, const EcotoxRecord& b) {
        auto key = [](const EcotoxRecord& r) {
            return std::tuple(static_cast<int>(r.entry.taxon_group), r.entry.species, static_cast<int>(r.entry.endpoint),
                              r.duration_hours, r.id);
        };
        return key(a) < key(b);
    });
    std::sort(classifications.begin(), classifications.end(),
              [](const ClassificationRecord& a, const ClassificationRecord& b) {
                  auto key = [](const ClassificationRecord& r) {
                      return std::tuple(static_cast<int>(r.entry.kind), -r.entry.source_year.value_or(0), r.id);
                  };
                  return key(a) < key(b);
              });
    profile.ecotox = std::move(ecotox);
    profile.classifications = std::move(classifications);
    return profile;
}

}  // namespace npgov::hazard
