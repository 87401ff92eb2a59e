// Password hashing (argon2id, libsodium's crypto_pwhash_str) and random opaque tokens.
// Sessions store only the SHA-256 of a token, so a copy of the database yields no live token.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace npgov::auth {

enum class HashCost {
    kInteractive,  // libsodium OPSLIMIT/MEMLIMIT_INTERACTIVE (64 MiB): logins on the server
    kModerate,     // OPSLIMIT/MEMLIMIT_MODERATE (256 MiB)
};

// Initialises libsodium once; safe to call from several threads. Returns false only if the
// library cannot initialise (no entropy source).
bool InitSecrets();

// Returns an encoded argon2id hash ("$argon2id$v=19$…"). Errors: kResourceExhausted
// ("auth.hash_memory") when memory for the hash cannot be had.
Result<std::string> HashPassword(std::string_view password, HashCost cost = HashCost::kInteractive);

// True if `password` matches `encoded_hash` (constant-time in the hash comparison).
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

// A fresh random token: `prefix` + 43 characters of URL-safe base64 (32 random bytes).
std::string MakeToken(std::string_view prefix);

// Hex SHA-256 of `text`.
std::string Sha256Hex(std::string_view text);

// Compares two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace npgov::auth
