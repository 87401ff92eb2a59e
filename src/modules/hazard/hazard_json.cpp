#include "modules/hazard/hazard_json.hpp"

#include <cmath>

#include "json/error_json.hpp"

namespace npgov::hazard {
namespace {

using nlohmann::json;

json Number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

template <typename T>
json Optional(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json Optional(const std::optional<double>& v) { return v ? Number(*v) : json(nullptr); }

json Id(std::int64_t id) { return id ? json(id) : json(nullptr); }

json Reliability(const std::optional<int>& r) {
    if (!r) return {{"klimisch", nullptr}, {"label_zh", nullptr}, {"label_en", nullptr}};
    return {{"klimisch", *r}, {"label_zh", ReliabilityLabelZh(*r)}, {"label_en", ReliabilityLabelEn(*r)}};
}

constexpr const char* kRuleZh =
    "不可靠（Klimisch 3）的数据和超出适用范围的估算值不被选用；实测值优先于估算值；其次可靠性更高者"
    "（Klimisch 1、2、4）；再次来源年份更新者；再次人工录入者、录入较晚者。估算值不会覆盖实测值。";
constexpr const char* kRuleEn =
    "Values of reliability Klimisch 3 and estimates outside their domain are never selected; a measured value beats "
    "an estimate; then higher reliability (Klimisch 1, 2, 4); then the more recent source; then values entered by a "
    "person, recorded later. Estimates never overwrite measured values.";

}  // namespace

json ToJson(const PropertyValue& v) {
    const auto& e = v.entry;
    return {{"id", Id(v.id)},
            {"property", ToString(e.property)},
            {"provenance", ToString(e.provenance)},
            {"computed", v.computed()},
            {"qualifier", ToString(e.qualifier)},
            {"value", Number(e.value)},
            {"unit", e.unit},
            {"normalised", Number(v.normalised)},
            {"normalised_unit", CanonicalUnit(e.property)},
            {"temperature_c", Optional(e.temperature_c)},
            {"reliability", Reliability(e.reliability)},
            {"source", e.source},
            {"source_year", Optional(e.source_year)},
            {"method", e.method},
            {"method_version", e.method_version},
            {"inputs", e.inputs},
            {"notes", e.notes},
            {"cas", v.cas},
            {"import_id", Id(v.import_id)},
            {"source_row", v.source_row ? json(v.source_row) : json(nullptr)},
            {"created_by", v.created_by},
            {"created_at", v.created_at}};
}

json ToJson(const Estimate& e) {
    json inputs = json::array();
    for (const auto& in : e.inputs) {
        inputs.push_back({{"name", in.name},
                          {"value", Number(in.value)},
                          {"unit", in.unit},
                          {"basis", in.basis},
                          {"temperature_c", Optional(in.temperature_c)}});
    }
    json notes = json::array();
    for (const auto& n : e.notes) {
        notes.push_back({{"reason", n.reason}, {"message_zh", n.message_zh}, {"message_en", n.message_en}});
    }
    return {{"property", ToString(e.property)},
            {"method", e.method},
            {"method_version", e.method_version},
            {"equation", e.equation},
            {"citation", e.citation},
            {"domain_zh", e.domain_zh},
            {"domain_en", e.domain_en},
            {"inputs", inputs},
            {"value", Optional(e.value)},
            {"unit", CanonicalUnit(e.property)},
            {"temperature_c", Optional(e.temperature_c)},
            {"in_domain", e.in_domain},
            {"notes", notes},
            {"refused", e.refused ? ErrorJson(*e.refused) : json(nullptr)}};
}

json ToJson(const EcotoxRecord& r) {
    const auto& e = r.entry;
    const TrophicLevel level = e.trophic_level.value_or(DefaultTrophicLevel(e.taxon_group));
    return {{"id", Id(r.id)},
            {"species", e.species},
            {"taxon_group", ToString(e.taxon_group)},
            {"taxon_group_zh", LabelZh(e.taxon_group)},
            {"trophic_level", ToString(level)},
            {"trophic_level_zh", LabelZh(level)},
            {"compartment", ToString(e.compartment.value_or(Compartment::kFreshwater))},
            {"endpoint", ToString(e.endpoint)},
            {"effect", e.effect},
            {"exposure", ToString(e.exposure)},
            {"duration", Number(e.duration)},
            {"duration_unit", e.duration_unit},
            {"duration_hours", Number(r.duration_hours)},
            {"qualifier", ToString(e.qualifier)},
            {"value", Number(e.value)},
            {"unit", e.unit},
            {"normalised", Number(r.normalised)},
            {"normalised_unit", r.normalised_unit},
            {"reliability", Reliability(e.reliability)},
            {"source", e.source},
            {"source_year", Optional(e.source_year)},
            {"guideline", e.guideline},
            {"notes", e.notes},
            {"cas", r.cas},
            {"import_id", Id(r.import_id)},
            {"source_row", r.source_row ? json(r.source_row) : json(nullptr)},
            {"created_by", r.created_by},
            {"created_at", r.created_at}};
}

json ToJson(const ClassificationRecord& r) {
    return {{"id", Id(r.id)},
            {"classification", ToString(r.entry.kind)},
            {"classification_zh", LabelZh(r.entry.kind)},
            {"category", r.entry.category},
            {"source", r.entry.source},
            {"source_year", Optional(r.entry.source_year)},
            {"notes", r.entry.notes},
            {"cas", r.cas},
            {"import_id", Id(r.import_id)},
            {"source_row", r.source_row ? json(r.source_row) : json(nullptr)},
            {"created_by", r.created_by},
            {"created_at", r.created_at}};
}

json ToJson(const PropertySelection& s) {
    json values = json::array();
    for (const auto& r : s.values) {
        json v = ToJson(r.value);
        v["eligible"] = r.eligible;
        v["selected"] = r.selected;
        v["why_zh"] = r.why_zh;
        v["why_en"] = r.why_en;
        values.push_back(std::move(v));
    }
    const PropertyValue* selected = s.selected();
    return {{"property", ToString(s.property)},
            {"label_zh", LabelZh(s.property)},
            {"label_en", LabelEn(s.property)},
            {"unit", CanonicalUnit(s.property)},
            {"temperature_required", TemperatureRequired(s.property)},
            {"selected", selected ? ToJson(*selected) : json(nullptr)},
            {"gap", selected == nullptr},
            {"reason_zh", s.reason_zh},
            {"reason_en", s.reason_en},
            {"values", values}};
}

json ToJson(const HazardProfile& profile, const substance::Substance& s) {
    json properties = json::array(), estimates = json::array(), ecotox = json::array(),
         classifications = json::array(), gaps = json::array();
    for (const auto& p : profile.properties) properties.push_back(ToJson(p));
    for (const auto& e : profile.estimates) estimates.push_back(ToJson(e));
    for (const auto& r : profile.ecotox) ecotox.push_back(ToJson(r));
    for (const auto& r : profile.classifications) classifications.push_back(ToJson(r));
    for (PropertyKind k : profile.gaps()) gaps.push_back(ToString(k));
    return {{"substance",
             {{"id", s.id},
              {"cas", s.cas_numbers.empty() ? json(nullptr) : json(s.cas_numbers.front())},
              {"cas_numbers", s.cas_numbers},
              {"name_zh", s.name_zh},
              {"name_en", s.name_en},
              {"has_structure", s.has_structure()},
              {"formula", s.formula}}},
            {"selection", {{"version", profile.selection_version}, {"rule_zh", kRuleZh}, {"rule_en", kRuleEn}}},
            {"estimates_version", profile.estimates_version},
            {"properties", properties},
            {"estimates", estimates},
            {"ecotox", ecotox},
            {"classifications", classifications},
            {"gaps", gaps}};
}

json ToJson(const ImportReport& report) {
    json errors = json::array();
    for (const auto& e : report.errors) errors.push_back(ErrorJson(e));
    return {{"import_id", Id(report.import_id)},
            {"sha256", report.sha256},
            {"file_name", report.file_name},
            {"format", report.format},
            {"rows", report.rows},
            {"properties", report.properties},
            {"ecotox", report.ecotox},
            {"classifications", report.classifications},
            {"substances", report.substances},
            {"committed", report.committed},
            {"dry_run", report.dry_run},
            {"errors", errors},
            {"errors_omitted", report.errors_omitted}};
}

}  // namespace npgov::hazard
