#include "modules/reference/reference.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::reference {
namespace {

class ReferenceTest : public test::AppTest {};

// The plan (朔政办发〔2023〕18号) names 15 city departments plus the monitoring centre it
// relies on; Shuozhou has six county-level divisions (GB/T 2260) and the development zone.
TEST(LoadReferenceFilesTest, LoadsTheShippedDataFiles) {
    auto files = LoadReferenceFiles("data");
    ASSERT_TRUE(files) << files.error().Describe();
    EXPECT_EQ(files->departments.size(), 16u);
    EXPECT_EQ(files->regions.size(), 8u);
    EXPECT_GE(files->industries.size(), 10u);
    for (const auto& d : files->departments) EXPECT_FALSE(d.source.empty()) << d.code;
    for (const auto& r : files->regions) EXPECT_FALSE(r.source.empty()) << r.code;
}

TEST(LoadReferenceFilesTest, ReportsTheBadRow) {
    const auto dir = std::filesystem::temp_directory_path() / "npgov_reference_bad";
    std::filesystem::create_directories(dir);
    for (auto name : {"departments.csv", "industries.csv"}) {
        std::filesystem::copy_file(std::filesystem::path("data") / name, dir / name,
                                   std::filesystem::copy_options::overwrite_existing);
    }
    std::ofstream(dir / "regions.csv") << "code,name_zh,name_en,level,parent,source\n"
                                          "140600,朔州市,Shuozhou,city,,x\n"
                                          "14060X,坏,Bad,county,140600,x\n";
    auto files = LoadReferenceFiles(dir);
    ASSERT_FALSE(files);
    EXPECT_EQ(files.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(files.error().row, 3);
    EXPECT_NE(files.error().message_en.find("regions.csv line 3"), std::string::npos) << files.error().message_en;
    std::filesystem::remove_all(dir);
}

TEST_P(ReferenceTest, SavedDataListsBack) {
    auto regions = reference_->ListRegions();
    ASSERT_TRUE(regions);
    ASSERT_EQ(regions->size(), 8u);
    EXPECT_EQ(regions->front().code, "140600");
    EXPECT_EQ(regions->front().level, RegionLevel::kCity);
    auto shanyin = reference_->FindRegion("140621");
    ASSERT_TRUE(shanyin);
    EXPECT_EQ(shanyin->name_zh, "山阴县");
    EXPECT_EQ(shanyin->parent.value_or(""), "140600");
}

TEST_P(ReferenceTest, SavingAgainUpdatesInPlace) {
    auto files = LoadReferenceFiles("data");
    ASSERT_TRUE(files);
    files->departments[0].name_en = "Renamed";
    ASSERT_TRUE(reference_->Save(*files, "test"));
    auto departments = reference_->ListDepartments();
    ASSERT_TRUE(departments);
    EXPECT_EQ(departments->size(), 16u);
    auto renamed = reference_->FindDepartment(files->departments[0].code);
    ASSERT_TRUE(renamed);
    EXPECT_EQ(renamed->name_en, "Renamed");
}

TEST_P(ReferenceTest, UnknownCodesAreNotFound) {
    auto region = reference_->FindRegion("140699");
    ASSERT_FALSE(region);
    EXPECT_EQ(region.error().reason, "region.unknown");
    EXPECT_EQ(region.error().field, "region_code");
    EXPECT_EQ(reference_->FindDepartment("nope").error().reason, "department.unknown");
    EXPECT_EQ(reference_->FindIndustry("9999").error().reason, "industry.unknown");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReferenceTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::reference
