#include "engines/tabular/zip_archive.hpp"

#include <zip.h>

#include <array>
#include <cstdint>

#include "engines/tabular/errors.hpp"

namespace npgov::tabular {

struct ZipArchive::Impl {
    zip_t* archive = nullptr;
    std::size_t max_inflated = 0;
    std::size_t inflated = 0;

    ~Impl() {
        if (archive != nullptr) zip_discard(archive);  // read-only: nothing to write back
    }
};

namespace {

Error ZipBombError(std::size_t max_inflated) {
    return MakeTabularError(ErrorCode::kResourceExhausted, "tabular.too_large",
                            "工作簿解压后超过 " + std::to_string(max_inflated >> 20) +
                                " MiB，无法读取（可能是压缩炸弹或表格过大）",
                            "the workbook inflates to more than " + std::to_string(max_inflated >> 20) +
                                " MiB (a zip bomb, or a table too large to import)");
}

// Index of `name` in the archive, exact or ignoring case, or -1.
zip_int64_t Locate(zip_t* archive, const std::string& name) {
    zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
    if (index < 0) index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    return index;
}

}  // namespace

ZipArchive::ZipArchive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::Open(std::string_view bytes, std::size_t max_inflated_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        zip_error_fini(&error);
        return tl::unexpected(XlsxCorruptError("zip", "无法读取", "cannot be read"));
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
        zip_source_free(source);
        const std::string why = zip_error_strerror(&error);
        zip_error_fini(&error);
        return tl::unexpected(XlsxCorruptError("zip", "压缩包损坏或不完整（" + why + "）",
                                               "damaged or truncated archive (" + why + ")"));
    }
    zip_error_fini(&error);
    auto impl = std::make_unique<Impl>();
    impl->archive = archive;
    impl->max_inflated = max_inflated_bytes;
    return ZipArchive(std::move(impl));
}

bool ZipArchive::Contains(const std::string& name) const { return Locate(impl_->archive, name) >= 0; }

std::size_t ZipArchive::inflated_bytes() const { return impl_->inflated; }

Status ZipArchive::Read(const std::string& name, const std::function<Status(std::string_view)>& sink) {
    const zip_int64_t index = Locate(impl_->archive, name);
    if (index < 0) {
        return tl::unexpected(XlsxCorruptError(name, "缺少该部件", "part missing"));
    }
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        return tl::unexpected(XlsxCorruptError(name, "目录项损坏", "damaged directory entry"));
    }
    const std::size_t budget = impl_->max_inflated - impl_->inflated;
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > budget) {
        return tl::unexpected(ZipBombError(impl_->max_inflated));
    }
    zip_file_t* file = zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
    if (file == nullptr) {
        const std::string why = zip_error_strerror(zip_get_error(impl_->archive));
        return tl::unexpected(
            XlsxCorruptError(name, "无法解压（" + why + "）", "cannot inflate (" + why + ")"));
    }
    std::array<char, 1 << 16> buffer;
    Status status = Ok();
    while (true) {
        const zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
        if (n < 0) {
            const std::string why = zip_error_strerror(zip_file_get_error(file));
            status = tl::unexpected(
                XlsxCorruptError(name, "数据损坏（" + why + "）", "damaged data (" + why + ")"));
            break;
        }
        if (n == 0) break;
        impl_->inflated += static_cast<std::size_t>(n);
        if (impl_->inflated > impl_->max_inflated) {
            status = tl::unexpected(ZipBombError(impl_->max_inflated));
            break;
        }
        status = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        if (!status) break;
    }
    zip_fclose(file);
    return status;
}

}  // namespace npgov::tabular
