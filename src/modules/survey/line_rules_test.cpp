#include "modules/survey/line_rules.hpp"

#include <gtest/gtest.h>

#include "modules/survey/line_table.hpp"

namespace npgov::survey {
namespace {

RawLine Raw(std::string cas, std::string activity, std::string quantity, std::string unit, std::string uses = "") {
    RawLine r;
    r.cas = std::move(cas);
    r.activity = std::move(activity);
    r.quantity = std::move(quantity);
    r.unit = std::move(unit);
    r.uses = std::move(uses);
    return r;
}

std::vector<std::string> Reasons(const Evaluation& e) {
    std::vector<std::string> out;
    for (const auto& i : e.issues) out.push_back(i.error.reason);
    return out;
}

TEST(ParseTonnesTest, AcceptsTheUnitsPeopleWrite) {
    struct Case { const char* quantity; const char* unit; double tonnes; };
    const Case cases[] = {
        {"12.5", "t", 12.5},       {"12.5", "吨", 12.5},     {"1,250", "kg", 1.25},  {"１２５０", "千克", 1.25},
        {"500", "g", 0.0005},      {"3", "t/a", 3},          {"3", "吨/年", 3},      {"2000", "公斤", 2},
        {"12.5吨", "", 12.5},      {"7", " T ", 7},          {"１２３．４", "ｔ", 123.4},
    };
    for (const auto& c : cases) {
        auto t = ParseTonnes(c.quantity, c.unit);
        ASSERT_TRUE(t) << c.quantity << " " << c.unit << ": " << t.error().Describe();
        EXPECT_DOUBLE_EQ(*t, c.tonnes) << c.quantity << " " << c.unit;
    }
}

TEST(ParseTonnesTest, RefusesWhatIsNotAMass) {
    struct Case { const char* quantity; const char* unit; const char* reason; const char* field; };
    const Case cases[] = {
        {"12", "", "unit.missing", "unit"},          {"12", "mg/L", "survey.unit_not_mass", "unit"},
        {"12", "桶", "unit.unknown", "unit"},         {"abc", "t", "tabular.number", "quantity"},
        {"123,4", "t", "tabular.number", "quantity"},
    };
    for (const auto& c : cases) {
        auto t = ParseTonnes(c.quantity, c.unit);
        ASSERT_FALSE(t) << c.quantity << " " << c.unit;
        EXPECT_EQ(t.error().reason, c.reason) << c.quantity << " " << c.unit;
        EXPECT_EQ(t.error().field, c.field) << c.quantity << " " << c.unit;
    }
}

TEST(EvaluateTest, ListsEveryErrorOfEveryLineAtOnce) {
    std::vector<RawLine> lines = {
        Raw("50-00-0", "生产", "100", "t"),           // fine
        Raw("50-00-1", "生产", "10", "t"),            // check digit
        Raw("", "use", "1", "t", "溶剂"),              // no identity
        Raw("71-43-2", "囤积", "-5", "t"),            // activity, negative
        Raw("108-88-3", "使用", "5000000", "t"),      // absurd, and no uses
        Raw("67-64-1", "import", "", "kg"),           // quantity missing
    };
    lines[2].name = "";
    auto e = Evaluate(lines, {});
    ASSERT_TRUE(e);
    const std::vector<std::string> expected = {"cas.check_digit",      "survey.substance_missing", "survey.activity",
                                               "survey.quantity_negative", "survey.quantity_absurd", "survey.uses_missing",
                                               "survey.quantity_missing"};
    EXPECT_EQ(Reasons(*e), expected);
    EXPECT_EQ(e->errors, 7);
    EXPECT_EQ(e->issues[0].line_no, 2);
    EXPECT_EQ(e->issues[0].error.field, "cas");
    EXPECT_DOUBLE_EQ(e->lines[0].tonnes.value_or(0), 100);
}

TEST(EvaluateTest, DetailedTierRequiresEmissionsOnHandlingLines) {
    RawLine produce = Raw("50-00-0", "生产", "100", "t");
    produce.emission_air = "0.5";
    RawLine exported = Raw("50-00-0", "出口", "20", "t");  // no emissions needed
    auto e = Evaluate({produce, exported}, {Tier::kDetailed});
    ASSERT_TRUE(e);
    const std::vector<std::string> expected = {"survey.detailed_required", "survey.detailed_required",
                                               "survey.detailed_required"};
    EXPECT_EQ(Reasons(*e), expected);
    EXPECT_EQ(e->issues[0].error.field, "emission_water");
    auto basic = Evaluate({produce, exported}, {Tier::kBasic});
    ASSERT_TRUE(basic);
    EXPECT_EQ(basic->errors, 0);
}

// Mass balance (line_rules.hpp): out = export + emissions + waste <= max(produce + import, process + use).
TEST(EvaluateTest, MassBalancePerSubstance) {
    struct Case { const char* what; std::vector<RawLine> lines; bool balanced; };
    RawLine leak = Raw("50-00-0", "生产", "10", "t");
    leak.emission_air = "2";
    leak.waste = "1";
    RawLine user = Raw("71-43-2", "使用", "30", "t", "溶剂");
    user.emission_air = "29.99";
    RawLine overuser = user;
    overuser.emission_air = "31";
    const Case cases[] = {
        {"export within production", {Raw("50-00-0", "生产", "10", "t"), Raw("50-00-0", "出口", "8", "t")}, true},
        {"export plus releases over production",
         {leak, Raw("50-00-0", "出口", "8", "t")}, false},
        {"imports count as coming in", {leak, Raw("50-00-0", "进口", "1", "t"), Raw("50-00-0", "出口", "8", "t")}, true},
        {"bought domestically and used", {user}, true},
        {"emits more than it used", {overuser}, false},
        {"units are converted first", {Raw("50-00-0", "生产", "8000", "kg"), Raw("50-00-0", "出口", "8", "t")}, true},
        {"rounding tolerance", {Raw("50-00-0", "生产", "10", "t"), Raw("50-00-0", "出口", "10.005", "t")}, true},
        {"export with nothing in", {Raw("50-00-0", "出口", "1", "t")}, false},
    };
    for (const auto& c : cases) {
        auto e = Evaluate(c.lines, {});
        ASSERT_TRUE(e) << c.what;
        const bool flagged = std::find(Reasons(*e).begin(), Reasons(*e).end(), "survey.mass_balance") != Reasons(*e).end();
        EXPECT_EQ(!flagged, c.balanced) << c.what;
    }
}

TEST(EvaluateTest, LargeChangeFromLastYearNeedsAReason) {
    const YearTotals last = {{{"50-00-0", Activity::kProduce}, 10.0}, {{"71-43-2", Activity::kUse}, 0.2}};
    std::vector<RawLine> lines = {Raw("50-00-0", "生产", "35", "t"), Raw("71-43-2", "使用", "1", "t", "溶剂")};
    EvaluationContext context;
    context.previous = &last;
    context.previous_year = 2022;
    auto e = Evaluate(lines, context);
    ASSERT_TRUE(e);
    ASSERT_EQ(Reasons(*e), std::vector<std::string>{"survey.jump"}) << "0.2 → 1 t is five-fold but under 1 t apart";
    EXPECT_EQ(e->issues[0].severity, Severity::kWarning);
    EXPECT_EQ(e->open_warnings, 1);
    EXPECT_NE(e->issues[0].error.message_zh.find("2022"), std::string::npos);
    lines[0].reason = "新建生产线投产";
    auto reasoned = Evaluate(lines, context);
    ASSERT_TRUE(reasoned);
    EXPECT_EQ(reasoned->open_warnings, 0);
    EXPECT_TRUE(reasoned->issues[0].resolved);
    lines[0].quantity = "25";  // 2.5-fold: no warning
    EXPECT_TRUE(Evaluate(lines, context)->issues.empty());
}

TEST(EvaluateTest, ResolvesThroughTheRegistryAndFlagsUnknownSubstances) {
    int calls = 0;
    EvaluationContext context;
    context.resolver = [&](std::string_view cas, std::string_view name) -> Result<std::optional<SubstanceMatch>> {
        ++calls;
        if (cas == "335-67-1" || name == "全氟辛酸") return std::optional(SubstanceMatch{7, "335-67-1", "全氟辛酸"});
        return std::optional<SubstanceMatch>();
    };
    RawLine by_name = Raw("", "使用", "1", "t", "表面活性剂");
    by_name.name = "全氟辛酸";
    RawLine unknown = Raw("", "使用", "1", "t", "溶剂");
    unknown.name = "某某专有混合物";
    auto e = Evaluate({Raw("335-67-1", "生产", "2", "t"), by_name, Raw("335-67-1", "出口", "1", "t"), unknown}, context);
    ASSERT_TRUE(e);
    EXPECT_EQ(calls, 3) << "each distinct substance is looked up once";
    EXPECT_EQ(e->lines[1].cas, "335-67-1");
    EXPECT_EQ(e->lines[1].substance_key, "335-67-1") << "a name resolved to a CAS number balances with it";
    EXPECT_EQ(e->lines[1].substance_id.value_or(0), 7);
    ASSERT_EQ(Reasons(*e), std::vector<std::string>{"survey.substance_unknown"});
    EXPECT_EQ(e->issues[0].severity, Severity::kNotice);
    EXPECT_EQ(e->errors, 0);
}

TEST(ReadUploadedLinesTest, ReadsTheTemplateLayoutAndSkipsNumberedBlankRows) {
    const std::string csv =
        "2023 年度化学物质环境信息调查（基础）\n"
        "序号,CAS号,物质名称,活动类型,数量,单位,用途类别,商业秘密,变化说明\n"
        "1,50-00-0,甲醛,生产,\"1,200\",kg,,否,\n"
        "2,,,,,,,,\n"
        ",,,,,,,,\n"
        "3,７１－４３－２,苯,使用,３,吨,溶剂；清洗剂,是,扩产\n";
    auto read = ReadUploadedLines(csv);
    ASSERT_TRUE(read) << read.error().Describe();
    ASSERT_EQ(read->lines.size(), 2u);
    EXPECT_EQ(read->lines[0].source_row, 3);
    EXPECT_EQ(read->lines[1].source_row, 6);
    EXPECT_EQ(read->lines[1].confidential, "是");
    auto e = Evaluate(read->lines, {});
    ASSERT_TRUE(e);
    EXPECT_EQ(e->errors, 0) << e->issues[0].error.Describe();
    EXPECT_DOUBLE_EQ(e->lines[0].tonnes.value_or(0), 1.2);
    EXPECT_EQ(e->lines[1].cas, "71-43-2");
    EXPECT_EQ(e->lines[1].uses, (std::vector<std::string>{"溶剂", "清洗剂"}));
    EXPECT_TRUE(e->lines[1].confidential);
}

TEST(ReadUploadedLinesTest, MissingColumnsNameThem) {
    auto read = ReadUploadedLines("物质名称,活动类型\n甲醛,生产\n");
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().reason, "survey_upload.columns");
    EXPECT_NE(read.error().message_zh.find("数量"), std::string::npos);
    EXPECT_NE(read.error().message_zh.find("单位"), std::string::npos);
}

}  // namespace
}  // namespace npgov::survey
