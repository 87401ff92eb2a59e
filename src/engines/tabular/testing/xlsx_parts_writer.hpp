// Builds ZIP archives and minimal .xlsx workbooks in memory from hand-written parts, so tests
// and the benchmark can make exactly the SpreadsheetML they need (inline strings, error cells,
// 1904 dates, broken parts). Test support only; not part of the engine.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace npgov::tabular::testing {

struct ZipEntry {
    std::string name;
    std::string data;
};

// Returns the bytes of a ZIP archive holding `entries`, deflated at `level` (1–9) or stored
// (level 0). Throws std::runtime_error if libzip fails.
std::string MakeZip(const std::vector<ZipEntry>& entries, int level = 6);

struct XlsxSpec {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, worksheet XML
    std::vector<std::string> hidden_sheets;                   // names given state="hidden"
    std::string shared_strings;                               // sst XML; empty: no part
    std::string styles;                                       // styles XML; empty: no part
    bool date1904 = false;
};

// Returns the entries of a workbook per `spec` (content types, package and workbook
// relationships, workbook, sheets, optional shared strings and styles).
std::vector<ZipEntry> XlsxEntries(const XlsxSpec& spec);

// MakeZip(XlsxEntries(spec)).
std::string MakeXlsx(const XlsxSpec& spec);

// "<worksheet …><sheetData>" + rows + "</sheetData>" + after + "</worksheet>".
std::string WorksheetXml(std::string_view rows, std::string_view after = {});

// "<sst …>" + one <si><t>…</t></si> per string (XML-escaped) + "</sst>".
std::string SharedStringsXml(const std::vector<std::string>& strings);

// Returns `text` with &, <, > and " escaped for XML.
std::string XmlEscape(std::string_view text);

}  // namespace npgov::tabular::testing
