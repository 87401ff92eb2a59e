#include "engines/tabular/csv_records.hpp"

#include <gtest/gtest.h>

#include "core/csv.hpp"

namespace npgov::tabular {
namespace {

constexpr CsvLimits kLimits{1000, 100000};

TEST(SplitCsvRecordsTest, KeepsRaggedRecordsAndTheirLines) {
    const auto grid = SplitCsvRecords("标题\r\n\r\na,b,c\r\n1,\"x\ny\",3\r\n,,\r\n4,5\r\n", kLimits);
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 4u);  // the blank line and ",," are left out
    EXPECT_EQ((*grid)[0].source_row, 1);
    EXPECT_EQ((*grid)[0].cells, (std::vector<std::string>{"标题"}));
    EXPECT_EQ((*grid)[1].source_row, 3);
    EXPECT_EQ((*grid)[2].source_row, 4);
    EXPECT_EQ((*grid)[2].cells, (std::vector<std::string>{"1", "x\ny", "3"}));
    EXPECT_EQ((*grid)[3].source_row, 7);  // the quoted line break counts as a line
    EXPECT_EQ((*grid)[3].cells, (std::vector<std::string>{"4", "5"}));
}

TEST(SplitCsvRecordsTest, HandlesQuotesLikeCoreParseCsv) {
    const auto grid = SplitCsvRecords("\"a \"\"q\"\" b\",  \"c,d\" ,e\"f\"\n\"\"\n", kLimits);
    ASSERT_TRUE(grid) << grid.error().Describe();
    ASSERT_EQ(grid->size(), 1u);  // a lone "" is a blank record
    EXPECT_EQ((*grid)[0].cells, (std::vector<std::string>{"a \"q\" b", "c,d ", "e\"f\""}));
}

TEST(SplitCsvRecordsTest, AgreesWithCoreParseCsvOnRectangularFiles) {
    // core/csv.hpp is the reference for rectangular files; only its header/width rules differ.
    const std::string_view inputs[] = {
        "a,b\n1,2\n",
        "a,b\r\n1,2\r\n\r\n3,4",
        "\"x\",\"y\"\n\"1\n2\",\"a\"\"b\"\n",
        "名称,CAS\n全氟辛酸,335-67-1\n 多余空格 , x \n",
        "a\n\n\nb\nc",
    };
    for (std::string_view input : inputs) {
        const auto core = ParseCsv(input);
        ASSERT_TRUE(core) << core.error().Describe();
        const auto grid = SplitCsvRecords(input, kLimits);
        ASSERT_TRUE(grid) << grid.error().Describe();
        ASSERT_EQ(grid->size(), core->rows.size() + 1) << input;
        for (std::size_t i = 0; i < core->header.size(); ++i) {
            EXPECT_EQ(Trim((*grid)[0].cells[i]), core->header[i]) << input;
        }
        for (std::size_t r = 0; r < core->rows.size(); ++r) {
            EXPECT_EQ((*grid)[r + 1].cells, core->rows[r]) << input;
            EXPECT_EQ((*grid)[r + 1].source_row, core->line_numbers[r]) << input;
        }
    }
}

TEST(SplitCsvRecordsTest, ReportsAnUnterminatedQuoteAtItsLine) {
    const auto grid = SplitCsvRecords("a,b\n1,2\n3,\"open\n4,5\n", kLimits);
    ASSERT_FALSE(grid);
    EXPECT_EQ(grid.error().reason, "tabular.csv_quote");
    EXPECT_EQ(grid.error().row, 3);
}

TEST(SplitCsvRecordsTest, StopsAtTheRowAndCellCaps) {
    const auto rows = SplitCsvRecords("a\n\nb\nc\nd\n", CsvLimits{2, 100});
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error().reason, "tabular.too_many_rows");
    EXPECT_EQ(rows.error().code, ErrorCode::kResourceExhausted);
    EXPECT_EQ(rows.error().row, 4);
    const auto cells = SplitCsvRecords("a,b,c\nd,e,f\n", CsvLimits{100, 5});
    ASSERT_FALSE(cells);
    EXPECT_EQ(cells.error().reason, "tabular.too_large");
    EXPECT_EQ(cells.error().row, 2);
    EXPECT_TRUE(SplitCsvRecords("a\n\n\n\nb\n", CsvLimits{2, 100})) << "blank lines do not count";
}

}  // namespace
}  // namespace npgov::tabular
