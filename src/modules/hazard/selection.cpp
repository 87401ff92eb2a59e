#include "modules/hazard/selection.hpp"

#include <algorithm>

namespace npgov::hazard {
namespace {

int ReliabilityRank(const PropertyValue& v) {
    const int r = v.entry.reliability.value_or(4);
    return r == 4 ? 3 : r;  // 1, 2, then 4 ("not assignable"); 3 is never eligible
}

int YearOf(const PropertyValue& v) { return v.entry.source_year.value_or(0); }

bool Eligible(const PropertyValue& v, std::string* why_zh, std::string* why_en) {
    if (v.entry.reliability == 3) {
        *why_zh = "可靠性为 Klimisch 3（不可靠）：仅供参考，不被选用";
        *why_en = "reliability Klimisch 3 (not reliable): shown, never selected";
        return false;
    }
    if (v.estimate && !v.estimate->in_domain) {
        *why_zh = "超出估算方法的适用范围：仅供参考，不被选用";
        *why_en = "outside the estimation method's applicability domain: shown, never selected";
        return false;
    }
    return true;
}

// True if `a` ranks before `b` (both eligible or both not).
bool Before(const RankedValue& x, const RankedValue& y) {
    const PropertyValue& a = x.value;
    const PropertyValue& b = y.value;
    if (x.eligible != y.eligible) return x.eligible;
    if (a.measured() != b.measured()) return a.measured();
    if (ReliabilityRank(a) != ReliabilityRank(b)) return ReliabilityRank(a) < ReliabilityRank(b);
    if (YearOf(a) != YearOf(b)) return YearOf(a) > YearOf(b);
    if (a.computed() != b.computed()) return !a.computed();
    if (a.created_at != b.created_at) return a.created_at > b.created_at;
    return a.id > b.id;
}

std::string Klimisch(const PropertyValue& v) {
    return v.entry.reliability ? "Klimisch " + std::to_string(*v.entry.reliability) : "Klimisch 4";
}

std::string Year(const PropertyValue& v) { return v.entry.source_year ? std::to_string(*v.entry.source_year) : "—"; }

// Why `winner` ranks before `other` (both eligible): the first rule that separates them.
void Explain(const PropertyValue& winner, const PropertyValue& other, std::string& zh, std::string& en) {
    if (winner.measured() != other.measured()) {
        zh = "实测值优先于估算值";
        en = "a measured value beats an estimate";
    } else if (ReliabilityRank(winner) != ReliabilityRank(other)) {
        zh = "可靠性更高（" + Klimisch(winner) + " 对 " + Klimisch(other) + "）";
        en = "higher reliability (" + Klimisch(winner) + " vs " + Klimisch(other) + ")";
    } else if (YearOf(winner) != YearOf(other)) {
        zh = "来源更新（" + Year(winner) + " 对 " + Year(other) + "）";
        en = "more recent source (" + Year(winner) + " vs " + Year(other) + ")";
    } else if (winner.computed() != other.computed()) {
        zh = "人工录入的估算值优先于系统即时估算";
        en = "an estimate entered by a person beats one computed by npgov";
    } else {
        zh = "同等条件下录入较晚";
        en = "otherwise equal: recorded later";
    }
}

}  // namespace

const PropertyValue* PropertySelection::selected() const {
    if (values.empty() || !values.front().selected) return nullptr;
    return &values.front().value;
}

PropertySelection SelectValue(PropertyKind property, std::vector<PropertyValue> candidates) {
    PropertySelection out;
    out.property = property;
    for (auto& c : candidates) {
        RankedValue r;
        r.eligible = Eligible(c, &r.why_zh, &r.why_en);
        r.value = std::move(c);
        out.values.push_back(std::move(r));
    }
    std::stable_sort(out.values.begin(), out.values.end(), Before);
    if (out.values.empty()) {
        out.reason_zh = "无数据（数据缺口）";
        out.reason_en = "no data (data gap)";
        return out;
    }
    if (!out.values.front().eligible) {
        out.reason_zh = "无可选用的数据（数据缺口）：现有数据均不可靠或超出估算方法适用范围";
        out.reason_en = "no usable value (data gap): every value is unreliable or outside its estimation method's domain";
        return out;
    }
    RankedValue& winner = out.values.front();
    winner.selected = true;
    const std::string kind_zh = winner.value.measured() ? "实测值" : (winner.value.computed() ? "系统估算值" : "估算值");
    const std::string kind_en =
        winner.value.measured() ? "measured value" : (winner.value.computed() ? "estimate computed by npgov" : "estimate");
    const bool alone = out.values.size() < 2 || !out.values[1].eligible;
    if (alone) {
        winner.why_zh = "唯一可选用的数据";
        winner.why_en = "the only usable value";
    } else {
        Explain(winner.value, out.values[1].value, winner.why_zh, winner.why_en);
    }
    for (std::size_t i = 1; i < out.values.size(); ++i) {
        if (out.values[i].eligible) Explain(winner.value, out.values[i].value, out.values[i].why_zh, out.values[i].why_en);
    }
    out.reason_zh = "选用" + kind_zh + "：" + winner.why_zh;
    out.reason_en = "selected the " + kind_en + ": " + winner.why_en;
    return out;
}

}  // namespace npgov::hazard
