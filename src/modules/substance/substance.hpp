// Substance values of the registry: identity (CAS numbers, names and synonyms in Chinese and
// English), the structure as supplied (SMILES) and what the chemistry engine computes from it
// (canonical SMILES, InChI, InChIKey, formula, weight, logP), and flags.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace npgov::substance {

struct Substance {
    std::int64_t id = 0;
    std::vector<std::string> cas_numbers;  // canonical; the first is the primary one
    std::string name_zh;
    std::string name_en;
    std::vector<std::string> synonyms_zh;
    std::vector<std::string> synonyms_en;
    std::string smiles;            // as supplied; "" = no structure
    std::string canonical_smiles;  // RDKit canonical (isomeric); "" without structure
    std::string inchi;             // standard InChI; "" if none
    std::string inchikey;          // computed from the structure, else as supplied, else ""
    std::string formula;
    std::optional<double> molecular_weight;  // g/mol
    std::optional<double> crippen_logp;
    int components = 0;          // disconnected parts of the structure (2+: salt or mixture)
    std::string structure_note;  // e.g. "CAUTION: one representative isomer of a mixture"
    std::string source;          // where the record comes from
    bool synthetic = false;      // test or demo data, never a real record
    std::int64_t revision = 0;   // increases with every write to any substance
    std::string created_at;
    std::string updated_at;

    bool has_structure() const { return !canonical_smiles.empty(); }
    bool multi_component() const { return components > 1; }
};

// A substance to create or merge into an existing one (see SubstanceRegistry::Import).
struct NewSubstance {
    std::vector<std::string> cas_numbers;  // validated, canonical
    std::string name_zh;
    std::string name_en;
    std::vector<std::string> synonyms_zh;
    std::vector<std::string> synonyms_en;
    std::string smiles;
    std::string inchikey;  // used only when there is no SMILES
    std::string structure_note;
    std::string source;
    bool synthetic = false;
};

}  // namespace npgov::substance
