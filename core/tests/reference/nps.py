#!/usr/bin/env python3
"""Independent reference for the net promoter score and its adjusted-Wald interval.

Written from DOMAIN.md §3 (promoters 9–10, detractors 0–6, NPS = 100 (P − D)/n) and from
Rocks (2016), "Interval estimation for the 'net promoter score'", The American Statistician
(arXiv:1601.07235), whose R package NPS adds the pseudo-observations 0.75, 1.5, 0.75 to the
detractors, passives and promoters and builds a Wald interval on the adjusted counts with the
NPS variance (p + d) − (p − d)². Writes core/tests/fixtures/nps.json.

    python3 nps.py            # rewrite the fixture
    python3 nps.py --check    # recompute; exit 1 if the committed fixture differs
"""

import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import norm

SEED = 20240612
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "nps.json"
PSEUDO = np.array([0.75, 1.5, 0.75])  # detractors, passives, promoters

# Probabilities of the scores 0..10 for the generated groups.
PROFILES = [
    ("loyal_base", 250, [1, 1, 1, 1, 1, 2, 3, 8, 20, 25, 37]),
    ("split_opinions", 120, [8, 4, 4, 4, 4, 6, 6, 8, 10, 14, 32]),
    ("unhappy_hall", 60, [15, 10, 10, 10, 10, 10, 10, 8, 7, 5, 5]),
    ("uniform", 33, [1] * 11),
    ("tiny", 5, [1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3]),
]
HAND_CASES = [
    ("one_of_each_band", [10, 9, 8, 3]),
    ("single_promoter", [10]),
    ("single_detractor", [0]),
    ("all_passives", [7, 8, 7, 8, 7]),
    ("boundaries", [0, 6, 7, 8, 9, 10]),
]
CONFIDENCES = [0.90, 0.95, 0.99]


def expected(scores, confidence):
    scores = np.asarray(scores)
    bands = np.array([np.sum(scores <= 6), np.sum((scores >= 7) & (scores <= 8)), np.sum(scores >= 9)])
    n = int(bands.sum())
    adjusted = bands + PSEUDO
    d, _, p = adjusted / adjusted.sum()
    centre = p - d
    variance = (p + d) - (p - d) ** 2
    half = norm.ppf(1 - (1 - confidence) / 2) * np.sqrt(variance / adjusted.sum())
    low, high = np.clip(100 * np.array([centre - half, centre + half]), -100, 100)
    return {
        "n": n,
        "promoters": int(bands[2]),
        "passives": int(bands[1]),
        "detractors": int(bands[0]),
        "nps": 100 * (int(bands[2]) - int(bands[0])) / n,
        "ci_low": float(low),
        "ci_high": float(high),
    }


def build():
    rng = np.random.default_rng(SEED)
    groups = []
    for name, n, weights in PROFILES:
        p = np.array(weights, dtype=float) / sum(weights)
        groups.append((name, [int(s) for s in rng.choice(11, size=n, p=p)]))
    groups += HAND_CASES
    cases = []
    for name, scores in groups:
        for confidence in CONFIDENCES:
            cases.append(
                {
                    "name": name,
                    "scores": " ".join(str(s) for s in scores),
                    "confidence": confidence,
                    "expected": expected(scores, confidence),
                }
            )
    return {"generator": "core/tests/reference/nps.py", "seed": SEED, "cases": cases}


def render(data):
    return json.dumps(data, indent=1) + "\n"


def main(argv):
    text = render(build())
    if "--check" in argv:
        if not FIXTURE.exists() or FIXTURE.read_text(encoding="utf-8") != text:
            print(f"{FIXTURE} differs from what nps.py computes; run nps.py to regenerate it", file=sys.stderr)
            return 1
        print(f"{FIXTURE.name} agrees with nps.py")
        return 0
    FIXTURE.write_text(text, encoding="utf-8")
    print(f"wrote {FIXTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
