#include "core/csv.hpp"

#include "core/text.hpp"

namespace npgov {

std::optional<std::size_t> CsvTable::FindColumn(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    return std::nullopt;
}

namespace {

Error CsvError(std::string reason, std::string zh, std::string en, long line) {
    Error e = MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh),
                        std::move(en)).value();
    e.row = line;
    return e;
}

bool IsBlank(const std::vector<std::string>& record) {
    return record.size() == 1 && Trim(record[0]).empty();
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!IsValidUtf8(text)) {
        return tl::unexpected(CsvError("csv.encoding", "文件不是 UTF-8 编码（GBK 导出的文件请先转换或选择 GBK 编码）",
                                       "the file is not UTF-8 (convert GBK exports or choose the GBK encoding)", 0));
    }
    std::vector<std::vector<std::string>> records;
    std::vector<long> lines;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    long line = 1;
    long record_line = 1;
    std::size_t i = 0;
    auto end_record = [&] {
        record.push_back(std::move(field));
        field.clear();
        if (!IsBlank(record)) {
            records.push_back(std::move(record));
            lines.push_back(record_line);
        }
        record.clear();
    };
    while (i < text.size()) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                in_quotes = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            ++i;
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
            ++line;
            record_line = line;
        } else {
            field += c;
        }
        ++i;
    }
    if (in_quotes) {
        return tl::unexpected(CsvError("csv.quote", "引号未闭合", "unterminated quoted field", record_line));
    }
    if (!field.empty() || !record.empty()) end_record();
    if (records.empty()) {
        return tl::unexpected(CsvError("csv.empty", "文件为空，缺少表头", "the file is empty: no header row", 0));
    }
    CsvTable table;
    for (auto& h : records.front()) table.header.emplace_back(Trim(h));
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header.size()) {
            return tl::unexpected(CsvError(
                "csv.width",
                "第 " + std::to_string(lines[r]) + " 行有 " + std::to_string(records[r].size()) +
                    " 列，表头有 " + std::to_string(table.header.size()) + " 列",
                "line " + std::to_string(lines[r]) + " has " + std::to_string(records[r].size()) +
                    " fields, the header has " + std::to_string(table.header.size()),
                lines[r]));
        }
        table.rows.push_back(std::move(records[r]));
        table.line_numbers.push_back(lines[r]);
    }
    return table;
}

}  // namespace npgov
