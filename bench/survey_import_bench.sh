#!/usr/bin/env bash
# Import rate of `npgov survey import` for a generated 100,000-line survey file (the campaign
# template's CSV layout: CAS, name, activity, quantity with mixed units t/kg/吨, full-width digits
# and thousands commas in some cells, use categories, confidentiality) with full validation —
# CAS check digits, units, quantities, use categories, substance resolution through the
# substance registry, mass balance per substance, content hash — and storage of every line in
# one transaction with its audit entry. In the same run, on the same file, the baseline: the
# database's own bulk load of the same rows into a bare table of 12 text columns, no checks
# (`sqlite3 .import`; PostgreSQL `\copy … CSV`). Also: `--dry-run` (read and check every line,
# nothing stored) before the import, and the same file again after it (read and hash: recognised
# as unchanged before checking, nothing written). Wall time and peak memory by /usr/bin/time.
# Builds nothing: pass a Release binary.
#
#   NPGOV_BIN=build/survey-release/apps/npgov/npgov PG=1 bench/survey_import_bench.sh
#
# Environment (defaults): NPGOV_BIN (build/release/apps/npgov/npgov), LINES (100000), PG (0:
# SQLite only; 1: also a throwaway PostgreSQL 15 via scripts/pg-temp.sh), OUT
# (bench/results/survey_import.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npgov_bin="${NPGOV_BIN:-$repo/build/release/apps/npgov/npgov}"
lines="${LINES:-100000}"
pg="${PG:-0}"
out="${OUT:-$repo/bench/results/survey_import.md}"

[[ -x "$npgov_bin" ]] || { echo "survey_import_bench.sh: not an executable: $npgov_bin (build it first)" >&2; exit 2; }
for tool in sqlite3 python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "survey_import_bench.sh: $tool is required" >&2; exit 2; }
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-surveybench.XXXXXX")"
chmod 755 "$tmp"  # the throwaway PostgreSQL runs as user postgres inside it
pg_dir="$tmp/pg"
cleanup() {
    if [[ -d "$pg_dir" ]]; then "$repo/scripts/pg-temp.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# timed NAME CMD… — runs CMD under /usr/bin/time; sets $seconds, $rss_mb, $status.
timed() {
    local name=$1
    shift
    set +e
    /usr/bin/time -f "%e %M" -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    status=$?
    set -e
    read -r seconds rss_kb <"$tmp/$name.time"
    rss_mb=$((rss_kb / 1024))
}
rate() { python3 -c "import sys; print(f'{int(sys.argv[1]) / max(float(sys.argv[2]), 1e-9):,.0f}')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 1e-9):.1f}')" "$1" "$2"; }

file="$tmp/survey.csv"
echo "== generating $lines lines"
python3 - "$file" "$lines" <<'PY'
import random, sys
path, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(2023)
# Real CAS numbers (check digits valid); a third of them are in the seed substance registry.
subs = [("50-00-0", "甲醛"), ("71-43-2", "苯"), ("108-88-3", "甲苯"), ("1330-20-7", "二甲苯"), ("67-56-1", "甲醇"),
        ("108-95-2", "苯酚"), ("75-09-2", "二氯甲烷"), ("80-05-7", "双酚A"), ("91-20-3", "萘"), ("335-67-1", "全氟辛酸"),
        ("1763-23-1", "全氟辛基磺酸"), ("117-81-7", "邻苯二甲酸二(2-乙基己)酯"), ("123-86-4", "乙酸丁酯"),
        ("64-17-5", "乙醇"), ("7664-41-7", "氨"), ("1071-83-6", "草甘膦"), ("149-30-4", "2-巯基苯并噻唑"),
        ("1314-13-2", "氧化锌"), ("67-64-1", "丙酮"), ("110-54-3", "正己烷")]
full = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
uses = ["溶剂", "溶剂；清洗剂", "原料", "中间体", "增塑剂", "助剂、催化剂", "涂料"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("序号,CAS号,物质名称,活动类型,数量,单位,用途类别,商业秘密,变化说明\n")
    for i in range(n):
        cas, name = subs[i % len(subs)]
        activity = ("生产", "进口", "加工", "使用")[rng.randrange(4)]
        value = rng.uniform(0.5, 5000)
        unit = rng.choice(["t", "t", "kg", "吨", "t/a"])
        if unit == "kg":
            value *= 1000
        text = f"{value:,.2f}"
        if rng.random() < 0.1:
            text = text.translate(full)
        cell = f'"{text}"' if "," in text or "，" in text else text
        use = rng.choice(uses) if activity == "使用" or rng.random() < 0.3 else ""
        secret = "是" if rng.random() < 0.02 else "否"
        f.write(f"{i + 1},{cas},{name},{activity},{cell},{unit},{use},{secret},\n")
PY
bytes=$(stat -c %s "$file")
echo "file: $bytes bytes"

rows=()
# run_backend LABEL URL BASELINE_CMD…
run_backend() {
    local label=$1 url=$2
    shift 2
    local config="$tmp/$label.toml"
    printf 'log_level = "warn"\ndata_dir = "%s/data"\n[database]\nurl = "%s"\n' "$repo" "$url" >"$config"
    echo "== $label: migrate, reference data, one enterprise, one campaign"
    "$npgov_bin" --config "$config" db migrate >/dev/null
    "$npgov_bin" --config "$config" db seed-reference >/dev/null
    printf '统一社会信用代码,企业名称,区县,行业代码\n91140602MA0K9T001F,基准测试化工有限公司（测试）,140602,2614\n' >"$tmp/ent.csv"
    "$npgov_bin" --config "$config" enterprise import "$tmp/ent.csv" >/dev/null
    "$npgov_bin" --config "$config" survey campaign create --year 2023 --industries 2614 --deadline 2024-06-30 >/dev/null

    timed "$label-dry" "$npgov_bin" --config "$config" survey import --campaign 1 --enterprise 91140602MA0K9T001F \
        --file "$file" --dry-run --json
    [[ $status -eq 0 ]] || { echo "dry run failed:"; head -c 3000 "$tmp/$label-dry.out" "$tmp/$label-dry.err"; exit 1; }
    local dry_s=$seconds
    echo "dry run (read + check, nothing stored): ${dry_s}s"

    timed "$label-import" "$npgov_bin" --config "$config" survey import --campaign 1 --enterprise 91140602MA0K9T001F \
        --file "$file" --json
    [[ $status -eq 0 ]] || { echo "import failed:"; head -c 3000 "$tmp/$label-import.out" "$tmp/$label-import.err"; exit 1; }
    local stored
    stored=$(python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['version']['line_count'] if j['stored'] else -1)" "$tmp/$label-import.out")
    [[ "$stored" == "$lines" ]] || { echo "stored $stored lines, expected $lines" >&2; exit 1; }
    local import_s=$seconds import_mb=$rss_mb
    echo "import: ${import_s}s, ${import_mb} MB"

    timed "$label-again" "$npgov_bin" --config "$config" survey import --campaign 1 --enterprise 91140602MA0K9T001F \
        --file "$file" --json
    local unchanged
    unchanged=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['unchanged'])" "$tmp/$label-again.out")
    [[ "$unchanged" == "True" ]] || { echo "second import was not recognised as unchanged" >&2; exit 1; }
    local again_s=$seconds
    echo "same file again: ${again_s}s (unchanged)"

    timed "$label-baseline" "$@"
    [[ $status -eq 0 ]] || { echo "baseline failed:"; cat "$tmp/$label-baseline.err"; exit 1; }
    local base_s=$seconds
    echo "baseline: ${base_s}s"
    rows+=("| $label | $lines | ${dry_s} s | ${import_s} s | $(rate "$lines" "$import_s") | ${import_mb} MB | ${again_s} s | ${base_s} s | $(rate "$lines" "$base_s") | $(ratio "$import_s" "$base_s")× |")
}

bare_columns="no TEXT, cas TEXT, name TEXT, activity TEXT, quantity TEXT, unit TEXT, uses TEXT, confidential TEXT, reason TEXT"
sqlite3 "$tmp/bare.db" "CREATE TABLE bare ($bare_columns);"
printf '.mode csv\n.import --skip 1 %s bare\n' "$file" >"$tmp/bare.sql"
run_backend sqlite "sqlite:$tmp/npgov.db" sqlite3 "$tmp/bare.db" ".read $tmp/bare.sql"
bare_rows=$(sqlite3 "$tmp/bare.db" "SELECT COUNT(*) FROM bare")
[[ "$bare_rows" == "$lines" ]] || { echo "sqlite3 .import loaded $bare_rows rows" >&2; exit 1; }

if [[ "$pg" == "1" ]]; then
    url=$("$repo/scripts/pg-temp.sh" start "$pg_dir")
    psql -q "$url" -c "CREATE TABLE bare ($bare_columns);"
    run_backend postgresql "$url" psql -q "$url" -c "\\copy bare FROM '$file' WITH (FORMAT csv, HEADER true)"
    bare_rows=$(psql -tA "$url" -c "SELECT COUNT(*) FROM bare")
    [[ "$bare_rows" == "$lines" ]] || { echo "\\copy loaded $bare_rows rows" >&2; exit 1; }
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
    echo "# Survey import benchmark (\`bench/survey_import_bench.sh\`)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') plus the working tree"
    echo "- Machine: $(nproc) cores, $cpu; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- File: $lines lines, $bytes bytes (CSV, UTF-8; 20 substances, mixed units, 10 % full-width numbers)"
    echo "- npgov: \`survey import --json\` (read, validate every line, resolve substances, store all lines and one audit entry in one transaction); process start to exit"
    echo "- Baseline: the same file into a bare 9-column TEXT table without checks: \`sqlite3 .import\` / \`psql \\copy … CSV\`"
    echo
    echo "| backend | lines | check only (\`--dry-run\`) | npgov import | lines/s | peak RSS | same file again (unchanged) | baseline | baseline lines/s | npgov / baseline |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "${rows[@]}"; do echo "$row"; done
} >"$out"
cat "$out"
