// The parsed structures of all stored substances, held in memory per process, so that a
// substructure (SMARTS) search scans ready molecules instead of parsing ~50,000 SMILES per
// keystroke. Refreshed incrementally: every substance write raises its row's revision above
// all others, so rows with a revision above the newest seen are exactly the changed ones.
// Thread-safe: scans share the cache, refreshes update it exclusively.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <shared_mutex>
#include <vector>

#include "core/error.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/chem/smarts.hpp"
#include "store/database.hpp"

namespace npgov::substance {

struct ScanResult {
    std::vector<std::int64_t> ids;  // matching substance ids, ascending
    bool truncated = false;         // stopped at the limit: more may match
    std::int64_t scanned = 0;       // structures tested
};

class StructureCache {
public:
    // Loads the structures written since the last refresh. Errors: those of the store;
    // kDataLoss "substance.stored_smiles" if a stored canonical SMILES no longer parses.
    Status Refresh(store::Connection& connection);

    // Substances whose structure contains `pattern`, in id order, among `candidates` (all
    // when absent), at most `limit` of them.
    ScanResult Scan(const chem::SmartsPattern& pattern, const std::optional<std::vector<std::int64_t>>& candidates,
                    std::size_t limit) const;

    // The cached molecule of substance `id`, if it has a structure.
    std::optional<chem::Molecule> Find(std::int64_t id) const;

    std::size_t size() const;

private:
    mutable std::shared_mutex mutex_;
    std::int64_t max_revision_ = 0;
    std::map<std::int64_t, chem::Molecule> molecules_;
};

}  // namespace npgov::substance
