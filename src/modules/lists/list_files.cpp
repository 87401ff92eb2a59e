#include "modules/lists/list_files.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cas_number.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "modules/lists/list_codec.hpp"

namespace npgov::lists {
namespace {

using nlohmann::json;

// Prefixes an error with where it was found ("lists.json: list key_controlled: …").
Error At(Error e, const std::string& where, long row = 0) {
    e.message_zh = where + "：" + e.message_zh;
    e.message_en = where + ": " + e.message_en;
    if (row > 0) e.row = row;
    return e;
}

tl::unexpected<Error> ManifestError(const std::string& zh, const std::string& en, const std::string& field) {
    return MakeError(ErrorCode::kInvalidArgument, "lists.manifest", zh, en, field);
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return MakeError(ErrorCode::kNotFound, "lists.file", "找不到名录数据文件：" + path.string(),
                         "list data file not found: " + path.string(), path.filename().string());
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Result<json> ReadJson(const std::filesystem::path& path) {
    NPGOV_ASSIGN_OR_RETURN(auto text, ReadFile(path));
    auto parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
        return MakeError(ErrorCode::kInvalidArgument, "lists.json", path.filename().string() + " 不是有效的 JSON 对象",
                         path.filename().string() + " is not a valid JSON object", path.filename().string());
    }
    return parsed;
}

bool IsListId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos;
}

std::vector<std::string> SplitList(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string_view::npos) end = text.size();
        auto item = Trim(text.substr(start, end - start));
        if (!item.empty()) out.emplace_back(item);
        start = end + 1;
    }
    return out;
}

void AddUnique(std::vector<std::string>& to, const std::vector<std::string>& items) {
    for (const auto& item : items) {
        if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
    }
}

Result<std::vector<std::string>> ParseClassIds(const std::vector<std::string>& ids, const char* field) {
    for (const auto& id : ids) {
        if (id.find_first_of(" \t,") != std::string::npos || id.size() > 128) {
            return MakeError(ErrorCode::kInvalidArgument, "lists.field", "结构类别编号格式错误：" + ToMessageSnippet(id),
                             "malformed structure class id: " + ToMessageSnippet(id), field);
        }
    }
    return ids;
}

// The key-controlled list format (reference file key_controlled_list_2023.json + npgov's
// structure_classes and assumed_measures).
Result<std::vector<Entry>> ParseKeyListEntries(const json& doc, const std::string& file) {
    std::set<std::string> vocabulary;
    if (doc.contains("action_vocabulary") && doc["action_vocabulary"].is_object()) {
        for (const auto& [action, name] : doc["action_vocabulary"].items()) vocabulary.insert(action);
    }
    if (!doc.contains("entries") || !doc["entries"].is_array() || doc["entries"].empty()) {
        return tl::unexpected(At(MakeError(ErrorCode::kInvalidArgument, "lists.field", "缺少条目数组 entries",
                                           "the entries array is missing", "entries").value(), file));
    }
    static const std::set<std::string> kTyped = {
        "id", "name_zh", "name_en", "abbreviation", "cas_numbers", "related_cas", "structure_classes", "substances",
        "category", "category_zh", "measures", "assumed_measures", "measures_status", "confidence", "notes"};
    std::vector<Entry> out;
    for (const auto& j : doc["entries"]) {
        const std::string where_base = file + " entry ";
        if (!j.is_object() || !j.contains("id") || !(j["id"].is_number_integer() || j["id"].is_string())) {
            return tl::unexpected(At(MakeError(ErrorCode::kInvalidArgument, "lists.field", "条目缺少编号 id",
                                               "an entry lacks its id", "id").value(), file));
        }
        Entry e;
        e.key = j["id"].is_string() ? j["id"].get<std::string>() : std::to_string(j["id"].get<long>());
        const std::string where = where_base + e.key;
        auto fail = [&](const Error& error) { return tl::unexpected(At(error, where)); };
        auto name_zh = codec::RequiredText(j, "name_zh");
        if (!name_zh) return fail(name_zh.error());
        e.name_zh = *name_zh;
        auto name_en = codec::RequiredText(j, "name_en");
        if (!name_en) return fail(name_en.error());
        e.name_en = *name_en;
        for (auto [field, target] : {std::pair{"abbreviation", &e.abbreviation}, {"category", &e.category},
                                     {"category_zh", &e.category_zh}, {"measures_status", &e.measures_status},
                                     {"confidence", &e.confidence}, {"notes", &e.notes}}) {
            auto text = codec::OptionalText(j, field);
            if (!text) return fail(text.error());
            *target = *text;
        }
        for (const char* field : {"cas_numbers", "related_cas"}) {
            auto cas = codec::ParseCasArray(j, field);
            if (!cas) return fail(cas.error());
            AddUnique(e.cas_numbers, *cas);
        }
        if (j.contains("substances") && j["substances"].is_array()) {
            for (const auto& s : j["substances"]) {
                auto member = codec::ParseMember(s);
                if (!member) return fail(member.error());
                AddUnique(e.cas_numbers, member->cas_numbers);
                e.members.push_back(std::move(*member));
            }
        }
        std::vector<std::string> classes;
        if (j.contains("structure_classes")) {
            if (!j["structure_classes"].is_array()) {
                return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field", "structure_classes 须为数组",
                                      "structure_classes must be an array", "structure_classes").value());
            }
            for (const auto& c : j["structure_classes"]) {
                if (!c.is_string()) {
                    return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field", "structure_classes 须为字符串数组",
                                          "structure_classes must be an array of strings", "structure_classes").value());
                }
                classes.push_back(c.get<std::string>());
            }
        }
        auto checked = ParseClassIds(classes, "structure_classes");
        if (!checked) return fail(checked.error());
        e.structure_classes = *checked;
        for (const char* field : {"measures", "assumed_measures"}) {
            if (!j.contains(field)) continue;
            if (!j[field].is_array()) {
                return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field", std::string(field) + " 须为数组",
                                      std::string(field) + " must be an array", field).value());
            }
            for (const auto& mj : j[field]) {
                auto measure = codec::ParseMeasure(mj, std::nullopt);
                if (!measure) return fail(measure.error());
                if (!vocabulary.empty() && !vocabulary.count(measure->action)) {
                    return fail(MakeError(ErrorCode::kInvalidArgument, "lists.action",
                                          "措施类型 " + measure->action + " 不在清单的措施词表中",
                                          "measure action " + measure->action + " is not in the list's vocabulary",
                                          "action").value());
                }
                measure->assumed = std::string_view(field) == "assumed_measures";
                e.measures.push_back(std::move(*measure));
            }
        }
        if (e.measures.empty() && e.measures_status.empty()) {
            return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field",
                                  "条目没有管控措施，须用 measures_status 说明原因",
                                  "the entry has no measures; measures_status must say why", "measures").value());
        }
        json attributes = json::object();
        for (const auto& [key, value] : j.items()) {
            if (!kTyped.count(key)) attributes[key] = value;
        }
        e.attributes_json = attributes.dump();
        out.push_back(std::move(e));
    }
    return out;
}

struct CsvEditionOptions {
    std::map<std::string, Date> batches;  // empty: every row, no batch column needed
    std::vector<json> measures;           // list-wide measures (file JSON form)
    Date effective_date;
};

Result<std::vector<Entry>> ParseCsvEntries(const std::string& text, const std::string& file,
                                           const CsvEditionOptions& options) {
    auto table = ParseCsv(text);
    if (!table) return tl::unexpected(At(table.error(), file));
    std::vector<std::string> required = {"entry_id", "name_zh", "name_en", "cas", "structure_classes"};
    if (!options.batches.empty()) required.push_back("batch");
    for (const auto& column : required) {
        if (!table->FindColumn(column)) {
            return tl::unexpected(At(MakeError(ErrorCode::kInvalidArgument, "lists.field", "缺少列 " + column,
                                               "lacks the column " + column, column).value(), file));
        }
    }
    static const std::set<std::string> kTyped = {"entry_id", "name_zh", "name_en", "cas", "structure_classes",
                                                 "notes", "confidence"};
    auto cell = [&](std::size_t row, const std::string& column) -> std::string {
        auto index = table->FindColumn(column);
        return index ? std::string(Trim(table->rows[row][*index])) : std::string();
    };
    std::vector<Entry> out;
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const long line = table->line_numbers[r];
        const std::string where = file + " line " + std::to_string(line);
        auto fail = [&](const Error& error) { return tl::unexpected(At(error, where, line)); };
        std::optional<Date> from;
        if (!options.batches.empty()) {
            auto batch = options.batches.find(cell(r, "batch"));
            if (batch == options.batches.end()) continue;  // a later batch: not in this edition
            from = batch->second;
        }
        Entry e;
        e.key = cell(r, "entry_id");
        e.name_zh = cell(r, "name_zh");
        e.name_en = cell(r, "name_en");
        for (auto [column, value] : {std::pair{"entry_id", &e.key}, {"name_zh", &e.name_zh}, {"name_en", &e.name_en}}) {
            if (value->empty()) {
                return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field", std::string(column) + " 不能为空",
                                      std::string(column) + " must not be empty", column).value());
            }
        }
        for (const auto& text_cas : SplitList(cell(r, "cas"))) {
            auto cas = CasNumber::Parse(text_cas);
            if (!cas) return fail(cas.error());
            AddUnique(e.cas_numbers, {cas->text()});
        }
        auto classes = ParseClassIds(SplitList(cell(r, "structure_classes")), "structure_classes");
        if (!classes) return fail(classes.error());
        e.structure_classes = *classes;
        e.notes = cell(r, "notes");
        e.confidence = cell(r, "confidence");
        json attributes = json::object();
        for (std::size_t c = 0; c < table->header.size(); ++c) {
            if (!kTyped.count(table->header[c]) && !Trim(table->rows[r][c]).empty()) {
                attributes[table->header[c]] = std::string(Trim(table->rows[r][c]));
            }
        }
        e.attributes_json = attributes.dump();
        for (const auto& mj : options.measures) {
            auto measure = codec::ParseMeasure(mj, from ? from : std::optional<Date>(options.effective_date));
            if (!measure) return fail(measure.error());
            e.measures.push_back(std::move(*measure));
        }
        out.push_back(std::move(e));
    }
    return out;
}

Result<Edition> ParseEdition(const json& j, const std::filesystem::path& dir, const std::string& list_id,
                             const std::string& name_zh, const std::string& name_en) {
    const std::string where = "lists.json list " + list_id + " edition";
    auto fail = [&](const Error& error) { return tl::unexpected(At(error, where)); };
    Edition ed;
    ed.list_id = list_id;
    ed.list_name_zh = name_zh;
    ed.list_name_en = name_en;
    for (auto [field, target] : {std::pair{"edition", &ed.edition}, {"legal_basis", &ed.legal_basis},
                                 {"source", &ed.source}}) {
        auto text = codec::RequiredText(j, field);
        if (!text) return fail(text.error());
        *target = *text;
    }
    for (auto [field, target] : {std::pair{"source_url", &ed.source_url}, {"notes", &ed.notes}}) {
        auto text = codec::OptionalText(j, field);
        if (!text) return fail(text.error());
        *target = *text;
    }
    auto date_text = codec::RequiredText(j, "effective_date");
    if (!date_text) return fail(date_text.error());
    auto date = Date::Parse(*date_text);
    if (!date) return fail(date.error());
    ed.effective_date = *date;
    auto file = codec::RequiredText(j, "file");
    if (!file) return fail(file.error());
    if (file->find("..") != std::string::npos || std::filesystem::path(*file).is_absolute()) {
        return fail(ManifestError("文件须位于清单目录内", "the file must be inside the manifest's folder", "file").value());
    }
    auto format = codec::RequiredText(j, "format");
    if (!format) return fail(format.error());
    const std::filesystem::path path = dir / *file;
    auto fail_file = [&](const Error& error) { return tl::unexpected(At(error, *file)); };
    if (*format == "key_list_json") {
        auto doc = ReadJson(path);
        if (!doc) return fail(doc.error());
        auto entries = ParseKeyListEntries(*doc, *file);
        if (!entries) return tl::unexpected(entries.error());
        ed.entries = std::move(*entries);
    } else if (*format == "csv") {
        CsvEditionOptions options;
        options.effective_date = ed.effective_date;
        if (j.contains("batches")) {
            if (!j["batches"].is_object()) return fail(ManifestError("batches 须为对象", "batches must be an object", "batches").value());
            for (const auto& [batch, value] : j["batches"].items()) {
                auto batch_date = value.is_string() ? Date::Parse(value.get<std::string>())
                                                    : Result<Date>(MakeError(ErrorCode::kInvalidArgument, "date.format",
                                                                             "日期格式错误", "malformed date", "batches"));
                if (!batch_date) return fail(batch_date.error());
                options.batches[batch] = *batch_date;
            }
        }
        if (j.contains("measures")) {
            if (!j["measures"].is_array()) return fail(ManifestError("measures 须为数组", "measures must be an array", "measures").value());
            for (const auto& m : j["measures"]) options.measures.push_back(m);
        }
        auto text = ReadFile(path);
        if (!text) return fail(text.error());
        auto entries = ParseCsvEntries(*text, *file, options);
        if (!entries) return tl::unexpected(entries.error());
        ed.entries = std::move(*entries);
    } else {
        return fail(ManifestError("未知的文件格式 " + ToMessageSnippet(*format) + "（可用 key_list_json、csv）",
                                  "unknown file format " + ToMessageSnippet(*format) + " (key_list_json, csv)", "format").value());
    }
    std::set<std::string> keys;
    for (const auto& e : ed.entries) {
        if (!keys.insert(e.key).second) {
            return fail_file(MakeError(ErrorCode::kInvalidArgument, "lists.duplicate", "条目编号重复：" + e.key,
                                  "duplicate entry key: " + e.key, "entry_id").value());
        }
    }
    if (ed.entries.empty()) {
        return fail(MakeError(ErrorCode::kInvalidArgument, "lists.field", "版本 " + ed.edition + " 没有条目",
                              "edition " + ed.edition + " has no entries", "entries").value());
    }
    return ed;
}

}  // namespace

Result<std::vector<Edition>> LoadListManifest(const std::filesystem::path& manifest) {
    NPGOV_ASSIGN_OR_RETURN(auto doc, ReadJson(manifest));
    const std::filesystem::path dir = manifest.parent_path();
    if (!doc.contains("lists") || !doc["lists"].is_array()) {
        return ManifestError("清单目录须有 lists 数组", "the manifest must have a lists array", "lists");
    }
    std::vector<Edition> out;
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& l : doc["lists"]) {
        NPGOV_ASSIGN_OR_RETURN(auto id, codec::RequiredText(l, "id"));
        if (!IsListId(id)) {
            return ManifestError("名录编号只能含小写字母、数字和下划线：" + ToMessageSnippet(id),
                                 "a list id may hold only lower-case letters, digits and underscores: " + ToMessageSnippet(id),
                                 "id");
        }
        NPGOV_ASSIGN_OR_RETURN(auto name_zh, codec::RequiredText(l, "name_zh"));
        NPGOV_ASSIGN_OR_RETURN(auto name_en, codec::RequiredText(l, "name_en"));
        if (!l.contains("editions") || !l["editions"].is_array() || l["editions"].empty()) {
            return ManifestError("名录 " + id + " 须有 editions 数组", "list " + id + " must have an editions array", "editions");
        }
        for (const auto& e : l["editions"]) {
            NPGOV_ASSIGN_OR_RETURN(auto edition, ParseEdition(e, dir, id, name_zh, name_en));
            if (!seen.insert({id, edition.edition}).second) {
                return MakeError(ErrorCode::kInvalidArgument, "lists.duplicate",
                                 "名录 " + id + " 的版本 " + edition.edition + " 重复",
                                 "list " + id + " has edition " + edition.edition + " twice", "edition");
            }
            out.push_back(std::move(edition));
        }
    }
    return out;
}

}  // namespace npgov::lists
