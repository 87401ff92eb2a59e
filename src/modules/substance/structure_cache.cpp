#include "modules/substance/structure_cache.hpp"

#include <mutex>

namespace npgov::substance {
namespace {

constexpr const char* kChangedSince =
    "SELECT id, revision, canonical_smiles FROM substances WHERE revision > ? ORDER BY revision";

}  // namespace

Status StructureCache::Refresh(store::Connection& connection) {
    std::int64_t since = 0;
    {
        std::shared_lock lock(mutex_);
        since = max_revision_;
    }
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(connection, kChangedSince, {since}));
    if (rows.rows.empty()) return Ok();
    // Parse outside the lock: scans go on meanwhile.
    std::vector<std::pair<std::int64_t, std::optional<chem::Molecule>>> changed;
    changed.reserve(rows.rows.size());
    std::int64_t newest = since;
    for (const auto& row : rows.rows) {
        newest = std::max(newest, row.Int(1));
        const std::string& smiles = row.Text(2);
        if (smiles.empty()) {
            changed.emplace_back(row.Int(0), std::nullopt);
            continue;
        }
        auto molecule = chem::Molecule::FromSmiles(smiles);
        if (!molecule) {
            return MakeError(ErrorCode::kDataLoss, "substance.stored_smiles",
                             "物质 " + std::to_string(row.Int(0)) + " 存储的结构无法解析",
                             "the stored structure of substance " + std::to_string(row.Int(0)) + " no longer parses: " +
                                 molecule.error().message_en);
        }
        changed.emplace_back(row.Int(0), std::move(*molecule));
    }
    std::unique_lock lock(mutex_);
    if (newest <= max_revision_) return Ok();  // another thread got here first
    for (auto& [id, molecule] : changed) {
        if (molecule) {
            molecules_.insert_or_assign(id, std::move(*molecule));
        } else {
            molecules_.erase(id);
        }
    }
    max_revision_ = newest;
    return Ok();
}

ScanResult StructureCache::Scan(const chem::SmartsPattern& pattern,
                                const std::optional<std::vector<std::int64_t>>& candidates, std::size_t limit) const {
    ScanResult out;
    std::shared_lock lock(mutex_);
    auto test = [&](std::int64_t id, const chem::Molecule& molecule) {
        ++out.scanned;
        if (chem::HasMatch(molecule, pattern)) out.ids.push_back(id);
        return out.ids.size() < limit;
    };
    if (candidates) {
        for (std::int64_t id : *candidates) {  // ascending
            const auto found = molecules_.find(id);
            if (found == molecules_.end()) continue;
            if (!test(id, found->second)) {
                out.truncated = true;
                break;
            }
        }
    } else {
        for (const auto& [id, molecule] : molecules_) {
            if (!test(id, molecule)) {
                out.truncated = true;
                break;
            }
        }
    }
    return out;
}

std::optional<chem::Molecule> StructureCache::Find(std::int64_t id) const {
    std::shared_lock lock(mutex_);
    const auto found = molecules_.find(id);
    if (found == molecules_.end()) return std::nullopt;
    return found->second;
}

std::size_t StructureCache::size() const {
    std::shared_lock lock(mutex_);
    return molecules_.size();
}

}  // namespace npgov::substance
