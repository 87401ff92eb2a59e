#!/usr/bin/env bash
# `npgov substance|lists|import iecsc` end to end on a fresh SQLite database: seeding the lists
# and seed substances (twice: idempotent), search, show, classify (one substance and a file
# with bad rows), imports that refuse bad files whole (bad rows, empty, 10 MB of garbage, GBK),
# export and re-import, the IECSC and the new-substance flag, a new list edition and its diff,
# and an intact audit chain at the end.
# Usage: substance_cli_test.sh NPGOV_BIN REPO_ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh" "$@"

cat >"$tmp/npgov.toml" <<TOML
log_level = "warn"
data_dir = "$root/data"
[database]
url = "sqlite:$tmp/npgov.db"
TOML
run() { "$bin" --config "$tmp/npgov.toml" "$@"; }

expect_exit "migrate" 0 run db migrate
expect_exit "seed reference (lists and substances)" 0 run db seed-reference
expect_out "seed loads five list editions" 'lists: 5 edition\(s\) loaded'
expect_out "seed creates the 106 seed substances" 'substances: 106 created'
expect_exit "seed again" 0 run db seed-reference
expect_out "seeding is idempotent" '0 edition\(s\) loaded, 0 replaced, 5 unchanged; substances: 0 created, 0 updated, 106 unchanged'

# search and show
expect_exit "search by Chinese name" 0 run substance search 全氟辛基磺酸 --json
expect_out "search finds PFOS and its salts" '"total": 7'
expect_exit "search by CAS" 0 run substance search 335-67-1
expect_out "search by CAS text" '335-67-1 +全氟辛酸 / Perfluorooctanoic acid'
expect_exit "search by substructure" 0 run substance search --smarts 'C(F)(F)C(=O)[OX2H1]' --json
expect_out "substructure: PFOA and PFDA" '"total": 2'
expect_exit "search with a bad SMARTS" 65 run substance search --smarts 'C(F' --json
expect_out "bad SMARTS reason" '"field": "smarts"'
expect_exit "show by CAS" 0 run substance show 1763-23-1 --date 2024-06-01
expect_out "show lists the key-list entry" 'entry 1 +全氟辛基磺酸及其盐类和全氟辛基磺酰氟'
expect_out "show gives the exemption's end" 'exemption: 用于生产灭火泡沫药剂 — until 2023-12-31 \(ended\)'
expect_exit "show with a bad check digit" 65 run substance show 1763-23-2 --json
expect_out "check digit reason" '"reason": "cas.check_digit"'
expect_exit "show an unregistered CAS" 65 run substance show 7732-18-5

# classify one substance, a structure, a file
expect_exit "classify by CAS" 0 run substance classify --cas 1763-23-1 --date 2024-06-01 --json
expect_out "PFOS is PFAS" '"pfas": true'
expect_exit "classify an unregistered PFOA-related structure" 0 run substance classify \
    --smiles 'OCCC(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F' --date 2024-06-01
expect_out "8:2 FTOH falls under the PFOA entry by structure" 'because: list2023.e2.pfoa_related'
expect_exit "classify a salt" 0 run substance classify --smiles 'O=S(=O)([O-])C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)C(F)(F)F.[K+]' --json
expect_out "the salt is found by its InChIKey" '"2795-39-3"'
expect_exit "classify an unparsable SMILES" 65 run substance classify --smiles 'C1CC(' --json
expect_out "unparsable SMILES reason" '"reason": "smiles.parse"'
expect_exit "classify without input" 65 run substance classify
cat >"$tmp/classify.csv" <<'CSV'
name,cas,smiles
PFOS,1763-23-1,
bad check digit,1763-23-2,
broken structure,,C1CC(
amoxicillin,,CC1(C)SC2C(NC(=O)C(N)c3ccc(O)cc3)C(=O)N2C1C(=O)O
nothing,,
CSV
expect_exit "classify a file with bad rows (exit 65, every row done)" 65 run substance classify --file "$tmp/classify.csv" --date 2024-06-01 --json
expect_out "file: per-row results and errors" '"errors": 3'
expect_out "file: row 3 named" '"row": 3'
expect_out "file: the antibiotic is classed" 'antibiotic.beta_lactam'
expect_exit "classify an empty file" 65 run substance classify --file /dev/null

# imports: all rows or none
printf 'cas,name_zh,name_en,smiles\n64-17-5,乙醇,Ethanol,CCO\n' >"$tmp/good.csv"
expect_exit "import a good file" 0 run substance import "$tmp/good.csv"
expect_out "import counts" '1 created, 0 updated, 0 unchanged'
printf 'cas,name_zh,name_en,smiles\n7732-18-5,水,Water,O\n1234-56-7,错,Bad check digit,\n,坏,Bad SMILES,C1CC(\n,盐,A salt,[Na+].[Cl-]\n' >"$tmp/bad.csv"
expect_exit "import a file with bad rows" 65 run substance import "$tmp/bad.csv"
expect_err "bad rows: row 3 named" '(row=3|第 3 行)'
expect_err "bad rows: row 4 named" '(row=4|第 4 行)'
expect_err "bad rows: the salt is only a warning" 'substance.multi_component'
expect_sql "bad file: nothing stored" "SELECT COUNT(*) FROM substance_cas WHERE cas = '7732-18-5'" 0
printf 'CAS号,中文名称,英文名称,SMILES\n71-36-3,正丁醇,n-Butanol,CCCCO\n' | iconv -f UTF-8 -t GB18030 >"$tmp/gbk.csv"
expect_exit "import GBK" 0 run substance import "$tmp/gbk.csv" --json
expect_out "GBK detected" '"encoding": "gbk"'
expect_sql "GBK names stored as UTF-8" "SELECT name_zh FROM substances WHERE name_en = 'n-Butanol'" '正丁醇'
: >"$tmp/empty.csv"
expect_exit "import an empty file" 65 run substance import "$tmp/empty.csv" --json
expect_out "empty file reason" '"reason": "tabular.empty"'
expect_exit "import a missing file" 65 run substance import "$tmp/none.csv"
head -c 10485760 /dev/urandom >"$tmp/garbage.bin"
before=$(sql "SELECT COUNT(*) FROM substances")
expect_exit "import 10 MB of garbage" 65 run substance import "$tmp/garbage.bin" --json
expect_sql "garbage: nothing stored" "SELECT COUNT(*) FROM substances" "$before"
expect_exit "dry run" 0 run substance import --dry-run "$tmp/good.csv"
expect_out "dry run says so" 'dry run'

# export and re-import
expect_exit "export UTF-8" 0 run substance export "$tmp/export.csv"
expect_exit "export GBK" 0 run substance export "$tmp/export-gbk.csv" --encoding gbk
expect_exit "re-import the GBK export" 0 run substance import "$tmp/export-gbk.csv"
expect_out "the export re-imports unchanged" '0 created, 0 updated, 108 unchanged'
expect_exit "export with an unknown encoding" 65 run substance export "$tmp/x.csv" --encoding latin1

# the IECSC (a synthetic copy) and the new-substance flag
expect_exit "show before the IECSC" 0 run substance show 75-09-2 --json
expect_out "unknown without the IECSC" '"state": "unknown"'
expect_exit "import the synthetic IECSC" 0 run import iecsc tests/integration/substance_data/iecsc_synthetic.csv --synthetic --json
expect_out "IECSC entries" '"entries": 7'
expect_exit "a listed substance" 0 run substance show 75-09-2 --json
expect_out "existing" '"state": "existing"'
expect_exit "an unlisted substance" 0 run substance show 335-67-1 --json
expect_out "new chemical substance" '"new_chemical_substance": true'
printf 'CAS号,中文名称\n64-17-5,乙醇\n64-17-6,错误\n' >"$tmp/bad-iecsc.csv"
expect_exit "a bad IECSC file" 65 run import iecsc "$tmp/bad-iecsc.csv"
expect_sql "the old copy stays" "SELECT COUNT(*) FROM iecsc_entries" 7

# lists: editions, a new one beside the old, the difference
expect_exit "lists" 0 run lists list
expect_out "the priority list has two editions" 'edition 2020 +effective 2020-11-13 +40 entries'
expect_exit "show the key list" 0 run lists show key_controlled
expect_out "entry 14 marked" '14 +已淘汰类.*measures text not loaded'
expect_exit "diff the priority list" 0 run lists diff priority_control --from 2017 --to 2020 --json
expect_out "18 added" '"added": 18'
expect_exit "load a synthetic edition" 0 run lists load tests/integration/substance_data/key_list_synthetic/lists.json
expect_out "loaded beside the old" '1 loaded'
expect_exit "diff the key list" 0 run lists diff key_controlled --from 2023 --to 2099-synthetic
expect_out "entry 15 added" '\+ 15 +乙醇'
expect_out "entry 14 removed" '[-] 14 +已淘汰类'
expect_out "a measure changed" '~ measure ban_production_and_processing_use effective_from'
expect_exit "diff an unknown edition" 65 run lists diff key_controlled --from 2023 --to 1999
expect_exit "the 2023 edition still applies" 0 run substance classify --cas 58-89-9 --date 2024-06-01
expect_out "lindane: entry 14" 'entry 14 +已淘汰类'

expect_exit "audit chain intact" 0 run audit verify

finish
