#!/usr/bin/env bash
# Keeps the committed assess goldens honest: re-runs ssd_golden.py (scipy, with its independent
# quadrature check of the non-central t) on the committed input and compares the output with the
# committed files — text fields exactly, numbers to 1e-12 relative (the generator is
# deterministic; the margin only absorbs a different libm in the last bits). Exit 77 (skipped)
# when no python3 with scipy and numpy is installed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import scipy, numpy' 2>/dev/null; then python="$p"; break; fi
done
if [ -z "$python" ]; then echo "check_goldens: skipped: no python3 with scipy and numpy"; exit 77; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
set -e
"$python" "$here/ssd_golden.py" "$here/ssd_input.csv" "$tmp/ssd_golden.csv" "$tmp/k_golden.csv" "$tmp/curve_golden.csv"
"$python" - "$here" "$tmp" ssd_golden.csv k_golden.csv curve_golden.csv <<'PY'
import csv, math, sys
here, tmp, names = sys.argv[1], sys.argv[2], sys.argv[3:]
bad = 0
for name in names:
    with open(f"{here}/{name}") as f: committed = list(csv.reader(f))
    with open(f"{tmp}/{name}") as f: fresh = list(csv.reader(f))
    before = bad
    if len(committed) != len(fresh):
        print(f"FAIL {name}: {len(fresh)} rows regenerated, {len(committed)} committed"); bad += 1; continue
    for line, (a, b) in enumerate(zip(committed, fresh), 1):
        if len(a) != len(b):
            print(f"FAIL {name} line {line}: {len(b)} fields regenerated, {len(a)} committed"); bad += 1; continue
        for col, (x, y) in enumerate(zip(a, b)):
            try:
                same = math.isclose(float(x), float(y), rel_tol=1e-12, abs_tol=1e-300)
            except ValueError:
                same = x == y
            if not same:
                print(f"FAIL {name} line {line} column {col + 1}: committed {x!r}, regenerated {y!r}"); bad += 1
    if bad == before: print(f"ok   {name} ({len(fresh) - 1} rows)")
sys.exit(1 if bad else 0)
PY
