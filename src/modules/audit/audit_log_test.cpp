#include "modules/audit/audit_log.hpp"

#include <thread>

#include <gtest/gtest.h>

#include "store/transaction.hpp"
#include "support/app_fixture.hpp"

namespace npgov::audit {
namespace {

class AuditLogTest : public test::AppTest {
protected:
    void AppendMany(int n, const std::string& actor) {
        for (int i = 0; i < n; ++i) {
            auto connection = db().Acquire();
            ASSERT_TRUE(connection);
            auto tx = store::Transaction::Begin(**connection);
            ASSERT_TRUE(tx);
            ASSERT_TRUE(audit_->Append(**connection, {actor, "test.write", "thing", std::to_string(i), std::nullopt,
                                                      R"({"n":)" + std::to_string(i) + "}"}));
            ASSERT_TRUE(tx->Commit());
        }
    }
    VerifyReport MustVerify() {
        auto report = audit_->Verify();
        EXPECT_TRUE(report) << report.error().Describe();
        return report.value_or(VerifyReport{});
    }
    void Tamper(const std::string& sql) {
        auto connection = db().Acquire();
        ASSERT_TRUE(connection);
        auto done = (*connection)->Execute(sql);
        ASSERT_TRUE(done) << done.error().Describe();
    }
};

// The expected value was computed independently with Python's hashlib and json:
//   sha256(prev + "\n" + json.dumps([1, at, actor, action, entity, id, None, after],
//                                   ensure_ascii=False, separators=(",", ":")))
TEST(ComputeEntryHashTest, MatchesIndependentComputation) {
    const Change change{"admin", "user.create", "user", "5", std::nullopt, R"({"username":"张三"})"};
    EXPECT_EQ(ComputeEntryHash(1, "2026-11-29T00:00:00Z", change, std::string(kGenesisHash)),
              "c550eb7736df413c0ec030044e7a0baece40686d1f96dc393903e9b0c2d879d3");
}

TEST_P(AuditLogTest, ChainOfAppendsVerifies) {
    const auto before = MustVerify().checked;  // reference seeding already wrote one entry
    AppendMany(20, "alice");
    const auto report = MustVerify();
    EXPECT_TRUE(report.ok) << report.reason;
    EXPECT_EQ(report.checked, before + 20);
}

TEST_P(AuditLogTest, EditedRowIsTheFirstBrokenLink) {
    AppendMany(10, "alice");
    Tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5");
    const auto report = MustVerify();
    EXPECT_FALSE(report.ok);
    ASSERT_TRUE(report.first_broken_seq);
    EXPECT_EQ(*report.first_broken_seq, 5);
    EXPECT_EQ(report.checked, 4);
}

TEST_P(AuditLogTest, DeletedRowIsReported) {
    AppendMany(10, "alice");
    Tamper("DELETE FROM audit_log WHERE seq = 7");
    const auto report = MustVerify();
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.first_broken_seq.value_or(0), 8);
}

TEST_P(AuditLogTest, RehashedRowStillBreaksTheNextLink) {
    AppendMany(6, "alice");
    // A forger edits entry 3 and recomputes its own hash: entry 4 still commits to the old one.
    auto page = audit_->List({}, {1, 200});
    ASSERT_TRUE(page);
    Entry target;
    for (const auto& e : page->items) {
        if (e.seq == 3) target = e;
    }
    ASSERT_EQ(target.seq, 3);
    target.change.actor = "mallory";
    const std::string forged = ComputeEntryHash(target.seq, target.at, target.change, target.prev_hash);
    Tamper("UPDATE audit_log SET actor = 'mallory', hash = '" + forged + "' WHERE seq = 3");
    const auto report = MustVerify();
    EXPECT_EQ(report.first_broken_seq.value_or(0), 4);
}

TEST_P(AuditLogTest, ConcurrentWritersKeepOneChain) {
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
        writers.emplace_back([this, t] { AppendMany(15, "writer" + std::to_string(t)); });
    }
    for (auto& w : writers) w.join();
    const auto report = MustVerify();
    EXPECT_TRUE(report.ok) << report.reason << " at " << report.first_broken_seq.value_or(0);
    EXPECT_EQ(report.checked, 61);
}

TEST_P(AuditLogTest, ListsNewestFirstWithFilters) {
    AppendMany(3, "alice");
    AppendMany(2, "bob");
    auto page = audit_->List({std::string("bob"), std::nullopt}, {1, 10});
    ASSERT_TRUE(page) << page.error().Describe();
    EXPECT_EQ(page->total, 2);
    ASSERT_EQ(page->items.size(), 2u);
    EXPECT_GT(page->items[0].seq, page->items[1].seq);
    auto by_action = audit_->List({std::nullopt, std::string("test.")}, {2, 2});
    ASSERT_TRUE(by_action);
    EXPECT_EQ(by_action->total, 5);
    EXPECT_EQ(by_action->items.size(), 2u);
}

TEST_P(AuditLogTest, RolledBackWriteLeavesNoEntry) {
    const auto before = *audit_->Count();
    {
        auto connection = db().Acquire();
        ASSERT_TRUE(connection);
        auto tx = store::Transaction::Begin(**connection);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(audit_->Append(**connection, {"alice", "test.write", "thing", "1", std::nullopt, std::nullopt}));
    }  // no commit
    EXPECT_EQ(*audit_->Count(), before);
    EXPECT_TRUE(MustVerify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::audit
