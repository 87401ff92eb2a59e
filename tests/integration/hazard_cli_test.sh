#!/usr/bin/env bash
# `npgov hazard …` end to end on a fresh SQLite database: the demo hazard file refused while its
# antibiotics are unregistered (every error listed, nothing stored, exit 65), accepted after the
# substances are registered, the same file twice refused, a dry run, a bad file, and a
# substance's profile as text and JSON (selected values, estimates, gaps).
# Usage: hazard_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
demo="$root/data/demo"

cat >"$tmp/npgov.toml" <<TOML
log_level = "warn"
[database]
url = "sqlite:$tmp/npgov.db"
TOML
run() { "$bin" --config "$tmp/npgov.toml" "$@"; }

expect_exit "help" 0 "$bin" hazard --help
expect_out "help names the verbs" 'import'
expect_exit "migrate" 0 run db migrate
expect_exit "seed reference" 0 run db seed-reference

expect_exit "demo file before its antibiotics are registered" 65 run hazard import "$demo/hazard_demo.csv"
expect_err "lists the unregistered sulfamethoxazole" 'CAS 723-46-6 is not in the substance registry'
expect_err "lists the unregistered ciprofloxacin" 'CAS 85721-33-1'
expect_err "says nothing was imported" 'nothing was imported'
expect_sql "nothing stored" "SELECT COUNT(*) FROM hazard_properties" 0

expect_exit "register the antibiotics" 0 run substance import "$demo/hazard_demo_substances.csv"
expect_exit "dry run" 0 run hazard import "$demo/hazard_demo.csv" --dry-run
expect_out "dry run says so" 'dry run, nothing stored'
expect_sql "dry run stored nothing" "SELECT COUNT(*) FROM hazard_imports" 0
expect_exit "import demo" 0 run hazard import "$demo/hazard_demo.csv"
expect_out "import counts" 'imported [0-9]+ property values, [0-9]+ ecotoxicity endpoints and [0-9]+ classifications'
expect_exit "same file again" 65 run hazard import "$demo/hazard_demo.csv" --json
expect_out "duplicate reason" '"reason": "hazard.import_duplicate"'
expect_sql "one audit entry" "SELECT COUNT(*) FROM audit_log WHERE action = 'hazard.import'" 1

printf 'kind,cas,property,value,unit,provenance,reliability,source\nproperty,58-89-9,vapour_pressure,1,mmHg,measured,2,x\nproperty,58-89-9,koc,7,furlongs,measured,2,x\nlipstick,58-89-9,,,,,,\n' >"$tmp/bad.csv"
expect_exit "bad file" 65 run hazard import "$tmp/bad.csv" --json
expect_out "temperature required" '"reason": "hazard.temperature_required"'
expect_out "unit refused" '"reason": "hazard.unit"'
expect_out "kind refused" '"reason": "hazard.kind"'
expect_out "row numbers" '"row": 4'
expect_exit "missing file" 65 run hazard import "$tmp/none.csv"

expect_exit "show lindane" 0 run hazard show --cas 58-89-9
expect_out "measured log Kow selected" 'log_kow: 3.72 log units +\[measured: US EPA \(1995\)'
expect_out "BCF: the measured value beats the estimate" 'bcf: 1613 L/kg'
expect_out "Henry from measured VP and solubility" 'henry by tgd-henry-vp-mw-ws: [0-9.e-]+ Pa·m³/mol'
expect_out "gaps listed" 'data gaps \([0-9]+\):.* half_life_soil'
expect_exit "show PFOS json" 0 run hazard show --cas 1763-23-1 --json
expect_out "json selection rule" '"rule_en"'
if [ "$(json_get 'j["substance"]["cas"]')" = "1763-23-1" ]; then ok "json names the substance"; else fail "json names the substance"; fi
if [ "$(json_get '[p for p in j["properties"] if p["property"]=="log_kow"][0]["gap"]')" = "True" ]; then
    ok "PFOS log Kow: the out-of-domain estimate leaves a gap"
else
    fail "PFOS log Kow: the out-of-domain estimate leaves a gap"
fi
if [ "$(json_get '[e for e in j["estimates"] if e["property"]=="log_kow"][0]["in_domain"]')" = "False" ]; then
    ok "PFOS Crippen estimate flagged out of domain"
else
    fail "PFOS Crippen estimate flagged out of domain"
fi
expect_exit "show unregistered CAS" 65 run hazard show --cas 64-17-5
expect_err "unknown substance" 'substance.unknown'
expect_exit "show bad CAS" 65 run hazard show --cas 58-89-8
expect_exit "audit chain intact" 0 run audit verify

finish
