#!/usr/bin/env bash
# `npgov assess screen|risk` end to end on a fresh SQLite database with the demo city (survey,
# monitoring, hazard data): a screening stored as a run with its rows, text and JSON output,
# the same inputs giving the same digest, a survey year without data leaving every volume a
# gap; risk assessments with JSON, a draft saved and audited, and the errors' exit codes.
# Usage: assessment_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"

cat >"$tmp/npgov.toml" <<TOML
log_level = "warn"
[database]
url = "sqlite:$tmp/npgov.db"
TOML
run() { "$bin" --config "$tmp/npgov.toml" "$@"; }

expect_exit "migrate" 0 run db migrate
expect_exit "seed reference" 0 run db seed-reference
expect_exit "seed demo" 0 run db seed-demo --enterprises 40
expect_out "seed demo stores a screening run" 'screening run [0-9]+ of [0-9]+ substances'
substances=$(sql 'SELECT COUNT(*) FROM substances')
runs_before=$(sql 'SELECT COUNT(*) FROM assessment_screening_runs')

expect_exit "screen" 0 run assess screen --top 10
expect_out "screen prints the header" '^rank +CAS +name'
expect_out "screen prints rank 1" '^1 +'
expect_out "screen names the parameters" 'parameters npgov\.screening_params v'
expect_out "screen says how many more" "… $((substances - 10)) more"
expect_err "screen reports its phases" 'storing \(6/6\)'
expect_sql "one more run stored" 'SELECT COUNT(*) FROM assessment_screening_runs' "$((runs_before + 1))"
run_id=$(sql 'SELECT MAX(id) FROM assessment_screening_runs')
expect_sql "every substance ranked" "SELECT COUNT(*) FROM assessment_screening_rows WHERE run_id = $run_id" "$substances"
expect_sql "ranks are 1..n" "SELECT MIN(rank) || '-' || MAX(rank) FROM assessment_screening_rows WHERE run_id = $run_id" "1-$substances"
expect_sql "the run is audited" "SELECT COUNT(*) FROM audit_log WHERE action = 'assessment.screening.run' AND entity_id = '$run_id'" 1

expect_exit "screen json" 0 run assess screen --json --top 5
[ "$(json_get 'len(j["rows"])')" = 5 ] && ok "json has the top rows" || fail "json has the top rows"
[ "$(json_get 'j["rows_total"]')" = "$substances" ] && ok "json counts every row" || fail "json counts every row"
[ "$(json_get 'j["run"]["status"]')" = complete ] && ok "json run complete" || fail "json run complete"
[ "$(json_get 'sorted(d["dimension"] for d in j["rows"][0]["dimensions"]) == ["detection", "dispersive_use", "hazard", "volume"]')" = True ] \
    && ok "json rows carry four dimensions" || fail "json rows carry four dimensions"
[ "$(json_get 'all("zh" in g for r in j["rows"] for d in r["dimensions"] for g in d["gaps"])')" = True ] \
    && ok "json gaps carry their wording" || fail "json gaps carry their wording"
digest=$(json_get 'j["run"]["inputs_sha256"]')
expect_exit "screen json again" 0 run assess screen --json --top 1
[ "$(json_get 'j["run"]["inputs_sha256"]')" = "$digest" ] && ok "same inputs, same digest" || fail "same inputs, same digest"

expect_exit "screen a year without a survey" 0 run assess screen --year 2001 --json --top 0
[ "$(json_get 'j["run"]["survey_year"]')" = 2001 ] && ok "year recorded" || fail "year recorded"
[ "$(json_get 'all(r["dimensions"][1]["data_gap"] for r in j["rows"])')" = True ] \
    && ok "no survey: every volume is a gap, none a zero" || fail "no survey: every volume is a gap, none a zero"
[ "$(json_get 'len(j["rows"])')" = "$substances" ] && ok "--top 0 prints all" || fail "--top 0 prints all"

expect_exit "risk" 0 run assess risk --cas 1763-23-1
expect_out "risk prints the PNEC section" '^PNEC'
expect_out "risk prints the measured exposure" 'water +[0-9.e+-]+ ng/L +(kaplan_meier_p95|maximum)'
expect_out "risk names what is missing" '^Missing'
expect_exit "risk json" 0 run assess risk --cas 1763-23-1 --json
[ "$(json_get 'j["assessment"]["substance"]["cas"]')" = 1763-23-1 ] && ok "risk json substance" || fail "risk json substance"
[ "$(json_get 'sorted(m["medium"] for m in j["assessment"]["mec"])')" = "['air', 'sediment', 'soil', 'water']" ] \
    && ok "risk json MEC per medium" || fail "risk json MEC per medium"
[ "$(json_get 'j["assessment"]["pec"]["environment"]["id"]')" = shuozhou ] && ok "risk json names the environment" \
    || fail "risk json names the environment"
[ "$(json_get 'j["record"] is None')" = True ] && ok "risk without --save stores nothing" || fail "risk without --save stores nothing"

# 4-nonylphenol has ecotoxicity data in the demo: the PNEC section shows the derivation or why not.
expect_exit "risk nonylphenol json" 0 run assess risk --cas 84852-15-3 --json
[ "$(json_get 'j["assessment"]["pnec"]["records_given"] > 0')" = True ] && ok "ecotox records reach the engine" \
    || fail "ecotox records reach the engine"
[ "$(json_get 'len(j["assessment"]["pnec"]["assessment_factor"]["steps"]) > 0')" = True ] && ok "assessment-factor steps shown" \
    || fail "assessment-factor steps shown"

drafts=$(sql 'SELECT COUNT(*) FROM assessment_records')
expect_exit "risk save" 0 run assess risk --cas 723-46-6 --save --comment "CLI test" --pnec-method assessment_factor
expect_out "risk save says so" 'saved as assessment record [0-9]+ v[0-9]+ \(draft\)'
expect_sql "draft stored with its comment" "SELECT assessor_comment FROM assessment_records WHERE cas = '723-46-6' ORDER BY version DESC LIMIT 1" "CLI test"
expect_sql "draft audited" "SELECT COUNT(*) > 0 FROM audit_log WHERE action = 'assessment.save' AND actor = 'system:cli'" 1

expect_exit "risk bad cas" 65 run assess risk --cas 1763-23-2
expect_err "bad cas reason" 'cas.check_digit'
expect_exit "risk unknown substance" 65 run assess risk --cas 1234-56-6 --json
expect_out "unknown substance reason" '"reason": "substance.unknown"'
expect_exit "risk bad method" 65 run assess risk --cas 1763-23-1 --pnec-method median
expect_exit "risk needs --cas" 64 run assess risk
expect_exit "audit chain intact" 0 run audit verify

finish
