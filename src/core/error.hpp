// The one error idiom of npgov: Result<T> = tl::expected<T, Error>, Status = Result<void>.
// An Error has a closed code (what the caller can do about it), a stable dotted reason
// ("cas.check_digit") that clients may match on, the field/row at fault, and messages in
// Chinese and English for the person who supplied the input.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace npgov {

enum class ErrorCode {
    kInvalidArgument,     // bad input; nothing changed
    kNotFound,            // the thing named does not exist
    kAlreadyExists,       // a unique key is taken
    kFailedPrecondition,  // the system is not in a state that allows this
    kUnauthenticated,     // no valid session or credentials
    kPermissionDenied,    // authenticated, but the role/scope does not allow it
    kResourceExhausted,   // rate limited or over a size limit
    kUnavailable,         // a dependency (database, network) is down; retry may help
    kDataLoss,            // stored data is corrupt or fails verification
    kInternal,            // a bug
};

// Stable lower-case name, e.g. "invalid_argument"; used in JSON and logs.
std::string_view ToString(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string reason;      // stable dotted id, e.g. "uscc.check_char"
    std::string message_zh;  // for users, Chinese
    std::string message_en;  // for users, English
    std::string field;       // the field/column at fault, if any
    long row = 0;            // 1-based row of an import at fault; 0 when not applicable

    // Returns "reason: message_en [field=…, row=…]" for logs and CLI output.
    std::string Describe() const;
};

template <typename T>
using Result = tl::expected<T, Error>;
using Status = Result<void>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string reason, std::string zh,
                                       std::string en, std::string field = {}) {
    return tl::unexpected<Error>(
        Error{code, std::move(reason), std::move(zh), std::move(en), std::move(field), 0});
}

inline Status Ok() { return {}; }

// Thrown only by NPGOV_CHECK for bugs; converted to kInternal at each face's last-resort catch.
struct InternalError {
    std::string what;
};

}  // namespace npgov

#define NPGOV_CONCAT_INNER(a, b) a##b
#define NPGOV_CONCAT(a, b) NPGOV_CONCAT_INNER(a, b)

// Returns the error of `expr` (a Result) from the enclosing function.
#define NPGOV_RETURN_IF_ERROR(expr)                                         \
    do {                                                                    \
        auto npgov_status_ = (expr);                                        \
        if (!npgov_status_) return tl::unexpected(npgov_status_.error());  \
    } while (0)

// Declares/assigns `lhs` from the value of `expr`, or returns its error.
#define NPGOV_ASSIGN_OR_RETURN(lhs, expr) \
    NPGOV_ASSIGN_OR_RETURN_IMPL(NPGOV_CONCAT(npgov_result_, __LINE__), lhs, expr)
#define NPGOV_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)          \
    auto tmp = (expr);                                       \
    if (!tmp) return tl::unexpected(std::move(tmp).error()); \
    lhs = std::move(*tmp)

// For invariants that no input can break; a failure is a bug.
#define NPGOV_CHECK(cond)                                                              \
    do {                                                                               \
        if (!(cond))                                                                   \
            throw ::npgov::InternalError{std::string("check failed: ") + #cond + " at " + \
                                         __FILE__ + ":" + std::to_string(__LINE__)};   \
    } while (0)
