// The workbook-level parts of an .xlsx file (ECMA-376 Part 1 §12.3 and §18.2–18.4, Part 2 §9
// Open Packaging Conventions): package and part relationships, the sheet list and date
// system, shared strings and the number formats of cell styles. Internal to the engine.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "engines/tabular/excel_date.hpp"
#include "engines/tabular/zip_archive.hpp"

namespace npgov::tabular {

struct Relationship {
    std::string id;      // "rId1"
    std::string type;    // ".../relationships/worksheet"
    std::string target;  // part name resolved against the source part's folder, no leading '/'
};

struct SheetEntry {
    std::string name;
    std::string relationship_id;
    bool hidden = false;  // state="hidden" or "veryHidden"
};

struct Workbook {
    std::vector<SheetEntry> sheets;  // workbook order
    DateSystem date_system = DateSystem::k1900;
};

// Returns the relationships of `source_part` ("" for the package), read from its .rels part;
// an absent .rels part has none. External targets are skipped.
Result<std::vector<Relationship>> ParseRelationships(ZipArchive& archive, const std::string& source_part);

Result<Workbook> ParseWorkbook(ZipArchive& archive, const std::string& part);

// The shared string table: the text of each <si>, rich-text runs concatenated, phonetic runs
// (<rPh>) left out, _xHHHH_ escapes decoded.
Result<std::vector<std::string>> ParseSharedStrings(ZipArchive& archive, const std::string& part);

// The DateStyle of each cell format (<cellXfs><xf>, by index), from its numFmtId and the
// workbook's custom <numFmts>.
Result<std::vector<DateStyle>> ParseCellDateStyles(ZipArchive& archive, const std::string& part);

// Returns `target` resolved against the folder of `source_part` ("xl/workbook.xml" +
// "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" → "xl/x.xml"; ".." steps up).
std::string ResolvePartName(std::string_view source_part, std::string_view target);

// Decodes ST_Xstring escapes in place: "_x000D_" → CR, "_x005F_" → '_' (ECMA-376 Part 1 §22.9.2.19).
void DecodeXstringEscapes(std::string& text);

// True if a relationship type URI ends in "/" + `kind` (e.g. "worksheet", "sharedStrings").
bool IsRelationshipType(std::string_view type, std::string_view kind);

}  // namespace npgov::tabular
