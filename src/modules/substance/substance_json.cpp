#include "modules/substance/substance_json.hpp"
#include "json/error_json.hpp"

namespace npgov::substance {
namespace {

using nlohmann::json;

json Errors(const std::vector<Error>& errors) {
    json out = json::array();
    for (const auto& e : errors) out.push_back(ErrorJson(e));
    return out;
}

json RealOrNull(const std::optional<double>& v) { return v ? json(*v) : json(); }

}  // namespace


json ToJson(const Substance& s) {
    json structure = nullptr;
    if (s.has_structure()) {
        structure = {{"smiles", s.smiles},
                     {"canonical_smiles", s.canonical_smiles},
                     {"inchi", s.inchi},
                     {"inchikey", s.inchikey},
                     {"formula", s.formula},
                     {"molecular_weight", RealOrNull(s.molecular_weight)},
                     {"crippen_logp", RealOrNull(s.crippen_logp)},
                     {"components", s.components}};
    }
    return {{"id", s.id},
            {"cas_numbers", s.cas_numbers},
            {"cas", s.cas_numbers.empty() ? json() : json(s.cas_numbers.front())},
            {"name_zh", s.name_zh},
            {"name_en", s.name_en},
            {"synonyms_zh", s.synonyms_zh},
            {"synonyms_en", s.synonyms_en},
            {"inchikey", s.inchikey.empty() ? json() : json(s.inchikey)},
            {"structure", structure},
            {"flags", {{"has_structure", s.has_structure()},
                       {"multi_component", s.multi_component()},
                       {"representative_structure", !s.structure_note.empty() && s.has_structure()},
                       {"synthetic", s.synthetic}}},
            {"structure_note", s.structure_note},
            {"source", s.source},
            {"revision", s.revision},
            {"created_at", s.created_at},
            {"updated_at", s.updated_at}};
}

json ToJson(const SearchResult& r) {
    json items = json::array();
    for (const auto& s : r.page.items) items.push_back(ToJson(s));
    return {{"items", items},
            {"page", r.page.page},
            {"page_size", r.page.page_size},
            {"total", r.page.total},
            {"matched_by", r.matched_by},
            {"smarts_truncated", r.smarts_truncated},
            {"smarts_scanned", r.smarts_scanned},
            {"smarts_limit", kMaxSmartsMatches},
            {"elapsed_ms", r.elapsed_ms}};
}

json ToJson(const ImportReport& r) {
    return {{"rows", r.rows},       {"created", r.created},   {"updated", r.updated},
            {"unchanged", r.unchanged}, {"committed", r.committed}, {"encoding", r.encoding},
            {"errors", Errors(r.errors)}, {"errors_omitted", r.errors_omitted}, {"warnings", Errors(r.warnings)}};
}

json ToJson(const IecscImportReport& r) {
    return {{"rows", r.rows},         {"entries", r.entries},         {"with_cas", r.with_cas},
            {"replaced", r.replaced}, {"committed", r.committed},      {"encoding", r.encoding},
            {"errors", Errors(r.errors)}, {"errors_omitted", r.errors_omitted}, {"warnings", Errors(r.warnings)}};
}

json ToJson(const IecscStatus& s) {
    return {{"loaded", s.loaded},           {"entries", s.entries},       {"file_name", s.file_name},
            {"imported_at", s.imported_at}, {"imported_by", s.imported_by}, {"synthetic", s.synthetic}};
}

json ToJson(const Registration& r) {
    return {{"id", r.id},         {"cas", r.cas},       {"kind", ToString(r.kind)},
            {"reference_no", r.reference_no}, {"holder", r.holder}, {"registered_on", r.registered_on},
            {"source", r.source}, {"created_at", r.created_at}};
}

json ToJson(const NewSubstanceStatus& s) {
    json registrations = json::array();
    for (const auto& r : s.registrations) registrations.push_back(ToJson(r));
    json flagged = nullptr;
    if (s.state != NewSubstanceState::kUnknown) flagged = s.state == NewSubstanceState::kNew;
    return {{"state", ToString(s.state)},     {"new_chemical_substance", flagged}, {"iecsc_cas", s.iecsc_cas},
            {"registrations", registrations}, {"reason_zh", s.reason_zh},         {"reason_en", s.reason_en}};
}

}  // namespace npgov::substance
