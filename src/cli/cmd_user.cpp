#include <cstdlib>
#include <iomanip>
#include <istream>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"

namespace npgov::cli {
namespace {

constexpr std::string_view kCliActor = "system:cli";

nlohmann::json UserJson(const auth::User& u) {
    auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    return {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"role", auth::ToString(u.role)},
            {"department_code", opt(u.department_code)}, {"region_code", opt(u.region_code)},
            {"enterprise_id", opt(u.enterprise_id)}, {"disabled", u.disabled}, {"created_at", u.created_at}};
}

void PrintUser(std::ostream& out, const auth::User& u) {
    out << std::left << std::setw(6) << u.id << std::setw(20) << u.username << std::setw(12) << auth::ToString(u.role)
        << std::setw(10) << u.department_code.value_or("-") << std::setw(8) << u.region_code.value_or("-")
        << (u.disabled ? "disabled " : "active   ") << u.display_name << "\n";
}

}  // namespace

int RunUserAdd(const UserAddArgs& args, const config::Config& config, CliContext& context, std::istream& in) {
    auto role = auth::ParseRole(args.role);
    if (!role) return Fail(context, role.error(), args.json);
    std::string password;
    if (args.password_stdin) {
        std::getline(in, password);
    } else if (const char* env = std::getenv("NPGOV_NEW_PASSWORD")) {
        password = env;
    } else {
        return Fail(context, MakeError(ErrorCode::kInvalidArgument, "user.password",
                                       "请通过 --password-stdin 或环境变量 NPGOV_NEW_PASSWORD 提供密码",
                                       "give the password with --password-stdin or NPGOV_NEW_PASSWORD", "password").value(),
                    args.json);
    }
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auth::NewUser input{args.username, args.display_name, password, *role, args.department, args.region, args.enterprise_id};
    auto user = (*app)->services().users.Create(input, std::string(kCliActor));
    if (!user) return Fail(context, user.error(), args.json);
    if (args.json) {
        context.out << UserJson(*user).dump(2) << "\n";
    } else {
        context.out << "created user " << user->username << " (id " << user->id << ")\n";
    }
    return kExitOk;
}

int RunUserList(const UserListArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    nlohmann::json all = nlohmann::json::array();
    for (int page = 1;; ++page) {
        auto users = (*app)->services().users.List({page, kMaxPageSize});
        if (!users) return Fail(context, users.error(), args.json);
        for (const auto& u : users->items) {
            if (args.json) {
                all.push_back(UserJson(u));
            } else {
                PrintUser(context.out, u);
            }
        }
        if (static_cast<std::int64_t>(page) * kMaxPageSize >= users->total) break;
    }
    if (args.json) context.out << all.dump(2) << "\n";
    return kExitOk;
}

int RunUserDisable(const UserDisableArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto& users = (*app)->services().users;
    auto found = users.FindCredentials(args.username);
    if (!found) return Fail(context, found.error(), args.json);
    if (!*found) {
        return Fail(context, MakeError(ErrorCode::kNotFound, "user.unknown", "用户 " + args.username + " 不存在",
                                       "there is no user " + args.username, "username").value(),
                    args.json);
    }
    auto user = users.Disable((*found)->first.id, std::string(kCliActor));
    if (!user) return Fail(context, user.error(), args.json);
    if (args.json) {
        context.out << UserJson(*user).dump(2) << "\n";
    } else {
        context.out << "disabled user " << user->username << "\n";
    }
    return kExitOk;
}

}  // namespace npgov::cli
