// Estimates of fate properties from structure and from other properties, each with its method,
// version, equation, citation, applicability domain and inputs, so that an estimate can be
// defended — or set aside — value by value. Estimates never replace measured values: the
// selection rule (selection.hpp) always prefers a measured value, and an estimate outside its
// domain is shown but never selected. Pure: values in, values out.
//
// Methods:
//  - log Kow = Crippen logP: Wildman S.A., Crippen G.M. (1999) J. Chem. Inf. Comput. Sci.
//    39:868–873, atom contributions as implemented by RDKit 2022.09 (the chemistry engine).
//  - BCF (fish, L/kg wet weight): log BCF = 0.85 log Kow − 0.70, Veith G.D., DeFoe D.L.,
//    Bergstedt B.V. (1979) J. Fish. Res. Board Can. 36:1040–1048; EU Technical Guidance Document
//    on Risk Assessment (2003) Part II, eq. 74, for log Kow 1–6 (eq. 75 applies above 6 and is
//    not implemented: such inputs are refused).
//  - Koc (L/kg): log Koc = 0.81 log Kow + 0.10, "predominantly hydrophobics" class of
//    Sabljić A., Güsten H., Verhaar H., Hermens J. (1995) Chemosphere 31:4489–4514, as tabulated
//    in the EU TGD (2003) Part III, chapter 4, Table 4 (log Kow 1.0–7.5).
//  - Henry's law constant (Pa·m³/mol) = vapour pressure (Pa) × molar mass (g/mol) / water
//    solubility (mg/L = g/m³), EU TGD (2003) Part II, section 2.3.4 (HENRY = VP·MOLW/SOL),
//    for sparingly soluble, non-dissociating substances; only from measured VP and solubility.
//  - Molar mass: RDKit average molecular weight of the registered structure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/hazard/model.hpp"

namespace npgov::hazard {

inline constexpr std::string_view kEstimatesVersion = "1";

inline constexpr std::string_view kMethodCrippen = "crippen-logp";
inline constexpr std::string_view kMethodBcfVeith = "tgd-bcf-fish-veith1979";
inline constexpr std::string_view kMethodKocSabljic = "tgd-koc-sabljic1995-hydrophobics";
inline constexpr std::string_view kMethodHenry = "tgd-henry-vp-mw-ws";
inline constexpr std::string_view kMethodMolarMass = "rdkit-average-mw";

// What the chemistry engine says about a registered structure (structure_facts.hpp).
struct StructureFacts {
    bool has_structure = false;
    int components = 0;                         // 2+: salt or mixture
    bool organic = false;                       // contains carbon
    std::optional<double> crippen_logp;         // of the whole structure
    std::optional<double> molecular_weight;     // g/mol, of the whole structure
    std::vector<std::string> ionisable_groups;  // names of the ionisable groups found
    bool perfluoroalkyl = false;                // carries a CF3–CF2– (or longer) perfluoroalkyl chain
};

// An input of an estimate and where it came from.
struct EstimateInput {
    std::string name;  // "log_kow", "vapour_pressure", "crippen_logp", …
    double value = 0;
    std::string unit;
    std::string basis;  // "measured: <source>", "estimated: <method>", "structure: RDKit 2022.09"
    std::optional<double> temperature_c;
};

// Why an estimate lies outside its method's domain (or was refused).
struct DomainNote {
    std::string reason;  // stable id, e.g. "hazard.domain_ionisable"
    std::string message_zh;
    std::string message_en;
};

struct Estimate {
    PropertyKind property = PropertyKind::kLogKow;
    std::string method;          // one of the kMethod… ids
    std::string method_version;  // method and implementation versions
    std::string equation;        // as applied, e.g. "log BCF = 0.85 · log Kow − 0.70"
    std::string citation;
    std::string domain_en;  // the method's stated applicability domain
    std::string domain_zh;
    std::vector<EstimateInput> inputs;
    std::optional<double> value;  // in CanonicalUnit(property); absent when refused
    std::optional<double> temperature_c;
    bool in_domain = false;         // false: shown, never selected
    std::vector<DomainNote> notes;  // every reason it is outside the domain
    std::optional<Error> refused;   // no value: why (kFailedPrecondition, reason "hazard.estimate_…")
};

// log Kow from the Crippen logP of the structure. Refused without a structure, for salts and
// mixtures (more than one component) and for inorganic structures; outside the domain (value
// given, in_domain false) for ionisable structures and perfluoroalkyl substances, whose
// partitioning log Kow does not describe.
Estimate EstimateLogKow(const StructureFacts& facts);

// Fish BCF from `log_kow` (its basis is recorded). Refused without a log Kow and outside
// 1 ≤ log Kow ≤ 6; outside the domain for ionisable and perfluoroalkyl structures (PFAS bind to
// proteins, not lipids).
Estimate EstimateBcf(const std::optional<EstimateInput>& log_kow, const StructureFacts& facts);

// Koc from `log_kow`. Refused without a log Kow and outside 1.0 ≤ log Kow ≤ 7.5; outside the
// domain for ionisable and perfluoroalkyl structures (Sabljić et al. give separate classes for
// acids and other groups).
Estimate EstimateKoc(const std::optional<EstimateInput>& log_kow, const StructureFacts& facts);

// Henry's law constant from measured `vapour_pressure` (Pa) and `water_solubility` (mg/L) and
// `molar_mass` (g/mol); refused when any is missing (the note says which). At the vapour
// pressure's temperature; outside the domain when the two temperatures are unknown or differ by
// more than 5 °C, and for ionisable structures (dissociation raises the solubility).
Estimate EstimateHenry(const std::optional<EstimateInput>& vapour_pressure,
                       const std::optional<EstimateInput>& water_solubility,
                       const std::optional<EstimateInput>& molar_mass, const StructureFacts& facts);

// The molar mass of the registered structure (average MW). Refused without a structure; outside
// the domain for multi-component structures (the weight is the whole salt's or mixture's).
Estimate EstimateMolarMass(const StructureFacts& facts);

}  // namespace npgov::hazard
