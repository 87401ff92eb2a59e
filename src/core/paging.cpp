#include "core/paging.hpp"

#include <string>

namespace npgov {

Result<PageRequest> MakePageRequest(long page, long page_size) {
    if (page < 1 || page > 1'000'000) {
        return MakeError(ErrorCode::kInvalidArgument, "page.range", "页码须为不小于 1 的整数",
                         "page must be an integer of at least 1", "page");
    }
    if (page_size < 1 || page_size > kMaxPageSize) {
        return MakeError(ErrorCode::kInvalidArgument, "page.range",
                         "每页条数须在 1 到 " + std::to_string(kMaxPageSize) + " 之间",
                         "page_size must be between 1 and " + std::to_string(kMaxPageSize),
                         "page_size");
    }
    return PageRequest{static_cast<int>(page), static_cast<int>(page_size)};
}

}  // namespace npgov
