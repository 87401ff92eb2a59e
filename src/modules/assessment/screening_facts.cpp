#include "modules/assessment/screening_facts.hpp"

#include <algorithm>
#include <cstdio>

#include "modules/assessment/number_text.hpp"

namespace npgov::assessment {
namespace {

using screening::Fact;
using screening::Origin;
using screening::Provenance;

screening::Qualifier QualifierOf(hazard::Qualifier q) {
    switch (q) {
        case hazard::Qualifier::kLess:
        case hazard::Qualifier::kLessOrEqual:
            return screening::Qualifier::kLessThan;
        case hazard::Qualifier::kGreater:
        case hazard::Qualifier::kGreaterOrEqual:
            return screening::Qualifier::kGreaterThan;
        case hazard::Qualifier::kEqual:
            break;
    }
    return screening::Qualifier::kEqual;
}

std::string Citation(const std::string& source, const std::optional<int>& year) {
    return year ? source + " (" + std::to_string(*year) + ")" : source;
}

// The provenance of a selected property value: a study, or an estimation method.
Provenance ProvenanceOf(const hazard::PropertyValue& v) {
    Provenance p;
    if (v.measured()) {
        p.origin = Origin::kMeasured;
        p.source = Citation(v.entry.source, v.entry.source_year);
        if (v.entry.reliability) p.note = "Klimisch " + std::to_string(*v.entry.reliability);
        if (!v.entry.method.empty()) p.note += (p.note.empty() ? "" : "; ") + v.entry.method;
    } else {
        p.origin = Origin::kEstimated;
        p.source = v.entry.method + (v.entry.method_version.empty() ? "" : " " + v.entry.method_version);
        p.note = v.computed() ? "computed by npgov" : v.entry.source;
        if (!v.entry.inputs.empty()) p.note += (p.note.empty() ? "" : " from ") + v.entry.inputs;
    }
    if (p.source.empty()) p.source = v.measured() ? "measured (no source given)" : "estimated (no method given)";
    return p;
}

std::optional<Fact> FactOf(const hazard::HazardProfile& profile, hazard::PropertyKind kind) {
    const hazard::PropertyValue* v = profile.selected(kind);
    if (!v) return std::nullopt;
    return Fact{v->normalised, QualifierOf(v->entry.qualifier), ProvenanceOf(*v)};
}

bool Aquatic(const hazard::EcotoxRecord& r) {
    const auto c = r.entry.compartment.value_or(hazard::Compartment::kFreshwater);
    return (c == hazard::Compartment::kFreshwater || c == hazard::Compartment::kMarine) && r.normalised_unit == "mg/L";
}

// The lowest reliable (Klimisch 1–2) aquatic value among `endpoints` of `exposure`, in mg/L.
// Bounds ("> 100 mg/L") take part with their number; the qualifier travels with the fact.
std::optional<Fact> LowestEcotox(const hazard::HazardProfile& profile, hazard::Exposure exposure,
                                 std::initializer_list<hazard::Endpoint> endpoints) {
    const hazard::EcotoxRecord* best = nullptr;
    for (const auto& r : profile.ecotox) {
        if (r.entry.exposure != exposure || !Aquatic(r) || r.entry.reliability < 1 || r.entry.reliability > 2) continue;
        if (std::find(endpoints.begin(), endpoints.end(), r.entry.endpoint) == endpoints.end()) continue;
        if (!best || r.normalised < best->normalised) best = &r;
    }
    if (!best) return std::nullopt;
    Provenance p;
    p.origin = Origin::kMeasured;
    p.source = Citation(best->entry.source, best->entry.source_year);
    p.note = best->entry.species + ", " + std::string(ToString(best->entry.endpoint)) + " " +
             FormatNumber(best->duration_hours) + " h, Klimisch " + std::to_string(best->entry.reliability) +
             (best->entry.guideline.empty() ? "" : ", " + best->entry.guideline);
    return Fact{best->normalised, QualifierOf(best->entry.qualifier), p};
}

std::string Sources(const std::vector<const hazard::ClassificationRecord*>& records) {
    std::string out;
    for (const auto* r : records) {
        const std::string s = Citation(r->entry.source, r->entry.source_year);
        if (out.find(s) == std::string::npos) out += (out.empty() ? "" : "; ") + s;
    }
    return out;
}

// The most severe CMR category among the records of one kind: 1A, then 1B, then 2.
screening::CmrCategory CmrOf(const std::vector<const hazard::ClassificationRecord*>& records) {
    auto rank = [](const std::string& c) { return c == "1A" ? 3 : c == "1B" ? 2 : c == "2" ? 1 : 0; };
    int best = 0;
    for (const auto* r : records) best = std::max(best, rank(r->entry.category));
    switch (best) {
        case 3: return screening::CmrCategory::k1A;
        case 2: return screening::CmrCategory::k1B;
        case 1: return screening::CmrCategory::k2;
        default: return screening::CmrCategory::kNotClassified;
    }
}

std::string MediumText(monitoring::Medium medium) { return std::string(monitoring::ToString(medium)); }

// A normalised monitoring value as a quantity, when the core units know the medium's unit
// (water ng/L, soil and sediment μg/kg; air ng/m³ is not a core unit).
std::optional<Quantity> QuantityOf(const std::optional<double>& value, const std::string& unit) {
    if (!value) return std::nullopt;
    auto parsed = ParseUnit(unit);
    if (!parsed) return std::nullopt;
    return Quantity{*value, *parsed};
}

}  // namespace

screening::HazardFacts HazardFactsOf(const hazard::HazardProfile& profile, const std::vector<Membership>& lists) {
    screening::HazardFacts h;
    using K = hazard::PropertyKind;
    using M = screening::Medium;
    for (auto [kind, medium] : {std::pair{K::kHalfLifeWater, M::kFreshWater}, std::pair{K::kHalfLifeMarineWater, M::kMarineWater},
                                std::pair{K::kHalfLifeSediment, M::kFreshSediment},
                                std::pair{K::kHalfLifeMarineSediment, M::kMarineSediment}, std::pair{K::kHalfLifeSoil, M::kSoil}}) {
        if (auto fact = FactOf(profile, kind)) h.half_lives.push_back({medium, *fact});
    }
    h.bcf = FactOf(profile, K::kBcf);
    h.log_kow = FactOf(profile, K::kLogKow);
    h.chronic_noec = LowestEcotox(profile, hazard::Exposure::kChronic, {hazard::Endpoint::kNoec, hazard::Endpoint::kEc10});
    h.acute_lc50 = LowestEcotox(profile, hazard::Exposure::kAcute, {hazard::Endpoint::kEc50, hazard::Endpoint::kLc50});

    using C = hazard::ClassificationKind;
    const auto carc = profile.classified(C::kCarcinogenic);
    const auto muta = profile.classified(C::kMutagenic);
    const auto repr = profile.classified(C::kReproductive);
    if (!carc.empty() || !muta.empty() || !repr.empty()) {
        screening::Classification c;
        c.carcinogenicity = CmrOf(carc);
        c.mutagenicity = CmrOf(muta);
        c.reproductive = CmrOf(repr);
        std::vector<const hazard::ClassificationRecord*> all(carc);
        all.insert(all.end(), muta.begin(), muta.end());
        all.insert(all.end(), repr.begin(), repr.end());
        c.provenance = {Origin::kRegulatory, Sources(all),
                        "hazard classes without a record are read as not classified by the source(s)"};
        h.classification = c;
    }
    if (const auto ed = profile.classified(C::kEndocrineDisruptor); !ed.empty()) {
        const bool known = std::any_of(ed.begin(), ed.end(), [](const auto* r) { return r->entry.category == "known"; });
        const bool suspected = std::any_of(ed.begin(), ed.end(), [](const auto* r) { return r->entry.category == "suspected"; });
        screening::EndocrineFact e;
        e.status = known ? screening::EdStatus::kKnown : suspected ? screening::EdStatus::kSuspected : screening::EdStatus::kNotEd;
        e.provenance = {Origin::kRegulatory, Sources(ed), ""};
        h.endocrine = e;
    }
    for (auto [kind, conclusion] : {std::pair{C::kPbt, screening::ConclusionKind::kPbt},
                                    std::pair{C::kVpvb, screening::ConclusionKind::kVpvb},
                                    std::pair{C::kPop, screening::ConclusionKind::kPop}}) {
        std::vector<const hazard::ClassificationRecord*> positive;
        for (const auto* r : profile.classified(kind)) {
            if (r->entry.category != "no") positive.push_back(r);
        }
        if (positive.empty()) continue;
        std::string note;
        if (kind == C::kPop) {
            for (const auto* r : positive) note += (note.empty() ? "" : ", ") + r->entry.category;
        }
        h.conclusions.push_back({conclusion, {Origin::kRegulatory, Sources(positive), note}});
    }
    for (const auto& m : lists) {
        const bool seen = std::any_of(h.lists.begin(), h.lists.end(), [&](const screening::ListMembership& l) {
            return l.list_id == m.list_id && l.entry == m.entry_key;
        });
        if (!seen) h.lists.push_back({m.list_id, m.edition, m.entry_key});
    }
    return h;
}

std::optional<screening::VolumeFacts> VolumeFactsOf(const survey::SubstanceTotal* total, bool in_campaign_scope, int year) {
    if (!total && !in_campaign_scope) return std::nullopt;
    screening::VolumeFacts v;
    v.year = year;
    if (!total) {
        v.source = "survey " + std::to_string(year) + ": in a campaign's substance scope, no approved line reports it";
        return v;
    }
    v.tonnes_per_year = total->handled;
    v.enterprises = static_cast<int>(total->enterprises);
    std::string tiers;
    for (const auto& t : total->tiers) tiers += (tiers.empty() ? "" : "+") + t;
    v.source = "survey " + std::to_string(year) + " " + tiers + ", approved lines: " + std::to_string(total->lines) +
               " line(s), Σ per enterprise max(produce + import, process + use)";
    if (total->confidential_lines > 0) {
        v.source += "; " + std::to_string(total->confidential_lines) + " confidential line(s) included";
    }
    return v;
}

std::optional<screening::UseFacts> UseFactsOf(const survey::SubstanceTotal* total, int year) {
    if (!total || total->uses.empty()) return std::nullopt;
    screening::UseFacts u;
    std::string counts;
    for (const auto& use : total->uses) {
        u.categories.push_back(use.term);
        counts += (counts.empty() ? "" : ", ") + use.term + " ×" + std::to_string(use.enterprises);
    }
    u.source = "survey " + std::to_string(year) + ", approved lines (enterprises per use: " + counts + ")";
    return u;
}

std::optional<screening::DetectionFacts> DetectionFactsOf(const std::vector<const monitoring::SubstanceDetection*>& media,
                                                          const std::optional<AdoptedPnec>& pnec) {
    const monitoring::SubstanceDetection* chosen = nullptr;
    for (const auto* d : media) {
        if (d->samples == 0) continue;
        const bool water = d->medium == monitoring::Medium::kWater;
        if (!chosen || (water && chosen->medium != monitoring::Medium::kWater) ||
            (water == (chosen->medium == monitoring::Medium::kWater) && d->samples > chosen->samples)) {
            chosen = d;
        }
    }
    if (!chosen) return std::nullopt;
    screening::DetectionFacts f;
    f.medium = MediumText(chosen->medium);
    f.samples = static_cast<long>(chosen->samples);
    f.detects = static_cast<long>(chosen->detects);
    f.max_detected = QuantityOf(chosen->max_detected, chosen->unit);
    f.max_nondetect_limit = QuantityOf(chosen->max_nondetect_limit, chosen->unit);
    f.source = "monitoring " + chosen->first_date + "…" + chosen->last_date + ", " + std::to_string(chosen->sites) +
               " site(s), " + f.medium + (chosen->synthetic ? " (synthetic demo data)" : "");
    for (const auto* d : media) {
        if (d == chosen || d->samples == 0) continue;
        f.source += "; also " + MediumText(d->medium) + ": " + std::to_string(d->detects) + "/" + std::to_string(d->samples) +
                    " detected";
    }
    if (pnec && chosen->medium == monitoring::Medium::kWater) {
        f.pnec = screening::PnecFact{Quantity{pnec->value_ug_per_l, Unit::kMicrogramPerLitre},
                                     Provenance{Origin::kDerived, pnec->source, pnec->method}};
    }
    return f;
}

}  // namespace npgov::assessment
