#include "modules/enterprise/enterprise_import.hpp"

#include <iconv.h>

#include <gtest/gtest.h>

#include "core/uscc.hpp"
#include "engines/tabular/table.hpp"
#include "support/app_fixture.hpp"

namespace npgov::enterprise {
namespace {

std::string Code(const std::string& region, const std::string& body9) {
    const std::string first17 = "91" + region + body9;
    return first17 + *ComputeUsccCheckChar(first17);
}

std::string ToGbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
    char* src = in.data();
    char* dst = out.data();
    std::size_t src_left = in.size(), dst_left = out.size();
    iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    out.resize(out.size() - dst_left);
    return out;
}

class EnterpriseImportTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        importer_ = std::make_unique<EnterpriseImporter>(db(), *enterprises_, *reference_, *audit_, clock_);
    }
    std::int64_t Count() { return enterprises_->List({}, {}, {1, 1})->total; }
    std::unique_ptr<EnterpriseImporter> importer_;
};

TEST_P(EnterpriseImportTest, ImportsEveryFieldFromCsv) {
    const std::string csv =
        "朔州市企业名录（测试）\n"
        "统一社会信用代码,企业名称,区县,行业代码,园区,地址,纬度,经度,联系人,联系电话,纳入名录,重点排污单位\n" +
        Code("140602", "MA0K00011") + ",甲化工（测试）,朔城区,C2614,朔州经济开发区,北路1号,39.3,112.4,张三,0349-2021234,是,否\n" +
        Code("140621", "MA0K00022") + ",乙涂料（测试）,140621,2641,,,,,,,,\n";
    auto report = importer_->Import(csv, {}, "officer");
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_TRUE(report->committed);
    EXPECT_EQ(report->created, 2);
    EXPECT_EQ(report->format, "csv-utf8");
    auto found = enterprises_->FindByUscc(Code("140602", "MA0K00011"));
    ASSERT_TRUE(found && *found);
    const Enterprise& e = **found;
    EXPECT_EQ(e.region_code, "140602");
    EXPECT_EQ(e.industry_code, "2614");
    EXPECT_EQ(e.park, "朔州经济开发区");
    EXPECT_EQ(e.contact_phone, "0349-2021234");
    EXPECT_TRUE(e.flags.on_roster);
    EXPECT_FALSE(e.flags.key_discharge_unit);
    EXPECT_DOUBLE_EQ(e.latitude.value_or(0), 39.3);
    EXPECT_EQ(*audit_->Count(), 2 + 1) << "one entry per enterprise (plus the reference load)";
}

TEST_P(EnterpriseImportTest, ReportsEveryBadRowAndStoresNothing) {
    MakeEnterprise("已登记企业（测试）");
    const std::string taken = enterprises_->List({}, {}, {1, 1})->items[0].uscc;
    const std::string good = Code("140602", "MA0K00033");
    std::string bad_check = Code("140602", "MA0K00044");
    bad_check.back() = bad_check.back() == '0' ? '1' : '0';
    const std::string csv = "统一社会信用代码,企业名称,区县,行业代码,联系电话,纬度,经度,纳入名录\n" +
                            good + ",好企业,140602,2641,,,,\n" +       // row 2: fine
                            bad_check + ",坏代码,140699,2641,,,,\n" +  // row 3: bad code and unknown county
                            taken + ",已登记,140602,2641,,,,\n" +      // row 4
                            good + ",重复,140602,2641,,,,\n" +         // row 5
                            Code("140602", "MA0K00055") + ",,140699,0000,12ab,39.3,,也许\n";  // row 6: six problems
    const auto before = *audit_->Count();
    auto report = importer_->Import(csv, {}, "officer");
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_FALSE(report->committed);
    std::vector<std::pair<long, std::string>> got;
    for (const auto& e : report->errors) {
        got.emplace_back(e.row, e.reason);
        EXPECT_FALSE(e.message_zh.empty());
        EXPECT_FALSE(e.field.empty()) << e.reason;
    }
    const std::vector<std::pair<long, std::string>> expected = {
        {3, "uscc.check_char"},         {3, "region.unknown"},   {4, "enterprise.uscc_taken"},
        {5, "enterprise_import.duplicate"}, {6, "enterprise.flag"}, {6, "enterprise.name"},
        {6, "region.unknown"},          {6, "industry.unknown"}, {6, "enterprise.coordinates"},
        {6, "enterprise.phone"}};  // every problem of a row, not only its first
    EXPECT_EQ(got, expected);
    EXPECT_EQ(Count(), 1);
    EXPECT_EQ(*audit_->Count(), before);
}

TEST_P(EnterpriseImportTest, ReadsGbkAndFullWidth) {
    const std::string csv = ToGbk("统一社会信用代码,企业名称,区县,行业代码,纬度,经度\n" + Code("140681", "MA0K00066") +
                                  ",怀仁煤化（测试）,怀仁市,２５２１,３９．８,１１３．１\n");
    auto report = importer_->Import(csv, {}, "officer");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors[0].Describe();
    EXPECT_EQ(report->format, "csv-gbk");
    auto found = enterprises_->FindByUscc(Code("140681", "MA0K00066"));
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->name, "怀仁煤化（测试）");
    EXPECT_EQ((*found)->industry_code, "2521");
    EXPECT_DOUBLE_EQ((*found)->longitude.value_or(0), 113.1);
}

TEST_P(EnterpriseImportTest, MissingColumnsAreOneClearError) {
    auto report = importer_->Import("统一社会信用代码,企业名称\n" + Code("140602", "MA0K00077") + ",x\n", {}, "officer");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().reason, "enterprise_import.columns");
    EXPECT_NE(report.error().message_zh.find("行业代码"), std::string::npos);
}

TEST_P(EnterpriseImportTest, ExportRoundTripsThroughXlsxAndUpsertChangesOnlyWhatDiffers) {
    auto a = MakeEnterprise("出口甲（测试）", "140602");
    MakeEnterprise("出口乙（测试）", "140621");
    ASSERT_TRUE(enterprises_->Update(a.id, {.contact_name = "李四", .contact_phone = "13912345678", .on_roster = true},
                                     EditRights::kFull, {}, "officer"));
    auto xlsx = importer_->Export({}, ExportFormat::kXlsx);
    ASSERT_TRUE(xlsx) << xlsx.error().Describe();
    auto table = tabular::ReadTable(*xlsx);
    ASSERT_TRUE(table) << table.error().Describe();
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[0][*table->FindColumn("联系人")], "李四");
    EXPECT_EQ(table->rows[0][*table->FindColumn("纳入名录")], "是");

    auto same = importer_->Import(*xlsx, {ImportMode::kUpsert, false}, "officer");
    ASSERT_TRUE(same) << same.error().Describe();
    EXPECT_TRUE(same->errors.empty());
    EXPECT_EQ(same->unchanged, 2);
    EXPECT_EQ(same->updated, 0);
    auto refused = importer_->Import(*xlsx, {}, "officer");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->errors.size(), 2u) << "create-only mode refuses registered codes";

    auto csv = importer_->Export({}, ExportFormat::kCsv);
    ASSERT_TRUE(csv);
    std::string edited = *csv;
    edited.replace(edited.find("李四"), std::string("李四").size(), "王五");
    auto changed = importer_->Import(edited, {ImportMode::kUpsert, false}, "officer");
    ASSERT_TRUE(changed) << changed.error().Describe();
    EXPECT_EQ(changed->updated, 1);
    EXPECT_EQ(changed->unchanged, 1);
    EXPECT_EQ(enterprises_->Find(a.id)->contact_name, "王五");
    EXPECT_TRUE(enterprises_->Find(a.id)->flags.on_roster);
}

TEST_P(EnterpriseImportTest, ExportKeepsToScope) {
    MakeEnterprise("范围甲（测试）", "140602");
    MakeEnterprise("范围乙（测试）", "140621");
    auto csv = importer_->Export({std::string("140621"), std::nullopt}, ExportFormat::kCsv);
    ASSERT_TRUE(csv);
    EXPECT_EQ(csv->find("范围甲"), std::string::npos);
    EXPECT_NE(csv->find("范围乙"), std::string::npos);
}

TEST_P(EnterpriseImportTest, EnterpriseUsersChangeOnlyContactFields) {
    auto a = MakeEnterprise("联系甲（测试）", "140602");
    auto b = MakeEnterprise("联系乙（测试）", "140602");
    const EnterpriseScope own{std::nullopt, a.id};
    auto renamed = enterprises_->Update(a.id, {.name = "改名"}, EditRights::kContactOnly, own, "ehs");
    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().reason, "enterprise.contact_only");
    EXPECT_EQ(renamed.error().field, "name");
    auto other = enterprises_->Update(b.id, {.contact_name = "赵六"}, EditRights::kContactOnly, own, "ehs");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
    auto bad_phone = enterprises_->Update(a.id, {.contact_phone = "call me"}, EditRights::kContactOnly, own, "ehs");
    ASSERT_FALSE(bad_phone);
    EXPECT_EQ(bad_phone.error().reason, "enterprise.phone");
    const auto before = *audit_->Count();
    auto ok = enterprises_->Update(a.id, {.contact_name = "赵六", .contact_phone = "１３９１２３４５６７８"},
                                   EditRights::kContactOnly, own, "ehs");
    ASSERT_TRUE(ok) << ok.error().Describe();
    EXPECT_EQ(ok->contact_phone, "13912345678");
    EXPECT_EQ(*audit_->Count(), before + 1);
    auto again = enterprises_->Update(a.id, {.contact_name = "赵六"}, EditRights::kContactOnly, own, "ehs");
    ASSERT_TRUE(again);
    EXPECT_EQ(*audit_->Count(), before + 1) << "an unchanged value writes nothing";
    auto entries = audit_->List({std::string("ehs"), std::string("enterprise.update")}, {1, 5});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->total, 1);
    EXPECT_NE(entries->items[0].change.before_json->find("\"contact_name\":\"\""), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, EnterpriseImportTest, ::testing::ValuesIn(test::AllBackends()),
                         test::BackendParamName);

}  // namespace
}  // namespace npgov::enterprise
