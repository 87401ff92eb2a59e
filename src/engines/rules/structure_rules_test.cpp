// The shipped rule file (data/rules/structure_classes.json) against molecules with known
// answers. References for the expected classes:
// - OECD (2021) Series on Risk Management No. 61: PFAS = at least one fully fluorinated methyl
//   or methylene carbon (so CF3-aryl and HFC-134a are PFAS; CHF2- and CF3Cl are not).
// - Stockholm Convention SC-9/12 (PFOA-related: (C7F15)C, with exclusions (i)-(v); 8:2
//   fluorotelomer compounds are named examples, so 8:2 FTOH IS PFOA-related; PFNA is excluded
//   by (iii), PFOS by (v), perfluorooctane by (i)); SC-10/13 (PFHxS-related: C6F13SO2-);
//   SC-8/11 (SCCPs: C10-13 straight chain, Cl > 48 % by weight).
// - 2023 key-controlled list entries 1, 2, 4, 6, 8, 12, 14 (MEE Order No. 28).
// - WHO ATC classes J01A/B/C/D/E/FA/FF/G/M for the antibiotics.
// Structures: tests/golden/chem/structures.csv (sources per row) and extra_structures.csv.
#include "engines/rules/structure_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "core/csv.hpp"

namespace npgov::rules {
namespace {

std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path << " (tests run from the source root)";
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const RuleSet& ShippedRules() {
    static const RuleSet rules = [] {
        auto parsed = ParseStructureRules(ReadFile("data/rules/structure_classes.json"));
        EXPECT_TRUE(parsed) << parsed.error().Describe();
        return parsed ? *parsed : RuleSet{};
    }();
    return rules;
}

// Every structure of the two reference files, by CAS (structures.csv) or name (extra).
const std::map<std::string, std::string>& Structures() {
    static const std::map<std::string, std::string> smiles = [] {
        std::map<std::string, std::string> out;
        for (const auto& [file, key] : {std::pair{"tests/golden/chem/structures.csv", "cas"},
                                        std::pair{"tests/golden/chem/extra_structures.csv", "name"}}) {
            auto table = ParseCsv(ReadFile(file));
            EXPECT_TRUE(table) << file;
            if (!table) continue;
            const std::size_t k = *table->FindColumn(key);
            const std::size_t s = *table->FindColumn("smiles");
            for (const auto& row : table->rows) {
                if (!row[s].empty()) out[row[k]] = row[s];
            }
        }
        return out;
    }();
    return smiles;
}

std::vector<RuleMatch> Classify(const std::string& smiles) {
    auto molecule = chem::Molecule::FromSmiles(smiles);
    EXPECT_TRUE(molecule) << smiles << ": " << molecule.error().Describe();
    return molecule ? EvaluateStructureRules(ShippedRules(), *molecule) : std::vector<RuleMatch>{};
}

std::set<std::string> Classes(const std::vector<RuleMatch>& matches) {
    std::set<std::string> out;
    for (const RuleMatch& m : matches) out.insert(m.class_id);
    return out;
}

std::string Show(const std::set<std::string>& classes) {
    std::string out = "{";
    for (const auto& c : classes) out += " " + c;
    return out + " }";
}

const RuleMatch* Find(const std::vector<RuleMatch>& matches, std::string_view class_id) {
    for (const RuleMatch& m : matches) {
        if (m.class_id == class_id) return &m;
    }
    return nullptr;
}

TEST(StructureRulesTest, ShippedFileIsVersionedAndCited) {
    const RuleSet& rules = ShippedRules();
    EXPECT_EQ(rules.id, "npgov.structure_classes");
    EXPECT_FALSE(rules.version.empty());
    EXPECT_EQ(rules.date.size(), 10u);
    EXPECT_GE(rules.rules.size(), 16u);
    for (const StructureRule& rule : rules.rules) {
        EXPECT_FALSE(rule.citation_document.empty()) << rule.id;
        EXPECT_FALSE(rule.citation_section.empty()) << rule.id;
        EXPECT_FALSE(rule.name_zh.empty()) << rule.id;
    }
}

TEST(StructureRulesTest, ClassifiesEveryReferenceStructure) {
    const std::string pfas = "pfas.oecd2021";
    const std::string pfos = "list2023.e1.pfos";
    const std::string c8so2 = "pfos.precursor.c8f17so2";
    const std::string pfoa = "list2023.e2.pfoa_related";
    const std::string pfhxs = "list2023.e8.pfhxs_related";
    const std::set<std::string> pfos_group = {pfas, pfos, c8so2};
    // Structures not named here must match no rule at all (benzene, PAHs, DDT, metals …).
    const std::map<std::string, std::set<std::string>> expected = {
        // Entry 1: PFOS acid, PFOSF and the six salts the list names.
        {"1763-23-1", pfos_group}, {"307-35-7", pfos_group}, {"2795-39-3", pfos_group},
        {"29457-72-5", pfos_group}, {"29081-56-9", pfos_group}, {"70225-14-8", pfos_group},
        {"56773-42-3", pfos_group}, {"251099-16-8", pfos_group},
        // Entry 2: PFOA, its salts, branched isomers, related compounds; and what is excluded.
        {"335-67-1", {pfas, pfoa}},
        {"ammonium perfluorooctanoate (APFO)", {pfas, pfoa}},
        {"perfluoro-6-methylheptanoic acid (branched PFOA)", {pfas, pfoa}},
        {"perfluorooctanoyl fluoride", {pfas, pfoa}},
        {"8:2 fluorotelomer alcohol", {pfas, pfoa}},
        {"6:2 fluorotelomer alcohol", {pfas}},
        {"perfluorononanoic acid (PFNA)", {pfas}},           // exclusion (iii)
        {"335-76-2", {pfas}},                                 // PFDA, exclusion (iii)
        {"perfluorooctane", {pfas}},                          // exclusion (i)
        {"perfluorooctyl bromide", {pfas}},                   // exclusion (i)
        {"N-ethyl perfluorooctane sulfonamide (sulfluramid)", {pfas, c8so2, pfoa}},  // no exclusion applies
        {"perfluorobutanesulfonic acid (PFBS)", {pfas}},
        // Entry 8: PFHxS.
        {"355-46-4", {pfas, pfhxs}},
        {"potassium perfluorohexanesulfonate", {pfas, pfhxs}},
        {"perfluorohexanesulfonyl fluoride", {pfas, pfhxs}},
        // OECD 2021 edge cases.
        {"trifluoromethylbenzene", {pfas}},
        {"1,1,1,2-tetrafluoroethane (HFC-134a)", {pfas}},
        {"1,1-difluoroethane (HFC-152a)", {}},
        {"chlorotrifluoromethane", {}},
        // Entry 4: SCCPs.
        {"1,2,5,6,9,10-hexachloroundecane", {"list2023.e4.sccp"}},
        {"1,2,9,10-tetrachloroundecane", {"list2023.e4.sccp"}},  // 48.2 % > 48 %
        {"1,5,9-trichloroundecane", {}},                          // 41.0 % Cl
        {"1,2,5,8-tetrachlorononane", {}},                        // C9
        {"1,2,5,6,9,10-hexachlorotetradecane", {}},               // C14: MCCP
        {"4-methyl-1,2,4,5,8,9-hexachlorodecane", {}},            // branched
        {"1,1,2,5,6,9,10-hexachloroundec-1-ene", {}},             // unsaturated
        // Entries 6, 12, 14.
        {"87-86-5", {"list2023.e6.pcp"}}, {"131-52-2", {"list2023.e6.pcp"}},
        {"3772-94-9", {"list2023.e6.pcp"}}, {"1825-21-4", {"list2023.e6.pcp"}},
        {"sodium pentachlorophenate", {"list2023.e6.pcp"}},
        {"25154-52-3", {"list2023.e12.nonylphenol"}}, {"84852-15-3", {"list2023.e12.nonylphenol"}},
        {"25637-99-4", {"list2023.e14.hbcdd"}}, {"3194-55-6", {"list2023.e14.hbcdd"}},
        {"2,2',4,4',5,5'-hexachlorobiphenyl (PCB-153)", {"list2023.e14.pcb"}},
        // Entry 13: antibiotics by class.
        {"amoxicillin", {"antibiotic.beta_lactam"}}, {"benzylpenicillin", {"antibiotic.beta_lactam"}},
        {"cefalexin", {"antibiotic.beta_lactam"}}, {"meropenem", {"antibiotic.beta_lactam"}},
        {"aztreonam", {"antibiotic.beta_lactam"}},
        {"tetracycline", {"antibiotic.tetracycline"}}, {"doxycycline", {"antibiotic.tetracycline"}},
        {"oxytetracycline", {"antibiotic.tetracycline"}},
        {"ciprofloxacin", {"antibiotic.quinolone"}}, {"norfloxacin", {"antibiotic.quinolone"}},
        {"ofloxacin", {"antibiotic.quinolone"}}, {"nalidixic acid", {"antibiotic.quinolone"}},
        {"erythromycin", {"antibiotic.macrolide"}}, {"azithromycin", {"antibiotic.macrolide"}},
        {"sulfamethoxazole", {"antibiotic.sulfonamide"}}, {"sulfadiazine", {"antibiotic.sulfonamide"}},
        {"streptomycin", {"antibiotic.aminoglycoside"}}, {"gentamicin C1", {"antibiotic.aminoglycoside"}},
        {"kanamycin A", {"antibiotic.aminoglycoside"}},
        {"chloramphenicol", {"antibiotic.amphenicol"}}, {"florfenicol", {"antibiotic.amphenicol"}},
        {"lincomycin", {"antibiotic.lincosamide"}}, {"clindamycin", {"antibiotic.lincosamide"}},
        // Look-alikes that are not antibiotics: azetidinone, sulfonamide diuretic, J01E partner
        // drug, musk lactone.
        {"ezetimibe", {}}, {"furosemide", {}}, {"trimethoprim", {}}, {"exaltolide (pentadecanolide)", {}},
    };
    for (const auto& [key, smiles_text] : Structures()) {
        const auto it = expected.find(key);
        const std::set<std::string> want = it == expected.end() ? std::set<std::string>{} : it->second;
        EXPECT_EQ(Classes(Classify(smiles_text)), want)
            << key << " " << smiles_text << "\n want " << Show(want);
    }
    for (const auto& [key, classes] : expected) {
        EXPECT_TRUE(Structures().count(key)) << "no structure named " << key;
    }
    // Negative controls named in the brief.
    for (const char* smiles : {"c1ccccc1", "CCO", "OC[C@H]1OC(O)[C@H](O)[C@@H](O)[C@@H]1O",
                               "CC(C)Cc1ccc(C(C)C(=O)O)cc1"}) {
        EXPECT_TRUE(Classify(smiles).empty()) << smiles;
    }
}

TEST(StructureRulesTest, ReasonsSayWhichAtomsAndValues) {
    // SCCP: every condition value is stated; all atoms of the chain are the evidence.
    const auto sccp = Classify("ClCC(Cl)CCC(Cl)C(Cl)CCC(Cl)C(Cl)C");
    ASSERT_EQ(sccp.size(), 1u);
    EXPECT_EQ(sccp[0].rule_id, "list2023.e4.sccp");
    EXPECT_EQ(sccp[0].rule_version, "1");
    EXPECT_NE(sccp[0].reason_en.find("C11 (10–13)"), std::string::npos) << sccp[0].reason_en;
    EXPECT_NE(sccp[0].reason_en.find("Cl 58.6 % > 48 % by weight"), std::string::npos)
        << sccp[0].reason_en;
    EXPECT_NE(sccp[0].reason_zh.find("Cl 质量分数 58.6 % > 48 %"), std::string::npos)
        << sccp[0].reason_zh;
    EXPECT_EQ(sccp[0].matched_atoms.size(), 17u);
    EXPECT_NE(sccp[0].citation.find("SC-8/11"), std::string::npos);

    // PFOA: the pattern, its atoms and the size and shape of the perfluoroalkyl group.
    const auto pfoa = Classify("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F");
    const RuleMatch* related = Find(pfoa, "list2023.e2.pfoa_related");
    ASSERT_NE(related, nullptr);
    EXPECT_NE(related->reason_en.find("matched atoms 3,4,1: C7F15 group, linear"), std::string::npos)
        << related->reason_en;
    EXPECT_NE(related->reason_zh.find("C7F15 基团，直链"), std::string::npos) << related->reason_zh;
    EXPECT_EQ(related->matched_atoms.size(), 23u) << "C7F15 (22 atoms) plus the carboxyl carbon";
    const auto iso = Classify("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(C(F)(F)F)C(F)(F)F");
    ASSERT_NE(Find(iso, "list2023.e2.pfoa_related"), nullptr);
    EXPECT_NE(Find(iso, "list2023.e2.pfoa_related")->reason_en.find("C7F15 group, branched"),
              std::string::npos);

    // A salt: the potassium ion (atom 29) is not part of any match.
    const auto salt = Classify(Structures().at("2795-39-3"));
    const RuleMatch* pfos = Find(salt, "list2023.e1.pfos");
    ASSERT_NE(pfos, nullptr);
    EXPECT_EQ(pfos->matched_atoms.back(), 28);
    EXPECT_NE(pfos->reason_en.find("C8F17 group"), std::string::npos) << pfos->reason_en;

    // Fragment scope: an SCCP with water beside it is judged on the chain and says so.
    const auto wet = Classify("O.ClCC(Cl)CCC(Cl)C(Cl)CCC(Cl)C(Cl)C");
    ASSERT_EQ(wet.size(), 1u);
    EXPECT_EQ(wet[0].reason_en.rfind("largest organic fragment of 2 components: ", 0), 0u)
        << wet[0].reason_en;
    EXPECT_EQ(wet[0].matched_atoms.front(), 1) << "atom 0 is the water";

    // Two patterns required: both are reported.
    const auto macrolide = Classify(Structures().at("azithromycin"));
    ASSERT_EQ(macrolide.size(), 1u);
    EXPECT_NE(macrolide[0].reason_en.find("macrocyclic lactone"), std::string::npos);
    EXPECT_NE(macrolide[0].reason_en.find("glycosidic bond"), std::string::npos);
}

TEST(StructureRulesTest, EvaluationIsThreadSafe) {
    std::vector<std::string> smiles;
    for (const auto& [key, text] : Structures()) smiles.push_back(text);
    std::vector<std::vector<std::string>> serial;
    for (const auto& s : smiles) {
        std::vector<std::string> reasons;
        for (const auto& m : Classify(s)) reasons.push_back(m.rule_id + m.reason_en);
        serial.push_back(reasons);
    }
    std::vector<int> mismatches(3, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < smiles.size(); ++i) {
                std::vector<std::string> reasons;
                for (const auto& m : Classify(smiles[i])) reasons.push_back(m.rule_id + m.reason_en);
                if (reasons != serial[i]) ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

// A minimal valid file with one rule whose body is `rule_body`.
std::string OneRule(const std::string& rule_body) {
    return R"({"ruleset": "t", "version": "1", "date": "2026-01-01", "rules": [{"id": "x.rule",
        "version": "1", "class_id": "x", "name_zh": "甲", "name_en": "X",
        "citation": {"document": "D", "section": "S"}, )" +
           rule_body + "}]}";
}

TEST(StructureRulesTest, RejectsBadRuleFilesNamingTheRule) {
    struct Case {
        std::string text;
        std::string reason, field_part, message_part;
    };
    const Case cases[] = {
        {"{not json", "rules.json", "rules", "JSON"},
        {OneRule(R"("patterns": [{"name_en": "a", "name_zh": "甲", "smarts": "[C;X4(F)F"}])"),
         "rules.smarts", "$.rules[0].patterns[0].smarts", "rule x.rule: cannot parse SMARTS"},
        {OneRule(R"("patterns": [{"name_en": "a", "name_zh": "甲", "smarts": "C"}], "condtions": {})"),
         "rules.schema", "$.rules[0].condtions", "unknown field \"condtions\""},
        {OneRule(R"("conditions": {"element_counts": {"C": {"min": 13, "max": 10}}})"),
         "rules.schema", "$.rules[0].conditions.element_counts.C", "greater than"},
        {OneRule(R"("conditions": {"mass_fractions": [{"element": "Cl", "op": "=>", "value": 0.48}]})"),
         "rules.schema", "mass_fractions[0].op", "must be"},
        {OneRule(R"("conditions": {"mass_fractions": [{"element": "Cl", "op": ">", "value": 48}]})"),
         "rules.schema", "mass_fractions[0].value", "between 0 and 1"},
        {OneRule(R"("patterns": [{"name_en": "a", "name_zh": "甲", "smarts": "CF",
             "perfluoroalkyl": {"attachment": 0, "attached_to": 5, "min_carbons": 7}}])"),
         "rules.schema", "perfluoroalkyl", "atom indices"},
        {OneRule(R"("scope": "everything", "conditions": {"acyclic": true})"), "rules.schema",
         "$.rules[0].scope", "must be"},
        {OneRule(R"("require": "some", "conditions": {"acyclic": true})"), "rules.schema",
         "$.rules[0].require", "must be"},
        {OneRule(R"("note": "no patterns, no conditions")"), "rules.schema", "$.rules[0]",
         "needs patterns or conditions"},
        {R"({"ruleset": "t", "version": "1", "date": "2026-01-01", "rules": []})", "rules.schema",
         "$.rules", "non-empty"},
        {R"({"ruleset": "t", "version": "1", "date": "2026-01-01", "rules": [{"id": "y"}]})",
         "rules.schema", "$.rules[0].version", "rule y: missing required field"},
    };
    for (const Case& c : cases) {
        auto parsed = ParseStructureRules(c.text);
        ASSERT_FALSE(parsed) << "accepted: " << c.text;
        EXPECT_EQ(parsed.error().reason, c.reason) << c.text;
        EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
        EXPECT_NE(parsed.error().field.find(c.field_part), std::string::npos) << parsed.error().field;
        EXPECT_NE(parsed.error().message_en.find(c.message_part), std::string::npos)
            << parsed.error().message_en;
        EXPECT_FALSE(parsed.error().message_zh.empty());
    }
    // The same id twice.
    std::string twice = OneRule(R"("conditions": {"acyclic": true})");
    const std::string rule = twice.substr(twice.find("[{") + 1, twice.rfind("}]") - twice.find("[{"));
    twice.insert(twice.rfind(']'), "," + rule);
    auto duplicate = ParseStructureRules(twice);
    ASSERT_FALSE(duplicate) << twice;
    EXPECT_EQ(duplicate.error().reason, "rules.duplicate");
    EXPECT_NE(duplicate.error().message_en.find("rule x.rule"), std::string::npos);
}

TEST(StructureRulesTest, ExclusionsAndConditionOperators) {
    // A small rule file exercising ">=" versus ">" and an exclusion by formula.
    const std::string text = R"({"ruleset": "t", "version": "1", "date": "2026-01-01", "rules": [
      {"id": "cl.ge50", "version": "1", "class_id": "cl.ge50", "name_zh": "甲", "name_en": "A",
       "citation": {"document": "D", "section": "S"},
       "conditions": {"mass_fractions": [{"element": "Cl", "op": ">=", "value": 0.5}]}},
      {"id": "cl.any", "version": "1", "class_id": "cl.any", "name_zh": "乙", "name_en": "B",
       "citation": {"document": "D", "section": "S"},
       "patterns": [{"name_en": "C-Cl", "name_zh": "碳氯键", "smarts": "CCl"}],
       "exclusions": [{"id": "dcm", "name_en": "dichloromethane", "name_zh": "二氯甲烷",
                       "conditions": {"element_counts": {"C": {"max": 1}}}}]}]})";
    auto parsed = ParseStructureRules(text);
    ASSERT_TRUE(parsed) << parsed.error().Describe();
    auto classes = [&](const char* smiles) {
        auto molecule = chem::Molecule::FromSmiles(smiles);
        EXPECT_TRUE(molecule);
        return Classes(EvaluateStructureRules(*parsed, *molecule));
    };
    // Chloroethane C2H5Cl: 35.453 / 64.51 = 55.0 % Cl; 1-chlorobutane 38.3 %.
    EXPECT_EQ(classes("CCCl"), (std::set<std::string>{"cl.ge50", "cl.any"}));
    EXPECT_EQ(classes("CCCCCl"), (std::set<std::string>{"cl.any"}));
    EXPECT_EQ(classes("ClCCl"), (std::set<std::string>{"cl.ge50"})) << "excluded: one carbon";
    EXPECT_TRUE(classes("CCO").empty());
}

}  // namespace
}  // namespace npgov::rules
