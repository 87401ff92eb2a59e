// The only way npgov code reads the time: a Clock passed in from the composition root.
// SystemClock in production, FixedClock in tests and replays.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/date.hpp"

namespace npgov {

class Clock {
public:
    virtual ~Clock() = default;
    // Returns the current instant, whole seconds. Safe to call from any thread.
    virtual Timestamp Now() const = 0;
};

// Reads std::chrono::system_clock, truncated toward the past to whole seconds.
class SystemClock final : public Clock {
public:
    Timestamp Now() const override;
};

// A clock that says what it is told. Set and Advance may race with Now from other threads
// (e.g. a server under test); each call is atomic.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Timestamp now) : unix_seconds_(now.unix_seconds) {}

    Timestamp Now() const override { return Timestamp{unix_seconds_.load()}; }
    void Set(Timestamp now) { unix_seconds_.store(now.unix_seconds); }
    // Moves the clock by `seconds` (backwards if negative).
    void Advance(std::int64_t seconds) { unix_seconds_.fetch_add(seconds); }

private:
    std::atomic<std::int64_t> unix_seconds_;
};

}  // namespace npgov
