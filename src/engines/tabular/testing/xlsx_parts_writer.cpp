#include "engines/tabular/testing/xlsx_parts_writer.hpp"

#include <zip.h>

#include <stdexcept>

namespace npgov::tabular::testing {
namespace {

constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

[[noreturn]] void Fail(const std::string& what) { throw std::runtime_error("MakeZip: " + what); }

}  // namespace

std::string MakeZip(const std::vector<ZipEntry>& entries, int level) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (buffer == nullptr) Fail("buffer");
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(buffer);
        Fail(zip_error_strerror(&error));
    }
    for (const ZipEntry& entry : entries) {
        zip_source_t* data = zip_source_buffer(archive, entry.data.data(), entry.data.size(), 0);
        const zip_int64_t index =
            data == nullptr ? -1 : zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            if (data != nullptr) zip_source_free(data);
            Fail(zip_strerror(archive));
        }
        const zip_int32_t method = level == 0 ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
        if (zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method,
                                     static_cast<zip_uint32_t>(level)) != 0)
            Fail(zip_strerror(archive));
    }
    if (zip_close(archive) != 0) {
        const std::string why = zip_strerror(archive);
        zip_discard(archive);
        Fail(why);
    }
    std::string bytes;
    zip_stat_t stat;
    if (zip_source_open(buffer) != 0 || zip_source_stat(buffer, &stat) != 0) Fail("reopen");
    bytes.resize(stat.size);
    if (zip_source_read(buffer, bytes.data(), stat.size) != static_cast<zip_int64_t>(stat.size)) Fail("read");
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

std::vector<ZipEntry> XlsxEntries(const XlsxSpec& spec) {
    std::vector<ZipEntry> entries;
    std::string types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
    for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
        types +=
            "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i + 1) +
            ".xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    }
    types += "</Types>";
    entries.push_back({"[Content_Types].xml", types});
    entries.push_back({"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"" +
                                          std::string(kPackageRelNs) +
                                          "\"><Relationship Id=\"rId1\" Type=\"" + std::string(kRelNs) +
                                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    std::string workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook xmlns=\"" +
                           std::string(kMainNs) + "\" xmlns:r=\"" + std::string(kRelNs) + "\">";
    workbook += spec.date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
    workbook += "<sheets>";
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"" +
                       std::string(kPackageRelNs) + "\">";
    for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        bool hidden = false;
        for (const std::string& name : spec.hidden_sheets) hidden = hidden || name == spec.sheets[i].first;
        workbook += "<sheet name=\"" + XmlEscape(spec.sheets[i].first) + "\" sheetId=\"" + n + "\"" +
                    (hidden ? " state=\"hidden\"" : "") + " r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + std::string(kRelNs) +
                "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        entries.push_back({"xl/worksheets/sheet" + n + ".xml", spec.sheets[i].second});
    }
    workbook += "</sheets></workbook>";
    if (!spec.shared_strings.empty()) {
        rels += "<Relationship Id=\"rIdS\" Type=\"" + std::string(kRelNs) +
                "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
        entries.push_back({"xl/sharedStrings.xml", spec.shared_strings});
    }
    if (!spec.styles.empty()) {
        rels += "<Relationship Id=\"rIdY\" Type=\"" + std::string(kRelNs) +
                "/styles\" Target=\"/xl/styles.xml\"/>";
        entries.push_back({"xl/styles.xml", spec.styles});
    }
    rels += "</Relationships>";
    entries.push_back({"xl/workbook.xml", workbook});
    entries.push_back({"xl/_rels/workbook.xml.rels", rels});
    return entries;
}

std::string MakeXlsx(const XlsxSpec& spec) { return MakeZip(XlsxEntries(spec)); }

std::string WorksheetXml(std::string_view rows, std::string_view after) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"" + std::string(kMainNs) +
           "\"><sheetData>" + std::string(rows) + "</sheetData>" + std::string(after) + "</worksheet>";
}

std::string SharedStringsXml(const std::vector<std::string>& strings) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"" + std::string(kMainNs) +
                      "\" count=\"" + std::to_string(strings.size()) + "\">";
    for (const std::string& s : strings) xml += "<si><t xml:space=\"preserve\">" + XmlEscape(s) + "</t></si>";
    return xml + "</sst>";
}

std::string XmlEscape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace npgov::tabular::testing
