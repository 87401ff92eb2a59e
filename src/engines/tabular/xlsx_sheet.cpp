#include "engines/tabular/xlsx_sheet.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "engines/tabular/errors.hpp"
#include "engines/tabular/xlsx_parts.hpp"
#include "engines/tabular/xml_sax.hpp"

namespace npgov::tabular {
namespace {

constexpr long kMaxRow = 1'048'576;  // Excel's sheet limits
constexpr std::size_t kMaxColumns = 16'384;

struct MergeRange {
    CellRef first;
    CellRef last;
};

enum class CellType { kNumber, kSharedString, kInlineString, kFormulaString, kBoolean, kError, kDate };

CellType ToCellType(std::optional<std::string_view> t) {
    if (!t || *t == "n") return CellType::kNumber;
    if (*t == "s") return CellType::kSharedString;
    if (*t == "inlineStr") return CellType::kInlineString;
    if (*t == "str") return CellType::kFormulaString;
    if (*t == "b") return CellType::kBoolean;
    if (*t == "e") return CellType::kError;
    if (*t == "d") return CellType::kDate;
    return CellType::kFormulaString;  // unknown type: keep the stored text
}

std::string CellName(long row, std::size_t column) {
    std::string letters;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return letters + std::to_string(row);
}

// "2023-05-13T00:00:00Z" → "2023-05-13"; "2023-05-13T14:30:00.5" → "2023-05-13T14:30:00".
std::string IsoDateText(std::string_view stored) {
    stored = Trim(stored);
    if (stored.size() < 10) return std::string(stored);
    const std::string_view date = stored.substr(0, 10);
    if (stored.size() == 10) return std::string(date);
    const std::string_view time = stored.size() >= 19 ? stored.substr(11, 8) : std::string_view();
    if (time.empty() || time == "00:00:00") return std::string(date);
    return std::string(date) + "T" + std::string(time);
}

class SheetHandler : public XmlHandler {
public:
    SheetHandler(std::string part, const SheetContext& context) : part_(std::move(part)), context_(context) {}

    void StartElement(std::string_view name, const XmlAttributes& attributes) override {
        switch (name.size() == 0 ? '\0' : name[0]) {
            case 'c':
                if (name == "c") StartCell(attributes);
                break;
            case 'v':
                if (name == "v" && in_cell_) in_value_ = true;
                break;
            case 't':
                if (name == "t" && in_inline_ && phonetic_depth_ == 0) in_inline_text_ = true;
                break;
            case 'i':
                if (name == "is" && in_cell_) in_inline_ = true;
                break;
            case 'r':
                if (name == "row")
                    StartRow(attributes);
                else if (name == "rPh")
                    ++phonetic_depth_;
                break;
            case 'm':
                if (name == "mergeCell") AddMerge(attributes);
                break;
            default:
                break;
        }
    }

    void EndElement(std::string_view name) override {
        if (name == "v") {
            in_value_ = false;
        } else if (name == "t") {
            in_inline_text_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            --phonetic_depth_;
        } else if (name == "c") {
            if (in_cell_) EndCell();
        } else if (name == "row") {
            EndRow();
        }
    }

    void CharacterData(std::string_view text) override {
        if (in_value_) {
            value_ += text;
        } else if (in_inline_text_) {
            inline_text_ += text;
        }
    }

    Result<Grid> Finish() && {
        if (in_row_) EndRow();
        if (failure()) return tl::unexpected(*failure());
        if (!sorted_) {
            std::stable_sort(grid_.begin(), grid_.end(),
                             [](const GridRow& a, const GridRow& b) { return a.source_row < b.source_row; });
        }
        NPGOV_RETURN_IF_ERROR(FillMerges());
        return std::move(grid_);
    }

private:
    void StartRow(const XmlAttributes& attributes) {
        if (in_row_) EndRow();
        in_row_ = true;
        long row = last_row_ + 1;
        if (const auto r = attributes.Find("r")) {
            long parsed = 0;
            const auto [ptr, ec] = std::from_chars(r->data(), r->data() + r->size(), parsed);
            if (ec != std::errc() || ptr != r->data() + r->size() || parsed < 1 || parsed > kMaxRow) {
                Fail(XlsxCorruptError(part_, "行号无效：" + ToMessageSnippet(*r),
                                      "bad row number: " + ToMessageSnippet(*r)));
                return;
            }
            row = parsed;
        }
        if (row <= last_row_) sorted_ = false;
        last_row_ = row;
        next_column_ = 0;
        cells_.clear();
    }

    void EndRow() {
        in_row_ = false;
        if (cells_.empty() || IsBlankRow(cells_)) return;
        if (grid_.size() == context_.max_rows) {
            Fail(TooManyRowsError(context_.max_rows, last_row_));
            return;
        }
        held_cells_ += cells_.size();
        if (held_cells_ > context_.max_cells) {
            Fail(TooManyCellsError(context_.max_cells, last_row_));
            return;
        }
        grid_.push_back(GridRow{last_row_, std::move(cells_)});
        cells_.clear();
    }

    // Fails with `error` located at the current row.
    void FailAtRow(Error error) {
        error.row = last_row_;
        Fail(std::move(error));
    }

    void StartCell(const XmlAttributes& attributes) {
        if (!in_row_) StartRow(XmlAttributes(kNoAttributes));
        in_cell_ = true;
        value_.clear();
        inline_text_.clear();
        column_ = next_column_;
        if (const auto r = attributes.Find("r")) {
            const auto ref = ParseCellRef(*r);
            if (!ref) {
                FailAtRow(XlsxCorruptError(part_, "单元格引用无效：" + ToMessageSnippet(*r),
                                           "bad cell reference: " + ToMessageSnippet(*r)));
                return;
            }
            column_ = ref->column;
        }
        next_column_ = column_ + 1;
        type_ = ToCellType(attributes.Find("t"));
        style_ = 0;
        if (const auto s = attributes.Find("s")) std::from_chars(s->data(), s->data() + s->size(), style_);
    }

    void EndCell() {
        in_cell_ = false;
        std::string text;
        switch (type_) {
            case CellType::kSharedString: {
                std::size_t index = 0;
                const std::string_view v = Trim(value_);
                const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
                if (ec != std::errc() || ptr != v.data() + v.size() ||
                    index >= context_.shared_strings.size()) {
                    FailAtRow(XlsxCorruptError(
                        part_, CellName(last_row_, column_) + " 的共享字符串编号无效",
                        "cell " + CellName(last_row_, column_) + " has a bad shared-string index"));
                    return;
                }
                text = context_.shared_strings[index];
                break;
            }
            case CellType::kInlineString:
                text = inline_text_.empty() ? value_ : inline_text_;
                DecodeXstringEscapes(text);
                break;
            case CellType::kFormulaString:
                text = value_;
                DecodeXstringEscapes(text);
                break;
            case CellType::kBoolean:
                text = Trim(value_) == "1" ? "TRUE" : Trim(value_) == "0" ? "FALSE" : value_;
                break;
            case CellType::kError:
                text = value_;
                break;
            case CellType::kDate:
                text = IsoDateText(value_);
                break;
            case CellType::kNumber:
                text = NumberCellText();
                break;
        }
        if (text.empty()) return;
        if (cells_.size() <= column_) cells_.resize(column_ + 1);
        cells_[column_] = std::move(text);
    }

    std::string NumberCellText() const {
        const std::string_view v = Trim(value_);
        if (v.empty()) return {};
        if (style_ < context_.styles.size() && context_.styles[style_] != DateStyle::kNone) {
            double serial = 0;
            const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
            if (ec == std::errc() && ptr == v.data() + v.size()) {
                if (auto date = FormatExcelSerial(serial, context_.date_system, context_.styles[style_]))
                    return *date;
            }
        }
        return ToNumberText(v);
    }

    void AddMerge(const XmlAttributes& attributes) {
        const auto ref = attributes.Find("ref");
        if (!ref) return;
        const std::size_t colon = ref->find(':');
        if (colon == std::string_view::npos) return;  // a single cell: nothing to fill
        const auto first = ParseCellRef(ref->substr(0, colon));
        const auto last = ParseCellRef(ref->substr(colon + 1));
        if (!first || !last || last->row < first->row || last->column < first->column) {
            Fail(XlsxCorruptError(part_, "合并区域无效：" + ToMessageSnippet(*ref),
                                  "bad merged range: " + ToMessageSnippet(*ref)));
            return;
        }
        merges_.push_back({*first, *last});
    }

    GridRow* FindRow(long row) {
        const auto it = std::lower_bound(grid_.begin(), grid_.end(), row,
                                         [](const GridRow& r, long n) { return r.source_row < n; });
        return it != grid_.end() && it->source_row == row ? &*it : nullptr;
    }

    // Copies each merged range's top-left value into the rest of the range, within the rows
    // and columns that hold data (a range may be drawn far past the table).
    Status FillMerges() {
        if (merges_.empty() || grid_.empty()) return Ok();
        const long last_row = grid_.back().source_row;
        std::size_t width = 0;
        for (const GridRow& row : grid_) width = std::max(width, row.cells.size());
        std::set<long> missing;
        std::size_t added_cells = 0;
        for (MergeRange& merge : merges_) {
            merge.last.row = std::min(merge.last.row, last_row);
            merge.last.column = std::min(merge.last.column, width - 1);
            if (merge.first.row > merge.last.row || merge.first.column > merge.last.column) continue;
            const std::size_t rows = static_cast<std::size_t>(merge.last.row - merge.first.row + 1);
            added_cells += rows * (merge.last.column - merge.first.column + 1);
            if (held_cells_ + added_cells > context_.max_cells) {
                return tl::unexpected(TooManyCellsError(context_.max_cells, merge.first.row));
            }
        }
        for (const MergeRange& merge : merges_) {
            const GridRow* top = FindRow(merge.first.row);
            if (top == nullptr || merge.first.column >= top->cells.size() ||
                top->cells[merge.first.column].empty())
                continue;
            for (long r = merge.first.row + 1; r <= merge.last.row; ++r) {
                if (FindRow(r) == nullptr) missing.insert(r);
            }
        }
        if (!missing.empty()) {
            if (grid_.size() + missing.size() > context_.max_rows) {
                return tl::unexpected(TooManyRowsError(context_.max_rows, *missing.begin()));
            }
            for (long r : missing) grid_.push_back(GridRow{r, {}});
            std::sort(grid_.begin(), grid_.end(),
                      [](const GridRow& a, const GridRow& b) { return a.source_row < b.source_row; });
        }
        for (const MergeRange& merge : merges_) {
            const GridRow* top = FindRow(merge.first.row);
            if (top == nullptr || merge.first.column >= top->cells.size()) continue;
            const std::string value = top->cells[merge.first.column];
            if (value.empty()) continue;
            for (long r = merge.first.row; r <= merge.last.row; ++r) {
                GridRow* row = FindRow(r);
                if (row == nullptr) continue;
                if (row->cells.size() <= merge.last.column) row->cells.resize(merge.last.column + 1);
                for (std::size_t c = merge.first.column; c <= merge.last.column; ++c) row->cells[c] = value;
            }
        }
        return Ok();
    }

    static constexpr const char* kNoAttributes[] = {nullptr};

    const std::string part_;
    const SheetContext& context_;
    Grid grid_;
    std::vector<std::string> cells_;
    std::vector<MergeRange> merges_;
    std::string value_;
    std::string inline_text_;
    long last_row_ = 0;
    std::size_t next_column_ = 0;
    std::size_t column_ = 0;
    std::size_t style_ = 0;
    std::size_t held_cells_ = 0;
    CellType type_ = CellType::kNumber;
    int phonetic_depth_ = 0;
    bool in_row_ = false;
    bool in_cell_ = false;
    bool in_value_ = false;
    bool in_inline_ = false;
    bool in_inline_text_ = false;
    bool sorted_ = true;
};

// Counts significant digits of a plain decimal ("-0012.340" has 4: 1234; trailing fractional
// zeros excluded), or returns -1 if `text` is not of the form -?digits(.digits)?.
int PlainSignificantDigits(std::string_view text) {
    std::size_t i = text.starts_with('-') ? 1 : 0;
    int digits = 0;
    int pending_zeros = 0;
    bool leading = true;
    bool seen_digit = false;
    bool seen_point = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (seen_point) return -1;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9') return -1;
        seen_digit = true;
        if (c == '0') {
            if (!leading) ++pending_zeros;
            continue;
        }
        leading = false;
        digits += pending_zeros + 1;
        pending_zeros = 0;
    }
    if (!seen_digit) return -1;
    // Zeros before the point count (they are significant in "1200"); after it they do not.
    if (!seen_point) digits += pending_zeros;
    return digits;
}

}  // namespace

std::optional<CellRef> ParseCellRef(std::string_view ref) {
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        const char upper = static_cast<char>(ref[i] & ~0x20);
        column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
        if (column > kMaxColumns) return std::nullopt;
        ++i;
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    long row = 0;
    const auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    if (ec != std::errc() || ptr != ref.data() + ref.size() || row < 1 || row > kMaxRow) return std::nullopt;
    return CellRef{row, column - 1};
}

std::string ToNumberText(std::string_view stored) {
    stored = Trim(stored);
    const int digits = PlainSignificantDigits(stored);
    if (digits >= 0 && digits <= 15) {
        std::string text(stored);
        if (text.find('.') != std::string::npos) {
            text.erase(text.find_last_not_of('0') + 1);
            if (text.ends_with('.')) text.pop_back();
        }
        if (text == "-0") text = "0";
        return text;
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (ec != std::errc() || ptr != stored.data() + stored.size() || !std::isfinite(value)) {
        return std::string(stored);
    }
    char rounded[32];
    std::snprintf(rounded, sizeof rounded, "%.15g", value);
    std::from_chars(rounded, rounded + std::char_traits<char>::length(rounded), value);
    if (value == 0) return "0";
    char shortest[32];
    const auto result = std::to_chars(shortest, shortest + sizeof shortest, value);
    return std::string(shortest, result.ptr);
}

Result<Grid> ParseWorksheet(ZipArchive& archive, const std::string& part, const SheetContext& context) {
    SheetHandler handler(part, context);
    NPGOV_RETURN_IF_ERROR(ParseXmlPart(archive, part, handler));
    return std::move(handler).Finish();
}

Result<Grid> ParseWorksheetXml(std::string_view xml, const SheetContext& context) {
    SheetHandler handler("worksheet", context);
    NPGOV_RETURN_IF_ERROR(ParseXml(xml, "worksheet", handler));
    return std::move(handler).Finish();
}

}  // namespace npgov::tabular
