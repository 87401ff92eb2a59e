#include "modules/survey/substance_totals.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "modules/survey/line_rules.hpp"
#include "modules/survey/survey_store.hpp"

namespace npgov::survey {
namespace {

constexpr const char* kFrom =
    " FROM survey_lines l JOIN survey_submissions s ON s.approved_version_id = l.version_id "
    "JOIN survey_campaigns c ON c.id = s.campaign_id WHERE c.year = ? AND l.substance_key <> ''";

// Sums per substance, enterprise and campaign tier.
constexpr const char* kPerEnterprise =
    "SELECT l.substance_key, s.enterprise_id, c.tier, MAX(l.cas), MAX(l.substance_id), MAX(l.substance_name), "
    "COALESCE(SUM(CASE WHEN l.activity = 'produce' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'import' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'process' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'use' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'export' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(l.air_t), 0), COALESCE(SUM(l.water_t), 0), COALESCE(SUM(l.soil_t), 0), COALESCE(SUM(l.waste_t), 0), "
    "COUNT(l.air_t) + COUNT(l.water_t) + COUNT(l.soil_t), COUNT(*), COALESCE(SUM(l.confidential), 0)";

// Distinct use cells per substance, enterprise and tier.
constexpr const char* kUses = "SELECT DISTINCT l.substance_key, s.enterprise_id, c.tier, l.uses_text";

struct Part {
    std::string cas, name;
    std::optional<std::int64_t> substance_id;
    double produce = 0, import = 0, process = 0, use = 0, exported = 0, air = 0, water = 0, soil = 0, waste = 0;
    std::int64_t emission_figures = 0, lines = 0, confidential = 0;
};

// Reported figures summed: rounded to the gram (1e-6 t), as the survey's result tables are.
double Grams(double t) { return std::round(t * 1e6) / 1e6; }

}  // namespace

Result<std::optional<int>> LatestApprovedYear(store::Database& db) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto row, store::QueryOne(*connection,
                                                     "SELECT MAX(c.year) FROM survey_submissions s JOIN survey_campaigns c "
                                                     "ON c.id = s.campaign_id WHERE s.approved_version_id IS NOT NULL"));
    if (!row || row->IsNull(0)) return std::optional<int>();
    return std::optional<int>(static_cast<int>(row->Int(0)));
}

Result<SubstanceTotals> LoadSubstanceTotals(store::Database& db, int year) {
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    const std::vector<store::Value> params{std::int64_t{year}};
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kPerEnterprise) + kFrom +
                                                            " GROUP BY l.substance_key, s.enterprise_id, c.tier",
                                                        params));
    // (substance key, enterprise) → tier → sums; the detailed tier wins where present.
    std::map<std::pair<std::string, std::int64_t>, std::map<std::string, Part>> parts;
    for (const auto& row : rows.rows) {
        Part p;
        p.cas = row.Text(3);
        p.substance_id = row.OptionalInt(4);
        p.name = row.Text(5);
        double* values[] = {&p.produce, &p.import, &p.process, &p.use, &p.exported,
                            &p.air,     &p.water,  &p.soil,    &p.waste};
        std::size_t at = 6;
        for (double* v : values) *v = row.Real(at++);
        p.emission_figures = row.Int(at++);
        p.lines = row.Int(at++);
        p.confidential = row.Int(at);
        parts[{row.Text(0), row.Int(1)}][row.Text(2)] = std::move(p);
    }
    auto chosen_tier = [&](const std::map<std::string, Part>& by_tier) {
        return by_tier.count("detailed") ? std::string("detailed") : by_tier.begin()->first;
    };

    std::map<std::string, SubstanceTotal> totals;
    for (const auto& [key, by_tier] : parts) {
        const std::string tier = chosen_tier(by_tier);
        const Part& p = by_tier.at(tier);
        SubstanceTotal& t = totals[key.first];
        t.substance_key = key.first;
        if (t.cas.empty()) t.cas = p.cas;
        if (!t.substance_id) t.substance_id = p.substance_id;
        if (t.name.empty()) t.name = p.name;
        t.produce += p.produce;
        t.import += p.import;
        t.process += p.process;
        t.use += p.use;
        t.exported += p.exported;
        t.handled += std::max(p.produce + p.import, p.process + p.use);
        t.air += p.air;
        t.water += p.water;
        t.soil += p.soil;
        t.waste += p.waste;
        t.emissions_reported = t.emissions_reported || p.emission_figures > 0;
        t.enterprises += 1;
        t.lines += p.lines;
        t.confidential_lines += p.confidential;
        if (std::find(t.tiers.begin(), t.tiers.end(), tier) == t.tiers.end()) t.tiers.push_back(tier);
    }

    NPGOV_ASSIGN_OR_RETURN(auto uses, connection->Query(std::string(kUses) + kFrom + " AND l.uses_text <> ''", params));
    std::map<std::string, std::map<std::string, std::set<std::int64_t>>> use_enterprises;  // key → term → enterprises
    for (const auto& row : uses.rows) {
        const std::string& key = row.Text(0);
        const std::int64_t enterprise = row.Int(1);
        auto part = parts.find({key, enterprise});
        if (part == parts.end() || chosen_tier(part->second) != row.Text(2)) continue;
        for (auto& term : SplitUses(row.Text(3))) use_enterprises[key][term].insert(enterprise);
    }

    SubstanceTotals out;
    out.year = year;
    NPGOV_ASSIGN_OR_RETURN(auto scopes, connection->Query("SELECT DISTINCT c.substances FROM survey_campaigns c WHERE c.year = ? "
                                                          "AND EXISTS (SELECT 1 FROM survey_submissions s WHERE "
                                                          "s.campaign_id = c.id AND s.approved_version_id IS NOT NULL)",
                                                          params));
    std::set<std::string> scoped;
    for (const auto& row : scopes.rows) {
        for (auto& cas : internal::SplitCodes(row.Text(0))) scoped.insert(std::move(cas));
    }
    out.scoped_cas.assign(scoped.begin(), scoped.end());
    out.substances.reserve(totals.size());
    for (auto& [key, t] : totals) {
        for (double* v : {&t.produce, &t.import, &t.process, &t.use, &t.exported, &t.handled, &t.air, &t.water, &t.soil,
                          &t.waste}) {
            *v = Grams(*v);
        }
        if (auto found = use_enterprises.find(key); found != use_enterprises.end()) {
            for (const auto& [term, enterprises] : found->second) {
                t.uses.push_back({term, static_cast<std::int64_t>(enterprises.size())});
            }
            std::stable_sort(t.uses.begin(), t.uses.end(),
                             [](const UseCount& a, const UseCount& b) { return a.enterprises > b.enterprises; });
        }
        std::sort(t.tiers.begin(), t.tiers.end());
        out.substances.push_back(std::move(t));
    }
    return out;
}

}  // namespace npgov::survey
