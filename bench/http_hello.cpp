// A bare cpp-httplib server, the baseline for bench/http_health.sh: GET /hello and
// GET /api/v1/health both answer {"status":"ok"}. Its connection settings (TCP_NODELAY, a
// fixed thread pool, keep-alive up to 1000 requests, 30 s timeouts) match npgov's ApiServer,
// so the difference measured is npgov's per-request work: routing, security headers, access
// log, the health handler's database query and JSON rendering.
//
// Usage: npgov_http_hello [PORT [THREADS]]  (PORT 0 = any free port; THREADS default 16).
// Binds 127.0.0.1 only, prints "listening on http://127.0.0.1:PORT", stops on SIGTERM/SIGINT.
// A benchmark tool, not part of npgov: the only file outside src/http including <httplib.h>.
#include <pthread.h>
#include <signal.h>

#include <charconv>
#include <cstddef>
#include <iostream>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>

#include <httplib.h>

namespace {

constexpr int kDefaultThreads = 16;
constexpr std::string_view kBody = R"({"status":"ok"})";

std::optional<int> ParseInt(std::string_view text, int min, int max) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 3) {
        std::cerr << "usage: npgov_http_hello [PORT [THREADS]]\n";
        return 64;
    }
    const std::optional<int> port = argc > 1 ? ParseInt(argv[1], 0, 65535) : 0;
    const std::optional<int> threads = argc > 2 ? ParseInt(argv[2], 1, 4096) : kDefaultThreads;
    if (!port || !threads) {
        std::cerr << "npgov_http_hello: PORT must be 0..65535 and THREADS 1..4096\n";
        return 64;
    }

    // Signals go to one watcher thread (sigwait), which may call stop() safely; blocked before
    // any other thread starts so that every thread inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    httplib::Server server;
    const auto pool_size = static_cast<std::size_t>(*threads);
    server.new_task_queue = [pool_size] { return new httplib::ThreadPool(pool_size); };
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);
    server.set_read_timeout(30, 0);
    server.set_write_timeout(30, 0);

    const auto hello = [](const httplib::Request&, httplib::Response& response) {
        response.set_content(kBody.data(), kBody.size(), "application/json");
    };
    server.Get("/hello", hello);
    server.Get("/api/v1/health", hello);

    const int bound = *port == 0 ? server.bind_to_any_port("127.0.0.1")
                                 : (server.bind_to_port("127.0.0.1", *port) ? *port : -1);
    if (bound <= 0) {
        std::cerr << "npgov_http_hello: cannot listen on 127.0.0.1:" << *port << "\n";
        return 69;
    }

    std::thread watcher([&server, signals] {
        int signal_number = 0;
        sigwait(&signals, &signal_number);
        server.stop();
    });
    std::cout << "listening on http://127.0.0.1:" << bound << " (threads " << *threads << ")" << std::endl;

    const bool ran = server.listen_after_bind();
    pthread_kill(watcher.native_handle(), SIGTERM);  // wake the watcher if listening failed
    watcher.join();
    return ran ? 0 : 69;
}
