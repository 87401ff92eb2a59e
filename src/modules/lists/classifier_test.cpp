#include "modules/lists/classifier.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "modules/lists/list_files.hpp"
#include "support/app_fixture.hpp"

namespace npgov::lists {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

Date D(const char* text) { return *Date::Parse(text); }

// Structures: PubChem isomeric SMILES of the named substances.
constexpr const char* kFtoh82 = "OCCC(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F";  // 8:2 FTOH, CAS 678-39-7
constexpr const char* kPotassiumPfos =
    "O=S(=O)([O-])C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F.[K+]";
constexpr const char* kAmoxicillin = "CC1(C)SC2C(NC(=O)C(N)c3ccc(O)cc3)C(=O)N2C1C(=O)O";
constexpr const char* kCiprofloxacin = "O=C(O)C1=CN(C2CC2)c2cc(N3CCNCC3)c(F)cc2C1=O";

class ClassifierTest : public test::AppTest {
protected:
    void SetUp() override {
        AppTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        lists_ = std::make_unique<ListRegistry>(db(), *audit_, clock_);
        substances_ = std::make_unique<substance::SubstanceRegistry>(db(), *audit_, clock_);
        classifier_ = std::make_unique<Classifier>(*lists_, *substances_, "data/rules/structure_classes.json");
        auto editions = LoadListManifest("data/lists/lists.json");
        ASSERT_TRUE(editions) << editions.error().Describe();
        for (const auto& e : *editions) ASSERT_TRUE(lists_->SaveEdition(e, "test"));
        auto seeded = substances_->Import(ReadFile("data/lists/structures.csv"), false, "test");
        ASSERT_TRUE(seeded && seeded->errors.empty());
    }

    Classification Classify(ClassifyInput input, const char* date) {
        auto c = classifier_->Classify(input, D(date));
        EXPECT_TRUE(c) << c.error().Describe();
        return c.value_or(Classification{});
    }

    static const ListHit* List(const Classification& c, const std::string& id) {
        for (const auto& hit : c.lists) {
            if (hit.edition->list_id == id) return &hit;
        }
        return nullptr;
    }
    static const EntryHit* EntryOf(const Classification& c, const std::string& list, const std::string& key) {
        const ListHit* hit = List(c, list);
        if (!hit) return nullptr;
        for (const auto& e : hit->entries) {
            if (e.entry->key == key) return &e;
        }
        return nullptr;
    }
    static const MeasureStatus* MeasureOf(const EntryHit& e, const std::string& action) {
        for (const auto& m : e.measures) {
            if (m.measure.action == action) return &m;
        }
        return nullptr;
    }
    static bool HasReason(const EntryHit& e, MembershipReason::Kind kind, const std::string& what) {
        for (const auto& r : e.reasons) {
            if (r.kind != kind) continue;
            if (kind == MembershipReason::Kind::kCas ? r.cas == what : r.rule->class_id == what) return true;
        }
        return false;
    }

    std::unique_ptr<ListRegistry> lists_;
    std::unique_ptr<substance::SubstanceRegistry> substances_;
    std::unique_ptr<Classifier> classifier_;
};

TEST_P(ClassifierTest, EveryStructureClassTheListsNameExistsInTheRules) {
    auto rules = classifier_->Rules();
    ASSERT_TRUE(rules) << rules.error().Describe();
    std::set<std::string> classes;
    for (const auto& r : (*rules)->rules) classes.insert(r.class_id);
    auto editions = lists_->AllEditions();
    ASSERT_TRUE(editions);
    int referenced = 0;
    for (const auto& edition : **editions) {
        for (const auto& entry : edition.entries) {
            for (const auto& id : entry.structure_classes) {
                ++referenced;
                EXPECT_TRUE(classes.count(id)) << edition.list_id << " entry " << entry.key << " names unknown class " << id;
            }
        }
    }
    EXPECT_GT(referenced, 20);
}

// PFOS (CAS 1763-23-1), key list entry 1: production banned 2023-03-01; use for fire-fighting
// foam exempted until 2023-12-31; import/export permit, then banned from 2024-01-01.
TEST_P(ClassifierTest, PfosByCasFallsUnderFourListsWithDatedMeasures) {
    const auto c = Classify({std::nullopt, std::string("1763-23-1"), std::nullopt}, "2024-06-01");
    ASSERT_TRUE(c.substance);
    EXPECT_EQ(c.substance->name_zh, "全氟辛基磺酸");
    EXPECT_TRUE(c.structure_evaluated);
    EXPECT_EQ(c.pfas, std::optional<bool>(true));
    for (const char* list : {"key_controlled", "priority_control", "stockholm_pops", "severely_restricted_toxic"}) {
        EXPECT_NE(List(c, list), nullptr) << list;
    }
    const EntryHit* entry = EntryOf(c, "key_controlled", "1");
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(HasReason(*entry, MembershipReason::Kind::kCas, "1763-23-1"));
    EXPECT_TRUE(HasReason(*entry, MembershipReason::Kind::kStructure, "list2023.e1.pfos"));
    const MeasureStatus* ban = MeasureOf(*entry, "ban_production");
    ASSERT_NE(ban, nullptr);
    EXPECT_TRUE(ban->in_force);
    const MeasureStatus* use = MeasureOf(*entry, "ban_processing_use");
    ASSERT_NE(use, nullptr);
    ASSERT_EQ(use->exemptions.size(), 1u);
    EXPECT_FALSE(use->exemptions[0].active) << "the foam exemption ended 2023-12-31";
    const MeasureStatus* trade = MeasureOf(*entry, "import_export_permit_then_ban");
    ASSERT_NE(trade, nullptr);
    EXPECT_EQ(trade->ban_in_force, std::optional<bool>(true));
    EXPECT_EQ(EntryOf(c, "priority_control", "PC015")->reasons.size(), 2u);  // CAS and structure

    const auto earlier = Classify({std::nullopt, std::string("1763-23-1"), std::nullopt}, "2023-06-01");
    const EntryHit* then = EntryOf(earlier, "key_controlled", "1");
    ASSERT_NE(then, nullptr);
    EXPECT_TRUE(MeasureOf(*then, "ban_processing_use")->exemptions[0].active);
    EXPECT_EQ(MeasureOf(*then, "import_export_permit_then_ban")->ban_in_force, std::optional<bool>(false));

    const auto before = Classify({std::nullopt, std::string("1763-23-1"), std::nullopt}, "2022-06-01");
    const ListHit* key = List(before, "key_controlled");
    ASSERT_NE(key, nullptr);
    EXPECT_FALSE(key->edition_in_force) << "the 2023 list is not in force in 2022";
    for (const auto& m : key->entries[0].measures) EXPECT_FALSE(m.in_force) << m.measure.action;
}

TEST_P(ClassifierTest, TheEditionInForceDecidesThePriorityList) {
    // PFOA (PC035) joined the priority-control list with batch 2 (2020).
    const auto in_2019 = Classify({std::nullopt, std::string("335-67-1"), std::nullopt}, "2019-01-01");
    EXPECT_EQ(List(in_2019, "priority_control"), nullptr);
    const auto in_2021 = Classify({std::nullopt, std::string("335-67-1"), std::nullopt}, "2021-01-01");
    const ListHit* hit = List(in_2021, "priority_control");
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->edition->edition, "2020");
    EXPECT_NE(EntryOf(in_2021, "priority_control", "PC035"), nullptr);
}

TEST_P(ClassifierTest, AnUnregisteredPfoaRelatedStructureIsListedByStructureAlone) {
    const auto c = Classify({std::nullopt, std::nullopt, std::string(kFtoh82)}, "2024-06-01");
    EXPECT_FALSE(c.substance);
    EXPECT_TRUE(c.cas_numbers.empty());
    EXPECT_EQ(c.pfas, std::optional<bool>(true));
    const EntryHit* pfoa = EntryOf(c, "key_controlled", "2");
    ASSERT_NE(pfoa, nullptr);
    ASSERT_EQ(pfoa->reasons.size(), 1u);
    EXPECT_EQ(pfoa->reasons[0].rule->class_id, "list2023.e2.pfoa_related");
    EXPECT_FALSE(pfoa->reasons[0].rule->reason_en.empty());
    EXPECT_FALSE(pfoa->reasons[0].rule->matched_atoms.empty());
    const MeasureStatus* ban = MeasureOf(*pfoa, "ban_production_and_processing_use");
    ASSERT_NE(ban, nullptr);
    EXPECT_EQ(ban->exemptions.size(), 7u);
    for (const auto& e : ban->exemptions) EXPECT_TRUE(e.active) << "no end date: still exempted";
}

TEST_P(ClassifierTest, ASaltIsClassifiedWholeAndMatchedToItsRegisteredCas) {
    const auto c = Classify({std::nullopt, std::nullopt, std::string(kPotassiumPfos)}, "2024-06-01");
    EXPECT_EQ(c.components, 2);
    EXPECT_EQ(c.cas_numbers, std::vector<std::string>{"2795-39-3"}) << "matched by InChIKey";
    const EntryHit* entry = EntryOf(c, "key_controlled", "1");
    ASSERT_NE(entry, nullptr);
    EXPECT_TRUE(HasReason(*entry, MembershipReason::Kind::kCas, "2795-39-3"));
    std::set<std::string> warnings;
    for (const auto& w : c.warnings) warnings.insert(w.reason);
    EXPECT_TRUE(warnings.count("classify.multi_component"));
    EXPECT_TRUE(warnings.count("classify.matched_by_inchikey"));
}

TEST_P(ClassifierTest, PhasedOutSubstancesShowTheAssumedBanAndTheirMember) {
    const auto c = Classify({std::nullopt, std::string("58-89-9"), std::nullopt}, "2024-06-01");  // lindane
    const EntryHit* entry = EntryOf(c, "key_controlled", "14");
    ASSERT_NE(entry, nullptr);
    EXPECT_FALSE(entry->entry->measures_status.empty());
    ASSERT_EQ(entry->measures.size(), 1u);
    EXPECT_TRUE(entry->measures[0].measure.assumed);
    EXPECT_TRUE(entry->measures[0].in_force);
    ASSERT_TRUE(entry->reasons.at(0).member);
    EXPECT_EQ(entry->reasons[0].member->name_zh, "林丹");
}

TEST_P(ClassifierTest, AntibioticsAreClassedAndFallUnderEntry13) {
    const auto amoxicillin = Classify({std::nullopt, std::nullopt, std::string(kAmoxicillin)}, "2024-06-01");
    ASSERT_EQ(amoxicillin.antibiotic_classes.size(), 1u);
    EXPECT_EQ(amoxicillin.antibiotic_classes[0].class_id, "antibiotic.beta_lactam");
    EXPECT_EQ(amoxicillin.pfas, std::optional<bool>(false));
    EXPECT_NE(EntryOf(amoxicillin, "key_controlled", "13"), nullptr);
    const auto ciprofloxacin = Classify({std::nullopt, std::nullopt, std::string(kCiprofloxacin)}, "2024-06-01");
    ASSERT_EQ(ciprofloxacin.antibiotic_classes.size(), 1u);
    EXPECT_EQ(ciprofloxacin.antibiotic_classes[0].class_id, "antibiotic.quinolone");
}

TEST_P(ClassifierTest, UnknownCasIsCheckedAgainstTheListsOnlyAndSaysSo) {
    const auto listed = Classify({std::nullopt, std::string("1336-36-3"), std::nullopt}, "2024-06-01");  // PCBs
    EXPECT_NE(List(listed, "stockholm_pops"), nullptr);
    const auto water = Classify({std::nullopt, std::string("7732-18-5"), std::nullopt}, "2024-06-01");
    EXPECT_TRUE(water.lists.empty());
    EXPECT_FALSE(water.pfas) << "no structure: PFAS unknown";
    ASSERT_FALSE(water.warnings.empty());
    EXPECT_EQ(water.warnings[0].reason, "classify.unknown_cas");
    const auto benzene = Classify({std::nullopt, std::nullopt, std::string("c1ccccc1")}, "2024-06-01");
    EXPECT_EQ(benzene.pfas, std::optional<bool>(false));
    EXPECT_NE(EntryOf(benzene, "priority_control", "PC027"), nullptr) << "by the registered benzene's CAS";
}

TEST_P(ClassifierTest, BadInputIsRefusedWithTheFieldAtFault) {
    struct Case {
        ClassifyInput input;
        const char* reason;
    };
    const Case cases[] = {
        {{std::nullopt, std::string("1763-23-2"), std::nullopt}, "cas.check_digit"},
        {{std::nullopt, std::nullopt, std::string("C1CC(")}, "smiles.parse"},
        {{std::nullopt, std::nullopt, std::nullopt}, "classify.input"},
        {{std::int64_t{1}, std::string("1763-23-1"), std::nullopt}, "classify.input"},
        {{std::int64_t{999999}, std::nullopt, std::nullopt}, "substance.unknown"},
    };
    for (const auto& c : cases) {
        auto result = classifier_->Classify(c.input, D("2024-01-01"));
        ASSERT_FALSE(result) << c.reason;
        EXPECT_EQ(result.error().reason, c.reason);
    }
    Classifier without_rules(*lists_, *substances_, "data/rules/no_such_file.json");
    auto missing = without_rules.Classify({std::nullopt, std::string("1763-23-1"), std::nullopt}, D("2024-01-01"));
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().reason, "rules.unavailable");
}

INSTANTIATE_TEST_SUITE_P(Backends, ClassifierTest, ::testing::ValuesIn(test::AllBackends()), test::BackendParamName);

}  // namespace
}  // namespace npgov::lists
