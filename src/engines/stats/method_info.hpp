// "How computed": every result of the stats engine names its method, the method's version and
// how many inputs it used, so that a page or a report can say how a number came about.
#pragma once

#include <cstddef>
#include <string_view>

namespace npgov::stats {

struct MethodInfo {
    std::string_view method;   // e.g. "kaplan-meier (flipped, survfit conventions)"
    std::string_view version;  // the method's k…Version
    std::size_t inputs = 0;    // observations or points given to the method
};

}  // namespace npgov::stats
