// Test helpers for the screening engine: the shipped parameter file, and short builders for
// facts. Tests run with the repository root as working directory (npgov_test).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "engines/screening/screening.hpp"

namespace npgov::screening::testing {

inline std::string ReadFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline const char* kParamsPath = "data/screening/screening_params.json";

// The shipped parameters, parsed once; a parse failure fails every test that uses them.
inline const ScreeningParams& Params() {
    static const ScreeningParams params = [] {
        auto parsed = ParseScreeningParams(ReadFile(kParamsPath));
        if (!parsed) {
            ADD_FAILURE() << parsed.error().Describe();
            return ScreeningParams{};
        }
        return *parsed;
    }();
    return params;
}

inline Provenance Measured(std::string source) { return {Origin::kMeasured, std::move(source), {}}; }
inline Provenance Estimated(std::string method) { return {Origin::kEstimated, std::move(method), {}}; }
inline Provenance Regulatory(std::string source) { return {Origin::kRegulatory, std::move(source), {}}; }

inline Fact Value(double v, Provenance p = Measured("test study"), Qualifier q = Qualifier::kEqual) {
    return {v, q, std::move(p)};
}

inline Classification NotClassified(std::string source = "test classification") {
    Classification c;
    c.provenance = Regulatory(std::move(source));
    return c;
}

inline DetectionFacts Monitored(long samples, long detects, double max_ug_l, double pnec_ug_l,
                                double limit_ug_l = 0.01) {
    DetectionFacts d;
    d.medium = "surface_water";
    d.samples = samples;
    d.detects = detects;
    if (detects > 0) d.max_detected = Quantity{max_ug_l, Unit::kMicrogramPerLitre};
    if (detects < samples) d.max_nondetect_limit = Quantity{limit_ug_l, Unit::kMicrogramPerLitre};
    if (pnec_ug_l > 0) d.pnec = PnecFact{{pnec_ug_l, Unit::kMicrogramPerLitre}, Measured("test PNEC")};
    d.source = "test monitoring";
    return d;
}

inline VolumeFacts Tonnes(double t, int enterprises = 1) { return {t, enterprises, 2024, "test survey"}; }

inline UseFacts Uses(std::vector<std::string> terms) { return {std::move(terms), "test survey"}; }

// Fully known, harmless hazard profile (readily biodegradable, log Kow 1, acute 100 mg/L, no
// CMR/STOT RE classification, not an ED).
inline HazardFacts HarmlessHazard() {
    HazardFacts h;
    h.readily_biodegradable = Flag{true, Measured("test OECD 301")};
    h.log_kow = Value(1.0);
    h.acute_lc50 = Value(100.0);
    h.classification = NotClassified();
    h.endocrine = EndocrineFact{EdStatus::kNotEd, Regulatory("test ED assessment")};
    return h;
}

inline const Evidence* FindEvidence(const DimensionScore& dim, const std::string& fact) {
    for (const auto& e : dim.evidence) {
        if (e.fact == fact) return &e;
    }
    return nullptr;
}

inline bool HasGap(const DimensionScore& dim, const std::string& code) {
    for (const auto& g : dim.gaps) {
        if (g.code == code) return true;
    }
    return false;
}

}  // namespace npgov::screening::testing
