// One page of a query, by the pagination convention (core/paging.hpp): a COUNT over the same
// conditions for the total, then LIMIT/OFFSET over the ordered rows.
#pragma once

#include <string>
#include <vector>

#include "core/paging.hpp"
#include "store/database.hpp"

namespace npgov::store {

struct PageQuery {
    std::string select;    // "SELECT a, b FROM t" (no WHERE)
    std::string table;     // "t", for the count
    std::string where;     // "" or " WHERE …" with `?` placeholders
    std::string order_by;  // " ORDER BY …" — must make the order total, or pages overlap
    std::vector<Value> params;  // for `where`
};

// Runs `query` for `page` and maps each row with `from_row(const Row&) -> T`.
// Errors: those of the store.
template <typename T, typename FromRow>
Result<Page<T>> QueryPage(Connection& connection, PageQuery query, const PageRequest& page, FromRow from_row) {
    NPGOV_ASSIGN_OR_RETURN(auto count, connection.Query("SELECT COUNT(*) FROM " + query.table + query.where, query.params));
    Page<T> out;
    out.page = page.page;
    out.page_size = page.page_size;
    out.total = count.rows.at(0).Int(0);
    query.params.emplace_back(std::int64_t{page.page_size});
    query.params.emplace_back(page.offset());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection.Query(query.select + query.where + query.order_by + " LIMIT ? OFFSET ?",
                                                       query.params));
    for (const auto& row : rows.rows) out.items.push_back(from_row(row));
    return out;
}

}  // namespace npgov::store
