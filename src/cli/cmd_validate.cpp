#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"
#include "core/cas_number.hpp"
#include "core/uscc.hpp"

namespace npgov::cli {

int RunValidate(const ValidateArgs& args, CliContext& context) {
    Result<std::string> normalised = args.kind == ValidateKind::kCas
                                         ? CasNumber::Parse(args.value).map([](const CasNumber& c) { return c.text(); })
                                         : Uscc::Parse(args.value).map([](const Uscc& u) { return u.text(); });
    const char* kind = args.kind == ValidateKind::kCas ? "cas" : "uscc";
    if (args.json) {
        nlohmann::json out = {{"kind", kind}, {"input", args.value}, {"valid", normalised.has_value()}};
        if (normalised) {
            out["normalized"] = *normalised;
        } else {
            const Error& e = normalised.error();
            out["error"] = {{"code", ToString(e.code)}, {"reason", e.reason}, {"message_zh", e.message_zh},
                            {"message_en", e.message_en}, {"field", e.field}};
        }
        context.out << out.dump(2) << "\n";
        return normalised ? kExitOk : kExitData;
    }
    if (!normalised) return Fail(context, normalised.error());
    context.out << *normalised << " 有效 / valid\n";
    return kExitOk;
}

}  // namespace npgov::cli
