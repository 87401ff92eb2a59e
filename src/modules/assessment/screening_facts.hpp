// Turns what the other modules know about a substance into the screening engine's facts
// (engines/screening/facts.hpp): the hazard module's selected values, ecotoxicity endpoints and
// classifications; list memberships; the survey's city totals and use categories; monitoring's
// detection aggregates and the PNEC of an assessment. Every fact keeps its provenance; what a
// module does not know stays absent (a data gap), never a default. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engines/screening/facts.hpp"
#include "modules/hazard/profile.hpp"
#include "modules/monitoring/substance_detections.hpp"
#include "modules/survey/substance_totals.hpp"

namespace npgov::assessment {

// A list entry the substance falls under (list_memberships.hpp), and why.
struct Membership {
    std::string list_id, edition, entry_key, entry_name_zh, entry_name_en;
    std::string reason;  // "CAS 1763-23-1" or "structure pfas.pfos: …"
};

// The PNEC an assessment record adopted (assessment_records.hpp), for the detection dimension.
struct AdoptedPnec {
    double value_ug_per_l = 0;
    std::string method;  // "assessment_factor" | "ssd"
    std::string source;  // e.g. "assessment 12 v2 (reviewed), assessment factor 1000"
};

// Hazard facts from a profile: selected half-lives (water, marine water, sediment, marine
// sediment, soil), BCF and log Kow, each measured (source, year, Klimisch) or estimated
// (method and version); the lowest reliable (Klimisch 1–2) aquatic long-term NOEC/EC10 and
// short-term L(E)C50 in mg/L; CMR categories, endocrine disruption and PBT/vPvB/POP
// conclusions from the classifications; the list memberships.
screening::HazardFacts HazardFactsOf(const hazard::HazardProfile& profile, const std::vector<Membership>& lists);

// Volume from the survey year's totals: present with the tonnage handled when lines were
// reported; present with 0 when the substance was in a campaign's explicit scope but nobody
// reported it; absent otherwise (not surveyed).
std::optional<screening::VolumeFacts> VolumeFactsOf(const survey::SubstanceTotal* total, bool in_campaign_scope,
                                                    int year);

// Use categories as reported, absent when none were.
std::optional<screening::UseFacts> UseFactsOf(const survey::SubstanceTotal* total, int year);

// Detection facts from the substance's aggregates (one per medium). Water is preferred — the
// PNEC is aquatic, so only there is the highest concentration compared with it; else the medium
// with the most samples. The other media are named in the source text. Absent when never
// monitored.
std::optional<screening::DetectionFacts> DetectionFactsOf(const std::vector<const monitoring::SubstanceDetection*>& media,
                                                          const std::optional<AdoptedPnec>& pnec);

}  // namespace npgov::assessment
