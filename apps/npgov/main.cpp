// The composition root of the `npgov` executable: sets up logging and the clock, and lets the
// command line open the application (database + modules) when a verb needs it.
#include <iostream>
#include <memory>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/cli.hpp"
#include "core/clock.hpp"
#include "modules/auth/secrets.hpp"
#include "services/application.hpp"

int main(int argc, char** argv) {
    auto logger = spdlog::stderr_color_mt("npgov");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
    spdlog::set_default_logger(logger);
    if (!npgov::auth::InitSecrets()) {
        std::cerr << "npgov: cannot initialise libsodium\n";
        return npgov::cli::kExitInternal;
    }

    npgov::SystemClock clock;
    std::unique_ptr<npgov::Application> app;
    npgov::cli::CliContext context{std::cout, std::cerr,
                                   [&](const npgov::config::Config& config) -> npgov::Result<npgov::Application*> {
                                       spdlog::set_level(spdlog::level::from_str(config.log_level));
                                       if (!app) {
                                           NPGOV_ASSIGN_OR_RETURN(app, npgov::Application::Open(config, clock));
                                       }
                                       return app.get();
                                   }};
    try {
        return npgov::cli::RunCli(argc, argv, context);
    } catch (const npgov::InternalError& bug) {
        spdlog::critical("event=internal_error what={}", bug.what);
    } catch (const std::exception& e) {
        spdlog::critical("event=exception what={}", e.what());
    }
    return npgov::cli::kExitInternal;
}
