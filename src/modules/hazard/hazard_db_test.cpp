// The hazard module on SQLite and PostgreSQL: imports all-or-nothing with every problem listed,
// duplicates refused (in the file, against stored records, the same file twice), one-by-one
// entries audited, profiles read singly and in bulk, and the demo data loading cleanly.
#include "modules/hazard/hazard.hpp"

#include <iconv.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "modules/hazard/hazard_demo.hpp"
#include "modules/auth/secrets.hpp"
#include "store/migrations.hpp"
#include "support/test_database.hpp"

namespace npgov::hazard {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string ToGb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t out_left = out.size();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

constexpr const char* kHeader =
    "记录类型,CAS号,物质名称,性质,限定符,数值,单位,温度,数据类型,方法,方法版本,估算输入,物种,生物类群,毒性终点,"
    "暴露类型,试验时长,时长单位,分类项,类别,可靠性,来源,年份,备注\n";

// Lindane (58-89-9) values of US EPA (1995) EPA 811-F-95-003, an entered estimate, an ECHA
// nonylphenol test and a Stockholm listing — real values, used here as test data.
const std::string kGoodFile = std::string(kHeader) +
    "property,58-89-9,林丹,log_kow,,3.72,,,measured,,,,,,,,,,,,2,US EPA 1995 EPA 811-F-95-003,1995,\n"
    "property,58-89-9,林丹,water_solubility,,7.3,mg/L,25,measured,,,,,,,,,,,,2,US EPA 1995 EPA 811-F-95-003,1995,\n"
    "property,58-89-9,林丹,log_kow,,3.9,,,estimated,KOWWIN,1.68,SMILES,,,,,,,,,,,,\n"
    "property,58-89-9,林丹,vapour_pressure,,9.4e-6,mmHg,25,measured,,,,,,,,,,,,2,US EPA 1995 EPA 811-F-95-003,1995,\n"
    "ecotox,84852-15-3,壬基酚,,,0.024,mg/L,,,,,,Daphnia magna,invertebrate,NOEC,chronic,21,d,,,2,ECHA dossier 15896,2019,\n"
    "classification,58-89-9,林丹,,,,,,,,,,,,,,,,pop,annex_a,,Stockholm Convention SC-4/15,2009,\n";

// 2026-11-29T00:00:00Z, as the application tests.
constexpr std::int64_t kTestEpoch = 1795910400;

// Only the modules the hazard module uses (audit, substance registry) and its own schema, so
// that this test does not depend on the rest of the application.
std::vector<store::Migration> HazardMigrations() {
    std::vector<store::Migration> all;
    for (auto part : {audit::Migrations(), substance::Migrations(), Migrations()}) {
        all.insert(all.end(), part.begin(), part.end());
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return all;
}

class HazardDbTest : public test::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        if (IsSkipped()) return;
        ASSERT_TRUE(auth::InitSecrets());
        auto migrated = store::ApplyMigrations(db(), HazardMigrations());
        ASSERT_TRUE(migrated) << migrated.error().Describe();
        audit_ = std::make_unique<audit::AuditLog>(db(), clock_);
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        hazard_ = std::make_unique<HazardData>(db(), *substances_, *audit_, clock_);
        auto seeded = substances_->Import(ReadFile(std::string(NPGOV_DATA_DIR) + "/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->errors.empty());
    }
    void TearDown() override {
        hazard_.reset();
        substances_.reset();
        audit_.reset();
        BackendTest::TearDown();
    }

    Result<ImportReport> Import(const std::string& bytes, ImportMode mode = ImportMode::kCommit) {
        ImportRequest request;
        request.bytes = bytes;
        request.file_name = "hazard.csv";
        request.mode = mode;
        return hazard_->Import(request, "officer");
    }

    std::int64_t Count(const char* table) {
        auto c = db().Acquire();
        auto row = store::QueryOne(**c, std::string("SELECT COUNT(*) FROM ") + table);
        return row.value()->Int(0);
    }

    std::int64_t AuditCount(const std::string& action) {
        auto entries = audit_->List({std::nullopt, action}, {1, 100});
        return entries ? entries->total : -1;
    }

    std::int64_t IdOf(const std::string& cas) { return substances_->FindByCas(cas).value()->id; }

    FixedClock clock_{Timestamp{kTestEpoch}};
    std::unique_ptr<audit::AuditLog> audit_;
    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<HazardData> hazard_;
};

TEST_P(HazardDbTest, ImportsAllKindsWithOneAuditEntryAndBuildsTheProfile) {
    auto report = Import(kGoodFile);
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_TRUE(report->committed);
    EXPECT_GT(report->import_id, 0);
    EXPECT_EQ(report->properties, 4);
    EXPECT_EQ(report->ecotox, 1);
    EXPECT_EQ(report->classifications, 1);
    EXPECT_EQ(report->substances, 2);
    EXPECT_EQ(report->format, "csv-utf8");
    EXPECT_EQ(Count("hazard_properties"), 4);
    EXPECT_EQ(AuditCount("hazard.import"), 1);

    auto profile = hazard_->LoadProfile(IdOf("58-89-9"));
    ASSERT_TRUE(profile) << profile.error().Describe();
    const PropertyValue* kow = profile->selected(PropertyKind::kLogKow);
    ASSERT_NE(kow, nullptr);
    EXPECT_TRUE(kow->measured());
    EXPECT_DOUBLE_EQ(kow->normalised, 3.72);
    EXPECT_EQ(kow->import_id, report->import_id);
    EXPECT_EQ(kow->source_row, 2);
    const auto& kow_values = profile->property(PropertyKind::kLogKow).values;
    ASSERT_EQ(kow_values.size(), 3u) << "measured, entered estimate, Crippen estimate: all kept";
    EXPECT_FALSE(kow_values[1].value.computed());
    EXPECT_TRUE(kow_values[2].value.computed());
    // The BCF estimate is built on the measured log Kow.
    ASSERT_NE(profile->selected(PropertyKind::kBcf), nullptr);
    EXPECT_NEAR(profile->selected(PropertyKind::kBcf)->normalised, std::pow(10.0, 0.85 * 3.72 - 0.70), 1e-9);
    // Henry's constant from the measured VP (mmHg → Pa) and solubility at 25 °C.
    ASSERT_NE(profile->selected(PropertyKind::kHenry), nullptr);
    const double mw = profile->selected(PropertyKind::kMolarMass)->normalised;
    EXPECT_NEAR(profile->selected(PropertyKind::kHenry)->normalised, 9.4e-6 * 133.322368 * mw / 7.3, 1e-12);
    ASSERT_EQ(profile->classifications.size(), 1u);
    EXPECT_EQ(profile->classifications[0].entry.category, "annex_a");
    EXPECT_TRUE(profile->ecotox.empty()) << "the ecotox row belongs to nonylphenol";
}

TEST_P(HazardDbTest, ImportsGbk) {
    auto report = Import(ToGb18030(kGoodFile));
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_TRUE(report->errors.empty()) << report->errors.front().Describe();
    EXPECT_EQ(report->format, "csv-gbk");
    auto profile = hazard_->LoadProfile(IdOf("58-89-9"));
    ASSERT_TRUE(profile);
    EXPECT_EQ(profile->selected(PropertyKind::kWaterSolubility)->entry.source, "US EPA 1995 EPA 811-F-95-003");
}

TEST_P(HazardDbTest, BadFileStoresNothingAndListsEveryProblem) {
    const std::string bad = std::string(kHeader) +
        "property,58-89-9,,log_kow,,3.72,,,measured,,,,,,,,,,,,2,EPA,1995,\n"
        "property,64-17-5,乙醇,log_kow,,-0.31,,,measured,,,,,,,,,,,,2,Hansch 1995,1995,\n"  // not registered
        "property,58-89-9,,log_kow,,3.72,,,measured,,,,,,,,,,,,2,EPA,1995,\n"                // repeats row 2
        "property,58-89-9,,water_solubility,,7.3,mg/m3,25,measured,,,,,,,,,,,,2,EPA,1995,\n";  // unit
    auto report = Import(bad);
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_FALSE(report->committed);
    ASSERT_EQ(report->errors.size(), 3u);
    EXPECT_EQ(report->errors[0].reason, "hazard.substance_unknown");
    EXPECT_EQ(report->errors[0].row, 3);
    EXPECT_EQ(report->errors[1].reason, "hazard.duplicate_row");
    EXPECT_EQ(report->errors[1].row, 4);
    EXPECT_NE(report->errors[1].message_en.find("repeats row 2"), std::string::npos);
    EXPECT_EQ(report->errors[2].reason, "hazard.unit");
    EXPECT_EQ(report->errors[2].row, 5);
    EXPECT_EQ(Count("hazard_properties"), 0);
    EXPECT_EQ(Count("hazard_imports"), 0);
    EXPECT_EQ(AuditCount("hazard.import"), 0);
}

TEST_P(HazardDbTest, DuplicatesOfStoredRecordsAndOfWholeFilesAreRefused) {
    ASSERT_TRUE(Import(kGoodFile)->committed);
    auto again = Import(kGoodFile);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().reason, "hazard.import_duplicate");
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    // The same records in another file (one new row added): each old row is named.
    auto overlapping = Import(kGoodFile + "property,58-89-9,,melting_point,,112.5,°C,,measured,,,,,,,,,,,,2,EPA,1995,\n");
    ASSERT_TRUE(overlapping);
    ASSERT_EQ(overlapping->errors.size(), 6u);
    for (const auto& e : overlapping->errors) {
        EXPECT_EQ(e.reason, "hazard.duplicate") << e.Describe();
        EXPECT_NE(e.message_en.find("import " + std::to_string(1)), std::string::npos) << e.message_en;
    }
    EXPECT_EQ(Count("hazard_properties"), 4);
}

TEST_P(HazardDbTest, DryRunChecksEverythingAndStoresNothing) {
    auto report = Import(kGoodFile, ImportMode::kDryRun);
    ASSERT_TRUE(report);
    EXPECT_TRUE(report->errors.empty());
    EXPECT_FALSE(report->committed);
    EXPECT_TRUE(report->dry_run);
    EXPECT_EQ(report->properties, 4);
    EXPECT_EQ(Count("hazard_properties"), 0);
    EXPECT_TRUE(Import(kGoodFile)->committed) << "a dry run does not mark the file as imported";
}

TEST_P(HazardDbTest, EntriesOneByOneAreValidatedAuditedAndDeduplicated) {
    const std::int64_t id = IdOf("71-43-2");
    NewPropertyValue vp;
    vp.property = PropertyKind::kVapourPressure;
    vp.value = 12.7;
    vp.unit = "kPa";
    vp.temperature_c = 25;
    vp.reliability = 2;
    vp.source = "Mackay et al. 2006";
    auto stored = hazard_->AddProperty(id, vp, "analyst");
    ASSERT_TRUE(stored) << stored.error().Describe();
    EXPECT_GT(stored->id, 0);
    EXPECT_DOUBLE_EQ(stored->normalised, 12700);
    EXPECT_EQ(stored->cas, "71-43-2");
    EXPECT_EQ(AuditCount("hazard.property.create"), 1);
    auto twice = hazard_->AddProperty(id, vp, "analyst");
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().reason, "hazard.duplicate");
    EXPECT_NE(twice.error().message_en.find("entry #" + std::to_string(stored->id)), std::string::npos);

    NewPropertyValue no_temperature = vp;
    no_temperature.temperature_c.reset();
    no_temperature.source.clear();
    auto invalid = hazard_->AddProperty(id, no_temperature, "analyst");
    ASSERT_FALSE(invalid);
    EXPECT_EQ(invalid.error().reason, "hazard.temperature_required");
    EXPECT_NE(invalid.error().message_en.find("source"), std::string::npos) << "every problem in the message";
    EXPECT_EQ(hazard_->AddProperty(999999, vp, "analyst").error().reason, "substance.unknown");

    NewEcotox tox;
    tox.species = "Daphnia magna";
    tox.taxon_group = TaxonGroup::kInvertebrate;
    tox.endpoint = Endpoint::kEc50;
    tox.exposure = Exposure::kAcute;
    tox.duration = 48;
    tox.duration_unit = "h";
    tox.value = 10;
    tox.unit = "mg/L";
    tox.reliability = 2;
    tox.source = "test source";
    auto record = hazard_->AddEcotox(id, tox, "analyst");
    ASSERT_TRUE(record) << record.error().Describe();
    EXPECT_EQ(record->entry.trophic_level, TrophicLevel::kPrimaryConsumer);
    EXPECT_EQ(AuditCount("hazard.ecotox.create"), 1);

    NewClassification carc;
    carc.kind = ClassificationKind::kCarcinogenic;
    carc.category = "1a";
    carc.source = "Regulation (EC) No 1272/2008 Annex VI";
    auto classified = hazard_->AddClassification(id, carc, "analyst");
    ASSERT_TRUE(classified) << classified.error().Describe();
    EXPECT_EQ(classified->entry.category, "1A");

    auto profile = hazard_->LoadProfile(id);
    ASSERT_TRUE(profile);
    EXPECT_EQ(profile->selected(PropertyKind::kVapourPressure)->id, stored->id);
    EXPECT_EQ(profile->ecotox.size(), 1u);
    EXPECT_EQ(profile->classified(ClassificationKind::kCarcinogenic).size(), 1u);
}

TEST_P(HazardDbTest, LoadsProfilesInBulkIncludingSubstancesWithoutData) {
    ASSERT_TRUE(Import(kGoodFile)->committed);
    std::vector<substance::Substance> list;
    for (const char* cas : {"58-89-9", "71-43-2", "1763-23-1", "85535-84-8"}) {
        list.push_back(substances_->FindByCas(cas).value().value());
    }
    auto profiles = hazard_->LoadProfiles(list);
    ASSERT_TRUE(profiles) << profiles.error().Describe();
    ASSERT_EQ(profiles->size(), 4u);
    EXPECT_TRUE(profiles->at(list[0].id).selected(PropertyKind::kLogKow)->measured());
    const HazardProfile& benzene = profiles->at(list[1].id);
    ASSERT_NE(benzene.selected(PropertyKind::kLogKow), nullptr) << "the Crippen estimate fills the gap";
    EXPECT_TRUE(benzene.selected(PropertyKind::kLogKow)->computed());
    EXPECT_EQ(profiles->at(list[2].id).selected(PropertyKind::kLogKow), nullptr) << "PFOS: out-of-domain, a gap";
    EXPECT_EQ(profiles->at(list[3].id).selected(PropertyKind::kMolarMass), nullptr) << "SCCP: no structure";
    auto with_data = hazard_->SubstancesWithData();
    ASSERT_TRUE(with_data);
    EXPECT_EQ(with_data->size(), 2u);
}

TEST_P(HazardDbTest, DemoDataLoadsOnceWithoutErrors) {
    auto report = SeedDemoHazard(*hazard_, *substances_, NPGOV_DATA_DIR);
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_FALSE(report->already_loaded);
    EXPECT_TRUE(report->import.committed);
    EXPECT_GE(report->import.substances, 20);
    EXPECT_GT(report->import.properties, 0);
    EXPECT_GT(report->import.ecotox, 0);
    EXPECT_GT(report->import.classifications, 0);
    EXPECT_GE(report->substances_created, 2) << "the demo's antibiotics are registered";
    ASSERT_TRUE(substances_->FindByCas("723-46-6").value().has_value());
    auto again = SeedDemoHazard(*hazard_, *substances_, NPGOV_DATA_DIR);
    ASSERT_TRUE(again) << again.error().Describe();
    EXPECT_TRUE(again->already_loaded);
    // Every demo substance's profile builds.
    auto ids = hazard_->SubstancesWithData();
    ASSERT_TRUE(ids);
    for (std::int64_t id : *ids) EXPECT_TRUE(hazard_->LoadProfile(id)) << id;
}

INSTANTIATE_TEST_SUITE_P(Backends, HazardDbTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::hazard
