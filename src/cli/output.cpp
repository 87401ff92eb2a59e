#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"

namespace npgov::cli {

int Fail(CliContext& context, const Error& error, bool json) {
    if (json) {
        nlohmann::json body = {{"code", ToString(error.code)}, {"reason", error.reason},
                               {"message_zh", error.message_zh}, {"message_en", error.message_en}};
        if (!error.field.empty()) body["field"] = error.field;
        if (error.row > 0) body["row"] = error.row;
        context.out << nlohmann::json{{"error", body}}.dump(2) << "\n";
    } else {
        context.err << "npgov: " << error.message_zh << "\n";
        context.err << "npgov: " << error.Describe() << "\n";
    }
    return ExitCode(error.code);
}

}  // namespace npgov::cli
