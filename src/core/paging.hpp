// The pagination convention of every list: 1-based page, page_size 1..200 (default 20).
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.hpp"

namespace npgov {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 200;

struct PageRequest {
    int page = 1;
    int page_size = kDefaultPageSize;

    std::int64_t offset() const { return static_cast<std::int64_t>(page - 1) * page_size; }
};

// Validates page >= 1 and 1 <= page_size <= kMaxPageSize.
// Errors: kInvalidArgument "page.range" with field "page" or "page_size".
Result<PageRequest> MakePageRequest(long page, long page_size);

template <typename T>
struct Page {
    std::vector<T> items;
    int page = 1;
    int page_size = kDefaultPageSize;
    std::int64_t total = 0;
};

}  // namespace npgov
