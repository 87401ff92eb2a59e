#!/usr/bin/env bash
# Batch structure classification: 50,000 structures through every rule of
# data/rules/structure_classes.json. npgov (bench/chem_classify.cpp: parse with the chem engine,
# evaluate all rules with their reasons; 1 and 2 threads) against a plain Python RDKit loop
# (bench/chem_classify_py.py: MolFromSmiles + HasSubstructMatch for the same SMARTS, one thread)
# on the same generated file, interleaved, in the same run. Builds nothing: pass the driver built
# in Release.
#
#   CHEM_BIN=build/release/bench/npgov_chem_classify_bench bench/chem_classify_bench.sh
#
# Environment (defaults): CHEM_BIN (build/release/bench/npgov_chem_classify_bench), COUNT (50000),
# SEED (2023), REPEAT (3 rounds of the three runs), OUT (bench/results/chem_classify.md).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${CHEM_BIN:-$repo/build/release/bench/npgov_chem_classify_bench}"
count="${COUNT:-50000}"
seed="${SEED:-2023}"
repeat="${REPEAT:-3}"
out="${OUT:-$repo/bench/results/chem_classify.md}"
rules="$repo/data/rules/structure_classes.json"

[[ -x "$bin" ]] || { echo "chem_classify_bench.sh: not an executable: $bin (build npgov_chem_classify_bench first)" >&2; exit 2; }
python=""
for p in python3 /usr/bin/python3; do
    if "$p" -c 'import rdkit' 2>/dev/null; then python="$p"; break; fi
done
[[ -n "$python" ]] || { echo "chem_classify_bench.sh: a python3 with RDKit is required (python3-rdkit)" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/npgov-chem.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
input="$tmp/structures.smi"

field() { sed -n "s/.*[ ^]$1=\([0-9.e+-]*\).*/\1/p" <<<" $2"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
gen_log="$("$bin" generate --repo "$repo" --out "$input" --count "$count" --seed "$seed")"
echo "$gen_log"

declare -a n1 n1cpu n2 n2cpu py pycpu
classes=""
for i in $(seq "$repeat"); do
    line="$("$bin" classify --repo "$repo" --input "$input" --rules "$rules" --threads 1 | head -1)"
    echo "round $i npgov 1 thread:  $line"
    n1+=("$(field molecules_per_second "$line")"); n1cpu+=("$(field molecules_per_cpu_second "$line")")
    both="$("$bin" classify --repo "$repo" --input "$input" --rules "$rules" --threads 2)"
    line="$(head -1 <<<"$both")"
    classes="$(tail -1 <<<"$both")"
    echo "round $i npgov 2 threads: $line"
    n2+=("$(field molecules_per_second "$line")"); n2cpu+=("$(field molecules_per_cpu_second "$line")")
    npgov_line="$line"
    line="$("$python" "$repo/bench/chem_classify_py.py" "$input" "$rules")"
    echo "round $i python:          $line"
    py+=("$(field molecules_per_second "$line")"); pycpu+=("$(field molecules_per_cpu_second "$line")")
    py_line="$line"
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

best() { printf '%s\n' "$@" | sort -g | tail -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

{
    echo "# Batch structure classification: npgov chem + rules engines vs a plain Python RDKit loop"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown) plus the working tree"
    echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load average before $load_before, after $load_after (other builds share the machine: compare molecules per CPU-second)"
    echo "- Input: $count structures, generated once (SplitMix64 seed $seed: $(cut -d' ' -f3- <<<"$gen_log")): the reference structures of tests/golden/chem/ (PFAS, POPs, antibiotics, controls), perfluoroalkyl acids/sulfonates/telomers/sulfonamides C2–C16 (linear and branched, some as salts), C8–C16 chloroalkanes (some branched or unsaturated), alkyl chains, drug-like aryl amides/sulfonamides/ureas (some as hydrochlorides)"
    echo "- Rules: $(sed -n 's/.*"ruleset": "\(.*\)",/\1/p' "$rules" | head -1) $(sed -n 's/^  "version": "\(.*\)",/\1/p' "$rules" | head -1), $(field rules "$npgov_line") rules, $(field patterns "$py_line") SMARTS"
    echo "- npgov: \`npgov_chem_classify_bench classify\` (Release, g++ $(g++ -dumpfullversion)): chem::Molecule::FromSmiles + rules::EvaluateStructureRules per structure — conditions (composition, mass fractions, rings), every pattern's matches (all unique matches, not just one), perfluoroalkyl group sizing, exclusions, largest organic fragment, reasons in English and Chinese and matched atoms; $(field matches "$npgov_line") matches, $(field errors "$npgov_line") parse errors. Threads share one RuleSet and pull chunks of 64 structures."
    echo "- Python: \`bench/chem_classify_py.py\` ($("$python" --version 2>&1), RDKit $(sed -n 's/.*rdkit=\([^ ]*\).*/\1/p' <<<"$py_line")): \`Chem.MolFromSmiles\` + \`mol.HasSubstructMatch(p)\` for each SMARTS, one thread; $(field hits "$py_line") hits. It does less: a yes/no per pattern, no conditions, no sizing, no exclusion logic, no reasons."
    echo "- $repeat interleaved rounds; best and median shown. When the load average exceeds the core count, wall-clock rates measure the share of CPU a run got (and 2 threads cannot show their scaling); molecules per CPU-second (process CPU time, all threads) is the comparable figure."
    echo
    echo "| implementation | molecules/s (best) | molecules/s (median) | molecules per CPU-second (best) | ratio to Python, wall (best/best) | ratio to Python, CPU (best/best) |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| npgov, 1 thread | $(best "${n1[@]}") | $(median "${n1[@]}") | $(best "${n1cpu[@]}") | $(ratio "$(best "${n1[@]}")" "$(best "${py[@]}")") | $(ratio "$(best "${n1cpu[@]}")" "$(best "${pycpu[@]}")") |"
    echo "| npgov, 2 threads | $(best "${n2[@]}") | $(median "${n2[@]}") | $(best "${n2cpu[@]}") | $(ratio "$(best "${n2[@]}")" "$(best "${py[@]}")") | $(ratio "$(best "${n2cpu[@]}")" "$(best "${pycpu[@]}")") |"
    echo "| Python RDKit loop, 1 thread | $(best "${py[@]}") | $(median "${py[@]}") | $(best "${pycpu[@]}") | 1 | 1 |"
    echo
    echo "Classes found by npgov (structures per class): ${classes#classes }"
} >"$out"
echo "wrote $out"
