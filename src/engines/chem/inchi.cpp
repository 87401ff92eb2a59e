#include "engines/chem/inchi.hpp"

#include <GraphMol/GraphMol.h>
#include <GraphMol/MolOps.h>
#include <inchi_api.h>

#include <cstring>
#include <exception>
#include <mutex>
#include <vector>

namespace npgov::chem {
namespace {

constexpr int kMaxInchiAtoms = 1023;  // inchi_Input::num_atoms must be < 1024

std::mutex& InchiMutex() {
    static std::mutex mutex;
    return mutex;
}

// RDKit's chiral tag describes the neighbours in the order of the atom's bonds: looking from
// the first, the others run clockwise (CW, "@@") or anticlockwise (CCW, "@"); an implicit
// hydrogen or lone pair counts as the last neighbour. InChI's 0D parity is 'e' when, seen from
// neighbor[0], neighbor[1..3] run clockwise; with three neighbours the central atom itself
// stands in for the missing one, listed first.
bool AddTetrahedralParity(const RDKit::ROMol& mol, const RDKit::Atom& atom,
                          std::vector<inchi_Stereo0D>& out) {
    const auto tag = atom.getChiralTag();
    if (tag != RDKit::Atom::CHI_TETRAHEDRAL_CW && tag != RDKit::Atom::CHI_TETRAHEDRAL_CCW) {
        return true;
    }
    std::vector<int> neighbours;
    for (const RDKit::Bond* bond : mol.atomBonds(&atom)) {
        neighbours.push_back(static_cast<int>(bond->getOtherAtomIdx(atom.getIdx())));
    }
    const bool clockwise = tag == RDKit::Atom::CHI_TETRAHEDRAL_CW;
    inchi_Stereo0D s{};
    s.central_atom = static_cast<AT_NUM>(atom.getIdx());
    s.type = INCHI_StereoType_Tetrahedral;
    if (neighbours.size() == 4) {
        for (int i = 0; i < 4; ++i) s.neighbor[i] = static_cast<AT_NUM>(neighbours[i]);
        s.parity = clockwise ? INCHI_PARITY_EVEN : INCHI_PARITY_ODD;
    } else if (neighbours.size() == 3) {
        // (n0, n1, n2, centre) -> (centre, n0, n1, n2) is an odd permutation: flip.
        s.neighbor[0] = static_cast<AT_NUM>(atom.getIdx());
        for (int i = 0; i < 3; ++i) s.neighbor[i + 1] = static_cast<AT_NUM>(neighbours[i]);
        s.parity = clockwise ? INCHI_PARITY_ODD : INCHI_PARITY_EVEN;
    } else {
        return true;  // not a tetrahedral centre InChI can describe in 0D
    }
    out.push_back(s);
    return true;
}

// A stereo double bond X-A=B-Y: RDKit gives the reference neighbours X and Y (stereo atoms) and
// whether they are trans (E, TRANS) or cis (Z, CIS). InChI: trans 'e', cis 'o'.
void AddDoubleBondParity(const RDKit::Bond& bond, std::vector<inchi_Stereo0D>& out) {
    const auto stereo = bond.getStereo();
    const bool trans = stereo == RDKit::Bond::STEREOE || stereo == RDKit::Bond::STEREOTRANS;
    const bool cis = stereo == RDKit::Bond::STEREOZ || stereo == RDKit::Bond::STEREOCIS;
    if (!trans && !cis) return;
    const auto& ends = bond.getStereoAtoms();
    if (ends.size() != 2) return;
    const RDKit::ROMol& mol = bond.getOwningMol();
    int x = ends[0];
    int y = ends[1];
    const int a = static_cast<int>(bond.getBeginAtomIdx());
    const int b = static_cast<int>(bond.getEndAtomIdx());
    if (mol.getBondBetweenAtoms(a, x) == nullptr) std::swap(x, y);
    if (mol.getBondBetweenAtoms(a, x) == nullptr || mol.getBondBetweenAtoms(b, y) == nullptr) {
        return;
    }
    inchi_Stereo0D s{};
    s.neighbor[0] = static_cast<AT_NUM>(x);
    s.neighbor[1] = static_cast<AT_NUM>(a);
    s.neighbor[2] = static_cast<AT_NUM>(b);
    s.neighbor[3] = static_cast<AT_NUM>(y);
    s.central_atom = NO_ATOM;
    s.type = INCHI_StereoType_DoubleBond;
    s.parity = trans ? INCHI_PARITY_EVEN : INCHI_PARITY_ODD;
    out.push_back(s);
}

S_CHAR ToInchiBondType(RDKit::Bond::BondType type) {
    switch (type) {
        case RDKit::Bond::SINGLE:
        case RDKit::Bond::DATIVE:
        case RDKit::Bond::DATIVEONE: return INCHI_BOND_TYPE_SINGLE;
        case RDKit::Bond::DOUBLE: return INCHI_BOND_TYPE_DOUBLE;
        case RDKit::Bond::TRIPLE: return INCHI_BOND_TYPE_TRIPLE;
        case RDKit::Bond::AROMATIC: return INCHI_BOND_TYPE_ALTERN;  // only if Kekulé failed
        default: return INCHI_BOND_TYPE_NONE;
    }
}

}  // namespace

StandardInchi ComputeStandardInchi(const RDKit::ROMol& source) {
    const unsigned n = source.getNumAtoms();
    if (n == 0 || n > kMaxInchiAtoms) return {};
    std::vector<inchi_Atom> atoms(n);
    std::vector<inchi_Stereo0D> stereo;
    try {
        // InChI wants Kekulé bond orders ("avoid ALTERN by all means").
        RDKit::RWMol mol(source);
        try {
            RDKit::MolOps::Kekulize(mol, /*markAtomsBonds=*/false);
        } catch (const std::exception&) {
            // keep the aromatic bonds; they go to InChI as alternating
        }
        for (const RDKit::Atom* atom : mol.atoms()) {
            inchi_Atom& a = atoms[atom->getIdx()];
            std::memset(&a, 0, sizeof(a));
            const std::string symbol = atom->getSymbol();
            if (atom->getAtomicNum() <= 0 || symbol.size() >= ATOM_EL_LEN) return {};
            std::strncpy(a.elname, symbol.c_str(), ATOM_EL_LEN - 1);
            a.isotopic_mass = static_cast<AT_NUM>(atom->getIsotope());  // mass number or 0
            a.charge = static_cast<S_CHAR>(atom->getFormalCharge());
            switch (atom->getNumRadicalElectrons()) {
                case 0: a.radical = INCHI_RADICAL_NONE; break;
                case 1: a.radical = INCHI_RADICAL_DOUBLET; break;
                case 2: a.radical = INCHI_RADICAL_TRIPLET; break;
                default: return {};
            }
            // RDKit's own hydrogen count, so that InChI sees RDKit's valence model.
            a.num_iso_H[0] = static_cast<S_CHAR>(atom->getTotalNumHs());
            if (atom->getDegree() > MAXVAL) return {};
        }
        for (const RDKit::Bond* bond : mol.bonds()) {
            const S_CHAR type = ToInchiBondType(bond->getBondType());
            if (type == INCHI_BOND_TYPE_NONE) continue;  // zero-order bonds: not connections
            inchi_Atom& a = atoms[bond->getBeginAtomIdx()];
            a.neighbor[a.num_bonds] = static_cast<AT_NUM>(bond->getEndAtomIdx());
            a.bond_type[a.num_bonds] = type;
            a.bond_stereo[a.num_bonds] = INCHI_BOND_STEREO_NONE;
            ++a.num_bonds;
        }
        // Stereo from the original molecule (Kekulé form has the same atoms, bonds, order).
        for (const RDKit::Atom* atom : source.atoms()) AddTetrahedralParity(source, *atom, stereo);
        for (const RDKit::Bond* bond : source.bonds()) {
            if (bond->getBondType() == RDKit::Bond::DOUBLE) AddDoubleBondParity(*bond, stereo);
        }
    } catch (const std::exception&) {
        return {};
    }

    char options[] = "-AuxNone -W10";
    inchi_Input input{};
    input.atom = atoms.data();
    input.stereo0D = stereo.empty() ? nullptr : stereo.data();
    input.szOptions = options;
    input.num_atoms = static_cast<AT_NUM>(n);
    input.num_stereo0D = static_cast<AT_NUM>(stereo.size());

    StandardInchi result;
    std::lock_guard<std::mutex> lock(InchiMutex());
    inchi_Output output{};
    const int rc = GetStdINCHI(&input, &output);
    if ((rc == inchi_Ret_OKAY || rc == inchi_Ret_WARNING) && output.szInChI != nullptr) {
        result.inchi = output.szInChI;
    }
    FreeStdINCHI(&output);
    if (result.inchi.empty()) return {};
    char key[32] = {};
    if (GetStdINCHIKeyFromStdINCHI(result.inchi.c_str(), key) == INCHIKEY_OK) {
        result.inchikey = key;
    } else {
        return {};
    }
    return result;
}

}  // namespace npgov::chem
