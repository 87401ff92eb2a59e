// Reads a hazard data file — CSV (UTF-8 or GBK) or xlsx, as the tabular engine gives it — into
// validated records, checking every row and collecting every problem with its row and column.
// One file holds the three kinds of record, told apart by a `kind` column. Pure.
//
// Columns (any order; matched by tabular::ToHeaderKey; "*" = required in the header; which of
// the others a row needs depends on its kind):
//   kind*         记录类型 | 类型 | kind | record       property (理化性质/性质) | ecotox (生态毒性) |
//                                                      classification (分类)
//   cas*          CAS号 | CAS | CAS No. | CAS RN
//   substance     物质名称 | 名称 | substance | name    (for people; not checked)
//   property      性质 | 参数 | property | parameter   (property rows; ParseProperty)
//   qualifier     限定符 | qualifier                    (=, <, <=, >, >=; default =)
//   value         数值 | 值 | value                     (property and ecotox rows)
//   unit          单位 | unit
//   temperature   温度 | 温度(°C) | temperature | temperature (°C) | temperature_c
//   provenance    数据类型 | provenance                 (measured | estimated; property rows)
//   method        方法 | 测试方法 | 估算方法 | method   (estimated: required)
//   method_version 方法版本 | method version | method_version
//   inputs        估算输入 | 输入 | inputs
//   species       物种 | 受试生物 | species             (ecotox rows)
//   taxon_group   生物类群 | 类群 | taxon group | taxonomic group | taxon_group
//   trophic_level 营养级 | trophic level | trophic_level (default by group)
//   compartment   介质 | 环境介质 | compartment         (default by group)
//   endpoint      毒性终点 | 终点 | endpoint
//   effect        效应 | effect
//   exposure      暴露类型 | 急慢性 | exposure          (acute | chronic)
//   duration      试验时长 | 暴露时间 | duration
//   duration_unit 时长单位 | 时间单位 | duration unit | duration_unit  (h | d)
//   classification 分类项 | classification             (classification rows; ParseClassificationKind)
//   category      类别 | 分类类别 | category            (1A/1B/2, known/suspected, yes/no, annex_a…)
//   reliability   可靠性 | Klimisch | reliability       (1–4)
//   source        来源 | 数据来源 | 文献 | source | reference
//   source_year   年份 | 来源年份 | source year | source_year | year
//   guideline     测试导则 | 导则 | guideline
//   notes         备注 | 说明 | notes | remark
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engines/tabular/table.hpp"
#include "modules/hazard/records.hpp"

namespace npgov::hazard {

struct HazardColumns {
    std::optional<std::size_t> kind, cas, substance, property, qualifier, value, unit, temperature, provenance, method,
        method_version, inputs, species, taxon_group, trophic_level, compartment, endpoint, effect, exposure, duration,
        duration_unit, classification, category, reliability, source, source_year, guideline, notes;
};

// Finds the columns. Errors: kInvalidArgument "hazard.columns" naming the missing required
// columns (field: them, comma-separated) and those present.
Result<HazardColumns> FindHazardColumns(const tabular::Table& table);

enum class RecordKind { kProperty, kEcotox, kClassification };
std::string_view ToString(RecordKind kind);  // "property", "ecotox", "classification"

// One valid row: the canonical CAS number and the validated record (normalised values filled in).
struct HazardRow {
    long row = 0;  // source row
    std::string cas;
    RecordKind kind = RecordKind::kProperty;
    PropertyValue property;  // kProperty: entry and normalised set
    EcotoxRecord ecotox;     // kEcotox
    ClassificationRecord classification;  // kClassification
};

struct ParsedHazardFile {
    std::vector<HazardRow> rows;  // valid rows, in file order
    std::vector<Error> errors;    // at most max_errors, each with row and field (the file's column)
    std::int64_t errors_omitted = 0;
};

// Checks every row: kind, CAS number (check digit), and the record by its kind (the
// Validate… functions of records.hpp, plus the parsers of model.hpp for each cell);
// "hazard.value_missing" for a required cell left empty, "hazard.cell_ignored" for a cell that
// does not belong to the row's kind (e.g. a species on a property row) — a sign of a shifted
// column. Messages start "第 N 行“列”：" / "row N, column "c": ".
ParsedHazardFile ParseHazardRows(const tabular::Table& table, const HazardColumns& columns,
                                 const ValidationContext& context, std::size_t max_errors = 1000);

}  // namespace npgov::hazard
