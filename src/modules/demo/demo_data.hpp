// A deterministic synthetic city for demonstrations and tests: enterprises across the
// counties and the plan's key industries, and users of every role. Everything it makes is
// marked synthetic (the flag, and "（演示）" in names). The same seed gives the same data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/auth/users.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"

namespace npgov::demo {

inline constexpr std::string_view kDemoGeneratorVersion = "1";
inline constexpr std::string_view kDemoPassword = "npgov-demo";

struct DemoOptions {
    std::uint64_t seed = 2023;
    int enterprises = 120;
    int enterprise_users = 10;  // ent001… for the first enterprises
};

struct DemoAccount {
    std::string username;
    std::string role;
    std::string description;
};

struct DemoReport {
    int enterprises = 0;
    std::vector<DemoAccount> accounts;  // all share kDemoPassword
};

// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output is the same on every
// platform and standard library, unlike std:: distributions.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next();
    // Uniform integer in [0, n), n > 0.
    std::uint64_t Below(std::uint64_t n);
    // Uniform double in [0, 1).
    double Unit();

private:
    std::uint64_t state_;
};

// Creates the demo data through the modules (so every row is validated and audited).
// Errors: kFailedPrecondition "demo.not_empty" if enterprises or users other than none exist;
// errors of the modules.
Result<DemoReport> SeedDemo(reference::ReferenceData& reference, enterprise::EnterpriseRegistry& enterprises,
                            auth::UserDirectory& users, const DemoOptions& options);

// A valid unified social credit code for an enterprise registered in `region_code`
// (registration authority 9 = market regulation, type 1 = enterprise), built from `rng`.
std::string MakeSyntheticUscc(const std::string& region_code, SplitMix64& rng);

}  // namespace npgov::demo
