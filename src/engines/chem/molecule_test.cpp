// Identifiers checked against independent references:
// - InChIKeys: tests/golden/chem/structures.csv (copied from shared/reference: US EPA CompTox /
//   ToxCast exports, each row names its source) and extra_structures.csv (PubChem records);
//   rows marked CAUTION (representative structures of mixtures, bare elements) are skipped.
// - Canonical SMILES, formula, MW and Crippen logP: tests/golden/chem/identifiers_golden.csv,
//   written by make_golden.py with Python RDKit 2022.09 (Debian python3-rdkit); MW and logP
//   are stored with 4 decimals, hence the 5e-5 tolerance.
#include "engines/chem/molecule.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/csv.hpp"

namespace npgov::chem {
namespace {

CsvTable ReadCsv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path << " (tests run from the source root)";
    std::stringstream text;
    text << in.rdbuf();
    auto table = ParseCsv(text.str());
    EXPECT_TRUE(table) << path << ": " << table.error().Describe();
    return table ? *table : CsvTable{};
}

std::string Cell(const CsvTable& table, const std::vector<std::string>& row,
                 std::string_view column) {
    const auto index = table.FindColumn(column);
    EXPECT_TRUE(index.has_value()) << "no column " << column;
    return index ? row[*index] : std::string();
}

TEST(MoleculeTest, InchiKeysMatchPublishedKeys) {
    int checked = 0;
    for (const char* file : {"tests/golden/chem/structures.csv",
                             "tests/golden/chem/extra_structures.csv"}) {
        const CsvTable table = ReadCsv(file);
        for (const auto& row : table.rows) {
            const std::string smiles = Cell(table, row, "smiles");
            const std::string expected = Cell(table, row, "inchikey");
            const std::string source = Cell(table, row, "source");
            if (smiles.empty() || expected.empty() ||
                source.find("CAUTION") != std::string::npos) {
                continue;
            }
            const std::string name = Cell(table, row, table.FindColumn("cas") ? "cas" : "name");
            auto molecule = Molecule::FromSmiles(smiles);
            ASSERT_TRUE(molecule) << name << ": " << molecule.error().Describe();
            const Identifiers ids = ComputeIdentifiers(*molecule);
            EXPECT_EQ(ids.inchikey, expected) << file << " " << name << " " << smiles << "\n"
                                              << ids.inchi;
            EXPECT_EQ(ids.inchi.rfind("InChI=1S/", 0), 0u) << name;
            ++checked;
        }
    }
    EXPECT_GE(checked, 60) << "the reference files lost rows";
}

TEST(MoleculeTest, IdentifiersMatchPythonRdkitGolden) {
    const CsvTable table = ReadCsv("tests/golden/chem/identifiers_golden.csv");
    ASSERT_GE(table.rows.size(), 100u);
    for (const auto& row : table.rows) {
        const std::string key = Cell(table, row, "key");
        auto molecule = Molecule::FromSmiles(Cell(table, row, "smiles"));
        ASSERT_TRUE(molecule) << key << ": " << molecule.error().Describe();
        const Identifiers ids = ComputeIdentifiers(*molecule);
        EXPECT_EQ(ids.canonical_smiles, Cell(table, row, "canonical_smiles")) << key;
        EXPECT_EQ(ids.formula, Cell(table, row, "formula")) << key;
        EXPECT_NEAR(ids.molecular_weight, std::stod(Cell(table, row, "molecular_weight")), 5e-5)
            << key;
        EXPECT_NEAR(ids.crippen_logp, std::stod(Cell(table, row, "crippen_logp")), 5e-5) << key;
        EXPECT_EQ(ids.components, std::stoi(Cell(table, row, "components"))) << key;
    }
}

TEST(MoleculeTest, SaltsKeepEveryComponent) {
    // PFOS potassium salt, CAS 2795-39-3 (structures.csv): formula C8F17KO3S per RDKit.
    auto salt = Molecule::FromSmiles(
        "O=S(=O)([O-])C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F.[K+]");
    ASSERT_TRUE(salt);
    const Identifiers ids = ComputeIdentifiers(*salt);
    EXPECT_EQ(ids.components, 2);
    EXPECT_EQ(ids.formula, "C8F17KO3S");
    EXPECT_EQ(ids.inchikey, "WFRUBUQWJYMMRQ-UHFFFAOYSA-M");
}

TEST(MoleculeTest, RejectsBadSmilesWithReason) {
    struct Case {
        std::string_view smiles, reason, message_part;
    };
    const Case cases[] = {
        {"", "smiles.empty", "empty"},
        {"   \t", "smiles.empty", "empty"},
        {"C1CC", "smiles.parse", "ring bond 1"},
        {"CC(C", "smiles.parse", "'('"},
        {"CC)C", "smiles.parse", "position 3"},
        {"C[NH4", "smiles.parse", "']'"},
        {"CCXC", "smiles.parse", "unexpected character 'X'"},
        {"C(C)(C)(C)(C)C", "smiles.parse", "valence"},  // pentavalent carbon
        {"CN(C)(C)(C)C", "smiles.parse", "valence"},    // pentavalent neutral nitrogen
        {"c1cccc1", "smiles.parse", "kekulize"},        // five aromatic carbons
        {"[Xx]", "smiles.parse", "cannot parse"},
    };
    for (const Case& c : cases) {
        auto molecule = Molecule::FromSmiles(c.smiles);
        ASSERT_FALSE(molecule) << "accepted: " << c.smiles;
        EXPECT_EQ(molecule.error().reason, c.reason) << c.smiles;
        EXPECT_EQ(molecule.error().code, ErrorCode::kInvalidArgument) << c.smiles;
        EXPECT_EQ(molecule.error().field, "smiles");
        EXPECT_NE(molecule.error().message_en.find(c.message_part), std::string::npos)
            << c.smiles << " -> " << molecule.error().message_en;
        EXPECT_FALSE(molecule.error().message_zh.empty());
    }
}

TEST(MoleculeTest, BadInputDoesNotWriteToStderr) {
    testing::internal::CaptureStderr();
    for (int i = 0; i < 50; ++i) {
        EXPECT_FALSE(Molecule::FromSmiles("C1CC(C" + std::to_string(i)));
        EXPECT_FALSE(Molecule::FromSmiles("C(C)(C)(C)(C)C"));
    }
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(MoleculeTest, RefusesOversizedInput) {
    auto long_text = Molecule::FromSmiles(std::string(kMaxSmilesLength + 1, 'C'));
    ASSERT_FALSE(long_text);
    EXPECT_EQ(long_text.error().reason, "smiles.too_large");
    EXPECT_EQ(long_text.error().code, ErrorCode::kResourceExhausted);
    std::string many_atoms;
    for (int i = 0; i <= kMaxAtoms; ++i) many_atoms += (i % 2 == 0) ? "C" : "O";
    auto too_many = Molecule::FromSmiles(many_atoms);
    ASSERT_FALSE(too_many);
    EXPECT_EQ(too_many.error().reason, "smiles.too_large");
}

TEST(MoleculeTest, ParsesAFiveThousandAtomPolymerQuickly) {
    // Polystyrene-like chain: 625 repeat units of 8 atoms = 5,000 atoms, 625 rings.
    std::string smiles;
    for (int i = 0; i < 625; ++i) smiles += "CC(c1ccccc1)";
    const auto start = std::chrono::steady_clock::now();
    auto polymer = Molecule::FromSmiles(smiles);
    ASSERT_TRUE(polymer) << polymer.error().Describe();
    EXPECT_EQ(polymer->atom_count(), 5000);
    const Identifiers ids = ComputeIdentifiers(*polymer);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(ids.formula, "C5000H5002");
    EXPECT_TRUE(ids.inchikey.empty()) << "standard InChI stops at 1023 atoms";
    EXPECT_FALSE(ids.canonical_smiles.empty());
    // Python RDKit's MolFromSmiles needs minutes here (it flags possible stereocentres); the
    // engine's parse path must stay well under that even on a loaded CI machine.
    EXPECT_LT(seconds, 30.0);
    EXPECT_EQ(DepictSvg(*polymer), "") << "too large to draw";
}

TEST(MoleculeTest, SharedMoleculesAreSafeAcrossThreads) {
    auto molecule = Molecule::FromSmiles(
        "CC[C@@H]1[C@@]([C@@H]([C@H](C(=O)[C@@H](C[C@@]([C@@H]([C@H]([C@@H]([C@H](C(=O)O1)C)"
        "O[C@H]2C[C@@]([C@H]([C@@H](O2)C)O)(C)OC)C)O[C@H]3[C@@H]([C@H](C[C@H](O3)C)N(C)C)O)(C)O)"
        "C)C)O)(C)O");  // erythromycin
    ASSERT_TRUE(molecule);
    const Identifiers expected = ComputeIdentifiers(*molecule);
    ASSERT_FALSE(expected.inchikey.empty());
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i) {
                const Identifiers ids = ComputeIdentifiers(*molecule);
                if (ids.canonical_smiles != expected.canonical_smiles ||
                    ids.inchikey != expected.inchikey ||
                    ids.crippen_logp != expected.crippen_logp) {
                    ++mismatches[static_cast<std::size_t>(t)];
                }
                auto again = Molecule::FromSmiles(expected.canonical_smiles);
                if (!again || ComputeIdentifiers(*again).inchikey != expected.inchikey) {
                    ++mismatches[static_cast<std::size_t>(t)];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(MoleculeTest, DepictsSvgWithHighlights) {
    auto molecule = Molecule::FromSmiles("OC(=O)C(F)(F)C(F)(F)F");
    ASSERT_TRUE(molecule);
    const std::string svg = DepictSvg(*molecule, 320, 240, {3, 4, 5});
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u) << svg.substr(0, 80);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    EXPECT_NE(svg.find("width='320px'"), std::string::npos);
}

}  // namespace
}  // namespace npgov::chem
