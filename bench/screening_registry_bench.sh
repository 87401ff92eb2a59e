#!/usr/bin/env bash
# Screening of the whole registry through the database (modules/assessment), at several registry
# sizes (default 1,000, 10,000 and 50,000 synthetic substances beside the ~100 seed substances),
# on SQLite and, with PG=1, on a throwaway PostgreSQL 15 (scripts/pg-temp.sh). For each size the
# driver bench/screening_registry_bench.cpp prepares a fresh database through the modules — lists,
# registry (every second substance with a structure), hazard records (log Kow 20 %, water
# half-life 10 %, BCF 5 %, an acute base set 1 %), ENTERPRISES enterprises × LINES approved
# survey lines of 2024 over up to 5,000 substances, SITES sites × 50 substances × 12 monthly
# results — and times two runs: cold (structure rules evaluated for every structure) and warm
# (structure matches read from the cache). Writes bench/results/screening_registry.md.
#
#   PREP_BIN=build/helper-f/bench/npgov_screening_registry_bench PG=1 bench/screening_registry_bench.sh
#
# Environment (defaults): PREP_BIN (build/release/bench/npgov_screening_registry_bench), SIZES
# ("1000 10000 50000"), ENTERPRISES (500), LINES (40), SITES (100), PG (0), OUT
# (bench/results/screening_registry.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prep_bin="${PREP_BIN:-$repo/build/release/bench/npgov_screening_registry_bench}"
sizes="${SIZES:-1000 10000 50000}"
enterprises="${ENTERPRISES:-500}"
lines="${LINES:-40}"
sites="${SITES:-100}"
pg="${PG:-0}"
out="${OUT:-$repo/bench/results/screening_registry.md}"

[[ -x "$prep_bin" ]] || { echo "screening_registry_bench.sh: not an executable: $prep_bin (build it first)" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-screenbench.XXXXXX")"
pg_dir="$tmp/pg"
chmod 755 "$tmp"  # scripts/pg-temp.sh runs the server as the postgres user when we are root
cleanup() {
    if [[ -d "$pg_dir" ]]; then "$repo/scripts/pg-temp.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

results="$tmp/results.jsonl"
: >"$results"
run_size() {  # run_size URL N
    "$prep_bin" --url "$1" --data-dir "$repo/data" --substances "$2" --enterprises "$enterprises" --lines "$lines" \
        --sites "$sites" --runs 2 >>"$results"
}

for n in $sizes; do
    echo "sqlite, $n substances…" >&2
    run_size "sqlite:$tmp/sqlite_$n.db" "$n"
done
if [[ "$pg" == 1 ]]; then
    url=$("$repo/scripts/pg-temp.sh" start "$pg_dir" | tail -n 1)
    for n in $sizes; do
        echo "postgresql, $n substances…" >&2
        psql "$url" -q -c "CREATE DATABASE screenbench_$n" >/dev/null
        run_size "${url%/*}/screenbench_$n" "$n"
    done
fi

python3 - "$results" "$out" "$enterprises" "$lines" "$sites" <<'PY'
import json, math, platform, subprocess, sys
path, out, enterprises, lines, sites = sys.argv[1:6]
rows = [json.loads(l) for l in open(path) if l.strip()]
cpu = ""
try:
    cpu = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")][0]
except Exception:
    pass
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
load = open("/proc/loadavg").read().split()[0]

def ms(r, k):
    return r["timings_ms"].get(k, 0.0)

out_lines = [
    "# Screening the whole registry through the database",
    "",
    "`bench/screening_registry_bench.sh` (driver `bench/screening_registry_bench.cpp`): a fresh",
    "database per size, prepared through the modules; then `ScreeningRuns::Run` twice — **cold**",
    "(every structure's list rules evaluated with RDKit and cached) and **warm** (structure matches",
    "read from the cache). Times are the run's wall time and its phases (from the run's stored",
    "summary). Every run gathers the hazard profiles, list memberships, survey totals (2 grouping",
    "queries), monitoring aggregates (1 grouping query) and assessment PNECs, screens, and stores",
    "one row per substance with its evidence in one transaction.",
    "",
    f"Fixed city data at every size: {enterprises} enterprises × {lines} approved survey lines of 2024",
    f"over up to 5,000 substances; {sites} sites × 50 substances × 12 monthly results (about 40 % non-detects);",
    "hazard records for a third of the substances; half of the registry with a structure.",
    "",
    f"Machine: {cpu}, {cores} cores, load average {load} when the table was written (the machine",
    "was shared with other builds; the figures are upper bounds).",
    "",
    "| backend | registry | run | total s | substances | hazard | lists | survey | monitoring | facts + digest | engine | store rows | peak RSS MB |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for r in rows:
    out_lines.append(
        f"| {r['backend']} | {r['registry']:,} | {'cold' if r['run'] == 1 else 'warm'} | {r['seconds']:.2f} | "
        f"{ms(r,'substances')/1000:.2f} | {ms(r,'hazard')/1000:.2f} | {ms(r,'lists')/1000:.2f} | {ms(r,'survey')/1000:.2f} | "
        f"{ms(r,'monitoring')/1000:.2f} | {ms(r,'facts')/1000:.2f} | {ms(r,'screen')/1000:.2f} | {ms(r,'store_rows')/1000:.2f} | "
        f"{r['peak_rss_mb']:.0f} |")
out_lines += ["", "Phases in seconds. Growth (warm runs): the exponent b of time ∝ n^b between consecutive sizes.", ""]
for backend in sorted({r["backend"] for r in rows}):
    warm = sorted((r for r in rows if r["backend"] == backend and r["run"] == 2), key=lambda r: r["registry"])
    parts = []
    for a, b in zip(warm, warm[1:]):
        e = math.log(b["seconds"] / a["seconds"]) / math.log(b["registry"] / a["registry"])
        parts.append(f"{a['registry']:,} → {b['registry']:,}: b = {e:.2f}")
    if warm:
        per = warm[-1]["seconds"] / warm[-1]["registry"] * 1e6
        parts.append(f"{per:.0f} µs per substance at {warm[-1]['registry']:,}")
    out_lines.append(f"- {backend}: " + "; ".join(parts))
setup = [r for r in rows if r["run"] == 1]
out_lines += ["", "Setup (not part of the run): " + "; ".join(
    f"{r['backend']} {r['registry']:,}: {r['setup_seconds']:.0f} s, of which registry import {r['substance_import_seconds']:.0f} s"
    for r in setup), ""]
open(out, "w").write("\n".join(out_lines))
print("\n".join(out_lines))
PY
