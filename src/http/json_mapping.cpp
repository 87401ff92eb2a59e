#include "http/json_mapping.hpp"

#include "json/error_json.hpp"

namespace npgov::http {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// Audit documents are stored as JSON text; render them as JSON, or as text if unparsable.
nlohmann::json Document(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(*text) : parsed;
}

}  // namespace

nlohmann::json ToJson(const Error& error) { return {{"error", ErrorJson(error)}}; }

nlohmann::json ToJson(const auth::User& u) {
    return {{"id", u.id},
            {"username", u.username},
            {"display_name", u.display_name},
            {"role", auth::ToString(u.role)},
            {"department_code", OrNull(u.department_code)},
            {"region_code", OrNull(u.region_code)},
            {"enterprise_id", OrNull(u.enterprise_id)},
            {"disabled", u.disabled},
            {"created_at", u.created_at}};
}

nlohmann::json ToJson(const audit::Entry& e) {
    return {{"seq", e.seq},
            {"at", e.at},
            {"actor", e.change.actor},
            {"action", e.change.action},
            {"entity", e.change.entity},
            {"entity_id", e.change.entity_id},
            {"before", Document(e.change.before_json)},
            {"after", Document(e.change.after_json)},
            {"prev_hash", e.prev_hash},
            {"hash", e.hash}};
}

nlohmann::json ToJson(const audit::VerifyReport& r) {
    nlohmann::json j = {{"ok", r.ok}, {"checked", r.checked}};
    if (r.first_broken_seq) {
        j["first_broken_seq"] = *r.first_broken_seq;
        j["reason"] = r.reason;
    }
    return j;
}

nlohmann::json ToJson(const reference::Department& d) {
    return {{"code", d.code}, {"name_zh", d.name_zh}, {"name_en", d.name_en},
            {"plan_sections", d.plan_sections}, {"source", d.source}};
}

nlohmann::json ToJson(const reference::Region& r) {
    return {{"code", r.code}, {"name_zh", r.name_zh}, {"name_en", r.name_en},
            {"level", reference::ToString(r.level)}, {"parent", OrNull(r.parent)}, {"source", r.source}};
}

nlohmann::json ToJson(const reference::Industry& i) {
    return {{"code", i.code}, {"name_zh", i.name_zh}, {"name_en", i.name_en},
            {"plan_focus", i.plan_focus}, {"source", i.source}};
}

nlohmann::json ToJson(const dashboard::Summary& s) {
    auto counts = [](const std::vector<dashboard::NamedCount>& list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& c : list) {
            out.push_back({{"code", c.code}, {"name_zh", c.name_zh}, {"name_en", c.name_en}, {"count", c.count}});
        }
        return out;
    };
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& c : s.users_by_role) roles.push_back({{"role", auth::ToString(c.role)}, {"count", c.count}});
    return {{"enterprises", s.enterprises},
            {"users", s.users},
            {"departments", s.departments},
            {"audit_entries", s.audit_entries},
            {"enterprises_by_region", counts(s.enterprises_by_region)},
            {"enterprises_by_industry", counts(s.enterprises_by_industry)},
            {"users_by_role", roles}};
}

nlohmann::json ToJson(const enterprise::Enterprise& e, const std::vector<reference::Region>& regions,
                      const std::vector<reference::Industry>& industries) {
    nlohmann::json j = {{"id", e.id},
                        {"uscc", e.uscc},
                        {"name", e.name},
                        {"region_code", e.region_code},
                        {"region_name_zh", ""},
                        {"region_name_en", ""},
                        {"industry_code", e.industry_code},
                        {"industry_name_zh", ""},
                        {"industry_name_en", ""},
                        {"address", e.address},
                        {"latitude", OrNull(e.latitude)},
                        {"longitude", OrNull(e.longitude)},
                        {"synthetic", e.synthetic},
                        {"created_at", e.created_at},
                        {"park", e.park},
                        {"contact_name", e.contact_name},
                        {"contact_phone", e.contact_phone},
                        {"flags", {{"on_roster", e.flags.on_roster},
                                   {"key_discharge_unit", e.flags.key_discharge_unit},
                                   {"soil_key_supervision", e.flags.soil_key_supervision},
                                   {"mandatory_clean_production_audit", e.flags.mandatory_clean_production_audit}}}};
    for (const auto& r : regions) {
        if (r.code == e.region_code) {
            j["region_name_zh"] = r.name_zh;
            j["region_name_en"] = r.name_en;
        }
    }
    for (const auto& i : industries) {
        if (i.code == e.industry_code) {
            j["industry_name_zh"] = i.name_zh;
            j["industry_name_en"] = i.name_en;
        }
    }
    return j;
}

}  // namespace npgov::http
