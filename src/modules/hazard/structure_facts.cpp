#include "modules/hazard/structure_facts.hpp"

#include <vector>

#include "engines/chem/composition.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/chem/smarts.hpp"

namespace npgov::hazard {
namespace {

struct GroupPattern {
    std::string name;
    chem::SmartsPattern pattern;
};

const std::vector<GroupPattern>& IonisableGroups() {
    static const std::vector<GroupPattern> groups = [] {
        const std::pair<const char*, const char*> specs[] = {
            {"carboxylic acid", "[CX3](=O)[OX1H0-,OX2H1]"},
            {"sulfonic acid", "[SX4](=O)(=O)[OX1H0-,OX2H1]"},
            {"phosphonic or phosphoric acid", "[PX4](=O)[OX1H0-,OX2H1]"},
            {"acidic sulfonamide N-H", "[NX3;H1,H2;$(N[a]),$(NS(=O)(=O)C(F)(F))]S(=O)(=O)"},
            {"2,4,6-trihalophenol", "[OX2H1,OX1-]c1c([Cl,Br,I])cc([Cl,Br,I])cc1[Cl,Br,I]"},
            {"aliphatic amine", "[NX3;!$(N~[!#6;!#1]);!$(Na);!$(N[#6]=[#7,#8,#16]);!$(NC#N)]"},
            {"charged atom", "[+,-;!$([#7+]-[#8-]);!$([#8-]-[#7+])]"},
        };
        std::vector<GroupPattern> out;
        for (const auto& [name, smarts] : specs) {
            auto compiled = chem::SmartsPattern::Compile(smarts);
            NPGOV_CHECK(compiled.has_value());  // constant patterns
            out.push_back({name, *compiled});
        }
        return out;
    }();
    return groups;
}

const chem::SmartsPattern& PerfluoroalkylPattern() {
    static const chem::SmartsPattern pattern = [] {
        auto compiled = chem::SmartsPattern::Compile("C(F)(F)(F)C(F)(F)");
        NPGOV_CHECK(compiled.has_value());
        return *compiled;
    }();
    return pattern;
}

}  // namespace

Result<StructureFacts> ComputeStructureFacts(std::string_view smiles, std::optional<double> crippen_logp,
                                             std::optional<double> molecular_weight) {
    StructureFacts facts;
    if (smiles.empty()) return facts;
    NPGOV_ASSIGN_OR_RETURN(auto molecule, chem::Molecule::FromSmiles(smiles));
    facts.has_structure = true;
    facts.crippen_logp = crippen_logp;
    facts.molecular_weight = molecular_weight;
    const chem::Composition composition = chem::ComputeComposition(molecule);
    facts.components = composition.components;
    facts.organic = composition.Count("C") > 0;
    for (const auto& group : IonisableGroups()) {
        if (chem::HasMatch(molecule, group.pattern)) facts.ionisable_groups.push_back(group.name);
    }
    facts.perfluoroalkyl = chem::HasMatch(molecule, PerfluoroalkylPattern());
    return facts;
}

Result<StructureFacts> StructureFactsCache::Find(std::string_view smiles, std::optional<double> crippen_logp,
                                                 std::optional<double> molecular_weight) {
    {
        std::lock_guard lock(mutex_);
        auto it = facts_.find(smiles);
        if (it != facts_.end()) {
            StructureFacts facts = it->second;
            facts.crippen_logp = crippen_logp;
            facts.molecular_weight = molecular_weight;
            return facts;
        }
    }
    NPGOV_ASSIGN_OR_RETURN(auto facts, ComputeStructureFacts(smiles, crippen_logp, molecular_weight));
    std::lock_guard lock(mutex_);
    facts_.emplace(std::string(smiles), facts);
    return facts;
}

}  // namespace npgov::hazard
