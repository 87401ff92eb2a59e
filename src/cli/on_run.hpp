// Binds a CLI11 subcommand to a verb: when the subcommand is chosen, `action` becomes a call of
// `run(args, config, context)` made after the configuration is loaded. Internal to src/cli.
#pragma once

#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace npgov::cli {

// `args` is shared because CLI11 fills it while parsing and the action reads it afterwards.
template <typename Args, typename Run>
void OnRun(CLI::App* cmd, std::function<int(const config::Config&)>& action, CliContext& context,
           std::shared_ptr<Args> args, Run run) {
    cmd->callback([&action, &context, args, run] {
        action = [&context, args, run](const config::Config& c) { return run(*args, c, context); };
    });
}

}  // namespace npgov::cli
