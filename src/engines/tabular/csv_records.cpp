#include "engines/tabular/csv_records.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engines/tabular/errors.hpp"

namespace npgov::tabular {

Result<Grid> SplitCsvRecords(std::string_view text, const CsvLimits& limits) {
    Grid grid;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    long line = 1;
    long record_line = 1;
    std::size_t cells = 0;
    std::optional<Error> limit_error;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        if (!IsBlankRow(record)) {
            cells += record.size();
            if (grid.size() == limits.max_rows) {
                limit_error = TooManyRowsError(limits.max_rows, record_line);
            } else if (cells > limits.max_cells) {
                limit_error = TooManyCellsError(limits.max_cells, record_line);
            } else {
                grid.push_back(GridRow{record_line, std::move(record)});
            }
        }
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && Trim(field).empty()) {
            field.clear();
            in_quotes = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_record();
            if (limit_error) return tl::unexpected(std::move(*limit_error));
            ++line;
            record_line = line;
        } else {
            field += c;
        }
    }
    if (in_quotes) {
        return tl::unexpected(MakeTabularError(
            ErrorCode::kInvalidArgument, "tabular.csv_quote",
            "第 " + std::to_string(record_line) + " 行的引号未闭合",
            "line " + std::to_string(record_line) + " has an unterminated quoted field", record_line));
    }
    if (!field.empty() || !record.empty()) end_record();
    if (limit_error) return tl::unexpected(std::move(*limit_error));
    return grid;
}

}  // namespace npgov::tabular
