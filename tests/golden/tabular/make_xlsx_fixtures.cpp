// Writes the .xlsx fixtures of the tabular engine's tests with libxlsxwriter, which produces
// the same SpreadsheetML as Excel: shared strings (and inline strings in constant-memory
// mode), merged ranges, styles with built-in and custom date formats, rich text, booleans and
// formulas with cached values. Run at build time: make_xlsx_fixtures OUTPUT_DIR.
// Expected readings are in *.expected beside this file.
#include <xlsxwriter.h>

#include <cstdio>
#include <string>

namespace {

bool Check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) {
        std::fprintf(stderr, "make_xlsx_fixtures: %s: %s\n", what, lxw_strerror(error));
        return false;
    }
    return true;
}

// A survey form as offices fill it in: a merged title, a blank row, a two-level merged header
// (物质信息 over 物质名称 | CAS号), an enterprise merged over two substance rows, full-width
// digits, stray spaces, a blank row, an empty cell mid-row, dates in three formats, booleans,
// a formula and a rich-text cell.
bool WriteSurvey(const std::string& dir) {
    lxw_workbook* wb = workbook_new((dir + "/survey.xlsx").c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "调查表");
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_align(title, LXW_ALIGN_CENTER);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    lxw_format* iso_date = workbook_add_format(wb);
    format_set_num_format(iso_date, "yyyy-mm-dd");
    lxw_format* builtin_date = workbook_add_format(wb);
    format_set_num_format_index(builtin_date, 14);  // m/d/yyyy in the user's locale
    lxw_format* chinese_date = workbook_add_format(wb);
    format_set_num_format(chinese_date, "yyyy\"年\"m\"月\"d\"日\"");
    lxw_format* date_time = workbook_add_format(wb);
    format_set_num_format(date_time, "yyyy-mm-dd hh:mm");
    lxw_format* two_decimals = workbook_add_format(wb);
    format_set_num_format(two_decimals, "0.00");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);

    bool ok =
        Check(worksheet_merge_range(ws, 0, 0, 0, 6, "2023年朔州市重点企业化学物质调查表", title), "title");
    // Row 3–4: the two-level header.
    ok = ok && Check(worksheet_merge_range(ws, 2, 0, 3, 0, "序号", wrap), "A3:A4");
    ok = ok && Check(worksheet_merge_range(ws, 2, 1, 3, 1, "企业\n名称", wrap), "B3:B4");
    ok = ok && Check(worksheet_merge_range(ws, 2, 2, 2, 3, "物质信息", wrap), "C3:D3");
    ok = ok && Check(worksheet_merge_range(ws, 2, 4, 3, 4, "年使用量\n（吨）", wrap), "E3:E4");
    ok = ok && Check(worksheet_merge_range(ws, 2, 5, 3, 5, "首次使用日期", wrap), "F3:F4");
    ok = ok && Check(worksheet_merge_range(ws, 2, 6, 3, 6, "是否重点管控", wrap), "G3:G4");
    ok = ok && Check(worksheet_write_string(ws, 3, 2, "物质名称", wrap), "C4");
    ok = ok && Check(worksheet_write_string(ws, 3, 3, "ＣＡＳ号", wrap), "D4");
    // Row 5–6: one enterprise, two substances.
    ok = ok && Check(worksheet_write_number(ws, 4, 0, 1, nullptr), "A5");
    ok = ok && Check(worksheet_merge_range(ws, 4, 1, 5, 1, "朔州市某化工有限公司（演示）", nullptr), "B5:B6");
    ok = ok && Check(worksheet_write_string(ws, 4, 2, "全氟辛酸", nullptr), "C5");
    ok = ok && Check(worksheet_write_string(ws, 4, 3, "335-67-1", nullptr), "D5");
    ok = ok && Check(worksheet_write_number(ws, 4, 4, 12.5, two_decimals), "E5");
    lxw_datetime may13 = {2023, 5, 13, 0, 0, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 4, 5, &may13, iso_date), "F5");
    ok = ok && Check(worksheet_write_boolean(ws, 4, 6, 1, nullptr), "G5");
    ok = ok && Check(worksheet_write_number(ws, 5, 0, 2, nullptr), "A6");
    ok = ok && Check(worksheet_write_string(ws, 5, 2, "六溴环十二烷", nullptr), "C6");
    ok = ok && Check(worksheet_write_string(ws, 5, 3, "２５６３７－９９－４", nullptr), "D6");
    ok = ok && Check(worksheet_write_string(ws, 5, 4, "１２３４", nullptr), "E6");
    lxw_datetime jan1 = {1900, 1, 1, 0, 0, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 5, 5, &jan1, builtin_date), "F6");
    ok = ok && Check(worksheet_write_boolean(ws, 5, 6, 0, nullptr), "G6");
    // Row 7 blank. Row 8: stray spaces, E8 left empty, a date-time.
    ok = ok && Check(worksheet_write_number(ws, 7, 0, 3, nullptr), "A8");
    ok = ok && Check(worksheet_write_string(ws, 7, 1, "  朔州市某制药有限公司（演示） ", nullptr), "B8");
    ok = ok && Check(worksheet_write_string(ws, 7, 2, "四环素", nullptr), "C8");
    ok = ok && Check(worksheet_write_string(ws, 7, 3, "60-54-8", nullptr), "D8");
    lxw_datetime sampled = {2023, 3, 1, 14, 30, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 7, 5, &sampled, date_time), "F8");
    ok = ok && Check(worksheet_write_string(ws, 7, 6, "否", nullptr), "G8");
    // Row 9: a formula with its cached result, a Chinese date format, rich text.
    ok = ok && Check(worksheet_write_number(ws, 8, 0, 4, nullptr), "A9");
    ok = ok && Check(worksheet_write_string(ws, 8, 1, "朔州市某农药厂（演示）", nullptr), "B9");
    lxw_rich_string_tuple part1 = {bold, const_cast<char*>("林")};
    lxw_rich_string_tuple part2 = {nullptr, const_cast<char*>("丹")};
    lxw_rich_string_tuple* rich[] = {&part1, &part2, nullptr};
    ok = ok && Check(worksheet_write_rich_string(ws, 8, 2, rich, nullptr), "C9");
    ok = ok && Check(worksheet_write_string(ws, 8, 3, "58-89-9", nullptr), "D9");
    ok = ok && Check(worksheet_write_formula_num(ws, 8, 4, "=E5/12500", nullptr, 0.001), "E9");
    lxw_datetime dec31 = {2022, 12, 31, 0, 0, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 8, 5, &dec31, chinese_date), "F9");
    ok = ok && Check(worksheet_write_boolean(ws, 8, 6, 1, nullptr), "G9");
    return Check(workbook_close(wb), "survey.xlsx") && ok;
}

// Three sheets: a hidden instructions sheet first, then two data sheets.
bool WriteMultiSheet(const std::string& dir) {
    lxw_workbook* wb = workbook_new((dir + "/multi_sheet.xlsx").c_str());
    lxw_worksheet* notes = workbook_add_worksheet(wb, "填表说明");
    lxw_worksheet* data = workbook_add_worksheet(wb, "数据");
    lxw_worksheet* annex = workbook_add_worksheet(wb, "附表");
    bool ok = Check(worksheet_write_string(notes, 0, 0, "请按模板填写", nullptr), "notes");
    worksheet_activate(data);
    worksheet_hide(notes);
    ok = ok && Check(worksheet_write_string(data, 0, 0, "CAS号", nullptr), "data A1");
    ok = ok && Check(worksheet_write_string(data, 0, 1, "名称", nullptr), "data B1");
    ok = ok && Check(worksheet_write_string(data, 1, 0, "335-67-1", nullptr), "data A2");
    ok = ok && Check(worksheet_write_string(data, 1, 1, "全氟辛酸", nullptr), "data B2");
    ok = ok && Check(worksheet_write_string(annex, 0, 0, "区县", nullptr), "annex A1");
    ok = ok && Check(worksheet_write_string(annex, 0, 1, "代码", nullptr), "annex B1");
    ok = ok && Check(worksheet_write_string(annex, 1, 0, "朔城区", nullptr), "annex A2");
    ok = ok && Check(worksheet_write_number(annex, 1, 1, 140602, nullptr), "annex B2");
    return Check(workbook_close(wb), "multi_sheet.xlsx") && ok;
}

// Constant-memory mode writes strings inline (<c t="inlineStr"><is><t>…</t></is></c>).
bool WriteInlineStrings(const std::string& dir) {
    lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
    lxw_workbook* wb = workbook_new_opt((dir + "/inline_strings.xlsx").c_str(), &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "监测结果");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy/m/d");
    bool ok = Check(worksheet_write_string(ws, 0, 0, "点位", nullptr), "A1");
    ok = ok && Check(worksheet_write_string(ws, 0, 1, "采样日期", nullptr), "B1");
    ok = ok && Check(worksheet_write_string(ws, 0, 2, "浓度（ng/L）", nullptr), "C1");
    ok = ok && Check(worksheet_write_string(ws, 1, 0, "桑干河-1", nullptr), "A2");
    lxw_datetime day = {2023, 7, 4, 0, 0, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 1, 1, &day, date), "B2");
    ok = ok && Check(worksheet_write_string(ws, 1, 2, "<LOD", nullptr), "C2");
    ok = ok && Check(worksheet_write_string(ws, 2, 0, "桑干河-2", nullptr), "A3");
    lxw_datetime next = {2023, 7, 5, 0, 0, 0};
    ok = ok && Check(worksheet_write_datetime(ws, 2, 1, &next, date), "B3");
    ok = ok && Check(worksheet_write_number(ws, 2, 2, 3.75, nullptr), "C3");
    return Check(workbook_close(wb), "inline_strings.xlsx") && ok;
}

// 50,000 data rows under a header, for a performance sanity check.
bool WriteLarge(const std::string& dir) {
    lxw_workbook_options options = {LXW_TRUE, nullptr, LXW_FALSE};
    lxw_workbook* wb = workbook_new_opt((dir + "/rows_50000.xlsx").c_str(), &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Sheet1");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    const char* header[] = {"序号", "企业名称", "CAS号", "年用量（吨）", "填报日期", "是否达标"};
    bool ok = true;
    for (int c = 0; c < 6; ++c)
        ok = ok &&
             Check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr), "header");
    for (int i = 1; i <= 50000 && ok; ++i) {
        const auto r = static_cast<lxw_row_t>(i);
        const std::string name = "企业" + std::to_string(i % 997);
        lxw_datetime day = {2023, 1 + i % 12, 1 + i % 28, 0, 0, 0};
        ok = Check(worksheet_write_number(ws, r, 0, i, nullptr), "A") &&
             Check(worksheet_write_string(ws, r, 1, name.c_str(), nullptr), "B") &&
             Check(worksheet_write_string(ws, r, 2, "335-67-1", nullptr), "C") &&
             Check(worksheet_write_number(ws, r, 3, i * 0.25, nullptr), "D") &&
             Check(worksheet_write_datetime(ws, r, 4, &day, date), "E") &&
             Check(worksheet_write_boolean(ws, r, 5, i % 2, nullptr), "F");
    }
    return Check(workbook_close(wb), "rows_50000.xlsx") && ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_xlsx_fixtures OUTPUT_DIR\n");
        return 64;
    }
    const std::string dir = argv[1];
    const bool ok = WriteSurvey(dir) && WriteMultiSheet(dir) && WriteInlineStrings(dir) && WriteLarge(dir);
    return ok ? 0 : 1;
}
