#include "core/error.hpp"

namespace npgov {

std::string_view ToString(ErrorCode code) {
    switch (code) {
        case ErrorCode::kInvalidArgument: return "invalid_argument";
        case ErrorCode::kNotFound: return "not_found";
        case ErrorCode::kAlreadyExists: return "already_exists";
        case ErrorCode::kFailedPrecondition: return "failed_precondition";
        case ErrorCode::kUnauthenticated: return "unauthenticated";
        case ErrorCode::kPermissionDenied: return "permission_denied";
        case ErrorCode::kResourceExhausted: return "resource_exhausted";
        case ErrorCode::kUnavailable: return "unavailable";
        case ErrorCode::kDataLoss: return "data_loss";
        case ErrorCode::kInternal: return "internal";
    }
    return "internal";
}

std::string Error::Describe() const {
    std::string out = reason.empty() ? std::string(ToString(code)) : reason;
    out += ": ";
    out += message_en;
    if (!field.empty() || row > 0) {
        out += " [";
        if (!field.empty()) out += "field=" + field;
        if (!field.empty() && row > 0) out += ", ";
        if (row > 0) out += "row=" + std::to_string(row);
        out += "]";
    }
    return out;
}

}  // namespace npgov
