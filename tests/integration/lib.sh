# Shared by the CLI test scripts: `source "$(dirname "$0")/lib.sh" "$@"` after `set -uo pipefail`.
# Sets bin (the npgov executable, $1), root (the repository, $2, also the working directory) and
# tmp (a scratch directory removed at exit unless KEEP_TMP is set, background jobs killed), and
# defines the checks below. A script ends with `finish`.
bin=$(realpath "$1")
cd "$2" || exit 70
root=$(pwd)
tmp=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; [ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
expect_exit() {  # expect_exit NAME CODE cmd... — runs cmd, its stdout/stderr kept for the checks below
    local name=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then ok "$name"; else fail "$name (exit $got, wanted $want): $(cat "$tmp/out" "$tmp/err" | head -5)"; fi
}
expect_out() {  # expect_out NAME PATTERN — last command's stdout matches
    if grep -qE -- "$2" "$tmp/out"; then ok "$1"; else fail "$1: stdout lacks /$2/: $(head -c 400 "$tmp/out")"; fi
}
expect_err() {  # expect_err NAME PATTERN — last command's stderr matches
    if grep -qE -- "$2" "$tmp/err"; then ok "$1"; else fail "$1: stderr lacks /$2/: $(head -c 400 "$tmp/err")"; fi
}
expect_any() {  # expect_any NAME PATTERN — last command's stdout or stderr matches
    if cat "$tmp/out" "$tmp/err" | grep -qE -- "$2"; then ok "$1"; else fail "$1: output lacks /$2/: $(cat "$tmp/out" "$tmp/err" | head -5)"; fi
}
json_get() {  # json_get EXPR — a Python expression on the last stdout parsed as `j`
    python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($1)" "$tmp/out"
}
sql() { sqlite3 "$tmp/npgov.db" "$1"; }  # on the script's SQLite database at $tmp/npgov.db
expect_sql() {  # expect_sql NAME QUERY WANT
    local got
    got=$(sql "$2")
    if [ "$got" = "$3" ]; then ok "$1"; else fail "$1: $2 gave '$got', wanted '$3'"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
