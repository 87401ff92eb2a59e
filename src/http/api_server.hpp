// The REST JSON API under /api/v1 and the built web app, over HTTP. Translates requests into
// module calls and results into JSON; no SQL and no business rule lives here.
#pragma once

#include <memory>

#include "core/error.hpp"
#include "services/services.hpp"

namespace npgov::http {

class ApiServer {
public:
    explicit ApiServer(Services& services);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    // Binds to config.server.host:port (port 0 = any free port) and returns the bound port.
    // Errors: kUnavailable "http.bind".
    Result<int> Bind();
    // Serves until Stop(); returns when the listener is closed and in-flight requests are done.
    Status Run();
    // Thread-safe; may be called from another thread (e.g. a signal watcher).
    void Stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace npgov::http
