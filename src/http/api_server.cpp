#include "http/api_server.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"

namespace npgov::http {
namespace {

constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;  // imports of large CSV/Excel files

void AddSecurityHeaders(httplib::Response& response) {
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "same-origin");
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                        "frame-ancestors 'none'");
}

std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

struct ApiServer::Impl {
    Services& services;
    httplib::Server server;
    std::string index_html;  // the web app's entry page, for client-side routes

    explicit Impl(Services& s) : services(s) {}

    void Configure() {
        const auto& config = services.config.server;
        const int threads = config.threads;
        server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
        server.set_tcp_nodelay(true);
        server.set_payload_max_length(kMaxBodyBytes);
        server.set_keep_alive_max_count(1000);
        server.set_read_timeout(30, 0);
        server.set_write_timeout(30, 0);

        const std::filesystem::path web_root(config.web_root);
        if (std::filesystem::exists(web_root / "index.html")) {
            server.set_mount_point("/", web_root.string());
            index_html = ReadFile(web_root / "index.html");
        } else {
            spdlog::warn("event=web_app_missing web_root={} hint=\"npm --prefix web run build\"", web_root.string());
        }
        server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
            AddSecurityHeaders(response);
        });
        // Called for every 4xx/5xx; fills in only responses that have no body of their own
        // (httplib's own refusals, unknown routes, client-side routes of the web app).
        server.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
            if (!response.body.empty()) return;
            const bool api = request.path.rfind("/api/", 0) == 0;
            if (response.status == 404 && !api && request.method == "GET" && !index_html.empty()) {
                response.status = 200;
                response.set_content(index_html, "text/html; charset=utf-8");
                return;
            }
            Error error = response.status == 404
                              ? MakeError(ErrorCode::kNotFound, "http.route", "没有这个接口：" + request.path,
                                          "no such endpoint: " + request.path).value()
                              : MakeError(ErrorCode::kInvalidArgument, "http.request",
                                          "请求格式错误（HTTP " + std::to_string(response.status) + "）",
                                          "malformed request (HTTP " + std::to_string(response.status) + ")").value();
            if (response.status >= 500) error.code = ErrorCode::kInternal;
            response.set_content(ToJson(error).dump(), "application/json; charset=utf-8");
        });
        server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
            spdlog::info("event=access method={} path={} status={} bytes={} client={}", request.method, request.path,
                         response.status, response.body.size(), request.remote_addr);
        });

        RegisterSystemRoutes(server, services);
        RegisterAuthRoutes(server, services);
        RegisterAdminRoutes(server, services);
        RegisterRegistryRoutes(server, services);
        RegisterMonitoringRoutes(server, services);
        RegisterSubstanceRoutes(server, services);
        RegisterEnterpriseWriteRoutes(server, services);
        RegisterSurveyRoutes(server, services);
        RegisterHazardRoutes(server, services);
        RegisterAssessmentRoutes(server, services);
    }
};

ApiServer::ApiServer(Services& services) : impl_(std::make_unique<Impl>(services)) { impl_->Configure(); }

ApiServer::~ApiServer() = default;

Result<int> ApiServer::Bind() {
    const auto& config = impl_->services.config.server;
    int port = config.port;
    if (port == 0) {
        port = impl_->server.bind_to_any_port(config.host);
    } else if (!impl_->server.bind_to_port(config.host, port)) {
        port = -1;
    }
    if (port <= 0) {
        const std::string where = config.host + ":" + std::to_string(config.port);
        return MakeError(ErrorCode::kUnavailable, "http.bind", "无法监听 " + where + "（端口可能已被占用）",
                         "cannot listen on " + where + " (is the port in use?)", "server.port");
    }
    return port;
}

Status ApiServer::Run() {
    if (!impl_->server.listen_after_bind()) {
        return MakeError(ErrorCode::kUnavailable, "http.listen", "HTTP 服务异常停止", "the HTTP listener failed");
    }
    return Ok();
}

void ApiServer::Stop() { impl_->server.stop(); }

}  // namespace npgov::http
