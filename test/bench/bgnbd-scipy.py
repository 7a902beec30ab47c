"""Baseline for the BG/NBD fit benchmark: the same log-likelihood fitted with
SciPy's Nelder-Mead on the logarithms of r, alpha, a, b, from the same start.
Reads a frequency,recency,T CSV; prints one JSON object."""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln


def load(path):
    data = np.genfromtxt(path, delimiter=",", names=True)
    return data["frequency"], data["recency"], data["T"]


def negative_ll(theta, x, tx, T):
    r, alpha, a, b = np.exp(theta)
    common = (
        gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    )
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.sum(common + np.logaddexp(a3, a4))


def fit(x, tx, T):
    start = np.array([0.0, np.log(T.mean()), 0.0, 0.0])
    return minimize(
        negative_ll, start, args=(x, tx, T), method="Nelder-Mead",
        options={"xatol": 1e-8, "fatol": 1e-9, "maxiter": 20000, "maxfev": 40000},
    )


def main():
    x, tx, T = load(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    result = fit(x, tx, T)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fit(x, tx, T)
        times.append((time.perf_counter() - start) * 1000)
    r, alpha, a, b = np.exp(result.x)
    print(json.dumps({
        "r": r, "alpha": alpha, "a": a, "b": b, "ll": -result.fun,
        "evaluations": int(result.nfev), "medianMs": sorted(times)[len(times) // 2],
    }))


main()
