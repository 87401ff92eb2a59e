// Risk screening of chemical substances by the "four highs" of the action plan (section 二(三):
// high concern, high production/use volume, high environmental detection, dispersive use).
// Pure and deterministic: substance facts and parameters in, a ranked list out.
//
// Method (docs/screening.md):
//  1. Hazard: P, vP, B, vB, T against GB/T 24782-2009 (= REACH Annex XIII) thresholds, strict
//     as written ("> 40 d", "> 2000 L/kg", "< 0.01 mg/L"); ECHA R.11 screening information
//     when the definitive data are missing (ready biodegradability, log Kow, acute toxicity;
//     estimates count as screening); CMR (HJ 1229-2021), endocrine disruption, existing PBT /
//     vPvB / POP conclusions and list memberships. Hazard score = the highest score of the
//     rules that fire (parameter file).
//  2. Volume, detection (frequency, and highest concentration / PNEC) and dispersive use are
//     scored by bands and the use vocabulary of the parameter file.
//  3. A dimension with a blocking data gap is flagged and ranked with max(score, gap fill): a
//     substance without data never scores as a harmless one.
//  4. Action category in the style of the NORMAN prioritisation framework (Dulio & von der Ohe
//     2013; Dulio et al. 2024): 1 manage, 2 monitor, 3 assess hazard, 4 improve analytics,
//     5 collect data, 6 low priority.
//  5. Rank by (category tier, total desc, CAS, id); tiers put "manage" first and "low priority"
//     after every category that lacks data.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/screening/facts.hpp"
#include "engines/screening/params.hpp"
#include "engines/screening/result.hpp"

namespace npgov::screening {

inline constexpr std::string_view kScreeningVersion = "1";

// Screens one substance (rank 0). Errors (kInvalidArgument, field names the substance and fact,
// e.g. "PFOS: hazard.bcf"): "screening.id_missing", "screening.not_finite" (a NaN or infinite
// value), "screening.negative" (a negative tonnage, count, half-life, BCF, NOEC, L(E)C50,
// concentration or PNEC; BCF, NOEC, L(E)C50 and PNEC must be > 0), "screening.counts" (detects
// > samples), "screening.unit" (a concentration not comparable with the PNEC),
// "screening.duplicate_medium" (two half-lives for one medium), "screening.provenance" (a fact
// without a source).
Result<ScreenedSubstance> ScreenOne(const SubstanceFacts& substance, const ScreeningParams& params);

// Screens every substance and ranks them. Errors: ScreenOne's (the first in input order), and
// "screening.duplicate_id" when two substances share an id.
Result<ScreeningResult> Screen(std::span<const SubstanceFacts> substances,
                               const ScreeningParams& params);

// Orders results of ScreenOne as Screen does (tier, total descending, CAS with empty last, id)
// and numbers them from 1. For callers that screen substances one by one (or in parallel).
void RankScreened(std::vector<ScreenedSubstance>& screened);

}  // namespace npgov::screening
