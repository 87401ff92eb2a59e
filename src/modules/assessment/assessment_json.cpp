#include "modules/assessment/assessment_json.hpp"

#include <cmath>

#include "json/error_json.hpp"

namespace npgov::assessment {
namespace {

using nlohmann::json;

constexpr const char* kUgL = "μg/L";

json Num(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }
json Opt(const std::optional<double>& x) { return x && std::isfinite(*x) ? json(*x) : json(nullptr); }
json Conc(const std::optional<double>& ug) { return ug ? json{{"value", Num(*ug)}, {"unit", kUgL}} : json(nullptr); }
json Err(const std::optional<Error>& e) { return e ? ErrorJson(*e) : json(nullptr); }

json StepsJson(const std::vector<assess::DerivationStep>& steps) {
    json out = json::array();
    for (const auto& s : steps) {
        json numbers = json::array();
        for (const auto& n : s.numbers) numbers.push_back({{"name", n.name}, {"value", Num(n.value)}, {"unit", n.unit}});
        out.push_back({{"id", s.id}, {"zh", s.zh}, {"en", s.en}, {"numbers", numbers}});
    }
    return out;
}

json GapsJson(const std::vector<assess::DataGap>& gaps) {
    json out = json::array();
    for (const auto& g : gaps) out.push_back({{"id", g.id}, {"zh", g.zh}, {"en", g.en}});
    return out;
}

json LevelJson(const std::optional<assess::TrophicLevel>& level) {
    return level ? json(std::string(assess::ToId(*level))) : json(nullptr);
}

json SpeciesJson(const assess::SpeciesValue& s) {
    json endpoints = json::array();
    for (const auto& e : s.endpoints) {
        endpoints.push_back({{"endpoint", e.endpoint},
                             {"geometric_mean_ug_per_l", Num(e.geometric_mean_ug_per_l)},
                             {"values_ug_per_l", e.values_ug_per_l},
                             {"rows", e.rows}});
    }
    return {{"species", s.species},
            {"taxon_group", s.taxon_group},
            {"trophic_level", LevelJson(s.trophic_level)},
            {"exposure", assess::ToId(s.exposure)},
            {"value_ug_per_l", Num(s.value_ug_per_l)},
            {"endpoint", s.endpoint},
            {"endpoints", endpoints}};
}

json RecordJson(const assess::EcotoxRecord& r) {
    const char* qualifier = r.qualifier == assess::Qualifier::kGreaterThan ? ">"
                            : r.qualifier == assess::Qualifier::kLessThan  ? "<"
                                                                            : "=";
    return {{"row", r.row},
            {"species", r.species},
            {"taxon_group", r.taxon_group},
            {"trophic_level", LevelJson(r.trophic_level)},
            {"endpoint", r.endpoint},
            {"exposure", assess::ToId(r.exposure)},
            {"exposure_inferred", r.exposure_inferred},
            {"duration_h", Opt(r.duration_hours)},
            {"qualifier", qualifier},
            {"value_ug_per_l", Num(r.value_ug_per_l)},
            {"reliability", r.reliability},
            {"source", r.source},
            {"excluded", r.excluded ? json{{"id", r.excluded->id}, {"zh", r.excluded->zh}, {"en", r.excluded->en}}
                                    : json(nullptr)}};
}

json AfJson(const assess::AfDerivation& d) {
    json levels = json::array();
    for (const auto& l : d.levels) {
        levels.push_back({{"level", assess::ToId(l.level)},
                          {"short_term", l.short_term ? SpeciesJson(*l.short_term) : json(nullptr)},
                          {"long_term", l.long_term ? SpeciesJson(*l.long_term) : json(nullptr)},
                          {"short_term_species", l.short_term_species},
                          {"long_term_species", l.long_term_species}});
    }
    json critical = nullptr;
    if (d.critical) {
        critical = {{"species", d.critical->species},
                    {"taxon_group", d.critical->taxon_group},
                    {"endpoint", d.critical->endpoint},
                    {"trophic_level", LevelJson(d.critical->trophic_level)},
                    {"exposure", assess::ToId(d.critical->exposure)},
                    {"value_ug_per_l", Num(d.critical->value_ug_per_l)}};
    }
    return {{"method", d.method},
            {"version", d.version},
            {"levels", levels},
            {"table_row", d.row ? json(*d.row) : json(nullptr)},
            {"factor", Opt(d.factor)},
            {"critical", critical},
            {"pnec", Conc(d.pnec_ug_per_l)},
            {"steps", StepsJson(d.steps)},
            {"missing", GapsJson(d.missing)},
            {"refusal", Err(d.refusal)}};
}

json SsdJson(const assess::SsdDerivation& d) {
    json points = json::array();
    for (const auto& p : d.points) {
        points.push_back({{"species", p.species},
                          {"taxon_group", p.taxon_group},
                          {"endpoint", p.endpoint},
                          {"value_ug_per_l", Num(p.value_ug_per_l)},
                          {"log10_value", Num(p.log10_value)},
                          {"plotting_position", Num(p.plotting_position)},
                          {"records", p.records}});
    }
    json curve = json::array();
    for (const auto& c : d.curve) {
        curve.push_back({{"fraction", Num(c.fraction)},
                         {"log10_fitted", Num(c.log10_fitted)},
                         {"log10_median", Num(c.log10_median)},
                         {"log10_lower", Num(c.log10_lower)},
                         {"log10_upper", Num(c.log10_upper)}});
    }
    json out = {{"method", d.method},
                {"version", d.version},
                {"points", points},
                {"taxonomic_groups", d.taxonomic_groups},
                {"assessment_factor", Num(d.assessment_factor)},
                {"fit", d.fit ? json{{"distribution", "log-normal"}, {"n", d.fit->n}, {"mean_log10", Num(d.fit->mean)},
                                     {"sd_log10", Num(d.fit->sd)}}
                              : json(nullptr)},
                {"hc5", d.hc5_ug_per_l ? json{{"median", Num(*d.hc5_ug_per_l)},
                                              {"lower", Opt(d.hc5_lower_ug_per_l)},
                                              {"upper", Opt(d.hc5_upper_ug_per_l)},
                                              {"unit", kUgL},
                                              {"interval", d.hc5 ? Num(d.hc5->interval) : json(nullptr)}}
                                       : json(nullptr)},
                {"goodness_of_fit",
                 d.goodness_of_fit
                     ? json{{"anderson_darling", Num(d.goodness_of_fit->anderson_darling)},
                            {"anderson_darling_modified", Num(d.goodness_of_fit->anderson_darling_modified)},
                            {"critical_value", Num(d.goodness_of_fit->critical_value)},
                            {"significance", Num(d.goodness_of_fit->significance)},
                            {"rejected", d.goodness_of_fit->rejected},
                            {"kolmogorov_smirnov", Num(d.goodness_of_fit->kolmogorov_smirnov)}}
                     : json(nullptr)},
                {"curve", curve},
                {"pnec", Conc(d.pnec_ug_per_l)},
                {"steps", StepsJson(d.steps)},
                {"missing", GapsJson(d.missing)},
                {"notes", GapsJson(d.notes)},
                {"refusal", Err(d.refusal)}};
    return out;
}

json PnecJson(const PnecSection& p) {
    json errors = json::array();
    for (const auto& e : p.row_errors) errors.push_back(ErrorJson(e));
    json out = {{"choice", ToString(p.choice)},
                {"adopted", p.adopted_ug_per_l ? json{{"value", Num(*p.adopted_ug_per_l)}, {"unit", kUgL},
                                                      {"method", p.adopted_method}}
                                               : json(nullptr)},
                {"adopted_zh", p.adopted_zh},
                {"adopted_en", p.adopted_en},
                {"records_given", p.rows.size()},
                {"set_aside", p.set_aside},
                {"group_refinements", p.group_refinements},
                {"row_errors", errors},
                {"refusal", Err(p.refusal)}};
    if (p.assessment) {
        const auto& a = *p.assessment;
        json records = json::array();
        for (const auto& r : a.records) records.push_back(RecordJson(r));
        json short_term = json::array(), long_term = json::array();
        for (const auto& s : a.short_term) short_term.push_back(SpeciesJson(s));
        for (const auto& s : a.long_term) long_term.push_back(SpeciesJson(s));
        out["engine"] = {{"version", a.version},
                         {"factors_id", a.factors_id},
                         {"factors_version", a.factors_version},
                         {"used_records", a.used_records},
                         {"lowest", a.lowest ? json(*a.lowest) : json(nullptr)}};
        out["records"] = records;
        out["short_term"] = short_term;
        out["long_term"] = long_term;
        out["assessment_factor"] = AfJson(a.assessment_factor);
        out["ssd"] = SsdJson(a.ssd);
    } else {
        out["engine"] = nullptr;
        out["records"] = json::array();
        out["assessment_factor"] = nullptr;
        out["ssd"] = nullptr;
    }
    return out;
}

json MecJson(const MecValue& m) {
    return {{"medium", monitoring::ToString(m.medium)},
            {"unit", m.unit},
            {"statistic", ToString(m.statistic)},
            {"value", Opt(m.value)},
            {"why_zh", m.why_zh},
            {"why_en", m.why_en},
            {"method", m.method},
            {"samples", m.samples},
            {"detects", m.detects},
            {"sites", m.sites},
            {"max_detected", Opt(m.max_detected)},
            {"max_nondetect_limit", Opt(m.max_nondetect_limit)},
            {"first_date", m.first_date},
            {"last_date", m.last_date},
            {"synthetic", m.synthetic}};
}

json PecJson(const PecSection& p) {
    json properties = json::array();
    for (const auto& in : p.properties) {
        properties.push_back({{"name", in.name}, {"value", Opt(in.value)}, {"unit", in.unit}, {"basis", in.basis}});
    }
    json missing = json::array();
    for (const auto& g : p.missing) missing.push_back({{"id", g.id}, {"zh", g.zh}, {"en", g.en}});
    json result = nullptr;
    if (p.result) {
        const auto& r = *p.result;
        json compartments = json::array();
        for (const auto& c : r.compartments) {
            compartments.push_back({{"compartment", fate::ToString(c.compartment)},
                                    {"volume_m3", Num(c.volume_m3)},
                                    {"z_bulk", Num(c.z_bulk)},
                                    {"fugacity_pa", Num(c.fugacity_pa)},
                                    {"concentration_g_m3", Num(c.concentration_g_m3)},
                                    {"pec", Num(c.pec)},
                                    {"pec_unit", c.pec_unit},
                                    {"amount_kg", Num(c.amount_kg)},
                                    {"percent", Num(c.percent)},
                                    {"emission_kg_h", Num(c.emission_kg_h)},
                                    {"reaction_kg_h", Num(c.reaction_kg_h)},
                                    {"advection_kg_h", Num(c.advection_kg_h)},
                                    {"fraction_in_aerosol", Num(c.fraction_in_aerosol)},
                                    {"dissolved_ng_l", Num(c.dissolved_ng_l)},
                                    {"particles_ug_kg", Num(c.particles_ug_kg)},
                                    {"fish_ug_kg", Num(c.fish_ug_kg)},
                                    {"sorbed_ug_kg", Num(c.sorbed_ug_kg)}});
        }
        json transfers = json::array();
        for (const auto& t : r.transfers) {
            transfers.push_back({{"from", fate::ToString(t.from)},
                                 {"to", fate::ToString(t.to)},
                                 {"process", t.process},
                                 {"rate_kg_h", Num(t.rate_kg_h)}});
        }
        result = {{"method", r.method},
                  {"version", r.version},
                  {"citation", r.citation},
                  {"environment_id", r.environment_id},
                  {"environment_version", r.environment_version},
                  {"compartments", compartments},
                  {"transfers", transfers},
                  {"total_emission_kg_h", Num(r.total_emission_kg_h)},
                  {"total_amount_kg", Num(r.total_amount_kg)},
                  {"residence_time_h", Num(r.residence_time_h)},
                  {"reaction_persistence_h", Num(r.reaction_persistence_h)},
                  {"advection_persistence_h", Num(r.advection_persistence_h)},
                  {"mass_balance_residual", Num(r.mass_balance_residual)},
                  {"notes", r.notes}};
    }
    json emissions_kg_h = nullptr;
    if (p.input) {
        emissions_kg_h = {{"air", Num(p.input->emissions.air_kg_h)},
                          {"water", Num(p.input->emissions.water_kg_h)},
                          {"soil", Num(p.input->emissions.soil_kg_h)}};
    }
    return {{"survey_year", p.survey_year == 0 ? json(nullptr) : json(p.survey_year)},
            {"emissions_t_a", {{"air", Num(p.air_t)}, {"water", Num(p.water_t)}, {"soil", Num(p.soil_t)}}},
            {"emissions_kg_h", emissions_kg_h},
            {"emissions_reported", p.emissions_reported},
            {"environment", {{"id", p.environment_id}, {"version", p.environment_version}}},
            {"properties", properties},
            {"assumptions", p.assumptions},
            {"missing", missing},
            {"refusal", Err(p.refusal)},
            {"result", result}};
}

json QuotientJson(const QuotientRow& q) {
    return {{"exposure", q.exposure},
            {"medium", q.medium},
            {"exposure_ug_per_l", Num(q.exposure_ug_per_l)},
            {"exposure_basis", q.exposure_basis},
            {"pnec_ug_per_l", Num(q.pnec_ug_per_l)},
            {"rq", Num(q.quotient.rq)},
            {"acceptable", q.quotient.acceptable},
            {"band", {{"id", q.quotient.band_id}, {"zh", q.quotient.band_zh}, {"en", q.quotient.band_en},
                      {"sources", q.quotient.band_sources}}},
            {"steps", StepsJson(q.quotient.steps)}};
}

json SiteJson(const SiteExceedance& s) {
    json exceedance = nullptr;
    if (s.exceedance) {
        const auto& e = *s.exceedance;
        exceedance = {{"method", e.how.method},
                      {"version", e.how.version},
                      {"threshold", Num(e.threshold)},
                      {"n", e.n},
                      {"exceeding", e.exceeding},
                      {"not_exceeding", e.not_exceeding},
                      {"unknown", e.unknown},
                      {"frequency", Num(e.frequency)},
                      {"frequency_upper", Num(e.frequency_upper)},
                      {"max_ratio", Opt(e.max_ratio)},
                      {"mean_exceedance_ratio", Opt(e.mean_exceedance_ratio)}};
    }
    return {{"site_id", s.site_id},
            {"code", s.code},
            {"name", s.name},
            {"region_code", s.region_code},
            {"medium", monitoring::ToString(s.medium)},
            {"unit", s.unit},
            {"first_date", s.first_date},
            {"last_date", s.last_date},
            {"exceedance", exceedance},
            {"refusal", Err(s.refusal)}};
}

}  // namespace

json ToJson(const RiskAssessment& a) {
    json mec = json::array();
    for (const auto& m : a.mec) mec.push_back(MecJson(m));
    json quotients = json::array();
    for (const auto& q : a.quotients) quotients.push_back(QuotientJson(q));
    json sites = json::array();
    for (const auto& s : a.sites) sites.push_back(SiteJson(s));
    json missing = json::array();
    for (const auto& g : a.missing) missing.push_back({{"id", g.id}, {"zh", g.zh}, {"en", g.en}});
    return {{"version", a.version},
            {"substance", {{"id", a.substance_id}, {"cas", a.cas}, {"name_zh", a.name_zh}, {"name_en", a.name_en}}},
            {"computed_at", a.computed_at},
            {"hazard", {{"selection_version", a.hazard_selection_version},
                        {"estimates_version", a.hazard_estimates_version}}},
            {"pnec", PnecJson(a.pnec)},
            {"mec", mec},
            {"pec", PecJson(a.pec)},
            {"quotients", quotients},
            {"sites", sites},
            {"missing", missing}};
}

json ToJson(const Record& r, bool content) {
    auto text = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json out = {{"id", r.id},
                {"substance_id", r.substance_id},
                {"version", r.version},
                {"status", ToString(r.status)},
                {"cas", r.cas},
                {"name_zh", r.name_zh},
                {"pnec_choice", r.pnec_choice},
                {"pnec", Conc(r.pnec_ug_per_l)},
                {"pnec_method", text(r.pnec_method)},
                {"max_quotient", Opt(r.max_quotient)},
                {"band", text(r.band)},
                {"assessor", r.assessor},
                {"assessed_at", r.assessed_at},
                {"assessor_comment", r.assessor_comment},
                {"reviewer", text(r.reviewer)},
                {"reviewed_at", text(r.reviewed_at)},
                {"review_comment", r.review_comment},
                {"publisher", text(r.publisher)},
                {"published_at", text(r.published_at)},
                {"publish_comment", r.publish_comment},
                {"content_sha256", r.content_sha256}};
    if (content) {
        json parsed = json::parse(r.content_json, nullptr, false);
        out["content"] = parsed.is_discarded() ? json(nullptr) : parsed;
    }
    return out;
}

json ToJson(const AssessmentView& v) {
    json history = json::array();
    for (const auto& r : v.history) history.push_back(ToJson(r, false));
    return {{"current", ToJson(v.current)},
            {"record", v.latest ? ToJson(*v.latest, true) : json(nullptr)},
            {"published", v.published ? ToJson(*v.published, true) : json(nullptr)},
            {"history", history},
            {"record_differs", v.latest_differs}};
}

}  // namespace npgov::assessment
