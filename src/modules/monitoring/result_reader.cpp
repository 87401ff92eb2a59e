#include "modules/monitoring/result_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

#include "store/paging.hpp"
#include "store/placeholders.hpp"

namespace npgov::monitoring {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr const char* kResultColumns =
    "SELECT r.id, r.site_id, r.sample_id, r.sampled_on, e.sampling_time, r.medium, s.matrix, s.depth_m, r.cas, "
    "r.substance_name, r.reported, r.qualifier, r.value, r.unit, r.lod, r.loq, r.normalised_unit, "
    "r.normalised_value, r.normalised_limit, r.censored, r.method, r.laboratory, r.blank_value, "
    "r.spike_recovery_pct, r.duplicate_rpd_pct, r.import_id, r.source_row, r.substance_id, i.synthetic "
    "FROM monitoring_results r JOIN monitoring_samples s ON s.id = r.sample_id "
    "JOIN monitoring_events e ON e.id = s.event_id JOIN monitoring_imports i ON i.id = r.import_id";

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

Medium MediumAt(const store::Row& row, std::size_t i) {
    auto medium = ParseMedium(row.Text(i));
    if (!medium) throw InternalError{"monitoring_results.medium holds an unknown medium: " + row.Text(i)};
    return *medium;
}

StoredResult ResultFromRow(const store::Row& row) {
    auto qualifier = ParseQualifier(row.Text(11));
    if (!qualifier) throw InternalError{"monitoring_results.qualifier holds an unknown qualifier: " + row.Text(11)};
    StoredResult r;
    r.id = row.Int(0);
    r.site_id = row.Int(1);
    r.sample_id = row.Int(2);
    r.sampled_on = row.Text(3);
    r.sampling_time = row.Text(4);
    r.medium = MediumAt(row, 5);
    r.matrix = row.Text(6);
    r.depth_m = OptionalReal(row, 7);
    r.cas = row.Text(8);
    r.substance_name = row.Text(9);
    r.reported = row.Text(10);
    r.qualifier = *qualifier;
    r.value = OptionalReal(row, 12);
    r.unit = row.Text(13);
    r.lod = OptionalReal(row, 14);
    r.loq = OptionalReal(row, 15);
    r.normalised_unit = row.Text(16);
    r.normalised_value = OptionalReal(row, 17);
    r.normalised_limit = OptionalReal(row, 18);
    r.censored = row.Int(19) != 0;
    r.method = row.Text(20);
    r.laboratory = row.Text(21);
    r.blank = OptionalReal(row, 22);
    r.spike_recovery_pct = OptionalReal(row, 23);
    r.duplicate_rpd_pct = OptionalReal(row, 24);
    r.import_id = row.Int(25);
    r.source_row = row.Int(26);
    r.substance_id = row.OptionalInt(27);
    r.synthetic = row.Int(28) != 0;
    return r;
}

// Conditions on monitoring_results r.
void AddConditions(const ResultFilter& filter, const SiteScope& scope, std::string& where,
                   std::vector<store::Value>& params) {
    auto add = [&](const std::string& condition) { where += (where.empty() ? " WHERE " : " AND ") + condition; };
    if (scope.region_code) {
        add("r.region_code = ?");
        params.emplace_back(*scope.region_code);
    }
    if (filter.cas) {
        add("r.cas = ?");
        params.emplace_back(*filter.cas);
    }
    if (filter.medium) {
        add("r.medium = ?");
        params.emplace_back(std::string(ToString(*filter.medium)));
    }
    if (filter.from) {
        add("r.sampled_on >= ?");
        params.emplace_back(filter.from->ToIsoString());
    }
    if (filter.to) {
        add("r.sampled_on <= ?");
        params.emplace_back(filter.to->ToIsoString());
    }
}


stats::Observation ObservationOf(bool censored, const std::optional<double>& value, const std::optional<double>& limit) {
    stats::Observation o;
    o.censored = censored;
    o.value = censored ? kNaN : value.value_or(kNaN);
    o.limit = limit.value_or(kNaN);
    return o;
}

using GroupKey = std::tuple<std::int64_t, std::string, std::string>;  // site id (0 when pooled), CAS, medium

constexpr std::size_t kSitesPerBatch = 100;

// What a group's summary is computed from.
struct GroupData {
    std::vector<stats::Observation> sample;
    std::string first_date, last_date, substance_name;
    std::vector<std::int64_t> site_ids;  // distinct
};

void Add(GroupData& g, std::int64_t site_id, const std::string& date, const std::string& name, stats::Observation o) {
    g.sample.push_back(o);
    if (g.first_date.empty() || date < g.first_date) g.first_date = date;
    if (date > g.last_date) g.last_date = date;
    if (name > g.substance_name) g.substance_name = name;
    if (std::find(g.site_ids.begin(), g.site_ids.end(), site_id) == g.site_ids.end()) g.site_ids.push_back(site_id);
}

// The summary of one group's sample: the stats engine, and the exceedance of the threshold
// where the query gives one.
Result<GroupSummary> Summarise(const std::string& cas, Medium medium, const std::vector<stats::Observation>& sample,
                               const std::optional<Threshold>& threshold) {
    GroupSummary summary;
    summary.cas = cas;
    summary.medium = medium;
    summary.unit = std::string(NormalisedUnit(medium));
    auto computed = stats::SummarizeCensored(sample);
    if (!computed) {
        return MakeError(ErrorCode::kDataLoss, "monitoring.stored_result",
                         "存储的监测结果无法统计（" + cas + "）：" + computed.error().message_zh,
                         "stored results of " + cas + " cannot be summarised: " + computed.error().message_en);
    }
    summary.summary = std::move(*computed);
    if (threshold) {
        auto limit = Normalise(threshold->value, threshold->unit, medium);
        if (limit) {
            summary.exceedance = stats::ComputeExceedance(sample, *limit);
        } else {
            summary.exceedance = tl::unexpected(limit.error());
        }
    }
    return summary;
}

constexpr const char* kObservationColumns =
    "SELECT r.site_id, r.cas, r.medium, r.censored, r.normalised_value, r.normalised_limit, r.sampled_on, "
    "r.substance_name FROM monitoring_results r";

}  // namespace

Result<Page<StoredResult>> ResultReader::ListResults(std::int64_t site_id, const ResultFilter& filter,
                                                     const SiteScope& scope, const PageRequest& page) {
    NPGOV_RETURN_IF_ERROR(sites_.Find(site_id, scope));
    std::string where = " WHERE r.site_id = ?";
    std::vector<store::Value> params = {site_id};
    AddConditions(filter, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    return store::QueryPage<StoredResult>(
        *connection, {kResultColumns, "monitoring_results r", where, " ORDER BY r.sampled_on DESC, r.id DESC", params},
        page, ResultFromRow);
}

Result<Page<GroupSummary>> ResultReader::Summarize(const SummaryQuery& query, const SiteScope& scope,
                                                   const PageRequest& page) {
    std::string where;
    std::vector<store::Value> params;
    if (query.site_id) {
        NPGOV_RETURN_IF_ERROR(sites_.Find(*query.site_id, scope));
        where = " WHERE r.site_id = ?";
        params.emplace_back(*query.site_id);
    }
    AddConditions(query.filter, scope, where, params);
    const bool by_site = query.group_by == GroupBy::kSite;
    const std::string group_columns = by_site ? "r.site_id, r.cas, r.medium" : "r.cas, r.medium";

    store::Rows groups;
    std::map<GroupKey, std::size_t> index;
    std::vector<std::vector<stats::Observation>> samples;
    Page<GroupSummary> out;
    out.page = page.page;
    out.page_size = page.page_size;
    {
        NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
        NPGOV_ASSIGN_OR_RETURN(auto count, connection->Query("SELECT COUNT(*) FROM (SELECT " + group_columns +
                                                                 " FROM monitoring_results r" + where + " GROUP BY " +
                                                                 group_columns + ") g",
                                                             params));
        out.total = count.rows.at(0).Int(0);

        std::vector<store::Value> page_params = params;
        page_params.emplace_back(std::int64_t{page.page_size});
        page_params.emplace_back(page.offset());
        const std::string groups_sql =
            by_site ? "SELECT r.site_id, r.cas, r.medium, MIN(r.sampled_on), MAX(r.sampled_on), MAX(r.substance_name), "
                      "COUNT(DISTINCT r.site_id) FROM monitoring_sites t JOIN monitoring_results r ON r.site_id = t.id" +
                          where + " GROUP BY t.code, r.site_id, r.cas, r.medium ORDER BY t.code, r.cas, r.medium"
                    : "SELECT 0, r.cas, r.medium, MIN(r.sampled_on), MAX(r.sampled_on), MAX(r.substance_name), "
                      "COUNT(DISTINCT r.site_id) FROM monitoring_results r" +
                          where + " GROUP BY r.cas, r.medium ORDER BY r.cas, r.medium";
        NPGOV_ASSIGN_OR_RETURN(groups, connection->Query(groups_sql + " LIMIT ? OFFSET ?", page_params));
        if (groups.rows.empty()) return out;

        // The observations of the page's groups, in one query.
        std::vector<std::int64_t> site_ids;
        std::vector<std::string> cas_numbers;
        for (const auto& row : groups.rows) {
            const GroupKey key{row.Int(0), row.Text(1), row.Text(2)};
            index.emplace(key, index.size());
            if (by_site && std::find(site_ids.begin(), site_ids.end(), row.Int(0)) == site_ids.end()) {
                site_ids.push_back(row.Int(0));
            }
            if (std::find(cas_numbers.begin(), cas_numbers.end(), row.Text(1)) == cas_numbers.end()) {
                cas_numbers.push_back(row.Text(1));
            }
        }
        std::string obs_where = where;
        std::vector<store::Value> obs_params = params;
        obs_where += (obs_where.empty() ? " WHERE " : " AND ") + std::string("r.cas IN (") + store::Placeholders(cas_numbers.size()) + ")";
        for (const auto& cas : cas_numbers) obs_params.emplace_back(cas);
        if (by_site) {
            obs_where += " AND r.site_id IN (" + store::Placeholders(site_ids.size()) + ")";
            for (std::int64_t id : site_ids) obs_params.emplace_back(id);
        }
        NPGOV_ASSIGN_OR_RETURN(auto observations,
                               connection->Query("SELECT r.site_id, r.cas, r.medium, r.censored, r.normalised_value, "
                                                 "r.normalised_limit FROM monitoring_results r" +
                                                     obs_where,
                                                 obs_params));
        samples.resize(index.size());
        for (const auto& row : observations.rows) {
            auto it = index.find(GroupKey{by_site ? row.Int(0) : 0, row.Text(1), row.Text(2)});
            if (it == index.end()) continue;  // another site's results for a CAS of this page
            samples[it->second].push_back(ObservationOf(row.Int(3) != 0, OptionalReal(row, 4), OptionalReal(row, 5)));
        }
    }  // the connection goes back to the pool before the sites are looked up

    for (std::size_t g = 0; g < groups.rows.size(); ++g) {
        const auto& row = groups.rows[g];
        const auto& sample = samples[index.at(GroupKey{row.Int(0), row.Text(1), row.Text(2)})];
        NPGOV_ASSIGN_OR_RETURN(GroupSummary summary, Summarise(row.Text(1), MediumAt(row, 2), sample, query.threshold));
        if (by_site) {
            NPGOV_ASSIGN_OR_RETURN(Site site, sites_.Find(row.Int(0)));
            summary.site = std::move(site);
        }
        summary.first_date = row.Text(3);
        summary.last_date = row.Text(4);
        summary.substance_name = row.Text(5);
        summary.sites = row.Int(6);
        out.items.push_back(std::move(summary));
    }
    return out;
}

Result<std::int64_t> ResultReader::ForEachSummary(const SummaryQuery& query, const SiteScope& scope,
                                                  const std::function<Status(const GroupSummary&)>& visit) {
    std::string where;
    std::vector<store::Value> params;
    AddConditions(query.filter, scope, where, params);
    auto and_where = [&](const std::string& condition) { return (where.empty() ? " WHERE " : where + " AND ") + condition; };
    std::int64_t visited = 0;

    if (query.group_by == GroupBy::kSubstance) {
        std::vector<std::pair<std::string, std::string>> groups;  // CAS, medium
        {
            std::string group_where = where;
            std::vector<store::Value> group_params = params;
            if (query.site_id) {
                NPGOV_RETURN_IF_ERROR(sites_.Find(*query.site_id, scope));
                group_where = and_where("r.site_id = ?");
                group_params.emplace_back(*query.site_id);
            }
            NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT DISTINCT r.cas, r.medium FROM monitoring_results r" +
                                                                    group_where + " ORDER BY r.cas, r.medium",
                                                                group_params));
            for (const auto& row : rows.rows) groups.emplace_back(row.Text(0), row.Text(1));
        }
        for (const auto& [cas, medium] : groups) {
            std::string group_where = and_where("r.cas = ? AND r.medium = ?");
            std::vector<store::Value> group_params = params;
            group_params.emplace_back(cas);
            group_params.emplace_back(medium);
            if (query.site_id) {
                group_where += " AND r.site_id = ?";
                group_params.emplace_back(*query.site_id);
            }
            GroupData data;
            {
                NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
                NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(kObservationColumns + group_where, group_params));
                for (const auto& row : rows.rows) {
                    Add(data, row.Int(0), row.Text(6), row.Text(7),
                        ObservationOf(row.Int(3) != 0, OptionalReal(row, 4), OptionalReal(row, 5)));
                }
            }
            if (data.sample.empty()) continue;
            auto parsed_medium = ParseMedium(medium);
            if (!parsed_medium) throw InternalError{"monitoring_results.medium holds an unknown medium: " + medium};
            NPGOV_ASSIGN_OR_RETURN(GroupSummary summary, Summarise(cas, *parsed_medium, data.sample, query.threshold));
            summary.first_date = data.first_date;
            summary.last_date = data.last_date;
            summary.substance_name = data.substance_name;
            summary.sites = static_cast<std::int64_t>(data.site_ids.size());
            NPGOV_RETURN_IF_ERROR(visit(summary));
            ++visited;
        }
        return visited;
    }

    // Per site: the sites in scope by code, a hundred at a time, each batch's results in one query.
    std::vector<Site> sites;
    if (query.site_id) {
        NPGOV_ASSIGN_OR_RETURN(Site site, sites_.Find(*query.site_id, scope));
        sites.push_back(std::move(site));
    } else {
        for (int page = 1;; ++page) {
            NPGOV_ASSIGN_OR_RETURN(auto list, sites_.List({}, scope, {page, kMaxPageSize}));
            for (auto& site : list.items) sites.push_back(std::move(site));
            if (static_cast<std::int64_t>(page) * kMaxPageSize >= list.total) break;
        }
    }
    for (std::size_t begin = 0; begin < sites.size(); begin += kSitesPerBatch) {
        const std::size_t end = std::min(sites.size(), begin + kSitesPerBatch);
        std::vector<store::Value> batch_params = params;
        for (std::size_t i = begin; i < end; ++i) batch_params.emplace_back(sites[i].id);
        std::map<GroupKey, GroupData> groups;  // ordered by site id, CAS, medium
        {
            NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(kObservationColumns +
                                                                    and_where("r.site_id IN (" + store::Placeholders(end - begin) + ")"),
                                                                batch_params));
            for (const auto& row : rows.rows) {
                Add(groups[GroupKey{row.Int(0), row.Text(1), row.Text(2)}], row.Int(0), row.Text(6), row.Text(7),
                    ObservationOf(row.Int(3) != 0, OptionalReal(row, 4), OptionalReal(row, 5)));
            }
        }
        for (std::size_t i = begin; i < end; ++i) {
            for (auto it = groups.lower_bound(GroupKey{sites[i].id, "", ""});
                 it != groups.end() && std::get<0>(it->first) == sites[i].id; ++it) {
                auto medium = ParseMedium(std::get<2>(it->first));
                if (!medium) throw InternalError{"monitoring_results.medium holds an unknown medium"};
                NPGOV_ASSIGN_OR_RETURN(GroupSummary summary,
                                       Summarise(std::get<1>(it->first), *medium, it->second.sample, query.threshold));
                summary.site = sites[i];
                summary.first_date = it->second.first_date;
                summary.last_date = it->second.last_date;
                summary.substance_name = it->second.substance_name;
                summary.sites = 1;
                NPGOV_RETURN_IF_ERROR(visit(summary));
                ++visited;
            }
        }
    }
    return visited;
}

Result<std::vector<Series>> ResultReader::LoadSeries(std::int64_t site_id, const std::string& cas,
                                                     const ResultFilter& filter, const SiteScope& scope) {
    NPGOV_RETURN_IF_ERROR(sites_.Find(site_id, scope));
    std::string where = " WHERE r.site_id = ? AND r.cas = ?";
    std::vector<store::Value> params = {site_id, cas};
    ResultFilter rest = filter;
    rest.cas.reset();
    AddConditions(rest, scope, where, params);
    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query("SELECT r.id, r.sampled_on, e.sampling_time, r.medium, "
                                                        "r.censored, r.qualifier, r.normalised_value, "
                                                        "r.normalised_limit, r.substance_name FROM monitoring_results r "
                                                        "JOIN monitoring_samples s ON s.id = r.sample_id "
                                                        "JOIN monitoring_events e ON e.id = s.event_id" +
                                                            where + " ORDER BY r.medium, r.sampled_on, e.sampling_time, r.id",
                                                        params));
    std::vector<Series> out;
    for (const auto& row : rows.rows) {
        const Medium medium = MediumAt(row, 3);
        if (out.empty() || out.back().medium != medium) {
            out.push_back({cas, row.Text(8), medium, std::string(NormalisedUnit(medium)), {}});
        }
        if (out.back().substance_name.empty()) out.back().substance_name = row.Text(8);
        auto qualifier = ParseQualifier(row.Text(5));
        if (!qualifier) throw InternalError{"monitoring_results.qualifier holds an unknown qualifier: " + row.Text(5)};
        const bool censored = row.Int(4) != 0;
        out.back().points.push_back({row.Int(0), row.Text(1), row.Text(2), censored, *qualifier,
                                     censored ? std::nullopt : OptionalReal(row, 6), OptionalReal(row, 7)});
    }
    return out;
}

}  // namespace npgov::monitoring
