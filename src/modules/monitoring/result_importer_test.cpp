// Lab file imports on both backends, from the fixture files in tests/golden/monitoring/
// (make_fixtures.py says what each holds): every non-detect form, GBK, English headers, xlsx;
// every bad-input case reports exactly its errors (bad_*.expected) and writes nothing; the
// same file twice is refused; a second file of the same campaign reuses events and samples.
#include "modules/monitoring/result_importer.hpp"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engines/tabular/testing/xlsx_parts_writer.hpp"
#include "modules/monitoring/monitoring_test_support.hpp"

namespace npgov::monitoring {
namespace {

class ResultImporterTest : public testing::MonitoringTest {};

TEST_P(ResultImporterTest, ImportsEveryNonDetectFormWithOneAuditEntry) {
    const auto audit_before = AuditCount();
    const std::string bytes = testing::ReadGolden("lab_results_utf8.csv");
    auto report = Import(bytes, "lab_results_utf8.csv");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_TRUE(report->committed);
    EXPECT_GT(report->import_id, 0);
    EXPECT_EQ(report->format, "csv-utf8");
    EXPECT_EQ(report->rows, 12);
    EXPECT_EQ(report->results, 12);
    EXPECT_EQ(report->censored, 6) << "<0.5, ND, 未检出, <LOQ, DNQ and 0.3L";
    EXPECT_EQ(report->sites, 4);
    EXPECT_EQ(report->events_created, 5);
    EXPECT_EQ(report->samples_created, 6) << "SZ-R01 on 2024-03-12: water and sediment";
    EXPECT_EQ(report->first_date, "2024-03-12");
    EXPECT_EQ(report->last_date, "2024-06-11");
    EXPECT_EQ(report->sha256.size(), 64u);
    EXPECT_EQ(CountRows("monitoring_results"), 12);
    EXPECT_EQ(CountRows("monitoring_events"), 5);
    EXPECT_EQ(CountRows("monitoring_samples"), 6);

    EXPECT_EQ(AuditCount(), audit_before + 1) << "one entry for the whole import";
    auto entries = audit_->List({std::nullopt, std::string("monitoring.import")}, {1, 5});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->items.size(), 1u);
    const auto after = nlohmann::json::parse(entries->items[0].change.after_json.value());
    EXPECT_EQ(after["sha256"], report->sha256);
    EXPECT_EQ(after["results"], 12);
    EXPECT_EQ(after["file_name"], "lab_results_utf8.csv");
    EXPECT_EQ(entries->items[0].change.actor, "officer");
    EXPECT_EQ(entries->items[0].change.entity_id, std::to_string(report->import_id));
}

TEST_P(ResultImporterTest, StoresTheValueAsGivenAndNormalised) {
    ASSERT_TRUE(Import(testing::ReadGolden("lab_results_utf8.csv"), "a.csv"));
    auto page = monitoring_->results.ListResults(river_.id, {}, {}, {1, 50});
    ASSERT_TRUE(page) << page.error().Describe();
    ASSERT_EQ(page->total, 6);
    std::map<std::string, StoredResult> by_key;
    for (const auto& r : page->items) by_key[r.sampled_on + " " + r.cas + " " + std::string(ToString(r.medium))] = r;

    const auto& pfoa = by_key.at("2024-03-12 335-67-1 water");
    EXPECT_EQ(pfoa.qualifier, Qualifier::kDetected);
    EXPECT_DOUBLE_EQ(pfoa.value.value(), 12.6);
    EXPECT_EQ(pfoa.unit, "ng/L");
    EXPECT_DOUBLE_EQ(pfoa.normalised_value.value(), 12.6);
    EXPECT_EQ(pfoa.method, "EPA 1633");
    EXPECT_EQ(pfoa.laboratory, "朔州市生态环境监测站（测试）");
    EXPECT_DOUBLE_EQ(pfoa.blank.value(), 0.1);
    EXPECT_DOUBLE_EQ(pfoa.spike_recovery_pct.value(), 96);
    EXPECT_DOUBLE_EQ(pfoa.duplicate_rpd_pct.value(), 4.2);
    EXPECT_EQ(pfoa.sampling_time, "09:30");
    EXPECT_EQ(pfoa.source_row, 4) << "title line, blank line, header, then the first result";
    EXPECT_FALSE(pfoa.synthetic);

    const auto& bpa = by_key.at("2024-03-12 80-05-7 water");
    EXPECT_EQ(bpa.reported, "未检出");
    EXPECT_EQ(bpa.qualifier, Qualifier::kBelowLod);
    EXPECT_TRUE(bpa.censored);
    EXPECT_EQ(bpa.unit, "μg/L");
    EXPECT_DOUBLE_EQ(bpa.lod.value(), 0.005);
    EXPECT_FALSE(bpa.normalised_value.has_value());
    EXPECT_DOUBLE_EQ(bpa.normalised_limit.value(), 5.0) << "0.005 μg/L = 5 ng/L";

    const auto& sediment = by_key.at("2024-03-12 335-67-1 sediment");
    EXPECT_EQ(sediment.normalised_unit, "μg/kg");
    EXPECT_DOUBLE_EQ(sediment.normalised_value.value(), 0.82);

    auto soil = monitoring_->results.ListResults(soil_.id, {}, {}, {1, 50});
    ASSERT_TRUE(soil);
    ASSERT_EQ(soil->total, 2);
    for (const auto& r : soil->items) {
        if (r.cas == "1763-23-1") {
            EXPECT_EQ(r.unit, "ng/g");
            EXPECT_DOUBLE_EQ(r.normalised_value.value(), 1.8) << "1 ng/g = 1 μg/kg";
        } else {
            EXPECT_EQ(r.reported, "0.3L");
            EXPECT_TRUE(r.censored);
            EXPECT_DOUBLE_EQ(r.normalised_limit.value(), 0.3);
        }
    }
}

TEST_P(ResultImporterTest, GbkFileReadsTheSameAsUtf8) {
    auto report = Import(testing::ReadGolden("lab_results_gbk.csv"), "lab_results_gbk.csv");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_EQ(report->format, "csv-gbk");
    EXPECT_EQ(report->results, 12);
    EXPECT_EQ(report->censored, 6);
    auto page = monitoring_->results.ListResults(river_.id, {std::string("723-46-6"), {}, {}, {}}, {}, {1, 5});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].substance_name, "磺胺甲噁唑");
    EXPECT_EQ(page->items[0].reported, "ND");
    EXPECT_DOUBLE_EQ(page->items[0].spike_recovery_pct.value(), 102) << "102% with its percent sign";
}

TEST_P(ResultImporterTest, EnglishHeadersAndAQualifierColumn) {
    auto report = Import(testing::ReadGolden("lab_results_en.csv"), "lab_results_en.csv");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_EQ(report->results, 4);
    EXPECT_EQ(report->censored, 3);
    auto page = monitoring_->results.ListResults(river_.id, {}, {}, {1, 10});
    ASSERT_TRUE(page);
    for (const auto& r : page->items) {
        if (r.cas == "80-05-7") {
            EXPECT_EQ(r.qualifier, Qualifier::kDetectedNotQuantified);
            EXPECT_DOUBLE_EQ(r.value.value(), 0.9) << "the lab's estimate is kept";
            EXPECT_DOUBLE_EQ(r.normalised_limit.value(), 1.5) << "statistics censor it at the LOQ";
        }
        if (r.cas == "298-46-4") {
            EXPECT_EQ(r.qualifier, Qualifier::kBelowLod);
            EXPECT_DOUBLE_EQ(r.normalised_limit.value(), 0.3);
        }
        EXPECT_EQ(r.sampled_on, "2024-09-10");
        EXPECT_EQ(r.laboratory, "Test Lab (synthetic)");
    }
}

TEST_P(ResultImporterTest, ImportsAnXlsxWorkbook) {
    using tabular::testing::XmlEscape;
    auto cell = [](const char* ref, const std::string& text) {
        return std::string("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + XmlEscape(text) + "</t></is></c>";
    };
    auto number = [](const char* ref, const char* value) { return std::string("<c r=\"") + ref + "\"><v>" + value + "</v></c>"; };
    const std::string rows =
        "<row r=\"1\">" + cell("A1", "点位编码") + cell("B1", "采样日期") + cell("C1", "CAS号") + cell("D1", "结果") +
        cell("E1", "单位") + cell("F1", "检出限") + "</row>" +
        "<row r=\"2\">" + cell("A2", "SZ-W01") + cell("B2", "2025-05-06") + cell("C2", "335-67-1") + number("D2", "21.5") +
        cell("E2", "ng/L") + number("F2", "0.5") + "</row>" +
        "<row r=\"3\">" + cell("A3", "SZ-W01") + cell("B3", "2025-05-06") + cell("C3", "1763-23-1") + cell("D3", "<0.5") +
        cell("E3", "ng/L") + number("F3", "0.5") + "</row>";
    const std::string xlsx = tabular::testing::MakeXlsx({{{"结果", tabular::testing::WorksheetXml(rows)}}, {}, "", "", false});
    auto report = Import(xlsx, "results.xlsx", {}, ImportMode::kCommit, "朔州市生态环境监测站（测试）");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_EQ(report->format, "xlsx");
    EXPECT_EQ(report->results, 2);
    EXPECT_EQ(report->censored, 1);
    EXPECT_EQ(report->laboratories, std::vector<std::string>{"朔州市生态环境监测站（测试）"}) << "--lab fills the column";
}

TEST_P(ResultImporterTest, TheSameFileTwiceIsRefusedAsADuplicate) {
    const std::string bytes = testing::ReadGolden("lab_results_utf8.csv");
    auto first = Import(bytes, "2024Q1.csv");
    ASSERT_TRUE(first && first->committed);
    const auto audit_before = AuditCount();
    auto again = Import(bytes, "2024Q1 (copy).csv");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    EXPECT_EQ(again.error().reason, "monitoring.import_duplicate");
    EXPECT_NE(again.error().message_en.find("import " + std::to_string(first->import_id)), std::string::npos)
        << again.error().message_en;
    EXPECT_NE(again.error().message_zh.find("2024Q1.csv"), std::string::npos) << again.error().message_zh;
    EXPECT_EQ(CountRows("monitoring_results"), 12);
    EXPECT_EQ(CountRows("monitoring_imports"), 1);
    EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(ResultImporterTest, ASecondFileOfTheCampaignReusesEventsAndRefusesStoredResults) {
    ASSERT_TRUE(Import(testing::ReadGolden("lab_results_utf8.csv"), "a.csv"));
    const std::string header = "点位编码,采样日期,采样时间,介质,CAS号,结果,单位,检出限,实验室\n";
    // Same sample (SZ-R01, 2024-03-12 09:30, water) and a substance already stored: refused.
    auto clash = Import(header + "SZ-R01,2024-03-12,09:30,水,298-46-4,2.2,ng/L,0.3,第二实验室\n"
                                 "SZ-R01,2024-03-12,09:30,水,335-67-1,12.7,ng/L,0.5,第二实验室\n",
                        "b.csv");
    ASSERT_TRUE(clash) << clash.error().Describe();
    ASSERT_EQ(clash->errors.size(), 1u);
    EXPECT_EQ(clash->errors[0].reason, "monitoring.result_exists");
    EXPECT_EQ(clash->errors[0].row, 3);
    EXPECT_FALSE(clash->committed);
    EXPECT_EQ(CountRows("monitoring_results"), 12);
    // Only the new substance: stored against the existing event and sample.
    auto added = Import(header + "SZ-R01,2024-03-12,09:30,水,298-46-4,2.2,ng/L,0.3,第二实验室\n", "c.csv");
    ASSERT_TRUE(added) << added.error().Describe();
    ASSERT_TRUE(added->committed);
    EXPECT_EQ(added->events_reused, 1);
    EXPECT_EQ(added->events_created, 0);
    EXPECT_EQ(added->samples_reused, 1);
    EXPECT_EQ(CountRows("monitoring_events"), 5);
    EXPECT_EQ(CountRows("monitoring_samples"), 6);
    EXPECT_EQ(CountRows("monitoring_results"), 13);
}

TEST_P(ResultImporterTest, DryRunChecksEverythingAndStoresNothing) {
    const auto audit_before = AuditCount();
    const std::string bytes = testing::ReadGolden("lab_results_utf8.csv");
    auto report = Import(bytes, "a.csv", {}, ImportMode::kDryRun);
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_TRUE(report->dry_run);
    EXPECT_FALSE(report->committed);
    EXPECT_EQ(report->results, 12);
    EXPECT_EQ(report->events_created, 5);
    EXPECT_EQ(CountRows("monitoring_results"), 0);
    EXPECT_EQ(CountRows("monitoring_imports"), 0);
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_TRUE(Import(bytes, "a.csv")) << "a dry run does not make the file a duplicate";
}

TEST_P(ResultImporterTest, ACountyOfficerImportsOnlyForTheirCounty) {
    auto report = Import(testing::ReadGolden("lab_results_utf8.csv"), "a.csv", SiteScope{std::string("140602")});
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_FALSE(report->committed);
    ASSERT_EQ(report->errors.size(), 6u) << "the rows of SZ-R02, SZ-W01 and SZ-S01 (2 each) lie outside 140602";
    for (const auto& e : report->errors) EXPECT_EQ(e.reason, "monitoring.site_unknown") << e.Describe();
    EXPECT_EQ(CountRows("monitoring_results"), 0);
}

TEST_P(ResultImporterTest, FileLevelProblemsAreOneError) {
    auto columns = Import("点位编码,结果\nSZ-R01,1\n", "a.csv");
    ASSERT_FALSE(columns);
    EXPECT_EQ(columns.error().reason, "monitoring.columns");
    auto empty = Import("点位编码,采样日期,CAS号,结果,单位,实验室\n", "b.csv");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().reason, "monitoring.no_rows");
    auto binary = Import(std::string("\x01\x02\x00\x03", 4), "c.csv");
    ASSERT_FALSE(binary);
    EXPECT_EQ(binary.error().reason.rfind("tabular.", 0), 0u) << binary.error().reason;
    EXPECT_EQ(CountRows("monitoring_imports"), 0);
}

// Each bad file: exactly the errors in its .expected file (row, column, reason, English
// message; the Chinese message is checked to be present), and nothing written.
TEST_P(ResultImporterTest, EachBadFileReportsExactlyItsErrorsAndWritesNothing) {
    const char* files[] = {"bad_unit_medium",  "bad_detected_below_lod", "bad_negative", "bad_future_date",
                           "bad_unknown_site", "bad_cas",                "bad_duplicates", "bad_all_gbk"};
    const auto audit_before = AuditCount();
    for (const char* name : files) {
        auto report = Import(testing::ReadGolden(std::string(name) + ".csv"), std::string(name) + ".csv");
        ASSERT_TRUE(report) << name << ": " << report.error().Describe();
        EXPECT_FALSE(report->committed) << name;
        std::string actual;
        for (const auto& e : report->errors) {
            EXPECT_FALSE(e.message_zh.empty()) << name;
            actual += std::to_string(e.row) + "\t" + e.field + "\t" + e.reason + "\t" + e.message_en + "\n";
        }
        const std::string expected_path = testing::GoldenPath(std::string(name) + ".expected");
        if (std::getenv("NPGOV_UPDATE_GOLDEN")) {
            std::ofstream(expected_path, std::ios::binary) << actual;
            continue;
        }
        EXPECT_EQ(actual, testing::ReadGolden(std::string(name) + ".expected")) << name;
    }
    EXPECT_EQ(CountRows("monitoring_results"), 0);
    EXPECT_EQ(CountRows("monitoring_events"), 0);
    EXPECT_EQ(CountRows("monitoring_imports"), 0);
    EXPECT_EQ(AuditCount(), audit_before);
}

TEST_P(ResultImporterTest, ARegistryLookupRecordsSubstanceIdsAndWarnsOfUnlistedOnes) {
    std::vector<std::string> asked;
    monitoring_->imports.SetSubstanceLookup([&](const std::string& cas) -> Result<std::optional<std::int64_t>> {
        asked.push_back(cas);
        if (cas == "335-67-1") return std::optional<std::int64_t>(42);
        if (cas == "1763-23-1") return std::optional<std::int64_t>(43);
        return std::optional<std::int64_t>();
    });
    auto report = Import(testing::ReadGolden("lab_results_utf8.csv"), "a.csv");
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->committed);
    EXPECT_EQ(asked.size(), 6u) << "one look-up per CAS number";
    ASSERT_EQ(report->warnings.size(), 4u) << "SMX, BPA, CBZ and CIP are not in this registry";
    EXPECT_EQ(report->warnings[0].reason, "monitoring.substance_unregistered");
    EXPECT_EQ(report->warnings[0].row, 6);
    EXPECT_NE(report->warnings[0].message_en.find("723-46-6"), std::string::npos);
    auto page = monitoring_->results.ListResults(river_.id, {}, {}, {1, 50});
    ASSERT_TRUE(page);
    for (const auto& r : page->items) {
        if (r.cas == "335-67-1") EXPECT_EQ(r.substance_id, 42);
        if (r.cas == "80-05-7") EXPECT_FALSE(r.substance_id.has_value());
    }
}

TEST_P(ResultImporterTest, AFailingRegistryStopsTheImportAndStoresNothing) {
    monitoring_->imports.SetSubstanceLookup([](const std::string&) -> Result<std::optional<std::int64_t>> {
        return MakeError(ErrorCode::kUnavailable, "store.pool_exhausted", "数据库忙", "database busy");
    });
    auto report = Import(testing::ReadGolden("lab_results_utf8.csv"), "a.csv");
    ASSERT_FALSE(report);
    EXPECT_EQ(report.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(CountRows("monitoring_results"), 0);
    EXPECT_EQ(CountRows("monitoring_imports"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ResultImporterTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::monitoring
