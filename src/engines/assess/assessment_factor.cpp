#include "engines/assess/assessment_factor.hpp"

#include <algorithm>

#include "engines/assess/text_format.hpp"

namespace npgov::assess {
namespace {

std::string Describe(const SpeciesValue& s, bool zh) {
    const EndpointMean& e = s.endpoints.front();
    std::string text = s.species + " " + s.endpoint + " = " + Fmt(s.value_ug_per_l) + " " + kUgPerL;
    if (e.values_ug_per_l.size() > 1) {
        text += zh ? "（" + std::to_string(e.values_ug_per_l.size()) + " 个值的几何均值）"
                   : " (geometric mean of " + std::to_string(e.values_ug_per_l.size()) + " values)";
    }
    return text;
}

CriticalValue ToCritical(const SpeciesValue& s) {
    return {s.species, s.taxon_group, s.endpoint, s.trophic_level, s.exposure, s.value_ug_per_l};
}

const SpeciesValue* Lowest(std::span<const SpeciesValue> values, TrophicLevel level, std::size_t& count) {
    const SpeciesValue* lowest = nullptr;
    count = 0;
    for (const SpeciesValue& s : values) {
        if (s.trophic_level != level) continue;
        ++count;
        if (lowest == nullptr || s.value_ug_per_l < lowest->value_ug_per_l) lowest = &s;
    }
    return lowest;
}

// The lowest value over the levels' `member` (short_term or long_term).
const SpeciesValue* LowestOver(const std::vector<LevelData>& levels, std::optional<SpeciesValue> LevelData::*member) {
    const SpeciesValue* lowest = nullptr;
    for (const LevelData& l : levels) {
        const auto& v = l.*member;
        if (v && (lowest == nullptr || v->value_ug_per_l < lowest->value_ug_per_l)) lowest = &*v;
    }
    return lowest;
}

void Apply(AfDerivation& d, const PnecFactors& f, const std::string& row_id, const SpeciesValue& critical,
           std::string why_zh, std::string why_en) {
    const AfRow& row = f.Row(row_id);
    d.row = row_id;
    d.factor = row.af;
    d.critical = ToCritical(critical);
    d.pnec_ug_per_l = critical.value_ug_per_l / row.af;
    d.steps.push_back({"af.row", "适用评估因子表中的一行：" + row.data_available_zh + "。" + why_zh,
                       "Table row applied: " + row.data_available_en + ". " + why_en,
                       {{"assessment_factor", row.af, ""}}});
    d.steps.push_back({"af.pnec",
                       "PNEC = " + row.applied_to_zh + "（" + Describe(critical, true) + "）/ " + Fmt(row.af) + " = " +
                           Fmt(*d.pnec_ug_per_l) + " " + kUgPerL,
                       "PNEC = " + row.applied_to_en + " (" + Describe(critical, false) + ") / " + Fmt(row.af) + " = " +
                           Fmt(*d.pnec_ug_per_l) + " " + kUgPerL,
                       {{"critical_value", critical.value_ug_per_l, kUgPerL},
                        {"assessment_factor", row.af, ""},
                        {"pnec", *d.pnec_ug_per_l, kUgPerL}}});
}

}  // namespace

AfDerivation DeriveAssessmentFactorPnec(std::span<const SpeciesValue> short_term, std::span<const SpeciesValue> long_term,
                                        const PnecFactors& f) {
    AfDerivation d;
    d.steps.push_back({"af.rule",
                       "评估因子法：PNEC = 最低相关效应值 / 评估因子；同一物种同一终点取几何均值，同一物种取最敏感终点（EU TGD 第二部分 3.3.1.1 表16）",
                       "Assessment factors: PNEC = lowest relevant effect value / assessment factor; geometric mean per "
                       "species and endpoint, the most sensitive endpoint per species (EU TGD Part II 3.3.1.1, Table 16)",
                       {}});

    // Species outside the base-set scheme.
    std::string outside_zh, outside_en;
    for (auto values : {short_term, long_term}) {
        for (const SpeciesValue& s : values) {
            if (s.trophic_level) continue;
            const TaxonGroup* g = f.TaxonGroupById(s.taxon_group);
            outside_zh += (outside_zh.empty() ? "" : "、") + s.species + "（" + (g ? g->zh : s.taxon_group) + "）";
            outside_en += (outside_en.empty() ? "" : ", ") + s.species + " (" + (g ? g->en : s.taxon_group) + ")";
        }
    }
    if (!outside_zh.empty()) {
        d.steps.push_back({"af.outside_levels", "不属于基础数据集三个营养级的物种，评估因子法不采用：" + outside_zh,
                           "Species outside the three base-set trophic levels, not used by this method: " + outside_en, {}});
    }

    std::vector<DataGap> base_set_gaps;
    for (TrophicLevel level : kTrophicLevels) {
        LevelData l;
        l.level = level;
        if (const SpeciesValue* s = Lowest(short_term, level, l.short_term_species)) l.short_term = *s;
        if (const SpeciesValue* s = Lowest(long_term, level, l.long_term_species)) l.long_term = *s;
        std::string zh = f.LevelZh(level) + "：";
        std::string en = f.LevelEn(level) + ": ";
        std::vector<StepNumber> numbers;
        if (l.short_term) {
            zh += "最低短期 L(E)C50 为 " + Describe(*l.short_term, true) + "（共 " + std::to_string(l.short_term_species) + " 个物种）";
            en += "lowest short-term L(E)C50 " + Describe(*l.short_term, false) + " (" + std::to_string(l.short_term_species) +
                  " species)";
            numbers.push_back({"lowest_short_term", l.short_term->value_ug_per_l, kUgPerL});
        } else {
            zh += "无短期 L(E)C50";
            en += "no short-term L(E)C50";
            base_set_gaps.push_back({"af.base_set." + std::string(ToId(level)),
                                 "缺少" + f.LevelZh(level) + "的短期 L(E)C50：基础数据集不完整",
                                 "no short-term L(E)C50 for " + f.LevelEn(level) + ": base set incomplete"});
        }
        if (l.long_term) {
            zh += "；最低长期 NOEC/EC10 为 " + Describe(*l.long_term, true) + "（共 " + std::to_string(l.long_term_species) + " 个物种）";
            en += "; lowest long-term NOEC/EC10 " + Describe(*l.long_term, false) + " (" +
                  std::to_string(l.long_term_species) + " species)";
            numbers.push_back({"lowest_long_term", l.long_term->value_ug_per_l, kUgPerL});
        } else {
            zh += "；无长期 NOEC/EC10";
            en += "; no long-term NOEC/EC10";
        }
        d.steps.push_back({"af.level." + std::string(ToId(level)), zh, en, numbers});
        d.levels.push_back(std::move(l));
    }

    std::vector<TrophicLevel> chronic_levels;
    for (const LevelData& l : d.levels) {
        if (l.long_term) chronic_levels.push_back(l.level);
    }
    if (chronic_levels.size() < 3) {  // with three long-term levels the base set is not needed
        d.missing = base_set_gaps;
        for (const LevelData& l : d.levels) {
            if (l.long_term) continue;
            d.missing.push_back({"af.long_term." + std::string(ToId(l.level)),
                                 "缺少" + f.LevelZh(l.level) + "的长期 NOEC/EC10：更小的评估因子需要它",
                                 "no long-term NOEC/EC10 for " + f.LevelEn(l.level) + ": a smaller assessment factor needs it"});
        }
    }
    const bool base_set = std::all_of(d.levels.begin(), d.levels.end(), [](const LevelData& l) { return l.short_term.has_value(); });
    const SpeciesValue* lowest_short = LowestOver(d.levels, &LevelData::short_term);
    const SpeciesValue* lowest_long = LowestOver(d.levels, &LevelData::long_term);

    if (chronic_levels.size() == 3) {
        Apply(d, f, "three_long_term", *lowest_long, "三个营养级均有长期结果（TGD 注 d）。",
              "Long-term results cover all three trophic levels (TGD note d).");
        return d;
    }
    if (!base_set) {
        std::string what_zh, what_en;
        for (const DataGap& g : d.missing) {
            what_zh += (what_zh.empty() ? "" : "；") + g.zh;
            what_en += (what_en.empty() ? "" : "; ") + g.en;
        }
        Error e = MakeError(ErrorCode::kFailedPrecondition, "assess.af_insufficient_data",
                            "评估因子法无法推导 PNEC：" + what_zh, "no PNEC by assessment factors: " + what_en)
                      .value();
        d.steps.push_back({"af.refused", e.message_zh, e.message_en, {}});
        d.refusal = std::move(e);
        return d;
    }
    const TrophicLevel most_sensitive = *lowest_short->trophic_level;
    const std::string sensitive_zh = f.LevelZh(most_sensitive);
    const std::string sensitive_en = f.LevelEn(most_sensitive);
    const bool covers_sensitive =
        std::find(chronic_levels.begin(), chronic_levels.end(), most_sensitive) != chronic_levels.end();
    if (chronic_levels.size() == 2) {
        if (covers_sensitive) {
            Apply(d, f, "two_long_term", *lowest_long,
                  "两个营养级的长期结果覆盖短期 L(E)C50 最低的营养级（" + sensitive_zh + "）（TGD 注 c）。",
                  "Long-term results from two trophic levels include the level with the lowest short-term L(E)C50 (" +
                      sensitive_en + ") (TGD note c).");
        } else {
            Apply(d, f, "one_long_term", *lowest_long,
                  "两个营养级的长期结果未覆盖短期 L(E)C50 最低的营养级（" + sensitive_zh + "），按 TGD 注 b 取 100。",
                  "Long-term results from two trophic levels do not include the level with the lowest short-term L(E)C50 (" +
                      sensitive_en + "): 100 per TGD note b.");
        }
        return d;
    }
    if (chronic_levels.size() == 1) {
        const TrophicLevel level = chronic_levels.front();
        if (level != TrophicLevel::kProducer && level == most_sensitive) {
            Apply(d, f, "one_long_term", *lowest_long,
                  "长期结果来自短期 L(E)C50 最低的营养级（" + sensitive_zh + "）（TGD 注 b）。",
                  "The long-term result comes from the level with the lowest short-term L(E)C50 (" + sensitive_en +
                      ") (TGD note b).");
            return d;
        }
        const std::string reason_zh = level == TrophicLevel::kProducer
                                          ? "唯一的长期结果来自藻类/水生植物，表中 100 一行要求鱼类或溞的长期结果"
                                          : "唯一的长期结果不来自短期 L(E)C50 最低的营养级（" + sensitive_zh + "）";
        const std::string reason_en = level == TrophicLevel::kProducer
                                          ? "the only long-term result is from algae/plants, while the AF 100 row asks for fish or Daphnia"
                                          : "the only long-term result is not from the level with the lowest short-term L(E)C50 (" +
                                                sensitive_en + ")";
        const double from_short = lowest_short->value_ug_per_l / f.Row("base_set").af;
        const double from_long = lowest_long->value_ug_per_l / f.Row("one_long_term").af;
        d.steps.push_back({"af.note_b",
                           reason_zh + "：按短期数据取 1000，但所得 PNEC 不得高于该长期结果 / 100（TGD 注 b）：" + Fmt(from_short) +
                               " 与 " + Fmt(from_long) + " " + kUgPerL + " 取较低者",
                           reason_en + ": 1000 on the short-term data, but the PNEC may not be above that long-term result / 100 "
                                       "(TGD note b): the lower of " + Fmt(from_short) + " and " + Fmt(from_long) + " " + kUgPerL,
                           {{"pnec_from_short_term", from_short, kUgPerL}, {"pnec_from_long_term", from_long, kUgPerL}}});
        if (from_long < from_short) {
            Apply(d, f, "one_long_term", *lowest_long, "长期结果 / 100 低于短期数据 / 1000，以前者为准。",
                  "The long-term result / 100 is below the short-term data / 1000 and prevails.");
        } else {
            Apply(d, f, "base_set", *lowest_short, "短期数据 / 1000 不高于长期结果 / 100。",
                  "The short-term data / 1000 are not above the long-term result / 100.");
        }
        return d;
    }
    Apply(d, f, "base_set", *lowest_short, "只有基础数据集（三个营养级的短期结果）。",
          "Only the base set (short-term results from three trophic levels).");
    return d;
}

}  // namespace npgov::assess
