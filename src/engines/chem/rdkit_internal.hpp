// Internal to the chem engine (never included outside src/engines/chem): the RDKit objects
// behind Molecule and SmartsPattern, and the one-time RDKit set-up. RDKit types are only
// forward-declared here; the .cpp files include RDKit itself.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engines/chem/molecule.hpp"
#include "engines/chem/smarts.hpp"

namespace RDKit {
class ROMol;
}  // namespace RDKit

namespace npgov::chem {

// Atoms per atomic number (graph atoms only, implicit hydrogens not counted), for SMARTS
// pre-screening.
using ElementAtoms = std::array<std::uint16_t, 128>;

struct Molecule::Impl {
    std::shared_ptr<const RDKit::ROMol> mol;  // sanitised, hydrogens implicit, never mutated
    ElementAtoms element_atoms{};
    int components = 1;
    // The largest organic fragment and, for each of its atoms, the index in `mol`. Null when
    // the molecule has one component (the fragment is the molecule itself).
    std::shared_ptr<const Impl> largest_fragment;
    std::vector<int> largest_fragment_atoms;
};

struct SmartsPattern::Impl {
    std::shared_ptr<const RDKit::ROMol> query;
    std::string text;
    // (atomic number, n): the query has n atoms that can only match that element, so a molecule
    // with fewer such atoms cannot match (each query atom matches a different molecule atom).
    std::vector<std::pair<int, int>> required_elements;
};

// Counts the atoms of each element in `mol`.
ElementAtoms CountElementAtoms(const RDKit::ROMol& mol);

struct MoleculeAccess {
    static Molecule Wrap(std::shared_ptr<const Molecule::Impl> impl) {
        return Molecule(std::move(impl));
    }
};

// Turns RDKit's process-wide logging off (once): bad input is reported through Result, and a
// batch of bad SMILES must not flood stderr.
void SilenceRdkitLogs();

// Builds the Impl of a sanitised molecule (components, largest organic fragment).
std::shared_ptr<const Molecule::Impl> MakeImpl(std::unique_ptr<RDKit::ROMol> mol);

}  // namespace npgov::chem
