// Substances, regulatory lists, classification and the IECSC inventory over the API. Reads
// need kReadSubstances (every role); imports kImportSubstances (admin, officer). Imports take
// the file as the raw request body (CSV in UTF-8 or GBK, or xlsx).
#include "http/http_support.hpp"
#include "http/json_mapping.hpp"
#include "http/routes.hpp"
#include "modules/lists/list_diff.hpp"
#include "modules/lists/lists_json.hpp"
#include "modules/substance/substance_json.hpp"

namespace npgov::http {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxClassifyItems = 1000;

// The modules this file serves; wired by Application (a null one is a wiring bug).
struct Chemistry {
    substance::SubstanceRegistry& substances;
    substance::Inventory& inventory;
    lists::ListRegistry& lists;
    lists::Classifier& classifier;
};

Chemistry ChemistryOf(Services& s) {
    NPGOV_CHECK(s.substances && s.inventory && s.lists && s.classifier);
    return {*s.substances, *s.inventory, *s.lists, *s.classifier};
}

// The date of the request (?date= or body "date"), default today in China Standard Time.
Result<Date> DateOr(const std::optional<std::string>& text, const Clock& clock) {
    if (!text) return ToDate(clock.Now(), kChinaStandardTimeOffsetMinutes);
    return Date::Parse(*text);
}

bool Flag(const httplib::Request& request, const char* name) {
    const auto value = QueryParam(request, name);
    return value && (*value == "1" || *value == "true" || *value == "yes");
}

// The path's first capture as a list id (the pattern admits [a-z0-9_]+ only).
std::string PathText(const httplib::Request& request) {
    return request.matches.size() > 1 ? request.matches[1].str() : std::string();
}

// 200 with the report when it was stored (or checked, for a dry run); 400 naming the row
// errors otherwise, with the whole report so that every error can be shown.
Reply ImportReply(json report, std::size_t errors, std::int64_t omitted) {
    if (errors == 0) return Reply{200, std::move(report)};
    const std::string n = std::to_string(errors + static_cast<std::size_t>(omitted));
    Error e = MakeError(ErrorCode::kInvalidArgument, "import.rows", n + " 处错误，未导入任何数据",
                        n + " error(s) found; nothing was imported").value();
    json body = ToJson(e);
    body["report"] = std::move(report);
    return Reply{400, std::move(body)};
}

Result<lists::ClassifyInput> ClassifyInputOf(const json& body) {
    lists::ClassifyInput input;
    NPGOV_ASSIGN_OR_RETURN(input.smiles, OptionalString(body, "smiles"));
    NPGOV_ASSIGN_OR_RETURN(input.cas, OptionalString(body, "cas"));
    NPGOV_ASSIGN_OR_RETURN(input.substance_id, OptionalInt(body, "substance_id"));
    return input;
}

}  // namespace

void RegisterSubstanceRoutes(httplib::Server& server, Services& services) {
    Route(server, "GET", "/api/v1/substances", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto page, ParsePage(request));
        substance::SubstanceQuery query{QueryParam(request, "q"), QueryParam(request, "smarts")};
        NPGOV_ASSIGN_OR_RETURN(auto result, ChemistryOf(services).substances.Search(query, page));
        return Reply{200, substance::ToJson(result)};
    });
    Route(server, "GET", R"(/api/v1/substances/(\d+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto id, PathId(request));
        NPGOV_ASSIGN_OR_RETURN(auto date, DateOr(QueryParam(request, "date"), services.clock));
        auto c = ChemistryOf(services);
        NPGOV_ASSIGN_OR_RETURN(auto s, c.substances.Find(id));
        NPGOV_ASSIGN_OR_RETURN(auto classification, c.classifier.Classify({id, std::nullopt, std::nullopt}, date));
        NPGOV_ASSIGN_OR_RETURN(auto status, c.inventory.Assess(s.cas_numbers));
        NPGOV_ASSIGN_OR_RETURN(auto svg, c.substances.DepictSvg(s));
        json body = substance::ToJson(s);
        body["svg"] = svg && !svg->empty() ? json(*svg) : json();
        body["new_substance"] = substance::ToJson(status);
        body["classification"] = lists::ToJson(classification);
        return Reply{200, body};
    });
    Route(server, "POST", "/api/v1/substances/classify", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto body, ParseJsonBody(request));
        NPGOV_ASSIGN_OR_RETURN(auto date_text, OptionalString(body, "date"));
        NPGOV_ASSIGN_OR_RETURN(auto date, DateOr(date_text, services.clock));
        auto& classifier = ChemistryOf(services).classifier;
        if (!body.contains("items")) {
            NPGOV_ASSIGN_OR_RETURN(auto input, ClassifyInputOf(body));
            NPGOV_ASSIGN_OR_RETURN(auto result, classifier.Classify(input, date));
            return Reply{200, lists::ToJson(result)};
        }
        // A batch: each item is classified or reports its own error; one bad item stops nothing.
        if (!body["items"].is_array() || body["items"].empty() || body["items"].size() > kMaxClassifyItems) {
            return MakeError(ErrorCode::kInvalidArgument, "http.field", "字段 items 须为 1 到 1000 项的数组",
                             "field items must be an array of 1 to 1000 objects", "items");
        }
        json results = json::array();
        int failed = 0;
        for (std::size_t i = 0; i < body["items"].size(); ++i) {
            const json& item = body["items"][i];
            Result<lists::Classification> result =
                item.is_object() ? ClassifyInputOf(item).and_then([&](const lists::ClassifyInput& in) {
                    return classifier.Classify(in, date);
                })
                                 : Result<lists::Classification>(MakeError(ErrorCode::kInvalidArgument, "http.field",
                                                                           "items 的每一项须为 JSON 对象",
                                                                           "each of items must be a JSON object", "items"));
            if (result) {
                results.push_back({{"index", i}, {"classification", lists::ToJson(*result)}});
            } else {
                ++failed;
                if (result.error().code != ErrorCode::kInvalidArgument && result.error().code != ErrorCode::kNotFound) {
                    return tl::unexpected(result.error());  // the service, not the item, failed
                }
                results.push_back({{"index", i}, {"error", ToJson(result.error())["error"]}});
            }
        }
        return Reply{200, {{"date", date.ToIsoString()},
                           {"items", results},
                           {"summary", {{"items", results.size()}, {"classified", results.size() - failed},
                                        {"errors", failed}}}}};
    });
    Route(server, "POST", "/api/v1/substances/import", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kImportSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto report, ChemistryOf(services).substances.Import(request.body, Flag(request, "dry_run"),
                                                                                    who.principal.username));
        return ImportReply(substance::ToJson(report), report.errors.size(), report.errors_omitted);
    });
    Route(server, "GET", "/api/v1/iecsc", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto status, ChemistryOf(services).inventory.Status());
        return Reply{200, substance::ToJson(status)};
    });
    Route(server, "POST", "/api/v1/iecsc/import", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_ASSIGN_OR_RETURN(auto who, Authenticate(services, request, auth::Permission::kImportSubstances));
        const std::string file_name = QueryParam(request, "file_name").value_or("upload");
        NPGOV_ASSIGN_OR_RETURN(auto report, ChemistryOf(services).inventory.ImportIecsc(
                                                request.body, file_name, Flag(request, "synthetic"),
                                                Flag(request, "dry_run"), who.principal.username));
        return ImportReply(substance::ToJson(report), report.errors.size(), report.errors_omitted);
    });
    Route(server, "GET", "/api/v1/lists", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        NPGOV_ASSIGN_OR_RETURN(auto all, ChemistryOf(services).lists.ListLists());
        json items = json::array();
        for (const auto& list : all) items.push_back(lists::ToJson(list));
        return Reply{200, {{"items", items}}};
    });
    Route(server, "GET", R"(/api/v1/lists/([a-z0-9_]+))", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        auto& registry = ChemistryOf(services).lists;
        NPGOV_ASSIGN_OR_RETURN(auto info, registry.FindList(PathText(request)));
        NPGOV_ASSIGN_OR_RETURN(auto edition, registry.FindEdition(info.id, QueryParam(request, "edition").value_or("")));
        json body = lists::ToJson(info);
        body["edition"] = lists::ToJson(edition);
        return Reply{200, body};
    });
    Route(server, "GET", R"(/api/v1/lists/([a-z0-9_]+)/diff)", [&services](const httplib::Request& request) -> Result<Reply> {
        NPGOV_RETURN_IF_ERROR(Authenticate(services, request, auth::Permission::kReadSubstances));
        auto& registry = ChemistryOf(services).lists;
        NPGOV_ASSIGN_OR_RETURN(auto info, registry.FindList(PathText(request)));
        auto from = QueryParam(request, "from");
        auto to = QueryParam(request, "to");
        if (!from || !to) {
            // Default: the two newest editions.
            if (info.editions.size() < 2) {
                return MakeError(ErrorCode::kFailedPrecondition, "lists.single_edition",
                                 "名录 " + info.id + " 只有一个版本，无可比较",
                                 "list " + info.id + " has one edition only: nothing to compare", "from");
            }
            if (!from) from = info.editions[info.editions.size() - 2].edition;
            if (!to) to = info.editions.back().edition;
        }
        NPGOV_ASSIGN_OR_RETURN(auto a, registry.FindEdition(info.id, *from));
        NPGOV_ASSIGN_OR_RETURN(auto b, registry.FindEdition(info.id, *to));
        return Reply{200, lists::ToJson(lists::DiffEditions(a, b))};
    });
}

}  // namespace npgov::http
