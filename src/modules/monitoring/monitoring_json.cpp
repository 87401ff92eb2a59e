#include "modules/monitoring/monitoring_json.hpp"

#include <cmath>

#include "engines/stats/kaplan_meier.hpp"
#include "engines/stats/ros.hpp"
#include "json/error_json.hpp"

namespace npgov::monitoring {
namespace {

using nlohmann::json;

json Number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

template <typename T>
json Optional(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json Optional(const std::optional<double>& v) { return v ? Number(*v) : json(nullptr); }

json How(const stats::MethodInfo& how) {
    return {{"method", std::string(how.method)}, {"version", std::string(how.version)}, {"inputs", how.inputs}};
}

json Refused(std::string_view method, std::string_view version, const Error& error) {
    return {{"how", {{"method", std::string(method)}, {"version", std::string(version)}}}, {"refused", ErrorJson(error)}};
}

json ToJson(const stats::DetectionFrequency& d) {
    return {{"how", How(d.how)},           {"n", d.n},
            {"detects", d.detects},        {"nondetects", d.nondetects},
            {"frequency", Number(d.frequency)}, {"distinct_limits", d.distinct_limits},
            {"min_limit", Number(d.min_limit)}, {"max_limit", Number(d.max_limit)}};
}

json ToJson(const Result<stats::KaplanMeierSummary>& km) {
    if (!km) return Refused("kaplan-meier", stats::kKaplanMeierVersion, km.error());
    return {{"how", How(km->how)},
            {"n", km->n},
            {"detects", km->detects},
            {"mean", Number(km->mean)},
            {"mean_se", Number(km->mean_se)},
            {"median", Optional(km->median)},
            {"p90", Optional(km->p90)},
            {"p95", Optional(km->p95)},
            {"lowest_level", Number(km->lowest_level)},
            {"lowest_treated_as_detect", km->lowest_treated_as_detect}};
}

json ToJson(const Result<stats::RosResult>& ros) {
    if (!ros) return Refused("ros", stats::kRosVersion, ros.error());
    return {{"how", How(ros->how)},         {"n", ros->n},
            {"detects", ros->detects},      {"dropped", ros->dropped},
            {"mean", Number(ros->mean)},    {"sd", Number(ros->sd)},
            {"median", Number(ros->median)}, {"p90", Number(ros->p90)},
            {"p95", Number(ros->p95)},      {"intercept", Number(ros->intercept)},
            {"slope", Number(ros->slope)}};
}

json ToJson(const stats::SubstitutionSummary& s) {
    return {{"how", How(s.how)},         {"n", s.n},
            {"substituted", s.substituted}, {"mean", Number(s.mean)},
            {"sd", Number(s.sd)},        {"median", Number(s.median)}};
}

json ToJson(const stats::Exceedance& e) {
    return {{"how", How(e.how)},
            {"threshold", Number(e.threshold)},
            {"n", e.n},
            {"exceeding", e.exceeding},
            {"not_exceeding", e.not_exceeding},
            {"unknown", e.unknown},
            {"frequency", Number(e.frequency)},
            {"frequency_upper", Number(e.frequency_upper)},
            {"max_ratio", Optional(e.max_ratio)},
            {"mean_exceedance_ratio", Optional(e.mean_exceedance_ratio)}};
}

}  // namespace


json ToJson(const Site& s, const std::vector<reference::Region>& regions) {
    json j = {{"id", s.id},
              {"code", s.code},
              {"name", s.name},
              {"site_type", std::string(ToString(s.type))},
              {"site_type_zh", std::string(LabelZh(s.type))},
              {"region_code", s.region_code},
              {"region_name_zh", ""},
              {"region_name_en", ""},
              {"water_body", s.water_body},
              {"latitude", Optional(s.latitude)},
              {"longitude", Optional(s.longitude)},
              {"synthetic", s.synthetic},
              {"created_at", s.created_at},
              {"updated_at", s.updated_at}};
    for (const auto& r : regions) {
        if (r.code == s.region_code) {
            j["region_name_zh"] = r.name_zh;
            j["region_name_en"] = r.name_en;
        }
    }
    return j;
}

json ToJson(const StoredResult& r) {
    return {{"id", r.id},
            {"site_id", r.site_id},
            {"sample_id", r.sample_id},
            {"sampled_on", r.sampled_on},
            {"sampling_time", r.sampling_time},
            {"medium", std::string(ToString(r.medium))},
            {"matrix", r.matrix},
            {"depth_m", Optional(r.depth_m)},
            {"cas", r.cas},
            {"substance_name", r.substance_name},
            {"substance_id", Optional(r.substance_id)},
            {"reported", r.reported},
            {"qualifier", std::string(ToString(r.qualifier))},
            {"censored", r.censored},
            {"value", Optional(r.value)},
            {"unit", r.unit},
            {"lod", Optional(r.lod)},
            {"loq", Optional(r.loq)},
            {"normalised_unit", r.normalised_unit},
            {"normalised_value", Optional(r.normalised_value)},
            {"normalised_limit", Optional(r.normalised_limit)},
            {"method", r.method},
            {"laboratory", r.laboratory},
            {"qc",
             {{"blank", Optional(r.blank)},
              {"spike_recovery_pct", Optional(r.spike_recovery_pct)},
              {"duplicate_rpd_pct", Optional(r.duplicate_rpd_pct)}}},
            {"provenance",
             {{"kind", r.synthetic ? "synthetic" : "measured"}, {"import_id", r.import_id}, {"source_row", r.source_row}}}};
}

json ToJson(const GroupSummary& g) {
    json j = {{"cas", g.cas},
              {"substance_name", g.substance_name},
              {"medium", std::string(ToString(g.medium))},
              {"unit", g.unit},
              {"sites", g.sites},
              {"first_date", g.first_date},
              {"last_date", g.last_date},
              {"n", g.summary.detection.n},
              {"detection", ToJson(g.summary.detection)},
              {"kaplan_meier", ToJson(g.summary.kaplan_meier)},
              {"ros", ToJson(g.summary.ros)},
              {"substitution", ToJson(g.summary.substitution)},
              {"exceedance", nullptr}};
    if (g.site) {
        j["site"] = {{"id", g.site->id}, {"code", g.site->code}, {"name", g.site->name},
                     {"site_type", std::string(ToString(g.site->type))}, {"region_code", g.site->region_code}};
    } else {
        j["site"] = nullptr;
    }
    if (g.exceedance) {
        j["exceedance"] = *g.exceedance ? ToJson(**g.exceedance)
                                        : json{{"how", {{"method", "exceedance"}, {"version", std::string(stats::kExceedanceVersion)}}},
                                               {"refused", ErrorJson(g.exceedance->error())}};
    }
    return j;
}

json ToJson(const Series& s) {
    json points = json::array();
    for (const auto& p : s.points) {
        points.push_back({{"result_id", p.result_id},
                          {"date", p.date},
                          {"time", p.time},
                          {"censored", p.censored},
                          {"qualifier", std::string(ToString(p.qualifier))},
                          {"value", Optional(p.value)},
                          {"limit", Optional(p.limit)}});
    }
    return {{"cas", s.cas},
            {"substance_name", s.substance_name},
            {"medium", std::string(ToString(s.medium))},
            {"unit", s.unit},
            {"points", points}};
}

json ToJson(const ImportReport& r) {
    json errors = json::array();
    for (const auto& e : r.errors) errors.push_back(ErrorJson(e));
    json warnings = json::array();
    for (const auto& w : r.warnings) warnings.push_back(ErrorJson(w));
    json j = {{"import_id", r.import_id ? json(r.import_id) : json(nullptr)},
              {"sha256", r.sha256},
              {"file_name", r.file_name},
              {"format", r.format},
              {"rows", r.rows},
              {"results", r.results},
              {"censored", r.censored},
              {"sites", r.sites},
              {"events_created", r.events_created},
              {"events_reused", r.events_reused},
              {"samples_created", r.samples_created},
              {"samples_reused", r.samples_reused},
              {"first_date", r.first_date},
              {"last_date", r.last_date},
              {"laboratories", r.laboratories},
              {"committed", r.committed},
              {"dry_run", r.dry_run},
              {"errors", errors},
              {"errors_omitted", r.errors_omitted},
              {"warnings", warnings}};
    return j;
}

}  // namespace npgov::monitoring
