#include "engines/chem/smarts.hpp"

#include <GraphMol/GraphMol.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/QueryAtom.h>
#include <GraphMol/QueryOps.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/Substruct/SubstructMatch.h>

#include <exception>
#include <map>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/chem/rdkit_internal.hpp"

namespace npgov::chem {
namespace {

using AtomQuery = RDKit::QueryAtom::QUERYATOM_QUERY;

// The elements a query atom can match, or nullopt if any element might (negations, recursive
// SMARTS, wildcards). Reads RDKit's query tree: AtomAtomicNum / AtomType leaves (AtomType
// values are atomic number + 1000 if aromatic) under AtomAnd / AtomOr nodes.
std::optional<std::set<int>> PossibleElements(const AtomQuery* q) {
    if (q == nullptr || q->getNegation()) return std::nullopt;
    const std::string& d = q->getDescription();
    if (d == "AtomAtomicNum" || d == "AtomType") {
        const int value = static_cast<const RDKit::ATOM_EQUALS_QUERY*>(q)->getVal();
        return std::set<int>{value % 1000};
    }
    if (d == "AtomAnd") {
        std::optional<std::set<int>> out;
        for (auto child = q->beginChildren(); child != q->endChildren(); ++child) {
            auto elements = PossibleElements(child->get());
            if (!elements) continue;
            if (!out) {
                out = std::move(elements);
            } else {
                std::set<int> both;
                for (int z : *out) {
                    if (elements->count(z)) both.insert(z);
                }
                out = std::move(both);
            }
        }
        return out;
    }
    if (d == "AtomOr") {
        std::set<int> any;
        for (auto child = q->beginChildren(); child != q->endChildren(); ++child) {
            auto elements = PossibleElements(child->get());
            if (!elements) return std::nullopt;
            any.insert(elements->begin(), elements->end());
        }
        return any;
    }
    return std::nullopt;
}

std::vector<std::pair<int, int>> RequiredElements(const RDKit::ROMol& query) {
    std::map<int, int> counts;
    for (const RDKit::Atom* atom : query.atoms()) {
        if (!atom->hasQuery()) continue;
        auto elements = PossibleElements(static_cast<const RDKit::QueryAtom*>(atom)->getQuery());
        if (elements && elements->size() == 1 && *elements->begin() > 1 && *elements->begin() < 128) {
            ++counts[*elements->begin()];
        }
    }
    return {counts.begin(), counts.end()};
}

// False if `molecule` lacks atoms that `pattern` needs: the match cannot exist.
bool MayMatch(const Molecule& molecule, const SmartsPattern& pattern) {
    const ElementAtoms& atoms = molecule.impl().element_atoms;
    for (const auto& [z, n] : pattern.impl().required_elements) {
        if (atoms[static_cast<std::size_t>(z)] < n) return false;
    }
    return true;
}

}  // namespace

Result<SmartsPattern> SmartsPattern::Compile(std::string_view smarts) {
    const std::string_view text = Trim(smarts);
    if (text.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "smarts.empty", "SMARTS 为空",
                         "the SMARTS pattern is empty", "smarts");
    }
    SilenceRdkitLogs();
    std::unique_ptr<RDKit::RWMol> query;
    try {
        RDKit::SmartsParserParams params;
        params.allowCXSMILES = false;
        query.reset(RDKit::SmartsToMol(std::string(text), params));
        if (query) {
            // Ring information up front, so that matching never has to compute (and write) it.
            RDKit::MolOps::fastFindRings(*query);
        }
    } catch (const std::exception&) {
        query.reset();
    }
    if (!query || query->getNumAtoms() == 0) {
        const std::string echo = ToMessageSnippet(text, 80);
        return MakeError(ErrorCode::kInvalidArgument, "smarts.parse",
                         "无法解析 SMARTS“" + echo + "”", "cannot parse SMARTS \"" + echo + "\"",
                         "smarts");
    }
    auto impl = std::make_shared<Impl>();
    impl->text = std::string(text);
    impl->required_elements = RequiredElements(*query);
    impl->query = std::shared_ptr<const RDKit::ROMol>(std::move(query));
    return SmartsPattern(std::move(impl));
}

const std::string& SmartsPattern::text() const { return impl_->text; }

int SmartsPattern::atom_count() const { return static_cast<int>(impl_->query->getNumAtoms()); }

std::vector<std::vector<int>> FindMatches(const Molecule& molecule, const SmartsPattern& pattern,
                                          int max_matches) {
    std::vector<std::vector<int>> out;
    if (max_matches <= 0 || !MayMatch(molecule, pattern)) return out;
    RDKit::SubstructMatchParameters params;
    params.uniquify = true;
    params.maxMatches = static_cast<unsigned>(max_matches);
    const std::vector<RDKit::MatchVectType> matches =
        RDKit::SubstructMatch(*molecule.impl().mol, *pattern.impl().query, params);
    out.reserve(matches.size());
    for (const RDKit::MatchVectType& match : matches) {
        std::vector<int> atoms(match.size());
        for (const auto& [query_atom, mol_atom] : match) {
            atoms[static_cast<std::size_t>(query_atom)] = mol_atom;
        }
        out.push_back(std::move(atoms));
    }
    return out;
}

bool HasMatch(const Molecule& molecule, const SmartsPattern& pattern) {
    if (!MayMatch(molecule, pattern)) return false;
    RDKit::SubstructMatchParameters params;
    params.maxMatches = 1;
    return !RDKit::SubstructMatch(*molecule.impl().mol, *pattern.impl().query, params).empty();
}

}  // namespace npgov::chem
