#include "modules/lists/list_registry.hpp"

#include <gtest/gtest.h>

#include "modules/lists/list_diff.hpp"
#include "modules/lists/list_files.hpp"
#include "support/app_fixture.hpp"

namespace npgov::lists {
namespace {

class ListRegistryTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        auto editions = LoadListManifest("data/lists/lists.json");
        ASSERT_TRUE(editions) << editions.error().Describe();
        editions_ = std::move(*editions);
        registry_ = std::make_unique<ListRegistry>(db(), *audit_, clock_);
    }

    const Edition& Shipped(const std::string& list, const std::string& edition) {
        for (const auto& e : editions_) {
            if (e.list_id == list && e.edition == edition) return e;
        }
        throw std::runtime_error("no shipped edition " + list + "@" + edition);
    }

    std::vector<Edition> editions_;
    std::unique_ptr<ListRegistry> registry_;
};

TEST_P(ListRegistryTest, StoresEveryShippedEditionAndReadsItBackUnchanged) {
    for (const auto& e : editions_) {
        auto saved = registry_->SaveEdition(e, "test");
        ASSERT_TRUE(saved) << saved.error().Describe();
        EXPECT_EQ(*saved, SaveOutcome::kCreated);
    }
    for (const auto& e : editions_) {
        auto stored = registry_->FindEdition(e.list_id, e.edition);
        ASSERT_TRUE(stored) << stored.error().Describe();
        EXPECT_EQ(ComputeContentHash(*stored), ComputeContentHash(e)) << e.list_id << "@" << e.edition;
        const auto diff = DiffEditions(e, *stored);
        EXPECT_TRUE(diff.changed.empty() && diff.added.empty() && diff.removed.empty()) << e.list_id;
    }
    auto lists = registry_->ListLists();
    ASSERT_TRUE(lists);
    ASSERT_EQ(lists->size(), 4u);
    auto priority = registry_->FindList("priority_control");
    ASSERT_TRUE(priority);
    ASSERT_EQ(priority->editions.size(), 2u);
    EXPECT_EQ(priority->editions[0].edition, "2017");
    EXPECT_EQ(priority->editions[0].entries, 22);
    EXPECT_EQ(priority->editions[1].entries, 40);
    auto latest = registry_->FindEdition("priority_control");
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->edition, "2020");
}

TEST_P(ListRegistryTest, SavingAgainIsUnchangedAndACorrectionReplacesWithAnAuditEntry) {
    const Edition& key = Shipped("key_controlled", "2023");
    ASSERT_TRUE(registry_->SaveEdition(key, "test"));
    const auto audit_before = *audit_->Count();
    auto again = registry_->SaveEdition(key, "test");
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, SaveOutcome::kUnchanged);
    EXPECT_EQ(*audit_->Count(), audit_before);

    Edition corrected = key;
    corrected.entries[0].notes = "corrected (synthetic test change)";
    auto replaced = registry_->SaveEdition(corrected, "admin");
    ASSERT_TRUE(replaced);
    EXPECT_EQ(*replaced, SaveOutcome::kReplaced);
    EXPECT_EQ(*audit_->Count(), audit_before + 1);
    auto entries = audit_->List({std::nullopt, std::string("lists.edition_replace")}, {1, 5});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->items.size(), 1u);
    EXPECT_EQ(entries->items[0].change.actor, "admin");
    EXPECT_EQ(entries->items[0].change.entity_id, "key_controlled@2023");
    auto stored = registry_->FindEdition("key_controlled", "2023");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->entries[0].notes, "corrected (synthetic test change)");
    auto lists = registry_->ListLists();
    ASSERT_TRUE(lists);
    ASSERT_EQ(lists->size(), 1u);
    EXPECT_EQ(lists->at(0).editions.size(), 1u) << "replaced, not added";
}

TEST_P(ListRegistryTest, UnknownListsAndEditionsAreNotFound) {
    ASSERT_TRUE(registry_->SaveEdition(Shipped("priority_control", "2017"), "test"));
    auto list = registry_->FindEdition("no_such_list");
    ASSERT_FALSE(list);
    EXPECT_EQ(list.error().reason, "lists.unknown");
    auto edition = registry_->FindEdition("priority_control", "1999");
    ASSERT_FALSE(edition);
    EXPECT_EQ(edition.error().reason, "lists.edition_unknown");
    EXPECT_EQ(edition.error().field, "edition");
    EXPECT_NE(edition.error().message_en.find("2017"), std::string::npos) << "names the editions there are";
}

TEST_P(ListRegistryTest, AllEditionsFollowsNewEditionsAndPicksTheOneInForce) {
    ASSERT_TRUE(registry_->SaveEdition(Shipped("priority_control", "2017"), "test"));
    auto first = registry_->AllEditions();
    ASSERT_TRUE(first);
    ASSERT_EQ((*first)->size(), 1u);
    auto cached = registry_->AllEditions();
    ASSERT_TRUE(cached);
    EXPECT_EQ(first->get(), cached->get()) << "unchanged lists are served from the cache";

    ASSERT_TRUE(registry_->SaveEdition(Shipped("priority_control", "2020"), "test"));
    auto second = registry_->AllEditions();
    ASSERT_TRUE(second);
    ASSERT_EQ((*second)->size(), 2u);
    const auto& all = **second;
    EXPECT_EQ(EditionInForce(all, "priority_control", *Date::Parse("2017-01-01")), nullptr);
    EXPECT_EQ(EditionInForce(all, "priority_control", *Date::Parse("2017-12-27"))->edition, "2017");
    EXPECT_EQ(EditionInForce(all, "priority_control", *Date::Parse("2020-11-12"))->edition, "2017");
    EXPECT_EQ(EditionInForce(all, "priority_control", *Date::Parse("2024-06-01"))->edition, "2020");
}

INSTANTIATE_TEST_SUITE_P(Backends, ListRegistryTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::lists
