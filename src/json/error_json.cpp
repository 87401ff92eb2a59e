#include "json/error_json.hpp"

namespace npgov {

nlohmann::json ErrorJson(const Error& error) {
    nlohmann::json body = {{"code", ToString(error.code)},
                           {"reason", error.reason},
                           {"message_zh", error.message_zh},
                           {"message_en", error.message_en}};
    if (!error.field.empty()) body["field"] = error.field;
    if (error.row > 0) body["row"] = error.row;
    return body;
}

}  // namespace npgov
