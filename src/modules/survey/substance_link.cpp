#include "modules/survey/substance_link.hpp"

#include "core/text.hpp"

namespace npgov::survey {
namespace {

std::string NameKey(std::string_view name) { return ToLowerAscii(Trim(NormalizeFullWidth(name))); }

bool Names(const substance::Substance& s, const std::string& key) {
    if (NameKey(s.name_zh) == key || NameKey(s.name_en) == key) return true;
    for (const auto* list : {&s.synonyms_zh, &s.synonyms_en}) {
        for (const auto& synonym : *list) {
            if (NameKey(synonym) == key) return true;
        }
    }
    return false;
}

SubstanceMatch MatchOf(const substance::Substance& s) {
    return {s.id, s.cas_numbers.empty() ? std::string() : s.cas_numbers.front(), s.name_zh};
}

}  // namespace

SubstanceResolver MakeRegistryResolver(substance::SubstanceRegistry& registry) {
    return [&registry](std::string_view cas, std::string_view name) -> Result<std::optional<SubstanceMatch>> {
        if (!cas.empty()) {
            NPGOV_ASSIGN_OR_RETURN(auto found, registry.FindByCas(cas));
            if (!found) return std::optional<SubstanceMatch>();
            return std::optional(MatchOf(*found));
        }
        const std::string key = NameKey(name);
        if (key.empty() || SplitCodePoints(key).size() > 200) return std::optional<SubstanceMatch>();
        NPGOV_ASSIGN_OR_RETURN(auto result, registry.Search({std::string(Trim(name)), std::nullopt}, {1, kMaxPageSize}));
        std::optional<SubstanceMatch> match;
        for (const auto& s : result.page.items) {
            if (!Names(s, key)) continue;
            if (match) return std::optional<SubstanceMatch>();  // ambiguous
            match = MatchOf(s);
        }
        return match;
    };
}

}  // namespace npgov::survey
