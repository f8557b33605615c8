#!/usr/bin/env python3
"""Independent AHP reference for manyi-core: writes core/tests/fixtures/ahp.json.

Weights by numpy's general eigensolver (np.linalg.eig, principal eigenvector normalised to sum 1) and by
row geometric means; CI = (lmax - n)/(n - 1) (0 for n <= 2, floored at 0), CR = CI/RI with Saaty's random
index, consistent = CR <= 0.10.

    python3 core/tests/reference/ahp.py          # rewrite the fixture
    python3 core/tests/reference/ahp.py --check  # recompute; exit 1 if the committed fixture differs
"""

import json
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ahp.json"
RI = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
SAATY = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]


def cell(text):
    """A judgement cell such as "3", "0.5" or "1/3", as the nearest float."""
    if "/" in text:
        a, b = text.split("/")
        return float(a) / float(b)
    return float(text)


def reciprocal(text):
    f = 1 / Fraction(text)
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def random_matrix(n, seed):
    """A reciprocal matrix with upper-triangle judgements drawn from Saaty's 1/9 .. 9 scale."""
    rng = np.random.default_rng(seed)
    rows = [["1"] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            value = SAATY[rng.integers(0, 9)]
            if rng.integers(0, 2) == 1:
                value = reciprocal(value)
            rows[i][j] = value
            rows[j][i] = reciprocal(value)
    return rows


def consistency(lmax, n):
    ci = 0.0 if n <= 2 else max(0.0, (lmax - n) / (n - 1))
    ri = RI[n]
    cr = ci / ri if ri > 0 else 0.0
    return {"lambda_max": lmax, "ci": ci, "cr": cr, "random_index": ri, "consistent": bool(cr <= 0.10)}


def eigenvector(a):
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = vectors[:, k].real
    w = w / w.sum()
    return {"weights": w.tolist(), **consistency(float(values[k].real), a.shape[0])}


def geometric_mean(a):
    n = a.shape[0]
    g = np.prod(a, axis=1) ** (1.0 / n)
    w = g / g.sum()
    lmax = float(np.mean((a @ w) / w))
    return {"weights": w.tolist(), **consistency(lmax, n)}


def cases():
    named = {
        "public_check": [["1", "2", "4"], ["1/2", "1", "3"], ["1/4", "1/3", "1"]],
        "one": [["1"]],
        "two": [["1", "5"], ["1/5", "1"]],
        "four_ordered": [
            ["1", "3", "5", "7"],
            ["1/3", "1", "3", "5"],
            ["1/5", "1/3", "1", "3"],
            ["1/7", "1/5", "1/3", "1"],
        ],
        "five_hall_dimensions": [
            ["1", "2", "3", "5", "7"],
            ["1/2", "1", "2", "4", "5"],
            ["1/3", "1/2", "1", "2", "3"],
            ["1/5", "1/4", "1/2", "1", "2"],
            ["1/7", "1/5", "1/3", "1/2", "1"],
        ],
        "four_inconsistent": [
            ["1", "9", "1/9", "5"],
            ["1/9", "1", "9", "1/3"],
            ["9", "1/9", "1", "7"],
            ["1/5", "3", "1/7", "1"],
        ],
        "decimals": [["1", "0.5", "2.5"], ["2", "1", "4"], ["0.4", "0.25", "1"]],
    }
    for n, seed in [(6, 6), (7, 7), (9, 9), (10, 10)]:
        named[f"random_{n}"] = random_matrix(n, 20240600 + seed)
    out = []
    for name, rows in named.items():
        a = np.array([[cell(c) for c in row] for row in rows], dtype=float)
        out.append(
            {"name": name, "matrix": rows, "eigenvector": eigenvector(a), "geometric_mean": geometric_mean(a)}
        )
    return out


def fixture():
    return {
        "generated_by": "core/tests/reference/ahp.py",
        "numpy": np.__version__,
        "cases": cases(),
    }


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
        committed.pop("numpy", None)
        fresh.pop("numpy", None)
        diffs = same(fresh, committed)
        for d in diffs[:20]:
            print(d, file=sys.stderr)
        if diffs:
            print(f"{FIXTURE} differs from a fresh computation ({len(diffs)} differences)", file=sys.stderr)
            sys.exit(1)
        print(f"{FIXTURE} is up to date")
        return
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(json.dumps(fresh, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
