// The chemistry engine's view of a structure: parse SMILES once, then ask for identifiers,
// descriptors, a depiction or substructure matches. The only code in npgov that talks to
// RDKit (and the IUPAC InChI library); no RDKit type appears in this header.
// Method: RDKit 2022.09 (Landrum et al., rdkit.org); InChI 1.03 standard InChI/InChIKey.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::chem {

inline constexpr std::string_view kChemEngineVersion = "1";

// Input limits: larger structures are refused before RDKit spends minutes on them.
inline constexpr std::size_t kMaxSmilesLength = 100000;
inline constexpr int kMaxAtoms = 10000;

// An immutable parsed molecule (all components of a mixture/salt). Cheap to copy; a const
// Molecule may be used from several threads at once.
class Molecule {
public:
    // Parses SMILES with RDKit's default sanitisation. Errors: kInvalidArgument
    // "smiles.parse" (message names the position/reason when RDKit gives one; also valence
    // and aromaticity errors found by sanitisation), "smiles.empty"; kResourceExhausted
    // "smiles.too_large" above kMaxSmilesLength characters or kMaxAtoms atoms. Field "smiles".
    // Surrounding whitespace is ignored. Safe to call from several threads.
    static Result<Molecule> FromSmiles(std::string_view smiles);

    // Number of atoms in the graph (hydrogens are implicit unless isotopic or unbonded).
    int atom_count() const;

    struct Impl;  // defined in rdkit_internal.hpp (holds the RDKit molecule)
    const Impl& impl() const { return *impl_; }

private:
    friend struct MoleculeAccess;  // rdkit_internal.hpp: wraps fragments built by the engine
    explicit Molecule(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

struct Identifiers {
    std::string canonical_smiles;  // RDKit canonical, isomeric
    std::string inchi;             // standard InChI ("InChI=1S/…"); empty if InChI failed
    std::string inchikey;          // standard InChIKey; empty if InChI failed
    std::string formula;           // Hill formula with charges, e.g. "C8HF15O2"
    double molecular_weight = 0;   // average MW, g/mol (RDKit Descriptors::calcAMW)
    double crippen_logp = 0;       // Wildman & Crippen 1999 logP (RDKit Crippen)
    int components = 1;            // disconnected fragments (salts, mixtures)
};

// Computes the identifiers and descriptors of `molecule`. InChI is left empty for what standard
// InChI cannot represent (more than 1023 atoms, more than 20 bonds on an atom, query atoms).
// The IUPAC library is not thread-safe: its calls are serialised by a mutex inside.
Identifiers ComputeIdentifiers(const Molecule& molecule);

// A 2D depiction (RDKit coordinate generation + MolDraw2DSVG) as a standalone SVG document,
// with `highlight_atoms` (atom indices, e.g. a rule's matched atoms) highlighted. Returns an
// empty string if RDKit cannot lay the structure out (e.g. above 1,000 atoms).
std::string DepictSvg(const Molecule& molecule, int width = 300, int height = 200,
                      const std::vector<int>& highlight_atoms = {});

}  // namespace npgov::chem
