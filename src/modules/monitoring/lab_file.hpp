// Reads a laboratory's result file — CSV (UTF-8 or GBK) or xlsx, as the tabular engine gives
// it — into validated result rows, checking every row and collecting every problem with its
// row and column. Pure: the stored sites a file may name, today's date and the default
// laboratory come in through LabFileContext; the importer resolves and writes.
//
// Accepted columns (any order; matched by tabular::ToHeaderKey, so case, spaces and full-width
// forms do not matter; "*" = required):
//   site_code*  点位编码 | 点位代码 | 点位编号 | 监测点位编码 | 站点编码 | site code | site_code | site | station code
//   date*       采样日期 | 日期 | sampling date | sample date | date      (a time after the date is taken as the time)
//   time        采样时间 | 时间 | sampling time | time                    ("HH:MM" or "HH:MM:SS")
//   sampler     采样人 | 采样人员 | sampler
//   medium      介质 | 样品介质 | 环境介质 | medium      (default: the site type's medium, see DefaultMedium)
//   matrix      基质 | 样品类型 | 样品性状 | matrix | sample type
//   depth       采样深度 | 深度 | 采样深度(m) | 深度(m) | depth | depth (m)         (metres, ≥ 0)
//   cas*        CAS号 | CAS | CAS No. | CAS RN | CAS编号 | CAS登记号
//   substance   物质名称 | 污染物名称 | 检测项目 | 监测项目 | 项目 | 化合物 | substance | analyte | parameter | compound
//   result*     结果 | 检测结果 | 监测结果 | 测定值 | 测定结果 | 浓度 | result | value | concentration
//   unit*       单位 | 计量单位 | 结果单位 | unit | units
//   qualifier   限定符 | 结果标识 | 标识 | qualifier | flag | remark
//   lod         检出限 | 方法检出限 | LOD | MDL | DL | detection limit
//   loq         定量限 | 测定下限 | 定量下限 | LOQ | MQL | quantitation limit | limit of quantitation
//   method      方法 | 分析方法 | 检测方法 | 方法标准 | 方法依据 | 分析方法依据 | method | method standard
//   laboratory  实验室 | 检测单位 | 检测机构 | 分析单位 | laboratory | lab       (required unless a default is given)
//   blank       空白 | 空白值 | 实验室空白 | 方法空白 | blank | method blank            (in the result's unit)
//   spike_recovery  加标回收率 | 加标回收率(%) | 回收率 | 回收率(%) | spike recovery | spike recovery (%) | recovery (%)
//   duplicate_rpd   平行样相对偏差 | 平行样相对偏差(%) | 相对偏差 | 相对偏差(%) | 平行样RPD | RPD | RPD (%) | duplicate RPD
//
// Result cells: a number ("12.3") is detected; "<0.5" (also "＜0.5", "< 0.5") and "0.5L" (the
// way Chinese monitoring reports write a non-detect: the detection limit followed by L) are
// non-detects at that limit; "ND", "N.D.", "未检出", "未检", "<LOD", "<DL", "<MDL", "<检出限" are
// non-detects at the row's LOD; "<LOQ", "<MQL", "<定量限", "<测定下限" at its LOQ; "DNQ",
// "检出未定量", "检出但未定量" are detected-not-quantified (statistics: "<LOQ"). A "<x" equal to
// the row's LOQ (and not its LOD) is "< LOQ", otherwise "< LOD". A qualifier column, where
// present and filled, decides instead (the result cell then holds the value or the limit).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "engines/tabular/table.hpp"
#include "modules/monitoring/model.hpp"

namespace npgov::monitoring {

// Column indices in the table, where present.
struct LabColumns {
    std::optional<std::size_t> site_code, date, time, sampler, medium, matrix, depth, cas, substance, result, unit,
        qualifier, lod, loq, method, laboratory, blank, spike_recovery, duplicate_rpd;
};

// Finds the columns. `have_default_laboratory`: a laboratory given outside the file makes
// the laboratory column optional. Errors: kInvalidArgument "monitoring.columns", every
// missing required column named in the messages and in `field` (comma-separated).
Result<LabColumns> FindLabColumns(const tabular::Table& table, bool have_default_laboratory);

// The distinct normalised site codes of the file's non-empty site cells.
std::vector<std::string> SiteCodesIn(const tabular::Table& table, const LabColumns& columns);

struct SiteRef {
    std::int64_t id = 0;
    SiteType type = SiteType::kRiverSection;
    std::string region_code;
};

struct LabFileContext {
    Date today;                              // dates after it are refused (Shuozhou's civil date)
    std::map<std::string, SiteRef> sites;    // by normalised code: the sites the importer may write to
    std::string default_laboratory;          // for rows without one; empty = none
    std::size_t max_errors = 1000;           // errors listed; the rest are counted
};

// What a result cell says, before the row's limits are applied.
struct ReportedValue {
    enum class Kind { kNumber, kLessThan, kBelowLod, kBelowLoq, kNotQuantified };
    Kind kind = Kind::kNumber;
    std::optional<double> number;  // kNumber: the value; kLessThan: the limit
};

// Parses a result cell by the forms above. Errors: kInvalidArgument "monitoring.result_missing"
// (empty), "monitoring.result_format" (none of the forms; "/" and "-" are "not analysed", which
// is no result either).
Result<ReportedValue> ParseReportedValue(std::string_view cell);

// One validated result row.
struct LabRow {
    long row = 0;  // source row (CSV line / sheet row)
    std::int64_t site_id = 0;
    std::string region_code;
    Date date;
    std::string time;  // "HH:MM" or ""
    std::string sampler;
    Medium medium = Medium::kWater;
    std::string matrix;
    std::optional<double> depth_m;
    std::string cas;  // canonical
    std::string substance_name;
    std::string reported;  // the result cell as written
    Qualifier qualifier = Qualifier::kDetected;
    std::optional<double> value;  // the number as given (value, or the "<x" limit, or a DNQ estimate)
    std::string unit;             // canonical symbol of the given unit
    std::optional<double> lod, loq;
    bool censored = false;
    std::optional<double> normalised_value;  // detected only, in NormalisedUnit(medium)
    std::optional<double> normalised_limit;  // censored: the censoring limit; detected: the LOD, if any
    std::string method, laboratory;
    std::optional<double> blank, spike_recovery_pct, duplicate_rpd_pct;
    std::size_t sample_index = 0;  // into ParsedLabFile::samples
};

// A sampling event of the file: one site, date and time.
struct LabEvent {
    std::int64_t site_id = 0;
    std::string region_code;
    Date date;
    std::string time;
    std::string sampler;
    long first_row = 0;  // the first row naming it
};

// A sample of the file: one medium, matrix and depth at one event.
struct LabSample {
    std::size_t event_index = 0;  // into ParsedLabFile::events
    Medium medium = Medium::kWater;
    std::string matrix;
    std::optional<double> depth_m;
};

// The identity of a sample within its event, as stored: "medium|matrix|depth".
std::string SampleKey(Medium medium, std::string_view matrix, const std::optional<double>& depth_m);

struct ParsedLabFile {
    std::vector<LabEvent> events;    // distinct events of the valid rows, in order of first use
    std::vector<LabSample> samples;  // distinct samples of the valid rows, in order of first use
    std::vector<LabRow> rows;  // valid rows, in file order
    std::vector<Error> errors;  // at most context.max_errors, each with row and field (the file's column name)
    std::int64_t errors_omitted = 0;
};

// Checks every row: known site (in context.sites), date not after today, medium fitting the
// site, unit fitting the medium, CAS check digit, result form, limits positive with LOD ≤ LOQ,
// no negative value, no detected value of 0 or below its own LOD, no DNQ above its LOQ,
// QC values not negative, one sampler per sampling event, no row repeating another's site,
// date, time, medium, matrix, depth and CAS. Reasons: monitoring.site_unknown, .site_missing,
// .date_future, .time_format, .medium_missing, .medium_site, .unit_medium, .result_*,
// .value_negative, .value_zero, .detected_below_lod, .limit_missing, .limit_not_positive,
// .lod_above_loq, .dnq_above_loq, .qualifier_conflict, .qc_negative, .depth,
// .laboratory_missing, .sampler_conflict, .duplicate_row; and those of Date, CasNumber,
// ParseConcentrationUnit, ParseMedium, ParseQualifier and tabular::ParseNumberCell.
// Takes the table: each row's cells are moved out or freed once read, so that a large file is
// not held twice.
ParsedLabFile ParseLabRows(tabular::Table table, const LabColumns& columns, const LabFileContext& context);

}  // namespace npgov::monitoring
