// One value per species (EU TGD 2003 Part II 3.3.1.1): geometric mean of several results for the
// same species and endpoint, then the most sensitive endpoint of the species. Expected means
// are exact by construction (values a power of ten apart) or checked against
// scipy.stats.gmean([1.2, 3.4, 5.6]) = 2.8375883779002837 (scipy 1.10).
#include <gtest/gtest.h>

#include "engines/assess/species_values.hpp"
#include "engines/assess/test_factors.hpp"

namespace npgov::assess {
namespace {

using testing::Records;
using testing::Row;

TEST(SpeciesValuesTest, GeometricMeanMatchesScipy) {
    const double values[] = {1.2, 3.4, 5.6};
    EXPECT_NEAR(GeometricMean(values), 2.8375883779002837, 1e-15);
    const double decades[] = {1, 10, 100, 1000};
    EXPECT_NEAR(GeometricMean(decades), 31.622776601683793, 1e-13);
}

TEST(SpeciesValuesTest, OneValuePerSpeciesFromTheMostSensitiveEndpoint) {
    auto records = Records({
        Row(2, "Daphnia magna", "crustacean", "EC50", "1"),
        Row(3, "Daphnia magna", "crustacean", "EC50", "100"),  // geomean of EC50s: 10 mg/L
        Row(4, "daphnia  magna ", "crustacean", "LC50", "20"),  // same species, other endpoint
        Row(5, "Daphnia magna", "crustacean", "NOEC", "0.5"),  // long-term: not in the short-term value
        Row(6, "Danio rerio", "fish", "LC50", "8", "mg/L", "3"),  // unreliable: left out
        Row(7, "Danio rerio", "fish", "LC50", "4"),
    });
    const auto short_term = ComputeSpeciesValues(records, Exposure::kShortTerm);
    ASSERT_EQ(short_term.size(), 2u);
    const SpeciesValue& daphnia = short_term[0];
    EXPECT_EQ(daphnia.species, "Daphnia magna");
    EXPECT_EQ(daphnia.endpoint, "EC50");
    EXPECT_NEAR(daphnia.value_ug_per_l, 10000, 1e-9);
    ASSERT_EQ(daphnia.endpoints.size(), 2u);
    EXPECT_EQ(daphnia.endpoints[1].endpoint, "LC50");
    EXPECT_EQ(daphnia.endpoints[0].rows, (std::vector<long>{2, 3}));
    EXPECT_EQ(short_term[1].species, "Danio rerio");
    EXPECT_DOUBLE_EQ(short_term[1].value_ug_per_l, 4000);

    const auto long_term = ComputeSpeciesValues(records, Exposure::kLongTerm);
    ASSERT_EQ(long_term.size(), 1u);
    EXPECT_DOUBLE_EQ(long_term[0].value_ug_per_l, 500);
    EXPECT_EQ(long_term[0].exposure, Exposure::kLongTerm);
}

}  // namespace
}  // namespace npgov::assess
