#include "modules/hazard/hazard_file.hpp"

#include <cmath>
#include <map>
#include <set>

#include "core/cas_number.hpp"
#include "core/text.hpp"

namespace npgov::hazard {
namespace {

struct ColumnSpec {
    std::optional<std::size_t> HazardColumns::*member;
    std::string_view field;  // the field name validators use
    std::string_view name;   // for "missing column" messages
    std::initializer_list<std::string_view> aliases;
};

// Keep in step with the list in hazard_file.hpp.
const ColumnSpec kColumnSpecs[] = {
    {&HazardColumns::kind, "kind", "记录类型 (kind)", {"记录类型", "类型", "kind", "record"}},
    {&HazardColumns::cas, "cas", "CAS号 (CAS)", {"CAS号", "CAS", "CAS No.", "CAS RN", "CAS编号"}},
    {&HazardColumns::substance, "substance", "物质名称 (substance)", {"物质名称", "名称", "substance", "name"}},
    {&HazardColumns::property, "property", "性质 (property)", {"性质", "参数", "property", "parameter"}},
    {&HazardColumns::qualifier, "qualifier", "限定符 (qualifier)", {"限定符", "qualifier"}},
    {&HazardColumns::value, "value", "数值 (value)", {"数值", "值", "value"}},
    {&HazardColumns::unit, "unit", "单位 (unit)", {"单位", "unit", "units"}},
    {&HazardColumns::temperature, "temperature", "温度 (temperature)",
     {"温度", "温度(°C)", "温度(℃)", "temperature", "temperature (°C)", "temperature_c"}},
    {&HazardColumns::provenance, "provenance", "数据类型 (provenance)", {"数据类型", "provenance"}},
    {&HazardColumns::method, "method", "方法 (method)", {"方法", "测试方法", "估算方法", "method"}},
    {&HazardColumns::method_version, "method_version", "方法版本 (method version)",
     {"方法版本", "method version", "method_version"}},
    {&HazardColumns::inputs, "inputs", "估算输入 (inputs)", {"估算输入", "输入", "inputs"}},
    {&HazardColumns::species, "species", "物种 (species)", {"物种", "受试生物", "species"}},
    {&HazardColumns::taxon_group, "taxon_group", "生物类群 (taxon group)",
     {"生物类群", "类群", "taxon group", "taxonomic group", "taxon_group"}},
    {&HazardColumns::trophic_level, "trophic_level", "营养级 (trophic level)",
     {"营养级", "trophic level", "trophic_level"}},
    {&HazardColumns::compartment, "compartment", "介质 (compartment)", {"介质", "环境介质", "compartment"}},
    {&HazardColumns::endpoint, "endpoint", "毒性终点 (endpoint)", {"毒性终点", "终点", "endpoint"}},
    {&HazardColumns::effect, "effect", "效应 (effect)", {"效应", "effect"}},
    {&HazardColumns::exposure, "exposure", "暴露类型 (exposure)", {"暴露类型", "急慢性", "exposure"}},
    {&HazardColumns::duration, "duration", "试验时长 (duration)", {"试验时长", "暴露时间", "duration"}},
    {&HazardColumns::duration_unit, "duration_unit", "时长单位 (duration unit)",
     {"时长单位", "时间单位", "duration unit", "duration_unit"}},
    {&HazardColumns::classification, "classification", "分类项 (classification)", {"分类项", "classification"}},
    {&HazardColumns::category, "category", "类别 (category)", {"类别", "分类类别", "category"}},
    {&HazardColumns::reliability, "reliability", "可靠性 (reliability)", {"可靠性", "Klimisch", "reliability"}},
    {&HazardColumns::source, "source", "来源 (source)", {"来源", "数据来源", "文献", "source", "reference"}},
    {&HazardColumns::source_year, "source_year", "年份 (source year)",
     {"年份", "来源年份", "source year", "source_year", "year"}},
    {&HazardColumns::guideline, "guideline", "测试导则 (guideline)", {"测试导则", "导则", "guideline"}},
    {&HazardColumns::notes, "notes", "备注 (notes)", {"备注", "说明", "notes", "remark"}},
};

Error CellError(std::string reason, std::string zh, std::string en) {
    return Error{ErrorCode::kInvalidArgument, std::move(reason), std::move(zh), std::move(en), "", 0};
}

// One row being read: its cells by field, and the problems found so far (one per field).
class RowReader {
public:
    RowReader(const tabular::Table& table, const HazardColumns& columns, std::size_t index)
        : table_(table), columns_(columns), index_(index), row_(table.source_rows[index]) {}

    long row() const { return row_; }

    std::string Cell(std::string_view field) const {
        if (auto c = Column(field)) return std::string(Trim(table_.rows[index_][*c]));
        return "";
    }

    // Records `e` at the column of its field (or `field` when given), once per field.
    void Add(Error e, std::string_view field = {}) {
        std::string f(field.empty() ? std::string_view(e.field) : field);
        if (f.empty()) f = "kind";
        if (!fields_with_errors_.insert(f).second) return;
        const std::string column = ColumnName(f);
        e.row = row_;
        e.field = column;
        e.message_zh = "第 " + std::to_string(row_) + " 行“" + column + "”列：" + e.message_zh;
        e.message_en = "row " + std::to_string(row_) + ", column \"" + column + "\": " + e.message_en;
        errors_.push_back(std::move(e));
    }

    // The cell of a field the row's kind needs; records "hazard.value_missing" if empty.
    std::optional<std::string> Required(std::string_view field, std::string_view what_zh, std::string_view what_en) {
        std::string text = Cell(field);
        if (!text.empty()) return text;
        Add(CellError("hazard.value_missing", "须填写" + std::string(what_zh), std::string(what_en) + " is required"),
            field);
        return std::nullopt;
    }

    // Parses a cell with `parse` (a Result-returning parser), recording its error.
    template <typename Parse>
    auto Parsed(std::string_view field, Parse parse) -> std::optional<typename decltype(parse(""))::value_type> {
        const std::string text = Cell(field);
        auto result = parse(text);
        if (result) return *result;
        Add(result.error(), field);
        return std::nullopt;
    }

    std::optional<double> Number(std::string_view field) {
        const std::string text = Cell(field);
        if (text.empty()) return std::nullopt;
        auto v = tabular::ParseNumberCell(text);
        if (v) return *v;
        Add(v.error(), field);
        return std::nullopt;
    }

    std::optional<int> Year() {
        const std::string text = Cell("source_year");
        if (text.empty()) return std::nullopt;
        auto v = tabular::ParseNumberCell(text);
        if (v && *v == std::floor(*v) && *v >= 0 && *v < 10000) return static_cast<int>(*v);
        Add(CellError("hazard.source_year", "年份 “" + ToMessageSnippet(text) + "” 须为四位年份",
                      "year \"" + ToMessageSnippet(text) + "\" must be a four-digit year"),
            "source_year");
        return std::nullopt;
    }

    // Cells that belong to other kinds must be empty: a filled one usually means shifted columns.
    void MustBeEmpty(std::initializer_list<std::string_view> fields, std::string_view kind) {
        for (std::string_view field : fields) {
            if (Cell(field).empty()) continue;
            Add(CellError("hazard.cell_ignored",
                          "“" + std::string(kind) + "”记录不使用此列，但其中填有内容（列是否错位？）",
                          "a " + std::string(kind) + " row does not use this column, yet it is filled (shifted columns?)"),
                field);
        }
    }

    bool ok() const { return errors_.empty(); }
    std::vector<Error>& errors() { return errors_; }

private:
    std::optional<std::size_t> Column(std::string_view field) const {
        for (const auto& spec : kColumnSpecs) {
            if (spec.field == field) return columns_.*spec.member;
        }
        return std::nullopt;
    }

    std::string ColumnName(const std::string& field) const {
        if (auto c = Column(field)) return table_.header[*c];
        return field;
    }

    const tabular::Table& table_;
    const HazardColumns& columns_;
    std::size_t index_;
    long row_;
    std::set<std::string> fields_with_errors_;
    std::vector<Error> errors_;
};

std::optional<RecordKind> ParseKind(const std::string& text) {
    std::string key = ToLowerAscii(Trim(NormalizeFullWidth(text)));
    for (auto [word, kind] : {std::pair<std::string_view, RecordKind>{"property", RecordKind::kProperty},
                              {"properties", RecordKind::kProperty}, {"理化性质", RecordKind::kProperty},
                              {"性质", RecordKind::kProperty}, {"ecotox", RecordKind::kEcotox},
                              {"ecotoxicity", RecordKind::kEcotox}, {"生态毒性", RecordKind::kEcotox},
                              {"classification", RecordKind::kClassification}, {"分类", RecordKind::kClassification}}) {
        if (key == word) return kind;
    }
    return std::nullopt;
}

void ReadProperty(RowReader& r, const ValidationContext& context, HazardRow& out) {
    r.MustBeEmpty({"species", "taxon_group", "trophic_level", "compartment", "endpoint", "effect", "exposure",
                   "duration", "duration_unit", "classification", "category", "guideline"},
                  "property");
    NewPropertyValue& e = out.property.entry;
    auto property = r.Required("property", "性质", "the property") ? r.Parsed("property", ParseProperty)
                                                                   : std::nullopt;
    if (auto q = r.Parsed("qualifier", ParseQualifier)) e.qualifier = *q;
    std::optional<double> value;
    if (r.Required("value", "数值", "the value")) value = r.Number("value");
    e.unit = r.Cell("unit");
    e.temperature_c = r.Number("temperature");
    auto provenance = r.Required("provenance", "数据类型（measured 实测 / estimated 估算）", "the provenance (measured or estimated)")
                          ? r.Parsed("provenance", ParseProvenance)
                          : std::nullopt;
    if (!r.Cell("reliability").empty()) {
        if (auto rel = r.Parsed("reliability", ParseReliability)) e.reliability = *rel;
    }
    e.source = r.Cell("source");
    e.source_year = r.Year();
    e.method = r.Cell("method");
    e.method_version = r.Cell("method_version");
    e.inputs = r.Cell("inputs");
    e.notes = r.Cell("notes");
    if (!property || !value || !provenance) return;
    e.property = *property;
    e.value = *value;
    e.provenance = *provenance;
    double normalised = 0;
    for (auto& problem : ValidateProperty(e, context, &normalised)) r.Add(std::move(problem));
    out.property.normalised = normalised;
    out.property.cas = out.cas;
    out.property.source_row = r.row();
}

void ReadEcotox(RowReader& r, const ValidationContext& context, HazardRow& out) {
    r.MustBeEmpty({"property", "temperature", "provenance", "method", "method_version", "inputs", "classification",
                   "category"},
                  "ecotox");
    NewEcotox& e = out.ecotox.entry;
    bool complete = true;
    auto need = [&](std::string_view field, std::string_view zh, std::string_view en) {
        const bool present = r.Required(field, zh, en).has_value();
        complete = complete && present;
        return present;
    };
    e.species = r.Cell("species");
    if (need("taxon_group", "生物类群", "the taxonomic group")) {
        if (auto g = r.Parsed("taxon_group", ParseTaxonGroup)) e.taxon_group = *g; else complete = false;
    }
    if (!r.Cell("trophic_level").empty()) {
        if (auto t = r.Parsed("trophic_level", ParseTrophicLevel)) e.trophic_level = *t; else complete = false;
    }
    if (!r.Cell("compartment").empty()) {
        if (auto c = r.Parsed("compartment", ParseCompartment)) e.compartment = *c; else complete = false;
    }
    if (need("endpoint", "毒性终点", "the endpoint")) {
        if (auto x = r.Parsed("endpoint", ParseEndpoint)) e.endpoint = *x; else complete = false;
    }
    if (need("exposure", "暴露类型（急性/慢性）", "the exposure (acute or chronic)")) {
        if (auto x = r.Parsed("exposure", ParseExposure)) e.exposure = *x; else complete = false;
    }
    if (need("duration", "试验时长", "the test duration")) {
        if (auto d = r.Number("duration")) e.duration = *d; else complete = false;
    }
    if (need("duration_unit", "时长单位（h 或 d）", "the duration unit (h or d)")) e.duration_unit = r.Cell("duration_unit");
    if (auto q = r.Parsed("qualifier", ParseQualifier)) e.qualifier = *q; else complete = false;
    if (need("value", "效应浓度", "the effect value")) {
        if (auto v = r.Number("value")) e.value = *v; else complete = false;
    }
    if (need("unit", "单位", "the unit")) e.unit = r.Cell("unit");
    if (need("reliability", "可靠性（Klimisch 1–4）", "the reliability (Klimisch 1–4)")) {
        if (auto rel = r.Parsed("reliability", ParseReliability)) e.reliability = *rel; else complete = false;
    }
    e.effect = r.Cell("effect");
    e.source = r.Cell("source");
    e.source_year = r.Year();
    e.guideline = r.Cell("guideline");
    e.notes = r.Cell("notes");
    if (!complete) {
        // Still report what the validation finds in the cells that were read (species, source…).
        NewEcotox copy = e;
        copy.duration = copy.duration > 0 ? copy.duration : 1;
        copy.duration_unit = copy.duration_unit.empty() ? "h" : copy.duration_unit;
        copy.value = copy.value > 0 ? copy.value : 1;
        copy.unit = r.Cell("unit").empty() ? "mg/L" : copy.unit;
        for (auto& problem : ValidateEcotox(copy, context, nullptr)) {
            if (problem.reason == "hazard.species_required" || problem.reason == "hazard.source_required" ||
                problem.reason == "hazard.text_too_long" || problem.reason == "hazard.source_year") {
                r.Add(std::move(problem));
            }
        }
        return;
    }
    for (auto& problem : ValidateEcotox(e, context, &out.ecotox)) r.Add(std::move(problem));
    out.ecotox.cas = out.cas;
    out.ecotox.source_row = r.row();
}

void ReadClassification(RowReader& r, const ValidationContext& context, HazardRow& out) {
    r.MustBeEmpty({"property", "qualifier", "value", "unit", "temperature", "provenance", "method", "method_version",
                   "inputs", "species", "taxon_group", "trophic_level", "compartment", "endpoint", "effect", "exposure",
                   "duration", "duration_unit", "reliability", "guideline"},
                  "classification");
    NewClassification& e = out.classification.entry;
    auto kind = r.Required("classification", "分类项（carcinogenic、mutagenic、reproductive、endocrine_disruptor、pbt、vpvb、pop）",
                           "the classification (carcinogenic, mutagenic, reproductive, endocrine_disruptor, pbt, vpvb, pop)")
                    ? r.Parsed("classification", ParseClassificationKind)
                    : std::nullopt;
    auto category = r.Required("category", "类别", "the category");
    e.source = r.Cell("source");
    e.source_year = r.Year();
    e.notes = r.Cell("notes");
    if (!kind || !category) {
        if (Trim(e.source).empty()) {
            r.Add(CellError("hazard.source_required", "必须注明数据来源（文献或数据库）",
                            "a source (publication or database) is required"),
                  "source");
        }
        return;
    }
    e.kind = *kind;
    e.category = *category;
    for (auto& problem : ValidateClassification(e, context)) r.Add(std::move(problem));
    out.classification.cas = out.cas;
    out.classification.source_row = r.row();
}

}  // namespace

std::string_view ToString(RecordKind kind) {
    switch (kind) {
        case RecordKind::kProperty: return "property";
        case RecordKind::kEcotox: return "ecotox";
        case RecordKind::kClassification: return "classification";
    }
    return "property";
}

Result<HazardColumns> FindHazardColumns(const tabular::Table& table) {
    HazardColumns columns;
    for (const auto& spec : kColumnSpecs) columns.*spec.member = table.FindColumn(spec.aliases);
    std::string missing, have;
    for (const auto& spec : kColumnSpecs) {
        const bool required = spec.member == &HazardColumns::kind || spec.member == &HazardColumns::cas;
        if (required && !(columns.*spec.member)) missing += (missing.empty() ? "" : ", ") + std::string(spec.name);
    }
    if (missing.empty()) return columns;
    for (const auto& h : table.header) have += (have.empty() ? "" : ", ") + h;
    return MakeError(ErrorCode::kInvalidArgument, "hazard.columns",
                     "文件缺少必需的列：" + missing + "。现有列：" + have,
                     "the file lacks required columns: " + missing + ". Columns present: " + have, missing);
}

ParsedHazardFile ParseHazardRows(const tabular::Table& table, const HazardColumns& columns,
                                 const ValidationContext& context, std::size_t max_errors) {
    ParsedHazardFile out;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        RowReader r(table, columns, i);
        HazardRow row;
        row.row = r.row();
        std::optional<RecordKind> kind;
        if (auto text = r.Required("kind", "记录类型（property、ecotox 或 classification）",
                                   "the record kind (property, ecotox or classification)")) {
            kind = ParseKind(*text);
            if (!kind) {
                r.Add(CellError("hazard.kind", "记录类型 “" + ToMessageSnippet(*text) + "” 须为 property（理化性质）、ecotox（生态毒性）或 classification（分类）",
                                "record kind \"" + ToMessageSnippet(*text) + "\" must be property, ecotox or classification"),
                      "kind");
            }
        }
        if (auto cas_text = r.Required("cas", "CAS 号", "the CAS number")) {
            if (auto cas = CasNumber::Parse(*cas_text)) {
                row.cas = cas->text();
            } else {
                r.Add(cas.error(), "cas");
            }
        }
        if (kind) {
            row.kind = *kind;
            switch (*kind) {
                case RecordKind::kProperty: ReadProperty(r, context, row); break;
                case RecordKind::kEcotox: ReadEcotox(r, context, row); break;
                case RecordKind::kClassification: ReadClassification(r, context, row); break;
            }
        }
        if (r.ok()) {
            out.rows.push_back(std::move(row));
            continue;
        }
        for (auto& e : r.errors()) {
            if (out.errors.size() < max_errors) {
                out.errors.push_back(std::move(e));
            } else {
                ++out.errors_omitted;
            }
        }
    }
    return out;
}

}  // namespace npgov::hazard
