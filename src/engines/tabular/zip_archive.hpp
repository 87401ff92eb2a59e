// Read access to a ZIP archive held in memory (the container of an .xlsx workbook), with a
// budget on the bytes inflated so that a small upload cannot expand without bound (a "zip
// bomb"). Internal to the engine; wraps libzip, whose types stay in the .cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace npgov::tabular {

class ZipArchive {
public:
    // Opens the archive in `bytes`, which must outlive the ZipArchive (not copied). Entries
    // read may inflate to at most `max_inflated_bytes` in total. Errors: kInvalidArgument
    // "tabular.xlsx_corrupt" (not a readable ZIP archive).
    static Result<ZipArchive> Open(std::string_view bytes, std::size_t max_inflated_bytes);

    ZipArchive(ZipArchive&&) noexcept;
    ZipArchive& operator=(ZipArchive&&) noexcept;
    ~ZipArchive();

    // Returns true if an entry has this name (exact, else ignoring ASCII case).
    bool Contains(const std::string& name) const;

    // Passes the inflated bytes of entry `name` to `sink`, in order, in chunks; an error from
    // the sink stops reading and is returned. Errors: "tabular.xlsx_corrupt" (no such entry,
    // damaged or encrypted data, CRC mismatch), kResourceExhausted "tabular.too_large" (the
    // budget is spent; checked against the declared size first, then the bytes inflated).
    Status Read(const std::string& name, const std::function<Status(std::string_view)>& sink);

    // Bytes inflated so far, over all reads.
    std::size_t inflated_bytes() const;

private:
    struct Impl;
    explicit ZipArchive(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace npgov::tabular
