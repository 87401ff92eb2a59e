#!/usr/bin/env bash
# Kaplan-Meier summaries (mean, SE, median, P90, P95) of 1,000,000 results in 10,000
# site×substance groups (about 60 % non-detects, 2–3 detection limits per group): npgov's stats
# engine (bench/stats_km.cpp, one thread) against R's survival package on flipped data
# (bench/stats_km.R: split the data by group, one survfit per group), on the same generated file
# in the same run; then checks that the numbers agree group by group. Builds nothing: pass the
# driver built in Release.
#
#   KM_BIN=build/bench/bench/npgov_stats_km_bench bench/stats_km_bench.sh
#
# Environment (defaults): KM_BIN (build/release/bench/npgov_stats_km_bench), N_GROUPS (10000),
# PER_GROUP (100), SEED (2023), REPEAT (3 npgov runs; R runs once per method),
# R_METHODS ("split"; add "strata" for one stratified survfit — its quantile.survfit subsets the
# fit once per stratum, which is quadratic in the number of groups: with 10,000 groups it had not
# finished after 15 minutes), OUT (bench/results/stats_km.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
km_bin="${KM_BIN:-$repo/build/release/bench/npgov_stats_km_bench}"
groups="${N_GROUPS:-10000}"
per_group="${PER_GROUP:-100}"
seed="${SEED:-2023}"
repeat="${REPEAT:-3}"
r_methods="${R_METHODS:-split}"
out="${OUT:-$repo/bench/results/stats_km.md}"

[[ -x "$km_bin" ]] || { echo "stats_km_bench.sh: not an executable: $km_bin (build npgov_stats_km_bench first)" >&2; exit 2; }
command -v Rscript >/dev/null || { echo "stats_km_bench.sh: Rscript is required (r-base-core, r-cran-survival)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "stats_km_bench.sh: python3 is required" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-km.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
input="$tmp/results.csv"

field() { sed -n "s/.*$1=\([0-9.e+-]*\).*/\1/p" <<<"$2"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
gen_log="$("$km_bin" generate --out "$input" --groups "$groups" --per-group "$per_group" --seed "$seed" 2>&1)"
echo "$gen_log"
rows=$(($(wc -l <"$input") - 1))

npgov_km=()
npgov_read=()
for i in $(seq "$repeat"); do
    line="$("$km_bin" km --input "$input" --out "$tmp/npgov.csv")"
    echo "npgov run $i: $line"
    npgov_km+=("$(field km_seconds "$line")")
    npgov_read+=("$(field read_seconds "$line")")
done

declare -A r_km r_read
for method in $r_methods; do
    line="$(Rscript "$repo/bench/stats_km.R" "$input" "$tmp/r_$method.csv" "$method")"
    echo "R $method: $line"
    r_km[$method]="$(field km_seconds "$line")"
    r_read[$method]="$(field read_seconds "$line")"
done

# Agreement, group by group: max absolute and relative difference per statistic, NA mismatches.
compare() {
    python3 - "$tmp/npgov.csv" "$1" <<'PY'
import csv, math, sys
a = {r["group"]: r for r in csv.DictReader(open(sys.argv[1]))}
b = {r["group"]: r for r in csv.DictReader(open(sys.argv[2]))}
assert a.keys() == b.keys(), "group sets differ"
cells = []
for stat in ("mean", "se", "median", "p90", "p95"):
    max_abs = max_rel = 0.0
    na_mismatch = 0
    for g in a:
        x, y = a[g][stat], b[g][stat]
        if x == "NA" or y == "NA":
            na_mismatch += (x != y)
            continue
        x, y = float(x), float(y)
        max_abs = max(max_abs, abs(x - y))
        max_rel = max(max_rel, abs(x - y) / max(abs(y), 1e-300))
    cells.append(f"{stat}: {max_abs:.1e} / {max_rel:.1e}" + (f" ({na_mismatch} NA mismatches)" if na_mismatch else ""))
counts = sum(a[g]["n"] != b[g]["n"] or a[g]["detects"] != b[g]["detects"] for g in a)
na = sum(a[g]["median"] == "NA" for g in a)
print("; ".join(cells) + f" | n/detects mismatches: {counts} | groups without a median: {na}")
PY
}
declare -A agree
for method in $r_methods; do
    agree[$method]="$(compare "$tmp/r_$method.csv")"
    echo "agreement with R $method: ${agree[$method]}"
done

best() { printf '%s\n' "$@" | sort -g | head -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
npgov_best="$(best "${npgov_km[@]}")"
npgov_median="$(median "${npgov_km[@]}")"
ratio() { python3 -c "print(f'{$1 / $2:.3g}')"; }

{
    echo "# Kaplan-Meier summaries of 10,000 groups: npgov stats engine vs R survival"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average before the run $load_before"
    echo "- Input: $rows results in $groups groups (SplitMix64 seed $seed; $(sed -n 's/.*, \(.* censored\)/\1/p' <<<"$gen_log"); 2–3 detection limits per group), one CSV read by both"
    echo "- npgov: \`npgov_stats_km_bench km\` (Release, g++ $(g++ -dumpfullversion), one thread): stats::ComputeKaplanMeier per group; $repeat runs"
    echo "- R $(Rscript -e 'cat(R.version$major, R.version$minor, sep=".")' 2>/dev/null), survival $(Rscript -e 'cat(format(packageVersion("survival")))' 2>/dev/null): \`bench/stats_km.R\`, flipped data, conf.type = \"none\";"
    echo "  *split* = \`split()\` by group, then per group (\`mapply\`) one \`survfit(Surv(M - x, event) ~ 1)\`,"
    echo "  \`summary(fit, rmean = \"individual\")\$table\` and \`quantile(fit, c(.5, .1, .05))\` (M = group max + 1);"
    echo "  *strata* (when run) = one \`survfit(Surv(M - x, event) ~ group)\` for all groups (M = overall max + 1)"
    echo "- Times are the computation only (data already in memory and grouped); reading the CSV is listed apart."
    echo
    echo "| implementation | KM summaries of all groups (s) | ratio to npgov (best) | reading the CSV (s) |"
    echo "|---|---:|---:|---:|"
    echo "| npgov (best of $repeat) | $npgov_best | 1 | $(best "${npgov_read[@]}") |"
    echo "| npgov (median of $repeat) | $npgov_median |  |  |"
    for method in $r_methods; do
        echo "| R survival, $method | ${r_km[$method]} | $(ratio "${r_km[$method]}" "$npgov_best") | ${r_read[$method]} |"
    done
    echo
    echo "Agreement per statistic, max absolute / max relative difference over all groups (R flips"
    echo "with a constant M, which costs a few ulps of M; npgov works unflipped):"
    echo
    for method in $r_methods; do echo "- vs R $method: ${agree[$method]}"; done
} >"$out"
echo "wrote $out"
