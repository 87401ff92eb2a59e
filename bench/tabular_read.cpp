// Read throughput of the tabular engine (engines/tabular): rows per second for a 100,000-row
// survey as .xlsx (shared strings, a date style, as Excel writes it) and as CSV (UTF-8 and GBK).
// The inputs are built in memory before timing; each iteration is one ReadTable call.
// Google Benchmark; `npgov_tabular_bench --benchmark_min_time=2` for steadier figures.
#include <iconv.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/date.hpp"
#include "engines/tabular/table.hpp"
#include "engines/tabular/testing/xlsx_parts_writer.hpp"

namespace npgov::tabular {
namespace {

constexpr int kRows = 100'000;
const char* const kHeader[] = {"序号",     "企业名称",     "统一社会信用代码", "CAS号",
                               "物质名称", "年用量（吨）", "填报日期",         "备注"};
const char* const kSubstances[] = {"全氟辛酸", "六溴环十二烷", "四环素", "林丹", "壬基酚", "十溴二苯醚"};
const char* const kCas[] = {"335-67-1", "25637-99-4", "60-54-8", "58-89-9", "84852-15-3", "1163-19-5"};

struct Row {
    std::vector<std::string> cells;  // as text (the CSV form)
    double tonnes;
    int date_serial;
};

Row MakeRow(int i) {
    char uscc[32];
    std::snprintf(uscc, sizeof uscc, "91140600MA%08d", i % 100'000'000);
    const int k = i % 6;
    const double tonnes = (i % 1000) * 0.125;
    const int serial = 44927 + i % 365;  // 2023-01-01 + i % 365 days
    const std::string date = AddDays(Date{2023, 1, 1}, i % 365).ToIsoString();
    return Row{{std::to_string(i), "朔州市企业" + std::to_string(i % 997) + "（演示）", uscc, kCas[k],
                kSubstances[k], std::to_string(tonnes), date, i % 10 == 0 ? "停产" : ""},
               tonnes,
               serial};
}

std::string MakeCsv() {
    std::string csv = "2023年朔州市化学物质调查（演示）\r\n";
    for (int c = 0; c < 8; ++c) csv += std::string(c ? "," : "") + kHeader[c];
    csv += "\r\n";
    for (int i = 1; i <= kRows; ++i) {
        const Row row = MakeRow(i);
        for (std::size_t c = 0; c < row.cells.size(); ++c) csv += (c ? "," : "") + row.cells[c];
        csv += "\r\n";
    }
    return csv;
}

// Excel's layout: every text cell a shared string, numbers in place, dates as styled serials.
std::string MakeXlsx() {
    std::vector<std::string> strings(kHeader, kHeader + 8);
    for (int i = 0; i < 997; ++i) strings.push_back("朔州市企业" + std::to_string(i) + "（演示）");
    const int first_substance = static_cast<int>(strings.size());
    for (int k = 0; k < 6; ++k) strings.push_back(kSubstances[k]);
    const int first_cas = static_cast<int>(strings.size());
    for (int k = 0; k < 6; ++k) strings.push_back(kCas[k]);
    const int stopped = static_cast<int>(strings.size());
    strings.push_back("停产");
    std::string rows = "<row r=\"1\">";
    for (int c = 0; c < 8; ++c) rows += "<c t=\"s\"><v>" + std::to_string(c) + "</v></c>";
    rows += "</row>";
    for (int i = 1; i <= kRows; ++i) {
        const Row row = MakeRow(i);
        const int k = i % 6;
        strings.push_back(row.cells[2]);  // USCCs are unique: one shared string each
        const std::string r = std::to_string(i + 1);
        rows += "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + row.cells[0] + "</v></c>";
        rows += "<c r=\"B" + r + "\" t=\"s\"><v>" + std::to_string(8 + i % 997) + "</v></c>";
        rows += "<c r=\"C" + r + "\" t=\"s\"><v>" + std::to_string(strings.size() - 1) + "</v></c>";
        rows += "<c r=\"D" + r + "\" t=\"s\"><v>" + std::to_string(first_cas + k) + "</v></c>";
        rows += "<c r=\"E" + r + "\" t=\"s\"><v>" + std::to_string(first_substance + k) + "</v></c>";
        rows += "<c r=\"F" + r + "\"><v>" + std::to_string(row.tonnes) + "</v></c>";
        rows += "<c r=\"G" + r + "\" s=\"1\"><v>" + std::to_string(row.date_serial) + "</v></c>";
        if (i % 10 == 0) rows += "<c r=\"H" + r + "\" t=\"s\"><v>" + std::to_string(stopped) + "</v></c>";
        rows += "</row>";
    }
    testing::XlsxSpec spec;
    spec.sheets = {{"Sheet1", testing::WorksheetXml(rows)}};
    spec.shared_strings = testing::SharedStringsXml(strings);
    spec.styles =
        "<styleSheet><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
    return testing::MakeXlsx(spec);
}

// The CSV as a Chinese Windows Excel saves it ("CSV (逗号分隔)": GBK).
std::string ToGbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open");
    std::string out(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    const std::size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv");
    out.resize(out.size() - out_left);
    return out;
}

void Read(benchmark::State& state, const std::string& bytes) {
    for (auto _ : state) {
        auto table = ReadTable(bytes);
        if (!table || table->rows.size() != kRows) {
            state.SkipWithError(table ? "wrong row count" : table.error().Describe().c_str());
            break;
        }
        benchmark::DoNotOptimize(table);
    }
    state.counters["rows/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * kRows, benchmark::Counter::kIsRate);
    state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
}

void BM_ReadXlsx100k(benchmark::State& state) {
    static const std::string bytes = MakeXlsx();
    Read(state, bytes);
}
BENCHMARK(BM_ReadXlsx100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadCsvUtf8_100k(benchmark::State& state) {
    static const std::string bytes = MakeCsv();
    Read(state, bytes);
}
BENCHMARK(BM_ReadCsvUtf8_100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadCsvGbk100k(benchmark::State& state) {
    static const std::string bytes = ToGbk(MakeCsv());
    Read(state, bytes);
}
BENCHMARK(BM_ReadCsvGbk100k)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace npgov::tabular

BENCHMARK_MAIN();
