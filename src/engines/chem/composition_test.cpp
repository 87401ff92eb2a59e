// Atomic weights: IUPAC conventional values as carried by RDKit (C 12.011, H 1.008,
// Cl 35.453); mass fractions worked out by hand from them.
#include "engines/chem/composition.hpp"

#include <gtest/gtest.h>

namespace npgov::chem {
namespace {

Molecule Parse(std::string_view smiles) {
    auto molecule = Molecule::FromSmiles(smiles);
    EXPECT_TRUE(molecule) << smiles << ": " << molecule.error().Describe();
    return *molecule;
}

TEST(CompositionTest, CountsImplicitHydrogensAndMassFractions) {
    // 1,2,5,6,9,10-hexachloroundecane C11H18Cl6: 6 x 35.453 / 362.983 = 58.60 % Cl.
    const Composition c = ComputeComposition(Parse("ClCC(Cl)CCC(Cl)C(Cl)CCC(Cl)C(Cl)C"));
    EXPECT_EQ(c.Count("C"), 11);
    EXPECT_EQ(c.Count("H"), 18);
    EXPECT_EQ(c.Count("Cl"), 6);
    EXPECT_EQ(c.Count("Br"), 0);
    EXPECT_EQ(c.heavy_atoms, 17);
    EXPECT_NEAR(c.molecular_weight, 362.983, 0.01);
    EXPECT_NEAR(c.MassFraction("Cl"), 0.5860, 0.0005);
    EXPECT_EQ(c.MassFraction("F"), 0.0);
    EXPECT_TRUE(c.acyclic());
    EXPECT_EQ(c.multiple_bonds, 0);
    EXPECT_EQ(c.max_carbon_neighbours, 2) << "a straight chain";
    EXPECT_EQ(c.components, 1);
    ASSERT_EQ(c.elements.size(), 3u);
    EXPECT_EQ(c.elements[0].symbol, "C");  // Hill order
    EXPECT_EQ(c.elements[1].symbol, "H");
    EXPECT_EQ(c.elements[2].symbol, "Cl");
}

TEST(CompositionTest, HillOrderWithoutCarbonAndRings) {
    const Composition salt = ComputeComposition(Parse("[Na+].[Cl-]"));
    ASSERT_EQ(salt.elements.size(), 2u);
    EXPECT_EQ(salt.elements[0].symbol, "Cl");
    EXPECT_EQ(salt.components, 2);
    const Composition naphthalene = ComputeComposition(Parse("c1ccc2ccccc2c1"));
    EXPECT_EQ(naphthalene.ring_sizes, (std::vector<int>{6, 6}));
    EXPECT_FALSE(naphthalene.acyclic());
    EXPECT_EQ(naphthalene.multiple_bonds, 11);  // all aromatic
    EXPECT_EQ(naphthalene.max_carbon_neighbours, 3);
    const Composition hbcdd = ComputeComposition(Parse("BrC1CCC(Br)C(Br)CCC(Br)C(Br)CCC1Br"));
    EXPECT_EQ(hbcdd.ring_sizes, (std::vector<int>{12}));
    EXPECT_EQ(hbcdd.Count("Br"), 6);
}

TEST(CompositionTest, LargestOrganicFragmentOfSalts) {
    // Tetraethylammonium PFOS (CAS 56773-42-3): the cation has 9 heavy atoms, the PFOS anion 29.
    const Molecule salt = Parse(
        "CC[N+](CC)(CC)CC.O=S(=O)([O-])C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F");
    EXPECT_EQ(ComponentCount(salt), 2);
    const Fragment anion = LargestOrganicFragment(salt);
    EXPECT_EQ(anion.molecule.atom_count(), 29);
    ASSERT_EQ(anion.parent_atoms.size(), 29u);
    EXPECT_EQ(anion.parent_atoms.front(), 9);  // the anion starts after the 9 cation atoms
    EXPECT_EQ(ComputeComposition(anion.molecule).Count("F"), 17);
    // Carbon wins over size: sodium pentachlorophenate keeps the phenolate.
    const Fragment phenolate = LargestOrganicFragment(Parse("[Na+].[O-]c1c(Cl)c(Cl)c(Cl)c(Cl)c1Cl"));
    EXPECT_EQ(ComputeComposition(phenolate.molecule).Count("C"), 6);
    EXPECT_EQ(phenolate.parent_atoms.front(), 1);
    // No carbon anywhere: the heavier of equal-sized fragments.
    const Fragment inorganic = LargestOrganicFragment(Parse("[Na+].[Cl-]"));
    EXPECT_EQ(ComputeComposition(inorganic.molecule).Count("Cl"), 1);
    // One component: the molecule itself, atoms in place.
    const Molecule benzene = Parse("c1ccccc1");
    const Fragment whole = LargestOrganicFragment(benzene);
    EXPECT_EQ(whole.parent_atoms, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace npgov::chem
