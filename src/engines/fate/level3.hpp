// Mackay Level III fugacity model: steady state, no equilibrium between media, four bulk
// compartments (air, water, soil, sediment) of an evaluative or regional environment, as in the
// EQC model (Mackay, Di Guardo, Paterson & Cowan 1996, Environ. Toxicol. Chem. 15:1627-1637)
// and Mackay (2001) Multimedia Environmental Models, 2nd ed., ch. 7. Mass balance per compartment:
//   air      E_A + f_W D_WA + f_S D_SA           = f_A (D_RA + D_AA + D_AW + D_AS)
//   water    E_W + f_A D_AW + f_S D_SW + f_D D_DW = f_W (D_RW + D_AW' + D_WA + D_WD)
//   soil     E_S + f_A D_AS                       = f_S (D_RS + D_SA + D_SW)
//   sediment f_W D_WD                             = f_D (D_RD + D_B + D_DW)
// solved by Mackay's elimination (soil and sediment into water, water into air), rearranged so
// that every term is a sum of non-negative D values: no cancellation however fast the exchange.
// Pure; deterministic.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/fate/chemical.hpp"
#include "engines/fate/environment.hpp"
#include "engines/fate/partitioning.hpp"
#include "engines/fate/transport.hpp"

namespace npgov::fate {

inline constexpr std::string_view kLevel3Version = "1";
inline constexpr std::string_view kLevel3Method = "mackay-level-iii (EQC, four bulk compartments)";
inline constexpr std::string_view kLevel3Citation =
    "Mackay D, Di Guardo A, Paterson S, Cowan CE (1996) Environ Toxicol Chem 15:1627-1637; "
    "Mackay D (2001) Multimedia Environmental Models: The Fugacity Approach, 2nd ed., ch. 7";

struct CompartmentResult {
    Compartment compartment = Compartment::kAir;
    double volume_m3 = 0;
    double z_bulk = 0;                  // mol/(m3·Pa)
    double fugacity_pa = 0;
    double concentration_mol_m3 = 0;    // bulk
    double concentration_g_m3 = 0;      // bulk
    // The usual reporting unit: air ng/m3, water ng/L (bulk, dissolved + particles + fish),
    // soil and sediment µg/kg dry weight (all chemical in the bulk compartment per kg solids).
    double pec = 0;
    std::string_view pec_unit;
    double amount_mol = 0, amount_kg = 0, percent = 0;
    double emission_kg_h = 0;
    double rate_constant_per_h = 0;
    double d_reaction = 0, d_advection = 0;
    double reaction_kg_h = 0, advection_kg_h = 0;
    // Phases: air gas-phase share and aerosol share of the amount; water dissolved ng/L,
    // suspended particles and fish µg/kg (wet); soil and sediment sorbed µg/kg solids.
    double fraction_in_aerosol = 0;     // air
    double dissolved_ng_l = 0;          // water
    double particles_ug_kg = 0;         // water: suspended particles
    double fish_ug_kg = 0;              // water: fish, wet weight
    double sorbed_ug_kg = 0;            // soil, sediment: on solids
};

struct TransferResult {
    Compartment from = Compartment::kAir;
    Compartment to = Compartment::kAir;
    std::string_view process;
    double d = 0;
    double rate_kg_h = 0;
};

struct Level3Result {
    std::string_view method = kLevel3Method, version = kLevel3Version, citation = kLevel3Citation;
    std::string environment_id, environment_version;
    PartitionCoefficients k;
    ZValues z;
    std::array<CompartmentResult, 4> compartments;  // indexed by Compartment
    std::vector<TransferResult> transfers;          // every process, in DValues order
    std::array<std::array<double, 4>, 4> transfer_kg_h{};  // totals [from][to]
    double total_emission_kg_h = 0;
    double total_amount_kg = 0;
    double total_reaction_kg_h = 0, total_advection_kg_h = 0;
    double residence_time_h = 0;          // total amount / total emission
    double reaction_persistence_h = 0;    // total amount / total reaction (inf if none)
    double advection_persistence_h = 0;   // total amount / total advection (inf if none)
    double mass_balance_residual = 0;     // |emission − losses| / emission
    std::vector<std::string> notes;
};

// Returns kInvalidArgument "fate.input.range" naming the field (e.g. "chemical.half_lives_h.air")
// for a non-positive molar mass, solubility, vapour pressure, Henry or half-life, a non-finite
// value, a negative emission or all emissions zero.
Status ValidateLevel3Input(const Level3Input& input);

// Validates input and environment, then solves. Errors: those of the validators;
// kFailedPrecondition "fate.no_steady_state" when a compartment receives chemical but has no
// loss at all (no reaction, advection or transfer out), so that it would fill without end.
Result<Level3Result> ComputeLevel3(const Level3Input& input, const Environment& environment,
                                   const Level3Params& params = {});

}  // namespace npgov::fate
