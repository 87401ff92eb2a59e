#!/usr/bin/env bash
# Keeps the committed stats goldens honest: re-runs the generators (R survival for
# Kaplan-Meier, the independent Python ROS with its statsmodels cross-check, scipy for the
# trend tests) on the committed inputs and compares their output with the committed files —
# text fields exactly, numbers to 1e-12 relative (the generators are deterministic; the margin
# only absorbs a different libm or BLAS in the last bits). Exit 77 (skipped) when Rscript with
# the survival package, or a python3 with scipy and numpy, is missing.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import scipy, numpy' 2>/dev/null; then python="$p"; break; fi
done
if [ -z "$python" ]; then echo "check_goldens: skipped: no python3 with scipy and numpy"; exit 77; fi
if ! command -v Rscript >/dev/null || ! Rscript -e 'suppressPackageStartupMessages(library(survival))' 2>/dev/null; then
    echo "check_goldens: skipped: Rscript with the survival package is missing"; exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
set -e
Rscript "$here/km_golden.R" "$here/censored_input.csv" "$tmp/km_golden.csv"
"$python" "$here/ros_golden.py" "$here/censored_input.csv" "$tmp/ros_golden.csv" "$tmp/ros_values_golden.csv"
"$python" "$here/trend_golden.py" "$here/trend_input.csv" "$tmp/trend_golden.csv"
"$python" - "$here" "$tmp" km_golden.csv ros_golden.csv ros_values_golden.csv trend_golden.csv <<'PY'
import csv, math, sys
here, tmp, names = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
for name in names:
    with open(f"{here}/{name}") as f: committed = list(csv.reader(f))
    with open(f"{tmp}/{name}") as f: fresh = list(csv.reader(f))
    if len(committed) != len(fresh):
        print(f"FAIL {name}: {len(fresh)} rows regenerated, {len(committed)} committed"); bad += 1; continue
    for line, (a, b) in enumerate(zip(committed, fresh), 1):
        for col, (x, y) in enumerate(zip(a, b)):
            try:
                fx, fy = float(x), float(y)
                same = (math.isnan(fx) and math.isnan(fy)) or math.isclose(fx, fy, rel_tol=1e-12, abs_tol=1e-300)
            except ValueError:
                same = x == y
            if not same or len(a) != len(b):
                print(f"FAIL {name} line {line} column {col + 1}: committed {x!r}, regenerated {y!r}"); bad += 1
    if not bad: print(f"ok   {name} ({len(fresh) - 1} rows)")
sys.exit(1 if bad else 0)
PY
