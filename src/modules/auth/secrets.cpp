#include "modules/auth/secrets.hpp"

#include <sodium.h>

namespace npgov::auth {

bool InitSecrets() { return sodium_init() >= 0; }

Result<std::string> HashPassword(std::string_view password, HashCost cost) {
    char out[crypto_pwhash_STRBYTES];
    const bool moderate = cost == HashCost::kModerate;
    if (crypto_pwhash_str(out, password.data(), password.size(),
                          moderate ? crypto_pwhash_OPSLIMIT_MODERATE : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          moderate ? crypto_pwhash_MEMLIMIT_MODERATE : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return MakeError(ErrorCode::kResourceExhausted, "auth.hash_memory", "服务器内存不足，无法计算密码哈希",
                         "not enough memory to hash the password");
    }
    return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
    return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string MakeToken(std::string_view prefix) {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char encoded[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(encoded, sizeof encoded, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string(prefix) + encoded;
}

std::string Sha256Hex(std::string_view text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace npgov::auth
