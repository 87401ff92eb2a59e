#include "modules/survey/survey_json.hpp"

#include "modules/enterprise/sheet_writer.hpp"
#include "json/error_json.hpp"

namespace npgov::survey {
namespace {

using nlohmann::json;

json OrNull(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }


json Issues(const std::vector<Issue>& issues) {
    json out = json::array();
    for (const auto& i : issues) out.push_back(ToJson(i));
    return out;
}

const char* kRawFields[] = {"cas", "name", "activity", "quantity", "unit", "uses", "emission_air", "emission_water",
                            "emission_soil", "waste", "confidential", "reason"};

std::string* RawField(RawLine& r, int i) {
    std::string* fields[] = {&r.cas, &r.name, &r.activity, &r.quantity, &r.unit, &r.uses, &r.emission_air,
                             &r.emission_water, &r.emission_soil, &r.waste, &r.confidential, &r.reason};
    return fields[i];
}

}  // namespace

json ToJson(const Campaign& c) {
    return {{"id", c.id}, {"year", c.year}, {"tier", ToString(c.tier)}, {"title", c.title},
            {"industries", c.industries}, {"substances", c.substances}, {"deadline", c.deadline.ToIsoString()},
            {"created_by", c.created_by}, {"created_at", c.created_at}};
}

json ToJson(const Submission& s) {
    return {{"id", s.id}, {"campaign_id", s.campaign_id}, {"enterprise_id", s.enterprise_id},
            {"region_code", s.region_code}, {"industry_code", s.industry_code}, {"year", s.year},
            {"status", ToString(s.status)}, {"version", s.version},
            {"approved_version", s.approved_version ? json(*s.approved_version) : json(nullptr)},
            {"submitted_at", s.submitted_at.empty() ? json(nullptr) : json(s.submitted_at)},
            {"created_at", s.created_at}, {"updated_at", s.updated_at}};
}

json ToJson(const Version& v) {
    return {{"number", v.number}, {"status", ToString(v.status)}, {"content_hash", v.content_hash},
            {"line_count", v.line_count}, {"errors", v.errors}, {"open_warnings", v.open_warnings},
            {"source", v.source}, {"upload_sha256", v.upload_sha256}, {"created_by", v.created_by},
            {"created_at", v.created_at}, {"updated_by", v.updated_by}, {"updated_at", v.updated_at}};
}

json ToJson(const Event& e) {
    return {{"version", e.version}, {"action", e.action}, {"actor", e.actor}, {"at", e.at}, {"comment", e.comment}};
}

json ToJson(const Issue& i) {
    return {{"severity", ToString(i.severity)}, {"line_no", i.line_no}, {"resolved", i.resolved}, {"error", ErrorJson(i.error)}};
}

json ToJson(const Line& l) {
    json raw = json::object();
    RawLine copy = l.raw;
    for (int i = 0; i < 12; ++i) raw[kRawFields[i]] = *RawField(copy, i);
    if (l.raw.source_row > 0) raw["source_row"] = l.raw.source_row;
    return {{"line_no", l.line_no}, {"entered", raw}, {"cas", l.cas}, {"name", l.name},
            {"substance_id", l.substance_id ? json(*l.substance_id) : json(nullptr)},
            {"activity", l.activity ? json(ToString(*l.activity)) : json(nullptr)}, {"tonnes", OrNull(l.tonnes)},
            {"emission_air_t", OrNull(l.air_t)}, {"emission_water_t", OrNull(l.water_t)},
            {"emission_soil_t", OrNull(l.soil_t)}, {"waste_t", OrNull(l.waste_t)}, {"uses", l.uses},
            {"confidential", l.confidential}};
}

json ToJson(const SubmissionView& v) {
    json lines = json::array();
    for (const auto& l : v.lines.items) lines.push_back(ToJson(l));
    return {{"submission", ToJson(v.submission)},
            {"version", ToJson(v.version)},
            {"lines", {{"items", lines}, {"page", v.lines.page}, {"page_size", v.lines.page_size}, {"total", v.lines.total}}},
            {"withheld_lines", v.withheld_lines},
            {"issues", Issues(v.issues)},
            {"issues_total", v.issues_total},
            {"summary", {{"errors", v.errors}, {"open_warnings", v.open_warnings}, {"notices", v.notices}}}};
}

json ToJson(const SaveReport& r) {
    json j = {{"submission", ToJson(r.submission)}, {"version", ToJson(r.version)}, {"stored", r.stored},
              {"unchanged", r.unchanged}, {"issues", Issues(r.issues)}, {"issues_total", r.issues_total},
              {"summary", {{"errors", r.errors}, {"open_warnings", r.open_warnings}, {"notices", r.notices}}}};
    if (!r.format.empty()) j["format"] = r.format;
    return j;
}

json ToJson(const StatusReport& r) {
    json obligations = json::array();
    json non_reporters = json::array();
    for (const auto& o : r.obligations) {
        const auto& e = o.enterprise;
        json item = {{"enterprise", {{"id", e.id}, {"uscc", e.uscc}, {"name", e.name}, {"region_code", e.region_code},
                                     {"industry_code", e.industry_code}, {"contact_name", e.contact_name},
                                     {"contact_phone", e.contact_phone}}},
                     {"submission", o.submission ? ToJson(*o.submission) : json(nullptr)},
                     {"reported", o.reported},
                     {"late", o.late}};
        if (!o.reported) non_reporters.push_back(item["enterprise"]);
        obligations.push_back(std::move(item));
    }
    return {{"campaign", ToJson(r.campaign)}, {"as_of", r.as_of}, {"deadline_passed", r.deadline_passed},
            {"counts", {{"in_scope", r.obligations.size()}, {"reported", r.reported}, {"approved", r.approved},
                        {"not_reported", r.not_reported}}},
            {"obligations", obligations}, {"non_reporters", non_reporters}};
}

json ToJson(const ResultTable& t) {
    auto row_json = [&](const ResultRow& r) {
        json keys = json::object();
        for (std::size_t i = 0; i < t.group_by.size() && i < r.keys.size(); ++i) {
            switch (t.group_by[i]) {
                case GroupBy::kSubstance: keys["cas"] = r.keys[i].first; keys["substance_name"] = r.keys[i].second; break;
                case GroupBy::kCounty: keys["region_code"] = r.keys[i].first; keys["region_name"] = r.keys[i].second; break;
                case GroupBy::kIndustry: keys["industry_code"] = r.keys[i].first; keys["industry_name"] = r.keys[i].second; break;
                case GroupBy::kYear: keys["year"] = std::stoi(r.keys[i].first); break;
                case GroupBy::kListEntry: keys["entry"] = r.keys[i].first; keys["entry_name"] = r.keys[i].second; break;
            }
        }
        return json{{"keys", keys},
                    {"tonnes", {{"produce", r.produce}, {"import", r.import}, {"process", r.process}, {"use", r.use},
                                {"export", r.exported}, {"emission_air", r.air}, {"emission_water", r.water},
                                {"emission_soil", r.soil}, {"waste", r.waste}}},
                    {"enterprises", r.enterprises},
                    {"lines", r.lines}};
    };
    json by = json::array();
    for (GroupBy g : t.group_by) {
        by.push_back(g == GroupBy::kSubstance  ? "substance"
                     : g == GroupBy::kCounty   ? "county"
                     : g == GroupBy::kIndustry ? "industry"
                     : g == GroupBy::kYear     ? "year"
                                               : "list_entry");
    }
    json rows = json::array();
    for (const auto& r : t.rows) rows.push_back(row_json(r));
    json total = row_json(t.total);
    total.erase("keys");
    return {{"group_by", by}, {"rows", rows}, {"total", total}, {"withheld_lines", t.withheld_lines},
            {"list_edition", t.list_edition.empty() ? json(nullptr) : json(t.list_edition)},
            {"includes_confidential", t.includes_confidential}, {"unit", "t"},
            {"provenance", "reported by enterprises; approved versions only; survey rules v" +
                               std::string(kSurveyRulesVersion)}};
}

Result<RawLine> RawLineFromJson(const json& item, long position) {
    RawLine r;
    if (!item.is_object()) {
        Error e = MakeError(ErrorCode::kInvalidArgument, "survey.line_json", "每一行须为 JSON 对象",
                            "each line must be a JSON object", "lines").value();
        e.row = position;
        return tl::unexpected(e);
    }
    for (int i = 0; i < 12; ++i) {
        if (!item.contains(kRawFields[i]) || item[kRawFields[i]].is_null()) continue;
        const json& v = item[kRawFields[i]];
        if (v.is_string()) {
            *RawField(r, i) = v.get<std::string>();
        } else if (v.is_number()) {
            *RawField(r, i) = v.is_number_float() ? sheet::FormatNumber(v.get<double>()) : v.dump();
        } else if (v.is_boolean()) {
            *RawField(r, i) = v.get<bool>() ? "是" : "否";
        } else {
            Error e = MakeError(ErrorCode::kInvalidArgument, "survey.line_json",
                                std::string("字段 ") + kRawFields[i] + " 须为文本或数字",
                                std::string("field ") + kRawFields[i] + " must be text or a number", kRawFields[i]).value();
            e.row = position;
            return tl::unexpected(e);
        }
    }
    return r;
}

}  // namespace npgov::survey
