#!/usr/bin/env bash
# `npgov fate level3` end to end: the golden cases (tests/golden/fate/cases.json, numbers from
# the independent numpy reference in level3_golden.csv) through the CLI in the EQC and the
# default Shuozhou environment, text and JSON output, the mass balance, and exit codes with the
# JSON path of bad input: missing property, negative half-life, unknown key, non-JSON, a
# missing file, a broken environment file, usage errors.
# Usage: fate_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
python=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null; then python="$p"; break; fi
done
golden=tests/golden/fate
eqc=data/fate/eqc_environment.json
# Writes the input document of case $1 of cases.json to $2.
case_input() { "$python" -c 'import json,sys; c={x["id"]: x for x in json.load(open(sys.argv[1]))["cases"]}; json.dump(c[sys.argv[2]]["input"], open(sys.argv[3], "w"))' "$golden/cases.json" "$1" "$2"; }
# Compares the JSON output in $tmp/out with the golden rows of case $1 in environment $2.
check_json() {
    "$python" - "$tmp/out" "$golden/level3_golden.csv" "$1" "$2" <<'PY'
import csv, json, math, sys
out = json.load(open(sys.argv[1]))
want = {r["quantity"]: float(r["value"]) for r in csv.DictReader(open(sys.argv[2]))
        if r["case"] == sys.argv[3] and r["environment"] == sys.argv[4]}
comp = {c["compartment"]: c for c in out["compartments"]}
got = {}
for m, c in comp.items():
    got["f_" + m] = c["fugacity_pa"]; got["amount_kg_" + m] = c["amount_kg"]; got["percent_" + m] = c["percent"]
    got["pec_" + m] = c["pec"]["value"]; got["reaction_kg_h_" + m] = c["reaction_kg_h"]
    got["advection_kg_h_" + m] = c["advection_kg_h"]
got["residence_time_h"] = out["totals"]["residence_time_h"]
got["reaction_persistence_h"] = out["totals"]["reaction_persistence_h"]
got["advection_persistence_h"] = out["totals"]["advection_persistence_h"]
bad = [k for k in got if not math.isclose(got[k], want[k], rel_tol=1e-9)]
if bad or len(got) != 27: print("mismatch:", [(k, got[k], want.get(k)) for k in bad]); sys.exit(1)
PY
}

# Golden cases through the CLI, EQC and Shuozhou environments.
for case in benzene_all_routes chlorobenzene_water hexachlorobenzene_soil_no_sediment_reaction nonylphenol_temperature_corrected; do
    case_input "$case" "$tmp/$case.json"
    expect_exit "$case eqc json" 0 "$bin" fate level3 --input "$tmp/$case.json" --environment "$eqc" --json
    if check_json "$case" eqc_standard; then ok "$case eqc matches golden"; else fail "$case eqc matches golden"; fi
    expect_exit "$case shuozhou json" 0 "$bin" fate level3 --input "$tmp/$case.json" --json
    if check_json "$case" shuozhou; then ok "$case default environment is Shuozhou"; else fail "$case default environment is Shuozhou"; fi
done

case_input benzene_all_routes "$tmp/benzene.json"
expect_exit "json output" 0 "$bin" fate level3 --input "$tmp/benzene.json" --json
expect_any "environment named" '"id": "shuozhou"'
expect_any "sources in output" 'sx.xinhuanet.com'
expect_any "method named" '"name": "mackay-level-iii'
expect_any "pec units" '"unit": "ug/kg dry"'
expect_any "notes on temperature" 'not corrected to the environment'
if "$python" -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d["totals"]; assert abs(t["emission_kg_h"]-3000)<1e-6; assert t["mass_balance_residual"]<1e-9; assert len(d["transfers"])==14' "$tmp/out"; then
    ok "mass balance closes in the CLI output"
else
    fail "mass balance closes in the CLI output"
fi
expect_exit "text output" 0 "$bin" fate level3 --input "$tmp/benzene.json" --environment "$eqc"
expect_any "text table" '^sediment +[0-9.e+-]+ '
expect_any "text residence time" 'residence time 82\.34 h'
expect_any "text transfers" 'air→water'

# Bad input: exit 65 with the JSON path of the fault.
sed 's/"log_kow": 2.13, //' "$tmp/benzene.json" >"$tmp/missing.json"
expect_exit "missing property" 65 "$bin" fate level3 --input "$tmp/missing.json"
expect_any "missing property field" 'fate.missing_field: .*\[field=chemical.log_kow\]'
sed 's/"water": 170/"water": -170/' "$tmp/benzene.json" >"$tmp/negative.json"
expect_exit "negative half-life" 65 "$bin" fate level3 --input "$tmp/negative.json" --json
expect_any "negative half-life json" '"field": "chemical.half_lives_h.water"'
sed 's/"melting_point_c"/"melting_pt_c"/' "$tmp/benzene.json" >"$tmp/unknown.json"
expect_exit "unknown key" 65 "$bin" fate level3 --input "$tmp/unknown.json"
expect_any "unknown key field" 'fate.unknown_field: .*\[field=chemical.melting_pt_c\]'
printf 'chemical: benzene\n' >"$tmp/yaml.json"
expect_exit "not JSON" 65 "$bin" fate level3 --input "$tmp/yaml.json"
expect_any "not JSON reason" 'fate.json: not valid JSON'
sed 's/"air": 1000, "water": 1000, "soil": 1000/"air": 0/' "$tmp/benzene.json" >"$tmp/zero.json"
expect_exit "no emission" 65 "$bin" fate level3 --input "$tmp/zero.json"
expect_any "no emission field" 'field=emissions_kg_h'
expect_exit "missing input file" 65 "$bin" fate level3 --input "$tmp/none.json"
expect_any "missing input file reason" 'cli.file'
sed 's/"value": 20,/"value": -20,/' "$eqc" >"$tmp/env.json"
expect_exit "broken environment" 65 "$bin" fate level3 --input "$tmp/benzene.json" --environment "$tmp/env.json"
expect_any "broken environment field" 'fate.environment.range: .*env.json: environment parameter water_depth_m'
expect_exit "missing environment" 65 "$bin" fate level3 --input "$tmp/benzene.json" --environment "$tmp/none-env.json"

# usage
expect_exit "level3 without --input" 64 "$bin" fate level3
expect_exit "fate without a verb" 64 "$bin" fate
expect_exit "level3 help" 0 "$bin" fate level3 --help
expect_any "help documents the input format" 'half_lives_h with all four media'

finish
