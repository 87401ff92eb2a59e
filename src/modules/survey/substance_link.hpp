// Connects the survey to the substance registry: survey lines name their substance by CAS
// number or by name, and the registry says which substance that is (SubstanceResolver).
#pragma once

#include "modules/substance/substance_registry.hpp"
#include "modules/survey/line_rules.hpp"

namespace npgov::survey {

// A resolver over `registry` (which must outlive it): a CAS number is looked up among the
// substances' CAS numbers; a name must equal a substance's Chinese or English name or one of
// its synonyms (ASCII case-insensitively, full-width folded), and is ambiguous — reported as
// unknown — when it names more than one substance.
SubstanceResolver MakeRegistryResolver(substance::SubstanceRegistry& registry);

}  // namespace npgov::survey
