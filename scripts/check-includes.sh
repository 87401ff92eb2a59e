#!/usr/bin/env bash
# Keeps third-party headers fenced (STYLE.md): each may be included only in its own corner of src/.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # check HEADER_REGEX ALLOWED_PATH_REGEX
    local bad
    bad=$(grep -rnE "#include <($1)" src apps | grep -vE "^($2)" || true)
    if [ -n "$bad" ]; then
        echo "check-includes: <$1> outside $2:" >&2
        echo "$bad" >&2
        status=1
    fi
}
check 'sqlite3\.h' 'src/store/sqlite/'
check 'libpq-fe\.h' 'src/store/postgres/'
check 'httplib\.h' 'src/http/'
check 'GraphMol/|RDGeneral/|inchi' 'src/engines/chem/'
check 'asio' 'src/hj212/'
check 'toml' 'src/config/'
check 'CLI/' 'src/cli/'
check 'sodium\.h' 'src/modules/auth/|src/modules/audit/'
check 'zip\.h|expat' 'src/engines/tabular/'
# No third-party types in the headers of core, engines and store (tl::expected excepted).
bad=$(grep -rnE '#include <(nlohmann|spdlog|fmt|httplib|sqlite3|libpq|sodium|toml|CLI|GraphMol|Eigen|boost)' \
      src/core src/engines src/store --include='*.hpp' 2>/dev/null || true)
if [ -n "$bad" ]; then
    echo "check-includes: third-party type in a core/engine/store header:" >&2
    echo "$bad" >&2
    status=1
fi
# spdlog never in core or engines (they are pure).
bad=$(grep -rln 'spdlog' src/core src/engines 2>/dev/null || true)
if [ -n "$bad" ]; then
    echo "check-includes: logging in pure code: $bad" >&2
    status=1
fi
[ $status -eq 0 ] && echo "check-includes: third-party headers are fenced"
exit $status
