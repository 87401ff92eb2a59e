#include "modules/substance/substance_registry.hpp"

#include <iconv.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "engines/tabular/table.hpp"
#include "modules/substance/substance_rows.hpp"
#include "store/locks.hpp"
#include "store/text_search.hpp"
#include "store/transaction.hpp"
#include "store/placeholders.hpp"

namespace npgov::substance {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxReportedErrors = 1000;
constexpr std::size_t kInBatch = 500;  // values per IN (…) list
constexpr std::size_t kMaxQueryText = 200;

const store::TrigramIndex kTermIndex{"substance_terms", "term"};

constexpr const char* kColumns =
    "SELECT id, name_zh, name_en, smiles, canonical_smiles, inchi, inchikey, formula, molecular_weight, "
    "crippen_logp, components, structure_note, source, synthetic, revision, created_at, updated_at FROM substances";
constexpr const char* kInsert =
    "INSERT INTO substances (name_zh, name_en, smiles, canonical_smiles, inchi, inchikey, formula, molecular_weight, "
    "crippen_logp, components, structure_note, source, synthetic, revision, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE substances SET name_zh = ?, name_en = ?, smiles = ?, canonical_smiles = ?, inchi = ?, inchikey = ?, "
    "formula = ?, molecular_weight = ?, crippen_logp = ?, components = ?, structure_note = ?, source = ?, "
    "synthetic = ?, revision = ?, updated_at = ? WHERE id = ?";
constexpr const char* kMaxRevision = "SELECT COALESCE(MAX(revision), 0) FROM substances";


std::string NormalizeTerm(std::string_view text) { return ToLowerAscii(Trim(NormalizeFullWidth(text))); }

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

Substance FromRow(const store::Row& row) {
    Substance s;
    s.id = row.Int(0);
    s.name_zh = row.Text(1);
    s.name_en = row.Text(2);
    s.smiles = row.Text(3);
    s.canonical_smiles = row.Text(4);
    s.inchi = row.Text(5);
    s.inchikey = row.Text(6);
    s.formula = row.Text(7);
    s.molecular_weight = OptionalReal(row, 8);
    s.crippen_logp = OptionalReal(row, 9);
    s.components = static_cast<int>(row.Int(10));
    s.structure_note = row.Text(11);
    s.source = row.Text(12);
    s.synthetic = row.Int(13) != 0;
    s.revision = row.Int(14);
    s.created_at = row.Text(15);
    s.updated_at = row.Text(16);
    return s;
}

json ToAuditJson(const Substance& s) {
    auto real = [](const std::optional<double>& v) { return v ? json(*v) : json(); };
    return {{"id", s.id}, {"cas_numbers", s.cas_numbers}, {"name_zh", s.name_zh}, {"name_en", s.name_en},
            {"synonyms_zh", s.synonyms_zh}, {"synonyms_en", s.synonyms_en}, {"smiles", s.smiles},
            {"canonical_smiles", s.canonical_smiles}, {"inchikey", s.inchikey}, {"formula", s.formula},
            {"molecular_weight", real(s.molecular_weight)}, {"crippen_logp", real(s.crippen_logp)},
            {"components", s.components}, {"structure_note", s.structure_note}, {"source", s.source},
            {"synthetic", s.synthetic}};
}

// The stored content of a substance, without bookkeeping (id, revision, times): equal means
// an import row changes nothing.
bool SameContent(const Substance& a, const Substance& b) {
    return a.cas_numbers == b.cas_numbers && a.name_zh == b.name_zh && a.name_en == b.name_en &&
           a.synonyms_zh == b.synonyms_zh && a.synonyms_en == b.synonyms_en && a.smiles == b.smiles &&
           a.inchikey == b.inchikey && a.structure_note == b.structure_note && a.source == b.source &&
           a.synthetic == b.synthetic;
}

void AddUnique(std::vector<std::string>& to, const std::vector<std::string>& items) {
    for (const auto& item : items) {
        if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
    }
}

// Applies an import row to `s` (new or stored): non-empty cells replace, CAS numbers and
// synonyms are added; a new SMILES brings the identifiers computed from it (`ids`).
void Merge(Substance& s, const NewSubstance& row, const std::optional<chem::Identifiers>& ids) {
    AddUnique(s.cas_numbers, row.cas_numbers);
    if (!row.name_zh.empty()) s.name_zh = row.name_zh;
    if (!row.name_en.empty()) s.name_en = row.name_en;
    AddUnique(s.synonyms_zh, row.synonyms_zh);
    AddUnique(s.synonyms_en, row.synonyms_en);
    if (!row.structure_note.empty()) s.structure_note = row.structure_note;
    if (!row.source.empty()) s.source = row.source;
    s.synthetic = row.synthetic;
    if (!row.smiles.empty() && row.smiles != s.smiles) {
        NPGOV_CHECK(ids.has_value());  // ParseSubstanceRows computed them for every SMILES
        s.smiles = row.smiles;
        s.canonical_smiles = ids->canonical_smiles;
        s.inchi = ids->inchi;
        s.inchikey = ids->inchikey;
        s.formula = ids->formula;
        s.molecular_weight = ids->molecular_weight;
        s.crippen_logp = ids->crippen_logp;
        s.components = ids->components;
    } else if (s.smiles.empty() && !row.inchikey.empty()) {
        s.inchikey = row.inchikey;
    }
}

struct Term {
    std::string kind;
    std::string display;
};

std::vector<Term> TermsOf(const Substance& s) {
    std::vector<Term> out;
    if (!s.name_zh.empty()) out.push_back({"name_zh", s.name_zh});
    if (!s.name_en.empty()) out.push_back({"name_en", s.name_en});
    for (const auto& x : s.synonyms_zh) out.push_back({"synonym_zh", x});
    for (const auto& x : s.synonyms_en) out.push_back({"synonym_en", x});
    for (const auto& x : s.cas_numbers) out.push_back({"cas", x});
    if (!s.inchikey.empty()) out.push_back({"inchikey", s.inchikey});
    return out;
}

// Writes the CAS rows and search terms of `s` (after deleting the old ones, for an update).
Status WriteParts(store::Connection& c, const Substance& s, bool replace) {
    if (replace) {
        NPGOV_RETURN_IF_ERROR(store::Execute(c, "DELETE FROM substance_cas WHERE substance_id = ?", {s.id}));
        NPGOV_RETURN_IF_ERROR(store::Execute(c, "DELETE FROM substance_terms WHERE substance_id = ?", {s.id}));
    }
    if (!s.cas_numbers.empty()) {
        std::string sql = "INSERT INTO substance_cas (cas, substance_id, ordinal) VALUES ";
        std::vector<store::Value> params;
        for (std::size_t i = 0; i < s.cas_numbers.size(); ++i) {
            sql += i ? ", (?, ?, ?)" : "(?, ?, ?)";
            params.insert(params.end(), {s.cas_numbers[i], s.id, static_cast<std::int64_t>(i + 1)});
        }
        NPGOV_RETURN_IF_ERROR(c.Execute(sql, params));
    }
    const auto terms = TermsOf(s);
    if (!terms.empty()) {
        std::string sql = "INSERT INTO substance_terms (substance_id, kind, ordinal, display, term) VALUES ";
        std::vector<store::Value> params;
        for (std::size_t i = 0; i < terms.size(); ++i) {
            sql += i ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)";
            params.insert(params.end(), {s.id, terms[i].kind, static_cast<std::int64_t>(i + 1), terms[i].display,
                                         NormalizeTerm(terms[i].display)});
        }
        NPGOV_RETURN_IF_ERROR(c.Execute(sql, params));
    }
    return Ok();
}

std::vector<store::Value> SubstanceValues(const Substance& s) {
    return {s.name_zh, s.name_en, s.smiles, s.canonical_smiles, s.inchi, s.inchikey, s.formula,
            store::ToValue(s.molecular_weight), store::ToValue(s.crippen_logp), std::int64_t{s.components},
            s.structure_note, s.source, std::int64_t{s.synthetic ? 1 : 0}, s.revision};
}

Error RowError(long row, ErrorCode code, std::string reason, std::string zh, std::string en, std::string field) {
    Error e = MakeError(code, std::move(reason), "第 " + std::to_string(row) + " 行：" + zh,
                        "row " + std::to_string(row) + ": " + en, std::move(field)).value();
    e.row = row;
    return e;
}

// Runs `query_prefix` + "(?, …)" over `values` in batches; calls `each(row)` per result row.
template <typename Each>
Status QueryIn(store::Connection& c, const std::string& query_prefix, const std::string& suffix,
               const std::vector<store::Value>& values, Each each) {
    for (std::size_t start = 0; start < values.size(); start += kInBatch) {
        const std::size_t n = std::min(kInBatch, values.size() - start);
        std::vector<store::Value> params(values.begin() + static_cast<long>(start),
                                         values.begin() + static_cast<long>(start + n));
        NPGOV_ASSIGN_OR_RETURN(auto rows, c.Query(query_prefix + "(" + store::Placeholders(n) + ")" + suffix, params));
        for (const auto& row : rows.rows) each(row);
    }
    return Ok();
}

// CSV field quoting (RFC 4180).
std::string CsvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos && Trim(text).size() == text.size()) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string FormatReal(const std::optional<double>& v) {
    if (!v) return "";
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *v);
    return ec == std::errc() ? std::string(buffer, end) : "";
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

// UTF-8 → GB18030 (a superset of GBK that encodes every Unicode character) with iconv.
Result<std::string> EncodeGb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        return MakeError(ErrorCode::kUnavailable, "export.encoding", "系统不支持 GB18030 编码",
                         "the system's iconv lacks GB18030");
    }
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in_ptr = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    const std::size_t done = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(cd);
    if (done == static_cast<std::size_t>(-1)) {
        return MakeError(ErrorCode::kInternal, "export.encoding", "转换为 GBK 编码失败", "conversion to GBK failed");
    }
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace

Status SubstanceRegistry::EnsureSearchIndex(store::Connection& connection) {
    std::lock_guard lock(search_index_mutex_);
    if (search_index_ready_) return Ok();
    NPGOV_RETURN_IF_ERROR(store::EnsureTrigramIndex(connection, kTermIndex));
    search_index_ready_ = true;
    return Ok();
}

Result<std::vector<Substance>> SubstanceRegistry::LoadByIds(store::Connection& c, const std::vector<std::int64_t>& ids) {
    std::vector<store::Value> values(ids.begin(), ids.end());
    std::map<std::int64_t, Substance> found;
    NPGOV_RETURN_IF_ERROR(QueryIn(c, std::string(kColumns) + " WHERE id IN ", "", values,
                                  [&](const store::Row& row) { found.emplace(row.Int(0), FromRow(row)); }));
    NPGOV_RETURN_IF_ERROR(QueryIn(c, "SELECT substance_id, cas FROM substance_cas WHERE substance_id IN ",
                                  " ORDER BY substance_id, ordinal", values, [&](const store::Row& row) {
                                      if (auto s = found.find(row.Int(0)); s != found.end()) {
                                          s->second.cas_numbers.push_back(row.Text(1));
                                      }
                                  }));
    NPGOV_RETURN_IF_ERROR(QueryIn(c, "SELECT substance_id, kind, display FROM substance_terms WHERE substance_id IN ",
                                  " AND kind IN ('synonym_zh', 'synonym_en') ORDER BY substance_id, ordinal", values,
                                  [&](const store::Row& row) {
                                      if (auto s = found.find(row.Int(0)); s != found.end()) {
                                          (row.Text(1) == "synonym_zh" ? s->second.synonyms_zh : s->second.synonyms_en)
                                              .push_back(row.Text(2));
                                      }
                                  }));
    std::vector<Substance> out;
    out.reserve(ids.size());
    for (std::int64_t id : ids) {
        if (auto s = found.find(id); s != found.end()) out.push_back(s->second);
    }
    return out;
}

Result<std::vector<Substance>> SubstanceRegistry::ListAll() {
    // Three table scans in one snapshot, merged by id (no IN lists: the whole registry is asked).
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection, store::TxMode::kRead));
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kColumns) + " ORDER BY id"));
    std::vector<Substance> out;
    out.reserve(rows.rows.size());
    std::unordered_map<std::int64_t, std::size_t> index;
    for (const auto& row : rows.rows) {
        index.emplace(row.Int(0), out.size());
        out.push_back(FromRow(row));
    }
    rows.rows.clear();
    NPGOV_ASSIGN_OR_RETURN(auto cas, connection->Query("SELECT substance_id, cas FROM substance_cas ORDER BY substance_id, ordinal"));
    for (const auto& row : cas.rows) {
        if (auto found = index.find(row.Int(0)); found != index.end()) out[found->second].cas_numbers.push_back(row.Text(1));
    }
    cas.rows.clear();
    NPGOV_ASSIGN_OR_RETURN(auto terms, connection->Query("SELECT substance_id, kind, display FROM substance_terms WHERE kind IN "
                                                         "('synonym_zh', 'synonym_en') ORDER BY substance_id, ordinal"));
    for (const auto& row : terms.rows) {
        if (auto found = index.find(row.Int(0)); found != index.end()) {
            (row.Text(1) == "synonym_zh" ? out[found->second].synonyms_zh : out[found->second].synonyms_en).push_back(row.Text(2));
        }
    }
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    return out;
}

Result<ImportReport> SubstanceRegistry::Import(std::string_view bytes, bool dry_run, const std::string& actor) {
    NPGOV_ASSIGN_OR_RETURN(auto table, tabular::ReadTable(bytes));
    NPGOV_ASSIGN_OR_RETURN(auto parsed, ParseSubstanceRows(table));
    ImportReport report;
    report.rows = static_cast<std::int64_t>(table.rows.size());
    report.encoding = table.format == tabular::FileFormat::kXlsx
                          ? "xlsx"
                          : (table.encoding == tabular::TextEncoding::kGbk ? "gbk" : "utf-8");
    report.warnings = std::move(parsed.warnings);
    auto add_error = [&](Error e) {
        if (report.errors.size() < kMaxReportedErrors) {
            report.errors.push_back(std::move(e));
        } else {
            ++report.errors_omitted;
        }
    };
    for (auto& e : parsed.errors) add_error(std::move(e));

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    // The name index exists before the rows arrive, so that the first search does not build it.
    NPGOV_RETURN_IF_ERROR(EnsureSearchIndex(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_RETURN_IF_ERROR(store::LockTableForAppend(*connection, "substances"));

    // Resolve every row against the stored substances.
    std::vector<store::Value> all_cas;
    std::vector<store::Value> all_keys;
    for (const auto& r : parsed.rows) {
        all_cas.insert(all_cas.end(), r.substance.cas_numbers.begin(), r.substance.cas_numbers.end());
        if (r.substance.cas_numbers.empty()) {
            const std::string& key = r.computed_inchikey.empty() ? r.substance.inchikey : r.computed_inchikey;
            if (!key.empty()) all_keys.emplace_back(key);
        }
    }
    std::map<std::string, std::int64_t> stored_cas;
    NPGOV_RETURN_IF_ERROR(QueryIn(*connection, "SELECT cas, substance_id FROM substance_cas WHERE cas IN ", "", all_cas,
                                  [&](const store::Row& row) { stored_cas[row.Text(0)] = row.Int(1); }));
    std::map<std::string, std::int64_t> stored_keys;  // InChIKey → lowest id with it
    NPGOV_RETURN_IF_ERROR(QueryIn(*connection, "SELECT inchikey, MIN(id) FROM substances WHERE inchikey IN ",
                                  " GROUP BY inchikey", all_keys,
                                  [&](const store::Row& row) { stored_keys[row.Text(0)] = row.Int(1); }));
    std::vector<std::optional<std::int64_t>> targets(parsed.rows.size());
    std::map<std::int64_t, long> target_rows;  // stored id → the row updating it
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        const auto& r = parsed.rows[i];
        std::set<std::int64_t> ids;
        for (const auto& cas : r.substance.cas_numbers) {
            if (auto found = stored_cas.find(cas); found != stored_cas.end()) ids.insert(found->second);
        }
        if (r.substance.cas_numbers.empty()) {
            const std::string& key = r.computed_inchikey.empty() ? r.substance.inchikey : r.computed_inchikey;
            if (auto found = stored_keys.find(key); found != stored_keys.end()) ids.insert(found->second);
        }
        if (ids.size() > 1) {
            std::string list;
            for (auto id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
            add_error(RowError(r.row, ErrorCode::kInvalidArgument, "substance.cas_conflict",
                               "CAS 号分属不同的已登记物质（" + list + "），请分行导入或先核对",
                               "the CAS numbers belong to different registered substances (" + list +
                                   "); split the row or check it",
                               "cas"));
            continue;
        }
        if (ids.empty()) continue;
        const std::int64_t id = *ids.begin();
        const auto [it, first] = target_rows.emplace(id, r.row);
        if (!first) {
            add_error(RowError(r.row, ErrorCode::kInvalidArgument, "substance.same_target",
                               "与第 " + std::to_string(it->second) + " 行更新同一个已登记物质（编号 " + std::to_string(id) + "）",
                               "updates the same registered substance (id " + std::to_string(id) + ") as row " +
                                   std::to_string(it->second),
                               "cas"));
            continue;
        }
        targets[i] = id;
    }
    if (!report.errors.empty()) return report;  // the transaction rolls back

    std::vector<std::int64_t> stored_ids;
    for (const auto& t : targets) {
        if (t) stored_ids.push_back(*t);
    }
    std::sort(stored_ids.begin(), stored_ids.end());
    NPGOV_ASSIGN_OR_RETURN(auto stored_list, LoadByIds(*connection, stored_ids));
    std::map<std::int64_t, Substance> stored;
    for (auto& s : stored_list) stored.emplace(s.id, std::move(s));

    NPGOV_ASSIGN_OR_RETURN(auto max_row, store::QueryOne(*connection, kMaxRevision));
    std::int64_t revision = max_row->Int(0);
    const std::string now = clock_.Now().ToIsoString();
    for (std::size_t i = 0; i < parsed.rows.size(); ++i) {
        const auto& r = parsed.rows[i];
        if (targets[i]) {
            const Substance& before = stored.at(*targets[i]);
            Substance after = before;
            Merge(after, r.substance, r.identifiers);
            if (SameContent(before, after)) {
                ++report.unchanged;
                continue;
            }
            after.revision = ++revision;
            after.updated_at = now;
            auto values = SubstanceValues(after);
            values.emplace_back(now);
            values.emplace_back(after.id);
            NPGOV_RETURN_IF_ERROR(connection->Execute(kUpdate, values));
            NPGOV_RETURN_IF_ERROR(WriteParts(*connection, after, true));
            NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "substance.update", "substance",
                                                              std::to_string(after.id), ToAuditJson(before).dump(),
                                                              ToAuditJson(after).dump()}));
            ++report.updated;
        } else {
            Substance s;
            Merge(s, r.substance, r.identifiers);
            s.revision = ++revision;
            s.created_at = s.updated_at = now;
            auto values = SubstanceValues(s);
            values.emplace_back(now);
            values.emplace_back(now);
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(kInsert, values));
            s.id = rows.rows.at(0).Int(0);
            NPGOV_RETURN_IF_ERROR(WriteParts(*connection, s, false));
            NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "substance.create", "substance",
                                                              std::to_string(s.id), std::nullopt,
                                                              ToAuditJson(s).dump()}));
            ++report.created;
        }
    }
    if (dry_run) return report;  // everything checked and counted; the transaction rolls back
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.committed = true;
    return report;
}

Result<Substance> SubstanceRegistry::Find(std::int64_t id) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto found, LoadByIds(*connection, {id}));
    if (found.empty()) {
        return MakeError(ErrorCode::kNotFound, "substance.unknown", "物质编号 " + std::to_string(id) + " 不存在",
                         "there is no substance " + std::to_string(id), "id");
    }
    return std::move(found.front());
}

Result<std::optional<Substance>> SubstanceRegistry::FindByCas(std::string_view cas) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, "SELECT substance_id FROM substance_cas WHERE cas = ?",
                                                     {std::string(cas)}));
    if (!row) return std::optional<Substance>();
    NPGOV_ASSIGN_OR_RETURN(auto found, LoadByIds(*connection, {row->Int(0)}));
    if (found.empty()) return std::optional<Substance>();
    return std::optional<Substance>(std::move(found.front()));
}

Result<std::vector<Substance>> SubstanceRegistry::FindByInchiKey(std::string_view inchikey) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, "SELECT id FROM substances WHERE inchikey = ? ORDER BY id",
                                                   {std::string(inchikey)}));
    std::vector<std::int64_t> ids;
    for (const auto& row : rows.rows) ids.push_back(row.Int(0));
    return LoadByIds(*connection, ids);
}

Result<SearchResult> SubstanceRegistry::Search(const SubstanceQuery& query, const PageRequest& page) {
    const auto started = std::chrono::steady_clock::now();
    SearchResult result;
    result.page.page = page.page;
    result.page.page_size = page.page_size;
    const std::string text = query.text ? std::string(Trim(NormalizeFullWidth(*query.text))) : std::string();
    if (SplitCodePoints(text).size() > kMaxQueryText) {
        return MakeError(ErrorCode::kInvalidArgument, "search.text", "检索词过长（不超过 200 个字符）",
                         "the search text is too long (at most 200 characters)", "q");
    }
    std::optional<chem::SmartsPattern> pattern;
    if (query.smarts && !Trim(*query.smarts).empty()) {
        auto compiled = chem::SmartsPattern::Compile(Trim(*query.smarts));
        if (!compiled) return tl::unexpected(compiled.error());
        pattern = std::move(*compiled);
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    // Text: which substances (ids), ordered by relevance; nullopt = all substances.
    std::optional<std::vector<std::int64_t>> text_ids;
    std::string order;  // the SQL giving ids in relevance order, when paging in SQL
    std::vector<store::Value> params;
    std::string count_sql;
    if (text.empty()) {
        result.matched_by = "all";
        order = "SELECT id FROM substances ORDER BY id";
        count_sql = "SELECT COUNT(*) FROM substances";
    } else if (auto cas = CasNumber::Parse(text)) {
        result.matched_by = "cas";
        order = "SELECT substance_id FROM substance_cas WHERE cas = ?";
        count_sql = "SELECT COUNT(*) FROM substance_cas WHERE cas = ?";
        params.emplace_back(cas->text());
    } else if (IsInchiKey(ToUpperAscii(text))) {
        result.matched_by = "inchikey";
        order = "SELECT id FROM substances WHERE inchikey = ? ORDER BY id";
        count_sql = "SELECT COUNT(*) FROM substances WHERE inchikey = ?";
        params.emplace_back(ToUpperAscii(text));
    } else {
        result.matched_by = "text";
        NPGOV_RETURN_IF_ERROR(EnsureSearchIndex(*connection));
        const auto condition = store::TrigramContains(connection->dialect(), kTermIndex, NormalizeTerm(text));
        // Best match first: the shortest matching name is the closest to what was typed.
        order = "SELECT substance_id FROM substance_terms WHERE " + condition.sql +
                " GROUP BY substance_id ORDER BY MIN(LENGTH(term)), substance_id";
        count_sql = "SELECT COUNT(DISTINCT substance_id) FROM substance_terms WHERE " + condition.sql;
        params = condition.params;
    }
    std::vector<std::int64_t> page_ids;
    if (!pattern) {
        NPGOV_ASSIGN_OR_RETURN(auto count, connection->Query(count_sql, params));
        result.page.total = count.rows.at(0).Int(0);
        auto paged = params;
        paged.emplace_back(std::int64_t{page.page_size});
        paged.emplace_back(page.offset());
        NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(order + " LIMIT ? OFFSET ?", paged));
        for (const auto& row : rows.rows) page_ids.push_back(row.Int(0));
    } else {
        result.matched_by += "+smarts";
        if (!text.empty()) {
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(order, params));
            text_ids.emplace();
            for (const auto& row : rows.rows) text_ids->push_back(row.Int(0));
            std::sort(text_ids->begin(), text_ids->end());
        }
        NPGOV_RETURN_IF_ERROR(structures_.Refresh(*connection));
        const auto scan = structures_.Scan(*pattern, text_ids, kMaxSmartsMatches);
        result.smarts_truncated = scan.truncated;
        result.smarts_scanned = scan.scanned;
        result.page.total = static_cast<std::int64_t>(scan.ids.size());
        const auto first = std::min<std::size_t>(scan.ids.size(), static_cast<std::size_t>(page.offset()));
        const auto last = std::min<std::size_t>(scan.ids.size(), first + static_cast<std::size_t>(page.page_size));
        page_ids.assign(scan.ids.begin() + static_cast<long>(first), scan.ids.begin() + static_cast<long>(last));
    }
    NPGOV_ASSIGN_OR_RETURN(result.page.items, LoadByIds(*connection, page_ids));
    result.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

Result<std::string> SubstanceRegistry::ExportCsv(CsvEncoding encoding) {
    static const char* kHeader[] = {"id", "cas", "name_zh", "name_en", "synonyms_zh", "synonyms_en", "smiles",
                                    "canonical_smiles", "inchikey", "inchi", "formula", "molecular_weight",
                                    "crippen_logp", "components", "structure_note", "source", "synthetic",
                                    "updated_at"};
    std::string out;
    for (std::size_t i = 0; i < std::size(kHeader); ++i) out += (i ? "," : "") + std::string(kHeader[i]);
    out += "\r\n";
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    std::int64_t after = 0;
    for (;;) {
        NPGOV_ASSIGN_OR_RETURN(auto rows, store::Query(*connection, "SELECT id FROM substances WHERE id > ? ORDER BY id LIMIT 1000",
                                                       {after}));
        if (rows.rows.empty()) break;
        std::vector<std::int64_t> ids;
        for (const auto& row : rows.rows) ids.push_back(row.Int(0));
        after = ids.back();
        NPGOV_ASSIGN_OR_RETURN(auto batch, LoadByIds(*connection, ids));
        for (const auto& s : batch) {
            const std::string fields[] = {std::to_string(s.id), Join(s.cas_numbers, ";"), s.name_zh, s.name_en,
                                          Join(s.synonyms_zh, ";"), Join(s.synonyms_en, ";"), s.smiles,
                                          s.canonical_smiles, s.inchikey, s.inchi, s.formula,
                                          FormatReal(s.molecular_weight), FormatReal(s.crippen_logp),
                                          std::to_string(s.components), s.structure_note, s.source,
                                          s.synthetic ? "1" : "0", s.updated_at};
            for (std::size_t i = 0; i < std::size(fields); ++i) out += (i ? "," : "") + CsvField(fields[i]);
            out += "\r\n";
        }
    }
    if (encoding == CsvEncoding::kGbk) return EncodeGb18030(out);
    return "\xEF\xBB\xBF" + out;
}

Result<std::int64_t> SubstanceRegistry::Count() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection, "SELECT COUNT(*) FROM substances"));
    return row->Int(0);
}

Result<std::optional<std::string>> SubstanceRegistry::DepictSvg(const Substance& substance, int width, int height) {
    if (!substance.has_structure()) return std::optional<std::string>();
    std::optional<chem::Molecule> molecule = structures_.Find(substance.id);
    if (!molecule) {
        NPGOV_ASSIGN_OR_RETURN(auto parsed, chem::Molecule::FromSmiles(substance.canonical_smiles));
        molecule = std::move(parsed);
    }
    return std::optional<std::string>(chem::DepictSvg(*molecule, width, height));
}

Status SubstanceRegistry::RefreshStructures() {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return structures_.Refresh(*connection);
}

std::vector<store::Migration> Migrations() {
    return {{10, "substances", R"sql(
CREATE TABLE substances (
    id               {{id}},
    name_zh          TEXT NOT NULL,
    name_en          TEXT NOT NULL,
    smiles           TEXT NOT NULL,
    canonical_smiles TEXT NOT NULL,
    inchi            TEXT NOT NULL,
    inchikey         TEXT NOT NULL,
    formula          TEXT NOT NULL,
    molecular_weight DOUBLE PRECISION,
    crippen_logp     DOUBLE PRECISION,
    components       BIGINT NOT NULL,
    structure_note   TEXT NOT NULL,
    source           TEXT NOT NULL,
    synthetic        INTEGER NOT NULL DEFAULT 0,
    revision         BIGINT NOT NULL UNIQUE,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX substances_inchikey ON substances (inchikey);
CREATE TABLE substance_cas (
    cas          TEXT PRIMARY KEY,
    substance_id BIGINT NOT NULL REFERENCES substances (id),
    ordinal      BIGINT NOT NULL
);
CREATE INDEX substance_cas_substance ON substance_cas (substance_id, ordinal);
CREATE TABLE substance_terms (
    id           {{id}},
    substance_id BIGINT NOT NULL REFERENCES substances (id),
    kind         TEXT NOT NULL,
    ordinal      BIGINT NOT NULL,
    display      TEXT NOT NULL,
    term         TEXT NOT NULL
);
CREATE INDEX substance_terms_substance ON substance_terms (substance_id, ordinal);
CREATE TABLE iecsc_entries (
    id      {{id}},
    cas     TEXT,
    serial  TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);
CREATE INDEX iecsc_entries_cas ON iecsc_entries (cas);
CREATE TABLE iecsc_imports (
    id          {{id}},
    file_name   TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    entries     BIGINT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    synthetic   INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE substance_registrations (
    id            {{id}},
    cas           TEXT NOT NULL,
    kind          TEXT NOT NULL,
    reference_no  TEXT NOT NULL,
    holder        TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    source        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX substance_registrations_cas ON substance_registrations (cas);
)sql"}};
}

}  // namespace npgov::substance
