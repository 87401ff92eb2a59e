#include "modules/survey/survey_service.hpp"

#include <iconv.h>

#include <chrono>

#include <gtest/gtest.h>

#include "engines/tabular/table.hpp"
#include "modules/substance/substance_registry.hpp"
#include "modules/survey/substance_link.hpp"
#include "support/app_fixture.hpp"

namespace npgov::survey {
namespace {

using auth::Principal;
using auth::Role;

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

RawLine Line(std::string cas, std::string activity, std::string quantity, std::string unit = "t", std::string uses = "") {
    RawLine r;
    r.cas = std::move(cas);
    r.activity = std::move(activity);
    r.quantity = std::move(quantity);
    r.unit = std::move(unit);
    r.uses = std::move(uses);
    return r;
}

class SurveyServiceTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        survey_ = std::make_unique<SurveyService>(db(), *enterprises_, *reference_, *audit_, clock_);
        paint_ = MakeEnterprise("恒泰涂料（测试）", "140602");    // industry 2641
        paint2_ = MakeEnterprise("金沙涂料（测试）", "140621");   // industry 2641
        auto other = MakeEnterprise("瑞丰热电（测试）", "140602");
        ASSERT_TRUE(enterprises_->Update(other.id, {.industry_code = "4411"}, enterprise::EditRights::kFull, {}, "test"));
        ehs_ = {10, "ehs", Role::kEnterprise, std::nullopt, std::nullopt, paint_.id};
    }

    Campaign MakeCampaign(int year, Tier tier = Tier::kBasic, std::string deadline = "2026-06-30") {
        auto c = survey_->CreateCampaign({year, tier, "", {"2641", "2614"}, {}, deadline}, city_);
        EXPECT_TRUE(c) << c.error().Describe();
        return c.value_or(Campaign{});
    }

    // Opens, fills, submits, reviews and approves a submission; returns its id.
    std::int64_t Approved(const Campaign& c, const enterprise::Enterprise& e, const std::vector<RawLine>& lines) {
        Principal who{11, "ehs." + std::to_string(e.id), Role::kEnterprise, std::nullopt, std::nullopt, e.id};
        auto s = survey_->OpenSubmission(c.id, e.id, who);
        EXPECT_TRUE(s) << s.error().Describe();
        auto saved = survey_->SaveDraft(s->id, lines, who);
        EXPECT_TRUE(saved && saved->errors == 0) << (saved ? saved->issues.at(0).error.Describe() : saved.error().Describe());
        EXPECT_TRUE(survey_->Submit(s->id, who));
        Principal county{12, "officer.county", Role::kOfficer, std::string("sthjj"), e.region_code, std::nullopt};
        EXPECT_TRUE(survey_->CountyReview(s->id, "", county));
        auto approved = survey_->Approve(s->id, "", city_);
        EXPECT_TRUE(approved) << approved.error().Describe();
        return s->id;
    }

    std::unique_ptr<SurveyService> survey_;
    enterprise::Enterprise paint_, paint2_;
    Principal city_{1, "officer", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    Principal county_sc_{2, "officer.sc", Role::kOfficer, std::string("sthjj"), std::string("140602"), std::nullopt};
    Principal county_sy_{3, "officer.sy", Role::kOfficer, std::string("sthjj"), std::string("140621"), std::nullopt};
    Principal analyst_{4, "analyst", Role::kAnalyst, std::string("jczx"), std::nullopt, std::nullopt};
    Principal ehs_;
};

TEST_P(SurveyServiceTest, CampaignInputIsCheckedAndAudited) {
    struct Case { NewCampaign input; const char* reason; const char* field; };
    const Case cases[] = {
        {{1999, Tier::kBasic, "", {"2641"}, {}, "2024-06-30"}, "survey.year", "year"},
        {{2023, Tier::kBasic, "", {}, {}, "2024-06-30"}, "survey.industries", "industries"},
        {{2023, Tier::kBasic, "", {"9999"}, {}, "2024-06-30"}, "industry.unknown", "industry_code"},
        {{2023, Tier::kBasic, "", {"2641"}, {"335-67-2"}, "2024-06-30"}, "cas.check_digit", "substances"},
        {{2023, Tier::kBasic, "", {"2641"}, {}, "2024-02-30"}, "date.invalid", "deadline"},
    };
    for (const auto& c : cases) {
        auto created = survey_->CreateCampaign(c.input, city_);
        ASSERT_FALSE(created) << c.reason;
        EXPECT_EQ(created.error().reason, c.reason);
        EXPECT_EQ(created.error().field, c.field) << c.reason;
    }
    EXPECT_EQ(survey_->CreateCampaign({2023, Tier::kBasic, "", {"2641"}, {}, "2024-06-30"}, ehs_).error().code,
              ErrorCode::kPermissionDenied);
    auto ok = survey_->CreateCampaign({2023, Tier::kDetailed, "", {"2641", "2641"}, {"３３５－６７－１"}, "2024年6月30日"}, city_);
    ASSERT_TRUE(ok) << ok.error().Describe();
    EXPECT_EQ(ok->title, "2023 年度化学物质环境信息调查（详细）");
    EXPECT_EQ(ok->industries, std::vector<std::string>{"2641"});
    EXPECT_EQ(ok->substances, std::vector<std::string>{"335-67-1"});
    auto listed = survey_->ListCampaigns();
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ((*listed)[0].deadline.ToIsoString(), "2024-06-30");
    auto entries = audit_->List({std::string("officer"), std::string("survey.campaign_create")}, {1, 5});
    EXPECT_EQ(entries->total, 1);
}

TEST_P(SurveyServiceTest, ObligationsAndNonReportersKeepToScope) {
    const auto c = MakeCampaign(2025);
    auto report = survey_->CampaignStatus(c.id, city_);
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_EQ(report->obligations.size(), 2u) << "the power plant (4411) is outside the campaign's industries";
    EXPECT_TRUE(report->deadline_passed);
    EXPECT_EQ(report->not_reported, 2);
    EXPECT_TRUE(report->obligations[0].late);

    Approved(c, paint_, {Line("50-00-0", "生产", "10")});
    report = survey_->CampaignStatus(c.id, city_);
    EXPECT_EQ(report->reported, 1);
    EXPECT_EQ(report->approved, 1);
    EXPECT_EQ(report->not_reported, 1);
    EXPECT_EQ(report->obligations[1].enterprise.id, paint2_.id);
    EXPECT_FALSE(report->obligations[1].reported);
    EXPECT_TRUE(report->obligations[0].late) << "submitted on 2026-11-29, after the 2026-06-30 deadline";

    auto county = survey_->CampaignStatus(c.id, county_sy_);
    ASSERT_TRUE(county);
    ASSERT_EQ(county->obligations.size(), 1u);
    EXPECT_EQ(county->obligations[0].enterprise.id, paint2_.id);
    auto own = survey_->CampaignStatus(c.id, ehs_);
    ASSERT_EQ(own->obligations.size(), 1u);
    EXPECT_EQ(own->obligations[0].enterprise.id, paint_.id);
}

TEST_P(SurveyServiceTest, DraftsKeepEverythingTypedAndSubmitWaitsForFixes) {
    const auto c = MakeCampaign(2025);
    auto s = survey_->OpenSubmission(c.id, paint_.id, ehs_);
    ASSERT_TRUE(s) << s.error().Describe();
    EXPECT_EQ(survey_->OpenSubmission(c.id, paint_.id, ehs_)->id, s->id) << "opening twice gives the same submission";
    std::vector<RawLine> lines = {Line("50-00-0", "生产", "１２", "吨"), Line("50-00-1", "生产", "-3", "t"),
                                  Line("71-43-2", "使用", "2", "桶")};
    auto saved = survey_->SaveDraft(s->id, lines, ehs_);
    ASSERT_TRUE(saved) << saved.error().Describe();
    EXPECT_TRUE(saved->stored) << "a draft is stored whatever its errors";
    EXPECT_EQ(saved->errors, 4);  // check digit, negative, unknown unit, use without categories
    auto view = survey_->ViewSubmission(s->id, 0, ehs_, {1, 50});
    ASSERT_TRUE(view) << view.error().Describe();
    ASSERT_EQ(view->lines.total, 3);
    EXPECT_EQ(view->lines.items[0].raw.quantity, "１２") << "kept exactly as typed";
    EXPECT_EQ(view->lines.items[2].raw.unit, "桶");
    EXPECT_EQ(view->errors, 4);

    auto refused = survey_->Submit(s->id, ehs_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().reason, "survey.not_ready");
    lines[1].cas = "50-00-0";
    lines[1].activity = "出口";
    lines[1].quantity = "3";
    lines[2].unit = "kg";
    lines[2].uses = "溶剂";
    ASSERT_EQ(survey_->SaveDraft(s->id, lines, ehs_)->errors, 0);
    auto submitted = survey_->Submit(s->id, ehs_);
    ASSERT_TRUE(submitted) << submitted.error().Describe();
    EXPECT_EQ(submitted->status, SubmissionStatus::kSubmitted);
    auto locked = survey_->SaveDraft(s->id, lines, ehs_);
    ASSERT_TRUE(locked) << "the same content again is not a change";
    EXPECT_TRUE(locked->unchanged);
    lines[0].quantity = "13";
    auto edit = survey_->SaveDraft(s->id, lines, ehs_);
    ASSERT_FALSE(edit);
    EXPECT_EQ(edit.error().reason, "survey.locked");
}

TEST_P(SurveyServiceTest, ReviewWorkflowWithReturnsVersionsAndAmendments) {
    const auto c = MakeCampaign(2025);
    auto s = survey_->OpenSubmission(c.id, paint_.id, ehs_);
    ASSERT_TRUE(s);
    ASSERT_TRUE(survey_->SaveDraft(s->id, {Line("50-00-0", "生产", "10")}, ehs_));
    ASSERT_TRUE(survey_->Submit(s->id, ehs_));

    EXPECT_EQ(survey_->CountyReview(s->id, "", county_sy_).error().code, ErrorCode::kNotFound)
        << "another county's officer does not see it";
    EXPECT_EQ(survey_->CountyReview(s->id, "", ehs_).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(survey_->Approve(s->id, "", city_).error().reason, "survey.wrong_status") << "county review comes first";
    EXPECT_EQ(survey_->Return(s->id, "  ", county_sc_).error().reason, "survey.comment_required");
    auto returned = survey_->Return(s->id, "甲醛产量与排污许可不符，请核实", county_sc_);
    ASSERT_TRUE(returned) << returned.error().Describe();
    EXPECT_EQ(returned->status, SubmissionStatus::kReturned);

    auto fixed = survey_->SaveDraft(s->id, {Line("50-00-0", "生产", "12")}, ehs_);
    ASSERT_TRUE(fixed) << fixed.error().Describe();
    EXPECT_EQ(fixed->version.number, 2) << "editing a returned submission starts version 2";
    ASSERT_TRUE(survey_->Submit(s->id, ehs_));
    ASSERT_TRUE(survey_->CountyReview(s->id, "已核实", county_sc_));
    EXPECT_EQ(survey_->Approve(s->id, "", county_sc_).error().reason, "survey.city_only");
    Principal city_reviewer_who_reviewed{2, "officer.sc", Role::kOfficer, std::string("sthjj"), std::nullopt, std::nullopt};
    EXPECT_EQ(survey_->Approve(s->id, "", city_reviewer_who_reviewed).error().reason, "survey.same_reviewer");
    auto approved = survey_->Approve(s->id, "同意", city_);
    ASSERT_TRUE(approved) << approved.error().Describe();
    EXPECT_EQ(approved->approved_version.value_or(0), 2);

    // An amendment after approval: version 3; results still count version 2 until it is approved.
    auto amended = survey_->SaveDraft(s->id, {Line("50-00-0", "生产", "14")}, ehs_);
    ASSERT_TRUE(amended) << amended.error().Describe();
    EXPECT_EQ(amended->version.number, 3);
    auto results = survey_->Results({c.id}, city_);
    ASSERT_TRUE(results) << results.error().Describe();
    ASSERT_EQ(results->rows.size(), 1u);
    EXPECT_DOUBLE_EQ(results->rows[0].produce, 12);
    ASSERT_TRUE(survey_->Submit(s->id, ehs_));
    ASSERT_TRUE(survey_->CountyReview(s->id, "", county_sc_));
    ASSERT_TRUE(survey_->Approve(s->id, "", city_));
    EXPECT_DOUBLE_EQ(survey_->Results({c.id}, city_)->rows[0].produce, 14);

    auto versions = survey_->ListVersions(s->id, city_);
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->size(), 3u);
    EXPECT_EQ((*versions)[0].status, SubmissionStatus::kReturned);
    EXPECT_EQ((*versions)[1].status, SubmissionStatus::kSuperseded);
    EXPECT_EQ((*versions)[2].status, SubmissionStatus::kApproved);
    auto old = survey_->ViewSubmission(s->id, 1, city_, {1, 10});
    ASSERT_TRUE(old);
    EXPECT_EQ(old->lines.items[0].raw.quantity, "10") << "every version keeps its lines";
    auto events = survey_->ListEvents(s->id, city_);
    ASSERT_TRUE(events);
    std::vector<std::string> actions;
    for (const auto& e : *events) actions.push_back(e.action + "@" + std::to_string(e.version) + ":" + e.actor);
    const std::vector<std::string> expected = {
        "open@1:ehs",          "save@1:ehs",        "submit@1:ehs",     "return@1:officer.sc", "new_version@2:ehs",
        "save@2:ehs",          "submit@2:ehs",      "county_review@2:officer.sc", "approve@2:officer",
        "new_version@3:ehs",   "save@3:ehs",        "submit@3:ehs",     "county_review@3:officer.sc", "approve@3:officer"};
    EXPECT_EQ(actions, expected);
    EXPECT_EQ((*events)[3].comment, "甲醛产量与排污许可不符，请核实");
    auto verify = audit_->Verify();
    ASSERT_TRUE(verify);
    EXPECT_TRUE(verify->ok);
}

TEST_P(SurveyServiceTest, UploadsGbkOnceAndRefusesFilesWithErrorsWhole) {
    const auto c = MakeCampaign(2025);
    auto s = survey_->OpenSubmission(c.id, paint_.id, ehs_);
    ASSERT_TRUE(s);
    const std::string file = ToGbk(
        "序号,CAS号,物质名称,活动类型,数量,单位,用途类别,商业秘密,变化说明\n"
        "1,50-00-0,甲醛,生产,\"１，２００\",kg,,否,\n"
        "\n"
        "2,71-43-2,苯,使用,3,吨,溶剂,是,\n");
    auto checked = survey_->Upload(s->id, file, ehs_, true);
    ASSERT_TRUE(checked) << checked.error().Describe();
    EXPECT_FALSE(checked->stored) << "a dry run stores nothing";
    EXPECT_EQ(checked->errors, 0);
    EXPECT_EQ(survey_->ViewSubmission(s->id, 0, ehs_, {1, 10})->lines.total, 0);
    auto first = survey_->Upload(s->id, file, ehs_);
    ASSERT_TRUE(first) << first.error().Describe();
    EXPECT_TRUE(first->stored);
    EXPECT_EQ(first->format, "csv-gbk");
    EXPECT_EQ(first->version.line_count, 2);
    const auto audit_after_first = *audit_->Count();
    auto second = survey_->Upload(s->id, file, ehs_);
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->unchanged);
    EXPECT_FALSE(second->stored);
    EXPECT_EQ(*audit_->Count(), audit_after_first) << "the same upload twice writes nothing";

    const std::string bad =
        "CAS号,活动类型,数量,单位,用途类别\n"
        "50-00-0,生产,5,t,\n"
        "50-00-1,生产,5,t,\n"
        "71-43-2,使用,3,桶,\n";
    auto refused = survey_->Upload(s->id, bad, ehs_);
    ASSERT_TRUE(refused) << refused.error().Describe();
    EXPECT_FALSE(refused->stored);
    ASSERT_EQ(refused->errors, 3);
    EXPECT_EQ(refused->issues[0].error.row, 3);
    EXPECT_EQ(refused->issues[1].error.row, 4);
    EXPECT_EQ(refused->issues[1].error.field, "unit");
    auto view = survey_->ViewSubmission(s->id, 0, ehs_, {1, 10});
    EXPECT_EQ(view->lines.total, 2) << "nothing of the refused file was stored";
    EXPECT_EQ(*audit_->Count(), audit_after_first);
    auto missing = survey_->Upload(s->id, "名称,数量\n甲醛,1\n", ehs_);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, "survey_upload.columns");
}

TEST_P(SurveyServiceTest, ConfidentialLinesStayWithThoseWhoMaySeeThem) {
    const auto c = MakeCampaign(2025);
    RawLine secret = Line("71-43-2", "使用", "3", "t", "溶剂");
    secret.confidential = "是";
    const auto id = Approved(c, paint_, {Line("50-00-0", "生产", "10"), secret});
    auto officer_view = survey_->ViewSubmission(id, 0, city_, {1, 10});
    ASSERT_TRUE(officer_view);
    EXPECT_EQ(officer_view->lines.total, 2);
    EXPECT_TRUE(officer_view->lines.items[1].confidential);
    auto analyst_view = survey_->ViewSubmission(id, 0, analyst_, {1, 10});
    ASSERT_TRUE(analyst_view) << analyst_view.error().Describe();
    EXPECT_EQ(analyst_view->lines.total, 1);
    EXPECT_EQ(analyst_view->withheld_lines, 1);
    auto public_results = survey_->Results({c.id}, analyst_);
    ASSERT_TRUE(public_results);
    ASSERT_EQ(public_results->rows.size(), 1u) << "benzene is reported only as withheld";
    EXPECT_EQ(public_results->rows[0].keys[0].first, "50-00-0");
    EXPECT_EQ(public_results->withheld_lines, 1);
    EXPECT_FALSE(public_results->includes_confidential);
    auto full = survey_->Results({c.id}, city_);
    ASSERT_EQ(full->rows.size(), 2u);
    EXPECT_EQ(full->withheld_lines, 0);
    auto other = survey_->ViewSubmission(id, 0, {5, "ehs2", Role::kEnterprise, std::nullopt, std::nullopt, paint2_.id}, {1, 10});
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
}

TEST_P(SurveyServiceTest, LastYearPrefillsTheTemplateAndFlagsLargeChanges) {
    const auto last = MakeCampaign(2024, Tier::kBasic, "2025-06-30");
    Approved(last, paint_, {Line("50-00-0", "生产", "10"), Line("71-43-2", "使用", "2000", "kg", "溶剂")});
    const auto now = MakeCampaign(2025);
    auto xlsx = survey_->Template(now.id, paint_.id, ehs_);
    ASSERT_TRUE(xlsx) << xlsx.error().Describe();
    tabular::ReadOptions options;
    options.expected_columns = {"活动类型"};
    options.full_width = tabular::FullWidth::kKeep;
    auto table = tabular::ReadTable(*xlsx, options);
    ASSERT_TRUE(table) << table.error().Describe();
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[1][*table->FindColumn("数量")], "2") << "2000 kg pre-filled as 2 t";
    EXPECT_EQ(table->rows[1][*table->FindColumn("单位")], "t");
    EXPECT_EQ(table->sheet_names, (std::vector<std::string>{"填报表", "填表说明"}));

    auto s = survey_->OpenSubmission(now.id, paint_.id, ehs_);
    ASSERT_TRUE(s);
    auto upload = survey_->Upload(s->id, *xlsx, ehs_);
    ASSERT_TRUE(upload) << upload.error().Describe();
    EXPECT_EQ(upload->errors, 0);
    EXPECT_EQ(upload->open_warnings, 0) << "last year's figures unchanged";
    auto jump = survey_->SaveDraft(s->id, {Line("50-00-0", "生产", "40"), Line("71-43-2", "使用", "2", "t", "溶剂")}, ehs_);
    ASSERT_TRUE(jump);
    ASSERT_EQ(jump->open_warnings, 1);
    EXPECT_EQ(jump->issues[0].error.reason, "survey.jump");
    EXPECT_EQ(survey_->Submit(s->id, ehs_).error().reason, "survey.not_ready");
    RawLine explained = Line("50-00-0", "生产", "40");
    explained.reason = "二期装置投产";
    ASSERT_EQ(survey_->SaveDraft(s->id, {explained, Line("71-43-2", "使用", "2", "t", "溶剂")}, ehs_)->open_warnings, 0);
    EXPECT_TRUE(survey_->Submit(s->id, ehs_));
}

TEST_P(SurveyServiceTest, ResultsByCountyAndIndustryExportToExcel) {
    const auto c = MakeCampaign(2025);
    Approved(c, paint_, {Line("50-00-0", "生产", "10"), Line("50-00-0", "出口", "4")});
    Approved(c, paint2_, {Line("50-00-0", "使用", "2500", "kg", "胶黏剂")});
    auto by_county = survey_->Results({c.id, std::nullopt, std::nullopt, std::nullopt, {GroupBy::kSubstance, GroupBy::kCounty}},
                                      city_);
    ASSERT_TRUE(by_county) << by_county.error().Describe();
    ASSERT_EQ(by_county->rows.size(), 2u);
    EXPECT_EQ(by_county->rows[0].keys[1].second, "朔城区");
    EXPECT_DOUBLE_EQ(by_county->rows[0].produce, 10);
    EXPECT_DOUBLE_EQ(by_county->rows[0].exported, 4);
    EXPECT_DOUBLE_EQ(by_county->rows[1].use, 2.5);
    EXPECT_EQ(by_county->total.enterprises, 2);
    EXPECT_EQ(by_county->total.lines, 3);
    auto county_only = survey_->Results({c.id}, county_sy_);
    ASSERT_EQ(county_only->rows.size(), 1u);
    EXPECT_DOUBLE_EQ(county_only->rows[0].produce, 0);
    EXPECT_DOUBLE_EQ(county_only->rows[0].use, 2.5);
    auto xlsx = sheet::ToXlsx({ToSheet(*by_county, "测试")});
    ASSERT_TRUE(xlsx);
    auto table = tabular::ReadTable(*xlsx);
    ASSERT_TRUE(table) << table.error().Describe();
    ASSERT_EQ(table->rows.size(), 3u);
    EXPECT_EQ(table->rows[2][0], "合计");
    EXPECT_EQ(table->rows[2][*table->FindColumn("使用量(t)")], "2.5");
}

TEST_P(SurveyServiceTest, CityTotalsPerListEntry) {
    lists::Edition edition;
    edition.list_id = "key_controlled";
    edition.edition = "2023";
    lists::Entry pfos;
    pfos.key = "1";
    pfos.name_zh = "全氟辛基磺酸及其盐类和全氟辛基磺酰氟";
    pfos.cas_numbers = {"1763-23-1", "307-35-7"};
    lists::Entry retired;
    retired.key = "14";
    retired.name_zh = "已淘汰类";
    retired.members = {{"14-1", "六氯苯", "", {"118-74-1"}}};
    lists::Entry none;
    none.key = "2";
    none.name_zh = "全氟辛酸";
    none.cas_numbers = {"335-67-1"};
    edition.entries = {pfos, retired, none};
    const auto c = MakeCampaign(2025);
    Approved(c, paint_, {Line("1763-23-1", "使用", "2", "t", "电镀"), Line("307-35-7", "使用", "500", "kg", "电镀"),
                         Line("118-74-1", "使用", "1", "kg", "助剂"), Line("50-00-0", "生产", "9")});
    Approved(c, paint2_, {Line("1763-23-1", "使用", "1", "t", "电镀")});
    ResultQuery query{c.id};
    query.group_by = {GroupBy::kListEntry};
    EXPECT_EQ(survey_->Results(query, city_).error().reason, "survey.list_missing");
    query.list = &edition;
    auto table = survey_->Results(query, city_);
    ASSERT_TRUE(table) << table.error().Describe();
    ASSERT_EQ(table->rows.size(), 3u);
    EXPECT_EQ(table->rows[0].keys[0].first, "1");
    EXPECT_DOUBLE_EQ(table->rows[0].use, 3.5);
    EXPECT_EQ(table->rows[0].enterprises, 2);
    EXPECT_EQ(table->rows[0].lines, 3);
    EXPECT_DOUBLE_EQ(table->rows[1].use, 0.001) << "a named member's CAS number counts for its entry";
    EXPECT_EQ(table->rows[2].lines, 0) << "entries nobody reported stay in the table with zeros";
    EXPECT_DOUBLE_EQ(table->total.use, 3.501) << "formaldehyde is on no entry";
    EXPECT_EQ(table->total.enterprises, 2);
    EXPECT_EQ(table->list_edition, "key_controlled 2023");
    EXPECT_FALSE(ParseGroupByList("list_entry,county"));
}

TEST_P(SurveyServiceTest, LinesResolveThroughTheSubstanceRegistry) {
    substance::SubstanceRegistry registry(db(), *audit_, clock_);
    auto imported = registry.Import("CAS,中文名称,英文名称,同义词\n"
                                    "335-67-1,全氟辛酸,Perfluorooctanoic acid,PFOA\n"
                                    "50-00-0,甲醛,Formaldehyde,蚁醛\n",
                                    false, "test");
    ASSERT_TRUE(imported && imported->committed) << (imported ? "" : imported.error().Describe());
    SurveyService linked(db(), *enterprises_, *reference_, *audit_, clock_, MakeRegistryResolver(registry));
    const auto c = MakeCampaign(2025);
    auto s = linked.OpenSubmission(c.id, paint_.id, ehs_);
    ASSERT_TRUE(s);
    RawLine by_synonym = Line("", "生产", "2");
    by_synonym.name = "pfoa";
    RawLine unknown = Line("", "使用", "1", "t", "溶剂");
    unknown.name = "某专有助剂";
    auto saved = linked.SaveDraft(s->id, {by_synonym, Line("335-67-1", "出口", "1"), Line("71-43-2", "使用", "1", "t", "溶剂"),
                                          unknown},
                                  ehs_);
    ASSERT_TRUE(saved) << saved.error().Describe();
    EXPECT_EQ(saved->errors, 0);
    std::vector<std::pair<int, std::string>> notices;
    for (const auto& i : saved->issues) notices.emplace_back(i.line_no, i.error.reason);
    const std::vector<std::pair<int, std::string>> expected = {{3, "survey.substance_unknown"}, {4, "survey.substance_unknown"}};
    EXPECT_EQ(notices, expected) << "benzene is not in this registry; the unnamed additive is kept and flagged";
    auto view = linked.ViewSubmission(s->id, 0, ehs_, {1, 10});
    ASSERT_TRUE(view);
    EXPECT_EQ(view->lines.items[0].cas, "335-67-1");
    EXPECT_EQ(view->lines.items[0].name, "pfoa") << "what was typed stays";
    ASSERT_TRUE(linked.Submit(s->id, ehs_)) << "unknown substances do not block a submission";
}

// Issue 4 "Bad input": a 50,000-line upload is read, validated and stored in one transaction.
TEST_P(SurveyServiceTest, FiftyThousandLineUpload) {
    const auto c = MakeCampaign(2025);
    auto s = survey_->OpenSubmission(c.id, paint_.id, ehs_);
    ASSERT_TRUE(s);
    std::string csv = "CAS号,物质名称,活动类型,数量,单位,用途类别\n";
    for (int i = 0; i < 50000; ++i) {
        csv += "50-00-0,甲醛,";
        csv += i % 2 ? "使用," : "生产,";
        csv += std::to_string(1 + i % 97) + ".5,kg,溶剂\n";
    }
    const auto start = std::chrono::steady_clock::now();
    auto report = survey_->Upload(s->id, csv, ehs_);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_EQ(report->errors, 0);
    EXPECT_TRUE(report->stored);
    EXPECT_EQ(report->version.line_count, 50000);
    auto view = survey_->ViewSubmission(s->id, 0, ehs_, {3, 200});
    ASSERT_TRUE(view);
    EXPECT_EQ(view->lines.total, 50000);
    EXPECT_EQ(view->lines.items[0].line_no, 401);
    RecordProperty("upload_seconds", std::to_string(seconds));
    std::cout << "50,000-line upload on " << test::BackendName(backend()) << ": " << seconds << " s\n";
}

INSTANTIATE_TEST_SUITE_P(Backends, SurveyServiceTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::survey
