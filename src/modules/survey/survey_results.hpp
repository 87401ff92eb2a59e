// Results of the survey: tonnage of approved lines by substance, county, industry, year and
// activity, or per entry of a regulatory list (e.g. the key-controlled list), as a table that
// the API renders and that exports to .xlsx or CSV.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/enterprise/sheet_writer.hpp"
#include "modules/lists/list_model.hpp"

namespace npgov::survey {

// kListEntry: per entry of a list edition (ResultQuery::list); members by the entry's explicit
// CAS numbers (and its named members'); structure-class membership is not applied. Only alone.
enum class GroupBy { kSubstance, kCounty, kIndustry, kYear, kListEntry };
// "substance", "county", "industry", "year", "list_entry". Errors: kInvalidArgument
// "survey.group_by".
Result<GroupBy> ParseGroupBy(std::string_view text);
// A comma-separated list, e.g. "substance,county"; empty = substance.
Result<std::vector<GroupBy>> ParseGroupByList(std::string_view text);

struct ResultQuery {
    std::optional<std::int64_t> campaign_id;
    std::optional<int> year;
    std::optional<std::string> cas;          // one substance
    std::optional<std::string> region_code;  // one county
    std::vector<GroupBy> group_by = {GroupBy::kSubstance};
    const lists::Edition* list = nullptr;  // for GroupBy::kListEntry; must outlive the call
};

struct ResultRow {
    // One per group_by entry: substance → {cas, name}; county → {code, name}; industry →
    // {code, name}; year → {year, ""}; list entry → {key, name}.
    std::vector<std::pair<std::string, std::string>> keys;
    double produce = 0, import = 0, process = 0, use = 0, exported = 0;  // t
    double air = 0, water = 0, soil = 0, waste = 0;                      // t
    std::int64_t enterprises = 0;
    std::int64_t lines = 0;
};

struct ResultTable {
    std::vector<GroupBy> group_by;
    std::vector<ResultRow> rows;      // ordered by the keys
    ResultRow total;                  // over all rows (keys empty; enterprises distinct)
    std::int64_t withheld_lines = 0;  // confidential lines left out for this reader
    bool includes_confidential = false;
    std::string list_edition;  // "key_controlled 2023" when grouped by list entry
};

// The table as a sheet: one key column pair per grouping, then the tonnages; a total row.
sheet::Sheet ToSheet(const ResultTable& table, const std::string& title);

}  // namespace npgov::survey
