// What a structure is made of, for rules that go beyond substructures: atoms per element
// (implicit hydrogens included), mass fractions, rings and components, and the largest organic
// fragment of a salt or mixture. Atomic weights: RDKit's periodic table (IUPAC conventional
// values, e.g. C 12.011, H 1.008, Cl 35.453).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engines/chem/molecule.hpp"

namespace npgov::chem {

struct ElementCount {
    std::string symbol;        // "C", "Cl", …
    int count = 0;             // atoms of the element, implicit hydrogens included
    double atomic_weight = 0;  // g/mol
};

struct Composition {
    std::vector<ElementCount> elements;  // Hill order: C, H, then alphabetical (H first if no C)
    int heavy_atoms = 0;                 // atoms other than hydrogen
    double molecular_weight = 0;         // average, g/mol (sum of count × atomic weight)
    int components = 0;                  // disconnected fragments
    std::vector<int> ring_sizes;         // sizes of RDKit's symmetrised SSSR rings, ascending
    int multiple_bonds = 0;              // double, triple and aromatic bonds (0: saturated)
    int max_carbon_neighbours = 0;       // most carbons bonded to one carbon (<= 2: unbranched)

    // Atoms of `symbol` ("Cl"); 0 if absent.
    int Count(std::string_view symbol) const;
    // Mass of `symbol` over the molecular weight, in [0, 1]; 0 if absent or the weight is 0.
    double MassFraction(std::string_view symbol) const;
    bool acyclic() const { return ring_sizes.empty(); }
};

// Computes the composition of `molecule` (all components).
Composition ComputeComposition(const Molecule& molecule);

// A connected component of a molecule and where its atoms are in the parent.
struct Fragment {
    Molecule molecule;
    std::vector<int> parent_atoms;  // parent_atoms[i] = index in the parent of fragment atom i
};

// Returns the number of disconnected components (2 for "…[O-].[K+]").
int ComponentCount(const Molecule& molecule);

// Returns the largest organic fragment: among the components that contain carbon (all
// components if none does), the one with the most heavy atoms, then the highest molecular
// weight, then the first in input order (cf. RDKit MolStandardize LargestFragmentChooser with
// preferOrganic). A one-component molecule is its own fragment.
Fragment LargestOrganicFragment(const Molecule& molecule);

}  // namespace npgov::chem
