#include "modules/assessment/screening_json.hpp"

namespace npgov::assessment {
namespace {

using nlohmann::json;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json ProvenanceJson(const screening::Provenance& p) {
    return {{"origin", screening::ToString(p.origin)}, {"source", p.source}, {"note", p.note}};
}

json FactJson(const screening::Fact& f) {
    return {{"value", f.value}, {"qualifier", screening::ToString(f.qualifier)}, {"provenance", ProvenanceJson(f.provenance)}};
}

template <typename T, typename F>
json OptJson(const std::optional<T>& v, F f) {
    return v ? f(*v) : json(nullptr);
}

json QuantityJson(const Quantity& q) { return {{"value", q.value}, {"unit", Symbol(q.unit)}}; }

json ParseOr(const std::string& text, json fallback) {
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

}  // namespace

json FactsJson(const screening::SubstanceFacts& f) {
    const auto& h = f.hazard;
    json half_lives = json::array();
    for (const auto& hl : h.half_lives) half_lives.push_back({{"medium", screening::ToString(hl.medium)}, {"days", FactJson(hl.days)}});
    json conclusions = json::array();
    for (const auto& c : h.conclusions) {
        conclusions.push_back({{"kind", screening::ToString(c.kind)}, {"provenance", ProvenanceJson(c.provenance)}});
    }
    json lists = json::array();
    for (const auto& l : h.lists) lists.push_back({{"list_id", l.list_id}, {"edition", l.edition}, {"entry", l.entry}});
    json hazard = {
        {"half_lives", half_lives},
        {"readily_biodegradable",
         OptJson(h.readily_biodegradable,
                 [](const screening::Flag& x) { return json{{"value", x.value}, {"provenance", ProvenanceJson(x.provenance)}}; })},
        {"bcf", OptJson(h.bcf, FactJson)},
        {"log_kow", OptJson(h.log_kow, FactJson)},
        {"chronic_noec", OptJson(h.chronic_noec, FactJson)},
        {"acute_lc50", OptJson(h.acute_lc50, FactJson)},
        {"classification", OptJson(h.classification,
                                   [](const screening::Classification& c) {
                                       return json{{"carcinogenicity", screening::ToString(c.carcinogenicity)},
                                                   {"mutagenicity", screening::ToString(c.mutagenicity)},
                                                   {"reproductive", screening::ToString(c.reproductive)},
                                                   {"stot_re", screening::ToString(c.stot_re)},
                                                   {"provenance", ProvenanceJson(c.provenance)}};
                                   })},
        {"endocrine", OptJson(h.endocrine,
                              [](const screening::EndocrineFact& e) {
                                  return json{{"status", screening::ToString(e.status)}, {"provenance", ProvenanceJson(e.provenance)}};
                              })},
        {"conclusions", conclusions},
        {"lists", lists}};
    return {{"id", f.id},
            {"cas", f.cas},
            {"name_zh", f.name_zh},
            {"name_en", f.name_en},
            {"hazard", hazard},
            {"volume", OptJson(f.volume,
                               [](const screening::VolumeFacts& v) {
                                   return json{{"tonnes_per_year", v.tonnes_per_year}, {"enterprises", v.enterprises},
                                               {"year", v.year}, {"source", v.source}};
                               })},
            {"detection", OptJson(f.detection,
                                  [](const screening::DetectionFacts& d) {
                                      return json{{"medium", d.medium},
                                                  {"samples", d.samples},
                                                  {"detects", d.detects},
                                                  {"max_detected", OptJson(d.max_detected, QuantityJson)},
                                                  {"max_nondetect_limit", OptJson(d.max_nondetect_limit, QuantityJson)},
                                                  {"pnec", OptJson(d.pnec,
                                                                   [](const screening::PnecFact& p) {
                                                                       return json{{"value", QuantityJson(p.value)},
                                                                                   {"provenance", ProvenanceJson(p.provenance)}};
                                                                   })},
                                                  {"source", d.source}};
                                  })},
            {"uses", OptJson(f.uses, [](const screening::UseFacts& u) {
                 return json{{"categories", u.categories}, {"source", u.source}};
             })}};
}

json EvidenceJson(const screening::ScreenedSubstance& s, const std::vector<Membership>& lists, RunTexts& texts) {
    json properties = json::array();
    for (const auto& p : s.hazard.properties) {
        properties.push_back({{"property", screening::ToString(p.property)},
                              {"outcome", screening::ToString(p.outcome)},
                              {"basis", screening::ToString(p.basis)}});
    }
    json profile = {{"properties", properties},
                    {"pbt", screening::ToString(s.hazard.pbt)},
                    {"pbt_basis", screening::ToString(s.hazard.pbt_basis)},
                    {"vpvb", screening::ToString(s.hazard.vpvb)},
                    {"vpvb_basis", screening::ToString(s.hazard.vpvb_basis)},
                    {"cmr", s.hazard.cmr},
                    {"pop", s.hazard.pop},
                    {"ed", s.hazard.ed ? json(screening::ToString(*s.hazard.ed)) : json(nullptr)},
                    {"rules_fired", s.hazard.rules_fired}};
    json dimensions = json::array();
    for (const auto& d : s.dimensions) {
        json evidence = json::array();
        // Stored once per row of every run: an empty detail and an absent score are left out
        // (ToJson(RunRow) puts them back), the rest is as the engine said it.
        for (const auto& e : d.evidence) {
            json item = {{"fact", e.fact},
                         {"value", e.value},
                         {"origin", screening::ToString(e.origin)},
                         {"source", e.source},
                         {"criterion", e.criterion},
                         {"verdict", screening::ToString(e.verdict)}};
            if (!e.detail.empty()) item["detail"] = e.detail;
            if (e.score) item["score"] = *e.score;
            evidence.push_back(std::move(item));
        }
        json gaps = json::array();
        for (const auto& g : d.gaps) {
            texts.gaps.emplace(std::string(g.code), std::pair{std::string(g.zh), std::string(g.en)});
            json gap = {{"code", g.code}, {"blocking", g.blocking}};
            if (!g.detail.empty()) gap["detail"] = g.detail;
            gaps.push_back(std::move(gap));
        }
        dimensions.push_back({{"dimension", screening::ToString(d.dimension)},
                              {"score", Opt(d.score)},
                              {"ranking_score", d.ranking_score},
                              {"data_gap", d.data_gap},
                              {"evidence", evidence},
                              {"gaps", gaps}});
    }
    texts.category_reasons.emplace(std::string(s.category_reason_en), std::string(s.category_reason_zh));
    json memberships = json::array();
    for (const auto& m : lists) {
        memberships.push_back({{"list_id", m.list_id},
                               {"edition", m.edition},
                               {"entry_key", m.entry_key},
                               {"entry_name_zh", m.entry_name_zh},
                               {"entry_name_en", m.entry_name_en},
                               {"reason", m.reason}});
    }
    return {{"concern", screening::ToString(s.concern)},
            {"total", s.total},
            {"category", screening::ToString(s.category)},
            {"tier", s.tier},
            {"category_reason", s.category_reason_en},
            {"category_detail", s.category_detail},
            {"hazard_profile", profile},
            {"dimensions", dimensions},
            {"lists", memberships}};
}

json TextsJson(const RunTexts& texts, const screening::ScreeningParams& params) {
    json gaps = json::object();
    for (const auto& [code, text] : texts.gaps) gaps[code] = {{"zh", text.first}, {"en", text.second}};
    json reasons = json::object();
    for (const auto& [en, zh] : texts.category_reasons) reasons[en] = {{"zh", zh}, {"en", en}};
    json categories = json::array();
    for (const auto& c : params.action_categories) {
        categories.push_back({{"id", screening::ToString(c.category)},
                              {"norman", static_cast<int>(c.category)},
                              {"tier", c.tier},
                              {"name_zh", c.name_zh},
                              {"name_en", c.name_en},
                              {"action_zh", c.action_zh},
                              {"action_en", c.action_en},
                              {"norman_zh", c.norman_zh},
                              {"norman_en", c.norman_en}});
    }
    json weights = {{"hazard", params.weights.hazard},
                    {"volume", params.weights.volume},
                    {"detection", params.weights.detection},
                    {"dispersive_use", params.weights.dispersive_use}};
    return {{"gaps", gaps}, {"category_reasons", reasons}, {"action_categories", categories}, {"weights", weights}};
}

json CriteriaJson(const std::vector<screening::CriterionText>& criteria) {
    json out = json::array();
    for (const auto& c : criteria) {
        out.push_back({{"id", c.id}, {"zh", c.zh}, {"en", c.en}, {"sources", c.sources}, {"convention", c.convention}});
    }
    return out;
}

json ToJson(const RunInfo& run, bool with_texts) {
    json out = {{"id", run.id},
                {"status", run.status},
                {"progress", {{"phase", run.progress.phase}, {"done", run.progress.done}, {"total", run.progress.total}}},
                {"actor", run.actor},
                {"started_at", run.started_at},
                {"finished_at", run.finished_at.empty() ? json(nullptr) : json(run.finished_at)},
                {"survey_year", run.survey_year ? json(*run.survey_year) : json(nullptr)},
                {"engine_version", run.engine_version},
                {"params_id", run.params_id},
                {"params_version", run.params_version},
                {"params_sha256", run.params_sha256},
                {"inputs_sha256", run.inputs_sha256},
                {"substances", run.substances},
                {"summary", ParseOr(run.summary_json, json::object())},
                {"error", run.error_json.empty() ? json(nullptr) : ParseOr(run.error_json, json(nullptr))}};
    if (with_texts) {
        out["criteria"] = ParseOr(run.criteria_json, json::array());
        out["texts"] = ParseOr(run.texts_json, json::object());
    }
    return out;
}

json ToJson(const RunRow& row, const json& texts) {
    json evidence = ParseOr(row.evidence_json, json::object());
    const json* gap_texts = texts.contains("gaps") ? &texts["gaps"] : nullptr;
    if (evidence.contains("dimensions")) {
        for (auto& d : evidence["dimensions"]) {
            for (auto& e : d["evidence"]) {
                if (!e.contains("detail")) e["detail"] = "";
                if (!e.contains("score")) e["score"] = nullptr;
            }
            for (auto& g : d["gaps"]) {
                if (!g.contains("detail")) g["detail"] = "";
                const std::string code = g.value("code", "");
                if (gap_texts && gap_texts->contains(code)) {
                    g["zh"] = (*gap_texts)[code].value("zh", "");
                    g["en"] = (*gap_texts)[code].value("en", "");
                }
            }
        }
    }
    const std::string reason = evidence.value("category_reason", "");
    json reason_text = {{"en", reason}, {"zh", reason}};
    if (texts.contains("category_reasons") && texts["category_reasons"].contains(reason)) {
        reason_text = texts["category_reasons"][reason];
    }
    evidence["category_reason"] = reason_text;
    json out = {{"rank", row.rank},
                {"substance_id", row.substance_id},
                {"cas", row.cas},
                {"name_zh", row.name_zh},
                {"name_en", row.name_en},
                {"category", row.category}};
    for (auto& [key, value] : evidence.items()) out[key] = value;
    return out;
}

}  // namespace npgov::assessment
