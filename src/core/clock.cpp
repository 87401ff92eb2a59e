#include "core/clock.hpp"

#include <chrono>

namespace npgov {

Timestamp SystemClock::Now() const {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return Timestamp{now.time_since_epoch().count()};
}

}  // namespace npgov
