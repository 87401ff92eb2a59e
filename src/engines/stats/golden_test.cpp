// The stats engine against committed golden files produced by independent implementations
// (tests/golden/stats, regenerated and compared by the ctest stats_goldens_regenerate):
//  - km_golden.csv: R survival 3.5 survfit on flipped data (km_golden.R);
//  - ros_golden.csv, ros_values_golden.csv: an independent Python ROS written from Helsel &
//    Cohn (1988), cross-checked there against statsmodels' impute_ros (ros_golden.py);
//  - trend_golden.csv: scipy.stats.kendalltau / theilslopes and an independent seasonal
//    Kendall (trend_golden.py).
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "engines/stats/kaplan_meier.hpp"
#include "engines/stats/mann_kendall.hpp"
#include "engines/stats/ros.hpp"
#include "engines/stats/seasonal_kendall.hpp"
#include "engines/stats/sen_slope.hpp"

namespace npgov::stats {
namespace {

CsvTable Load(const std::string& name) {
    std::ifstream in(std::string(NPGOV_STATS_GOLDEN_DIR) + "/" + name);
    std::stringstream text;
    text << in.rdbuf();
    auto table = ParseCsv(text.str());
    if (!table) ADD_FAILURE() << name << ": " << table.error().Describe();
    return table ? *table : CsvTable{};
}

// Rows of a golden table as column-name → text maps.
std::vector<std::map<std::string, std::string>> Rows(const std::string& name) {
    const CsvTable table = Load(name);
    std::vector<std::map<std::string, std::string>> rows;
    for (const auto& record : table.rows) {
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < table.header.size() && i < record.size(); ++i) row[table.header[i]] = record[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

std::map<std::string, std::vector<Observation>> CensoredGroups() {
    std::map<std::string, std::vector<Observation>> groups;
    for (auto& row : Rows("censored_input.csv")) {
        Observation o;
        o.censored = row["censored"] == "true";
        if (!row["value"].empty()) o.value = std::stod(row["value"]);
        if (!row["limit"].empty()) o.limit = std::stod(row["limit"]);
        groups[row["group"]].push_back(o);
    }
    return groups;
}

std::map<std::string, std::vector<TrendPoint>> TrendSeries() {
    std::map<std::string, std::vector<TrendPoint>> series;
    for (auto& row : Rows("trend_input.csv")) {
        series[row["series"]].push_back(
            {std::stod(row["time"]), std::stod(row["value"]), row["season"].empty() ? 0 : std::stoi(row["season"])});
    }
    return series;
}

// Compares with a relative tolerance (and the same absolute one near 0).
void ExpectClose(double ours, const std::string& golden, double rel, const std::string& context) {
    if (golden == "NA") {
        ADD_FAILURE() << context << ": golden is NA, ours " << ours;
        return;
    }
    const double want = std::stod(golden);
    EXPECT_NEAR(ours, want, rel * std::max(1.0, std::abs(want))) << context;
}

void ExpectOptional(const std::optional<double>& ours, const std::string& golden, double rel, const std::string& context) {
    if (golden == "NA") {
        EXPECT_FALSE(ours.has_value()) << context << ": R has NA, ours " << ours.value_or(0);
    } else {
        ASSERT_TRUE(ours.has_value()) << context << ": R has " << golden;
        ExpectClose(*ours, golden, rel, context);
    }
}

TEST(GoldenTest, KaplanMeierMatchesRSurvfitOnFlippedData) {
    // Tolerance 1e-12 relative: R flips with M = max + 1, so each flipped time and its
    // difference back carries a rounding error of about ulp(M) ≈ 1e-14; we work unflipped.
    auto groups = CensoredGroups();
    const auto rows = Rows("km_golden.csv");
    ASSERT_EQ(rows.size(), groups.size());
    for (auto row : rows) {
        const std::string& g = row["group"];
        const auto km = ComputeKaplanMeier(groups[g]);
        if (row["status"] != "ok") {
            ASSERT_FALSE(km) << g;
            EXPECT_EQ("refused:" + km.error().reason, row["status"]) << g;
            continue;
        }
        ASSERT_TRUE(km) << g << ": " << km.error().Describe();
        EXPECT_EQ(std::to_string(km->n), row["n"]) << g;
        EXPECT_EQ(std::to_string(km->detects), row["detects"]) << g;
        ExpectClose(km->mean, row["mean"], 1e-12, g + " mean");
        ExpectClose(km->mean_se, row["se"], 1e-12, g + " se");
        ExpectOptional(km->median, row["median"], 1e-12, g + " median");
        ExpectOptional(km->p90, row["p90"], 1e-12, g + " p90");
        ExpectOptional(km->p95, row["p95"], 1e-12, g + " p95");
    }
}

TEST(GoldenTest, RosMatchesIndependentPythonImplementation) {
    // Tolerance 1e-10 relative: the regression (numpy lstsq vs centred sums here) and the normal
    // quantiles (scipy's ndtri vs Boost.Math) differ in the last bits, and exp() of the fitted
    // line multiplies a log-scale error by at most ~|slope·z| ≲ 10.
    auto groups = CensoredGroups();
    std::map<std::string, std::vector<std::map<std::string, std::string>>> values;
    for (auto& row : Rows("ros_values_golden.csv")) values[row["group"]].push_back(row);
    for (auto row : Rows("ros_golden.csv")) {
        const std::string& g = row["group"];
        const auto ros = ComputeRos(groups[g]);
        if (row["status"] != "ok") {
            ASSERT_FALSE(ros) << g;
            EXPECT_EQ("refused:" + ros.error().reason, row["status"]) << g;
            continue;
        }
        ASSERT_TRUE(ros) << g << ": " << ros.error().Describe();
        EXPECT_EQ(std::to_string(ros->n), row["n"]) << g;
        EXPECT_EQ(std::to_string(ros->dropped), row["dropped"]) << g;
        for (const char* q : {"intercept", "slope", "mean", "sd", "median", "p90", "p95"}) {
            const double ours = q == std::string("intercept") ? ros->intercept
                              : q == std::string("slope")     ? ros->slope
                              : q == std::string("mean")      ? ros->mean
                              : q == std::string("sd")        ? ros->sd
                              : q == std::string("median")    ? ros->median
                              : q == std::string("p90")       ? ros->p90
                                                              : ros->p95;
            ExpectClose(ours, row[q], 1e-10, g + " " + q);
        }
        auto& expected = values[g];
        ASSERT_EQ(ros->values.size(), expected.size()) << g;
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const std::string context = g + " value " + std::to_string(i);
            EXPECT_EQ(ros->values[i].censored, expected[i]["censored"] == "true") << context;
            ExpectClose(ros->values[i].plotting_position, expected[i]["plotting_position"], 1e-12, context + " pp");
            ExpectClose(ros->values[i].value, expected[i]["value"], 1e-10, context);
        }
    }
}

TEST(GoldenTest, TrendTestsMatchScipy) {
    // S and the variances are sums of integers: 1e-12 only absorbs division. p-values: Boost's
    // and scipy's normal tails agree to ~1e-15 relative; 1e-9 relative leaves a wide margin and
    // still catches any formula change (a continuity-correction slip moves p by > 1e-3).
    auto series = TrendSeries();
    for (auto row : Rows("trend_golden.csv")) {
        const std::string context = row["series"] + " " + row["method"];
        const auto& points = series[row["series"]];
        if (row["method"] == "mann_kendall") {
            const auto mk = ComputeMannKendall(points);
            ASSERT_TRUE(mk) << context << ": " << mk.error().Describe();
            ExpectClose(mk->s, row["s"], 1e-12, context + " S");
            ExpectClose(mk->variance, row["variance"], 1e-12, context + " var");
            ExpectClose(mk->z, row["z"], 1e-12, context + " z");
            ExpectClose(mk->tau, row["tau"], 1e-12, context + " tau");
            EXPECT_NEAR(mk->p_normal, std::stod(row["p_normal"]), 1e-9 * std::stod(row["p_normal"])) << context;
            ExpectOptional(mk->p_exact, row["p_exact"], 1e-9, context + " p_exact");
            EXPECT_NEAR(mk->p_value, std::stod(row["p_value"]), 1e-9 * std::stod(row["p_value"])) << context;
        } else if (row["method"] == "sen_slope") {
            const auto sen = ComputeSenSlope(points);
            ASSERT_TRUE(sen) << context << ": " << sen.error().Describe();
            ExpectClose(sen->slope, row["slope"], 1e-12, context + " slope");
            ExpectClose(sen->intercept, row["intercept"], 1e-12, context + " intercept");
            ExpectClose(sen->lower, row["lower"], 1e-12, context + " lower");
            ExpectClose(sen->upper, row["upper"], 1e-12, context + " upper");
        } else {
            ASSERT_EQ(row["method"], "seasonal_kendall");
            const auto sk = ComputeSeasonalKendall(points);
            ASSERT_TRUE(sk) << context << ": " << sk.error().Describe();
            ExpectClose(sk->s, row["s"], 1e-12, context + " S");
            ExpectClose(sk->variance, row["variance"], 1e-12, context + " var");
            ExpectClose(sk->z, row["z"], 1e-12, context + " z");
            EXPECT_NEAR(sk->p_value, std::stod(row["p_value"]), 1e-9 * std::stod(row["p_value"])) << context;
            ExpectClose(sk->slope, row["slope"], 1e-12, context + " slope");
            ExpectClose(sk->lower, row["lower"], 1e-12, context + " lower");
            ExpectClose(sk->upper, row["upper"], 1e-12, context + " upper");
        }
    }
}

}  // namespace
}  // namespace npgov::stats
