// Shared set-up of the monitoring module's database tests: the four sites the golden lab files
// in tests/golden/monitoring/ name, and helpers to read those files and import bytes.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "modules/monitoring/monitoring.hpp"
#include "store/database.hpp"
#include "support/app_fixture.hpp"

namespace npgov::monitoring::testing {

inline std::string GoldenPath(const std::string& name) { return std::string(NPGOV_MONITORING_GOLDEN_DIR) + "/" + name; }

inline std::string ReadGolden(const std::string& name) {
    std::ifstream in(GoldenPath(name), std::ios::binary);
    EXPECT_TRUE(in) << GoldenPath(name);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class MonitoringTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        river_ = AddSite("SZ-R01", "桑干河朔城段（测试）", SiteType::kRiverSection, "140602", 39.33, 112.43);
        reservoir_ = AddSite("SZ-R02", "山阴水库（测试）", SiteType::kReservoir, "140621", 39.52, 112.82);
        plant_ = AddSite("SZ-W01", "怀仁污水处理厂出水（测试）", SiteType::kWwtpEffluent, "140681", 39.83, 113.10);
        soil_ = AddSite("SZ-S01", "平鲁农田土壤（测试）", SiteType::kSoil, "140603", 39.51, 112.29);
    }

    Site AddSite(const std::string& code, const std::string& name, SiteType type, const std::string& region, double lat,
                 double lon) {
        NewSite input{code, name, type, region, "桑干河", lat, lon, false};
        auto site = monitoring_->sites.Create(input, {}, "test");
        EXPECT_TRUE(site) << site.error().Describe();
        return site.value_or(Site{});
    }

    Result<ImportReport> Import(const std::string& bytes, const std::string& name, const SiteScope& scope = {},
                                ImportMode mode = ImportMode::kCommit, const std::string& lab = "") {
        ImportRequest request;
        request.bytes = bytes;
        request.file_name = name;
        request.laboratory = lab;
        request.mode = mode;
        return monitoring_->imports.Import(request, scope, "officer");
    }

    std::int64_t CountRows(const std::string& table) {
        auto connection = db().Acquire();
        EXPECT_TRUE(connection);
        auto row = store::QueryOne(**connection, "SELECT COUNT(*) FROM " + table);
        EXPECT_TRUE(row && *row);
        return (*row)->Int(0);
    }

    std::int64_t AuditCount() { return *audit_->Count(); }

    Site river_, reservoir_, plant_, soil_;
};

}  // namespace npgov::monitoring::testing
