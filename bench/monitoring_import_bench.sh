#!/usr/bin/env bash
# Import rate of `npgov monitoring import` for a generated lab file of 1,000,000 results in
# 10,000 site × substance groups (1,000 sites × 10 substances × 100 sampling dates; about 60 %
# non-detects written as "<2", "ND", "未检出"; three detection limits), into SQLite and, with
# PG=1, into a throwaway PostgreSQL 15 (scripts/pg-temp.sh). Per backend: a dry run (read,
# decode, check every row, look up stored events; nothing written), the import itself (the same
# plus the writes of 100,000 events, 100,000 samples and 1,000,000 results in one transaction
# with one audit entry), and the same file again (refused as a duplicate by its SHA-256). Wall
# time and peak memory by /usr/bin/time. Builds nothing: pass Release binaries.
#
#   NPGOV_BIN=build/monitoring-release/apps/npgov/npgov \
#   PREP_BIN=build/monitoring-release/bench/npgov_monitoring_import_bench PG=1 bench/monitoring_import_bench.sh
#
# Environment (defaults): NPGOV_BIN (build/release/apps/npgov/npgov), PREP_BIN
# (build/release/bench/npgov_monitoring_import_bench), SITES (1000), SUBSTANCES (10), DATES (100),
# PG (0), OUT (bench/results/monitoring_import.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npgov_bin="${NPGOV_BIN:-$repo/build/release/apps/npgov/npgov}"
prep_bin="${PREP_BIN:-$repo/build/release/bench/npgov_monitoring_import_bench}"
sites="${SITES:-1000}"
substances="${SUBSTANCES:-10}"
dates="${DATES:-100}"
pg="${PG:-0}"
out="${OUT:-$repo/bench/results/monitoring_import.md}"

for bin in "$npgov_bin" "$prep_bin"; do
    [[ -x "$bin" ]] || { echo "monitoring_import_bench.sh: not an executable: $bin (build it first)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "monitoring_import_bench.sh: /usr/bin/time is required (Debian package time)" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-monimport.XXXXXX")"
pg_dir="$tmp/pg"
chmod 755 "$tmp"  # scripts/pg-temp.sh runs the server as the postgres user when we are root
cleanup() {
    if [[ -d "$pg_dir" ]]; then "$repo/scripts/pg-temp.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

rows=()
# timed NAME CMD… — runs CMD under /usr/bin/time; sets $seconds (wall), $cpu (user + system
# seconds of the npgov process; the database server's own CPU is not included), $rss_mb,
# $status; stdout in $tmp/NAME.out
timed() {
    local name=$1
    shift
    set +e
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
    set -e
    local user sys
    read -r seconds rss_kb user sys < <(tail -n 1 "$tmp/$name.time")  # "Command exited with …" may precede
    rss_mb=$((rss_kb / 1024))
    cpu=$(python3 -c "print(round($user + $sys, 2))")
}
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))$2)" "$1"; }

# run_backend LABEL URL
run_backend() {
    local label=$1 url=$2
    local file="$tmp/results.csv" config="$tmp/$label.toml"
    printf 'log_level = "warn"\ndata_dir = "%s/data"\n[database]\nurl = "%s"\n' "$repo" "$url" >"$config"
    echo "== $label: preparing (migrate, reference data, $sites sites, file)"
    "$prep_bin" --url "$url" --data-dir "$repo/data" --out "$file" --sites "$sites" --substances "$substances" \
        --dates "$dates" >"$tmp/prep.json"
    cat "$tmp/prep.json"
    local results censored_share bytes
    results=$(json_field "$tmp/prep.json" "['results']")
    censored_share=$(json_field "$tmp/prep.json" "['censored_share']")
    bytes=$(stat -c %s "$file")

    timed "$label-dry" "$npgov_bin" --config "$config" monitoring import "$file" --dry-run --json
    [[ $status -eq 0 ]] || { echo "dry run failed:"; head -c 2000 "$tmp/$label-dry.out" "$tmp/$label-dry.err"; exit 1; }
    local dry_s=$seconds dry_cpu=$cpu
    echo "dry run: ${dry_s}s wall, ${dry_cpu}s CPU, ${rss_mb} MB"

    timed "$label-import" "$npgov_bin" --config "$config" monitoring import "$file" --json
    [[ $status -eq 0 ]] || { echo "import failed:"; head -c 2000 "$tmp/$label-import.out" "$tmp/$label-import.err"; exit 1; }
    local import_s=$seconds import_cpu=$cpu import_mb=$rss_mb stored
    stored=$(json_field "$tmp/$label-import.out" "['results']")
    [[ "$stored" == "$results" ]] || { echo "stored $stored results, expected $results" >&2; exit 1; }
    echo "import: ${import_s}s wall, ${import_cpu}s CPU, ${import_mb} MB, $stored results"

    timed "$label-summary" "$npgov_bin" --config "$config" monitoring summary --json
    [[ $status -eq 0 ]] || { echo "summary failed:"; head -c 2000 "$tmp/$label-summary.err"; exit 1; }
    local summary_s=$seconds summary_cpu=$cpu groups estimated
    groups=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$tmp/$label-summary.out")
    estimated=$(python3 -c "import json,sys; print(sum(1 for g in json.load(open(sys.argv[1])) if 'refused' not in g['kaplan_meier']))" "$tmp/$label-summary.out")
    echo "summaries of $groups groups ($estimated with a Kaplan-Meier estimate): ${summary_s}s wall, ${summary_cpu}s CPU"

    timed "$label-again" "$npgov_bin" --config "$config" monitoring import "$file" --json
    [[ $status -eq 65 ]] || { echo "re-import exited $status, expected 65 (duplicate)" >&2; exit 1; }
    grep -q '"monitoring.import_duplicate"' "$tmp/$label-again.out" || { echo "re-import not refused as duplicate" >&2; exit 1; }
    local again_s=$seconds
    echo "same file again: refused in ${again_s}s"

    local rate cpu_rate
    rate=$(python3 -c "print(round($results / $import_s))")
    cpu_rate=$(python3 -c "print(round($results / $import_cpu))")
    rows+=("| $label | $results | $(python3 -c "print(round($censored_share * 100, 1))") % | $((bytes / 1048576)) | $dry_s / $dry_cpu | $import_s / $import_cpu | $rate | $cpu_rate | $import_mb | $again_s | $summary_s / $summary_cpu ($groups groups, $estimated KM) |")
    rm -f "$file"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
run_backend sqlite "sqlite:$tmp/npgov.db"
sqlite_size=$(du -m "$tmp/npgov.db" | cut -f1)
pg_version=""
if [[ "$pg" == 1 ]]; then
    url="$("$repo/scripts/pg-temp.sh" start "$pg_dir")"
    pg_version="$(psql "$url" -Atc 'SHOW server_version')"
    run_backend postgresql "$url"
fi

commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
    echo "# Monitoring lab-file import: 1,000,000 results"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit (working tree); Release build"
    echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr); load average before the run $load_before (other engineers' builds share the machine)"
    echo "- File: $sites sites × $substances substances × $dates sampling dates (UTF-8 CSV, Chinese headers, generated by bench/monitoring_import.cpp, seed fixed), one water sample per site and date"
    echo "- \`npgov monitoring import FILE --json\` (one process, reads the file, tabular engine, every row checked, one transaction); SQLite in WAL with synchronous=NORMAL, database file ${sqlite_size} MB afterwards${pg_version:+; PostgreSQL $pg_version from scripts/pg-temp.sh (fsync off, loopback TCP)}"
    echo "- dry run = read + decode + check every row + look up stored events, nothing written; import = the same plus writing $((sites * dates)) events, as many samples, and the results with their indexes, the audit entry and the commit; again = the same file re-imported, refused by its SHA-256 before parsing"
    echo "- times: wall / CPU seconds (user + system of the npgov process; PostgreSQL's server CPU not included). The machine is shared: wall times include waiting for the CPU (see the load average), CPU times do not"
    echo "- summaries = \`npgov monitoring summary --json\` over the stored results: every site × substance group's detection frequency, Kaplan-Meier, ROS, LOD/2 (ResultReader::ForEachSummary, one query per hundred sites, stats engine per group), JSON of all groups written"
    echo
    echo "| backend | results | non-detects | file MB | dry run (s wall / CPU) | import (s wall / CPU) | results/s (wall) | results per CPU-s | peak RSS (MB) | again (s) | summaries (s wall / CPU) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
} >"$out"
echo
cat "$out"
