#!/usr/bin/env bash
# `npgov enterprise import|export` and `npgov survey campaign|import|template|status|export` end
# to end on a fresh SQLite database (and on PostgreSQL too when NPGOV_TEST_PG_URL is set — the
# database is then emptied first): imports that store all rows or none with every row's error,
# GBK files, the same file twice, the template pre-filled from last year, non-reporters, and
# result exports as CSV and xlsx. Fixtures: tests/golden/survey/ (README there).
# Usage: survey_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
golden=$root/tests/golden/survey

suite() {  # suite LABEL DATABASE_URL
    local label=$1 url=$2
    cat >"$tmp/npgov.toml" <<TOML
data_dir = "$root/data"
log_level = "warn"
[database]
url = "$url"
TOML
    run() { "$bin" --config "$tmp/npgov.toml" "$@"; }
    expect_exit "$label: migrate" 0 run db migrate
    expect_exit "$label: seed reference" 0 run db seed-reference

    # Enterprises: every row's error at once, nothing stored; then the good file; upsert; export.
    expect_exit "$label: enterprise import with errors exits 65" 65 run enterprise import "$golden/enterprises_bad.csv"
    expect_any "$label: bad phone named with its row" 'row 3 \[contact_phone\] enterprise.phone'
    expect_any "$label: duplicate code named with its row" 'row 4 \[uscc\] enterprise_import.duplicate'
    expect_exit "$label: enterprise import" 0 run enterprise import "$golden/enterprises.csv"
    expect_any "$label: three created" 'imported 3 rows \(csv-utf8\): 3 created'
    expect_exit "$label: importing again refuses registered codes" 65 run enterprise import "$golden/enterprises.csv"
    expect_any "$label: registered code reason" 'enterprise.uscc_taken'
    expect_exit "$label: upsert of the same file changes nothing" 0 run enterprise import --upsert --json "$golden/enterprises.csv"
    if [ "$(json_get 'j["unchanged"]')" = 3 ]; then ok "$label: upsert reports 3 unchanged"; else fail "$label: upsert unchanged: $(cat "$tmp/out")"; fi
    expect_exit "$label: enterprise export csv" 0 run enterprise export --format csv -o "$tmp/enterprises.csv"
    if grep -q '朔州测试化工有限公司（测试）.*张三,0349-2021234,是,是,否,否' "$tmp/enterprises.csv"; then
        ok "$label: export keeps park, contact and flags"
    else
        fail "$label: export content: $(head -3 "$tmp/enterprises.csv")"
    fi
    expect_exit "$label: enterprise export xlsx" 0 run enterprise export --format xlsx -o "$tmp/enterprises.xlsx"
    if [ "$(head -c 2 "$tmp/enterprises.xlsx")" = "PK" ]; then ok "$label: xlsx is a zip package"; else fail "$label: xlsx magic"; fi

    # Campaigns.
    expect_exit "$label: campaign 2022" 0 run survey campaign create --year 2022 --industries 2614,2641 --deadline 2023-06-30
    expect_exit "$label: campaign 2023" 0 run survey campaign create --year 2023 --industries 2614,2641 --deadline 2024-06-30 --json
    if [ "$(json_get 'j["id"]')" = 2 ]; then ok "$label: campaign json"; else fail "$label: campaign json: $(cat "$tmp/out")"; fi
    expect_exit "$label: bad industry refused" 65 run survey campaign create --year 2023 --industries 9999 --deadline 2024-06-30
    expect_any "$label: bad industry reason" 'industry.unknown'
    expect_exit "$label: campaign list" 0 run survey campaign list
    expect_any "$label: list shows both" '2023 +basic +2024-06-30'
    expect_exit "$label: campaign show json" 0 run survey campaign show 2 --json
    expect_any "$label: show industries" '"2641"'

    # Imports: GBK; the same content again; a file with errors.
    local a=91140602MA0K9T001F
    expect_exit "$label: dry run of a good file" 0 run survey import --campaign 1 --enterprise $a --file "$golden/lines_gbk.csv" --dry-run
    expect_any "$label: dry run stores nothing" 'checked 3 lines \(csv-gbk\), nothing stored: 0 errors'
    expect_exit "$label: import GBK" 0 run survey import --campaign 1 --enterprise $a --file "$golden/lines_gbk.csv" --submit
    expect_any "$label: GBK read, 3 lines" 'imported 3 lines \(csv-gbk\)'
    expect_any "$label: submitted" 'submitted for county review'
    expect_exit "$label: import the UTF-8 twin into 2023" 0 run survey import --campaign 2 --enterprise $a --file "$golden/lines_utf8.csv"
    expect_exit "$label: same file twice is unchanged" 0 run survey import --campaign 2 --enterprise $a --file "$golden/lines_utf8.csv" --json
    if [ "$(json_get 'j["unchanged"]')" = True ]; then ok "$label: unchanged flag"; else fail "$label: unchanged: $(head -c 300 "$tmp/out")"; fi
    expect_exit "$label: file with errors exits 65" 65 run survey import --campaign 2 --enterprise $a --file "$golden/lines_bad.csv"
    expect_any "$label: check digit on row 2" 'row 2 \[cas\] cas.check_digit'
    expect_any "$label: unit on row 3" 'row 3 \[unit\] unit.unknown'
    expect_any "$label: negative on row 4" 'row 4 \[quantity\] survey.quantity_negative'
    expect_any "$label: uses on row 5" 'row 5 \[uses\] survey.uses_missing'
    expect_any "$label: activity on row 6" 'row 6 \[activity\] survey.activity'
    expect_any "$label: mass balance on row 7" 'row 7 \[quantity\] survey.mass_balance'
    expect_exit "$label: unknown enterprise" 65 run survey import --campaign 2 --enterprise 91140602MA0K9T009X --file "$golden/lines_utf8.csv"

    # Status: who has and who has not reported.
    expect_exit "$label: status" 0 run survey status --campaign 2
    expect_any "$label: status counts" '2 enterprises must report: 0 reported \(0 approved\), 2 not reported'
    expect_any "$label: non-reporter with contact" '山阴测试涂料有限公司（测试）.*李四 13912345678'
    expect_exit "$label: status json" 0 run survey status --campaign 2 --json
    if [ "$(json_get 'len(j["non_reporters"])')" = 2 ]; then ok "$label: status json non-reporters"; else fail "$label: status json"; fi

    # Template and export (nothing approved yet: an empty table with its total row).
    expect_exit "$label: template" 0 run survey template --campaign 2 --enterprise $a -o "$tmp/template.xlsx"
    if [ "$(head -c 2 "$tmp/template.xlsx")" = "PK" ]; then ok "$label: template is xlsx"; else fail "$label: template magic"; fi
    expect_exit "$label: export csv" 0 run survey export --campaign 1 --by substance,county --format csv
    expect_any "$label: export header" 'CAS号,物质名称,区县代码,区县,生产量\(t\)'
    expect_any "$label: export total row" '^合计'
    expect_exit "$label: export xlsx needs a file" 65 run survey export --campaign 1
    expect_exit "$label: export xlsx" 0 run survey export --campaign 1 --format xlsx -o "$tmp/results.xlsx"
    expect_exit "$label: totals per key-controlled list entry" 0 run survey export --campaign 1 --by list_entry --format csv
    expect_any "$label: list edition named" '名录：key_controlled 2023'
    expect_any "$label: entry columns" '条目,名录条目,生产量\(t\)'
    expect_exit "$label: bad grouping" 65 run survey export --by colour --format csv
    expect_any "$label: bad grouping reason" 'survey.group_by'
    expect_exit "$label: audit chain intact" 0 run audit verify
}

suite sqlite "sqlite:$tmp/npgov.db"
if [ -n "${NPGOV_TEST_PG_URL:-}" ] && command -v psql >/dev/null; then
    psql -q "$NPGOV_TEST_PG_URL" -c 'DROP SCHEMA IF EXISTS survey_cli CASCADE; CREATE SCHEMA survey_cli;' >/dev/null 2>&1 &&
        suite postgres "${NPGOV_TEST_PG_URL}?options=-csearch_path%3Dsurvey_cli"
fi
finish
