#include "modules/substance/substance_registry.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/app_fixture.hpp"

namespace npgov::substance {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class SubstanceRegistryTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        registry_ = std::make_unique<SubstanceRegistry>(db(), *audit_, clock_);
    }

    // The 106 CAS numbers of data/lists/structures.csv (78 with a structure).
    void Seed() {
        auto report = registry_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(report) << report.error().Describe();
        ASSERT_TRUE(report->errors.empty()) << report->errors[0].Describe();
        ASSERT_EQ(report->created, 106);
    }

    std::vector<std::string> FirstCas(const SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& s : r.page.items) out.push_back(s.cas_numbers.empty() ? "" : s.cas_numbers[0]);
        return out;
    }

    Result<SearchResult> Search(std::optional<std::string> text, std::optional<std::string> smarts = std::nullopt,
                                PageRequest page = {1, 200}) {
        return registry_->Search({std::move(text), std::move(smarts)}, page);
    }

    std::int64_t AuditCount() { return *audit_->Count(); }

    std::unique_ptr<SubstanceRegistry> registry_;
};

TEST_P(SubstanceRegistryTest, SeedsTheShippedStructuresWithComputedIdentifiersAndAuditsEachOne) {
    const auto audit_before = AuditCount();
    Seed();
    EXPECT_EQ(AuditCount(), audit_before + 106) << "one audit entry per substance created";
    auto pfoa = registry_->FindByCas("335-67-1");
    ASSERT_TRUE(pfoa);
    ASSERT_TRUE(pfoa->has_value());
    const Substance& s = **pfoa;
    EXPECT_EQ(s.name_zh, "全氟辛酸");
    EXPECT_EQ(s.name_en, "Perfluorooctanoic acid");
    EXPECT_EQ(s.formula, "C8HF15O2");
    EXPECT_EQ(s.inchikey, "SNGREZUHAYWORS-UHFFFAOYSA-N");  // as in the reference file (PubChem)
    EXPECT_NEAR(s.molecular_weight.value_or(0), 414.07, 0.01);  // PubChem: 414.07 g/mol
    EXPECT_EQ(s.components, 1);
    auto kpfos = registry_->FindByCas("2795-39-3");
    ASSERT_TRUE(kpfos && kpfos->has_value());
    EXPECT_EQ((*kpfos)->components, 2) << "potassium salt";
    auto sccp = registry_->FindByCas("85535-84-8");
    ASSERT_TRUE(sccp && sccp->has_value());
    EXPECT_FALSE((*sccp)->has_structure()) << "a UVCB group has no single structure";
    EXPECT_FALSE((*sccp)->structure_note.empty());

    const auto audit_seeded = AuditCount();
    auto again = registry_->Import(ReadFile("data/lists/structures.csv"), false, "test");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->unchanged, 106);
    EXPECT_EQ(again->created + again->updated, 0);
    EXPECT_EQ(AuditCount(), audit_seeded) << "nothing changed, nothing audited";
}

TEST_P(SubstanceRegistryTest, SearchesByCasInchiKeyAndNameSubstringsInBothLanguages) {
    Seed();
    auto by_cas = Search("335-67-1");
    ASSERT_TRUE(by_cas) << by_cas.error().Describe();
    EXPECT_EQ(by_cas->matched_by, "cas");
    EXPECT_EQ(FirstCas(*by_cas), std::vector<std::string>{"335-67-1"});
    auto full_width = Search("３３５－６７－１");
    ASSERT_TRUE(full_width);
    EXPECT_EQ(FirstCas(*full_width), std::vector<std::string>{"335-67-1"});
    auto by_key = Search("sngrezuhayworS-UHFFFAOYSA-N");
    ASSERT_TRUE(by_key);
    EXPECT_EQ(by_key->matched_by, "inchikey");
    EXPECT_EQ(FirstCas(*by_key), std::vector<std::string>{"335-67-1"});

    auto zh = Search("全氟辛基磺酸");
    ASSERT_TRUE(zh);
    EXPECT_EQ(zh->matched_by, "text");
    EXPECT_EQ(zh->page.total, 7) << "PFOS and six salts (PFOSF is 磺酰氟)";
    EXPECT_EQ(FirstCas(*zh).at(0), "1763-23-1") << "the exact name first";
    auto short_zh = Search("甲醛");
    ASSERT_TRUE(short_zh);
    EXPECT_EQ(FirstCas(*short_zh), std::vector<std::string>{"50-00-0"});
    auto en = Search("PERFLUOROOCTANOIC");
    ASSERT_TRUE(en);
    EXPECT_EQ(FirstCas(*en), std::vector<std::string>{"335-67-1"});
    auto cas_part = Search("1763-23");
    ASSERT_TRUE(cas_part);
    EXPECT_EQ(FirstCas(*cas_part), std::vector<std::string>{"1763-23-1"});
    auto nothing = Search("no such substance anywhere");
    ASSERT_TRUE(nothing);
    EXPECT_EQ(nothing->page.total, 0);

    auto paged = registry_->Search({std::nullopt, std::nullopt}, {2, 50});
    ASSERT_TRUE(paged);
    EXPECT_EQ(paged->page.total, 106);
    EXPECT_EQ(paged->page.items.size(), 50u);
    auto too_long = Search(std::string(201, 'a'));
    ASSERT_FALSE(too_long);
    EXPECT_EQ(too_long.error().field, "q");
}

TEST_P(SubstanceRegistryTest, SearchesBySubstructureAloneAndWithText) {
    Seed();
    // A perfluorinated C4 chain: PFOS, its salts, PFOSF, PFOA, PFHxS and PFDA have one.
    auto chain = Search(std::nullopt, "C(F)(F)C(F)(F)C(F)(F)C(F)(F)");
    ASSERT_TRUE(chain) << chain.error().Describe();
    EXPECT_EQ(chain->matched_by, "all+smarts");
    EXPECT_EQ(chain->page.total, 11);
    EXPECT_FALSE(chain->smarts_truncated);
    auto acids = Search(std::nullopt, "C(F)(F)C(=O)[OX2H1]");
    ASSERT_TRUE(acids);
    EXPECT_EQ(FirstCas(*acids), (std::vector<std::string>{"335-67-1", "335-76-2"}));  // PFOA, PFDA
    auto with_text = Search("辛", "C(F)(F)C(=O)[OX2H1]");
    ASSERT_TRUE(with_text);
    EXPECT_EQ(FirstCas(*with_text), std::vector<std::string>{"335-67-1"});
    auto bad = Search(std::nullopt, "C(F");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().field, "smarts");

    // The structure cache follows later writes.
    auto added = registry_->Import("cas,name_en,smiles\n375-22-4,Perfluorobutanoic acid,OC(=O)C(F)(F)C(F)(F)C(F)(F)F\n",
                                   false, "test");
    ASSERT_TRUE(added);
    ASSERT_TRUE(added->errors.empty());
    auto more = Search(std::nullopt, "C(F)(F)C(=O)[OX2H1]");
    ASSERT_TRUE(more);
    EXPECT_EQ(more->page.total, 3);
}

TEST_P(SubstanceRegistryTest, ABadRowStoresNothingAndEveryErrorIsReported) {
    Seed();
    const auto audit_before = AuditCount();
    const std::string csv =
        "cas,name_zh,name_en,smiles\n"
        "7732-18-5,水,Water,O\n"
        "1234-56-7,错误,Bad check digit,\n"
        "64-17-5,乙醇,Ethanol,CCO\n"
        ",坏,Bad SMILES,C(C)(C)(C)(C)C\n";
    auto report = registry_->Import(csv, false, "test");
    ASSERT_TRUE(report) << report.error().Describe();
    EXPECT_FALSE(report->committed);
    ASSERT_EQ(report->errors.size(), 2u);
    EXPECT_EQ(report->errors[0].row, 3);
    EXPECT_EQ(report->errors[1].row, 5);
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_EQ(*registry_->Count(), 106);
    auto water = registry_->FindByCas("7732-18-5");
    ASSERT_TRUE(water);
    EXPECT_FALSE(water->has_value()) << "the good rows were not stored either";
}

TEST_P(SubstanceRegistryTest, RowsMergeIntoStoredSubstancesAndConflictsAreRefused) {
    Seed();
    auto merged = registry_->Import("cas,name_zh,synonyms\n335-67-1,全氟辛酸,PFOA;C8;全氟正辛酸\n", false, "officer");
    ASSERT_TRUE(merged) << merged.error().Describe();
    ASSERT_TRUE(merged->errors.empty()) << merged->errors[0].Describe();
    EXPECT_EQ(merged->updated, 1);
    auto pfoa = registry_->FindByCas("335-67-1");
    ASSERT_TRUE(pfoa && pfoa->has_value());
    EXPECT_EQ((*pfoa)->synonyms_en, (std::vector<std::string>{"PFOA", "C8"}));
    EXPECT_EQ((*pfoa)->synonyms_zh, std::vector<std::string>{"全氟正辛酸"});
    EXPECT_EQ((*pfoa)->name_en, "Perfluorooctanoic acid") << "an empty cell keeps the stored value";
    EXPECT_FALSE((*pfoa)->canonical_smiles.empty());
    auto entries = audit_->List({std::string("officer"), std::string("substance.update")}, {1, 5});
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->items.size(), 1u);
    EXPECT_NE(entries->items[0].change.before_json->find("\"synonyms_en\":[]"), std::string::npos);
    EXPECT_NE(entries->items[0].change.after_json->find("PFOA"), std::string::npos);
    auto found = registry_->Search({std::string("全氟正辛"), std::nullopt}, {1, 20});
    ASSERT_TRUE(found);
    EXPECT_EQ(found->page.total, 1) << "new synonyms are searchable";

    auto conflict = registry_->Import("cas,name_en\n335-67-1;1763-23-1,Two substances in one row\n", false, "test");
    ASSERT_TRUE(conflict);
    ASSERT_EQ(conflict->errors.size(), 1u);
    EXPECT_EQ(conflict->errors[0].reason, "substance.cas_conflict");
    auto same_target = registry_->Import("cas,name_en\n2795-39-3,A\n2795-39-3,B\n", false, "test");
    ASSERT_TRUE(same_target);
    ASSERT_EQ(same_target->errors.size(), 1u);
    EXPECT_EQ(same_target->errors[0].reason, "substance.cas_duplicate");
}

TEST_P(SubstanceRegistryTest, DryRunCountsButStoresNothing) {
    Seed();
    const auto audit_before = AuditCount();
    auto report = registry_->Import("cas,name_en,smiles\n64-17-5,Ethanol,CCO\n335-67-1,Perfluorooctanoic acid,\n", true, "test");
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->committed);
    EXPECT_EQ(report->created, 1);
    EXPECT_EQ(report->unchanged, 1);
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_EQ(*registry_->Count(), 106);
}

TEST_P(SubstanceRegistryTest, ExportsUtf8AndGbkThatImportBackUnchanged) {
    Seed();
    for (auto encoding : {CsvEncoding::kUtf8, CsvEncoding::kGbk}) {
        auto csv = registry_->ExportCsv(encoding);
        ASSERT_TRUE(csv) << csv.error().Describe();
        if (encoding == CsvEncoding::kUtf8) {
            EXPECT_EQ(csv->substr(0, 3), "\xEF\xBB\xBF");
            EXPECT_NE(csv->find("全氟辛酸"), std::string::npos);
        } else {
            EXPECT_EQ(csv->find("全氟辛酸"), std::string::npos) << "not UTF-8";
        }
        auto back = registry_->Import(*csv, false, "test");
        ASSERT_TRUE(back) << back.error().Describe();
        EXPECT_TRUE(back->errors.empty()) << back->errors[0].Describe();
        EXPECT_EQ(back->encoding, encoding == CsvEncoding::kUtf8 ? "utf-8" : "gbk");
        EXPECT_EQ(back->unchanged, 106);
    }
}

TEST_P(SubstanceRegistryTest, EmptyAndGarbageFilesAreRefusedWithoutWriting) {
    const auto audit_before = AuditCount();
    auto empty = registry_->Import("", false, "test");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().reason, "tabular.empty");
    std::string garbage(10 << 20, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 2654435761u) >> 13);
    auto binary = registry_->Import(garbage, false, "test");
    ASSERT_FALSE(binary);
    EXPECT_EQ(binary.error().code, ErrorCode::kInvalidArgument) << binary.error().Describe();
    EXPECT_EQ(AuditCount(), audit_before);
    EXPECT_EQ(*registry_->Count(), 0);
}

TEST_P(SubstanceRegistryTest, DepictsStoredStructures) {
    Seed();
    auto pfoa = registry_->FindByCas("335-67-1");
    ASSERT_TRUE(pfoa && pfoa->has_value());
    auto svg = registry_->DepictSvg(**pfoa);
    ASSERT_TRUE(svg);
    ASSERT_TRUE(svg->has_value());
    EXPECT_NE((*svg)->find("<svg"), std::string::npos);
    auto sccp = registry_->FindByCas("85535-84-8");
    auto none = registry_->DepictSvg(**sccp);
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, SubstanceRegistryTest, ::testing::ValuesIn(test::AllBackends()),
                         test::BackendParamName);

}  // namespace
}  // namespace npgov::substance
