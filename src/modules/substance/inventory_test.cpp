#include "modules/substance/inventory.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::substance {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class InventoryTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        inventory_ = std::make_unique<Inventory>(db(), *audit_, clock_);
    }

    // tests/integration/substance_data/iecsc_synthetic.csv: a title row, then 7 entries
    // (6 with CAS, one confidential with a serial only). Synthetic, not the IECSC.
    Result<IecscImportReport> ImportSynthetic(bool dry_run = false) {
        return inventory_->ImportIecsc(ReadFile("tests/integration/substance_data/iecsc_synthetic.csv"),
                                       "iecsc_synthetic.csv", true, dry_run, "admin");
    }

    std::unique_ptr<Inventory> inventory_;
};

TEST_P(InventoryTest, NewSubstanceStateFollowsTheInventoryAndRegistrations) {
    auto before = inventory_->Assess({"335-67-1"});
    ASSERT_TRUE(before);
    EXPECT_EQ(before->state, NewSubstanceState::kUnknown) << "no IECSC loaded: cannot tell";

    auto report = ImportSynthetic();
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors[0].Describe();
    EXPECT_TRUE(report->committed);
    EXPECT_EQ(report->entries, 7);
    EXPECT_EQ(report->with_cas, 6);
    auto status = inventory_->Status();
    ASSERT_TRUE(status);
    EXPECT_TRUE(status->loaded);
    EXPECT_TRUE(status->synthetic);
    EXPECT_EQ(status->entries, 7);

    auto water = inventory_->Assess({"7732-18-5"});
    ASSERT_TRUE(water);
    EXPECT_EQ(water->state, NewSubstanceState::kExisting);
    EXPECT_EQ(water->iecsc_cas, std::vector<std::string>{"7732-18-5"});
    auto pfoa = inventory_->Assess({"335-67-1"});
    ASSERT_TRUE(pfoa);
    EXPECT_EQ(pfoa->state, NewSubstanceState::kNew);
    EXPECT_NE(pfoa->reason_en.find("synthetic"), std::string::npos) << "says the copy is a test copy";
    auto none = inventory_->Assess({});
    ASSERT_TRUE(none);
    EXPECT_EQ(none->state, NewSubstanceState::kUnknown);

    auto registered = inventory_->AddRegistration(
        {"335-67-1", RegistrationKind::kSimplified, "SYN-2026-0001", "测试企业（合成）", "2026-01-15", "synthetic test"}, "admin");
    ASSERT_TRUE(registered) << registered.error().Describe();
    auto after = inventory_->Assess({"335-67-1"});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->state, NewSubstanceState::kRegistered);
    ASSERT_EQ(after->registrations.size(), 1u);
    EXPECT_EQ(after->registrations[0].reference_no, "SYN-2026-0001");
}

TEST_P(InventoryTest, BadRowsStoreNothingAndANewCopyReplacesTheOld) {
    ASSERT_TRUE(ImportSynthetic());
    const auto audit_before = *audit_->Count();
    auto bad = inventory_->ImportIecsc("CAS号,中文名称\n64-17-5,乙醇\n64-17-6,错误\n,无标识\n71-43-2,\n", "bad.csv", true,
                                       false, "admin");
    ASSERT_TRUE(bad);
    EXPECT_FALSE(bad->committed);
    ASSERT_EQ(bad->errors.size(), 3u);
    EXPECT_EQ(bad->errors[0].reason, "cas.check_digit");
    EXPECT_EQ(bad->errors[0].row, 3);
    EXPECT_EQ(bad->errors[1].reason, "iecsc.identity");
    EXPECT_EQ(bad->errors[2].reason, "iecsc.name");
    EXPECT_EQ(*audit_->Count(), audit_before);
    EXPECT_EQ(inventory_->Status()->entries, 7);

    auto repeated = inventory_->ImportIecsc("CAS号,英文名称\n64-17-5,Ethanol\n64-17-5,Ethyl alcohol\n", "small.csv", true,
                                            false, "admin");
    ASSERT_TRUE(repeated);
    EXPECT_TRUE(repeated->committed);
    EXPECT_EQ(repeated->entries, 1);
    EXPECT_EQ(repeated->replaced, 7);
    ASSERT_EQ(repeated->warnings.size(), 1u);
    EXPECT_EQ(repeated->warnings[0].reason, "iecsc.cas_repeated");
    EXPECT_EQ(*audit_->Count(), audit_before + 1);
    EXPECT_EQ(inventory_->Assess({"7732-18-5"})->state, NewSubstanceState::kNew) << "water is not in the new copy";
}

TEST_P(InventoryTest, RefusesFilesWithoutTheColumnsAndBadRegistrations) {
    auto columns = inventory_->ImportIecsc("a,b\n1,2\n", "x.csv", true, false, "admin");
    ASSERT_FALSE(columns);
    EXPECT_EQ(columns.error().reason, "iecsc.columns");
    auto empty = inventory_->ImportIecsc("", "x.csv", true, false, "admin");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().reason, "tabular.empty");
    auto dry = ImportSynthetic(true);
    ASSERT_TRUE(dry);
    EXPECT_FALSE(dry->committed);
    EXPECT_FALSE(inventory_->Status()->loaded);

    auto bad_cas = inventory_->AddRegistration({"335-67-2", RegistrationKind::kRegular, "R1", "X", "2026-01-01", ""}, "admin");
    ASSERT_FALSE(bad_cas);
    EXPECT_EQ(bad_cas.error().reason, "cas.check_digit");
    auto bad_date = inventory_->AddRegistration({"335-67-1", RegistrationKind::kRegular, "R1", "X", "2026-13-01", ""}, "admin");
    ASSERT_FALSE(bad_date);
    EXPECT_EQ(bad_date.error().field, "date");
    EXPECT_FALSE(ParseRegistrationKind("certificate"));
    EXPECT_EQ(*ParseRegistrationKind("简易登记"), RegistrationKind::kSimplified);
}

INSTANTIATE_TEST_SUITE_P(Backends, InventoryTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::substance
