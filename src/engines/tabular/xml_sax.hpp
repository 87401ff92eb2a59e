// A thin SAX interface over expat for the XML parts of an .xlsx workbook: element names and
// attributes by local name (the namespace prefix dropped: "x:c" is "c", "r:id" is "id"), text
// in pieces. Documents with a DOCTYPE are refused (OOXML has none), which also rules out
// entity-expansion attacks. Internal to the engine; expat's types stay in the .cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "engines/tabular/zip_archive.hpp"

namespace npgov::tabular {

// The attributes of one start tag (expat's name/value array, valid during the callback).
class XmlAttributes {
public:
    explicit XmlAttributes(const char* const* pairs) : pairs_(pairs) {}
    // Value of the attribute with this local name, if present.
    std::optional<std::string_view> Find(std::string_view local_name) const;

private:
    const char* const* pairs_;
};

class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void StartElement(std::string_view name, const XmlAttributes& attributes) = 0;
    virtual void EndElement(std::string_view name) = 0;
    // Text content, possibly split into several calls.
    virtual void CharacterData(std::string_view text) = 0;

    // Stops parsing with `error` (the first one wins).
    void Fail(Error error) {
        if (!failure_) failure_ = std::move(error);
    }
    const std::optional<Error>& failure() const { return failure_; }

private:
    std::optional<Error> failure_;
};

// Parses the archive entry `part` with `handler`, streaming. Errors: those of
// ZipArchive::Read, the handler's failure, and "tabular.xlsx_corrupt" for malformed XML (the
// message names the part and line).
Status ParseXmlPart(ZipArchive& archive, const std::string& part, XmlHandler& handler);

// Same, for XML already in memory (tests); `part` only names it in errors.
Status ParseXml(std::string_view xml, const std::string& part, XmlHandler& handler);

}  // namespace npgov::tabular
