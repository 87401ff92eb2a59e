#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"

namespace npgov::cli {

int RunAuditVerify(const AuditVerifyArgs& args, const config::Config& config, CliContext& context) {
    auto app = context.open(config);
    if (!app) return Fail(context, app.error(), args.json);
    auto report = (*app)->services().audit.Verify();
    if (!report) return Fail(context, report.error(), args.json);
    if (args.json) {
        nlohmann::json out = {{"ok", report->ok}, {"checked", report->checked}};
        if (report->first_broken_seq) {
            out["first_broken_seq"] = *report->first_broken_seq;
            out["reason"] = report->reason;
        }
        context.out << out.dump(2) << "\n";
    } else if (report->ok) {
        context.out << "audit chain intact: " << report->checked << " entries verified\n";
    } else {
        context.out << "audit chain BROKEN at entry " << *report->first_broken_seq << ": " << report->reason << " ("
                    << report->checked << " entries before it verified)\n";
        context.out << "审计链在第 " << *report->first_broken_seq << " 条断开\n";
    }
    return report->ok ? kExitOk : kExitData;
}

}  // namespace npgov::cli
