// Censored comparisons against strict thresholds, score bands and the wording of evidence.
#include <cstdio>

#include "engines/screening/internal.hpp"

namespace npgov::screening::internal {

Tri Exceeds(const Fact& fact, double threshold) {
    switch (fact.qualifier) {
        case Qualifier::kEqual: return fact.value > threshold ? Tri::kTrue : Tri::kFalse;
        case Qualifier::kGreaterThan: return fact.value >= threshold ? Tri::kTrue : Tri::kUnknown;
        case Qualifier::kLessThan: return fact.value <= threshold ? Tri::kFalse : Tri::kUnknown;
    }
    return Tri::kUnknown;
}

Tri FallsBelow(const Fact& fact, double threshold) {
    switch (fact.qualifier) {
        case Qualifier::kEqual: return fact.value < threshold ? Tri::kTrue : Tri::kFalse;
        case Qualifier::kLessThan: return fact.value <= threshold ? Tri::kTrue : Tri::kUnknown;
        case Qualifier::kGreaterThan: return fact.value >= threshold ? Tri::kFalse : Tri::kUnknown;
    }
    return Tri::kUnknown;
}

const Band& BandFor(const std::vector<Band>& bands, double value) {
    NPGOV_CHECK(!bands.empty());
    const Band* found = &bands.front();
    for (const Band& band : bands) {
        if (band.min <= value) found = &band;
    }
    return *found;
}

double BandScore(const std::vector<Band>& bands, double value) { return BandFor(bands, value).score; }

std::string BandRange(const std::vector<Band>& bands, double value, std::string_view unit) {
    const Band& band = BandFor(bands, value);
    std::string out;  // built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + string&&
    if (&band == &bands.back()) {
        out.append("≥ ").append(FormatNumber(band.min));
    } else {
        out.append("[").append(FormatNumber(band.min)).append(", ").append(FormatNumber((&band + 1)->min)).append(")");
    }
    if (!unit.empty()) out.append(" ").append(unit);
    return out;
}

std::string FormatNumber(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string FormatFact(const Fact& fact, std::string_view unit) {
    std::string out;
    if (fact.qualifier != Qualifier::kEqual) {
        out += ToString(fact.qualifier);
        out += ' ';
    }
    out += FormatNumber(fact.value);
    if (!unit.empty()) {
        out += ' ';
        out += unit;
    }
    return out;
}

}  // namespace npgov::screening::internal

namespace npgov::screening {

namespace {

std::string Join(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

}  // namespace

std::string CiteEn(const CriterionText& text) {
    std::string refs = Join(text.sources);
    if (!text.convention.empty()) refs += refs.empty() ? "npgov convention" : "; npgov convention";
    return text.en + " [" + refs + "]";
}

std::string CiteZh(const CriterionText& text) {
    std::string refs = Join(text.sources);
    if (!text.convention.empty()) refs += refs.empty() ? "本项目约定" : "；本项目约定";
    return text.zh + "［" + refs + "］";
}

}  // namespace npgov::screening
