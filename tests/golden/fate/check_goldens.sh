#!/usr/bin/env bash
# Keeps the committed fate golden honest: re-runs the independent numpy reference
# (level3_reference.py) on the committed cases and environment files and compares its output
# with level3_golden.csv — text exactly, numbers to 1e-12 relative (the reference is
# deterministic; the margin only absorbs a different libm or LAPACK in the last bits).
# Exit 77 (skipped) when no python3 with numpy is found.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$here/../../../data/fate"
python=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import numpy' 2>/dev/null; then python="$p"; break; fi
done
if [ -z "$python" ]; then echo "check_goldens: skipped: no python3 with numpy"; exit 77; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
set -e
"$python" "$here/level3_reference.py" "$here/cases.json" "$data/eqc_environment.json" \
    "$data/shuozhou_environment.json" "$tmp/level3_golden.csv"
"$python" - "$here/level3_golden.csv" "$tmp/level3_golden.csv" <<'PY'
import csv, math, sys
with open(sys.argv[1]) as f: committed = list(csv.reader(f))
with open(sys.argv[2]) as f: fresh = list(csv.reader(f))
bad = 0
if len(committed) != len(fresh):
    print(f"FAIL level3_golden.csv: {len(fresh)} rows regenerated, {len(committed)} committed"); sys.exit(1)
for line, (a, b) in enumerate(zip(committed, fresh), 1):
    for col, (x, y) in enumerate(zip(a, b)):
        try:
            fx, fy = float(x), float(y)
            same = math.isclose(fx, fy, rel_tol=1e-12, abs_tol=1e-300)
        except ValueError:
            same = x == y
        if not same or len(a) != len(b):
            print(f"FAIL level3_golden.csv line {line} column {col + 1}: committed {x!r}, regenerated {y!r}"); bad += 1
if not bad: print(f"ok   level3_golden.csv ({len(fresh) - 1} rows)")
sys.exit(1 if bad else 0)
PY
