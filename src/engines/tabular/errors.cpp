#include "engines/tabular/errors.hpp"

#include <utility>

namespace npgov::tabular {

Error MakeTabularError(ErrorCode code, std::string reason, std::string zh, std::string en, long row,
                       std::string field) {
    Error e = MakeError(code, std::move(reason), std::move(zh), std::move(en), std::move(field)).value();
    e.row = row;
    return e;
}

Error TooManyRowsError(std::size_t max_rows, long row) {
    return MakeTabularError(
        ErrorCode::kResourceExhausted, "tabular.too_many_rows",
        "表格超过 " + std::to_string(max_rows) + " 行，请拆分后分批导入",
        "the table has more than " + std::to_string(max_rows) + " rows; split it and import the parts", row);
}

Error TooManyCellsError(std::size_t max_cells, long row) {
    return MakeTabularError(
        ErrorCode::kResourceExhausted, "tabular.too_large",
        "表格超过 " + std::to_string(max_cells) + " 个单元格，请拆分后分批导入",
        "the table has more than " + std::to_string(max_cells) + " cells; split it and import the parts",
        row);
}

Error XlsxCorruptError(const std::string& part, const std::string& why_zh, const std::string& why_en) {
    return MakeTabularError(ErrorCode::kInvalidArgument, "tabular.xlsx_corrupt",
                            "文件不是可读的 .xlsx 工作簿（" + part + "：" + why_zh +
                                "）。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重试",
                            "the file is not a readable .xlsx workbook (" + part + ": " + why_en +
                                "); open it in Excel or WPS, save it as .xlsx and try again");
}

}  // namespace npgov::tabular
