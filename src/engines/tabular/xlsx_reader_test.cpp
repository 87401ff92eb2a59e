#include "engines/tabular/xlsx_reader.hpp"

#include <gtest/gtest.h>

#include "engines/tabular/testing/xlsx_parts_writer.hpp"

namespace npgov::tabular {
namespace {

using testing::MakeXlsx;
using testing::MakeZip;
using testing::SharedStringsXml;
using testing::WorksheetXml;
using testing::XlsxEntries;
using testing::XlsxSpec;
using testing::ZipEntry;

constexpr XlsxLimits kLimits{64u << 20, 1000, 100000};

std::string OneCellSheet(std::string_view text) {
    return WorksheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(text) + "</t></is></c></row>");
}

XlsxSpec ThreeSheets() {
    XlsxSpec spec;
    spec.sheets = {{"说明", OneCellSheet("说明")}, {"数据", OneCellSheet("数据")}, {"Annex B", OneCellSheet("附表")}};
    spec.hidden_sheets = {"说明"};
    return spec;
}

TEST(ReadXlsxSheetTest, ReadsTheFirstVisibleSheetByDefault) {
    const auto sheet = ReadXlsxSheet(MakeXlsx(ThreeSheets()), std::nullopt, kLimits);
    ASSERT_TRUE(sheet) << sheet.error().Describe();
    EXPECT_EQ(sheet->sheet, "数据");
    EXPECT_EQ(sheet->sheet_names, (std::vector<std::string>{"说明", "数据", "Annex B"}));
    EXPECT_EQ(sheet->grid[0].cells[0], "数据");
}

TEST(ReadXlsxSheetTest, ReadsASheetByName) {
    const std::string bytes = MakeXlsx(ThreeSheets());
    for (const char* name : {"Annex B", " annex b ", "ANNEX B"}) {
        const auto sheet = ReadXlsxSheet(bytes, std::string(name), kLimits);
        ASSERT_TRUE(sheet) << name << ": " << sheet.error().Describe();
        EXPECT_EQ(sheet->sheet, "Annex B");
        EXPECT_EQ(sheet->grid[0].cells[0], "附表");
    }
    const auto hidden = ReadXlsxSheet(bytes, std::string("说明"), kLimits);
    ASSERT_TRUE(hidden) << "a hidden sheet can be asked for by name";
    EXPECT_EQ(hidden->grid[0].cells[0], "说明");
}

TEST(ReadXlsxSheetTest, NamesTheSheetsWhenTheOneAskedForIsMissing) {
    const auto sheet = ReadXlsxSheet(MakeXlsx(ThreeSheets()), std::string("Sheet1"), kLimits);
    ASSERT_FALSE(sheet);
    EXPECT_EQ(sheet.error().reason, "tabular.sheet_not_found");
    EXPECT_EQ(sheet.error().field, "sheet");
    EXPECT_NE(sheet.error().message_zh.find("说明、数据、Annex B"), std::string::npos) << sheet.error().message_zh;
}

TEST(ReadXlsxSheetTest, ReadsSharedStringsWithRichRunsAndStyles) {
    XlsxSpec spec;
    spec.shared_strings =
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<si><t>名称</t></si>"
        "<si><r><rPr><b/></rPr><t>全氟</t></r><r><t xml:space=\"preserve\">辛酸 </t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh><phoneticPr fontId=\"1\"/></si>"
        "<si><t>_x4E2D_文</t></si></sst>";
    // numFmt 176 is a date; a numFmt in <dxfs> (conditional formats) must not count, nor the
    // <cellStyleXfs> list: cell style 1 is numFmtId 176, 2 is the built-in 14, 3 is 0.00.
    spec.styles =
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        "<numFmt numFmtId=\"177\" formatCode=\"0.00\"/></numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"176\" applyNumberFormat=\"1\"/><xf numFmtId=\"14\"/>"
        "<xf numFmtId=\"177\"/></cellXfs>"
        "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"177\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs></styleSheet>";
    spec.sheets = {{"Sheet1", WorksheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                                           "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                                           "<row r=\"2\"><c r=\"A2\"><v>45059</v></c><c r=\"B2\" s=\"1\"><v>45059</v></c>"
                                           "<c r=\"C2\" s=\"2\"><v>45059</v></c><c r=\"D2\" s=\"3\"><v>45059</v></c></row>")}};
    const auto sheet = ReadXlsxSheet(MakeXlsx(spec), std::nullopt, kLimits);
    ASSERT_TRUE(sheet) << sheet.error().Describe();
    EXPECT_EQ(sheet->grid[0].cells, (std::vector<std::string>{"名称", "全氟辛酸 ", "中文"}));
    EXPECT_EQ(sheet->grid[1].cells, (std::vector<std::string>{"45059", "2023-05-13", "2023-05-13", "45059"}));
}

TEST(ReadXlsxSheetTest, ReadsThe1904DateSystem) {
    XlsxSpec spec;
    spec.date1904 = true;
    spec.styles = "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    spec.sheets = {{"Sheet1", WorksheetXml("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43597</v></c><c r=\"B1\" s=\"1\"><v>0</v></c></row>")}};
    const auto sheet = ReadXlsxSheet(MakeXlsx(spec), std::nullopt, kLimits);
    ASSERT_TRUE(sheet) << sheet.error().Describe();
    EXPECT_EQ(sheet->grid[0].cells, (std::vector<std::string>{"2023-05-13", "1904-01-01"}));
}

TEST(ReadXlsxSheetTest, FindsTheWorkbookThroughThePackageRelationships) {
    // Some writers put the workbook elsewhere; _rels/.rels says where.
    const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const std::vector<ZipEntry> entries = {
        {"_rels/.rels", "<Relationships><Relationship Id=\"r1\" Type=\"" + rel_ns +
                            "/officeDocument\" Target=\"/book/main.xml\"/></Relationships>"},
        {"book/main.xml", "<workbook xmlns:r=\"" + rel_ns +
                              "\"><sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"a\"/></sheets></workbook>"},
        {"book/_rels/main.xml.rels", "<Relationships><Relationship Id=\"a\" Type=\"" + rel_ns +
                                         "/worksheet\" Target=\"../data/one.xml\"/></Relationships>"},
        {"data/one.xml", OneCellSheet("找到了")},
    };
    const auto sheet = ReadXlsxSheet(MakeZip(entries), std::nullopt, kLimits);
    ASSERT_TRUE(sheet) << sheet.error().Describe();
    EXPECT_EQ(sheet->sheet, "表1");
    EXPECT_EQ(sheet->grid[0].cells[0], "找到了");
}

TEST(ReadXlsxSheetTest, RefusesDamagedArchives) {
    XlsxSpec spec;
    spec.sheets = {{"Sheet1", WorksheetXml(std::string(2000, ' ') + "<row r=\"1\"><c><v>1</v></c></row>")}};
    const std::string good = MakeXlsx(spec);
    ASSERT_TRUE(ReadXlsxSheet(good, std::nullopt, kLimits));
    // Cut off: no central directory.
    const auto truncated = ReadXlsxSheet(std::string_view(good).substr(0, good.size() / 2), std::nullopt, kLimits);
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().reason, "tabular.xlsx_corrupt");
    // Bytes flipped inside the compressed worksheet: inflate or CRC check fails.
    std::string flipped = good;
    const std::size_t at = flipped.find("xl/worksheets/sheet1.xml") + 40;
    for (std::size_t i = at; i < at + 8; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    const auto damaged = ReadXlsxSheet(flipped, std::nullopt, kLimits);
    ASSERT_FALSE(damaged);
    EXPECT_EQ(damaged.error().reason, "tabular.xlsx_corrupt") << damaged.error().Describe();
    // A zip that is not a workbook (e.g. a .docx).
    const auto docx = ReadXlsxSheet(MakeZip({{"word/document.xml", "<w:document/>"}}), std::nullopt, kLimits);
    ASSERT_FALSE(docx);
    EXPECT_EQ(docx.error().reason, "tabular.xlsx_corrupt");
    // Malformed XML in the sheet.
    spec.sheets = {{"Sheet1", "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>"}};
    const auto xml = ReadXlsxSheet(MakeXlsx(spec), std::nullopt, kLimits);
    ASSERT_FALSE(xml);
    EXPECT_EQ(xml.error().reason, "tabular.xlsx_corrupt");
    EXPECT_NE(xml.error().message_en.find("xl/worksheets/sheet1.xml"), std::string::npos) << xml.error().message_en;
}

TEST(ReadXlsxSheetTest, StopsAZipBombAtTheInflationCap) {
    // 64 MiB of one repeated row deflates to well under 1 MiB (ratio > 100).
    std::string rows;
    const std::string row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>";
    while (rows.size() < (64u << 20)) rows += row;
    XlsxSpec spec;
    spec.sheets = {{"Sheet1", WorksheetXml(rows)}};
    const std::string bytes = MakeZip(XlsxEntries(spec), 9);
    ASSERT_LT(bytes.size(), 1u << 20);
    const XlsxLimits limits{10u << 20, 10'000'000, 100'000'000};  // 10 MiB inflated at most
    const auto sheet = ReadXlsxSheet(bytes, std::nullopt, limits);
    ASSERT_FALSE(sheet);
    EXPECT_EQ(sheet.error().reason, "tabular.too_large");
    EXPECT_EQ(sheet.error().code, ErrorCode::kResourceExhausted);
}

TEST(ReadXlsxSheetTest, CountsEveryPartAgainstTheInflationCap) {
    // Shared strings of 6 MiB fit a 10 MiB cap; the 6 MiB sheet read after them does not.
    std::vector<std::string> strings(6 << 10, std::string(1000, 'x'));
    std::string rows;
    while (rows.size() < (6u << 20)) rows += "<row><c><v>1</v></c></row>";
    XlsxSpec spec;
    spec.shared_strings = SharedStringsXml(strings);
    spec.sheets = {{"Sheet1", WorksheetXml(rows)}};
    const std::string bytes = MakeXlsx(spec);
    const auto capped = ReadXlsxSheet(bytes, std::nullopt, XlsxLimits{10u << 20, 10'000'000, 100'000'000});
    ASSERT_FALSE(capped);
    EXPECT_EQ(capped.error().reason, "tabular.too_large");
    EXPECT_TRUE(ReadXlsxSheet(bytes, std::nullopt, XlsxLimits{14u << 20, 10'000'000, 100'000'000}));
}

TEST(ReadXlsxSheetTest, RefusesDocumentTypeDeclarations) {
    // "Billion laughs": entity expansion needs a DTD, and OOXML parts never have one.
    XlsxSpec spec;
    spec.sheets = {{"Sheet1", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                              "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
                              "</sheetData></worksheet>"}};
    const auto sheet = ReadXlsxSheet(MakeXlsx(spec), std::nullopt, kLimits);
    ASSERT_FALSE(sheet);
    EXPECT_EQ(sheet.error().reason, "tabular.xlsx_corrupt");
    EXPECT_NE(sheet.error().message_en.find("DOCTYPE"), std::string::npos) << sheet.error().message_en;
}

}  // namespace
}  // namespace npgov::tabular
