#!/usr/bin/env python3
"""Independent drivers reference for manyi-core: writes core/tests/fixtures/drivers.json.

On a few fixed-seed synthetic rating sets (items correlated with `overall`, some answers missing):

* penalty-reward contrast analysis: statsmodels OLS of overall on a constant and, for each item, a low-band
  and a high-band dummy; penalty = |b_low|, reward = b_high, two-sided t p-values with n - k - 1 df;
  IA = (b_high - |b_low|) / (|b_high| + |b_low|) (None when both are 0); a penalty is significant when
  b_low < 0 and p < alpha, a reward when b_high > 0 and p < alpha; penalty only -> basic, reward only ->
  excitement, both -> performance, neither -> indifferent. Missing item answers: listwise deletion, or
  "as_middle" (both dummies 0). A missing overall always drops the respondent.
* derived weights (listwise deletion over overall and all items): standardised regression coefficients
  b_j * sd(x_j) / sd(y) from statsmodels OLS, and Pearson correlations (scipy.stats.pearsonr); negatives
  clamped to 0, then normalised to sum 1.
* importance-performance: importance = the (unclamped) standardised coefficient; performance = mean of the
  item's available answers rescaled to 0-100 on the item scale.

    python3 core/tests/reference/drivers.py          # rewrite the fixture
    python3 core/tests/reference/drivers.py --check  # recompute; exit 1 if the committed fixture differs
"""

import json
import re
import sys
from pathlib import Path

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.stats import pearsonr

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "drivers.json"
DEFAULT_BANDS = {"low": {"low": 1.0, "high": 2.0}, "high": {"low": 5.0, "high": 5.0}}


# ---------------------------------------------------------------- synthetic data


def likert(rng, latent, scale_min, scale_max, centre, spread):
    """Round a latent score onto an integer scale."""
    return np.clip(np.rint(centre + spread * latent), scale_min, scale_max)


def hall(seed=20240511, n=400):
    """1-5 items with a basic, a performance, an excitement and an indifferent driver of overall."""
    rng = np.random.default_rng(seed)
    q = rng.normal(size=n)  # overall service quality as the customer sees it
    names = ["wait", "staff", "environment", "process", "fee_clarity"]
    loadings = [0.55, 0.7, 0.5, 0.6, 0.4]
    items = [
        likert(rng, lam * q + np.sqrt(1 - lam**2) * rng.normal(size=n), 1, 5, 3.6, 1.1) for lam in loadings
    ]
    wait, staff, env, process, _fee = items
    y = (
        3.4
        - 0.9 * (wait <= 2)  # basic: hurts when bad, no reward when good
        + 0.35 * (staff - 3)  # performance: linear
        + 0.7 * (env == 5)  # excitement: rewards when excellent
        + 0.15 * (process - 3)
        + 0.3 * q
        + rng.normal(scale=0.6, size=n)
    )
    overall = np.clip(np.rint(y), 1, 5)
    return names, overall, items, rng


def callback(seed=20240512, n=180):
    """1-5 items read by an agent; `repeat_calls` runs against overall (more calls, less satisfied)."""
    rng = np.random.default_rng(seed)
    q = rng.normal(size=n)
    names = ["resolved", "courtesy", "speed", "repeat_calls"]
    resolved = likert(rng, 0.7 * q + 0.71 * rng.normal(size=n), 1, 5, 3.5, 1.2)
    courtesy = likert(rng, 0.5 * q + 0.87 * rng.normal(size=n), 1, 5, 3.8, 1.0)
    speed = likert(rng, 0.5 * q + 0.87 * rng.normal(size=n), 1, 5, 3.2, 1.2)
    repeat_calls = likert(rng, -0.4 * q + 0.92 * rng.normal(size=n), 1, 5, 2.8, 1.2)
    items = [resolved, courtesy, speed, repeat_calls]
    y = 3.3 + 0.5 * (resolved - 3) + 0.15 * (courtesy - 3) + 0.2 * (speed - 3) - 0.25 * (repeat_calls - 3)
    y = y + 0.2 * q + rng.normal(scale=0.7, size=n)
    overall = np.clip(np.rint(y), 1, 5)
    return names, overall, items, rng


def seven_point(seed=20240513, n=250):
    """1-7 items with overall on 0-10."""
    rng = np.random.default_rng(seed)
    q = rng.normal(size=n)
    names = ["reliability", "billing", "outage_notice"]
    items = [likert(rng, lam * q + np.sqrt(1 - lam**2) * rng.normal(size=n), 1, 7, 4.8, 1.5) for lam in (0.6, 0.5, 0.4)]
    rel, bill, notice = items
    y = 6.5 - 2.0 * (rel <= 3) + 0.5 * (bill - 4) + 1.2 * (notice == 7) + 0.8 * q + rng.normal(scale=1.2, size=n)
    overall = np.clip(np.rint(y), 0, 10)
    return names, overall, items, rng


def with_missing(rng, overall, items, item_rate, overall_rate):
    items = [x.copy() for x in items]
    for x in items:
        x[rng.random(x.shape[0]) < item_rate] = np.nan
    overall = overall.copy()
    overall[rng.random(overall.shape[0]) < overall_rate] = np.nan
    return overall, items


# ---------------------------------------------------------------- analyses


def in_band(x, band):
    return (x >= band["low"]) & (x <= band["high"])


def penalty_reward(names, overall, items, bands, missing, alpha):
    x = np.column_stack(items)
    keep = ~np.isnan(overall)
    if missing == "listwise":
        keep &= ~np.isnan(x).any(axis=1)
    y = overall[keep]
    x = x[keep]
    columns = []
    for j in range(len(names)):
        xj = x[:, j]
        present = ~np.isnan(xj)
        columns.append(np.where(present & in_band(np.nan_to_num(xj, nan=-1e9), bands["low"]), 1.0, 0.0))
        columns.append(np.where(present & in_band(np.nan_to_num(xj, nan=-1e9), bands["high"]), 1.0, 0.0))
    design = sm.add_constant(np.column_stack(columns), has_constant="add")
    fit = sm.OLS(y, design).fit()
    out = []
    for j, name in enumerate(names):
        b_low, b_high = float(fit.params[1 + 2 * j]), float(fit.params[2 + 2 * j])
        p_low, p_high = float(fit.pvalues[1 + 2 * j]), float(fit.pvalues[2 + 2 * j])
        for p in (p_low, p_high):
            assert abs(p - alpha) > 1e-4, f"{name}: p = {p} too near alpha; pick another seed"
        denominator = abs(b_high) + abs(b_low)
        ia = None if denominator == 0 else (b_high - abs(b_low)) / denominator
        penalty_sig = b_low < 0 and p_low < alpha
        reward_sig = b_high > 0 and p_high < alpha
        category = {
            (True, False): "basic",
            (False, True): "excitement",
            (True, True): "performance",
            (False, False): "indifferent",
        }[(penalty_sig, reward_sig)]
        out.append(
            {
                "item": name,
                "penalty": abs(b_low),
                "penalty_p": p_low,
                "reward": b_high,
                "reward_p": p_high,
                "impact_asymmetry": ia,
                "category": category,
            }
        )
    return {"n": int(y.shape[0]), "r_squared": float(fit.rsquared), "items": out}


def complete_cases(overall, items):
    x = np.column_stack(items)
    keep = ~np.isnan(overall) & ~np.isnan(x).any(axis=1)
    return overall[keep], x[keep]


def standardised(overall, items):
    y, x = complete_cases(overall, items)
    fit = sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()
    beta = np.asarray(fit.params[1:])
    return y.shape[0], (beta * x.std(axis=0, ddof=1) / y.std(ddof=1)).tolist()


def correlations(overall, items):
    y, x = complete_cases(overall, items)
    return y.shape[0], [float(pearsonr(x[:, j], y).statistic) for j in range(x.shape[1])]


def derived(names, coefficients):
    clamped = [max(c, 0.0) for c in coefficients]
    total = sum(clamped)
    return {
        "coefficients": coefficients,
        "weights": [c / total for c in clamped],
        "clamped": [name for name, c in zip(names, coefficients) if c < 0],
    }


def importance(names, overall, items, scale):
    n, beta = standardised(overall, items)
    rows = []
    for name, b, x in zip(names, beta, items):
        answered = x[~np.isnan(x)]
        rows.append(
            {
                "item": name,
                "importance": b,
                "performance": float((answered.mean() - scale["min"]) / (scale["max"] - scale["min"]) * 100),
                "answered": int(answered.shape[0]),
            }
        )
    return {"n": n, "items": rows}


def dataset(name, generator, scale, item_rate, overall_rate, analyses):
    names, overall, items, rng = generator()
    overall, items = with_missing(rng, overall, items, item_rate, overall_rate)
    n_reg, beta = standardised(overall, items)
    n_cor, r = correlations(overall, items)
    return {
        "name": name,
        "scale": scale,
        "item_names": names,
        "overall": [None if np.isnan(v) else float(v) for v in overall],
        "items": [[None if np.isnan(v) else float(v) for v in x] for x in items],
        "penalty_reward": [
            {
                "bands": bands,
                "missing": missing,
                "alpha": alpha,
                "expected": penalty_reward(names, overall, items, bands, missing, alpha),
            }
            for bands, missing, alpha in analyses
        ],
        "derived": {
            "standardised_regression": {"n": n_reg, **derived(names, beta)},
            "correlation": {"n": n_cor, **derived(names, r)},
        },
        "importance": importance(names, overall, items, scale),
    }


def fixture():
    one_to_five = {"min": 1.0, "max": 5.0}
    wide = {"low": {"low": 1.0, "high": 2.0}, "high": {"low": 4.0, "high": 5.0}}
    seven_bands = {"low": {"low": 1.0, "high": 3.0}, "high": {"low": 7.0, "high": 7.0}}
    return {
        "generated_by": "core/tests/reference/drivers.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "datasets": [
            dataset(
                "hall",
                hall,
                one_to_five,
                0.03,
                0.01,
                [(DEFAULT_BANDS, "listwise", 0.05), (DEFAULT_BANDS, "as_middle", 0.05), (DEFAULT_BANDS, "listwise", 0.001)],
            ),
            dataset("callback", callback, one_to_five, 0.04, 0.02, [(wide, "listwise", 0.05), (wide, "as_middle", 0.10)]),
            dataset("seven_point", seven_point, {"min": 1.0, "max": 7.0}, 0.02, 0.0, [(seven_bands, "listwise", 0.05)]),
        ],
    }


# ---------------------------------------------------------------- --check


def same(a, b, path="$", rel=1e-12):
    """Differences between two fixtures: numbers within rel (relative, or absolute near 0), the rest equal."""
    if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)):
        if isinstance(a, dict) and isinstance(b, dict):
            if a.keys() != b.keys():
                return [f"{path}: keys {sorted(a)} != {sorted(b)}"]
            return [d for k in a for d in same(a[k], b[k], f"{path}.{k}", rel)]
        if isinstance(a, list) and isinstance(b, list):
            if len(a) != len(b):
                return [f"{path}: length {len(a)} != {len(b)}"]
            return [d for i, (x, y) in enumerate(zip(a, b)) for d in same(x, y, f"{path}[{i}]", rel)]
        return [] if a == b else [f"{path}: {a!r} != {b!r}"]
    if not isinstance(b, (int, float)) or abs(a - b) > rel * max(abs(a), abs(b), 1e-3):
        return [f"{path}: {a!r} != {b!r}"]
    return []


def main():
    fresh = fixture()
    if "--check" in sys.argv[1:]:
        committed = json.loads(FIXTURE.read_text(encoding="utf-8"))
        committed.pop("versions", None)
        fresh.pop("versions", None)
        diffs = same(fresh, committed)
        for d in diffs[:20]:
            print(d, file=sys.stderr)
        if diffs:
            print(f"{FIXTURE} differs from a fresh computation ({len(diffs)} differences)", file=sys.stderr)
            sys.exit(1)
        print(f"{FIXTURE} is up to date")
        return
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(fresh, indent=1, ensure_ascii=False)
    # One line for each list of plain numbers, so the rating columns stay readable.
    text = re.sub(r"\[\s+([-0-9.eEnul,\s]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)
    FIXTURE.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
