#include "engines/assess/species_values.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/error.hpp"

namespace npgov::assess {

double GeometricMean(std::span<const double> values) {
    NPGOV_CHECK(!values.empty());
    long double sum = 0;
    for (double v : values) {
        NPGOV_CHECK(v > 0);
        sum += std::log(static_cast<long double>(v));
    }
    return static_cast<double>(std::exp(sum / static_cast<long double>(values.size())));
}

std::vector<SpeciesValue> ComputeSpeciesValues(std::span<const EcotoxRecord> records, Exposure exposure) {
    const EndpointKind kind = exposure == Exposure::kShortTerm ? EndpointKind::kMedianEffect : EndpointKind::kNoEffect;
    std::vector<SpeciesValue> out;
    std::map<std::string, std::size_t> index;  // species key → position in out
    for (const EcotoxRecord& r : records) {
        if (r.excluded || r.exposure != exposure || r.endpoint_kind != kind) continue;
        auto [it, inserted] = index.try_emplace(r.species_key, out.size());
        if (inserted) {
            SpeciesValue s;
            s.species = r.species;
            s.taxon_group = r.taxon_group;
            s.trophic_level = r.trophic_level;
            s.in_ssd = r.in_ssd;
            s.exposure = exposure;
            out.push_back(std::move(s));
        }
        SpeciesValue& s = out[it->second];
        auto e = std::find_if(s.endpoints.begin(), s.endpoints.end(), [&](const EndpointMean& m) { return m.endpoint == r.endpoint; });
        if (e == s.endpoints.end()) {
            s.endpoints.push_back({r.endpoint, 0, {}, {}});
            e = s.endpoints.end() - 1;
        }
        e->values_ug_per_l.push_back(r.value_ug_per_l);
        e->rows.push_back(r.row);
    }
    for (SpeciesValue& s : out) {
        for (EndpointMean& e : s.endpoints) e.geometric_mean_ug_per_l = GeometricMean(e.values_ug_per_l);
        std::stable_sort(s.endpoints.begin(), s.endpoints.end(), [](const EndpointMean& a, const EndpointMean& b) {
            return a.geometric_mean_ug_per_l < b.geometric_mean_ug_per_l;
        });
        s.value_ug_per_l = s.endpoints.front().geometric_mean_ug_per_l;
        s.endpoint = s.endpoints.front().endpoint;
    }
    return out;
}

}  // namespace npgov::assess
