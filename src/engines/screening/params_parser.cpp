// Parsing of data/screening/screening_params.json into ScreeningParams. Strict on purpose: an
// unknown key is an error, so that a misspelt threshold ("bcf_gte") cannot silently fall back
// to a default; every criterion must cite a source or state its convention.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <set>
#include <string>

#include "core/text.hpp"
#include "engines/screening/params.hpp"

namespace npgov::screening {
namespace {

using json = nlohmann::json;

constexpr const char* kSchema = "screening.params.schema";
constexpr const char* kThreshold = "screening.params.threshold";

tl::unexpected<Error> Fail(const std::string& path, const std::string& en, const std::string& zh,
                           const std::string& reason = kSchema) {
    return MakeError(ErrorCode::kInvalidArgument, reason, "筛查参数文件：" + zh + "（" + path + "）",
                     "screening parameters: " + en + " (" + path + ")", path);
}

std::string At(const std::string& path, const std::string& key) { return path + "." + key; }
std::string At(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

Status Keys(const json& object, const std::string& path, std::initializer_list<const char*> keys) {
    if (!object.is_object()) return Fail(path, "must be a JSON object", "须为 JSON 对象");
    const std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto& item : object.items()) {
        if (allowed.count(item.key()) == 0) {
            return Fail(At(path, item.key()), "unknown field \"" + item.key() + "\"",
                        "未知字段“" + item.key() + "”");
        }
    }
    return Ok();
}

Result<const json*> Member(const json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return Fail(At(path, key), "missing required field", "缺少必填字段");
    return &object.at(key);
}

Result<std::string> Str(const json& object, const std::string& path, const char* key,
                        bool required = true) {
    if (!object.contains(key)) {
        if (!required) return std::string();
        return Fail(At(path, key), "missing required field", "缺少必填字段");
    }
    const json& value = object.at(key);
    if (!value.is_string() || value.get<std::string>().empty()) {
        return Fail(At(path, key), "must be a non-empty string", "须为非空字符串");
    }
    return value.get<std::string>();
}

Result<double> Num(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, path, key));
    if (!value->is_number()) return Fail(At(path, key), "must be a number", "须为数值");
    const double number = value->get<double>();
    if (!std::isfinite(number)) return Fail(At(path, key), "must be finite", "须为有限数值", kThreshold);
    return number;
}

Result<double> Positive(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(double number, Num(object, path, key));
    if (!(number > 0)) return Fail(At(path, key), "must be greater than 0", "须大于 0", kThreshold);
    return number;
}

Result<double> Score(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(double number, Num(object, path, key));
    if (number < 0 || number > 1) {
        return Fail(At(path, key), "must be within [0, 1]", "须在 [0, 1] 之内", kThreshold);
    }
    return number;
}

Result<std::vector<std::string>> StrArray(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(const json* value, Member(object, path, key));
    if (!value->is_array() || value->empty()) {
        return Fail(At(path, key), "must be a non-empty array", "须为非空数组");
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const json& item = (*value)[i];
        if (!item.is_string() || item.get<std::string>().empty()) {
            return Fail(At(At(path, key), i), "must be a non-empty string", "须为非空字符串");
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

// Reads zh/en (or the given keys), "sources" and "convention": at least one of the last two.
class TextReader {
 public:
    explicit TextReader(const std::map<std::string, SourceRef>& sources) : sources_(sources) {}

    Result<std::vector<std::string>> Sources(const json& object, const std::string& path,
                                             const char* key = "sources") const {
        NPGOV_ASSIGN_OR_RETURN(auto ids, StrArray(object, path, key));
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (sources_.count(ids[i]) == 0) {
                return Fail(At(At(path, key), i), "unknown source \"" + ids[i] + "\"",
                            "未知来源“" + ids[i] + "”", "screening.params.source");
            }
        }
        return ids;
    }

    Result<CriterionText> Read(const json& object, const std::string& path, std::string id,
                               const char* zh_key = "zh", const char* en_key = "en") const {
        CriterionText text;
        text.id = std::move(id);
        NPGOV_ASSIGN_OR_RETURN(text.zh, Str(object, path, zh_key));
        NPGOV_ASSIGN_OR_RETURN(text.en, Str(object, path, en_key));
        if (object.contains("sources")) {
            NPGOV_ASSIGN_OR_RETURN(text.sources, Sources(object, path));
        }
        NPGOV_ASSIGN_OR_RETURN(text.convention, Str(object, path, "convention", false));
        if (text.sources.empty() && text.convention.empty()) {
            return Fail(path, "needs \"sources\" or a \"convention\" with its reasoning",
                        "须给出来源（sources）或约定说明（convention）");
        }
        return text;
    }

 private:
    const std::map<std::string, SourceRef>& sources_;
};

Result<Medium> ParseMedium(const std::string& text, const std::string& path) {
    for (Medium m : {Medium::kMarineWater, Medium::kFreshWater, Medium::kMarineSediment,
                     Medium::kFreshSediment, Medium::kSoil}) {
        if (text == ToString(m)) return m;
    }
    return Fail(path, "unknown medium \"" + text + "\"", "未知介质“" + text + "”");
}

template <typename Category>
Result<std::vector<Category>> Categories(const json& object, const std::string& path, const char* key,
                                         std::initializer_list<Category> allowed) {
    NPGOV_ASSIGN_OR_RETURN(auto names, StrArray(object, path, key));
    std::vector<Category> out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        bool found = false;
        for (Category c : allowed) {
            if (names[i] == ToString(c)) {
                out.push_back(c);
                found = true;
            }
        }
        if (!found) {
            return Fail(At(At(path, key), i), "unknown category \"" + names[i] + "\"",
                        "未知类别“" + names[i] + "”");
        }
    }
    return out;
}

Result<std::vector<HalfLifeCriterion>> HalfLives(const json& object, const std::string& path,
                                                  const std::string& property, const TextReader& texts) {
    NPGOV_RETURN_IF_ERROR(Keys(object, path, {"any_of", "sources"}));
    NPGOV_ASSIGN_OR_RETURN(auto sources, texts.Sources(object, path));
    NPGOV_ASSIGN_OR_RETURN(const json* list, Member(object, path, "any_of"));
    if (!list->is_array() || list->empty()) {
        return Fail(At(path, "any_of"), "must be a non-empty array", "须为非空数组");
    }
    std::vector<HalfLifeCriterion> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string item_path = At(At(path, "any_of"), i);
        const json& item = (*list)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, item_path, {"medium", "half_life_days_gt", "zh", "en"}));
        HalfLifeCriterion criterion;
        NPGOV_ASSIGN_OR_RETURN(std::string medium, Str(item, item_path, "medium"));
        NPGOV_ASSIGN_OR_RETURN(criterion.medium, ParseMedium(medium, At(item_path, "medium")));
        NPGOV_ASSIGN_OR_RETURN(criterion.days_gt, Positive(item, item_path, "half_life_days_gt"));
        for (const auto& other : out) {
            if (other.medium == criterion.medium) {
                return Fail(At(item_path, "medium"), "medium \"" + medium + "\" given twice",
                            "介质“" + medium + "”重复", "screening.params.duplicate");
            }
        }
        criterion.text.id = property + "." + medium;
        NPGOV_ASSIGN_OR_RETURN(criterion.text.zh, Str(item, item_path, "zh"));
        NPGOV_ASSIGN_OR_RETURN(criterion.text.en, Str(item, item_path, "en"));
        criterion.text.sources = sources;
        out.push_back(std::move(criterion));
    }
    return out;
}

Result<std::vector<Band>> Bands(const json& object, const std::string& path, const char* key) {
    NPGOV_ASSIGN_OR_RETURN(const json* list, Member(object, path, key));
    const std::string list_path = At(path, key);
    if (!list->is_array() || list->empty()) {
        return Fail(list_path, "must be a non-empty array", "须为非空数组", "screening.params.bands");
    }
    std::vector<Band> bands;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string item_path = At(list_path, i);
        NPGOV_RETURN_IF_ERROR(Keys((*list)[i], item_path, {"min", "score"}));
        Band band;
        NPGOV_ASSIGN_OR_RETURN(band.min, Num((*list)[i], item_path, "min"));
        NPGOV_ASSIGN_OR_RETURN(band.score, Num((*list)[i], item_path, "score"));
        if (band.score < 0 || band.score > 1) {
            return Fail(At(item_path, "score"), "score must be within [0, 1]", "分值须在 [0, 1] 之内",
                        "screening.params.bands");
        }
        if (i == 0 && band.min != 0) {
            return Fail(At(item_path, "min"), "the first band must start at 0", "第一档下限须为 0",
                        "screening.params.bands");
        }
        if (i > 0 && !(band.min > bands.back().min)) {
            return Fail(At(item_path, "min"), "band minimums must increase", "各档下限须递增",
                        "screening.params.bands");
        }
        bands.push_back(band);
    }
    return bands;
}

Result<HazardCondition> ParseCondition(const std::string& text, const std::string& path) {
    for (HazardCondition c : {HazardCondition::kPbt, HazardCondition::kVpvb, HazardCondition::kPop,
                              HazardCondition::kSuspectedPbt, HazardCondition::kSuspectedVpvb,
                              HazardCondition::kCmr, HazardCondition::kEdKnown, HazardCondition::kEdSuspected,
                              HazardCondition::kTwoOfPbt, HazardCondition::kT, HazardCondition::kP,
                              HazardCondition::kB, HazardCondition::kSuspectedProperty}) {
        if (text == ToString(c)) return c;
    }
    return Fail(path, "unknown condition \"" + text + "\"", "未知条件“" + text + "”");
}

Result<Weights> ParseWeights(const json& object, const std::string& path, bool must_sum_to_one) {
    Weights w;
    const char* reason = must_sum_to_one ? "screening.params.weights" : kThreshold;
    struct Field { const char* key; double* value; };
    for (Field f : {Field{"hazard", &w.hazard}, Field{"volume", &w.volume}, Field{"detection", &w.detection},
                    Field{"dispersive_use", &w.dispersive_use}}) {
        NPGOV_ASSIGN_OR_RETURN(*f.value, Num(object, path, f.key));
        if (*f.value < 0 || *f.value > 1) {
            return Fail(At(path, f.key), "must be within [0, 1]", "须在 [0, 1] 之内", reason);
        }
    }
    if (must_sum_to_one &&
        std::fabs(w.hazard + w.volume + w.detection + w.dispersive_use - 1.0) > 1e-9) {
        return Fail(path, "weights must sum to 1", "权重之和须为 1", reason);
    }
    return w;
}

Result<ActionCategory> ParseAction(const std::string& text, const std::string& path) {
    for (int i = 1; i <= 6; ++i) {
        const auto category = static_cast<ActionCategory>(i);
        if (text == ToString(category)) return category;
    }
    return Fail(path, "unknown action category \"" + text + "\"", "未知行动类别“" + text + "”");
}

Status ParsePbt(const json& root, const TextReader& texts, PbtCriteria& pbt) {
    const std::string path = "$.pbt_criteria";
    NPGOV_ASSIGN_OR_RETURN(const json* object, Member(root, "$", "pbt_criteria"));
    NPGOV_RETURN_IF_ERROR(Keys(*object, path, {"basis", "P", "vP", "B", "vB", "T"}));
    NPGOV_RETURN_IF_ERROR(Str(*object, path, "basis"));
    NPGOV_ASSIGN_OR_RETURN(const json* p, Member(*object, path, "P"));
    NPGOV_ASSIGN_OR_RETURN(pbt.p, HalfLives(*p, At(path, "P"), "P", texts));
    NPGOV_ASSIGN_OR_RETURN(const json* vp, Member(*object, path, "vP"));
    NPGOV_ASSIGN_OR_RETURN(pbt.vp, HalfLives(*vp, At(path, "vP"), "vP", texts));
    for (const auto& v : pbt.vp) {
        for (const auto& q : pbt.p) {
            if (q.medium == v.medium && v.days_gt < q.days_gt) {
                return Fail(At(path, "vP"), "vP threshold below the P threshold for " + std::string(ToString(v.medium)),
                            "vP 阈值低于同一介质的 P 阈值", kThreshold);
            }
        }
    }
    NPGOV_ASSIGN_OR_RETURN(const json* b, Member(*object, path, "B"));
    NPGOV_RETURN_IF_ERROR(Keys(*b, At(path, "B"), {"bcf_gt", "zh", "en", "sources"}));
    NPGOV_ASSIGN_OR_RETURN(pbt.b_bcf_gt, Positive(*b, At(path, "B"), "bcf_gt"));
    NPGOV_ASSIGN_OR_RETURN(pbt.b_text, texts.Read(*b, At(path, "B"), "B"));
    NPGOV_ASSIGN_OR_RETURN(const json* vb, Member(*object, path, "vB"));
    NPGOV_RETURN_IF_ERROR(Keys(*vb, At(path, "vB"), {"bcf_gt", "zh", "en", "sources"}));
    NPGOV_ASSIGN_OR_RETURN(pbt.vb_bcf_gt, Positive(*vb, At(path, "vB"), "bcf_gt"));
    NPGOV_ASSIGN_OR_RETURN(pbt.vb_text, texts.Read(*vb, At(path, "vB"), "vB"));
    if (!(pbt.vb_bcf_gt > pbt.b_bcf_gt)) {
        return Fail(At(At(path, "vB"), "bcf_gt"), "vB threshold must exceed the B threshold",
                    "vB 阈值须大于 B 阈值", kThreshold);
    }
    const std::string t_path = At(path, "T");
    NPGOV_ASSIGN_OR_RETURN(const json* t, Member(*object, path, "T"));
    NPGOV_RETURN_IF_ERROR(Keys(*t, t_path, {"noec", "cmr", "stot_re", "confidence_reason"}));
    NPGOV_RETURN_IF_ERROR(Str(*t, t_path, "confidence_reason", false));
    NPGOV_ASSIGN_OR_RETURN(const json* noec, Member(*t, t_path, "noec"));
    NPGOV_RETURN_IF_ERROR(Keys(*noec, At(t_path, "noec"), {"noec_mg_per_L_lt", "zh", "en", "sources"}));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_noec_lt, Positive(*noec, At(t_path, "noec"), "noec_mg_per_L_lt"));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_noec_text, texts.Read(*noec, At(t_path, "noec"), "T.noec"));
    const std::string cmr_path = At(t_path, "cmr");
    NPGOV_ASSIGN_OR_RETURN(const json* cmr, Member(*t, t_path, "cmr"));
    NPGOV_RETURN_IF_ERROR(Keys(*cmr, cmr_path, {"carcinogenicity", "mutagenicity", "reproductive", "zh", "en", "sources"}));
    const auto cmr_set = {CmrCategory::k1A, CmrCategory::k1B, CmrCategory::k2};
    NPGOV_ASSIGN_OR_RETURN(pbt.t_carcinogenicity, Categories(*cmr, cmr_path, "carcinogenicity", cmr_set));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_mutagenicity, Categories(*cmr, cmr_path, "mutagenicity", cmr_set));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_reproductive, Categories(*cmr, cmr_path, "reproductive", cmr_set));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_cmr_text, texts.Read(*cmr, cmr_path, "T.cmr"));
    const std::string stot_path = At(t_path, "stot_re");
    NPGOV_ASSIGN_OR_RETURN(const json* stot, Member(*t, t_path, "stot_re"));
    NPGOV_RETURN_IF_ERROR(Keys(*stot, stot_path, {"categories", "zh", "en", "sources"}));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_stot_re, Categories(*stot, stot_path, "categories",
                                                     {StotReCategory::k1, StotReCategory::k2}));
    NPGOV_ASSIGN_OR_RETURN(pbt.t_stot_text, texts.Read(*stot, stot_path, "T.stot_re"));
    return Ok();
}

Status ParseScreening(const json& root, const TextReader& texts, ScreeningCriteria& sc) {
    const std::string path = "$.screening_criteria";
    NPGOV_ASSIGN_OR_RETURN(const json* object, Member(root, "$", "screening_criteria"));
    NPGOV_RETURN_IF_ERROR(Keys(*object, path, {"ready_biodegradability", "not_readily_biodegradable",
                                               "log_kow", "acute_toxicity", "estimates"}));
    struct Entry { const char* key; const char* number; CriterionText* text; double* value; };
    for (Entry e : {Entry{"ready_biodegradability", nullptr, &sc.ready_text, nullptr},
                    Entry{"not_readily_biodegradable", nullptr, &sc.not_ready_text, nullptr},
                    Entry{"log_kow", "potentially_b_gt", &sc.log_kow_text, &sc.log_kow_potentially_b_gt},
                    Entry{"acute_toxicity", "potentially_t_lt_mg_per_L", &sc.acute_text, &sc.acute_potentially_t_lt},
                    Entry{"estimates", nullptr, &sc.estimate_text, nullptr}}) {
        const std::string entry_path = At(path, e.key);
        NPGOV_ASSIGN_OR_RETURN(const json* entry, Member(*object, path, e.key));
        if (e.number != nullptr) {
            NPGOV_RETURN_IF_ERROR(Keys(*entry, entry_path, {e.number, "zh", "en", "sources", "convention"}));
            if (e.value == &sc.acute_potentially_t_lt) {
                NPGOV_ASSIGN_OR_RETURN(*e.value, Positive(*entry, entry_path, e.number));
            } else {
                NPGOV_ASSIGN_OR_RETURN(*e.value, Num(*entry, entry_path, e.number));
            }
        } else {
            NPGOV_RETURN_IF_ERROR(Keys(*entry, entry_path, {"zh", "en", "sources", "convention"}));
        }
        NPGOV_ASSIGN_OR_RETURN(*e.text, texts.Read(*entry, entry_path, std::string("screening.") + e.key));
    }
    return Ok();
}

Status ParseStockholm(const json& root, const TextReader& texts, StockholmCriteria& st) {
    const std::string path = "$.stockholm_annex_d";
    NPGOV_ASSIGN_OR_RETURN(const json* object, Member(root, "$", "stockholm_annex_d"));
    NPGOV_RETURN_IF_ERROR(Keys(*object, path, {"water_half_life_days_gt", "sediment_half_life_days_gt",
                                               "soil_half_life_days_gt", "bcf_gt", "log_kow_gt", "p_zh",
                                               "p_en", "b_zh", "b_en", "sources", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(st.water_days_gt, Positive(*object, path, "water_half_life_days_gt"));
    NPGOV_ASSIGN_OR_RETURN(st.sediment_days_gt, Positive(*object, path, "sediment_half_life_days_gt"));
    NPGOV_ASSIGN_OR_RETURN(st.soil_days_gt, Positive(*object, path, "soil_half_life_days_gt"));
    NPGOV_ASSIGN_OR_RETURN(st.bcf_gt, Positive(*object, path, "bcf_gt"));
    NPGOV_ASSIGN_OR_RETURN(st.log_kow_gt, Num(*object, path, "log_kow_gt"));
    NPGOV_ASSIGN_OR_RETURN(st.p_text, texts.Read(*object, path, "stockholm.P", "p_zh", "p_en"));
    NPGOV_ASSIGN_OR_RETURN(st.b_text, texts.Read(*object, path, "stockholm.B", "b_zh", "b_en"));
    return Ok();
}

Status ParseRules(const json& root, const TextReader& texts, ScreeningParams& params) {
    NPGOV_ASSIGN_OR_RETURN(const json* rules, Member(root, "$", "hazard_rules"));
    if (!rules->is_array() || rules->empty()) return Fail("$.hazard_rules", "must be a non-empty array", "须为非空数组");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const std::string path = At(std::string("$.hazard_rules"), i);
        const json& item = (*rules)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, path, {"id", "when", "score", "basis", "zh", "en", "sources", "convention"}));
        HazardRule rule;
        NPGOV_ASSIGN_OR_RETURN(rule.id, Str(item, path, "id"));
        if (!ids.insert(rule.id).second) {
            return Fail(At(path, "id"), "rule id \"" + rule.id + "\" given twice", "规则编号“" + rule.id + "”重复",
                        "screening.params.duplicate");
        }
        NPGOV_ASSIGN_OR_RETURN(std::string when, Str(item, path, "when"));
        NPGOV_ASSIGN_OR_RETURN(rule.when, ParseCondition(when, At(path, "when")));
        NPGOV_ASSIGN_OR_RETURN(rule.score, Score(item, path, "score"));
        NPGOV_ASSIGN_OR_RETURN(std::string basis, Str(item, path, "basis"));
        if (basis == "established") {
            rule.basis = RuleBasis::kEstablished;
        } else if (basis == "suspected") {
            rule.basis = RuleBasis::kSuspected;
        } else {
            return Fail(At(path, "basis"), "basis must be \"established\" or \"suspected\"",
                        "basis 须为 established 或 suspected");
        }
        NPGOV_ASSIGN_OR_RETURN(rule.text, texts.Read(item, path, "rule." + rule.id));
        params.hazard_rules.push_back(std::move(rule));
    }
    NPGOV_ASSIGN_OR_RETURN(const json* lists, Member(root, "$", "list_scores"));
    if (!lists->is_array()) return Fail("$.list_scores", "must be an array", "须为数组");
    std::set<std::string> list_ids;
    for (std::size_t i = 0; i < lists->size(); ++i) {
        const std::string path = At(std::string("$.list_scores"), i);
        const json& item = (*lists)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, path, {"list", "score", "pop", "zh", "en", "sources", "convention"}));
        ListScore list;
        NPGOV_ASSIGN_OR_RETURN(list.list_id, Str(item, path, "list"));
        if (!list_ids.insert(list.list_id).second) {
            return Fail(At(path, "list"), "list \"" + list.list_id + "\" given twice", "清单“" + list.list_id + "”重复",
                        "screening.params.duplicate");
        }
        NPGOV_ASSIGN_OR_RETURN(list.score, Score(item, path, "score"));
        if (item.contains("pop")) {
            if (!item.at("pop").is_boolean()) return Fail(At(path, "pop"), "must be true or false", "须为 true 或 false");
            list.pop = item.at("pop").get<bool>();
        }
        NPGOV_ASSIGN_OR_RETURN(list.text, texts.Read(item, path, "list." + list.list_id));
        params.list_scores.push_back(std::move(list));
    }
    const std::string concern_path = "$.concern";
    NPGOV_ASSIGN_OR_RETURN(const json* concern, Member(root, "$", "concern"));
    NPGOV_RETURN_IF_ERROR(Keys(*concern, concern_path, {"high_min", "moderate_min", "convention"}));
    NPGOV_RETURN_IF_ERROR(Str(*concern, concern_path, "convention"));
    NPGOV_ASSIGN_OR_RETURN(params.concern_high_min, Score(*concern, concern_path, "high_min"));
    NPGOV_ASSIGN_OR_RETURN(params.concern_moderate_min, Score(*concern, concern_path, "moderate_min"));
    if (!(params.concern_moderate_min > 0 && params.concern_moderate_min < params.concern_high_min)) {
        return Fail(concern_path, "need 0 < moderate_min < high_min", "须满足 0 < moderate_min < high_min", kThreshold);
    }
    return Ok();
}

Status ParseExposure(const json& root, const TextReader& texts, ScreeningParams& params) {
    NPGOV_ASSIGN_OR_RETURN(const json* volume, Member(root, "$", "volume"));
    NPGOV_RETURN_IF_ERROR(Keys(*volume, "$.volume", {"bands_t_per_year", "zh", "en", "sources", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(params.volume_bands, Bands(*volume, "$.volume", "bands_t_per_year"));
    NPGOV_ASSIGN_OR_RETURN(params.volume_text, texts.Read(*volume, "$.volume", "band.volume"));

    const std::string dpath = "$.detection";
    NPGOV_ASSIGN_OR_RETURN(const json* detection, Member(root, "$", "detection"));
    NPGOV_RETURN_IF_ERROR(Keys(*detection, dpath, {"min_samples", "frequency_bands", "ratio_bands", "zh", "en",
                                                   "sources", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(const json* min_samples, Member(*detection, dpath, "min_samples"));
    if (!min_samples->is_number_integer() || min_samples->get<long>() < 1) {
        return Fail(At(dpath, "min_samples"), "must be an integer ≥ 1", "须为不小于 1 的整数", kThreshold);
    }
    params.min_samples = min_samples->get<long>();
    NPGOV_ASSIGN_OR_RETURN(params.frequency_bands, Bands(*detection, dpath, "frequency_bands"));
    if (params.frequency_bands.back().min > 1) {
        return Fail(At(dpath, "frequency_bands"), "frequencies are within [0, 1]", "检出率在 [0, 1] 之内",
                    "screening.params.bands");
    }
    NPGOV_ASSIGN_OR_RETURN(params.ratio_bands, Bands(*detection, dpath, "ratio_bands"));
    NPGOV_ASSIGN_OR_RETURN(params.detection_text, texts.Read(*detection, dpath, "band.detection"));

    // Dispersiveness levels, then the vocabulary that names them.
    NPGOV_ASSIGN_OR_RETURN(const json* levels, Member(root, "$", "dispersiveness_levels"));
    if (!levels->is_array() || levels->empty()) {
        return Fail("$.dispersiveness_levels", "must be a non-empty array", "须为非空数组");
    }
    struct Level { double score; std::string release; };
    std::map<std::string, Level> level_map;
    for (std::size_t i = 0; i < levels->size(); ++i) {
        const std::string path = At(std::string("$.dispersiveness_levels"), i);
        const json& item = (*levels)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, path, {"id", "score", "zh", "en", "release_categories"}));
        NPGOV_ASSIGN_OR_RETURN(std::string id, Str(item, path, "id"));
        NPGOV_RETURN_IF_ERROR(Str(item, path, "zh"));
        NPGOV_RETURN_IF_ERROR(Str(item, path, "en"));
        Level level;
        NPGOV_ASSIGN_OR_RETURN(level.score, Score(item, path, "score"));
        NPGOV_ASSIGN_OR_RETURN(level.release, Str(item, path, "release_categories"));
        if (!level_map.emplace(id, level).second) {
            return Fail(At(path, "id"), "level \"" + id + "\" given twice", "级别“" + id + "”重复",
                        "screening.params.duplicate");
        }
    }
    params.dispersiveness_text.id = "use.dispersiveness";
    params.dispersiveness_text.zh = "用途分散性";
    params.dispersiveness_text.en = "dispersiveness of use";
    NPGOV_ASSIGN_OR_RETURN(params.dispersiveness_text.sources,
                           texts.Sources(root, "$", "dispersiveness_sources"));
    NPGOV_ASSIGN_OR_RETURN(params.dispersiveness_text.convention, Str(root, "$", "dispersiveness_convention"));

    NPGOV_ASSIGN_OR_RETURN(const json* uses, Member(root, "$", "use_categories"));
    if (!uses->is_array() || uses->empty()) return Fail("$.use_categories", "must be a non-empty array", "须为非空数组");
    for (std::size_t i = 0; i < uses->size(); ++i) {
        const std::string path = At(std::string("$.use_categories"), i);
        const json& item = (*uses)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, path, {"id", "zh", "en", "level", "aliases"}));
        UseCategory use;
        NPGOV_ASSIGN_OR_RETURN(use.id, Str(item, path, "id"));
        NPGOV_ASSIGN_OR_RETURN(use.name_zh, Str(item, path, "zh"));
        NPGOV_ASSIGN_OR_RETURN(use.name_en, Str(item, path, "en"));
        NPGOV_ASSIGN_OR_RETURN(use.dispersiveness, Str(item, path, "level"));
        const auto level = level_map.find(use.dispersiveness);
        if (level == level_map.end()) {
            return Fail(At(path, "level"), "unknown dispersiveness level \"" + use.dispersiveness + "\"",
                        "未知分散性级别“" + use.dispersiveness + "”");
        }
        use.score = level->second.score;
        use.release_categories = level->second.release;
        NPGOV_ASSIGN_OR_RETURN(auto aliases, StrArray(item, path, "aliases"));
        aliases.push_back(use.name_zh);
        aliases.push_back(use.name_en);
        for (const auto& alias : aliases) {
            const std::string key = NormalizeUseTerm(alias);
            if (std::find(use.aliases.begin(), use.aliases.end(), key) != use.aliases.end()) continue;
            const auto [it, inserted] = params.use_lookup.emplace(key, params.use_categories.size());
            if (!inserted && it->second != params.use_categories.size()) {
                return Fail(At(path, "aliases"), "term \"" + alias + "\" already belongs to \"" +
                                                     params.use_categories[it->second].id + "\"",
                            "用途词“" + alias + "”已属于“" + params.use_categories[it->second].id + "”",
                            "screening.params.duplicate");
            }
            use.aliases.push_back(key);
        }
        for (const auto& other : params.use_categories) {
            if (other.id == use.id) {
                return Fail(At(path, "id"), "use category \"" + use.id + "\" given twice",
                            "用途类别“" + use.id + "”重复", "screening.params.duplicate");
            }
        }
        params.use_categories.push_back(std::move(use));
    }
    return Ok();
}

Status ParseWeighting(const json& root, const TextReader& texts, ScreeningParams& params) {
    NPGOV_ASSIGN_OR_RETURN(const json* weights, Member(root, "$", "weights"));
    NPGOV_RETURN_IF_ERROR(Keys(*weights, "$.weights", {"hazard", "volume", "detection", "dispersive_use",
                                                       "sources", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(params.weights, ParseWeights(*weights, "$.weights", true));
    if (weights->contains("sources")) NPGOV_RETURN_IF_ERROR(texts.Sources(*weights, "$.weights"));
    NPGOV_RETURN_IF_ERROR(Str(*weights, "$.weights", "convention"));
    NPGOV_ASSIGN_OR_RETURN(const json* fill, Member(root, "$", "gap_fill"));
    NPGOV_RETURN_IF_ERROR(Keys(*fill, "$.gap_fill", {"hazard", "volume", "detection", "dispersive_use", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(params.gap_fill, ParseWeights(*fill, "$.gap_fill", false));
    NPGOV_RETURN_IF_ERROR(Str(*fill, "$.gap_fill", "convention"));
    return Ok();
}

Status ParseActions(const json& root, const TextReader& texts, ScreeningParams& params) {
    NPGOV_ASSIGN_OR_RETURN(const json* list, Member(root, "$", "action_categories"));
    if (!list->is_array()) return Fail("$.action_categories", "must be an array", "须为数组");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = At(std::string("$.action_categories"), i);
        const json& item = (*list)[i];
        NPGOV_RETURN_IF_ERROR(Keys(item, path, {"id", "norman", "tier", "zh", "en", "action_zh", "action_en",
                                                "norman_zh", "norman_en", "sources"}));
        ActionCategoryInfo info;
        NPGOV_ASSIGN_OR_RETURN(std::string id, Str(item, path, "id"));
        NPGOV_ASSIGN_OR_RETURN(info.category, ParseAction(id, At(path, "id")));
        for (const auto& other : params.action_categories) {
            if (other.category == info.category) {
                return Fail(At(path, "id"), "action category \"" + id + "\" given twice",
                            "行动类别“" + id + "”重复", "screening.params.duplicate");
            }
        }
        NPGOV_ASSIGN_OR_RETURN(const json* norman, Member(item, path, "norman"));
        if (!norman->is_number_integer() || norman->get<int>() != static_cast<int>(info.category)) {
            return Fail(At(path, "norman"), "NORMAN category of \"" + id + "\" is " +
                                                std::to_string(static_cast<int>(info.category)),
                        "“" + id + "”对应 NORMAN 第 " + std::to_string(static_cast<int>(info.category)) + " 类");
        }
        NPGOV_ASSIGN_OR_RETURN(const json* tier, Member(item, path, "tier"));
        if (!tier->is_number_integer() || tier->get<int>() < 0) {
            return Fail(At(path, "tier"), "must be an integer ≥ 0", "须为不小于 0 的整数", "screening.params.tiers");
        }
        info.tier = tier->get<int>();
        NPGOV_ASSIGN_OR_RETURN(info.name_zh, Str(item, path, "zh"));
        NPGOV_ASSIGN_OR_RETURN(info.name_en, Str(item, path, "en"));
        NPGOV_ASSIGN_OR_RETURN(info.action_zh, Str(item, path, "action_zh"));
        NPGOV_ASSIGN_OR_RETURN(info.action_en, Str(item, path, "action_en"));
        NPGOV_ASSIGN_OR_RETURN(info.norman_zh, Str(item, path, "norman_zh"));
        NPGOV_ASSIGN_OR_RETURN(info.norman_en, Str(item, path, "norman_en"));
        NPGOV_RETURN_IF_ERROR(texts.Sources(item, path));
        params.action_categories.push_back(std::move(info));
    }
    for (int i = 1; i <= 6; ++i) {
        const auto category = static_cast<ActionCategory>(i);
        bool found = false;
        for (const auto& info : params.action_categories) found = found || info.category == category;
        if (!found) {
            return Fail("$.action_categories", "action category \"" + std::string(ToString(category)) + "\" missing",
                        "缺少行动类别“" + std::string(ToString(category)) + "”", "screening.params.tiers");
        }
    }
    const int manage = params.Info(ActionCategory::kManage).tier;
    const int low = params.Info(ActionCategory::kLowPriority).tier;
    for (const auto& info : params.action_categories) {
        if (info.category == ActionCategory::kManage || info.category == ActionCategory::kLowPriority) continue;
        if (!(manage < info.tier && info.tier < low)) {
            return Fail("$.action_categories",
                        "tiers must rank \"manage\" first and \"low_priority\" after \"" +
                            std::string(ToString(info.category)) + "\" (a substance lacking data must never "
                            "rank below a well-studied harmless one)",
                        "层级须使“manage”居首、“low_priority”排在“" + std::string(ToString(info.category)) +
                            "”之后（缺数据的物质不得排在数据充分的低关注物质之下）",
                        "screening.params.tiers");
        }
    }
    NPGOV_RETURN_IF_ERROR(Str(root, "$", "tiers_convention"));
    return Ok();
}

}  // namespace

std::string NormalizeUseTerm(std::string_view term) {
    return ToLowerAscii(Trim(NormalizeFullWidth(term)));
}

const ActionCategoryInfo& ScreeningParams::Info(ActionCategory category) const {
    for (const auto& info : action_categories) {
        if (info.category == category) return info;
    }
    NPGOV_CHECK(false && "ParseScreeningParams guarantees every action category");
    return action_categories.front();
}

const CriterionText* ScreeningParams::FindCriterion(std::string_view criterion_id) const {
    for (const auto* list : {&pbt.p, &pbt.vp}) {
        for (const auto& c : *list) {
            if (c.text.id == criterion_id) return &c.text;
        }
    }
    for (const CriterionText* text :
         {&pbt.b_text, &pbt.vb_text, &pbt.t_noec_text, &pbt.t_cmr_text, &pbt.t_stot_text, &screening.ready_text,
          &screening.not_ready_text, &screening.log_kow_text, &screening.acute_text, &screening.estimate_text,
          &cmr.text, &stockholm.p_text, &stockholm.b_text, &volume_text, &detection_text, &dispersiveness_text}) {
        if (text->id == criterion_id) return text;
    }
    for (const auto& rule : hazard_rules) {
        if (rule.text.id == criterion_id) return &rule.text;
    }
    for (const auto& list : list_scores) {
        if (list.text.id == criterion_id) return &list.text;
    }
    return nullptr;
}

const UseCategory* ScreeningParams::FindUse(std::string_view term) const {
    const auto it = use_lookup.find(NormalizeUseTerm(term));
    return it == use_lookup.end() ? nullptr : &use_categories[it->second];
}

Result<ScreeningParams> ParseScreeningParams(std::string_view json_text) {
    json root = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        return MakeError(ErrorCode::kInvalidArgument, "screening.params.json", "筛查参数文件不是有效的 JSON",
                         "the screening parameter file is not valid JSON", "$");
    }
    NPGOV_RETURN_IF_ERROR(Keys(root, "$", {"params", "version", "date", "title_zh", "title_en", "about", "sources",
                                           "pbt_criteria", "screening_criteria", "cmr_criterion",
                                           "stockholm_annex_d", "hazard_rules", "list_scores", "concern", "volume",
                                           "detection", "dispersiveness_levels", "dispersiveness_sources",
                                           "dispersiveness_convention", "use_categories", "weights", "gap_fill",
                                           "action_categories", "tiers_convention"}));
    ScreeningParams params;
    NPGOV_ASSIGN_OR_RETURN(params.id, Str(root, "$", "params"));
    NPGOV_ASSIGN_OR_RETURN(params.version, Str(root, "$", "version"));
    NPGOV_ASSIGN_OR_RETURN(params.date, Str(root, "$", "date"));
    for (const char* key : {"title_zh", "title_en", "about"}) NPGOV_RETURN_IF_ERROR(Str(root, "$", key));

    NPGOV_ASSIGN_OR_RETURN(const json* sources, Member(root, "$", "sources"));
    if (!sources->is_array() || sources->empty()) return Fail("$.sources", "must be a non-empty array", "须为非空数组");
    for (std::size_t i = 0; i < sources->size(); ++i) {
        const std::string path = At(std::string("$.sources"), i);
        NPGOV_RETURN_IF_ERROR(Keys((*sources)[i], path, {"id", "title", "url"}));
        SourceRef ref;
        NPGOV_ASSIGN_OR_RETURN(ref.id, Str((*sources)[i], path, "id"));
        NPGOV_ASSIGN_OR_RETURN(ref.title, Str((*sources)[i], path, "title"));
        NPGOV_ASSIGN_OR_RETURN(ref.url, Str((*sources)[i], path, "url"));
        if (!params.sources.emplace(ref.id, ref).second) {
            return Fail(At(path, "id"), "source \"" + ref.id + "\" given twice", "来源“" + ref.id + "”重复",
                        "screening.params.duplicate");
        }
    }
    const TextReader texts(params.sources);
    NPGOV_RETURN_IF_ERROR(ParsePbt(root, texts, params.pbt));
    NPGOV_RETURN_IF_ERROR(ParseScreening(root, texts, params.screening));

    const std::string cmr_path = "$.cmr_criterion";
    NPGOV_ASSIGN_OR_RETURN(const json* cmr, Member(root, "$", "cmr_criterion"));
    NPGOV_RETURN_IF_ERROR(Keys(*cmr, cmr_path, {"categories", "zh", "en", "sources", "convention"}));
    NPGOV_ASSIGN_OR_RETURN(params.cmr.categories, Categories(*cmr, cmr_path, "categories",
                                                             {CmrCategory::k1A, CmrCategory::k1B, CmrCategory::k2}));
    NPGOV_ASSIGN_OR_RETURN(params.cmr.text, texts.Read(*cmr, cmr_path, "CMR"));

    NPGOV_RETURN_IF_ERROR(ParseStockholm(root, texts, params.stockholm));
    NPGOV_RETURN_IF_ERROR(ParseRules(root, texts, params));
    NPGOV_RETURN_IF_ERROR(ParseExposure(root, texts, params));
    NPGOV_RETURN_IF_ERROR(ParseWeighting(root, texts, params));
    NPGOV_RETURN_IF_ERROR(ParseActions(root, texts, params));
    return params;
}

}  // namespace npgov::screening
