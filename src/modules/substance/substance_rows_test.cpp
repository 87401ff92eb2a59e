#include "modules/substance/substance_rows.hpp"

#include <iconv.h>

#include <gtest/gtest.h>

namespace npgov::substance {
namespace {

Result<ParsedRows> Parse(const std::string& csv) {
    auto table = tabular::ReadTable(csv);
    if (!table) return tl::unexpected(table.error());
    return ParseSubstanceRows(*table);
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

TEST(ParseSubstanceRowsTest, ReadsIdentityNamesSynonymsAndComputesTheStructure) {
    // PFOA: InChIKey SNGREZUHAYWORS-UHFFFAOYSA-N (PubChem CID 9554).
    auto parsed = Parse(
        "CAS号,中文名称,英文名称,同义词,SMILES\n"
        "335-67-1；３３５－６７－１,全氟辛酸,Perfluorooctanoic acid,PFOA;全氟正辛酸|C8 acid,"
        "O=C(O)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F\n"
        "\"50-00-0, 30525-89-4\",甲醛,Formaldehyde,,\n");
    ASSERT_TRUE(parsed) << parsed.error().Describe();
    ASSERT_TRUE(parsed->errors.empty()) << parsed->errors[0].Describe();
    ASSERT_EQ(parsed->rows.size(), 2u);
    const auto& pfoa = parsed->rows[0];
    EXPECT_EQ(pfoa.row, 2);
    EXPECT_EQ(pfoa.substance.cas_numbers, std::vector<std::string>{"335-67-1"}) << "the same CAS twice is kept once";
    EXPECT_EQ(pfoa.substance.name_zh, "全氟辛酸");
    EXPECT_EQ(pfoa.substance.synonyms_en, (std::vector<std::string>{"PFOA", "C8 acid"}));
    EXPECT_EQ(pfoa.substance.synonyms_zh, std::vector<std::string>{"全氟正辛酸"});
    EXPECT_EQ(pfoa.computed_inchikey, "SNGREZUHAYWORS-UHFFFAOYSA-N");
    EXPECT_EQ(parsed->rows[1].substance.cas_numbers, (std::vector<std::string>{"50-00-0", "30525-89-4"}));
}

TEST(ParseSubstanceRowsTest, ReportsEveryBadRowWithItsRowAndField) {
    auto parsed = Parse(
        "cas,name_zh,name_en,smiles,inchikey,synthetic\n"
        "335-67-1,全氟辛酸,PFOA,,,\n"               // 2: fine
        "335-67-2,错误,Wrong check digit,,,\n"       // 3: check digit
        ",,,,,\n"                                    // blank: dropped by the reader
        "1763-23-1,,,,,\n"                            // 5: no name
        ",坏结构,Bad SMILES,C1CC(,,\n"                // 6: unparsable SMILES
        "50-00-0,甲醛,Formaldehyde,,NOT-A-KEY,\n"    // 7: malformed InChIKey
        "335-67-1,重复,Duplicate,,,\n"                // 8: CAS already in row 2
        ",无标识,No identity,,,\n"                    // 9: neither CAS nor SMILES
        "71-43-2,苯,Benzene,,,maybe\n");             // 10: bad flag
    ASSERT_TRUE(parsed) << parsed.error().Describe();
    struct Want { long row; const char* reason; const char* field; };
    const Want want[] = {{3, "cas.check_digit", "cas"},     {5, "substance.name", "name_zh"},
                         {6, "smiles.parse", "smiles"},      {7, "inchikey.format", "inchikey"},
                         {8, "substance.cas_duplicate", "cas"}, {9, "substance.identity", "cas"},
                         {10, "substance.synthetic", "synthetic"}};
    ASSERT_EQ(parsed->errors.size(), std::size(want));
    for (std::size_t i = 0; i < std::size(want); ++i) {
        EXPECT_EQ(parsed->errors[i].row, want[i].row) << i;
        EXPECT_EQ(parsed->errors[i].reason, want[i].reason) << "row " << want[i].row;
        EXPECT_EQ(parsed->errors[i].field, want[i].field) << "row " << want[i].row;
        EXPECT_NE(parsed->errors[i].message_zh.find("第 " + std::to_string(want[i].row) + " 行"), std::string::npos);
    }
    ASSERT_EQ(parsed->rows.size(), 1u);
    EXPECT_EQ(parsed->rows[0].row, 2);
}

TEST(ParseSubstanceRowsTest, SaltsAreAcceptedWithAWarning) {
    // Potassium PFOS (CAS 2795-39-3): two components, registered and classified as a whole.
    auto parsed = Parse("cas,name_en,smiles\n2795-39-3,Potassium PFOS,"
                        "O=S(=O)([O-])C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F.[K+]\n");
    ASSERT_TRUE(parsed);
    EXPECT_TRUE(parsed->errors.empty());
    ASSERT_EQ(parsed->rows.size(), 1u);
    ASSERT_EQ(parsed->warnings.size(), 1u);
    EXPECT_EQ(parsed->warnings[0].reason, "substance.multi_component");
}

TEST(ParseSubstanceRowsTest, InchiKeyMismatchIsAWarningAndTheComputedKeyWins) {
    auto parsed = Parse("cas,name_en,smiles,inchikey\n71-43-2,Benzene,c1ccccc1,SNGREZUHAYWORS-UHFFFAOYSA-N\n");
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->rows.size(), 1u);
    EXPECT_EQ(parsed->rows[0].computed_inchikey, "UHOVQNZJYSORNB-UHFFFAOYSA-N");  // benzene
    ASSERT_EQ(parsed->warnings.size(), 1u);
    EXPECT_EQ(parsed->warnings[0].reason, "substance.inchikey_mismatch");
}

TEST(ParseSubstanceRowsTest, ReadsGbkFiles) {
    auto parsed = Parse(ToGb18030("CAS号,中文名称,英文名称\n75-09-2,二氯甲烷,Dichloromethane\n"));
    ASSERT_TRUE(parsed) << parsed.error().Describe();
    ASSERT_EQ(parsed->rows.size(), 1u);
    EXPECT_EQ(parsed->rows[0].substance.name_zh, "二氯甲烷");
}

TEST(ParseSubstanceRowsTest, RequiresANameAndAnIdentityColumn) {
    auto no_name = Parse("cas,smiles\n50-00-0,C=O\n");
    ASSERT_FALSE(no_name);
    EXPECT_EQ(no_name.error().reason, "substance.columns");
    auto no_identity = Parse("name_zh,name_en\n甲醛,Formaldehyde\n");
    ASSERT_FALSE(no_identity);
    EXPECT_EQ(no_identity.error().field, "cas");
}

TEST(SplitMultiValueTest, SplitsOnChineseAndAsciiSeparators) {
    EXPECT_EQ(SplitMultiValue("a; b；c|d、e", false), (std::vector<std::string>{"a", "b", "c", "d", "e"}));
    EXPECT_EQ(SplitMultiValue("1,2，3", true), (std::vector<std::string>{"1", "2", "3"}));
    EXPECT_EQ(SplitMultiValue("2,4-D", false), std::vector<std::string>{"2,4-D"}) << "commas stay in names";
    EXPECT_TRUE(SplitMultiValue("  ;  ", false).empty());
}

TEST(IsInchiKeyTest, ChecksTheShape) {
    EXPECT_TRUE(IsInchiKey("SNGREZUHAYWORS-UHFFFAOYSA-N"));
    EXPECT_FALSE(IsInchiKey("SNGREZUHAYWORS-UHFFFAOYSA"));
    EXPECT_FALSE(IsInchiKey("sngrezuhayWORS-UHFFFAOYSA-N"));
    EXPECT_FALSE(IsInchiKey("SNGREZUHAYWORSXUHFFFAOYSA-N"));
}

}  // namespace
}  // namespace npgov::substance
