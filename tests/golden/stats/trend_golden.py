#!/usr/bin/env python3
"""Golden trend-test results for the stats engine, from scipy and an independent re-implementation.

Mann-Kendall (Mann 1945; Kendall 1975, Rank Correlation Methods, ch. 4 for the variance with
ties in both variables; Gilbert 1987, Statistical Methods for Environmental Pollution
Monitoring, ch. 16): S, Var(S) and the continuity-corrected Z are computed here from their
definitions with numpy, then checked against scipy.stats.kendalltau (tau-b; the asymptotic
p-value, which has no continuity correction, must equal 2*sf(|S|/sqrt(Var)); the exact p-value
without ties). Sen's slope and its 95 % limits are scipy.stats.theilslopes itself. The seasonal
Kendall test (Hirsch, Slack & Smith 1982) sums per-season S and Var(S); its slope is the median
of within-season slopes, with limits as in Gilbert 1987 ch. 17 (the ch. 16 procedure with the
summed Sen (1968) eq. 2.6 variances, indices rounded as numpy.round, as theilslopes does).

Usage: trend_golden.py trend_input.csv trend_golden.csv
"""
import csv
import sys
from collections import Counter, OrderedDict

import numpy as np
from scipy import stats


def fmt(x):
    return "NA" if x is None or (isinstance(x, float) and np.isnan(x)) else repr(float(x))


def tie_sums(values):
    counts = [t for t in Counter(values).values() if t > 1]
    return (sum(t * (t - 1) / 2 for t in counts), sum(t * (t - 1) * (2 * t + 5) for t in counts),
            sum(t * (t - 1) * (t - 2) for t in counts), sum(t * (t - 1) for t in counts))


def kendall(t, x):
    t, x = np.asarray(t, float), np.asarray(x, float)
    n = len(t)
    s = float(np.sum(np.triu(np.sign(t[None, :] - t[:, None]) * np.sign(x[None, :] - x[:, None]), 1)))
    xp, xa, xb, xc = tie_sums(list(x))
    tp, ta, tb, tc = tie_sums(list(t))
    var_sen = (n * (n - 1) * (2 * n + 5) - xa - ta) / 18
    var = var_sen + xc * tc / (2 * n * (n - 1)) + (xb * tb / (9 * n * (n - 1) * (n - 2)) if n > 2 else 0)
    return s, var, var_sen, xp, tp


def corrected_z(s, var):
    return (s - np.sign(s)) / np.sqrt(var)


def mann_kendall(t, x):
    n = len(t)
    s, var, _, xp, tp = kendall(t, x)
    z = corrected_z(s, var)
    p_normal = min(1.0, 2 * stats.norm.sf(abs(z)))
    pairs = n * (n - 1) / 2
    tau = s / np.sqrt(pairs - xp) / np.sqrt(pairs - tp)
    ref = stats.kendalltau(t, x, method="asymptotic")
    assert np.isclose(ref.statistic, tau, rtol=1e-12, atol=1e-15), (ref, tau)
    assert np.isclose(ref.pvalue, 2 * stats.norm.sf(abs(s) / np.sqrt(var)), rtol=1e-9), (ref, s, var)
    p_exact = None
    if xp == 0 and tp == 0 and n <= 33:
        p_exact = stats.kendalltau(t, x, method="exact").pvalue
    return dict(n=n, s=s, variance=var, z=z, p_normal=p_normal, p_exact=p_exact,
                p_value=p_exact if p_exact is not None else p_normal, tau=tau)


def sen(t, x):
    r = stats.theilslopes(x, t, alpha=0.95)
    return dict(n=len(t), slope=r[0], intercept=r[1], lower=r[2], upper=r[3])


def seasonal(t, x, season):
    s_total = var_total = var_sen_total = 0.0
    slopes = []
    for k in sorted(set(season)):
        idx = [i for i, q in enumerate(season) if q == k]
        if len(idx) < 2:
            continue
        tk, xk = [t[i] for i in idx], [x[i] for i in idx]
        s, var, var_sen, _, _ = kendall(tk, xk)
        s_total, var_total, var_sen_total = s_total + s, var_total + var, var_sen_total + var_sen
        slopes += [(xk[j] - xk[i]) / (tk[j] - tk[i]) for i in range(len(idx)) for j in range(len(idx)) if tk[j] > tk[i]]
    slopes = np.sort(slopes)
    z = corrected_z(s_total, var_total)
    c = stats.norm.ppf(0.975) * np.sqrt(var_sen_total)
    nt = len(slopes)
    upper = slopes[min(int(np.round((nt + c) / 2)), nt - 1)]
    lower = slopes[max(int(np.round((nt - c) / 2)) - 1, 0)]
    return dict(n=len(t), s=s_total, variance=var_total, z=z, p_value=min(1.0, 2 * stats.norm.sf(abs(z))),
                p_normal=min(1.0, 2 * stats.norm.sf(abs(z))), slope=float(np.median(slopes)), lower=lower, upper=upper)


COLUMNS = ["n", "s", "variance", "z", "p_normal", "p_exact", "p_value", "tau", "slope", "intercept", "lower", "upper"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    series = OrderedDict()
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f):
            series.setdefault(row["series"], []).append((float(row["time"]), float(row["value"]), row["season"]))
    with open(sys.argv[2], "w", newline="") as out:
        out.write("series,method," + ",".join(COLUMNS) + "\n")
        for name, pts in series.items():
            t, x, season = [p[0] for p in pts], [p[1] for p in pts], [p[2] for p in pts]
            results = [("mann_kendall", mann_kendall(t, x)), ("sen_slope", sen(t, x))]
            if all(season):
                results.append(("seasonal_kendall", seasonal(t, x, [int(q) for q in season])))
            for method, r in results:
                out.write(f"{name},{method}," + ",".join(fmt(r.get(c)) if c != "n" else str(r["n"]) for c in COLUMNS) + "\n")


if __name__ == "__main__":
    main()
