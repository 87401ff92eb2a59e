#include "engines/tabular/xlsx_parts.hpp"

#include <charconv>
#include <map>
#include <utility>

#include "engines/tabular/xml_sax.hpp"

namespace npgov::tabular {
namespace {

class RelationshipsHandler : public XmlHandler {
public:
    RelationshipsHandler(std::string source_part, std::vector<Relationship>& out)
        : source_part_(std::move(source_part)), out_(out) {}
    void StartElement(std::string_view name, const XmlAttributes& attributes) override {
        if (name != "Relationship") return;
        const auto mode = attributes.Find("TargetMode");
        if (mode && *mode == "External") return;
        const auto id = attributes.Find("Id");
        const auto type = attributes.Find("Type");
        const auto target = attributes.Find("Target");
        if (!id || !type || !target) return;
        out_.push_back({std::string(*id), std::string(*type), ResolvePartName(source_part_, *target)});
    }
    void EndElement(std::string_view) override {}
    void CharacterData(std::string_view) override {}

private:
    std::string source_part_;
    std::vector<Relationship>& out_;
};

class WorkbookHandler : public XmlHandler {
public:
    explicit WorkbookHandler(Workbook& out) : out_(out) {}
    void StartElement(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "workbookPr") {
            const auto flag = attributes.Find("date1904");
            if (flag && (*flag == "1" || *flag == "true")) out_.date_system = DateSystem::k1904;
        } else if (name == "sheet") {
            SheetEntry sheet;
            sheet.name = std::string(attributes.Find("name").value_or(""));
            sheet.relationship_id = std::string(attributes.Find("id").value_or(""));
            const auto state = attributes.Find("state");
            sheet.hidden = state && (*state == "hidden" || *state == "veryHidden");
            out_.sheets.push_back(std::move(sheet));
        }
    }
    void EndElement(std::string_view) override {}
    void CharacterData(std::string_view) override {}

private:
    Workbook& out_;
};

class SharedStringsHandler : public XmlHandler {
public:
    explicit SharedStringsHandler(std::vector<std::string>& out) : out_(out) {}
    void StartElement(std::string_view name, const XmlAttributes&) override {
        if (name == "si") {
            in_item_ = true;
            text_.clear();
        } else if (name == "rPh") {
            ++phonetic_depth_;
        } else if (name == "t") {
            in_text_ = in_item_ && phonetic_depth_ == 0;
        }
    }
    void EndElement(std::string_view name) override {
        if (name == "si") {
            DecodeXstringEscapes(text_);
            out_.push_back(std::move(text_));
            text_.clear();
            in_item_ = false;
        } else if (name == "rPh") {
            --phonetic_depth_;
        } else if (name == "t") {
            in_text_ = false;
        }
    }
    void CharacterData(std::string_view text) override {
        if (in_text_) text_ += text;
    }

private:
    std::vector<std::string>& out_;
    std::string text_;
    bool in_item_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
};

class StylesHandler : public XmlHandler {
public:
    void StartElement(std::string_view name, const XmlAttributes& attributes) override {
        if (name == "numFmts") {
            in_formats_ = true;
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "numFmt" && in_formats_) {
            codes_[ParseId(attributes.Find("numFmtId"))] =
                std::string(attributes.Find("formatCode").value_or(""));
        } else if (name == "xf" && in_cell_xfs_) {
            format_ids_.push_back(ParseId(attributes.Find("numFmtId")));
        }
    }
    void EndElement(std::string_view name) override {
        if (name == "numFmts") in_formats_ = false;
        if (name == "cellXfs") in_cell_xfs_ = false;
    }
    void CharacterData(std::string_view) override {}

    std::vector<DateStyle> Styles() const {
        std::vector<DateStyle> styles;
        styles.reserve(format_ids_.size());
        for (int id : format_ids_) {
            const auto code = codes_.find(id);
            styles.push_back(
                ClassifyNumberFormat(id, code == codes_.end() ? std::string_view() : code->second));
        }
        return styles;
    }

private:
    static int ParseId(std::optional<std::string_view> text) {
        int id = 0;
        if (text) std::from_chars(text->data(), text->data() + text->size(), id);
        return id;
    }

    std::map<int, std::string> codes_;
    std::vector<int> format_ids_;
    bool in_formats_ = false;
    bool in_cell_xfs_ = false;
};

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void AppendUtf8(std::string& out, unsigned code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

}  // namespace

std::string ResolvePartName(std::string_view source_part, std::string_view target) {
    std::string joined;
    if (target.starts_with('/')) {
        joined = std::string(target.substr(1));
    } else {
        const std::size_t slash = source_part.rfind('/');
        joined = (slash == std::string_view::npos ? std::string()
                                                  : std::string(source_part.substr(0, slash + 1))) +
                 std::string(target);
    }
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) end = joined.size();
        const std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& segment : segments) {
        if (!out.empty()) out += '/';
        out += segment;
    }
    return out;
}

void DecodeXstringEscapes(std::string& text) {
    std::size_t pos = text.find("_x");
    if (pos == std::string::npos) return;
    std::string out = text.substr(0, pos);
    while (pos < text.size()) {
        if (text.compare(pos, 2, "_x") == 0 && pos + 6 < text.size() && text[pos + 6] == '_') {
            unsigned value = 0;
            bool hex = true;
            for (std::size_t i = pos + 2; i < pos + 6; ++i) {
                const int digit = HexValue(text[i]);
                if (digit < 0) hex = false;
                value = value * 16 + static_cast<unsigned>(digit < 0 ? 0 : digit);
            }
            if (hex && !(value >= 0xD800 && value <= 0xDFFF)) {
                AppendUtf8(out, value);
                pos += 7;
                continue;
            }
        }
        out += text[pos];
        ++pos;
    }
    text = std::move(out);
}

bool IsRelationshipType(std::string_view type, std::string_view kind) {
    return type.size() > kind.size() && type.ends_with(kind) && type[type.size() - kind.size() - 1] == '/';
}

Result<std::vector<Relationship>> ParseRelationships(ZipArchive& archive, const std::string& source_part) {
    std::vector<Relationship> out;
    const std::size_t slash = source_part.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : source_part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? source_part : source_part.substr(slash + 1);
    const std::string rels = folder + "_rels/" + file + ".rels";
    if (!archive.Contains(rels)) return out;
    RelationshipsHandler handler(source_part, out);
    NPGOV_RETURN_IF_ERROR(ParseXmlPart(archive, rels, handler));
    return out;
}

Result<Workbook> ParseWorkbook(ZipArchive& archive, const std::string& part) {
    Workbook workbook;
    WorkbookHandler handler(workbook);
    NPGOV_RETURN_IF_ERROR(ParseXmlPart(archive, part, handler));
    return workbook;
}

Result<std::vector<std::string>> ParseSharedStrings(ZipArchive& archive, const std::string& part) {
    std::vector<std::string> strings;
    SharedStringsHandler handler(strings);
    NPGOV_RETURN_IF_ERROR(ParseXmlPart(archive, part, handler));
    return strings;
}

Result<std::vector<DateStyle>> ParseCellDateStyles(ZipArchive& archive, const std::string& part) {
    StylesHandler handler;
    NPGOV_RETURN_IF_ERROR(ParseXmlPart(archive, part, handler));
    return handler.Styles();
}

}  // namespace npgov::tabular
