// Internal to the chem engine: standard InChI and InChIKey of an RDKit molecule through the
// IUPAC InChI library 1.03 (GetStdINCHI on an inchi_Input with 0D stereo parities, then
// GetStdINCHIKeyFromStdINCHI). Heller et al., J. Cheminform. 7:23 (2015); InChI API reference
// in inchi_api.h ("0D Stereo Parity and Type definitions").
#pragma once

#include <string>

namespace RDKit {
class ROMol;
}  // namespace RDKit

namespace npgov::chem {

struct StandardInchi {
    std::string inchi;     // "InChI=1S/…"; empty if the library refused the structure
    std::string inchikey;  // 27 characters; empty likewise
};

// Computes the standard InChI of a sanitised molecule. Thread-safe (the library is not: calls
// are serialised by a mutex).
StandardInchi ComputeStandardInchi(const RDKit::ROMol& mol);

}  // namespace npgov::chem
