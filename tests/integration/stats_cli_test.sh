#!/usr/bin/env bash
# `npgov stats censored` and `npgov stats trend` end to end: results on the committed golden
# inputs (the same numbers R survival and scipy give, see tests/golden/stats), JSON output, and
# exit codes with the line and column of bad cells: a GBK-encoded file, a missing column, a
# negative value, an empty file, a header-only file, a bad time, usage errors.
# Usage: stats_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
golden=tests/golden/stats

# censored: text and JSON on the golden input (KM mean of multi_dl = 1.60125 by R survfit).
expect_exit "censored text" 0 "$bin" stats censored --input $golden/censored_input.csv
expect_any "censored text names groups" '== multi_dl =='
expect_any "censored text KM" 'Kaplan-Meier .*mean 1\.601 ± 0\.388'
expect_any "censored text refusal" 'refused — .*too few detected results \(0 / 7 detected; at least 3 needed\)'
expect_any "censored text LOD/2 labelled" 'for comparison only'
expect_exit "censored json" 0 "$bin" stats censored --input $golden/censored_input.csv --json
expect_any "censored json KM mean" '"mean": 1\.60125'
expect_any "censored json refusal reason" '"reason": "stats.too_few_detects"'
expect_any "censored json method named" '"method": "robust regression on order statistics'
if command -v python3 >/dev/null && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out"; then
    ok "censored json parses"
else
    fail "censored json parses"
fi

# One group when there is no group column; "<x" values and ND with a limit column.
printf 'value,censored,limit\n<0.5,,\nND,true,0.5\n1.2,false,0.5\n2.5,0,\n3.1,false,\n' >"$tmp/nogroup.csv"
expect_exit "no group column" 0 "$bin" stats censored --input "$tmp/nogroup.csv" --json
expect_any "single group named all" '"group": "all"'
expect_any "two non-detects read" '"detects": 3'
printf 'site,value,censored,limit\nS1,1,0,\nS1,2,0,\nS2,3,0,\n' >"$tmp/site.csv"
expect_exit "group-by column" 0 "$bin" stats censored --input "$tmp/site.csv" --group-by site --json
expect_any "group-by groups" '"group": "S2"'
expect_exit "group-by missing column" 65 "$bin" stats censored --input "$tmp/site.csv" --group-by county
expect_any "group-by missing reason" 'stats.column_missing.*field=county'

# Bad input: exit 65 with the reason and the line/column at fault.
printf 'group,value,censored,limit\n站点甲,1.0,false,\n' | iconv -f UTF-8 -t GBK >"$tmp/gbk.csv"
expect_exit "GBK file" 65 "$bin" stats censored --input "$tmp/gbk.csv"
expect_any "GBK file error" 'csv.encoding: the file is not UTF-8'
printf 'group,val,censored\nA,1,0\n' >"$tmp/wrongcol.csv"
expect_exit "wrong column" 65 "$bin" stats censored --input "$tmp/wrongcol.csv"
expect_any "wrong column error" 'stats.column_missing: column "value" is missing'
printf 'group,value,censored,limit\nA,1.0,false,\nA,-2,false,\nA,,true,\n' >"$tmp/negative.csv"
expect_exit "negative value" 65 "$bin" stats censored --input "$tmp/negative.csv"
expect_any "negative value row" 'stats.negative_value: .*\[field=value, row=3\]'
expect_any "censored without limit row" 'stats.censored_without_limit: .*\[field=limit, row=4\]'
expect_exit "negative value json" 65 "$bin" stats censored --input "$tmp/negative.csv" --json
expect_any "negative value json row" '"row": 3'
printf 'group,value,censored,limit\nA,abc,false,\nA,1,maybe,\n' >"$tmp/cells.csv"
expect_exit "bad cells" 65 "$bin" stats censored --input "$tmp/cells.csv"
expect_any "bad value cell" 'stats.csv.value: .*abc \[field=value, row=2\]'
expect_any "bad censored cell" 'stats.csv.censored: .*\[field=censored, row=3\]'
: >"$tmp/empty.csv"
expect_exit "empty file" 65 "$bin" stats censored --input "$tmp/empty.csv"
expect_any "empty file error" 'csv.empty'
printf 'group,value,censored,limit\n' >"$tmp/header.csv"
expect_exit "header only" 65 "$bin" stats censored --input "$tmp/header.csv"
expect_any "header only error" 'stats.no_rows'
expect_exit "missing file" 65 "$bin" stats censored --input "$tmp/none.csv"

# trend: the golden quarterly series (S = 66 and seasonal S = 28 by scipy / trend_golden.py).
grep -E '^(series|quarterly,)' $golden/trend_input.csv | cut -d, -f2- >"$tmp/quarterly.csv"
expect_exit "trend text" 0 "$bin" stats trend --input "$tmp/quarterly.csv"
expect_any "trend MK" 'Mann-Kendall .*S = 66, .*Z = 1\.835'
expect_any "trend seasonal" 'Seasonal Kendall .*4 seasons\]: S = 28'
expect_exit "trend json" 0 "$bin" stats trend --input "$tmp/quarterly.csv" --json
expect_any "trend json sen" '"slope_per_year": 0\.2333'
printf 'time,value\n2019-03-01,1.5\n2020-03-01,1.7\n2021-03-01,2.0\n2022-03-01,2.4\n' >"$tmp/dates.csv"
expect_exit "trend with dates" 0 "$bin" stats trend --input "$tmp/dates.csv" --json
expect_any "trend exact p for 4 points" '"p_exact": 0\.08333'
printf 'time,value\n2019,1\n20x9,2\n2021,\n' >"$tmp/badtime.csv"
expect_exit "trend bad cells" 65 "$bin" stats trend --input "$tmp/badtime.csv"
expect_any "trend bad time row" 'stats.csv.time: .*\[field=time, row=3\]'
expect_any "trend missing value row" 'stats.csv.value: .*\[field=value, row=4\]'
printf 'time,value\n2019,1\n2020,2\n' >"$tmp/short.csv"
expect_exit "trend too few points" 65 "$bin" stats trend --input "$tmp/short.csv"
expect_any "trend too few reason" 'stats.too_few_points'

# usage
expect_exit "censored without --input" 64 "$bin" stats censored
expect_exit "stats without a verb" 64 "$bin" stats
expect_exit "stats help" 0 "$bin" stats censored --help
expect_any "stats help text" 'group-by'

finish
