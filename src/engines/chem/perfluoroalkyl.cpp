#include "engines/chem/perfluoroalkyl.hpp"

#include <GraphMol/GraphMol.h>

#include <algorithm>

#include "engines/chem/rdkit_internal.hpp"

namespace npgov::chem {

std::optional<PerfluoroalkylGroup> FindPerfluoroalkylGroup(const Molecule& molecule,
                                                           int attachment, int attached_to) {
    const RDKit::ROMol& mol = *molecule.impl().mol;
    const int n = static_cast<int>(mol.getNumAtoms());
    if (attachment < 0 || attachment >= n || attached_to < 0 || attached_to >= n ||
        mol.getBondBetweenAtoms(attachment, attached_to) == nullptr) {
        return std::nullopt;
    }
    PerfluoroalkylGroup group;
    std::vector<char> in_group(static_cast<std::size_t>(n), 0);
    std::vector<int> parent(static_cast<std::size_t>(n), -1);
    std::vector<int> stack{attachment};
    in_group[static_cast<std::size_t>(attachment)] = 1;
    parent[static_cast<std::size_t>(attachment)] = attached_to;
    while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        const RDKit::Atom* atom = mol.getAtomWithIdx(static_cast<unsigned>(c));
        if (atom->getAtomicNum() != 6 || atom->getTotalNumHs() != 0 || atom->getDegree() != 4 ||
            atom->getHybridization() != RDKit::Atom::SP3 || atom->getFormalCharge() != 0) {
            return std::nullopt;
        }
        group.carbons.push_back(c);
        int children = 0;  // carbons of the group bonded to c, other than its parent
        for (const RDKit::Bond* bond : mol.atomBonds(atom)) {
            const int other = static_cast<int>(bond->getOtherAtomIdx(static_cast<unsigned>(c)));
            if (other == parent[static_cast<std::size_t>(c)]) {
                if (bond->getBondType() != RDKit::Bond::SINGLE) return std::nullopt;
                continue;
            }
            const RDKit::Atom* neighbour = mol.getAtomWithIdx(static_cast<unsigned>(other));
            if (bond->getBondType() != RDKit::Bond::SINGLE) return std::nullopt;
            if (neighbour->getAtomicNum() == 9) {
                group.fluorines.push_back(other);
            } else if (neighbour->getAtomicNum() == 6) {
                if (in_group[static_cast<std::size_t>(other)]) return std::nullopt;  // a ring
                in_group[static_cast<std::size_t>(other)] = 1;
                parent[static_cast<std::size_t>(other)] = c;
                ++children;
                stack.push_back(other);
            } else {
                return std::nullopt;  // a heteroatom inside the group: not CnF2n+1
            }
        }
        if (children > 1) group.linear = false;
    }
    if (group.fluorines.size() != 2 * group.carbons.size() + 1) return std::nullopt;
    return group;
}

}  // namespace npgov::chem
