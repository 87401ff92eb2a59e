#!/usr/bin/env python3
"""Golden species-sensitivity-distribution results for the assess engine, from scipy.

For each data set of ssd_input.csv (dataset,species,value; one value per species) on log10
values: mean and sample SD (ddof=1); the extrapolation constants of Aldenberg & Jaworska (2000,
Ecotoxicol Environ Saf 46:1-18) k = nct.ppf(gamma, n-1, delta)/sqrt(n) with
delta = -norm.ppf(p)*sqrt(n), gamma = 0.95 (lower limit), 0.5 (median), 0.05 (upper limit) of
the two-sided 90 % interval; HC5 = 10**(mean - k*sd); the Anderson-Darling statistic of
scipy.stats.anderson (mean and SD estimated) and the modified A2*(1 + 0.75/n + 2.25/n**2)
(D'Agostino & Stephens 1986, Table 4.7); the Kolmogorov-Smirnov distance of
scipy.stats.kstest against the fitted normal; HCp at p = 0.01, 0.10, 0.50.

scipy.stats.nct is Boost.Math underneath, like the engine; so that the golden is not the same
code checked against itself, every nct quantile written here is first re-derived by an
independent route: the CDF of the non-central t as a quadrature over the chi-square
distribution, P(T <= t) = integral of Phi(t*sqrt(v/df) - delta) f_chi2(v; df) dv
(scipy.integrate.quad), which must bracket gamma between t(1 - 1e-9) and t(1 + 1e-9).

Also writes k_golden.csv (the constants on a grid of n and p) and curve_golden.csv (the
chart curve of the Boron data set: 41 fractions Phi(z), z from -2.4 to 2.4).

Usage: ssd_golden.py ssd_input.csv ssd_golden.csv k_golden.csv curve_golden.csv
"""
import csv
import sys
import warnings
from collections import OrderedDict

import numpy as np
from scipy import integrate, special, stats

INTERVAL = 0.90


def nct_cdf_quadrature(t, df, delta):
    log_norm = -(df / 2) * np.log(2.0) - special.gammaln(df / 2)

    def integrand(v):  # Phi(t*sqrt(v/df) - delta) times the chi-square(df) density
        if v <= 0:
            return 0.0
        return special.ndtr(t * np.sqrt(v / df) - delta) * np.exp(log_norm + (df / 2 - 1) * np.log(v) - v / 2)
    # Split at the chi-square mode region so that quad sees the peak.
    upper = df + 60 * np.sqrt(2 * df) + 60
    points = [max(df - 2, 0.0), df]
    value, _ = integrate.quad(integrand, 0, upper, points=points, limit=400, epsabs=1e-14, epsrel=1e-13)
    return value


def nct_ppf(gamma, df, delta):
    """scipy's nct quantile, checked against the independent quadrature: the quadrature CDF at
    the quantile must equal gamma to within what a shift of 1e-9 in t (relative) would change."""
    q = float(stats.nct.ppf(gamma, df, delta))
    step = 1e-9 * max(1.0, abs(q))
    below, above = nct_cdf_quadrature(q - step, df, delta), nct_cdf_quadrature(q + step, df, delta)
    assert below <= gamma + 1e-13 and above >= gamma - 1e-13, (gamma, df, delta, q, below, above)
    return q


def constants(n, p):
    delta = -stats.norm.ppf(p) * np.sqrt(n) + 0.0  # + 0.0: no "-0.0" at p = 0.5
    ks = [nct_ppf(g, n - 1, delta) / np.sqrt(n) for g in ((1 + INTERVAL) / 2, 0.5, (1 - INTERVAL) / 2)]
    return delta, ks


def fmt(x):
    return repr(float(x))


def read_sets(path):
    sets = OrderedDict()
    with open(path) as f:
        for row in csv.DictReader(f):
            sets.setdefault(row["dataset"], []).append(float(row["value"]))
    return sets


def main(input_path, golden_path, k_path, curve_path):
    sets = read_sets(input_path)
    with open(golden_path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        header = ["dataset", "n", "mean_log10", "sd_log10", "k_lower", "k_median", "k_upper",
                  "hc5_median", "hc5_lower", "hc5_upper", "anderson_darling", "anderson_darling_modified",
                  "kolmogorov_smirnov"]
        for p in ("0.01", "0.1", "0.5"):
            header += [f"hc{p}_log10_median", f"hc{p}_log10_lower", f"hc{p}_log10_upper"]
        w.writerow(header)
        for name, values in sets.items():
            x = np.log10(np.asarray(values, dtype=float))
            n = len(x)
            mean, sd = float(np.mean(x)), float(np.std(x, ddof=1))
            _, (k_lo, k_med, k_up) = constants(n, 0.05)
            ad = float(stats.anderson(x, dist="norm").statistic)
            ks = float(stats.kstest(x, "norm", args=(mean, sd)).statistic)
            row = [name, n, fmt(mean), fmt(sd), fmt(k_lo), fmt(k_med), fmt(k_up),
                   fmt(10 ** (mean - k_med * sd)), fmt(10 ** (mean - k_lo * sd)), fmt(10 ** (mean - k_up * sd)),
                   fmt(ad), fmt(ad * (1 + 0.75 / n + 2.25 / n ** 2)), fmt(ks)]
            for p in (0.01, 0.10, 0.50):
                _, (a, b, c) = constants(n, p)
                row += [fmt(mean - b * sd), fmt(mean - a * sd), fmt(mean - c * sd)]
            w.writerow(row)

    with open(k_path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["n", "p", "noncentrality", "k_lower", "k_median", "k_upper"])
        for n in (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 50, 100):
            for p in (0.01, 0.05, 0.10, 0.50, 0.90):
                delta, (a, b, c) = constants(n, p)
                w.writerow([n, repr(p), fmt(delta), fmt(a), fmt(b), fmt(c)])

    x = np.log10(np.asarray(sets["Boron"], dtype=float))
    n, mean, sd = len(x), float(np.mean(x)), float(np.std(x, ddof=1))
    with open(curve_path, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["dataset", "fraction", "log10_fitted", "log10_median", "log10_lower", "log10_upper"])
        for i in range(41):
            z = -2.4 + 4.8 * i / 40
            p = float(stats.norm.cdf(z))
            _, (a, b, c) = constants(n, p)
            w.writerow(["Boron", fmt(p), fmt(mean + z * sd), fmt(mean - b * sd), fmt(mean - a * sd), fmt(mean - c * sd)])


if __name__ == "__main__":
    # scipy 1.10's nct.ppf warns (divide by zero) on some calls although its results are finite;
    # every result is checked above.
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="scipy")
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
