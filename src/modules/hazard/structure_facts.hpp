// What the estimates need to know about a registered structure, computed once per structure by
// the chemistry engine: components, carbon, ionisable groups (a screening list of SMARTS, not a
// pKa prediction) and perfluoroalkyl chains. StructureFactsCache keeps them per canonical SMILES.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "modules/hazard/estimates.hpp"

namespace npgov::hazard {

// The ionisable groups looked for (name_en, name_zh, SMARTS), in the order reported:
//   carboxylic acid/carboxylate, sulfonic acid/sulfonate, phosphonic/phosphoric acid,
//   acidic sulfonamide N–H (N-aryl or perfluoroalkyl sulfonamides, pKa ≈ 5–7),
//   2,4,6-trihalophenol (e.g. pentachlorophenol, pKa ≈ 4.7), aliphatic amine (protonated at
//   pH 7), charged atom (other than in nitro groups and N-oxides).
// Perfluoroalkyl: CF3–CF2– or longer (C(F)(F)(F)C(F)(F)).
//
// Computes the facts of `smiles` with the registry's stored descriptors of the same structure.
// An empty SMILES gives has_structure = false. Errors: those of chem::Molecule::FromSmiles.
Result<StructureFacts> ComputeStructureFacts(std::string_view smiles, std::optional<double> crippen_logp,
                                             std::optional<double> molecular_weight);

// ComputeStructureFacts, remembered per SMILES (thread-safe; grows with the registry).
class StructureFactsCache {
public:
    Result<StructureFacts> Find(std::string_view smiles, std::optional<double> crippen_logp,
                                std::optional<double> molecular_weight);

private:
    std::mutex mutex_;
    std::map<std::string, StructureFacts, std::less<>> facts_;
};

}  // namespace npgov::hazard
