// Perfluoroalkyl groups CnF2n+1– (linear or branched), which SMARTS alone cannot size: the
// regulatory definitions of PFOS (C8F17SO2–), PFHxS (C6F13SO2–) and PFOA-related compounds
// ((C7F15)C) turn on the number of carbons in such a group, whatever its branching
// (Stockholm Convention decisions SC-4/17, SC-9/12, SC-10/13).
#pragma once

#include <optional>
#include <vector>

#include "engines/chem/molecule.hpp"

namespace npgov::chem {

struct PerfluoroalkylGroup {
    std::vector<int> carbons;   // atom indices, the attachment carbon first
    std::vector<int> fluorines; // atom indices
    bool linear = true;         // no carbon bonded to more than two carbons of the chain
    int size() const { return static_cast<int>(carbons.size()); }
};

// Returns the perfluoroalkyl group that `attachment` (a carbon) roots when its bond to
// `attached_to` is cut: every carbon reachable from `attachment` without crossing that bond
// must be sp3, carry no hydrogen, and be bonded only to fluorine and to carbons of the group,
// and the group must be acyclic (so it is CnF2n+1). Returns nullopt otherwise, or if the two
// atoms are not bonded.
std::optional<PerfluoroalkylGroup> FindPerfluoroalkylGroup(const Molecule& molecule,
                                                           int attachment, int attached_to);

}  // namespace npgov::chem
