// Bulk import and export of the enterprise registry as CSV (UTF-8 or GBK) or .xlsx. An import
// checks every row, reports every problem at once (row and column named) and stores all rows
// or none, one audit entry per enterprise created or changed, in one transaction.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/enterprise/enterprise_registry.hpp"
#include "modules/reference/reference.hpp"
#include "store/database.hpp"

namespace npgov::enterprise {

// Header names written by the export and recognised (with aliases, see the .cpp) by the import.
// Required: 统一社会信用代码, 企业名称, 区县 (code or Chinese name), 行业代码 (GB/T 4754-2017 class,
// an optional section letter "C2614" accepted). Optional: 园区, 地址, 纬度, 经度, 联系人, 联系电话,
// and the flags 纳入名录, 重点排污单位, 土壤污染重点监管单位, 强制性清洁生产审核 (是/否, Y/N, 1/0;
// blank = 否).
inline constexpr std::size_t kMaxImportErrors = 1000;

enum class ImportMode {
    kCreateOnly,  // a USCC already registered is an error ("enterprise.uscc_taken")
    kUpsert,      // a USCC already registered updates that enterprise (blank optional cells keep values)
};

struct ImportOptions {
    ImportMode mode = ImportMode::kCreateOnly;
    bool dry_run = false;  // validate only
};

struct ImportReport {
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::vector<Error> errors;  // every problem (row = source row, field = column); nothing stored if any
    std::int64_t errors_omitted = 0;  // beyond kMaxImportErrors
    bool committed = false;
    std::string format;  // "csv-utf8", "csv-gbk" or "xlsx"
};

enum class ExportFormat { kCsv, kXlsx };
// Errors: kInvalidArgument "export.format" (field "format").
Result<ExportFormat> ParseExportFormat(std::string_view text);

class EnterpriseImporter {
public:
    EnterpriseImporter(store::Database& db, EnterpriseRegistry& registry, reference::ReferenceData& reference,
                       audit::AuditLog& audit, const Clock& clock)
        : db_(db), registry_(registry), reference_(reference), audit_(audit), clock_(clock) {}

    // Reads and imports `bytes`. Row problems are in the report (committed = false); the
    // error return is for a file that cannot be read at all: those of tabular::ReadTable,
    // kInvalidArgument "enterprise_import.columns" (required columns missing), store errors.
    Result<ImportReport> Import(std::string_view bytes, const ImportOptions& options, const std::string& actor);

    // Every enterprise in `scope` in the import's column layout (re-importable), with region
    // and industry names beside the codes.
    Result<std::string> Export(const EnterpriseScope& scope, ExportFormat format);

private:
    store::Database& db_;
    EnterpriseRegistry& registry_;
    reference::ReferenceData& reference_;
    audit::AuditLog& audit_;
    const Clock& clock_;
};

}  // namespace npgov::enterprise
