#include "modules/lists/list_files.hpp"

#include <fstream>
#include <random>

#include <gtest/gtest.h>

namespace npgov::lists {
namespace {

const Edition* Find(const std::vector<Edition>& editions, const std::string& list, const std::string& edition) {
    for (const auto& e : editions) {
        if (e.list_id == list && e.edition == edition) return &e;
    }
    return nullptr;
}

const Entry* FindEntry(const Edition& edition, const std::string& key) {
    for (const auto& e : edition.entries) {
        if (e.key == key) return &e;
    }
    return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// The shipped files: 重点管控新污染物清单（2023年版） (MEE Order No. 28), the priority-control
// chemicals (2017 No. 83, 2020 No. 47), the Stockholm POPs and the 2023 severely restricted list.
TEST(LoadListManifestTest, LoadsTheShippedLists) {
    auto editions = LoadListManifest("data/lists/lists.json");
    ASSERT_TRUE(editions) << editions.error().Describe();
    ASSERT_EQ(editions->size(), 5u);

    const Edition* key = Find(*editions, "key_controlled", "2023");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ(key->effective_date.ToIsoString(), "2023-03-01");
    ASSERT_EQ(key->entries.size(), 14u);
    const Entry* pfos = FindEntry(*key, "1");
    ASSERT_NE(pfos, nullptr);
    EXPECT_TRUE(Has(pfos->cas_numbers, "1763-23-1"));
    EXPECT_TRUE(Has(pfos->cas_numbers, "307-35-7"));  // PFOSF
    bool foam_exemption = false;
    for (const auto& m : pfos->measures) {
        if (m.action == "ban_processing_use") {
            ASSERT_EQ(m.exempted_uses.size(), 1u);
            EXPECT_EQ(m.exempted_uses[0].end->ToIsoString(), "2023-12-31");
            foam_exemption = true;
        }
        if (m.action == "import_export_permit_then_ban") {
            EXPECT_EQ(m.ban_from->ToIsoString(), "2024-01-01");
        }
    }
    EXPECT_TRUE(foam_exemption);

    const Entry* pfoa = FindEntry(*key, "2");
    ASSERT_NE(pfoa, nullptr);
    EXPECT_TRUE(Has(pfoa->cas_numbers, "335-67-1")) << "related_cas counts as explicit membership";
    for (const auto& m : pfoa->measures) {
        if (m.action != "ban_production_and_processing_use") continue;
        EXPECT_EQ(m.exempted_uses.size(), 7u);
        for (const auto& use : m.exempted_uses) EXPECT_FALSE(use.end) << "the 2023 list gives no end date: " << use.use_en;
    }

    const Entry* phased_out = FindEntry(*key, "14");
    ASSERT_NE(phased_out, nullptr);
    EXPECT_FALSE(phased_out->measures_status.empty()) << "entry 14's measures text was not loaded";
    ASSERT_EQ(phased_out->measures.size(), 1u);
    EXPECT_TRUE(phased_out->measures[0].assumed);
    EXPECT_EQ(phased_out->measures[0].action, "ban_production_processing_use_import_export");
    EXPECT_NE(phased_out->measures[0].text_zh.find("措施原文未载入"), std::string::npos);
    EXPECT_EQ(phased_out->members.size(), 10u);
    EXPECT_TRUE(Has(phased_out->cas_numbers, "58-89-9"));  // lindane

    const Entry* dcm = FindEntry(*key, "10");
    ASSERT_NE(dcm, nullptr);
    bool cleaning_limits = false;
    for (const auto& m : dcm->measures) {
        if (m.standard.find("GB 38508") != std::string::npos) {
            ASSERT_EQ(m.limits.size(), 3u);
            EXPECT_DOUBLE_EQ(m.limits[0].max_value, 0.5);
            cleaning_limits = true;
        }
    }
    EXPECT_TRUE(cleaning_limits);

    const Edition* batch1 = Find(*editions, "priority_control", "2017");
    const Edition* batch2 = Find(*editions, "priority_control", "2020");
    ASSERT_TRUE(batch1 && batch2);
    EXPECT_EQ(batch1->entries.size(), 22u);
    EXPECT_EQ(batch2->entries.size(), 40u) << "the 2020 edition holds batches 1 and 2";
    EXPECT_EQ(FindEntry(*batch2, "PC001")->measures.at(0).effective_from.ToIsoString(), "2017-12-27");
    EXPECT_EQ(FindEntry(*batch2, "PC035")->measures.at(0).effective_from.ToIsoString(), "2020-11-13");
    EXPECT_EQ(FindEntry(*batch1, "PC035"), nullptr);

    const Edition* pops = Find(*editions, "stockholm_pops", "COP-12 (2025)");
    ASSERT_NE(pops, nullptr);
    EXPECT_EQ(pops->entries.size(), 37u);
    EXPECT_NE(FindEntry(*pops, "POP21")->attributes_json.find("\"annex\":\"B\""), std::string::npos);

    const Edition* restricted = Find(*editions, "severely_restricted_toxic", "2023");
    ASSERT_NE(restricted, nullptr);
    EXPECT_EQ(restricted->entries.size(), 9u);
    for (const auto& e : restricted->entries) {
        ASSERT_EQ(e.measures.size(), 1u) << e.key;
        EXPECT_EQ(e.measures[0].action, "import_export_permit");
    }
    for (const auto& edition : *editions) {
        EXPECT_FALSE(edition.source.empty()) << edition.list_id;
        EXPECT_FALSE(edition.legal_basis.empty()) << edition.list_id;
    }
}

class BadListFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::mt19937_64 random(std::random_device{}());
        dir_ = std::filesystem::temp_directory_path() / ("npgov-lists-" + std::to_string(random()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    void Write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }

    // A manifest with one CSV edition.
    void WriteCsvList(const std::string& csv) {
        Write("lists.json", R"j({"lists": [{"id": "t", "name_zh": "测试", "name_en": "Test", "editions": [
            {"edition": "1", "effective_date": "2024-01-01", "legal_basis": "none (synthetic)", "source": "synthetic",
             "file": "t.csv", "format": "csv"}]}]})j");
        Write("t.csv", csv);
    }

    Result<std::vector<Edition>> Load() { return LoadListManifest(dir_ / "lists.json"); }

    std::filesystem::path dir_;
};

TEST_F(BadListFilesTest, NamesTheRowAndFieldAtFault) {
    struct Case {
        const char* csv;
        const char* reason;
        const char* field;
        long row;
    };
    const Case cases[] = {
        {"entry_id,name_zh,name_en,cas,structure_classes\nA,甲,A,335-67-2,\n", "cas.check_digit", "cas", 2},
        {"entry_id,name_zh,name_en,cas,structure_classes\nA,甲,A,,\nB,,B,,\n", "lists.field", "name_zh", 3},
        {"entry_id,name_zh,name_en,cas,structure_classes\nA,甲,A,,\nA,乙,B,,\n", "lists.duplicate", "entry_id", 0},
        {"entry_id,name_zh,name_en,cas\nA,甲,A,\n", "lists.field", "structure_classes", 0},
        {"entry_id,name_zh,name_en,cas,structure_classes\nA,甲,A,,bad class\n", "lists.field", "structure_classes", 2},
    };
    for (const auto& c : cases) {
        WriteCsvList(c.csv);
        auto loaded = Load();
        ASSERT_FALSE(loaded) << c.csv;
        EXPECT_EQ(loaded.error().reason, c.reason) << c.csv;
        EXPECT_EQ(loaded.error().field, c.field) << c.csv;
        if (c.row > 0) {
            EXPECT_EQ(loaded.error().row, c.row) << c.csv;
        }
        EXPECT_NE(loaded.error().message_en.find("t.csv"), std::string::npos) << loaded.error().message_en;
    }
}

TEST_F(BadListFilesTest, RefusesUnknownActionsAndEntriesWithoutMeasures) {
    Write("lists.json", R"j({"lists": [{"id": "k", "name_zh": "测试", "name_en": "Test", "editions": [
        {"edition": "1", "effective_date": "2024-01-01", "legal_basis": "synthetic", "source": "synthetic",
         "file": "k.json", "format": "key_list_json"}]}]})j");
    Write("k.json", R"j({"action_vocabulary": {"ban_production": "禁止生产"}, "entries": [
        {"id": 1, "name_zh": "甲", "name_en": "A", "cas_numbers": [], "measures": [
          {"action": "ban_everything", "action_zh": "x", "zh": "x", "en": "x", "effective_from": "2024-01-01"}]}]})j");
    auto unknown_action = Load();
    ASSERT_FALSE(unknown_action);
    EXPECT_EQ(unknown_action.error().reason, "lists.action");

    Write("k.json", R"j({"action_vocabulary": {"ban_production": "禁止生产"}, "entries": [
        {"id": 1, "name_zh": "甲", "name_en": "A", "cas_numbers": [], "measures": []}]})j");
    auto no_measures = Load();
    ASSERT_FALSE(no_measures);
    EXPECT_EQ(no_measures.error().field, "measures");

    Write("k.json", R"j({"entries": [{"id": 1, "name_zh": "甲", "name_en": "A", "measures": [
          {"action": "ban_production", "action_zh": "x", "zh": "x", "en": "x", "effective_from": "2024-02-30"}]}]})j");
    auto bad_date = Load();
    ASSERT_FALSE(bad_date);
    EXPECT_EQ(bad_date.error().reason, "date.invalid");
    EXPECT_EQ(bad_date.error().field, "effective_from");
}

TEST_F(BadListFilesTest, MissingFilesAreNotFound) {
    auto none = LoadListManifest(dir_ / "nothing.json");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
    WriteCsvList("entry_id,name_zh,name_en,cas,structure_classes\n");
    std::filesystem::remove(dir_ / "t.csv");
    auto missing = Load();
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, "lists.file");
    Write("lists.json", R"j({"lists": [{"id": "t", "name_zh": "测试", "name_en": "Test", "editions": [
        {"edition": "1", "effective_date": "2024-01-01", "legal_basis": "x", "source": "x",
         "file": "../../etc/passwd", "format": "csv"}]}]})j");
    auto outside = Load();
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().field, "file");
}

}  // namespace
}  // namespace npgov::lists
