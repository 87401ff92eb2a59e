// Per-substance totals of one year's approved survey lines — tonnage handled, per activity,
// emissions per route, enterprises, use categories — in a few grouping queries whatever the
// number of substances, for screening the whole registry and for exposure estimates
// (modules/assessment). City-wide, confidential lines included: callers publish aggregates
// only, and `confidential_lines` says how many lines stand behind a figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "store/database.hpp"

namespace npgov::survey {

struct UseCount {
    std::string term;  // as reported (SplitUses), e.g. "溶剂"
    std::int64_t enterprises = 0;
};

struct SubstanceTotal {
    std::string substance_key;  // CAS number, or "name:" + the name for lines without one
    std::string cas;            // canonical, "" when the lines name none
    std::optional<std::int64_t> substance_id;  // the registry's id when the lines were resolved
    std::string name;
    double produce = 0, import = 0, process = 0, use = 0, exported = 0;  // t/a
    // Σ over enterprises of max(produce + import, process + use): the least amount that was
    // on each site (the survey's mass-balance reading, README "Mass balance"), t/a.
    double handled = 0;
    double air = 0, water = 0, soil = 0, waste = 0;  // t/a, detailed-tier lines
    bool emissions_reported = false;  // some line gave an emission figure (0 included)
    std::int64_t enterprises = 0, lines = 0, confidential_lines = 0;
    std::vector<UseCount> uses;  // most enterprises first, then by term
    std::vector<std::string> tiers;  // campaign tiers counted: "basic", "detailed"
};

struct SubstanceTotals {
    int year = 0;
    std::vector<SubstanceTotal> substances;  // by substance key
    // CAS numbers named in the substance scope of the year's campaigns that have an approved
    // submission: for these, no line means "surveyed, none reported" rather than "not surveyed".
    std::vector<std::string> scoped_cas;  // sorted, distinct
};

// The latest year with an approved submission, or nullopt when none is approved yet.
Result<std::optional<int>> LatestApprovedYear(store::Database& db);

// The year's totals. Per substance and enterprise, the lines of the enterprise's approved
// detailed submission are counted when it has one for the substance, else those of its basic
// one, so that an enterprise in both campaigns of a year is not counted twice. Errors: those
// of the store.
Result<SubstanceTotals> LoadSubstanceTotals(store::Database& db, int year);

}  // namespace npgov::survey
