// The `npgov` command line: parses arguments into per-verb Args structs and runs the verb.
// Exit codes: 0 ok, 64 usage, 65 bad data, 69 unavailable, 70 internal, 75 try later,
// 77 not permitted.
#pragma once

#include <functional>
#include <iosfwd>

#include "config/config.hpp"
#include "core/error.hpp"
#include "services/application.hpp"

namespace npgov::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 64;
inline constexpr int kExitData = 65;
inline constexpr int kExitUnavailable = 69;
inline constexpr int kExitInternal = 70;
inline constexpr int kExitTryLater = 75;
inline constexpr int kExitNoPermission = 77;

// The one translation table from error code to exit status.
int ExitCode(ErrorCode code);

// What a verb may use. `open` builds the application from the loaded configuration on first
// call (verbs that need no database never open one).
struct CliContext {
    std::ostream& out;
    std::ostream& err;
    std::function<Result<Application*>(const config::Config&)> open;
};

// Runs the command line; returns the exit status.
int RunCli(int argc, char** argv, CliContext& context);

}  // namespace npgov::cli
