#include "core/error.hpp"

#include <gtest/gtest.h>

namespace npgov {
namespace {

TEST(ErrorTest, DescribeNamesReasonMessageAndLocation) {
    struct Case {
        Error error;
        std::string_view expected;
    };
    const Case cases[] = {
        {{ErrorCode::kInvalidArgument, "cas.format", "", "bad", "cas", 0},
         "cas.format: bad [field=cas]"},
        {{ErrorCode::kInvalidArgument, "cas.format", "", "bad", "cas", 7},
         "cas.format: bad [field=cas, row=7]"},
        {{ErrorCode::kNotFound, "", "", "missing", "", 3}, "not_found: missing [row=3]"},
        {{ErrorCode::kInternal, "x.y", "", "oops", "", 0}, "x.y: oops"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(c.error.Describe(), c.expected) << c.expected;
    }
}

TEST(ErrorTest, CodesHaveStableNames) {
    EXPECT_EQ(ToString(ErrorCode::kInvalidArgument), "invalid_argument");
    EXPECT_EQ(ToString(ErrorCode::kFailedPrecondition), "failed_precondition");
    EXPECT_EQ(ToString(ErrorCode::kDataLoss), "data_loss");
}

Result<int> Half(int n) {
    if (n % 2 != 0) return MakeError(ErrorCode::kInvalidArgument, "test.odd", "奇数", "odd", "n");
    return n / 2;
}

Result<int> Quarter(int n) {
    NPGOV_ASSIGN_OR_RETURN(const int half, Half(n));
    NPGOV_ASSIGN_OR_RETURN(const int quarter, Half(half));
    return quarter;
}

Status CheckEven(int n) {
    NPGOV_RETURN_IF_ERROR(Half(n));
    return Ok();
}

TEST(ErrorTest, MacrosPropagateTheFirstError) {
    EXPECT_EQ(*Quarter(8), 2);
    EXPECT_EQ(Quarter(6).error().reason, "test.odd");
    EXPECT_TRUE(CheckEven(4));
    EXPECT_EQ(CheckEven(3).error().field, "n");
}

TEST(ErrorTest, CheckThrowsInternalErrorForBugs) {
    EXPECT_THROW(NPGOV_CHECK(1 + 1 == 3), InternalError);
    EXPECT_NO_THROW(NPGOV_CHECK(1 + 1 == 2));
}

}  // namespace
}  // namespace npgov
