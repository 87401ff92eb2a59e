#include "modules/substance/substance_rows.hpp"

#include <algorithm>
#include <map>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "engines/chem/molecule.hpp"

namespace npgov::substance {
namespace {

constexpr std::size_t kMaxNameBytes = 1000;
constexpr std::size_t kMaxSmilesBytes = 20000;

Error AtRow(Error e, long row) {
    e.row = row;
    e.message_zh = "第 " + std::to_string(row) + " 行：" + e.message_zh;
    e.message_en = "row " + std::to_string(row) + ": " + e.message_en;
    return e;
}

Error RowError(long row, std::string reason, std::string zh, std::string en, std::string field) {
    return AtRow(MakeError(ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), std::move(field)).value(),
                 row);
}

struct Columns {
    std::optional<std::size_t> cas, name_zh, name_en, synonyms, synonyms_zh, synonyms_en, smiles, inchikey,
        structure_note, source, synthetic;
};

Columns FindColumns(const tabular::Table& t) {
    Columns c;
    c.cas = t.FindColumn({"cas", "CAS号", "CAS No.", "CAS No", "CAS RN", "cas_numbers", "CAS登记号"});
    c.name_zh = t.FindColumn({"name_zh", "中文名称", "中文名", "物质中文名称"});
    c.name_en = t.FindColumn({"name_en", "name", "英文名称", "英文名", "English name"});
    c.synonyms = t.FindColumn({"synonyms", "同义词", "别名"});
    c.synonyms_zh = t.FindColumn({"synonyms_zh", "中文同义词", "中文别名"});
    c.synonyms_en = t.FindColumn({"synonyms_en", "英文同义词", "英文别名"});
    c.smiles = t.FindColumn({"smiles", "结构式"});
    c.inchikey = t.FindColumn({"inchikey"});
    c.structure_note = t.FindColumn({"structure_note", "结构说明"});
    c.source = t.FindColumn({"source", "来源"});
    c.synthetic = t.FindColumn({"synthetic", "合成数据"});
    return c;
}

std::string CellOf(const tabular::Table& t, std::size_t row, const std::optional<std::size_t>& column) {
    return column ? std::string(Trim(t.rows[row][*column])) : std::string();
}

std::optional<bool> ParseFlag(std::string_view text) {
    const std::string lower = ToLowerAscii(Trim(text));
    if (lower.empty() || lower == "0" || lower == "false" || lower == "no" || lower == "n" || lower == "否") return false;
    if (lower == "1" || lower == "true" || lower == "yes" || lower == "y" || lower == "是") return true;
    return std::nullopt;
}

void AddUnique(std::vector<std::string>& to, const std::string& item) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
}

}  // namespace

std::vector<std::string> SplitMultiValue(std::string_view cell, bool allow_comma) {
    // Separators: ASCII ; | (and ,), full-width ；(U+FF1B) ，(U+FF0C), ideographic 、(U+3001).
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        auto item = Trim(current);
        if (!item.empty()) out.emplace_back(item);
        current.clear();
    };
    for (auto cp : SplitCodePoints(cell)) {
        const bool separator = cp == ";" || cp == "|" || cp == "\xEF\xBC\x9B" || cp == "\xE3\x80\x81" ||
                               (allow_comma && (cp == "," || cp == "\xEF\xBC\x8C"));
        if (separator) {
            flush();
        } else {
            current += cp;
        }
    }
    flush();
    return out;
}

bool IsInchiKey(std::string_view text) {
    if (text.size() != 27 || text[14] != '-' || text[25] != '-') return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == 14 || i == 25) continue;
        if (text[i] < 'A' || text[i] > 'Z') return false;
    }
    return true;
}

bool HasCjk(std::string_view text) {
    for (auto cp : SplitCodePoints(text)) {
        if (cp.size() != 3) continue;
        const auto b0 = static_cast<unsigned char>(cp[0]);
        const auto b1 = static_cast<unsigned char>(cp[1]);
        const unsigned code = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (static_cast<unsigned char>(cp[2]) & 0x3F);
        if ((code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF)) return true;
    }
    return false;
}

Result<ParsedRows> ParseSubstanceRows(const tabular::Table& table) {
    const Columns c = FindColumns(table);
    if (!c.name_zh && !c.name_en) {
        return MakeError(ErrorCode::kInvalidArgument, "substance.columns", "缺少名称列（name_zh/中文名称 或 name_en/英文名称）",
                         "a name column is missing (name_zh/中文名称 or name_en/英文名称)", "name_zh");
    }
    if (!c.cas && !c.smiles) {
        return MakeError(ErrorCode::kInvalidArgument, "substance.columns", "缺少 CAS 号列或 SMILES 列",
                         "a CAS or SMILES column is missing", "cas");
    }
    ParsedRows out;
    std::map<std::string, long> cas_rows;  // CAS → first row that names it
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const long row = table.source_rows[r];
        const std::size_t errors_before = out.errors.size();
        SubstanceRow parsed;
        parsed.row = row;
        NewSubstance& s = parsed.substance;
        s.name_zh = CellOf(table, r, c.name_zh);
        s.name_en = CellOf(table, r, c.name_en);
        if (s.name_zh.empty() && s.name_en.empty()) {
            out.errors.push_back(RowError(row, "substance.name", "中文名称和英文名称不能都为空",
                                          "the Chinese and English names cannot both be empty", "name_zh"));
        }
        for (auto [field, value] : {std::pair{"name_zh", &s.name_zh}, {"name_en", &s.name_en}}) {
            if (value->size() > kMaxNameBytes) {
                out.errors.push_back(RowError(row, "substance.too_long", std::string(field) + " 过长（不超过 1000 字节）",
                                              std::string(field) + " is too long (at most 1000 bytes)", field));
            }
            if (!IsValidUtf8(*value)) {
                out.errors.push_back(RowError(row, "substance.encoding", std::string(field) + " 含有无效字符",
                                              std::string(field) + " holds invalid characters", field));
            }
        }
        for (const auto& text : SplitMultiValue(CellOf(table, r, c.cas), true)) {
            auto cas = CasNumber::Parse(text);
            if (!cas) {
                out.errors.push_back(AtRow(cas.error(), row));
                continue;
            }
            const auto [it, first] = cas_rows.emplace(cas->text(), row);
            if (!first && it->second != row) {
                out.errors.push_back(RowError(row, "substance.cas_duplicate",
                                              "CAS 号 " + cas->text() + " 已出现在第 " + std::to_string(it->second) + " 行",
                                              "CAS " + cas->text() + " already appears in row " + std::to_string(it->second),
                                              "cas"));
                continue;
            }
            AddUnique(s.cas_numbers, cas->text());
        }
        for (const auto& synonym : SplitMultiValue(CellOf(table, r, c.synonyms), false)) {
            AddUnique(HasCjk(synonym) ? s.synonyms_zh : s.synonyms_en, synonym);
        }
        for (const auto& synonym : SplitMultiValue(CellOf(table, r, c.synonyms_zh), false)) AddUnique(s.synonyms_zh, synonym);
        for (const auto& synonym : SplitMultiValue(CellOf(table, r, c.synonyms_en), false)) AddUnique(s.synonyms_en, synonym);
        s.structure_note = CellOf(table, r, c.structure_note);
        s.source = CellOf(table, r, c.source);
        if (auto flag = ParseFlag(CellOf(table, r, c.synthetic))) {
            s.synthetic = *flag;
        } else {
            out.errors.push_back(RowError(row, "substance.synthetic", "synthetic 须为 1/0、是/否 或 true/false",
                                          "synthetic must be 1/0, yes/no or true/false", "synthetic"));
        }
        s.smiles = CellOf(table, r, c.smiles);
        const std::string inchikey = ToUpperAscii(CellOf(table, r, c.inchikey));
        if (!inchikey.empty() && !IsInchiKey(inchikey)) {
            out.errors.push_back(RowError(row, "inchikey.format", "InChIKey 格式错误：" + ToMessageSnippet(inchikey),
                                          "malformed InChIKey: " + ToMessageSnippet(inchikey), "inchikey"));
        }
        if (s.smiles.size() > kMaxSmilesBytes) {
            out.errors.push_back(RowError(row, "smiles.too_long", "SMILES 过长（不超过 20000 字符）",
                                          "the SMILES is too long (at most 20000 characters)", "smiles"));
        } else if (!s.smiles.empty()) {
            auto molecule = chem::Molecule::FromSmiles(s.smiles);
            if (!molecule) {
                Error e = molecule.error();
                e.field = "smiles";
                out.errors.push_back(AtRow(e, row));
            } else {
                const auto ids = chem::ComputeIdentifiers(*molecule);
                parsed.computed_inchikey = ids.inchikey;
                parsed.identifiers = ids;
                if (ids.components > 1) {
                    out.warnings.push_back(RowError(row, "substance.multi_component",
                                                    "结构含 " + std::to_string(ids.components) +
                                                        " 个互不相连的部分（盐或混合物），将按整体登记和分类",
                                                    "the structure has " + std::to_string(ids.components) +
                                                        " disconnected parts (a salt or mixture); it is registered and "
                                                        "classified as a whole",
                                                    "smiles"));
                }
                if (!inchikey.empty() && !ids.inchikey.empty() && inchikey != ids.inchikey) {
                    out.warnings.push_back(RowError(row, "substance.inchikey_mismatch",
                                                    "文件中的 InChIKey " + inchikey + " 与由 SMILES 计算的 " + ids.inchikey +
                                                        " 不一致，采用计算值",
                                                    "the file's InChIKey " + inchikey + " differs from " + ids.inchikey +
                                                        " computed from the SMILES; the computed one is kept",
                                                    "inchikey"));
                }
            }
        }
        if (s.smiles.empty()) s.inchikey = inchikey;
        if (s.cas_numbers.empty() && s.smiles.empty() && out.errors.size() == errors_before) {
            out.errors.push_back(RowError(row, "substance.identity", "须填写 CAS 号或 SMILES",
                                          "give a CAS number or a SMILES", c.cas ? "cas" : "smiles"));
        }
        if (out.errors.size() == errors_before) out.rows.push_back(std::move(parsed));
    }
    return out;
}

}  // namespace npgov::substance
