#include "modules/lists/list_codec.hpp"

#include <cstdio>

#include "core/cas_number.hpp"

namespace npgov::lists::codec {
namespace {

tl::unexpected<Error> FieldError(const std::string& key, const std::string& zh, const std::string& en) {
    return MakeError(ErrorCode::kInvalidArgument, "lists.field", "字段 " + key + " " + zh, "field " + key + " " + en, key);
}

Result<std::optional<Date>> OptionalDate(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || j[key].is_null()) return std::optional<Date>();
    if (!j[key].is_string()) return FieldError(key, "须为日期字符串", "must be a date string");
    auto date = Date::Parse(j[key].get<std::string>());
    if (!date) {
        Error e = date.error();
        e.field = key;
        return tl::unexpected(e);
    }
    return std::optional<Date>(*date);
}

Result<double> RequiredNumber(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_number()) return FieldError(key, "须为数值", "must be a number");
    return j[key].get<double>();
}

Result<std::vector<std::string>> StringArray(const nlohmann::json& j, const char* key) {
    std::vector<std::string> out;
    if (!j.contains(key) || j[key].is_null()) return out;
    if (!j[key].is_array()) return FieldError(key, "须为字符串数组", "must be an array of strings");
    for (const auto& item : j[key]) {
        if (!item.is_string()) return FieldError(key, "须为字符串数组", "must be an array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

nlohmann::json DateOrNull(const std::optional<Date>& d) { return d ? nlohmann::json(d->ToIsoString()) : nlohmann::json(); }

}  // namespace

Result<std::string> RequiredText(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty()) {
        return FieldError(key, "须为非空字符串", "must be a non-empty string");
    }
    return j[key].get<std::string>();
}

Result<std::string> OptionalText(const nlohmann::json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || j[key].is_null()) return std::string();
    if (!j[key].is_string()) return FieldError(key, "须为字符串", "must be a string");
    return j[key].get<std::string>();
}

Result<std::vector<std::string>> ParseCasArray(const nlohmann::json& j, const char* field) {
    NPGOV_ASSIGN_OR_RETURN(auto texts, StringArray(j, field));
    std::vector<std::string> out;
    for (const auto& text : texts) {
        auto cas = CasNumber::Parse(text);
        if (!cas) {
            Error e = cas.error();
            e.field = field;
            return tl::unexpected(e);
        }
        out.push_back(cas->text());
    }
    return out;
}

Result<Measure> ParseMeasure(const nlohmann::json& j, const std::optional<Date>& default_from) {
    if (!j.is_object()) return FieldError("measures", "的元素须为对象", "items must be objects");
    Measure m;
    NPGOV_ASSIGN_OR_RETURN(m.action, RequiredText(j, "action"));
    if (m.action.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
        return FieldError("action", "只能含小写字母和下划线", "may hold only lower-case letters and underscores");
    }
    NPGOV_ASSIGN_OR_RETURN(m.action_zh, RequiredText(j, "action_zh"));
    NPGOV_ASSIGN_OR_RETURN(m.text_zh, RequiredText(j, "zh"));
    NPGOV_ASSIGN_OR_RETURN(m.text_en, RequiredText(j, "en"));
    NPGOV_ASSIGN_OR_RETURN(auto from, OptionalDate(j, "effective_from"));
    if (!from) from = default_from;
    if (!from) return FieldError("effective_from", "必须填写", "is required");
    m.effective_from = *from;
    NPGOV_ASSIGN_OR_RETURN(m.ban_from, OptionalDate(j, "ban_from"));
    NPGOV_ASSIGN_OR_RETURN(m.standard, OptionalText(j, "standard"));
    NPGOV_ASSIGN_OR_RETURN(m.exemption_end_note, OptionalText(j, "exemption_end_note"));
    NPGOV_ASSIGN_OR_RETURN(m.source, OptionalText(j, "source"));
    if (j.contains("assumed") && !j["assumed"].is_boolean()) return FieldError("assumed", "须为布尔值", "must be a boolean");
    m.assumed = j.value("assumed", false);
    if (j.contains("exempted_uses") && !j["exempted_uses"].is_null()) {
        if (!j["exempted_uses"].is_array()) return FieldError("exempted_uses", "须为数组", "must be an array");
        for (const auto& u : j["exempted_uses"]) {
            if (!u.is_object()) return FieldError("exempted_uses", "的元素须为对象", "items must be objects");
            ExemptedUse use;
            NPGOV_ASSIGN_OR_RETURN(use.use_zh, RequiredText(u, "use_zh"));
            NPGOV_ASSIGN_OR_RETURN(use.use_en, RequiredText(u, "use_en"));
            NPGOV_ASSIGN_OR_RETURN(use.end, OptionalDate(u, "exemption_end"));
            NPGOV_ASSIGN_OR_RETURN(use.excluded_products, StringArray(u, "excluded_products"));
            if (u.contains("condition_limit") && !u["condition_limit"].is_null()) {
                const auto& c = u["condition_limit"];
                ConditionLimit limit;
                NPGOV_ASSIGN_OR_RETURN(limit.max_value, RequiredNumber(c, "max_value"));
                NPGOV_ASSIGN_OR_RETURN(limit.unit, RequiredText(c, "unit"));
                NPGOV_ASSIGN_OR_RETURN(limit.comparison, RequiredText(c, "comparison"));
                use.condition_limit = limit;
            }
            m.exempted_uses.push_back(std::move(use));
        }
    }
    if (j.contains("limits") && !j["limits"].is_null()) {
        if (!j["limits"].is_array()) return FieldError("limits", "须为数组", "must be an array");
        for (const auto& l : j["limits"]) {
            ContentLimit limit;
            NPGOV_ASSIGN_OR_RETURN(limit.product, RequiredText(l, "product"));
            NPGOV_ASSIGN_OR_RETURN(limit.analyte, RequiredText(l, "analyte"));
            NPGOV_ASSIGN_OR_RETURN(limit.max_value, RequiredNumber(l, "max_value"));
            NPGOV_ASSIGN_OR_RETURN(limit.unit, RequiredText(l, "unit"));
            m.limits.push_back(std::move(limit));
        }
    }
    return m;
}

nlohmann::json ToFileJson(const Measure& m) {
    nlohmann::json uses = nlohmann::json::array();
    for (const auto& u : m.exempted_uses) {
        nlohmann::json use = {{"use_zh", u.use_zh}, {"use_en", u.use_en}, {"exemption_end", DateOrNull(u.end)}};
        if (!u.excluded_products.empty()) use["excluded_products"] = u.excluded_products;
        if (u.condition_limit) {
            use["condition_limit"] = {{"max_value", u.condition_limit->max_value},
                                      {"unit", u.condition_limit->unit},
                                      {"comparison", u.condition_limit->comparison}};
        }
        uses.push_back(std::move(use));
    }
    nlohmann::json limits = nlohmann::json::array();
    for (const auto& l : m.limits) {
        limits.push_back({{"product", l.product}, {"analyte", l.analyte}, {"max_value", l.max_value}, {"unit", l.unit}});
    }
    return {{"action", m.action},
            {"action_zh", m.action_zh},
            {"zh", m.text_zh},
            {"en", m.text_en},
            {"effective_from", m.effective_from.ToIsoString()},
            {"ban_from", DateOrNull(m.ban_from)},
            {"standard", m.standard},
            {"exempted_uses", uses},
            {"exemption_end_note", m.exemption_end_note},
            {"limits", limits},
            {"source", m.source},
            {"assumed", m.assumed}};
}

Result<EntryMember> ParseMember(const nlohmann::json& j) {
    if (!j.is_object()) return FieldError("substances", "的元素须为对象", "items must be objects");
    EntryMember m;
    NPGOV_ASSIGN_OR_RETURN(m.id, RequiredText(j, "sub_id"));
    NPGOV_ASSIGN_OR_RETURN(m.name_zh, RequiredText(j, "name_zh"));
    NPGOV_ASSIGN_OR_RETURN(m.name_en, RequiredText(j, "name_en"));
    NPGOV_ASSIGN_OR_RETURN(m.cas_numbers, ParseCasArray(j, "cas_numbers"));
    return m;
}

nlohmann::json ToFileJson(const EntryMember& m) {
    return {{"sub_id", m.id}, {"name_zh", m.name_zh}, {"name_en", m.name_en}, {"cas_numbers", m.cas_numbers}};
}

nlohmann::json ToCanonicalJson(const Edition& edition) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : edition.entries) {
        nlohmann::json measures = nlohmann::json::array();
        for (const auto& m : e.measures) measures.push_back(ToFileJson(m));
        nlohmann::json members = nlohmann::json::array();
        for (const auto& m : e.members) members.push_back(ToFileJson(m));
        auto attributes = nlohmann::json::parse(e.attributes_json, nullptr, false);
        entries.push_back({{"key", e.key}, {"name_zh", e.name_zh}, {"name_en", e.name_en},
                           {"abbreviation", e.abbreviation}, {"category", e.category},
                           {"category_zh", e.category_zh}, {"cas_numbers", e.cas_numbers},
                           {"structure_classes", e.structure_classes}, {"members", members},
                           {"measures", measures}, {"measures_status", e.measures_status}, {"notes", e.notes},
                           {"confidence", e.confidence},
                           {"attributes", attributes.is_discarded() ? nlohmann::json(e.attributes_json) : attributes}});
    }
    return {{"list_id", edition.list_id}, {"list_name_zh", edition.list_name_zh},
            {"list_name_en", edition.list_name_en}, {"edition", edition.edition},
            {"effective_date", edition.effective_date.ToIsoString()}, {"legal_basis", edition.legal_basis},
            {"source", edition.source}, {"source_url", edition.source_url}, {"notes", edition.notes},
            {"entries", entries}};
}

}  // namespace npgov::lists::codec

namespace npgov::lists {

std::string ComputeContentHash(const Edition& edition) {
    const std::string text = codec::ToCanonicalJson(edition).dump();
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64 (Fowler, Noll, Vo)
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

}  // namespace npgov::lists
