#include "engines/tabular/xml_sax.hpp"

#include <expat.h>

#include <cstring>

#include "engines/tabular/errors.hpp"

namespace npgov::tabular {
namespace {

std::string_view LocalName(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

struct Context {
    XML_Parser parser;
    XmlHandler* handler;
    bool doctype = false;
};

void OnStart(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto* context = static_cast<Context*>(data);
    context->handler->StartElement(LocalName(name), XmlAttributes(attributes));
    if (context->handler->failure()) XML_StopParser(context->parser, XML_FALSE);
}

void OnEnd(void* data, const XML_Char* name) {
    auto* context = static_cast<Context*>(data);
    context->handler->EndElement(LocalName(name));
    if (context->handler->failure()) XML_StopParser(context->parser, XML_FALSE);
}

void OnText(void* data, const XML_Char* text, int length) {
    auto* context = static_cast<Context*>(data);
    context->handler->CharacterData(std::string_view(text, static_cast<std::size_t>(length)));
    if (context->handler->failure()) XML_StopParser(context->parser, XML_FALSE);
}

void OnDoctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* context = static_cast<Context*>(data);
    context->doctype = true;
    XML_StopParser(context->parser, XML_FALSE);
}

// Owns one expat parser for one part.
class Parser {
public:
    Parser(const std::string& part, XmlHandler& handler) : part_(part) {
        parser_ = XML_ParserCreate(nullptr);
        context_ = Context{parser_, &handler};
        XML_SetUserData(parser_, &context_);
        XML_SetElementHandler(parser_, OnStart, OnEnd);
        XML_SetCharacterDataHandler(parser_, OnText);
        XML_SetStartDoctypeDeclHandler(parser_, OnDoctype);
    }
    ~Parser() { XML_ParserFree(parser_); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    Status Feed(std::string_view chunk, bool last) {
        if (parser_ == nullptr) {
            return tl::unexpected(
                MakeTabularError(ErrorCode::kInternal, "tabular.memory", "内存不足", "out of memory"));
        }
        const XML_Status status =
            XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? XML_TRUE : XML_FALSE);
        if (context_.handler->failure()) return tl::unexpected(*context_.handler->failure());
        if (context_.doctype) {
            return tl::unexpected(XlsxCorruptError(part_, "含有 DOCTYPE 声明", "has a DOCTYPE declaration"));
        }
        if (status != XML_STATUS_OK) {
            const std::string why = XML_ErrorString(XML_GetErrorCode(parser_));
            const std::string line = std::to_string(XML_GetCurrentLineNumber(parser_));
            return tl::unexpected(XlsxCorruptError(part_, "XML 格式错误，第 " + line + " 行：" + why,
                                                   "malformed XML at line " + line + ": " + why));
        }
        return Ok();
    }

private:
    const std::string& part_;
    XML_Parser parser_;
    Context context_{};
};

}  // namespace

std::optional<std::string_view> XmlAttributes::Find(std::string_view local_name) const {
    for (const char* const* p = pairs_; *p != nullptr; p += 2) {
        if (LocalName(p[0]) == local_name) return std::string_view(p[1]);
    }
    return std::nullopt;
}

Status ParseXmlPart(ZipArchive& archive, const std::string& part, XmlHandler& handler) {
    Parser parser(part, handler);
    NPGOV_RETURN_IF_ERROR(
        archive.Read(part, [&](std::string_view chunk) { return parser.Feed(chunk, false); }));
    return parser.Feed({}, true);
}

Status ParseXml(std::string_view xml, const std::string& part, XmlHandler& handler) {
    Parser parser(part, handler);
    constexpr std::size_t kChunk = 1 << 20;  // expat takes int lengths
    while (xml.size() > kChunk) {
        NPGOV_RETURN_IF_ERROR(parser.Feed(xml.substr(0, kChunk), false));
        xml.remove_prefix(kChunk);
    }
    return parser.Feed(xml, true);
}

}  // namespace npgov::tabular
