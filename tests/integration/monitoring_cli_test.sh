#!/usr/bin/env bash
# `npgov monitoring …` end to end on a fresh SQLite database: register sites, import the golden
# lab files (UTF-8, GBK) with exit codes and JSON, a bad file listing every error and storing
# nothing (exit 65), the same file twice refused, a dry run, and the summaries.
# Usage: monitoring_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
golden="$2/tests/golden/monitoring"

cat >"$tmp/npgov.toml" <<TOML
log_level = "warn"
[database]
url = "sqlite:$tmp/npgov.db"
TOML
run() { "$bin" --config "$tmp/npgov.toml" "$@"; }

expect_exit "migrate" 0 run db migrate
expect_exit "seed reference" 0 run db seed-reference
expect_exit "site add" 0 run monitoring site add SZ-R01 --name "桑干河（测试）" --type river_section --region 140602 --lat 39.33 --lon 112.43
expect_out "site add prints id" 'registered site SZ-R01'
expect_exit "site add json" 0 run monitoring site add sz-r02 --name "山阴水库（测试）" --type 水库 --region 140621 --json
expect_out "site add json code" '"code": "SZ-R02"'
run monitoring site add SZ-W01 --name "怀仁污水厂出水（测试）" --type wwtp_effluent --region 140681 >/dev/null
run monitoring site add SZ-S01 --name "平鲁土壤（测试）" --type soil --region 140603 >/dev/null
expect_exit "site add bad type" 65 run monitoring site add SZ-X01 --name x --type lake --region 140602
expect_exit "site add unknown region" 65 run monitoring site add SZ-X01 --name x --type soil --region 140699
expect_exit "site add taken code" 65 run monitoring site add sz-r01 --name x --type soil --region 140602
expect_exit "sites" 0 run monitoring sites --json
expect_out "sites lists four" '"code": "SZ-W01"'

expect_exit "bad file" 65 run monitoring import "$golden/bad_all_gbk.csv"
expect_err "bad file lists every row" 'row 11, column'
expect_err "bad file says nothing was imported" 'nothing was imported'
[ "$(sql 'SELECT COUNT(*) FROM monitoring_results')" = 0 ] && ok "bad file stored nothing" || fail "bad file stored nothing"
expect_exit "bad file json" 65 run monitoring import "$golden/bad_unit_medium.csv" --json
expect_out "bad file json errors" '"reason": "monitoring.unit_medium"'

expect_exit "dry run" 0 run monitoring import "$golden/lab_results_utf8.csv" --dry-run
expect_out "dry run says so" 'dry run, nothing stored'
expect_exit "import utf8" 0 run monitoring import "$golden/lab_results_utf8.csv"
expect_out "import counts" 'imported 12 results \(6 non-detects\)'
expect_exit "import same file again" 65 run monitoring import "$golden/lab_results_utf8.csv"
expect_err "duplicate reason" 'monitoring.import_duplicate'
expect_exit "import english with lab" 0 run monitoring import "$golden/lab_results_en.csv" --lab "Other Lab" --json
expect_out "import json" '"committed": true'
[ "$(sql 'SELECT COUNT(*) FROM monitoring_results')" = 16 ] && ok "16 results stored" || fail "16 results stored"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'monitoring.import'")" = 2 ] && ok "one audit entry per import" \
    || fail "one audit entry per import"
expect_exit "missing file" 65 run monitoring import "$tmp/none.csv"

expect_exit "summary" 0 run monitoring summary --cas 335-67-1
expect_out "summary table" 'SZ-R01 +335-67-1 +water'
expect_exit "summary json" 0 run monitoring summary --site SZ-R01 --group-by site --threshold 10 --threshold-unit ng/L --json
expect_out "summary names kaplan-meier" '"method": "kaplan-meier'
expect_exit "summary bad group" 65 run monitoring summary --group-by county
expect_exit "summary bad cas" 65 run monitoring summary --cas 335-67-2
expect_exit "audit chain intact" 0 run audit verify

finish
