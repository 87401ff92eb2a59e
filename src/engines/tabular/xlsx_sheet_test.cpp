#include "engines/tabular/xlsx_sheet.hpp"

#include <gtest/gtest.h>

#include "engines/tabular/testing/xlsx_parts_writer.hpp"

namespace npgov::tabular {
namespace {

using testing::WorksheetXml;

struct Fixture {
    std::vector<std::string> strings = {"名称", "全氟辛酸", "CAS号"};
    // Style 0 general, 1 a date, 2 a date-time, 3 a time, 4 "0.00".
    std::vector<DateStyle> styles = {DateStyle::kNone, DateStyle::kDate, DateStyle::kDateTime, DateStyle::kTime,
                                     DateStyle::kNone};
    DateSystem system = DateSystem::k1900;
    std::size_t max_rows = 1000;
    std::size_t max_cells = 100000;

    Result<Grid> Parse(std::string_view rows, std::string_view after = {}) const {
        const SheetContext context{strings, styles, system, max_rows, max_cells};
        return ParseWorksheetXml(WorksheetXml(rows, after), context);
    }
};

std::vector<std::string> Cells(std::initializer_list<std::string> cells) { return cells; }

TEST(ParseWorksheetTest, ReadsEveryCellType) {
    const auto grid = Fixture().Parse(
        "<row r=\"1\">"
        "<c r=\"A1\" t=\"s\"><v>1</v></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>朔州</t></is></c>"
        "<c r=\"C1\" t=\"str\"><f>A1&amp;\"x\"</f><v>全氟辛酸x</v></c>"
        "<c r=\"D1\"><v>123.4</v></c>"
        "<c r=\"E1\" t=\"n\"><v>1.2E-3</v></c>"
        "<c r=\"F1\" t=\"b\"><v>1</v></c>"
        "<c r=\"G1\" t=\"b\"><v>0</v></c>"
        "<c r=\"H1\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
        "<c r=\"I1\" t=\"d\"><v>2023-05-13T00:00:00Z</v></c>"
        "<c r=\"J1\" t=\"d\"><v>2023-05-13T14:30:00.000</v></c>"
        "<c r=\"K1\" s=\"4\"><v>12.5</v></c>"
        "</row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 1u);
    EXPECT_EQ((*grid)[0].source_row, 1);
    EXPECT_EQ((*grid)[0].cells, Cells({"全氟辛酸", "朔州", "全氟辛酸x", "123.4", "0.0012", "TRUE", "FALSE", "#DIV/0!",
                                       "2023-05-13", "2023-05-13T14:30:00", "12.5"}));
}

TEST(ParseWorksheetTest, TurnsDateStyledNumbersIntoIsoText) {
    Fixture fixture;
    const auto grid = fixture.Parse(
        "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45059</v></c><c r=\"B2\" s=\"2\"><v>45059.604166666664</v></c>"
        "<c r=\"C2\" s=\"3\"><v>0.5</v></c><c r=\"D2\" s=\"1\"><v>60</v></c><c r=\"E2\" s=\"99\"><v>45059</v></c>"
        "<c r=\"F2\" s=\"1\" t=\"s\"><v>0</v></c></row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    // 60 is the fictitious 1900-02-29: left as the number; style 99 does not exist: a number.
    EXPECT_EQ((*grid)[0].cells, Cells({"2023-05-13", "2023-05-13T14:30:00", "12:00:00", "60", "45059", "名称"}));
    fixture.system = DateSystem::k1904;
    const auto grid1904 = fixture.Parse("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43597</v></c></row>");
    ASSERT_TRUE(grid1904) << grid1904.error().Describe();
    EXPECT_EQ((*grid1904)[0].cells, Cells({"2023-05-13"}));
}

TEST(ParseWorksheetTest, PlacesCellsByReferenceAndLeavesGapsEmpty) {
    const auto grid = Fixture().Parse(
        "<row r=\"3\"><c r=\"B3\"><v>2</v></c><c r=\"E3\"><v>5</v></c><c r=\"F3\" s=\"1\"/></row>"
        "<row r=\"4\"/>"
        "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>  </t></is></c></row>"
        "<row r=\"9\"><c r=\"C9\"><v>3</v></c></row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 2u) << "empty and whitespace-only rows are left out";
    EXPECT_EQ((*grid)[0].source_row, 3);
    EXPECT_EQ((*grid)[0].cells, Cells({"", "2", "", "", "5"}));
    EXPECT_EQ((*grid)[1].source_row, 9);
    EXPECT_EQ((*grid)[1].cells, Cells({"", "", "3"}));
}

TEST(ParseWorksheetTest, CountsRowsAndColumnsWithoutReferences) {
    // r is optional on <row> and <c> (ECMA-376 §18.3.1.4, §18.3.1.73): each follows the last.
    const auto grid = Fixture().Parse(
        "<row><c><v>1</v></c><c><v>2</v></c></row>"
        "<row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 2u);
    EXPECT_EQ((*grid)[0].source_row, 1);
    EXPECT_EQ((*grid)[0].cells, Cells({"1", "2"}));
    EXPECT_EQ((*grid)[1].source_row, 2);
    EXPECT_EQ((*grid)[1].cells, Cells({"", "", "3", "4"}));
}

TEST(ParseWorksheetTest, ReadsRichInlineTextWithoutPhoneticRunsAndDecodesEscapes) {
    const auto grid = Fixture().Parse(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>全氟</t></r><r><t>辛酸</t></r>"
        "<rPh sb=\"0\" eb=\"2\"><t>ぜんふっ</t></rPh></is></c>"
        "<c r=\"B1\" t=\"inlineStr\"><is><t>第一行_x000D__x000A_第二行 _x005F_x0041_</t></is></c></row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    EXPECT_EQ((*grid)[0].cells, Cells({"全氟辛酸", "第一行\r\n第二行 _x0041_"}));
}

TEST(ParseWorksheetTest, AcceptsNamespacePrefixedElements) {
    const std::string xml =
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
        "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>名称</x:t></x:is></x:c></x:row>"
        "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells></x:worksheet>";
    Fixture fixture;
    const SheetContext context{fixture.strings, fixture.styles, DateSystem::k1900, 100, 1000};
    const auto grid = ParseWorksheetXml(xml, context);
    ASSERT_TRUE(grid) << grid.error().Describe();
    EXPECT_EQ((*grid)[0].cells, Cells({"名称"})) << "the merge is clipped to the one column with data";
}

TEST(ParseWorksheetTest, FillsMergedRangesWithTheTopLeftValue) {
    const auto grid = Fixture().Parse(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>标题</t></is></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>企业</t></is></c>"
        "<c r=\"B2\" t=\"inlineStr\"><is><t>物质</t></is></c><c r=\"C2\" s=\"0\"/></row>"
        "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>名称</t></is></c>"
        "<c r=\"C3\" t=\"inlineStr\"><is><t>CAS</t></is></c></row>"
        "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>甲公司</t></is></c><c r=\"C5\"><v>1</v></c></row>"
        "<row r=\"6\"><c r=\"C6\"><v>2</v></c></row>"
        "<row r=\"8\"><c r=\"C8\"><v>3</v></c></row>",
        // A1:C1 title; A2:A3 and B2:C2 header; A5:A7 an enterprise over rows 5–7, row 7 absent;
        // D1:Z99 empty top-left; A8:XFD1048576 reaches far past the data.
        "<mergeCells count=\"6\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A2:A3\"/><mergeCell ref=\"B2:C2\"/>"
        "<mergeCell ref=\"A5:A7\"/><mergeCell ref=\"D1:Z99\"/><mergeCell ref=\"C8:XFD1048576\"/></mergeCells>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 7u);
    const std::vector<std::pair<long, std::vector<std::string>>> expected = {
        {1, {"标题", "标题", "标题"}},
        {2, {"企业", "物质", "物质"}},
        {3, {"企业", "名称", "CAS"}},
        {5, {"甲公司", "", "1"}},
        {6, {"甲公司", "", "2"}},
        {7, {"甲公司", "", ""}},
        {8, {"", "", "3"}},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ((*grid)[i].source_row, expected[i].first) << i;
        std::vector<std::string> cells = (*grid)[i].cells;
        cells.resize(3);
        EXPECT_EQ(cells, expected[i].second) << "row " << expected[i].first;
        EXPECT_LE((*grid)[i].cells.size(), 3u) << "row " << expected[i].first;
    }
}

TEST(ParseWorksheetTest, SortsRowsWrittenOutOfOrder) {
    const auto grid = Fixture().Parse("<row r=\"5\"><c r=\"A5\"><v>5</v></c></row><row r=\"2\"><c r=\"A2\"><v>2</v></c></row>");
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 2u);
    EXPECT_EQ((*grid)[0].source_row, 2);
    EXPECT_EQ((*grid)[1].source_row, 5);
}

TEST(ParseWorksheetTest, RefusesBrokenReferencesAndIndices) {
    const std::string_view broken[] = {
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>",   // past the shared strings
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>",
        "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>",
        "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",          // column 16,385
        "<row r=\"0\"><c><v>1</v></c></row>",
        "<row r=\"1048577\"><c><v>1</v></c></row>",
    };
    for (std::string_view rows : broken) {
        const auto grid = Fixture().Parse(rows);
        ASSERT_FALSE(grid) << rows;
        EXPECT_EQ(grid.error().reason, "tabular.xlsx_corrupt") << rows;
    }
    const auto located = Fixture().Parse("<row r=\"1\"><c><v>1</v></c></row><row r=\"7\"><c r=\"B7\" t=\"s\"><v>9</v></c></row>");
    ASSERT_FALSE(located);
    EXPECT_EQ(located.error().row, 7);
    EXPECT_NE(located.error().message_en.find("B7"), std::string::npos) << located.error().message_en;
    const auto merge = Fixture().Parse("<row r=\"1\"><c><v>1</v></c></row>", "<mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells>");
    ASSERT_FALSE(merge);
    EXPECT_EQ(merge.error().reason, "tabular.xlsx_corrupt");
}

TEST(ParseWorksheetTest, StopsAtTheRowAndCellCaps) {
    Fixture fixture;
    fixture.max_rows = 2;
    const auto rows = fixture.Parse("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>"
                                    "<row r=\"3\"/><row r=\"4\"><c><v>1</v></c></row>");
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().reason, "tabular.too_many_rows");
    EXPECT_EQ(rows.error().row, 4);
    fixture = Fixture();
    fixture.max_cells = 100;
    const auto wide = fixture.Parse("<row r=\"1\"><c r=\"CV1\"><v>1</v></c><c r=\"CW1\"><v>1</v></c></row>");
    ASSERT_FALSE(wide) << "column CW makes the row 101 cells wide";
    EXPECT_EQ(wide.error().reason, "tabular.too_large");
    // A merge that would fill more cells than the cap is refused, not filled.
    const auto filled = fixture.Parse("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"J1\"><v>1</v></c></row>"
                                      "<row r=\"20\"><c r=\"A20\"><v>1</v></c></row>",
                                      "<mergeCells><mergeCell ref=\"A1:J20\"/></mergeCells>");
    ASSERT_FALSE(filled);
    EXPECT_EQ(filled.error().reason, "tabular.too_large");
}

TEST(ParseCellRefTest, ReadsA1References) {
    struct Case {
        std::string_view ref;
        long row;
        std::size_t column;
    };
    const Case cases[] = {{"A1", 1, 0}, {"B3", 3, 1}, {"Z9", 9, 25}, {"AA10", 10, 26}, {"AZ1", 1, 51},
                          {"BA1", 1, 52}, {"XFD1048576", 1048576, 16383}, {"c7", 7, 2}};
    for (const Case& c : cases) {
        const auto ref = ParseCellRef(c.ref);
        ASSERT_TRUE(ref) << c.ref;
        EXPECT_EQ(ref->row, c.row) << c.ref;
        EXPECT_EQ(ref->column, c.column) << c.ref;
    }
    for (std::string_view bad : {"", "A", "1", "A0", "XFE1", "A1048577", "A1B", "$A$1", "A-1"}) {
        EXPECT_FALSE(ParseCellRef(bad)) << bad;
    }
}

TEST(ToNumberTextTest, KeepsWhatExcelShowsInShortestForm) {
    struct Case {
        std::string_view stored, expected;
    };
    const Case cases[] = {
        {"123.4", "123.4"},
        {"12.50", "12.5"},
        {"1.0", "1"},
        {"-0", "0"},
        {"140602", "140602"},
        {"0.30000000000000004", "0.3"},          // 0.1+0.2: Excel shows 15 digits
        {"2.9999999999999996", "3"},
        {"1.2E-3", "0.0012"},
        {"1E-3", "0.001"},
        {"1.0000000000000001E-5", "1e-05"},
        {"123456789012345678", "123456789012346000"},  // Excel keeps 15 significant digits
        {"123456789012345", "123456789012345"},
        {"-45.67", "-45.67"},
        {"0.000123", "0.000123"},
        {"abc", "abc"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(ToNumberText(c.stored), c.expected) << c.stored;
    }
}

}  // namespace
}  // namespace npgov::tabular
