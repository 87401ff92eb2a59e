#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/cas_number.hpp"
#include "core/text.hpp"
#include "modules/auth/scope.hpp"
#include "modules/survey/survey_results.hpp"
#include "modules/survey/survey_service.hpp"
#include "modules/survey/survey_store.hpp"

namespace npgov::survey {
namespace {

constexpr const char* kSums =
    "COALESCE(SUM(CASE WHEN l.activity = 'produce' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'import' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'process' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'use' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN l.activity = 'export' THEN l.tonnes ELSE 0 END), 0), "
    "COALESCE(SUM(l.air_t), 0), COALESCE(SUM(l.water_t), 0), COALESCE(SUM(l.soil_t), 0), "
    "COALESCE(SUM(l.waste_t), 0), COUNT(DISTINCT s.enterprise_id), COUNT(*)";
constexpr const char* kFrom =
    " FROM survey_lines l JOIN survey_submissions s ON s.approved_version_id = l.version_id "
    "JOIN survey_campaigns c ON c.id = s.campaign_id";

void ReadSums(const store::Row& row, std::size_t at, ResultRow& out) {
    double* values[] = {&out.produce, &out.import, &out.process, &out.use, &out.exported,
                        &out.air,     &out.water,  &out.soil,    &out.waste};
    // Sums of reported figures: rounded to the gram (1e-6 t) to drop binary floating-point noise.
    for (double* v : values) *v = std::round(row.Real(at++) * 1e6) / 1e6;
    out.enterprises = row.Int(at++);
    out.lines = row.Int(at);
}

// Sums per (CAS, enterprise) of approved lines, then per list entry: an entry's members are its
// explicit CAS numbers and those of its named members. Distinct enterprises per entry.
Result<ResultTable> SumByListEntry(store::Connection& connection, const std::string& where,
                                   const std::vector<store::Value>& params, const lists::Edition& edition,
                                   ResultTable table) {
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection.Query(std::string("SELECT l.cas, s.enterprise_id, ") + kSums + kFrom +
                                                           where + " AND l.cas <> '' GROUP BY l.cas, s.enterprise_id",
                                                       params));
    table.list_edition = edition.list_id + " " + edition.edition;
    std::map<std::string, std::vector<std::pair<std::int64_t, ResultRow>>> by_cas;
    for (const auto& row : rows.rows) {
        ResultRow r;
        ReadSums(row, 2, r);
        by_cas[row.Text(0)].emplace_back(row.Int(1), r);
    }
    std::set<std::int64_t> all_enterprises;
    for (const auto& entry : edition.entries) {
        std::set<std::string> cas(entry.cas_numbers.begin(), entry.cas_numbers.end());
        for (const auto& member : entry.members) cas.insert(member.cas_numbers.begin(), member.cas_numbers.end());
        ResultRow out;
        out.keys.emplace_back(entry.key, entry.name_zh);
        std::set<std::int64_t> enterprises;
        for (const auto& c : cas) {
            auto found = by_cas.find(c);
            if (found == by_cas.end()) continue;
            for (const auto& [enterprise, r] : found->second) {
                out.produce += r.produce;
                out.import += r.import;
                out.process += r.process;
                out.use += r.use;
                out.exported += r.exported;
                out.air += r.air;
                out.water += r.water;
                out.soil += r.soil;
                out.waste += r.waste;
                out.lines += r.lines;
                enterprises.insert(enterprise);
                all_enterprises.insert(enterprise);
            }
        }
        out.enterprises = static_cast<std::int64_t>(enterprises.size());
        table.total.produce += out.produce;
        table.total.import += out.import;
        table.total.process += out.process;
        table.total.use += out.use;
        table.total.exported += out.exported;
        table.total.air += out.air;
        table.total.water += out.water;
        table.total.soil += out.soil;
        table.total.waste += out.waste;
        table.total.lines += out.lines;
        table.rows.push_back(std::move(out));
    }
    table.total.enterprises = static_cast<std::int64_t>(all_enterprises.size());
    return table;
}

}  // namespace

Result<GroupBy> ParseGroupBy(std::string_view text) {
    const std::string k = ToLowerAscii(Trim(text));
    if (k == "substance") return GroupBy::kSubstance;
    if (k == "county" || k == "region") return GroupBy::kCounty;
    if (k == "industry") return GroupBy::kIndustry;
    if (k == "year") return GroupBy::kYear;
    if (k == "list_entry" || k == "entry") return GroupBy::kListEntry;
    return MakeError(ErrorCode::kInvalidArgument, "survey.group_by",
                     "分组须为 substance、county、industry、year 或 list_entry",
                     "group by substance, county, industry, year or list_entry", "by");
}

Result<std::vector<GroupBy>> ParseGroupByList(std::string_view text) {
    std::vector<GroupBy> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const auto part = Trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!part.empty()) {
            NPGOV_ASSIGN_OR_RETURN(auto g, ParseGroupBy(part));
            if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (out.empty()) out.push_back(GroupBy::kSubstance);
    if (out.size() > 1 && std::find(out.begin(), out.end(), GroupBy::kListEntry) != out.end()) {
        return MakeError(ErrorCode::kInvalidArgument, "survey.group_by", "list_entry 只能单独使用",
                         "list_entry cannot be combined with other groupings", "by");
    }
    return out;
}

Result<ResultTable> SurveyService::Results(const ResultQuery& query, const auth::Principal& who) {
    NPGOV_RETURN_IF_ERROR(auth::Authorize(who, auth::Permission::kReadSurvey));
    ResultTable table;
    table.group_by = query.group_by.empty() ? std::vector<GroupBy>{GroupBy::kSubstance} : query.group_by;
    const auto scope = auth::EnterpriseScopeOf(who);
    table.includes_confidential = SeesConfidential(who, scope.enterprise_id.value_or(0));
    std::string where = " WHERE 1 = 1";
    std::vector<store::Value> params;
    internal::AddScope(who, where, params);
    if (query.campaign_id) {
        where += " AND s.campaign_id = ?";
        params.emplace_back(*query.campaign_id);
    }
    if (query.year) {
        where += " AND c.year = ?";
        params.emplace_back(std::int64_t{*query.year});
    }
    if (query.cas) {
        NPGOV_ASSIGN_OR_RETURN(auto cas, CasNumber::Parse(*query.cas));
        where += " AND l.cas = ?";
        params.emplace_back(cas.text());
    }
    if (query.region_code) {
        where += " AND s.region_code = ?";
        params.emplace_back(*query.region_code);
    }
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    if (!table.includes_confidential) {
        NPGOV_ASSIGN_OR_RETURN(auto withheld, connection->Query(std::string("SELECT COUNT(*)") + kFrom + where +
                                                                    " AND l.confidential = 1",
                                                                params));
        table.withheld_lines = withheld.rows.at(0).Int(0);
        where += " AND l.confidential = 0";
    }
    if (table.group_by == std::vector<GroupBy>{GroupBy::kListEntry}) {
        if (!query.list) {
            return MakeError(ErrorCode::kInvalidArgument, "survey.list_missing", "按名录条目汇总须指定名录",
                             "grouping by list entry needs a list", "list");
        }
        return SumByListEntry(*connection, where, params, *query.list, std::move(table));
    }
    std::string select, group;
    for (GroupBy g : table.group_by) {
        const char* expr = g == GroupBy::kSubstance ? "l.substance_key"
                           : g == GroupBy::kCounty  ? "s.region_code"
                           : g == GroupBy::kIndustry ? "s.industry_code"
                                                    : "c.year";
        group += (group.empty() ? "" : ", ") + std::string(expr);
        select += std::string(expr) + ", ";
        if (g == GroupBy::kSubstance) select += "MAX(l.cas), MAX(l.substance_name), ";
    }
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT " + select + kSums + kFrom + where + " GROUP BY " + group +
                                                            " ORDER BY " + group,
                                                        params));
    NPGOV_ASSIGN_OR_RETURN(auto regions, reference_.ListRegions());
    NPGOV_ASSIGN_OR_RETURN(auto industries, reference_.ListIndustries());
    std::map<std::string, std::string> region_names, industry_names;
    for (const auto& r : regions) region_names[r.code] = r.name_zh;
    for (const auto& i : industries) industry_names[i.code] = i.name_zh;
    for (const auto& row : rows.rows) {
        ResultRow out;
        std::size_t at = 0;
        for (GroupBy g : table.group_by) {
            switch (g) {
                case GroupBy::kSubstance:
                    out.keys.emplace_back(row.Text(at + 1), row.Text(at + 2));
                    at += 3;
                    break;
                case GroupBy::kCounty:
                    out.keys.emplace_back(row.Text(at), region_names[row.Text(at)]);
                    ++at;
                    break;
                case GroupBy::kIndustry:
                    out.keys.emplace_back(row.Text(at), industry_names[row.Text(at)]);
                    ++at;
                    break;
                case GroupBy::kYear:
                    out.keys.emplace_back(std::to_string(row.Int(at)), "");
                    ++at;
                    break;
                case GroupBy::kListEntry:
                    break;  // handled by SumByListEntry
            }
        }
        ReadSums(row, at, out);
        table.rows.push_back(std::move(out));
    }
    NPGOV_ASSIGN_OR_RETURN(auto total, connection->Query(std::string("SELECT ") + kSums + kFrom + where, params));
    ReadSums(total.rows.at(0), 0, table.total);
    return table;
}

sheet::Sheet ToSheet(const ResultTable& table, const std::string& title) {
    sheet::Sheet s;
    s.name = "调查结果";
    s.title_lines = {title};
    if (!table.list_edition.empty()) {
        s.title_lines.push_back("名录：" + table.list_edition + "（按条目所列 CAS 号汇总；结构类别成员未计入）");
    }
    if (table.withheld_lines > 0) {
        s.title_lines.push_back("注：" + std::to_string(table.withheld_lines) + " 行商业秘密数据未计入本表");
    }
    for (GroupBy g : table.group_by) {
        switch (g) {
            case GroupBy::kSubstance: s.columns.push_back({"CAS号", 14, {}}); s.columns.push_back({"物质名称", 24, {}}); break;
            case GroupBy::kCounty: s.columns.push_back({"区县代码", 10, {}}); s.columns.push_back({"区县", 12, {}}); break;
            case GroupBy::kIndustry: s.columns.push_back({"行业代码", 10, {}}); s.columns.push_back({"行业", 24, {}}); break;
            case GroupBy::kYear: s.columns.push_back({"年度", 8, {}}); break;
            case GroupBy::kListEntry: s.columns.push_back({"条目", 8, {}}); s.columns.push_back({"名录条目", 30, {}}); break;
        }
    }
    for (const char* h : {"生产量(t)", "进口量(t)", "加工量(t)", "使用量(t)", "出口量(t)", "大气排放量(t)", "水体排放量(t)",
                          "土壤排放量(t)", "废物量(t)", "企业数", "行数"}) {
        s.columns.push_back({h, 12, {}});
    }
    auto add = [&](const ResultRow& r, bool total) {
        std::vector<sheet::Cell> cells;
        for (std::size_t i = 0; i < table.group_by.size(); ++i) {
            const GroupBy g = table.group_by[i];
            if (total) {
                cells.emplace_back(std::string(i == 0 ? "合计" : ""));
                if (g != GroupBy::kYear) cells.emplace_back(std::string());
                continue;
            }
            cells.emplace_back(r.keys[i].first);
            if (g != GroupBy::kYear) cells.emplace_back(r.keys[i].second);
        }
        for (double v : {r.produce, r.import, r.process, r.use, r.exported, r.air, r.water, r.soil, r.waste}) cells.emplace_back(v);
        cells.emplace_back(static_cast<double>(r.enterprises));
        cells.emplace_back(static_cast<double>(r.lines));
        s.rows.push_back(std::move(cells));
    };
    for (const auto& r : table.rows) add(r, false);
    add(table.total, true);
    return s;
}

}  // namespace npgov::survey
