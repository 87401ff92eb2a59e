// SMARTS semantics per the Daylight SMARTS theory manual; expected matches worked out by hand
// on the small molecules below (atom indices follow the SMILES order). The rule file's patterns
// are checked against tests/golden/chem/smarts_golden.csv: match counts from Python RDKit
// 2022.09 (GetSubstructMatches, unique, at most 1000) on every reference structure, which also
// proves that the element pre-screen never hides a match.
#include "engines/chem/smarts.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "core/csv.hpp"
#include "engines/chem/molecule.hpp"

namespace npgov::chem {
namespace {

Molecule Parse(std::string_view smiles) {
    auto molecule = Molecule::FromSmiles(smiles);
    EXPECT_TRUE(molecule) << smiles << ": " << molecule.error().Describe();
    return *molecule;
}

SmartsPattern Compile(std::string_view smarts) {
    auto pattern = SmartsPattern::Compile(smarts);
    EXPECT_TRUE(pattern) << smarts << ": " << pattern.error().Describe();
    return *pattern;
}

TEST(SmartsTest, FindsEveryUniqueMatchInQueryOrder) {
    // Trifluoroacetic acid: O0 C1 (=O2) C3 (F4)(F5) F6.
    const Molecule tfa = Parse("OC(=O)C(F)(F)F");
    const auto matches = FindMatches(tfa, Compile("[CX4](F)(F)F"));
    ASSERT_EQ(matches.size(), 1u) << "one CF3 group, reported once";
    EXPECT_EQ(matches[0][0], 3);
    EXPECT_EQ(matches[0].size(), 4u);
    const auto carbonyl = FindMatches(tfa, Compile("C(=O)[OX2H1]"));
    ASSERT_EQ(carbonyl.size(), 1u);
    EXPECT_EQ(carbonyl[0], (std::vector<int>{1, 2, 0}));
}

TEST(SmartsTest, RuleFilePatternsMatchLikePythonRdkit) {
    std::ifstream in("tests/golden/chem/smarts_golden.csv", std::ios::binary);
    ASSERT_TRUE(in) << "tests run from the source root";
    std::stringstream text;
    text << in.rdbuf();
    auto table = ParseCsv(text.str());
    ASSERT_TRUE(table) << table.error().Describe();
    ASSERT_GT(table->header.size(), 20u);
    std::vector<SmartsPattern> patterns;
    for (std::size_t c = 2; c < table->header.size(); ++c) patterns.push_back(Compile(table->header[c]));
    int compared = 0;
    for (const auto& row : table->rows) {
        const Molecule molecule = Parse(row[1]);
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            const int expected = std::stoi(row[p + 2]);
            EXPECT_EQ(static_cast<int>(FindMatches(molecule, patterns[p]).size()), expected)
                << row[0] << " " << patterns[p].text();
            EXPECT_EQ(HasMatch(molecule, patterns[p]), expected > 0) << row[0] << " " << patterns[p].text();
            ++compared;
        }
    }
    EXPECT_GT(compared, 3000);
}

TEST(SmartsTest, CapsTheNumberOfMatches) {
    const Molecule decane = Parse("CCCCCCCCCC");
    const SmartsPattern ch2 = Compile("[CH2]");
    EXPECT_EQ(FindMatches(decane, ch2).size(), 8u);
    EXPECT_EQ(FindMatches(decane, ch2, 3).size(), 3u);
    EXPECT_TRUE(FindMatches(decane, ch2, 0).empty());
    EXPECT_TRUE(HasMatch(decane, ch2));
    EXPECT_FALSE(HasMatch(decane, Compile("[OH]")));
}

TEST(SmartsTest, SupportsRdkitRingSizeRanges) {
    const SmartsPattern macrolactone = Compile("[#6;r{12-}](=O)@[#8;r{12-}]");
    EXPECT_TRUE(HasMatch(Parse("O=C1CCCCCCCCCCCCCCO1"), macrolactone));  // 16-membered
    EXPECT_FALSE(HasMatch(Parse("O=C1CCCCO1"), macrolactone));          // 6-membered
}

TEST(SmartsTest, RejectsBadPatterns) {
    struct Case {
        std::string_view smarts, reason;
    };
    const Case cases[] = {
        {"", "smarts.empty"},   {"  ", "smarts.empty"},   {"C(", "smarts.parse"},
        {"[C", "smarts.parse"}, {"C1CC", "smarts.parse"}, {"[#6;X4", "smarts.parse"},
        {"C)C", "smarts.parse"},
    };
    testing::internal::CaptureStderr();
    for (const Case& c : cases) {
        auto pattern = SmartsPattern::Compile(c.smarts);
        ASSERT_FALSE(pattern) << "accepted: " << c.smarts;
        EXPECT_EQ(pattern.error().reason, c.reason) << c.smarts;
        EXPECT_EQ(pattern.error().field, "smarts");
    }
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "") << "RDKit logging must be silent";
}

TEST(SmartsTest, PatternsAreSafeAcrossThreads) {
    // A recursive SMARTS: RDKit caches its matches inside the query, under a lock.
    const SmartsPattern pattern = Compile("[$([CX4](F)(F)F),$([CX4](F)(F)(C)C)]");
    const Molecule pfoa = Parse("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F");
    const std::size_t expected = FindMatches(pfoa, pattern).size();
    ASSERT_EQ(expected, 7u);
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                if (FindMatches(pfoa, pattern).size() != expected) {
                    ++wrong[static_cast<std::size_t>(t)];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace npgov::chem
