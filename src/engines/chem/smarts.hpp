// Substructure search: SMARTS patterns compiled once and matched against molecules. Method:
// RDKit 2022.09 SMARTS (Daylight SMARTS theory manual, with RDKit's documented extensions such
// as ranges "[r{12-}]"); VF2 matching, unique atom sets, chirality ignored. Before matching, a
// molecule is screened by element counts: a pattern with n atoms that can only be chlorine does
// not match a molecule with fewer than n chlorine atoms.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace npgov::chem {

class Molecule;

// A compiled SMARTS query. Immutable and cheap to copy; safe to match from several threads.
class SmartsPattern {
public:
    // Compiles `smarts`. Errors: kInvalidArgument "smarts.empty", "smarts.parse" (field
    // "smarts"; the message echoes the pattern).
    static Result<SmartsPattern> Compile(std::string_view smarts);

    const std::string& text() const;
    int atom_count() const;  // atoms in the query, i.e. the length of each match

    struct Impl;  // defined in rdkit_internal.hpp
    const Impl& impl() const { return *impl_; }

private:
    explicit SmartsPattern(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

// Returns up to `max_matches` matches of `pattern` in `molecule`; each match lists, for query
// atom i, the index of the molecule atom it matched. Matches covering the same atom set are
// reported once. Empty if there is no match.
std::vector<std::vector<int>> FindMatches(const Molecule& molecule, const SmartsPattern& pattern,
                                          int max_matches = 1000);

// Returns true if `pattern` matches `molecule` at least once.
bool HasMatch(const Molecule& molecule, const SmartsPattern& pattern);

}  // namespace npgov::chem
