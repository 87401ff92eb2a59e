// Turns an uploaded table (CSV in UTF-8 or GBK, or xlsx, read by the tabular engine) into
// substances to import, checking every row: CAS check digits, names, SMILES (parsed by the
// chemistry engine), InChIKey format, duplicates within the file. Pure; the registry resolves
// rows against stored substances and writes all of them or none.
//
// Accepted columns (any order, header matched case- and space-insensitively; aliases):
//   cas         CAS | CAS号 | CAS No. | CAS RN | cas_numbers     several per cell, split by ; ； | 、 ,
//   name_zh     中文名称 | 中文名 | 物质中文名称
//   name_en     name | 英文名称 | 英文名 | English name
//   synonyms    同义词 | 别名    (split by ; ； |; each sorted into zh/en by its script)
//   synonyms_zh, synonyms_en
//   smiles      SMILES | 结构式
//   inchikey    InChIKey        (kept only for rows without SMILES; checked against it otherwise)
//   structure_note | 结构说明,  source | 来源,  synthetic | 合成数据 (1/0, true/false, yes/no, 是/否)
// Required: a name column, and a cas or smiles column.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "engines/chem/molecule.hpp"
#include "engines/tabular/table.hpp"
#include "modules/substance/substance.hpp"

namespace npgov::substance {

struct SubstanceRow {
    long row = 0;  // source row (CSV line / sheet row)
    NewSubstance substance;
    std::string computed_inchikey;  // from the SMILES, when there is one
    std::optional<chem::Identifiers> identifiers;  // computed from the SMILES, when there is one
};

struct ParsedRows {
    std::vector<SubstanceRow> rows;  // the valid rows
    std::vector<Error> errors;       // every invalid row's errors (row and field set)
    std::vector<Error> warnings;     // accepted but worth a look (salts/mixtures, InChIKey mismatch)
};

// Errors: kInvalidArgument "substance.columns" (a required column is missing; field names it).
// Row problems are reported in ParsedRows::errors, never as the Result's error.
Result<ParsedRows> ParseSubstanceRows(const tabular::Table& table);

// Splits a cell holding several values (separators ; ； | 、 and, for CAS, , ，).
std::vector<std::string> SplitMultiValue(std::string_view cell, bool allow_comma);

// Whether `text` is a well-formed standard InChIKey ("XXXXXXXXXXXXXX-YYYYYYYYFV-P").
bool IsInchiKey(std::string_view text);

// True if `text` contains a CJK ideograph (sorts a synonym into Chinese).
bool HasCjk(std::string_view text);

}  // namespace npgov::substance
