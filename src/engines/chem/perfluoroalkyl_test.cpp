// Perfluoroalkyl group sizes as the Stockholm Convention definitions use them (SC-9/12: "(C7F15)C"
// with a linear or branched perfluoroheptyl group); expected groups worked out by hand, atom
// indices in SMILES order.
#include "engines/chem/perfluoroalkyl.hpp"

#include <gtest/gtest.h>

namespace npgov::chem {
namespace {

Molecule Parse(std::string_view smiles) {
    auto molecule = Molecule::FromSmiles(smiles);
    EXPECT_TRUE(molecule) << smiles << ": " << molecule.error().Describe();
    return *molecule;
}

TEST(PerfluoroalkylTest, SizesLinearAndBranchedGroups) {
    // PFOA: O0 C1 (=O2) C3 ... : the C7F15 group rooted at C3, cut from the carboxyl C1.
    const Molecule pfoa = Parse("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F");
    auto group = FindPerfluoroalkylGroup(pfoa, 3, 1);
    ASSERT_TRUE(group);
    EXPECT_EQ(group->size(), 7);
    EXPECT_EQ(group->fluorines.size(), 15u);
    EXPECT_TRUE(group->linear);
    EXPECT_EQ(group->carbons.front(), 3);
    // Rooted further along the chain, cut from the next perfluorinated carbon: C6F13.
    auto inner = FindPerfluoroalkylGroup(pfoa, 6, 3);
    ASSERT_TRUE(inner);
    EXPECT_EQ(inner->size(), 6);
    // iso-PFOA, (CF3)2CF(CF2)4COOH: still C7F15, not linear.
    const Molecule iso = Parse("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(C(F)(F)F)C(F)(F)F");
    auto branched = FindPerfluoroalkylGroup(iso, 3, 1);
    ASSERT_TRUE(branched);
    EXPECT_EQ(branched->size(), 7);
    EXPECT_FALSE(branched->linear);
}

TEST(PerfluoroalkylTest, RefusesWhatIsNotCnF2n1) {
    // The carboxyl side of PFOA is not perfluorinated.
    const Molecule pfoa = Parse("OC(=O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F");
    EXPECT_FALSE(FindPerfluoroalkylGroup(pfoa, 1, 3));
    EXPECT_FALSE(FindPerfluoroalkylGroup(pfoa, 3, 0)) << "atoms not bonded";
    EXPECT_FALSE(FindPerfluoroalkylGroup(pfoa, 3, 99)) << "no such atom";
    // A hydrogen in the chain: HCF2(CF2)2-.
    EXPECT_FALSE(FindPerfluoroalkylGroup(Parse("OC(=O)C(F)(F)C(F)(F)C(F)F"), 3, 1));
    // Perfluorocyclohexyl is CnF2n-1: a ring, not an alkyl group.
    EXPECT_FALSE(FindPerfluoroalkylGroup(
        Parse("OC(=O)C1(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C1(F)F"), 3, 1));
    // An ether oxygen inside the chain (perfluoroether) stops the group.
    EXPECT_FALSE(FindPerfluoroalkylGroup(Parse("OC(=O)C(F)(F)OC(F)(F)F"), 3, 1));
}

}  // namespace
}  // namespace npgov::chem
