// D values (mol/(Pa·h)) of the Level III model: reaction, advection and intermedia transport
// between bulk air, water, soil and sediment, as in the EQC model (Mackay et al. 1996,
// Environ. Toxicol. Chem. 15:1627) and Mackay (2001) ch. 7:
//   reaction       D_R = k·V·Z_bulk, k = ln 2 / t½;  advection D_A = (V/τ)·Z_bulk (air, water);
//   burial         D_B = U_burial·A_water·Z_sediment_solids (an advective loss of sediment);
//   air→water      D_VW + D_RW + D_QW: two-film diffusion 1/D_VW = 1/(k_a A Z_A) + 1/(k_w A Z_W),
//                  rain dissolution U_R A Z_W, wet + dry aerosol deposition (U_R Q + U_Q) A v_Q Z_Q;
//   water→air      D_VW;
//   air→soil       D_VS + D_RS + D_QS, 1/D_VS = 1/(k_bl A Z_A) + 1/(k_sa A Z_A + k_sw A Z_W);
//   soil→air       D_VS;   soil→water  runoff U_w A Z_W + erosion U_s A Z_soil_solids;
//   water→sediment diffusion k_d A Z_W + deposition U_dep A Z_particles;
//   sediment→water diffusion k_d A Z_W + resuspension U_res A Z_sediment_solids.
// Pure.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "engines/fate/chemical.hpp"
#include "engines/fate/environment.hpp"
#include "engines/fate/partitioning.hpp"

namespace npgov::fate {

// One transport process between two compartments: its D value; the flow is D · f_from.
struct TransportProcess {
    Compartment from = Compartment::kAir;
    Compartment to = Compartment::kAir;
    std::string_view process;  // "diffusion", "rain dissolution", "aerosol deposition", "runoff",
                               // "erosion", "deposition", "resuspension"
    double d = 0;
};

struct DValues {
    std::array<double, 4> volume_m3{};       // indexed by Compartment
    std::array<double, 4> area_m2{};         // horizontal area of each compartment
    std::array<double, 4> rate_constant{};   // reaction, 1/h (after temperature correction)
    std::array<double, 4> reaction{};
    std::array<double, 4> advection{};       // air and water outflow; sediment burial; soil 0
    std::vector<TransportProcess> processes;  // intermedia, in a fixed order
    // Total intermedia D value from one compartment to another, [from][to].
    std::array<std::array<double, 4>, 4> transfer{};
};

// Expects validated inputs and their Partitioning.
DValues ComputeDValues(const Chemical& chemical, const Environment& environment, const Partitioning& partitioning,
                       const Level3Params& params = {});

}  // namespace npgov::fate
