#!/usr/bin/env bash
# `npgov assess pnec` end to end: the CCME (2009) long-term boron data (28 species, 8 groups;
# tests/golden/assess/ccme_boron_records.csv) give an SSD with HC5 = 1582 μg/L (90 % interval
# 757–2709 μg/L, the values scipy gives in tests/golden/assess/ssd_golden.csv) and AF 10 on the
# lowest NOEC (Elodea canadensis, 1 mg/L → 100 μg/L); a GBK file with Chinese headers; JSON input;
# refusals that name what is missing; bad rows with row and field (exit 65); usage errors (64).
# Usage: assess_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"
py() {  # py NAME EXPRESSION — evaluates EXPRESSION on the JSON of the last command (as d)
    if command -v python3 >/dev/null && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($2) else 1)" "$tmp/out"; then
        ok "$1"
    else
        fail "$1: ($2) is false"
    fi
}
boron=tests/golden/assess/ccme_boron_records.csv

# The published data set: both methods, JSON.
expect_exit "boron json" 0 "$bin" assess pnec --input $boron --json
py "ssd applied" 'd["ssd"]["applied"] and d["ssd"]["refusal"] is None'
py "ssd 28 species, 8 groups" 'len(d["ssd"]["species"]) == 28 and len(d["ssd"]["taxonomic_groups"]) == 8'
py "ssd HC5 = 1582.09 ug/L (scipy)" 'abs(d["ssd"]["hc5"]["median"] - 1582.0910498369412) < 1e-6'
py "ssd HC5 limits (scipy)" 'abs(d["ssd"]["hc5"]["lower"] - 757.4900701673337) < 1e-6 and abs(d["ssd"]["hc5"]["upper"] - 2709.2261420278017) < 1e-6'
py "ssd PNEC = HC5/5" 'abs(d["ssd"]["pnec"]["value"] - 1582.0910498369412 / 5) < 1e-6 and d["ssd"]["pnec"]["unit"] == "μg/L"'
py "ssd fit and A-D" 'abs(d["ssd"]["fit"]["sd_log10"] - 0.5490884074190394) < 1e-12 and not d["ssd"]["goodness_of_fit"]["rejected"]'
py "ssd curve for the chart" 'len(d["ssd"]["curve"]) == 41 and d["ssd"]["curve"][0]["lower"] < d["ssd"]["curve"][0]["upper"]'
py "af row three_long_term" 'd["assessment_factor"]["table_row"] == "three_long_term" and d["assessment_factor"]["assessment_factor"] == 10'
py "af PNEC 100 ug/L on Elodea" 'abs(d["assessment_factor"]["pnec"]["value"] - 100) < 1e-9 and d["assessment_factor"]["critical_value"]["species"] == "Elodea canadensis"'
py "af steps have zh, en and numbers" 'all(s["zh"] and s["en"] for s in d["assessment_factor"]["steps"]) and any(s["numbers"] for s in d["assessment_factor"]["steps"])'
py "protozoa outside the AF levels" 'any(s["id"] == "af.outside_levels" for s in d["assessment_factor"]["steps"])'
py "lowest PNEC is the AF one" 'd["lowest_pnec"]["method"] == "assessment_factor"'
py "factor file named" 'd["factors"]["id"] == "npgov.assess.pnec_factors" and d["factors"]["version"] == "1"'
expect_exit "boron ssd factor 1" 0 "$bin" assess pnec --input $boron --ssd-factor 1 --json
py "ssd factor 1: PNEC = HC5" 'abs(d["ssd"]["pnec"]["value"] - d["ssd"]["hc5"]["median"]) < 1e-9'
expect_exit "boron ssd factor 7" 65 "$bin" assess pnec --input $boron --ssd-factor 7
expect_any "ssd factor out of range" 'assess.ssd_factor'

# Text output: the derivation, both languages.
expect_exit "boron text" 0 "$bin" assess pnec --input $boron
expect_any "text HC5 step" 'HC5 = 1582 μg/L'
expect_any "text chinese step" '物种敏感度分布法'
expect_any "text AF step" 'PNEC = .*/ 10 = 100 μg/L'

# A small data set in GBK with Chinese headers: SSD refused, AF base set without algae refused.
printf '物种,类群,终点,暴露时间,数值,单位,可靠性,来源\n虹鳟 Oncorhynchus mykiss,鱼类,LC50,96小时,1.2,mg/L,1,文献A\n大型溞 Daphnia magna,溞,EC50,48 h,0.35,mg/L,2,文献B\n大型溞 Daphnia magna,溞,EC50,48 h,0.52,mg/L,2,文献C\n大型溞 Daphnia magna,溞,NOEC,21天,0.05,mg/L,2,文献D\n青鳉 Oryzias latipes,鱼类,LC50,96 h,>10,mg/L,2,文献E\n斑马鱼 Danio rerio,鱼类,LC50,96 h,3,mg/L,3,文献F\n' \
    | iconv -f UTF-8 -t GBK >"$tmp/gbk.csv"
expect_exit "gbk json" 0 "$bin" assess pnec --input "$tmp/gbk.csv" --json
py "gbk records read" 'd["records"]["total"] == 6 and d["records"]["used"] == 4'
py "gbk exclusions stated" 'sorted(e["reason"] for e in d["records"]["excluded"]) == ["qualifier", "reliability"] and [e["row"] for e in d["records"]["excluded"]] == [6, 7]'
py "geometric mean of Daphnia EC50s" 'abs([s for s in d["species_values"]["short_term"] if s["species"].endswith("magna")][0]["value"] - (350 * 520) ** 0.5) < 1e-9'
py "af refused: no algae" 'd["assessment_factor"]["refusal"]["reason"] == "assess.af_insufficient_data" and d["assessment_factor"]["missing"][0]["id"] == "af.base_set.producer"'
py "ssd refused: too few species" 'd["ssd"]["refusal"]["reason"] == "assess.ssd_insufficient_data" and d["ssd"]["missing"][0]["id"] == "ssd.species"'
py "no PNEC at all" 'd["lowest_pnec"] is None'
expect_exit "gbk text" 0 "$bin" assess pnec --input "$tmp/gbk.csv"
expect_any "refusal names algae" 'no short-term L\(E\)C50 for primary producers \(algae, aquatic plants\): base set incomplete'
expect_any "refusal names species count" 'only 1 species with long-term NOEC/EC10; at least 10 needed'

# JSON input: base set + Daphnia NOEC → AF 100 (TGD note b).
cat >"$tmp/records.json" <<'EOF'
{"records": [
 {"species": "Oncorhynchus mykiss", "taxon_group": "fish", "endpoint": "LC50", "duration": "96 h", "value": 10, "unit": "mg/L", "reliability": 1, "source": "a"},
 {"species": "Daphnia magna", "taxon_group": "crustacean", "endpoint": "EC50", "duration": "48 h", "value": 2, "unit": "mg/L", "reliability": 1, "source": "b"},
 {"species": "Raphidocelis subcapitata", "taxon_group": "algae", "endpoint": "ErC50", "duration": "72 h", "value": 5, "unit": "mg/L", "reliability": "2", "source": "c"},
 {"species": "Daphnia magna", "taxon_group": "crustacean", "endpoint": "NOEC", "duration": "21 d", "value": 300, "unit": "ug/L", "reliability": 1, "source": "d"}
]}
EOF
expect_exit "json input" 0 "$bin" assess pnec --input "$tmp/records.json" --json
py "json: AF 100 on the Daphnia NOEC" 'd["assessment_factor"]["table_row"] == "one_long_term" and abs(d["assessment_factor"]["pnec"]["value"] - 3) < 1e-12'
printf '[{"species": "x", "colour": "red"}]' >"$tmp/unknown.json"
expect_exit "json unknown field" 65 "$bin" assess pnec --input "$tmp/unknown.json"
expect_any "json unknown field named" 'assess.json: unknown field "colour" \[field=colour, row=1\]'

# Bad rows: every one listed with its row and field, exit 65.
printf 'species,taxon_group,endpoint,duration,value,unit,reliability,source\nDanio rerio,fish,LC50,96 h,abc,mg/L,1,s\nDanio rerio,mammal,LC50,96 h,1,mg/L,1,s\nDanio rerio,fish,LC50,96 h,1,mg/kg,1,s\nDanio rerio,fish,LC50,96 h,1,mg/L,7,s\nDanio rerio,fish,LC50,often,1,mg/L,1,s\n' >"$tmp/bad.csv"
expect_exit "bad rows" 65 "$bin" assess pnec --input "$tmp/bad.csv"
expect_any "bad value row 2" 'assess.value: .*\[field=value, row=2\]'
expect_any "bad group row 3" 'assess.taxon_group: .*\[field=taxon_group, row=3\]'
expect_any "bad unit row 4" 'assess.unit: .*\[field=unit, row=4\]'
expect_any "bad reliability row 5" 'assess.reliability: .*\[field=reliability, row=5\]'
expect_any "bad duration row 6" 'assess.duration: .*\[field=duration, row=6\]'
expect_exit "bad rows json" 65 "$bin" assess pnec --input "$tmp/bad.csv" --json
py "bad rows json list" '[e["row"] for e in d["errors"]] == [2, 3, 4, 5, 6] and d["errors"][0]["field"] == "value"'
printf 'species,taxon_group,endpoint,value,unit\nDanio rerio,fish,LC50,1,mg/L\n' >"$tmp/columns.csv"
expect_exit "missing columns" 65 "$bin" assess pnec --input "$tmp/columns.csv"
expect_any "missing columns named" 'assess.columns: missing columns: duration, reliability, source'
printf 'species,taxon_group,endpoint,duration,value,unit,reliability,source\n' >"$tmp/header.csv"
expect_exit "header only" 65 "$bin" assess pnec --input "$tmp/header.csv"
expect_any "header only reason" 'assess.no_records'
expect_exit "missing file" 65 "$bin" assess pnec --input "$tmp/none.csv"
expect_exit "missing factors file" 65 "$bin" assess pnec --input $boron --factors "$tmp/none.json"

# usage
expect_exit "pnec without --input" 64 "$bin" assess pnec
expect_exit "assess without a verb" 64 "$bin" assess
expect_exit "pnec help" 0 "$bin" assess pnec --help
expect_any "help shows the input format" 'species, taxon_group, endpoint, duration, value, unit, reliability, source'

finish
