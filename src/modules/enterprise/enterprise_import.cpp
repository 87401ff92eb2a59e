#include "modules/enterprise/enterprise_import.hpp"

#include <map>
#include <optional>

#include "core/text.hpp"
#include "core/uscc.hpp"
#include "engines/tabular/table.hpp"
#include "modules/enterprise/enterprise_rows.hpp"
#include "modules/enterprise/sheet_writer.hpp"
#include "store/transaction.hpp"

namespace npgov::enterprise {
namespace {

enum Col {
    kUscc, kName, kRegion, kIndustry, kPark, kAddress, kLatitude, kLongitude, kContactName, kContactPhone,
    kOnRoster, kKeyDischarge, kSoilKey, kCleanAudit, kColumnCount
};

struct ColumnSpec {
    const char* header;  // written by the export
    std::vector<std::string_view> aliases;
    bool required;
};

const ColumnSpec kSpecs[kColumnCount] = {
    {"统一社会信用代码", {"统一社会信用代码", "社会信用代码", "信用代码", "uscc"}, true},
    {"企业名称", {"企业名称", "单位名称", "企业(单位)名称", "名称", "name"}, true},
    {"区县", {"区县", "所在区县", "区县代码", "县区", "region_code", "county"}, true},
    {"行业代码", {"行业代码", "行业类别代码", "国民经济行业代码", "行业小类代码", "industry_code"}, true},
    {"园区", {"园区", "所在园区", "工业园区", "park"}, false},
    {"地址", {"地址", "详细地址", "生产地址", "address"}, false},
    {"纬度", {"纬度", "latitude", "lat"}, false},
    {"经度", {"经度", "longitude", "lon", "lng"}, false},
    {"联系人", {"联系人", "环保联系人", "contact_name", "contact"}, false},
    {"联系电话", {"联系电话", "电话", "手机", "contact_phone", "phone"}, false},
    {"纳入名录", {"纳入名录", "重点管控企业名录", "on_roster"}, false},
    {"重点排污单位", {"重点排污单位", "key_discharge_unit"}, false},
    {"土壤污染重点监管单位", {"土壤污染重点监管单位", "土壤重点监管单位", "soil_key_supervision"}, false},
    {"强制性清洁生产审核", {"强制性清洁生产审核", "强制清洁生产审核", "mandatory_clean_production_audit"}, false},
};

Error RowError(Error e, long row, const char* field) {
    e.row = row;
    if (e.field.empty()) e.field = field;
    return e;
}

Result<bool> ParseFlag(std::string_view cell, const char* field) {
    const std::string v = ToLowerAscii(Trim(NormalizeFullWidth(cell)));
    if (v.empty() || v == "否" || v == "n" || v == "no" || v == "0" || v == "false" || v == "×") return false;
    if (v == "是" || v == "y" || v == "yes" || v == "1" || v == "true" || v == "√") return true;
    return MakeError(ErrorCode::kInvalidArgument, "enterprise.flag",
                     std::string(field) + " 须填“是”或“否”，而不是“" + ToMessageSnippet(cell) + "”",
                     std::string(field) + " must be 是/否 (yes/no), not \"" + ToMessageSnippet(cell) + "\"", field);
}

// "C2614" (section letter of GB/T 4754) or "2614" → "2614".
std::string IndustryCode(std::string_view cell) {
    std::string code(Trim(cell));
    if (code.size() == 5 && code[0] >= 'A' && code[0] <= 'T') code.erase(0, 1);
    return code;
}

std::optional<double> CellNumber(const std::string& cell, Result<double>& parsed) {
    if (cell.empty()) return std::nullopt;
    parsed = tabular::ParseNumberCell(cell);
    if (!parsed) return std::nullopt;
    return *parsed;
}

std::string FormatName(const tabular::Table& table) {
    if (table.format == tabular::FileFormat::kXlsx) return "xlsx";
    return table.encoding == tabular::TextEncoding::kGbk ? "csv-gbk" : "csv-utf8";
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view text) {
    const std::string v = ToLowerAscii(Trim(text));
    if (v == "csv") return ExportFormat::kCsv;
    if (v == "xlsx" || v == "excel") return ExportFormat::kXlsx;
    return MakeError(ErrorCode::kInvalidArgument, "export.format", "导出格式须为 csv 或 xlsx",
                     "the export format must be csv or xlsx", "format");
}

Result<ImportReport> EnterpriseImporter::Import(std::string_view bytes, const ImportOptions& options,
                                                const std::string& actor) {
    tabular::ReadOptions read;
    read.full_width = tabular::FullWidth::kKeep;  // names keep "（演示）"; codes and numbers fold below
    read.expected_columns = {"统一社会信用代码"};
    auto table_or = tabular::ReadTable(bytes, read);
    if (!table_or && table_or.error().reason == "tabular.header_missing") {
        read.expected_columns = {"uscc"};
        table_or = tabular::ReadTable(bytes, read);
    }
    NPGOV_ASSIGN_OR_RETURN(tabular::Table table, std::move(table_or));
    std::optional<std::size_t> col[kColumnCount];
    std::string missing_zh, missing_en;
    for (int c = 0; c < kColumnCount; ++c) {
        for (auto alias : kSpecs[c].aliases) {
            if ((col[c] = table.FindColumn(alias))) break;
        }
        if (!col[c] && kSpecs[c].required) {
            missing_zh += (missing_zh.empty() ? "" : "、") + std::string(kSpecs[c].header);
            missing_en += (missing_en.empty() ? "" : ", ") + std::string(kSpecs[c].aliases.back());
        }
    }
    if (!missing_zh.empty()) {
        return MakeError(ErrorCode::kInvalidArgument, "enterprise_import.columns", "文件缺少必需的列：" + missing_zh,
                         "the file lacks required columns: " + missing_en, missing_en);
    }

    ImportReport report;
    report.format = FormatName(table);
    report.rows = static_cast<std::int64_t>(table.rows.size());
    auto add_error = [&](Error e) {
        if (report.errors.size() < kMaxImportErrors) {
            report.errors.push_back(std::move(e));
        } else {
            ++report.errors_omitted;
        }
    };

    internal::KnownCodes known;
    std::map<std::string, std::string> region_by_name;
    NPGOV_ASSIGN_OR_RETURN(auto regions, reference_.ListRegions());
    for (const auto& r : regions) {
        known.regions.insert(r.code);
        region_by_name[r.name_zh] = r.code;
    }
    NPGOV_ASSIGN_OR_RETURN(auto industries, reference_.ListIndustries());
    for (const auto& i : industries) known.industries.insert(i.code);

    NPGOV_ASSIGN_OR_RETURN(auto connection, db_.Acquire());
    NPGOV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(*connection));
    NPGOV_ASSIGN_OR_RETURN(auto stored_rows, connection->Query(std::string(internal::kSelectColumns)));
    std::map<std::string, Enterprise> stored;
    for (const auto& row : stored_rows.rows) {
        auto e = internal::FromRow(row);
        stored.emplace(e.uscc, std::move(e));
    }

    struct Planned {
        Enterprise before;  // id 0 for a new enterprise
        Enterprise after;
    };
    std::vector<Planned> planned;
    std::map<std::string, long> seen;  // USCC → first source row in this file
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r];
        const long row = table.source_rows[r];
        auto cell = [&](Col c) -> std::string { return col[c] ? std::string(Trim(cells[*col[c]])) : std::string(); };
        auto given = [&](Col c) { return col[c] && !Trim(cells[*col[c]]).empty(); };
        const std::size_t errors_before = report.errors.size() + static_cast<std::size_t>(report.errors_omitted);

        // A bad code is reported by ValidateEvery below, with the row's other problems.
        auto uscc = Uscc::Parse(cell(kUscc));
        const std::string code = uscc ? uscc->text() : cell(kUscc);
        if (auto [it, fresh] = seen.emplace(code, row); uscc && !fresh) {
            add_error(MakeError(ErrorCode::kAlreadyExists, "enterprise_import.duplicate",
                                "统一社会信用代码 " + uscc->text() + " 在文件中重复（第 " + std::to_string(it->second) + " 行已有）",
                                "the unified social credit code " + uscc->text() + " appears twice in the file (first in row " +
                                    std::to_string(it->second) + ")",
                                "uscc")
                          .value());
            report.errors.back().row = row;
            continue;
        }
        const auto existing = stored.find(code);
        const bool update = existing != stored.end() && options.mode == ImportMode::kUpsert;
        if (existing != stored.end() && !update) {
            add_error(RowError(MakeError(ErrorCode::kAlreadyExists, "enterprise.uscc_taken",
                                         "统一社会信用代码 " + uscc->text() + " 已登记（企业编号 " +
                                             std::to_string(existing->second.id) + "）",
                                         "the unified social credit code " + uscc->text() +
                                             " is already registered (enterprise " + std::to_string(existing->second.id) + ")",
                                         "uscc")
                                   .value(),
                               row, "uscc"));
            continue;
        }
        const Enterprise base = update ? existing->second : Enterprise{};
        NewEnterprise input{code, base.name, base.region_code, base.industry_code, base.address,
                            base.latitude, base.longitude, base.synthetic, base.park, base.contact_name,
                            base.contact_phone, base.flags};
        if (given(kName) || !update) input.name = cell(kName);
        if (given(kRegion) || !update) {
            input.region_code = NormalizeFullWidth(cell(kRegion));
            if (auto by_name = region_by_name.find(input.region_code); by_name != region_by_name.end()) {
                input.region_code = by_name->second;
            }
        }
        if (given(kIndustry) || !update) input.industry_code = IndustryCode(NormalizeFullWidth(cell(kIndustry)));
        if (given(kPark) || !update) input.park = cell(kPark);
        if (given(kAddress) || !update) input.address = cell(kAddress);
        if (given(kContactName) || !update) input.contact_name = cell(kContactName);
        if (given(kContactPhone) || !update) input.contact_phone = cell(kContactPhone);
        if (given(kLatitude) || given(kLongitude) || !update) {
            Result<double> lat_parsed = 0.0, lon_parsed = 0.0;
            input.latitude = CellNumber(cell(kLatitude), lat_parsed);
            input.longitude = CellNumber(cell(kLongitude), lon_parsed);
            if (!lat_parsed) add_error(RowError(lat_parsed.error(), row, "latitude"));
            if (!lon_parsed) add_error(RowError(lon_parsed.error(), row, "longitude"));
            if (!lat_parsed || !lon_parsed) continue;
        }
        bool* flags[] = {&input.flags.on_roster, &input.flags.key_discharge_unit, &input.flags.soil_key_supervision,
                         &input.flags.mandatory_clean_production_audit};
        for (int f = 0; f < 4; ++f) {
            const Col c = static_cast<Col>(kOnRoster + f);
            if (!given(c) && update) continue;
            auto flag = ParseFlag(cell(c), kSpecs[c].header);
            if (!flag) {
                add_error(RowError(flag.error(), row, kSpecs[c].header));
            } else {
                *flags[f] = *flag;
            }
        }
        auto checked = internal::ValidateEvery(input, reference_, &known);
        for (auto& error : checked.errors) add_error(RowError(std::move(error), row, ""));
        if (report.errors.size() + static_cast<std::size_t>(report.errors_omitted) != errors_before) continue;
        Planned plan{base, *checked.enterprise};
        plan.after.id = base.id;
        plan.after.created_at = base.created_at;
        plan.after.updated_at = base.updated_at;
        if (update && internal::ToAuditJson(plan.after) == internal::ToAuditJson(base)) {
            ++report.unchanged;
            continue;
        }
        planned.push_back(std::move(plan));
    }
    if (!report.errors.empty() || options.dry_run) {
        for (const auto& p : planned) ++(p.before.id ? report.updated : report.created);
        return report;
    }

    const std::string now = clock_.Now().ToIsoString();
    for (auto& p : planned) {
        p.after.updated_at = now;
        if (p.before.id == 0) {
            p.after.created_at = now;
            const auto params = internal::InsertParams(p.after);
            NPGOV_ASSIGN_OR_RETURN(auto rows, connection->Query(internal::kInsert, params));
            p.after.id = rows.rows.at(0).Int(0);
            NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "enterprise.create", "enterprise",
                                                              std::to_string(p.after.id), std::nullopt,
                                                              internal::ToAuditJson(p.after).dump()}));
            ++report.created;
        } else {
            const auto& e = p.after;
            const std::vector<store::Value> update = {
                e.name, e.region_code, e.industry_code, e.address, store::ToValue(e.latitude),
                store::ToValue(e.longitude), e.park, e.contact_name, e.contact_phone, std::int64_t{e.flags.on_roster},
                std::int64_t{e.flags.key_discharge_unit}, std::int64_t{e.flags.soil_key_supervision},
                std::int64_t{e.flags.mandatory_clean_production_audit}, e.updated_at, e.id};
            NPGOV_RETURN_IF_ERROR(connection->Execute(
                "UPDATE enterprises SET name = ?, region_code = ?, industry_code = ?, address = ?, latitude = ?, "
                "longitude = ?, park = ?, contact_name = ?, contact_phone = ?, on_roster = ?, key_discharge_unit = ?, "
                "soil_key_supervision = ?, mandatory_clean_production_audit = ?, updated_at = ? WHERE id = ?",
                update));
            NPGOV_RETURN_IF_ERROR(audit_.Append(*connection, {actor, "enterprise.update", "enterprise", std::to_string(e.id),
                                                              internal::ToAuditJson(p.before).dump(),
                                                              internal::ToAuditJson(e).dump()}));
            ++report.updated;
        }
    }
    NPGOV_RETURN_IF_ERROR(tx.Commit());
    report.committed = true;
    return report;
}

Result<std::string> EnterpriseImporter::Export(const EnterpriseScope& scope, ExportFormat format) {
    NPGOV_ASSIGN_OR_RETURN(auto all, registry_.ListAll(scope));
    NPGOV_ASSIGN_OR_RETURN(auto regions, reference_.ListRegions());
    NPGOV_ASSIGN_OR_RETURN(auto industries, reference_.ListIndustries());
    std::map<std::string, std::string> region_names, industry_names;
    for (const auto& r : regions) region_names[r.code] = r.name_zh;
    for (const auto& i : industries) industry_names[i.code] = i.name_zh;
    sheet::Sheet out;
    out.name = "企业名录";
    const double widths[kColumnCount] = {22, 36, 10, 10, 20, 36, 10, 10, 10, 16, 10, 10, 12, 12};
    for (int c = 0; c < kColumnCount; ++c) {
        out.columns.push_back({kSpecs[c].header, widths[c], c >= kOnRoster ? std::vector<std::string>{"是", "否"}
                                                                            : std::vector<std::string>{}});
        if (c == kRegion) out.columns.push_back({"区县名称", 12, {}});
        if (c == kIndustry) out.columns.push_back({"行业名称", 24, {}});
    }
    out.columns.push_back({"演示数据", 8, {}});
    auto yes_no = [](bool b) { return sheet::Cell(std::string(b ? "是" : "否")); };
    auto number = [](const std::optional<double>& v) { return v ? sheet::Cell(*v) : sheet::Cell(); };
    for (const auto& e : all) {
        out.rows.push_back({e.uscc, e.name, e.region_code, region_names[e.region_code], e.industry_code,
                            industry_names[e.industry_code], e.park, e.address, number(e.latitude), number(e.longitude),
                            e.contact_name, e.contact_phone, yes_no(e.flags.on_roster),
                            yes_no(e.flags.key_discharge_unit), yes_no(e.flags.soil_key_supervision),
                            yes_no(e.flags.mandatory_clean_production_audit), yes_no(e.synthetic)});
    }
    if (format == ExportFormat::kCsv) return sheet::ToCsv(out);
    return sheet::ToXlsx({out});
}

}  // namespace npgov::enterprise
