#include "modules/auth/secrets.hpp"

#include <set>

#include <gtest/gtest.h>

namespace npgov::auth {
namespace {

TEST(SecretsTest, PasswordHashIsArgon2idAndVerifies) {
    ASSERT_TRUE(InitSecrets());
    auto hash = HashPassword("correct horse");
    ASSERT_TRUE(hash);
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_TRUE(VerifyPassword("correct horse", *hash));
    EXPECT_FALSE(VerifyPassword("correct horsf", *hash));
    EXPECT_NE(*hash, *HashPassword("correct horse")) << "salted: two hashes of one password differ";
}

// FIPS 180-2, Appendix B.1: SHA-256("abc").
TEST(SecretsTest, Sha256MatchesTheStandardVector) {
    ASSERT_TRUE(InitSecrets());
    EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretsTest, TokensAreUniqueAndUrlSafe) {
    ASSERT_TRUE(InitSecrets());
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string token = MakeToken("npg_");
        ASSERT_EQ(token.size(), 4u + 43u);
        EXPECT_EQ(token.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 4),
                  std::string::npos);
        EXPECT_TRUE(seen.insert(token).second);
    }
    EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
    EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace npgov::auth
