// The SSD statistics against committed golden files produced by scipy 1.10 (tests/golden/assess,
// regenerated and compared by the ctest assess_goldens_regenerate; the generator re-derives every
// non-central t quantile by an independent quadrature):
//  - ssd_golden.csv: per data set of ssd_input.csv (five CCME long-term data sets as distributed
//    with ssdtools, and two constructed ones) the log-normal fit, HC5 with its 90 % limits,
//    Anderson-Darling (scipy.stats.anderson), Kolmogorov-Smirnov (scipy.stats.kstest) and
//    HC1/HC10/HC50 with limits;
//  - k_golden.csv: the extrapolation constants on a grid of n and p;
//  - curve_golden.csv: the chart curve of the boron data set.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "engines/assess/ssd_fit.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

std::vector<std::map<std::string, std::string>> Rows(const std::string& name) {
    auto table = ParseCsv(testing::ReadText(std::string(NPGOV_ASSESS_GOLDEN_DIR) + "/" + name));
    if (!table) ADD_FAILURE() << name << ": " << table.error().Describe();
    std::vector<std::map<std::string, std::string>> rows;
    if (!table) return rows;
    for (const auto& record : table->rows) {
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < table->header.size() && i < record.size(); ++i) row[table->header[i]] = record[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

// Relative tolerance 1e-10: both sides use Boost.Math's non-central t (scipy wraps it) and libm;
// what differs is summation order (long double here) and the A-D sum, worth ~1e-14; the margin
// keeps the test about the method, not the last bits.
void ExpectClose(double ours, const std::string& golden, const std::string& context) {
    const double want = std::stod(golden);
    EXPECT_NEAR(ours, want, 1e-10 * std::max(1.0, std::abs(want))) << context;
}

TEST(AssessGoldenTest, SsdStatisticsMatchScipy) {
    std::map<std::string, std::vector<double>> sets;
    for (auto& row : Rows("ssd_input.csv")) sets[row["dataset"]].push_back(std::log10(std::stod(row["value"])));
    const auto golden = Rows("ssd_golden.csv");
    ASSERT_EQ(golden.size(), 7u);
    const auto& critical = testing::ShippedFactors().ssd.ad_critical_values;
    for (auto g : golden) {
        const std::string name = g["dataset"];
        const auto& logs = sets[name];
        ASSERT_EQ(std::to_string(logs.size()), g["n"]) << name;
        auto fit = FitNormal(logs);
        ASSERT_TRUE(fit) << name;
        ExpectClose(fit->mean, g["mean_log10"], name + " mean");
        ExpectClose(fit->sd, g["sd_log10"], name + " sd");
        const HazardousConcentration hc5 = ComputeHazardousConcentration(*fit, 0.05, 0.90);
        ExpectClose(hc5.k.lower_limit, g["k_lower"], name + " k_lower");
        ExpectClose(hc5.k.median, g["k_median"], name + " k_median");
        ExpectClose(hc5.k.upper_limit, g["k_upper"], name + " k_upper");
        ExpectClose(std::pow(10.0, hc5.log10_median), g["hc5_median"], name + " hc5");
        ExpectClose(std::pow(10.0, hc5.log10_lower), g["hc5_lower"], name + " hc5 lower");
        ExpectClose(std::pow(10.0, hc5.log10_upper), g["hc5_upper"], name + " hc5 upper");
        const NormalityTest t = TestNormality(logs, *fit, critical, 0.05);
        ExpectClose(t.anderson_darling, g["anderson_darling"], name + " A2");
        ExpectClose(t.anderson_darling_modified, g["anderson_darling_modified"], name + " A2*");
        ExpectClose(t.kolmogorov_smirnov, g["kolmogorov_smirnov"], name + " KS");
        for (const auto& [p, key] : {std::pair{0.01, "0.01"}, std::pair{0.10, "0.1"}, std::pair{0.50, "0.5"}}) {
            const HazardousConcentration hc = ComputeHazardousConcentration(*fit, p, 0.90);
            const std::string prefix = std::string("hc") + key + "_log10_";
            ExpectClose(hc.log10_median, g[prefix + "median"], name + " " + prefix + "median");
            ExpectClose(hc.log10_lower, g[prefix + "lower"], name + " " + prefix + "lower");
            ExpectClose(hc.log10_upper, g[prefix + "upper"], name + " " + prefix + "upper");
        }
    }
}

TEST(AssessGoldenTest, ExtrapolationConstantsMatchScipy) {
    const auto golden = Rows("k_golden.csv");
    ASSERT_EQ(golden.size(), 70u);
    for (auto g : golden) {
        const std::size_t n = std::stoul(g["n"]);
        const double p = std::stod(g["p"]);
        const std::string context = "n=" + g["n"] + " p=" + g["p"];
        const ExtrapolationConstants k = ComputeExtrapolationConstants(n, p, 0.90);
        ExpectClose(k.noncentrality, g["noncentrality"], context + " delta");
        ExpectClose(k.lower_limit, g["k_lower"], context + " lower");
        ExpectClose(k.median, g["k_median"], context + " median");
        ExpectClose(k.upper_limit, g["k_upper"], context + " upper");
    }
}

TEST(AssessGoldenTest, CurveMatchesScipy) {
    std::vector<double> logs;
    for (auto& row : Rows("ssd_input.csv")) {
        if (row["dataset"] == "Boron") logs.push_back(std::log10(std::stod(row["value"])));
    }
    auto fit = FitNormal(logs);
    ASSERT_TRUE(fit);
    const auto curve = ComputeSsdCurve(*fit, 0.90);
    const auto golden = Rows("curve_golden.csv");
    ASSERT_EQ(golden.size(), curve.size());
    for (std::size_t i = 0; i < curve.size(); ++i) {
        auto g = golden[i];
        const std::string context = "point " + std::to_string(i);
        ExpectClose(curve[i].fraction, g["fraction"], context);
        ExpectClose(curve[i].log10_fitted, g["log10_fitted"], context);
        ExpectClose(curve[i].log10_median, g["log10_median"], context);
        ExpectClose(curve[i].log10_lower, g["log10_lower"], context);
        ExpectClose(curve[i].log10_upper, g["log10_upper"], context);
    }
}

}  // namespace
}  // namespace npgov::assess
