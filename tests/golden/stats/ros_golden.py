#!/usr/bin/env python3
"""Golden robust-ROS results for the stats engine.

An INDEPENDENT re-implementation, written from the published equations rather than from the
C++ code: Helsel, D.R. & Cohn, T.A. (1988) "Estimation of descriptive statistics for multiply
censored water quality data", Water Resources Research 24(12):1997-2004 (exceedance
probabilities of the detection limits, then plotting positions), with the conventions of R NADA's `ros`
(non-detects above the largest detect dropped; a limit at 0 when a detect lies below the lowest
limit; R's ppoints without non-detects; mean, sd, median and type-7 quantiles of the detected
plus modelled values). Normal quantiles from scipy.stats.norm.ppf; the regression from
numpy.polyfit.

When statsmodels is importable, every modelled value is also checked against
statsmodels.imputation.ros.impute_ros (P. Hobson's implementation of the same method), and the
script fails if they disagree by more than 1e-9 relative.

Usage: ros_golden.py censored_input.csv ros_golden.csv ros_values_golden.csv
"""
import csv
import sys
from collections import OrderedDict

import numpy as np
from scipy.stats import norm


def fmt(x):
    return "NA" if x is None or (isinstance(x, float) and np.isnan(x)) else repr(float(x))


def r_quantile7(sorted_values, p):
    n = len(sorted_values)
    index = 1 + (n - 1) * p
    lo, hi = int(np.floor(index)), int(np.ceil(index))
    x_lo, x_hi = sorted_values[lo - 1], sorted_values[hi - 1]
    if not index > lo or x_hi == x_lo:
        return x_lo
    h = index - lo
    return (1 - h) * x_lo + h * x_hi


def plotting_positions(levels, censored):
    """levels ascending; returns plotting positions in the same order."""
    n = len(levels)
    if not any(censored):
        a = 3.0 / 8.0 if n <= 10 else 0.5
        return [(i + 1 - a) / (n + 1 - 2 * a) for i in range(n)]
    limits = sorted(set(l for l, c in zip(levels, censored) if c))
    if any((not c) and l < limits[0] for l, c in zip(levels, censored)):
        limits = [0.0] + limits
    m = len(limits)
    upper = limits[1:] + [float("inf")]
    A = [sum(1 for l, c in zip(levels, censored) if not c and limits[j] <= l < upper[j]) for j in range(m)]
    B = [sum(1 for l, c in zip(levels, censored) if (not c and l < limits[j]) or (c and l <= limits[j]))
         for j in range(m)]
    C = [sum(1 for l, c in zip(levels, censored) if c and l == limits[j]) for j in range(m)]
    pe = [0.0] * (m + 1)
    for j in range(m - 1, -1, -1):
        pe[j] = pe[j + 1] + (A[j] / (A[j] + B[j])) * (1 - pe[j + 1])
    pp = []
    rank_d = [0] * m
    rank_c = [0] * m
    for l, c in zip(levels, censored):
        j = max(k for k in range(m) if limits[k] <= l)
        if c:
            rank_c[j] += 1
            pp.append((1 - pe[j]) * rank_c[j] / (C[j] + 1))
        else:
            rank_d[j] += 1
            pp.append((1 - pe[j]) + (pe[j] - pe[j + 1]) * rank_d[j] / (A[j] + 1))
    return pp


def ros(levels, censored):
    max_detect = max(l for l, c in zip(levels, censored) if not c)
    kept = [(l, c) for l, c in zip(levels, censored) if not (c and l > max_detect)]
    dropped = len(levels) - len(kept)
    kept.sort(key=lambda t: t[0])  # stable: ties keep input order
    lv = [l for l, _ in kept]
    cn = [c for _, c in kept]
    pp = plotting_positions(lv, cn)
    z_det = np.array([norm.ppf(p) for p, c in zip(pp, cn) if not c])
    y_det = np.log(np.array([l for l, c in zip(lv, cn) if not c]))
    slope, intercept = np.polyfit(z_det, y_det, 1)
    values = [float(np.exp(intercept + slope * norm.ppf(p))) if c else l for l, c, p in zip(lv, cn, pp)]
    s = sorted(values)
    return dict(n=len(values), dropped=dropped, intercept=intercept, slope=slope, values=values, pp=pp,
                censored=cn, mean=float(np.mean(values)), sd=float(np.std(values, ddof=1)),
                median=float(np.median(values)), p90=r_quantile7(s, 0.9), p95=r_quantile7(s, 0.95))


def check_against_statsmodels(group, levels, censored, result):
    try:
        from statsmodels.imputation.ros import impute_ros
    except ImportError:
        return False
    max_detect = max(l for l, c in zip(levels, censored) if not c)
    keep = [not (c and l > max_detect) for l, c in zip(levels, censored)]
    obs = np.array([l for l, k in zip(levels, keep) if k])
    cen = np.array([c for c, k in zip(censored, keep) if k])
    theirs = np.sort(impute_ros(obs, cen, max_fraction_censored=1.0, min_uncensored=2))
    ours = np.sort(np.array(result["values"]))
    if not np.allclose(ours, theirs, rtol=1e-9, atol=0):
        sys.exit(f"ros_golden.py: {group}: disagrees with statsmodels impute_ros:\n{ours}\n{theirs}")
    return True


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    groups = OrderedDict()
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            c = row["censored"] == "true"
            groups.setdefault(row["group"], []).append((float(row["limit"] if c else row["value"]), c))
    checked = 0
    with open(sys.argv[2], "w", newline="") as summary, open(sys.argv[3], "w", newline="") as detail:
        summary.write("group,n,detects,dropped,status,intercept,slope,mean,sd,median,p90,p95\n")
        detail.write("group,index,censored,plotting_position,value\n")
        for group, obs in groups.items():
            levels = [l for l, _ in obs]
            censored = [c for _, c in obs]
            detects = sum(1 for c in censored if not c)
            if detects < 3:
                summary.write(f"{group},{len(obs)},{detects},NA,refused:stats.too_few_detects" + ",NA" * 7 + "\n")
                continue
            r = ros(levels, censored)
            checked += check_against_statsmodels(group, levels, censored, r)
            summary.write(",".join([group, str(r["n"]), str(detects), str(r["dropped"]), "ok"] +
                                   [fmt(r[k]) for k in ("intercept", "slope", "mean", "sd", "median", "p90", "p95")]) + "\n")
            for i, (c, p, v) in enumerate(zip(r["censored"], r["pp"], r["values"])):
                detail.write(f"{group},{i},{'true' if c else 'false'},{fmt(p)},{fmt(v)}\n")
    print(f"ros_golden.py: {len(groups)} groups; {checked} cross-checked against statsmodels", file=sys.stderr)


if __name__ == "__main__":
    main()
