#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <ostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "cli/commands.hpp"
#include "http/api_server.hpp"
#include "modules/demo/demo_data.hpp"
#include "store/migrations.hpp"

namespace npgov::cli {
namespace {

// Prints the demo accounts when the database holds the synthetic demo city.
void PrintDemoAccounts(Services& services, std::ostream& out) {
    auto demo = services.enterprises.HasSyntheticData();
    if (!demo || !*demo) return;
    auto users = services.users.List({1, 30});
    if (!users) return;
    out << "synthetic demo data — accounts (password \"" << demo::kDemoPassword << "\"):";
    for (const auto& u : users->items) out << " " << u.username << "(" << auth::ToString(u.role) << ")";
    out << "\n";
}

}  // namespace

int RunServe(const ServeArgs& args, const config::Config& loaded, CliContext& context) {
    config::Config config = loaded;
    if (args.port) config.server.port = *args.port;
    if (args.host) config.server.host = *args.host;
    if (config.database.pool_size < config.server.threads) config.database.pool_size = config.server.threads;

    auto app = context.open(config);
    if (!app) return Fail(context, app.error());
    Services& services = (*app)->services();
    auto version = store::CurrentSchemaVersion(services.db);
    if (!version) return Fail(context, version.error());
    if (*version < AllMigrations().back().version) {
        return Fail(context, MakeError(ErrorCode::kFailedPrecondition, "db.not_migrated",
                                       "数据库结构不是最新，请先执行 npgov db migrate",
                                       "the database schema is not current; run: npgov db migrate").value());
    }

    // Signals are taken by one watcher thread (sigwait), never by an async handler: the
    // watcher may then stop the server safely. Blocked before any other thread starts.
    // A server must not die writing to a closed pipe (its stdout, or a socket).
    std::signal(SIGPIPE, SIG_IGN);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    http::ApiServer server(services);
    auto port = server.Bind();
    if (!port) return Fail(context, port.error());

    std::thread watcher([&server, signals] {
        int signal_number = 0;
        sigwait(&signals, &signal_number);
        spdlog::info("event=shutdown signal={}", signal_number);
        server.Stop();
    });
    context.out << "npgov " << NPGOV_VERSION << " listening on http://" << config.server.host << ":" << *port
                << " (database " << services.db.Describe() << ")\n";
    PrintDemoAccounts(services, context.out);
    context.out.flush();

    auto ran = server.Run();
    pthread_kill(watcher.native_handle(), SIGTERM);  // wake the watcher if the server stopped by itself
    watcher.join();
    spdlog::info("event=stopped");
    if (!ran) return Fail(context, ran.error());
    return kExitOk;
}

}  // namespace npgov::cli
