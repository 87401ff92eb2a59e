// The hazard dimension: P, vP, B, vB and T against GB/T 24782-2009 (= REACH Annex XIII) with
// ECHA R.11 screening information where definitive data are missing, CMR, endocrine
// disruption, existing conclusions and list memberships; then the hazard rules of the
// parameter file. Estimates (Origin::kEstimated) only ever give screening findings.
#include <algorithm>

#include "engines/screening/internal.hpp"

namespace npgov::screening::internal {
namespace {

struct Finding {
    Outcome outcome = Outcome::kUnknown;
    Basis basis = Basis::kNone;
};

class HazardBuilder {
 public:
    HazardBuilder(const HazardFacts& facts, const ScreeningParams& params) : facts_(facts), params_(params) {}

    HazardAssessment Build();

 private:
    void Add(std::string fact, std::string value, Origin origin, std::string source, const CriterionText& text,
             Verdict verdict, std::optional<double> score = std::nullopt) {
        Evidence e;
        e.fact = std::move(fact);
        e.value = std::move(value);
        e.origin = origin;
        e.source = std::move(source);
        e.criterion = text.id;
        e.verdict = verdict;
        e.score = score;
        out_.dimension.evidence.push_back(std::move(e));
    }
    void AddFact(const std::string& fact, const Fact& f, std::string_view unit, const CriterionText& text,
                 Verdict verdict) {
        Add(fact, FormatFact(f, unit), f.provenance.origin, SourceOf(f.provenance), text, verdict);
    }
    // code, zh and en must be string literals (Gap keeps views of them).
    void Gap(std::string_view code, std::string_view zh, std::string_view en, bool blocking = true,
             std::string detail = {}) {
        out_.dimension.gaps.push_back({code, zh, en, blocking, std::move(detail)});
    }
    static std::string SourceOf(const Provenance& p) {
        return p.note.empty() ? p.source : p.source + " (" + p.note + ")";
    }
    static Verdict ToVerdict(Tri tri, bool estimated) {
        if (tri == Tri::kUnknown) return Verdict::kInconclusive;
        if (estimated) return tri == Tri::kTrue ? Verdict::kScreeningMet : Verdict::kScreeningNotMet;
        return tri == Tri::kTrue ? Verdict::kMet : Verdict::kNotMet;
    }

    Finding Persistence(const std::vector<HalfLifeCriterion>& criteria, bool primary);
    Finding Bioaccumulation(double bcf_gt, const CriterionText& text, bool primary);
    Finding Toxicity();
    void Stockholm();
    void Combine();
    void Rules();

    const HazardFacts& facts_;
    const ScreeningParams& params_;
    HazardAssessment out_;
};

Finding HazardBuilder::Persistence(const std::vector<HalfLifeCriterion>& criteria, bool primary) {
    bool met = false, not_met = false, inconclusive = false, est_met = false, est_not_met = false;
    for (const HalfLife& h : facts_.half_lives) {
        const auto c = std::find_if(criteria.begin(), criteria.end(),
                                    [&](const HalfLifeCriterion& x) { return x.medium == h.medium; });
        if (c == criteria.end()) continue;  // the parser requires every medium; kept for safety
        const bool estimated = h.days.provenance.origin == Origin::kEstimated;
        const Tri tri = Exceeds(h.days, c->days_gt);
        AddFact("half_life." + std::string(ToString(h.medium)), h.days, "d", c->text, ToVerdict(tri, estimated));
        if (tri == Tri::kUnknown) {
            inconclusive = inconclusive || !estimated;
        } else if (estimated) {
            (tri == Tri::kTrue ? est_met : est_not_met) = true;
        } else {
            (tri == Tri::kTrue ? met : not_met) = true;
        }
    }
    const auto& ready = facts_.readily_biodegradable;
    if (primary && ready) {
        const auto& text = ready->value ? params_.screening.ready_text : params_.screening.not_ready_text;
        Add("readily_biodegradable", ready->value ? "yes" : "no", ready->provenance.origin,
            SourceOf(ready->provenance), text, ready->value ? Verdict::kScreeningNotMet : Verdict::kScreeningMet);
    }
    if (met) return {Outcome::kMet, Basis::kCriteria};
    if (not_met && !inconclusive) return {Outcome::kNotMet, Basis::kCriteria};
    if (ready && ready->value) return {Outcome::kNotMet, Basis::kScreening};
    if (est_met || (ready && !ready->value)) return {Outcome::kSuspected, Basis::kScreening};
    if (inconclusive) {
        if (primary) {
            Gap("hazard.p.inconclusive", "降解半衰期为区间值，无法与 P 判定阈值比较",
                "a degradation half-life is censored on the wrong side of the P threshold");
        } else {
            Gap("hazard.vp.inconclusive", "降解半衰期为区间值，无法与 vP 判定阈值比较",
                "a degradation half-life is censored on the wrong side of the vP threshold", false);
        }
        return {};
    }
    if (est_not_met) return {Outcome::kNotMet, Basis::kScreening};
    if (primary) {
        Gap("hazard.p.no_data", "无降解半衰期，也无快速生物降解试验结果（P/vP 未知）",
            "no degradation half-life and no ready-biodegradability result (P/vP unknown)");
    }
    return {};
}

Finding HazardBuilder::Bioaccumulation(double bcf_gt, const CriterionText& text, bool primary) {
    const auto& bcf = facts_.bcf;
    if (bcf) {
        const bool estimated = bcf->provenance.origin == Origin::kEstimated;
        const Tri tri = Exceeds(*bcf, bcf_gt);
        AddFact("bcf", *bcf, "L/kg", text, ToVerdict(tri, estimated));
        if (tri != Tri::kUnknown) {
            if (estimated) return {tri == Tri::kTrue ? Outcome::kSuspected : Outcome::kNotMet, Basis::kScreening};
            return {tri == Tri::kTrue ? Outcome::kMet : Outcome::kNotMet, Basis::kCriteria};
        }
    }
    const auto& kow = facts_.log_kow;
    if (kow) {
        const Tri tri = Exceeds(*kow, params_.screening.log_kow_potentially_b_gt);
        const Verdict verdict = tri == Tri::kUnknown ? Verdict::kInconclusive
                                : tri == Tri::kTrue  ? Verdict::kScreeningMet
                                                     : Verdict::kScreeningNotMet;
        if (primary) AddFact("log_kow", *kow, "", params_.screening.log_kow_text, verdict);
        if (tri == Tri::kTrue) {
            if (primary && !bcf) {
                Gap("hazard.b.no_bcf", "无 BCF，B 仅按 log Kow 筛查判断（筛查证据）",
                    "no BCF: B judged from log Kow only (screening evidence)", false);
            }
            return {Outcome::kSuspected, Basis::kScreening};
        }
        if (tri == Tri::kFalse) return {Outcome::kNotMet, Basis::kScreening};
    }
    if (primary) {
        Gap("hazard.b.no_data", "无 BCF，也无可用于筛查的 log Kow（B/vB 未知）",
            "no BCF and no log Kow usable for screening (B/vB unknown)");
    }
    return {};
}

Finding HazardBuilder::Toxicity() {
    const auto& pbt = params_.pbt;
    bool met = false, est_met = false, noec_not_met = false, noec_est_not_met = false;
    const auto& cls = facts_.classification;
    if (cls) {
        const bool estimated = cls->provenance.origin == Origin::kEstimated;
        auto in = [](const auto& list, auto value) { return std::find(list.begin(), list.end(), value) != list.end(); };
        struct Item { const char* fact; const char* prefix; CmrCategory category; const std::vector<CmrCategory>* list; };
        bool any = false;
        for (Item item : {Item{"classification.carcinogenicity", "Carc. ", cls->carcinogenicity, &pbt.t_carcinogenicity},
                          Item{"classification.mutagenicity", "Muta. ", cls->mutagenicity, &pbt.t_mutagenicity},
                          Item{"classification.reproductive", "Repr. ", cls->reproductive, &pbt.t_reproductive}}) {
            if (item.category == CmrCategory::kNotClassified) continue;
            const bool hit = in(*item.list, item.category);
            Add(item.fact, item.prefix + std::string(ToString(item.category)), cls->provenance.origin,
                SourceOf(cls->provenance), pbt.t_cmr_text,
                hit ? (estimated ? Verdict::kScreeningMet : Verdict::kMet) : Verdict::kNotMet);
            any = any || hit;
        }
        if (cls->stot_re != StotReCategory::kNotClassified) {
            const bool hit = in(pbt.t_stot_re, cls->stot_re);
            Add("classification.stot_re", "STOT RE " + std::string(ToString(cls->stot_re)), cls->provenance.origin,
                SourceOf(cls->provenance), pbt.t_stot_text,
                hit ? (estimated ? Verdict::kScreeningMet : Verdict::kMet) : Verdict::kNotMet);
            any = any || hit;
        }
        if (!any) {
            Add("classification", "no CMR or STOT RE classification", cls->provenance.origin,
                SourceOf(cls->provenance), pbt.t_cmr_text, estimated ? Verdict::kScreeningNotMet : Verdict::kNotMet);
        }
        if (any) (estimated ? est_met : met) = true;
    }
    bool noec_inconclusive = false;
    if (facts_.chronic_noec) {
        const Fact& noec = *facts_.chronic_noec;
        const bool estimated = noec.provenance.origin == Origin::kEstimated;
        const Tri tri = FallsBelow(noec, pbt.t_noec_lt);
        AddFact("chronic_noec", noec, "mg/L", pbt.t_noec_text, ToVerdict(tri, estimated));
        if (tri == Tri::kTrue) (estimated ? est_met : met) = true;
        if (tri == Tri::kFalse) (estimated ? noec_est_not_met : noec_not_met) = true;
        noec_inconclusive = tri == Tri::kUnknown;
    }
    Tri acute = Tri::kUnknown;
    if (facts_.acute_lc50) {
        acute = FallsBelow(*facts_.acute_lc50, params_.screening.acute_potentially_t_lt);
        const Verdict verdict = acute == Tri::kUnknown ? Verdict::kInconclusive
                                : acute == Tri::kTrue  ? Verdict::kScreeningMet
                                                       : Verdict::kScreeningNotMet;
        AddFact("acute_lc50", *facts_.acute_lc50, "mg/L", params_.screening.acute_text, verdict);
    }
    const bool classified = cls && cls->provenance.origin != Origin::kEstimated;
    if (met) return {Outcome::kMet, Basis::kCriteria};
    if (classified && noec_not_met) return {Outcome::kNotMet, Basis::kCriteria};
    if (est_met || acute == Tri::kTrue) return {Outcome::kSuspected, Basis::kScreening};
    if (classified && (noec_est_not_met || acute == Tri::kFalse)) return {Outcome::kNotMet, Basis::kScreening};
    if (!cls) {
        Gap("hazard.t.no_classification", "CMR 与 STOT RE 分类未知（T 无法排除）",
            "CMR and STOT RE classification unknown (T cannot be excluded)");
    }
    if (noec_inconclusive) {
        Gap("hazard.t.inconclusive", "长期 NOEC 为区间值，无法与 T 判定阈值比较",
            "the long-term NOEC is censored on the wrong side of the T threshold");
    } else if (!facts_.chronic_noec && acute != Tri::kFalse) {
        Gap("hazard.t.no_aquatic_data", "无长期 NOEC/EC10，也无可用于筛查的短期 L(E)C50",
            "no long-term NOEC/EC10 and no short-term L(E)C50 usable for screening");
    }
    return {};
}

void HazardBuilder::Stockholm() {
    const auto& st = params_.stockholm;
    bool p = false, any_p = false;
    for (const HalfLife& h : facts_.half_lives) {
        if (h.days.provenance.origin == Origin::kEstimated) continue;
        const double threshold = (h.medium == Medium::kMarineWater || h.medium == Medium::kFreshWater) ? st.water_days_gt
                                 : h.medium == Medium::kSoil ? st.soil_days_gt
                                                              : st.sediment_days_gt;
        any_p = true;
        p = p || Exceeds(h.days, threshold) == Tri::kTrue;
    }
    if (any_p) Add("stockholm.persistence", p ? "met" : "not met", Origin::kDerived, "Stockholm Convention Annex D",
                   st.p_text, Verdict::kNoted);
    const bool bcf = facts_.bcf && facts_.bcf->provenance.origin != Origin::kEstimated;
    if (bcf || facts_.log_kow) {
        const bool b = (bcf && Exceeds(*facts_.bcf, st.bcf_gt) == Tri::kTrue) ||
                       (facts_.log_kow && Exceeds(*facts_.log_kow, st.log_kow_gt) == Tri::kTrue);
        Add("stockholm.bioaccumulation", b ? "met" : "not met", Origin::kDerived, "Stockholm Convention Annex D",
            st.b_text, Verdict::kNoted);
    }
}

// PBT / vPvB from the properties, or from an existing conclusion.
void HazardBuilder::Combine() {
    auto& profile = out_.profile;
    auto combine = [](std::initializer_list<PropertyFinding> parts) -> Finding {
        bool all_met = true, any_not = false, any_unknown = false;
        for (const auto& f : parts) {
            all_met = all_met && f.outcome == Outcome::kMet;
            any_not = any_not || f.outcome == Outcome::kNotMet;
            any_unknown = any_unknown || f.outcome == Outcome::kUnknown;
        }
        if (all_met) return {Outcome::kMet, Basis::kCriteria};
        if (any_not) return {Outcome::kNotMet, Basis::kCriteria};
        if (any_unknown) return {};
        return {Outcome::kSuspected, Basis::kScreening};
    };
    const Finding pbt = combine({profile.Find(Property::kP), profile.Find(Property::kB), profile.Find(Property::kT)});
    const Finding vpvb = combine({profile.Find(Property::kVp), profile.Find(Property::kVb)});
    profile.pbt = pbt.outcome;
    profile.pbt_basis = pbt.basis;
    profile.vpvb = vpvb.outcome;
    profile.vpvb_basis = vpvb.basis;
    for (const Conclusion& c : facts_.conclusions) {
        const CriterionText* text = nullptr;
        for (const auto& rule : params_.hazard_rules) {
            if ((c.kind == ConclusionKind::kPbt && rule.when == HazardCondition::kPbt) ||
                (c.kind == ConclusionKind::kVpvb && rule.when == HazardCondition::kVpvb) ||
                (c.kind == ConclusionKind::kPop && rule.when == HazardCondition::kPop)) {
                text = &rule.text;
                break;
            }
        }
        static const CriterionText kNoRule{};  // no rule for this kind in the parameters: cite nothing
        Add("conclusion." + std::string(ToString(c.kind)), std::string(ToString(c.kind)), c.provenance.origin,
            SourceOf(c.provenance), text ? *text : kNoRule, Verdict::kMet);
        if (c.kind == ConclusionKind::kPbt && profile.pbt != Outcome::kMet) {
            profile.pbt = Outcome::kMet;
            profile.pbt_basis = Basis::kConclusion;
        }
        if (c.kind == ConclusionKind::kVpvb && profile.vpvb != Outcome::kMet) {
            profile.vpvb = Outcome::kMet;
            profile.vpvb_basis = Basis::kConclusion;
        }
        if (c.kind == ConclusionKind::kPop) profile.pop = true;
    }
    for (const ListMembership& m : facts_.lists) {
        for (const ListScore& l : params_.list_scores) {
            if (l.list_id == m.list_id && l.pop) profile.pop = true;
        }
    }
    const auto& cls = facts_.classification;
    if (cls && cls->provenance.origin != Origin::kEstimated) {
        for (CmrCategory c : {cls->carcinogenicity, cls->mutagenicity, cls->reproductive}) {
            if (std::find(params_.cmr.categories.begin(), params_.cmr.categories.end(), c) != params_.cmr.categories.end()) {
                profile.cmr = true;
            }
        }
    }
    if (facts_.endocrine) {
        profile.ed = facts_.endocrine->status;
    } else {
        Gap("hazard.ed.not_assessed", "内分泌干扰性未评估", "endocrine disruption not assessed", false);
    }
}

bool Fires(HazardCondition condition, const HazardProfile& p) {
    auto met = [&](Property x) { return p.Find(x).outcome == Outcome::kMet; };
    const bool P = met(Property::kP) || met(Property::kVp);
    const bool B = met(Property::kB) || met(Property::kVb);
    const bool T = met(Property::kT);
    switch (condition) {
        case HazardCondition::kPbt: return p.pbt == Outcome::kMet;
        case HazardCondition::kVpvb: return p.vpvb == Outcome::kMet;
        case HazardCondition::kPop: return p.pop;
        case HazardCondition::kSuspectedPbt: return p.pbt == Outcome::kSuspected;
        case HazardCondition::kSuspectedVpvb: return p.vpvb == Outcome::kSuspected;
        case HazardCondition::kCmr: return p.cmr;
        case HazardCondition::kEdKnown: return p.ed == EdStatus::kKnown;
        case HazardCondition::kEdSuspected: return p.ed == EdStatus::kSuspected;
        case HazardCondition::kTwoOfPbt: return int(P) + int(B) + int(T) >= 2;
        case HazardCondition::kT: return T;
        case HazardCondition::kP: return P;
        case HazardCondition::kB: return B;
        case HazardCondition::kSuspectedProperty:
            return std::any_of(p.properties.begin(), p.properties.end(),
                               [](const PropertyFinding& f) { return f.outcome == Outcome::kSuspected; });
    }
    return false;
}

void HazardBuilder::Rules() {
    double established = 0, suspected = 0;
    bool any_fired = false;
    for (const HazardRule& rule : params_.hazard_rules) {
        if (!Fires(rule.when, out_.profile)) continue;
        any_fired = true;
        out_.profile.rules_fired.push_back(rule.id);
        Add("rule." + rule.id, std::string(ToString(rule.when)), Origin::kDerived, "screening parameters",
            rule.text, Verdict::kScored, rule.score);
        double& target = rule.basis == RuleBasis::kEstablished ? established : suspected;
        target = std::max(target, rule.score);
    }
    for (const ListScore& list : params_.list_scores) {
        for (const ListMembership& m : facts_.lists) {
            if (m.list_id != list.list_id) continue;
            any_fired = true;
            out_.profile.rules_fired.push_back("list." + list.list_id);
            Add("list." + list.list_id, (m.edition + " " + m.entry), Origin::kRegulatory,
                "list " + list.list_id + " " + m.edition, list.text, Verdict::kScored, list.score);
            established = std::max(established, list.score);
            break;
        }
    }
    for (const ListMembership& m : facts_.lists) {
        const bool scored = std::any_of(params_.list_scores.begin(), params_.list_scores.end(),
                                        [&](const ListScore& l) { return l.list_id == m.list_id; });
        if (!scored) {
            Gap("hazard.list.unscored", "清单无评分参数，仅作记录", "the list has no score in the parameters; shown only",
                false, m.list_id);
        }
    }
    auto& dim = out_.dimension;
    dim.data_gap = std::any_of(dim.gaps.begin(), dim.gaps.end(), [](const auto& g) { return g.blocking; });
    const HazardFacts& f = facts_;
    const bool any_fact = !f.half_lives.empty() || f.readily_biodegradable || f.bcf || f.log_kow || f.chronic_noec ||
                          f.acute_lc50 || f.classification || f.endocrine || !f.conclusions.empty() || !f.lists.empty();
    const double score = std::max(established, suspected);
    if (any_fact || any_fired) dim.score = score;
    dim.ranking_score = dim.data_gap ? std::max(score, params_.gap_fill.hazard) : score;

    const double high = params_.concern_high_min, moderate = params_.concern_moderate_min;
    if (established >= high) {
        out_.concern = Concern::kHigh;
    } else if (suspected >= high) {
        out_.concern = Concern::kSuspected;
    } else if (dim.data_gap) {
        out_.concern = established >= moderate || suspected >= moderate ? Concern::kSuspected : Concern::kUnknown;
    } else if (established >= moderate) {
        out_.concern = Concern::kModerate;
    } else {
        out_.concern = suspected >= moderate ? Concern::kSuspected : Concern::kLow;
    }
}

HazardAssessment HazardBuilder::Build() {
    out_.dimension.dimension = ScoreDimension::kHazard;
    auto& props = out_.profile.properties;
    const auto set = [&](Property property, Finding f) {
        props[static_cast<std::size_t>(property)] = {property, f.outcome, f.basis};
    };
    set(Property::kP, Persistence(params_.pbt.p, true));
    set(Property::kVp, Persistence(params_.pbt.vp, false));
    set(Property::kB, Bioaccumulation(params_.pbt.b_bcf_gt, params_.pbt.b_text, true));
    set(Property::kVb, Bioaccumulation(params_.pbt.vb_bcf_gt, params_.pbt.vb_text, false));
    set(Property::kT, Toxicity());
    Stockholm();
    Combine();
    Rules();
    return std::move(out_);
}

}  // namespace

HazardAssessment AssessHazard(const HazardFacts& facts, const ScreeningParams& params) {
    return HazardBuilder(facts, params).Build();
}

}  // namespace npgov::screening::internal
