#include "store/text_search.hpp"

#include <gtest/gtest.h>

#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace npgov::store {
namespace {

const TrigramIndex kIndex{"names", "term"};

class TextSearchTest : public test::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        auto migrated = ApplyMigrations(db(), {{1, "names", "CREATE TABLE names (id {{id}}, term TEXT NOT NULL)"}});
        ASSERT_TRUE(migrated) << migrated.error().Describe();
    }

    void Insert(const std::string& term) {
        auto c = db().Acquire();
        ASSERT_TRUE(c);
        ASSERT_TRUE(Execute(**c, "INSERT INTO names (term) VALUES (?)", {term}));
    }

    // The terms containing `needle`, sorted.
    std::vector<std::string> Find(const std::string& needle) {
        auto c = db().Acquire();
        EXPECT_TRUE(c);
        const auto condition = TrigramContains(db().dialect(), kIndex, needle);
        auto rows = (*c)->Query("SELECT term FROM names WHERE " + condition.sql + " ORDER BY term", condition.params);
        EXPECT_TRUE(rows) << (rows ? "" : rows.error().Describe());
        std::vector<std::string> out;
        if (rows) {
            for (const auto& row : rows->rows) out.push_back(row.Text(0));
        }
        return out;
    }

    Result<bool> Ensure() {
        auto c = db().Acquire();
        if (!c) return tl::unexpected(c.error());
        return EnsureTrigramIndex(**c, kIndex);
    }
};

using Terms = std::vector<std::string>;

TEST_P(TextSearchTest, FindsSubstringsInChineseAndEnglishBeforeAndAfterTheIndexExists) {
    Insert("全氟辛基磺酸");
    Insert("perfluorooctanoic acid");
    auto ensured = Ensure();
    ASSERT_TRUE(ensured) << ensured.error().Describe();
    EXPECT_TRUE(*ensured);
    Insert("全氟辛酸");             // written after the index: kept current
    Insert("100%_pure \"quoted\"");
    EXPECT_EQ(Find("全氟辛"), (Terms{"全氟辛基磺酸", "全氟辛酸"}));
    EXPECT_EQ(Find("磺酸"), (Terms{"全氟辛基磺酸"})) << "two characters: below the trigram length";
    EXPECT_EQ(Find("OCTANOIC"), (Terms{"perfluorooctanoic acid"})) << "ASCII case-insensitive";
    EXPECT_EQ(Find("oc"), (Terms{"perfluorooctanoic acid"}));
    EXPECT_EQ(Find("0%_"), (Terms{"100%_pure \"quoted\""})) << "LIKE wildcards are literal";
    EXPECT_EQ(Find("%"), (Terms{"100%_pure \"quoted\""}));
    EXPECT_EQ(Find("\"quoted\""), (Terms{"100%_pure \"quoted\""})) << "quotes are literal";
    EXPECT_TRUE(Find("全氟己").empty());
}

TEST_P(TextSearchTest, FollowsUpdatesAndDeletesAndEnsureIsIdempotent) {
    Insert("二氯甲烷");
    ASSERT_TRUE(Ensure());
    ASSERT_TRUE(Ensure()) << "a second call finds the index there";
    auto c = db().Acquire();
    ASSERT_TRUE(c);
    ASSERT_TRUE(Execute(**c, "UPDATE names SET term = ? WHERE term = ?", {std::string("三氯甲烷"), std::string("二氯甲烷")}));
    EXPECT_TRUE(Find("二氯甲").empty());
    EXPECT_EQ(Find("三氯甲"), (Terms{"三氯甲烷"}));
    ASSERT_TRUE(Execute(**c, "DELETE FROM names WHERE term = ?", {std::string("三氯甲烷")}));
    EXPECT_TRUE(Find("三氯甲").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, TextSearchTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::store
