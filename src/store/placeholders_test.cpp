#include "store/placeholders.hpp"

#include <gtest/gtest.h>

namespace npgov::store {
namespace {

TEST(PlaceholdersTest, ListsAndRows) {
    EXPECT_EQ(Placeholders(0), "");
    EXPECT_EQ(Placeholders(1), "?");
    EXPECT_EQ(Placeholders(3), "?, ?, ?");
    EXPECT_EQ(RowPlaceholders(1, 3), "(?, ?, ?)");
    EXPECT_EQ(RowPlaceholders(2, 2), "(?, ?), (?, ?)");
    EXPECT_EQ(RowPlaceholders(0, 4), "");
}

}  // namespace
}  // namespace npgov::store
