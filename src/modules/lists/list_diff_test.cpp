#include "modules/lists/list_diff.hpp"

#include <gtest/gtest.h>

namespace npgov::lists {
namespace {

Measure Ban(const std::string& action, const std::string& from) {
    Measure m;
    m.action = action;
    m.action_zh = "禁止";
    m.text_zh = "禁止。";
    m.text_en = "Banned.";
    m.effective_from = *Date::Parse(from);
    return m;
}

Entry MakeEntry(const std::string& key, std::vector<std::string> cas, std::vector<Measure> measures) {
    Entry e;
    e.key = key;
    e.name_zh = "条目" + key;
    e.name_en = "Entry " + key;
    e.cas_numbers = std::move(cas);
    e.measures = std::move(measures);
    e.attributes_json = "{}";
    return e;
}

TEST(DiffEditionsTest, ReportsAddedRemovedAndChangedEntriesAndMeasures) {
    Edition from;
    from.list_id = "t";
    from.edition = "2023";
    from.entries = {MakeEntry("1", {"1763-23-1"}, {Ban("ban_production", "2023-03-01")}),
                    MakeEntry("2", {"335-67-1"}, {Ban("ban_production", "2023-03-01"), Ban("restrict_use", "2023-03-01")}),
                    MakeEntry("3", {"87-68-3"}, {Ban("ban_production", "2023-03-01")})};
    Edition to = from;
    to.edition = "2025";
    to.entries.erase(to.entries.begin() + 2);                                                  // 3 removed
    to.entries.push_back(MakeEntry("4", {"115-32-2"}, {Ban("ban_production", "2025-01-01")}));  // 4 added
    to.entries[1].cas_numbers.push_back("3825-26-1");                                          // 2: CAS added
    to.entries[1].structure_classes.push_back("list2023.e2.pfoa_related");
    to.entries[1].measures[0].effective_from = *Date::Parse("2025-01-01");                     // 2: measure changed
    to.entries[1].measures.pop_back();                                                         // 2: measure removed
    to.entries[1].measures.push_back(Ban("import_export_permit", "2025-01-01"));               // 2: measure added

    const EditionDiff diff = DiffEditions(from, to);
    EXPECT_EQ(diff.from, "2023");
    EXPECT_EQ(diff.to, "2025");
    ASSERT_EQ(diff.added.size(), 1u);
    EXPECT_EQ(diff.added[0].key, "4");
    ASSERT_EQ(diff.removed.size(), 1u);
    EXPECT_EQ(diff.removed[0].key, "3");
    EXPECT_EQ(diff.unchanged, 1);
    ASSERT_EQ(diff.changed.size(), 1u);
    const EntryChange& c = diff.changed[0];
    EXPECT_EQ(c.key, "2");
    EXPECT_EQ(c.cas_added, std::vector<std::string>{"3825-26-1"});
    EXPECT_TRUE(c.cas_removed.empty());
    EXPECT_EQ(c.classes_added, std::vector<std::string>{"list2023.e2.pfoa_related"});
    ASSERT_EQ(c.measures.size(), 3u);
    int added = 0, removed = 0, changed = 0;
    for (const auto& m : c.measures) {
        if (!m.before) {
            ++added;
            EXPECT_EQ(m.action, "import_export_permit");
        } else if (!m.after) {
            ++removed;
            EXPECT_EQ(m.action, "restrict_use");
        } else {
            ++changed;
            EXPECT_EQ(m.action, "ban_production");
            EXPECT_EQ(m.fields, std::vector<std::string>{"effective_from"});
        }
    }
    EXPECT_EQ(added + removed + changed, 3);
    EXPECT_EQ(added, 1);
    EXPECT_EQ(removed, 1);
}

TEST(DiffEditionsTest, SameEditionHasNoDifferences) {
    Edition e;
    e.list_id = "t";
    e.edition = "1";
    e.entries = {MakeEntry("1", {"50-00-0"}, {Ban("ban_production", "2020-01-01")})};
    const auto diff = DiffEditions(e, e);
    EXPECT_TRUE(diff.added.empty());
    EXPECT_TRUE(diff.removed.empty());
    EXPECT_TRUE(diff.changed.empty());
    EXPECT_EQ(diff.unchanged, 1);
}

}  // namespace
}  // namespace npgov::lists
