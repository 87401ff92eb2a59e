#include "engines/chem/composition.hpp"

#include <GraphMol/GraphMol.h>
#include <GraphMol/PeriodicTable.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "engines/chem/rdkit_internal.hpp"

namespace npgov::chem {

int Composition::Count(std::string_view symbol) const {
    for (const ElementCount& e : elements) {
        if (e.symbol == symbol) return e.count;
    }
    return 0;
}

double Composition::MassFraction(std::string_view symbol) const {
    if (molecular_weight <= 0) return 0;
    for (const ElementCount& e : elements) {
        if (e.symbol == symbol) return e.count * e.atomic_weight / molecular_weight;
    }
    return 0;
}

Composition ComputeComposition(const Molecule& molecule) {
    const RDKit::ROMol& mol = *molecule.impl().mol;
    const RDKit::PeriodicTable* table = RDKit::PeriodicTable::getTable();
    std::map<int, int> by_number;  // atomic number -> count
    Composition out;
    for (const RDKit::Atom* atom : mol.atoms()) {
        const int z = atom->getAtomicNum();
        ++by_number[z];
        if (z != 1) ++out.heavy_atoms;
        const int hydrogens = static_cast<int>(atom->getTotalNumHs());
        if (hydrogens > 0) by_number[1] += hydrogens;
    }
    for (const auto& [z, count] : by_number) {
        ElementCount e;
        e.symbol = z == 0 ? "*" : table->getElementSymbol(z);
        e.count = count;
        e.atomic_weight = z == 0 ? 0.0 : table->getAtomicWeight(z);
        out.molecular_weight += e.count * e.atomic_weight;
        out.elements.push_back(std::move(e));
    }
    // Hill order: carbon first, hydrogen second (if there is carbon), then alphabetical.
    const bool has_carbon = by_number.count(6) > 0;
    auto rank = [has_carbon](const ElementCount& e) {
        if (e.symbol == "C") return 0;
        if (e.symbol == "H" && has_carbon) return 1;
        return 2;
    };
    std::sort(out.elements.begin(), out.elements.end(),
              [&](const ElementCount& a, const ElementCount& b) {
                  if (rank(a) != rank(b)) return rank(a) < rank(b);
                  return a.symbol < b.symbol;
              });
    out.components = molecule.impl().components;
    for (const RDKit::Bond* bond : mol.bonds()) {
        const auto type = bond->getBondType();
        if (type != RDKit::Bond::SINGLE && type != RDKit::Bond::ZERO &&
            type != RDKit::Bond::DATIVE && type != RDKit::Bond::DATIVEONE) {
            ++out.multiple_bonds;
        }
    }
    for (const RDKit::Atom* atom : mol.atoms()) {
        if (atom->getAtomicNum() != 6) continue;
        int carbons = 0;
        for (const RDKit::Atom* neighbour : mol.atomNeighbors(atom)) {
            if (neighbour->getAtomicNum() == 6) ++carbons;
        }
        out.max_carbon_neighbours = std::max(out.max_carbon_neighbours, carbons);
    }
    for (const auto& ring : mol.getRingInfo()->atomRings()) {
        out.ring_sizes.push_back(static_cast<int>(ring.size()));
    }
    std::sort(out.ring_sizes.begin(), out.ring_sizes.end());
    return out;
}

int ComponentCount(const Molecule& molecule) { return molecule.impl().components; }

Fragment LargestOrganicFragment(const Molecule& molecule) {
    const Molecule::Impl& impl = molecule.impl();
    if (impl.largest_fragment == nullptr) {
        std::vector<int> identity(static_cast<std::size_t>(molecule.atom_count()));
        std::iota(identity.begin(), identity.end(), 0);
        return Fragment{molecule, std::move(identity)};
    }
    return Fragment{MoleculeAccess::Wrap(impl.largest_fragment), impl.largest_fragment_atoms};
}

}  // namespace npgov::chem
