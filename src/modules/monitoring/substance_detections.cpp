#include "modules/monitoring/substance_detections.hpp"

namespace npgov::monitoring {
namespace {

// Grouped by CAS, medium and normalised unit (one unit per medium, but the grouping keeps a
// stored row that broke that rule visible instead of merging it).
constexpr const char* kDetections =
    "SELECT r.cas, r.medium, r.normalised_unit, COUNT(*), "
    "SUM(CASE WHEN r.censored = 0 THEN 1 ELSE 0 END), COUNT(DISTINCT r.site_id), "
    "MAX(CASE WHEN r.censored = 0 THEN r.normalised_value END), "
    "MAX(CASE WHEN r.censored = 1 THEN r.normalised_limit END), "
    "MIN(r.sampled_on), MAX(r.sampled_on), MAX(r.substance_id), MAX(r.substance_name), MAX(i.synthetic) "
    "FROM monitoring_results r JOIN monitoring_imports i ON i.id = r.import_id";

std::optional<double> OptionalReal(const store::Row& row, std::size_t i) {
    if (row.IsNull(i)) return std::nullopt;
    return row.Real(i);
}

}  // namespace

Result<std::vector<SubstanceDetection>> LoadSubstanceDetections(store::Database& db, const DetectionQuery& query,
                                                                const SiteScope& scope) {
    std::string where;
    std::vector<store::Value> params;
    auto add = [&](const std::string& condition, store::Value value) {
        where += (where.empty() ? " WHERE " : " AND ") + condition;
        params.push_back(std::move(value));
    };
    if (scope.region_code) add("r.region_code = ?", *scope.region_code);
    if (query.cas) add("r.cas = ?", *query.cas);
    if (query.from) add("r.sampled_on >= ?", query.from->ToIsoString());
    if (query.to) add("r.sampled_on <= ?", query.to->ToIsoString());
    NPGOV_ASSIGN_OR_RETURN(auto connection, db.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(std::string(kDetections) + where +
                                                            " GROUP BY r.cas, r.medium, r.normalised_unit"
                                                            " ORDER BY r.cas, r.medium, r.normalised_unit",
                                                        params));
    std::vector<SubstanceDetection> out;
    out.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
        SubstanceDetection d;
        d.cas = row.Text(0);
        auto medium = ParseMedium(row.Text(1));
        if (!medium) {
            return MakeError(ErrorCode::kDataLoss, "monitoring.stored_result",
                             "监测结果中有无法识别的介质：" + row.Text(1), "a stored result has an unknown medium: " + row.Text(1),
                             "medium");
        }
        d.medium = *medium;
        d.unit = row.Text(2);
        d.samples = row.Int(3);
        d.detects = row.Int(4);
        d.sites = row.Int(5);
        d.max_detected = OptionalReal(row, 6);
        d.max_nondetect_limit = OptionalReal(row, 7);
        d.first_date = row.Text(8);
        d.last_date = row.Text(9);
        d.substance_id = row.OptionalInt(10);
        d.substance_name = row.Text(11);
        d.synthetic = row.Int(12) != 0;
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace npgov::monitoring
