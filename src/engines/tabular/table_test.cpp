#include "engines/tabular/table.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "engines/tabular/testing/xlsx_parts_writer.hpp"

namespace npgov::tabular {
namespace {

// Committed fixtures and expected readings (tests/golden/tabular), and the .xlsx fixtures
// written at build time by tests/golden/tabular/make_xlsx_fixtures.cpp.
const std::string kGoldenDir = NPGOV_TABULAR_GOLDEN_DIR;
const std::string kFixtureDir = NPGOV_TABULAR_FIXTURE_DIR;

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string Escape(const std::string& cell) {
    std::string out;
    for (char c : cell) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

// One line per row: source row, then the cells separated by tabs.
std::string Render(const Table& table) {
    std::ostringstream out;
    out << "format: " << (table.format == FileFormat::kXlsx ? "xlsx" : "csv") << "\n";
    out << "encoding: " << (table.encoding == TextEncoding::kGbk ? "gbk" : "utf-8") << "\n";
    if (!table.sheet.empty()) {
        out << "sheet: " << table.sheet << "\nsheets:";
        for (const std::string& name : table.sheet_names) out << " " << name;
        out << "\n";
    }
    out << "header " << table.header_row << ":";
    for (const std::string& name : table.header) out << "\t" << Escape(name);
    out << "\n";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out << table.source_rows[r] << ":";
        for (const std::string& cell : table.rows[r]) out << "\t" << Escape(cell);
        out << "\n";
    }
    return out.str();
}

// Compares the reading of `table` with `expected_file`; NPGOV_UPDATE_GOLDEN=1 rewrites it.
void ExpectGolden(const Table& table, const std::string& expected_file) {
    const std::string path = kGoldenDir + "/" + expected_file;
    const std::string actual = Render(table);
    if (std::getenv("NPGOV_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    EXPECT_EQ(actual, ReadFile(path)) << "reading differs from " << path;
}

Table ReadOk(const std::string& bytes, const ReadOptions& options = {}) {
    auto table = ReadTable(bytes, options);
    EXPECT_TRUE(table) << table.error().Describe();
    return table ? std::move(*table) : Table{};
}

TEST(ReadTableTest, ReadsUtf8CsvBelowATitle) {
    ExpectGolden(ReadOk(ReadFile(kGoldenDir + "/survey_utf8.csv")), "survey_utf8.expected");
}

TEST(ReadTableTest, ReadsUtf8CsvWithBomAndGbkCsvTheSame) {
    const Table utf8 = ReadOk(ReadFile(kGoldenDir + "/survey_utf8.csv"));
    const Table bom = ReadOk(ReadFile(kGoldenDir + "/survey_utf8_bom.csv"));
    const Table gbk = ReadOk(ReadFile(kGoldenDir + "/survey_gbk.csv"));
    EXPECT_EQ(gbk.encoding, TextEncoding::kGbk);
    EXPECT_EQ(bom.encoding, TextEncoding::kUtf8);
    for (const Table* other : {&bom, &gbk}) {
        EXPECT_EQ(other->header, utf8.header);
        EXPECT_EQ(other->rows, utf8.rows);
        EXPECT_EQ(other->source_rows, utf8.source_rows);
        EXPECT_EQ(other->header_row, utf8.header_row);
    }
}

TEST(ReadTableTest, NamesTheLineOfAnUndecodableByte) {
    const auto table = ReadTable(ReadFile(kGoldenDir + "/gbk_invalid.csv"));
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().reason, "tabular.encoding");
    EXPECT_EQ(table.error().row, 4);
}

TEST(ReadTableTest, ReadsAnOfficeSurveyWorkbook) {
    ReadOptions options;
    options.expected_columns = {"企业名称", "CAS号", "年使用量（吨）"};
    const Table table = ReadOk(ReadFile(kFixtureDir + "/survey.xlsx"), options);
    ExpectGolden(table, "survey_xlsx.expected");
    EXPECT_EQ(table.FindColumn({"CAS", "CAS号", "CAS No."}), 3u);
    EXPECT_EQ(table.FindColumn("年使用量 (吨)"), 4u);
    EXPECT_EQ(table.FindColumn("企业 名称"), 1u);
    EXPECT_EQ(table.FindColumn("不存在"), std::nullopt);
}

TEST(ReadTableTest, WithoutExpectedColumnsSkipsAMergedTitle) {
    const Table table = ReadOk(ReadFile(kFixtureDir + "/survey.xlsx"));
    // The merged title (one distinct value) is skipped; the upper header row is taken.
    EXPECT_EQ(table.header_row, 3);
    EXPECT_EQ(table.header[2], "物质信息");
    EXPECT_EQ(table.header[3], "物质信息");
}

TEST(ReadTableTest, ListsTheExpectedColumnsThatAreMissing) {
    ReadOptions options;
    options.expected_columns = {"企业名称", "CAS号", "排放量", "统一社会信用代码"};
    const auto table = ReadTable(ReadFile(kFixtureDir + "/survey.xlsx"), options);
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().reason, "tabular.header_missing");
    EXPECT_EQ(table.error().field, "排放量, 统一社会信用代码");
    EXPECT_EQ(table.error().row, 4) << "the closest row";
    EXPECT_NE(table.error().message_zh.find("排放量、统一社会信用代码"), std::string::npos) << table.error().message_zh;
}

TEST(ReadTableTest, ReadsInlineStringsAndPicksSheets) {
    ExpectGolden(ReadOk(ReadFile(kFixtureDir + "/inline_strings.xlsx")), "inline_strings_xlsx.expected");
    const std::string workbook = ReadFile(kFixtureDir + "/multi_sheet.xlsx");
    const Table first = ReadOk(workbook);
    EXPECT_EQ(first.sheet, "数据") << "the hidden instructions sheet is skipped";
    EXPECT_EQ(first.sheet_names, (std::vector<std::string>{"填表说明", "数据", "附表"}));
    EXPECT_EQ(first.rows, (std::vector<std::vector<std::string>>{{"335-67-1", "全氟辛酸"}}));
    ReadOptions options;
    options.sheet = "附表";
    const Table annex = ReadOk(workbook, options);
    EXPECT_EQ(annex.header, (std::vector<std::string>{"区县", "代码"}));
    EXPECT_EQ(annex.rows, (std::vector<std::vector<std::string>>{{"朔城区", "140602"}}));
    options.sheet = "Sheet1";
    const auto missing = ReadTable(workbook, options);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, "tabular.sheet_not_found");
}

TEST(ReadTableTest, ReadsFiftyThousandRows) {
    const Table table = ReadOk(ReadFile(kFixtureDir + "/rows_50000.xlsx"));
    ASSERT_EQ(table.rows.size(), 50000u);
    EXPECT_EQ(table.header, (std::vector<std::string>{"序号", "企业名称", "CAS号", "年用量(吨)", "填报日期", "是否达标"}));
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"1", "企业1", "335-67-1", "0.25", "2023-02-02", "TRUE"}));
    EXPECT_EQ(table.rows[49999],
              (std::vector<std::string>{"50000", "企业150", "335-67-1", "12500", "2023-09-21", "FALSE"}));
    EXPECT_EQ(table.source_rows[49999], 50001);
}

TEST(ReadTableTest, CapsTheRowsOfAWorkbook) {
    ReadOptions options;
    options.expected_columns = {"CAS号"};
    options.max_rows = 3;  // survey.xlsx has four data rows; the fourth is on row 9
    const auto capped = ReadTable(ReadFile(kFixtureDir + "/survey.xlsx"), options);
    ASSERT_FALSE(capped);
    EXPECT_EQ(capped.error().reason, "tabular.too_many_rows");
    EXPECT_EQ(capped.error().row, 9);
    options.max_rows = 4;
    EXPECT_TRUE(ReadTable(ReadFile(kFixtureDir + "/survey.xlsx"), options));
}

TEST(ReadTableTest, RefusesLegacyXlsWithAClearMessage) {
    // The OLE2 compound-file signature that starts every .xls (and every encrypted .xlsx).
    const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    const auto table = ReadTable(xls);
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().reason, "tabular.xls_unsupported");
    EXPECT_NE(table.error().message_zh.find(".xlsx"), std::string::npos);
    EXPECT_NE(table.error().message_zh.find("CSV"), std::string::npos);
}

TEST(ReadTableTest, RefusesEmptyAndBlankFiles) {
    for (const std::string& bytes : {std::string(), std::string(" \r\n\r\n"), std::string(",,,\n,,\n")}) {
        const auto table = ReadTable(bytes);
        ASSERT_FALSE(table) << "[" << bytes << "]";
        EXPECT_EQ(table.error().reason, "tabular.empty") << "[" << bytes << "]";
    }
    testing::XlsxSpec spec;
    spec.sheets = {{"Sheet1", testing::WorksheetXml("")}};
    const auto empty_sheet = ReadTable(testing::MakeXlsx(spec));
    ASSERT_FALSE(empty_sheet);
    EXPECT_EQ(empty_sheet.error().reason, "tabular.empty");
}

TEST(ReadTableTest, RefusesBinaryThatIsNotASpreadsheet) {
    const auto pdf = ReadTable(std::string("%PDF-1.7\n\0\0\x01\x02", 14));
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().reason, "tabular.unknown_format");
    const auto corrupt = ReadTable(std::string("PK\x03\x04garbage", 11));
    ASSERT_FALSE(corrupt);
    EXPECT_EQ(corrupt.error().reason, "tabular.xlsx_corrupt");
}

TEST(ReadTableTest, EnforcesTheSizeCaps) {
    ReadOptions options;
    options.max_bytes = 10;
    const auto big = ReadTable("a,b\n1,2\n3,4\n", options);
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().reason, "tabular.too_large");
    EXPECT_EQ(big.error().code, ErrorCode::kResourceExhausted);
    options = ReadOptions();
    options.max_rows = 2;
    EXPECT_TRUE(ReadTable("a,b\n1,2\n\n3,4\n", options)) << "blank lines do not count";
    const auto many = ReadTable("a,b\n1,2\n3,4\n5,6\n", options);
    ASSERT_FALSE(many);
    EXPECT_EQ(many.error().reason, "tabular.too_many_rows");
    EXPECT_EQ(many.error().row, 4);
}

TEST(ReadTableTest, NormalisesHeadersAndCells) {
    const Table table = ReadOk("\xEF\xBB\xBF\" 企业\n名称 \",\"CAS\n No.\",ＵＳＣＣ,年用量\xE3\x80\x80（吨）\n"
                               " 朔州（演示） ,\xE3\x80\x80３３５－６７－１\xE3\x80\x80,,１２３，４\n");
    EXPECT_EQ(table.header, (std::vector<std::string>{"企业名称", "CAS No.", "USCC", "年用量 (吨)"}));
    EXPECT_EQ(table.header_row, 1);
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.source_rows[0], 4) << "the quoted header cells span lines 1–3";
    EXPECT_EQ(table.rows[0], (std::vector<std::string>{"朔州(演示)", "335-67-1", "", "123,4"}));
    ReadOptions keep;
    keep.full_width = FullWidth::kKeep;
    const Table kept = ReadOk("名称,数量\n朔州（演示）, １２３ \n", keep);
    EXPECT_EQ(kept.rows[0], (std::vector<std::string>{"朔州（演示）", "１２３"}));
}

TEST(ReadTableTest, PadsRowsToTheWidestRow) {
    const Table table = ReadOk("a,b\n1\n1,2,3,,\n");
    EXPECT_EQ(table.header, (std::vector<std::string>{"a", "b", ""}));
    EXPECT_EQ(table.rows, (std::vector<std::vector<std::string>>{{"1", "", ""}, {"1", "2", "3"}}));
}

TEST(ReadTableTest, HonoursAnExplicitFormatAndEncoding) {
    ReadOptions options;
    options.encoding = TextEncoding::kGbk;
    const Table table = ReadOk("\xC3\xFB\xB3\xC6,x\n\xCB\xB7\xD6\xDD,1\n", options);  // "名称", "朔州" in GBK
    EXPECT_EQ(table.header[0], "名称");
    EXPECT_EQ(table.rows[0][0], "朔州");
    options = ReadOptions();
    options.format = FileFormat::kXlsx;
    const auto not_zip = ReadTable("a,b\n1,2\n", options);
    ASSERT_FALSE(not_zip);
    EXPECT_EQ(not_zip.error().reason, "tabular.xlsx_corrupt");
}

TEST(ToHeaderNameTest, CollapsesWhitespaceButKeepsChinese) {
    struct Case {
        std::string_view cell, name, key;
    };
    const Case cases[] = {
        {"  企业\n名称 ", "企业名称", "企业名称"},
        {"CAS\r\n No.", "CAS No.", "casno."},
        {"年使用量\n（吨）", "年使用量 (吨)", "年使用量(吨)"},  // '(' is ASCII once folded
        {"年使用量 （吨）", "年使用量 (吨)", "年使用量(吨)"},
        {"ＣＡＳ号", "CAS号", "cas号"},
        {"浓度\xC2\xA0ng/L", "浓度 ng/L", "浓度ng/l"},
        {"\xE3\x80\x80", "", ""},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(ToHeaderName(c.cell), c.name) << c.cell;
        EXPECT_EQ(ToHeaderKey(c.cell), c.key) << c.cell;
    }
}

}  // namespace
}  // namespace npgov::tabular
