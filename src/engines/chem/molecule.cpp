#include "engines/chem/molecule.hpp"

#include <GraphMol/Descriptors/Crippen.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/GraphMol.h>
#include <GraphMol/MolDraw2D/MolDraw2DSVG.h>
#include <GraphMol/MolDraw2D/MolDraw2DUtils.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/RDLog.h>

#include <cctype>
#include <exception>
#include <mutex>
#include <string>

#include "core/text.hpp"
#include "engines/chem/inchi.hpp"
#include "engines/chem/rdkit_internal.hpp"

namespace npgov::chem {
namespace {

constexpr std::string_view kField = "smiles";

// RDKit reports SMILES syntax errors only to its (silenced) log. This scan finds the usual
// mistakes so that the message can say where: unbalanced brackets and parentheses, unclosed
// ring bonds, characters that never occur in SMILES. Empty if it finds nothing.
std::string DiagnoseSmilesSyntax(std::string_view s) {
    int depth = 0;
    bool ring_open[100] = {};
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const std::string at = "position " + std::to_string(i + 1);
        if (c == '[') {
            const std::size_t close = s.find(']', i + 1);
            if (close == std::string_view::npos) return at + ": '[' is never closed by ']'";
            i = close;
            continue;
        }
        if (c == ']') return at + ": ']' without '['";
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth < 0) return at + ": ')' without '('";
        } else if (c >= '0' && c <= '9') {
            ring_open[c - '0'] = !ring_open[c - '0'];
        } else if (c == '%') {
            if (i + 2 >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 1])) ||
                !std::isdigit(static_cast<unsigned char>(s[i + 2]))) {
                return at + ": '%' must be followed by a two-digit ring-bond number";
            }
            const int n = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            ring_open[n] = !ring_open[n];
            i += 2;
        } else if (c == ' ' || c == '\t' || c == '|') {
            break;  // a name or CXSMILES extension follows
        } else if (std::string_view("BCNOPSFIbcnopslr*=#$:/\\.-").find(c) ==
                   std::string_view::npos) {
            return at + ": unexpected character '" + ToMessageSnippet(s.substr(i, 1)) + "'";
        }
    }
    if (depth > 0) return "a '(' is never closed by ')'";
    for (int n = 0; n < 100; ++n) {
        if (ring_open[n]) return "ring bond " + std::to_string(n) + " is opened but never closed";
    }
    return {};
}

tl::unexpected<Error> ParseError(std::string_view smiles, const std::string& detail_en,
                                 const std::string& detail_zh) {
    const std::string echo = ToMessageSnippet(smiles, 48);
    return MakeError(ErrorCode::kInvalidArgument, "smiles.parse",
                     "无法解析 SMILES“" + echo + "”：" + detail_zh,
                     "cannot parse SMILES \"" + echo + "\": " + detail_en, std::string(kField));
}

tl::unexpected<Error> SanitizeError(std::string_view smiles, const RDKit::MolSanitizeException& e) {
    const std::string what = e.what();
    std::string zh;
    if (dynamic_cast<const RDKit::AtomValenceException*>(&e) != nullptr) {
        zh = "原子价态超出允许值（RDKit：" + what + "）";
    } else if (dynamic_cast<const RDKit::KekulizeException*>(&e) != nullptr) {
        zh = "芳香环无法确定单双键（RDKit：" + what + "）";
    } else {
        zh = "结构不合理（RDKit：" + what + "）";
    }
    return ParseError(smiles, what, zh);
}

tl::unexpected<Error> TooLarge(std::string_view what_en, std::string_view what_zh) {
    return MakeError(ErrorCode::kResourceExhausted, "smiles.too_large",
                     "结构过大：" + std::string(what_zh),
                     "the structure is too large: " + std::string(what_en), std::string(kField));
}

}  // namespace

void SilenceRdkitLogs() {
    static std::once_flag once;
    std::call_once(once, [] {
        RDLog::InitLogs();
        boost::logging::disable_logs("rdApp.*");
    });
}

ElementAtoms CountElementAtoms(const RDKit::ROMol& mol) {
    ElementAtoms counts{};
    for (const RDKit::Atom* atom : mol.atoms()) {
        const int z = atom->getAtomicNum();
        if (z >= 0 && z < static_cast<int>(counts.size()) && counts[static_cast<std::size_t>(z)] < 65535) {
            ++counts[static_cast<std::size_t>(z)];
        }
    }
    return counts;
}

std::shared_ptr<const Molecule::Impl> MakeImpl(std::unique_ptr<RDKit::ROMol> mol) {
    auto impl = std::make_shared<Molecule::Impl>();
    impl->element_atoms = CountElementAtoms(*mol);
    std::vector<std::vector<int>> atoms_of;
    impl->components = static_cast<int>(RDKit::MolOps::getMolFrags(*mol, atoms_of));
    if (impl->components > 1) {
        std::vector<boost::shared_ptr<RDKit::ROMol>> fragments;
        try {
            fragments = RDKit::MolOps::getMolFrags(*mol, /*sanitizeFrags=*/true, nullptr,
                                                   &atoms_of, /*copyConformers=*/false);
        } catch (const std::exception&) {
            fragments.clear();  // a fragment that does not sanitise on its own: keep the whole
        }
        int best = -1;
        bool best_organic = false;
        int best_heavy = -1;
        double best_weight = -1;
        for (std::size_t f = 0; f < fragments.size(); ++f) {
            bool organic = false;
            int heavy = 0;
            for (const RDKit::Atom* atom : fragments[f]->atoms()) {
                organic = organic || atom->getAtomicNum() == 6;
                if (atom->getAtomicNum() > 1) ++heavy;
            }
            const double weight = RDKit::Descriptors::calcAMW(*fragments[f]);
            const bool better =
                best < 0 || (organic && !best_organic) ||
                (organic == best_organic &&
                 (heavy > best_heavy || (heavy == best_heavy && weight > best_weight)));
            if (better) {
                best = static_cast<int>(f);
                best_organic = organic;
                best_heavy = heavy;
                best_weight = weight;
            }
        }
        if (best >= 0) {
            auto fragment = std::make_shared<Molecule::Impl>();
            fragment->mol = std::shared_ptr<const RDKit::ROMol>(
                new RDKit::ROMol(*fragments[static_cast<std::size_t>(best)]));
            fragment->components = 1;
            fragment->element_atoms = CountElementAtoms(*fragment->mol);
            impl->largest_fragment = std::move(fragment);
            impl->largest_fragment_atoms = atoms_of[static_cast<std::size_t>(best)];
        }
    }
    impl->mol = std::shared_ptr<const RDKit::ROMol>(std::move(mol));
    return impl;
}

Result<Molecule> Molecule::FromSmiles(std::string_view smiles) {
    const std::string_view text = Trim(smiles);
    if (text.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "smiles.empty", "SMILES 为空",
                         "the SMILES is empty", std::string(kField));
    }
    if (text.size() > kMaxSmilesLength) {
        return TooLarge("the SMILES has " + std::to_string(text.size()) +
                            " characters; at most " + std::to_string(kMaxSmilesLength) +
                            " are accepted",
                        "SMILES 有 " + std::to_string(text.size()) + " 个字符，上限为 " +
                            std::to_string(kMaxSmilesLength));
    }
    SilenceRdkitLogs();
    // RDKit's SmilesToMol with sanitize=true also flags every possible stereocentre, which
    // ranks all atoms over and over: minutes for a 5,000-atom chain. The same steps without
    // that flag (parse, remove explicit H, sanitise, assign stereo and clean it) give the
    // same molecule and canonical SMILES in milliseconds.
    std::unique_ptr<RDKit::RWMol> mol;
    try {
        RDKit::SmilesParserParams params;
        params.sanitize = false;
        params.removeHs = false;
        params.allowCXSMILES = true;
        params.strictCXSMILES = false;
        mol.reset(RDKit::SmilesToMol(std::string(text), params));
        if (!mol) {
            const std::string where = DiagnoseSmilesSyntax(text);
            if (where.empty()) {
                return ParseError(text, "RDKit rejected its syntax", "RDKit 判定语法错误");
            }
            return ParseError(text, where, "语法错误（" + where + "）");
        }
        if (static_cast<int>(mol->getNumAtoms()) > kMaxAtoms) {
            return TooLarge(std::to_string(mol->getNumAtoms()) + " atoms; at most " +
                                std::to_string(kMaxAtoms) + " are accepted",
                            std::to_string(mol->getNumAtoms()) + " 个原子，上限为 " +
                                std::to_string(kMaxAtoms));
        }
        if (mol->getNumAtoms() == 0) {
            return MakeError(ErrorCode::kInvalidArgument, "smiles.empty", "SMILES 中没有原子",
                             "the SMILES contains no atoms", std::string(kField));
        }
        RDKit::MolOps::removeHs(*mol, /*implicitOnly=*/false, /*updateExplicitCount=*/true,
                                /*sanitize=*/true);
        RDKit::MolOps::assignStereochemistry(*mol, /*cleanIt=*/true, /*force=*/true,
                                             /*flagPossibleStereoCenters=*/false);
    } catch (const RDKit::MolSanitizeException& e) {
        return SanitizeError(text, e);
    } catch (const std::exception& e) {
        return ParseError(text, e.what(), std::string("RDKit 报错：") + e.what());
    }
    std::unique_ptr<RDKit::ROMol> ro = std::move(mol);
    return Molecule(MakeImpl(std::move(ro)));
}

int Molecule::atom_count() const { return static_cast<int>(impl_->mol->getNumAtoms()); }

Identifiers ComputeIdentifiers(const Molecule& molecule) {
    const Molecule::Impl& impl = molecule.impl();
    // RDKit caches computed properties (canonical ranks, Crippen values) on the molecule it is
    // given, so work on a private copy: the shared molecule is never written.
    RDKit::RWMol work(*impl.mol);
    Identifiers out;
    out.canonical_smiles = RDKit::MolToSmiles(work);
    out.formula = RDKit::Descriptors::calcMolFormula(work);
    out.molecular_weight = RDKit::Descriptors::calcAMW(work);
    double logp = 0;
    double mr = 0;
    RDKit::Descriptors::calcCrippenDescriptors(work, logp, mr);
    out.crippen_logp = logp;
    out.components = impl.components;
    StandardInchi inchi = ComputeStandardInchi(*impl.mol);
    out.inchi = std::move(inchi.inchi);
    out.inchikey = std::move(inchi.inchikey);
    return out;
}

std::string DepictSvg(const Molecule& molecule, int width, int height,
                      const std::vector<int>& highlight_atoms) {
    constexpr unsigned kMaxDepictedAtoms = 1000;
    const RDKit::ROMol& mol = *molecule.impl().mol;
    if (mol.getNumAtoms() > kMaxDepictedAtoms || width <= 0 || height <= 0) return {};
    try {
        RDKit::RWMol work(mol);
        RDDepict::compute2DCoords(work);
        RDKit::MolDraw2DSVG drawer(width, height);
        std::vector<int> highlights;
        for (int atom : highlight_atoms) {
            if (atom >= 0 && atom < static_cast<int>(work.getNumAtoms())) highlights.push_back(atom);
        }
        RDKit::MolDraw2DUtils::prepareAndDrawMolecule(drawer, work, "",
                                                      highlights.empty() ? nullptr : &highlights);
        drawer.finishDrawing();
        return drawer.getDrawingText();
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace npgov::chem
