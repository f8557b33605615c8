#!/usr/bin/env python3
"""Independent reference for the Kano figures of DOMAIN.md §3.

Written from the text of DOMAIN.md §3 and the class-rule definitions of the Kano task, not from
the Rust code. It classifies deterministic datasets (answer pairs drawn with a fixed seed, plus
hand-made count tables) and writes core/tests/fixtures/kano.json: inputs and expected outputs.

    python3 kano.py            # rewrite the fixture
    python3 kano.py --check    # recompute; exit 1 if the committed fixture differs

Answer pairs are classified with the standard table and, as `expected_pouliot`, with the
Pouliot variant DOMAIN.md §3 gives (count cases need no table).

Conventions that DOMAIN.md leaves open, chosen for Manyi and mirrored here:
- Better and Worse are 0 when A + O + M + I = 0 (every answer R or Q).
- "Two largest" for category strength, Fong's test and the moai rule: among M, O, A, I, R
  (Q left out), equal counts ranked M, O, A, I, R.
- DuMouchel means are over all pairs, Q and R included.
- The moai rule never picks a category that no respondent chose; then it falls back to the mode.
"""

import json
import math
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np

SEED = 20240611
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kano.json"

# DOMAIN.md §3, rows = functional answer 1..5, columns = dysfunctional answer 1..5.
STANDARD_TABLE = [
    "QAAAO",
    "RIIIM",
    "RIIIM",
    "RIIIM",
    "RRRRQ",
]
# DOMAIN.md §3: the Pouliot (1993) variant differs in two cells, (2, 2) "expect / expect" and
# (4, 4) "live with / live with", which are Q instead of I.
POULIOT_TABLE = [
    "QAAAO",
    "RQIIM",
    "RIIIM",
    "RIIQM",
    "RRRRQ",
]
TABLES = {"standard": STANDARD_TABLE, "pouliot": POULIOT_TABLE}
FUNCTIONAL_SCORE = {1: 4, 2: 2, 3: 0, 4: -1, 5: -2}
DYSFUNCTIONAL_SCORE = {1: -2, 2: -1, 3: 0, 4: 2, 5: 4}
RULES = ["mode", "moai:0.06", "moai:0.1", "oam"]


def classify(functional, dysfunctional, table="standard"):
    return TABLES[table][functional - 1][dysfunctional - 1]


def count(pairs, table="standard"):
    counts = {c: 0 for c in "AOMIRQ"}
    for f, d in pairs:
        counts[classify(f, d, table)] += 1
    return counts


def ranked(counts, categories):
    """Categories by count, largest first; equal counts keep the order given."""
    return sorted(categories, key=lambda c: (-counts[c], categories.index(c)))


def two_largest(counts):
    return ranked(counts, list("MOAIR"))[:2]


def category_strength(counts):
    n = sum(counts.values())
    first, second = two_largest(counts)
    return Fraction(counts[first] - counts[second], n)


def apply_rule(rule, counts):
    mode = ranked(counts, list("MOAIRQ"))[0]
    if rule == "mode":
        return mode
    if rule.startswith("moai:"):
        threshold = Fraction(rule.split(":")[1])
        if category_strength(counts) <= threshold:
            top = two_largest(counts)
            chosen = [c for c in "MOAI" if c in top and counts[c] > 0]
            return chosen[0] if chosen else mode
        return mode
    if rule == "oam":
        if counts["O"] + counts["A"] + counts["M"] > counts["I"] + counts["R"] + counts["Q"]:
            return ranked(counts, list("MOA"))[0]
        return ranked(counts, list("IRQ"))[0]
    raise ValueError(rule)


def analyse(counts, pairs=None):
    a, o, m, i = counts["A"], counts["O"], counts["M"], counts["I"]
    n = sum(counts.values())
    denominator = a + o + m + i
    better = Fraction(a + o, denominator) if denominator else Fraction(0)
    worse = -Fraction(o + m, denominator) if denominator else Fraction(0)
    first, second = two_largest(counts)
    big, small = counts[first], counts[second]
    critical = 1.65 * math.sqrt((big + small) * (2 * n - big - small) / (2 * n))
    significant = not (abs(big - small) < critical)
    result = {
        "counts": {c.lower(): counts[c] for c in "AOMIRQ"},
        "n": n,
        "category": {rule: apply_rule(rule, counts) for rule in RULES},
        "mixed": None if significant else [first, second],
        "better": float(better),
        "worse": float(worse) + 0.0,
        "total_strength": float(Fraction(a + o + m, n)),
        "category_strength": float(category_strength(counts)),
        "fong_difference": big - small,
        "fong_critical": critical,
        "fong_significant": significant,
        "functional_mean": None,
        "dysfunctional_mean": None,
    }
    if pairs is not None:
        result["functional_mean"] = float(Fraction(sum(FUNCTIONAL_SCORE[f] for f, _ in pairs), len(pairs)))
        result["dysfunctional_mean"] = float(
            Fraction(sum(DYSFUNCTIONAL_SCORE[d] for _, d in pairs), len(pairs))
        )
    return result


def profile(boosts):
    """A 5×5 probability table over (functional, dysfunctional): weight 1 everywhere, plus boosts."""
    weights = np.ones((5, 5))
    for (f, d), w in boosts.items():
        weights[f - 1, d - 1] += w
    return (weights / weights.sum()).ravel()


PROFILES = [
    ("must_be_heavy", 150, {(2, 5): 30, (3, 5): 20, (4, 5): 10, (1, 5): 8}),
    ("one_dimensional_heavy", 120, {(1, 5): 40, (2, 5): 10, (1, 4): 10}),
    ("attractive_heavy", 200, {(1, 3): 25, (1, 4): 20, (1, 2): 5, (3, 3): 15}),
    ("attractive_vs_indifferent", 80, {(1, 3): 12, (3, 3): 12, (2, 3): 3}),
    ("indifferent_heavy", 60, {(3, 3): 20, (2, 3): 5, (3, 4): 5}),
    ("noisy_uniform", 37, {}),
    ("small_sample", 12, {(2, 5): 3, (1, 5): 3}),
    ("reverse_and_questionable", 45, {(5, 1): 10, (1, 1): 6, (5, 5): 4}),
]

COUNT_CASES = [
    ("public_check_one_dimensional", {"A": 30, "O": 42, "M": 18, "I": 10, "R": 0, "Q": 0}),
    ("public_check_attractive_indifferent", {"A": 41, "O": 20, "M": 6, "I": 30, "R": 2, "Q": 1}),
    ("only_reverse_and_questionable", {"A": 0, "O": 0, "M": 0, "I": 0, "R": 3, "Q": 2}),
    ("only_questionable", {"A": 0, "O": 0, "M": 0, "I": 0, "R": 0, "Q": 4}),
    ("only_attractive", {"A": 5, "O": 0, "M": 0, "I": 0, "R": 0, "Q": 0}),
    ("four_way_tie", {"A": 10, "O": 10, "M": 10, "I": 10, "R": 0, "Q": 0}),
    ("tie_a_i_with_q_largest", {"A": 7, "O": 2, "M": 1, "I": 7, "R": 0, "Q": 9}),
    ("moai_boundary", {"A": 20, "O": 10, "M": 3, "I": 17, "R": 0, "Q": 0}),
    ("moai_prefers_must_be", {"A": 20, "O": 30, "M": 28, "I": 22, "R": 0, "Q": 0}),
    ("oam_equal_groups", {"A": 6, "O": 3, "M": 3, "I": 4, "R": 4, "Q": 4}),
    ("oam_reverse_wins", {"A": 1, "O": 1, "M": 1, "I": 2, "R": 5, "Q": 1}),
    ("single_respondent", {"A": 0, "O": 1, "M": 0, "I": 0, "R": 0, "Q": 0}),
]


def build():
    rng = np.random.default_rng(SEED)
    cases = []
    for name, n, boosts in PROFILES:
        cells = rng.choice(25, size=n, p=profile(boosts))
        pairs = [(int(c // 5) + 1, int(c % 5) + 1) for c in cells]
        cases.append(
            {
                "name": name,
                # Respondent k answered functional[k] and dysfunctional[k] (codes 1–5).
                "functional": "".join(str(f) for f, _ in pairs),
                "dysfunctional": "".join(str(d) for _, d in pairs),
                "counts": None,
                "expected": analyse(count(pairs), pairs),
                "expected_pouliot": analyse(count(pairs, "pouliot"), pairs),
            }
        )
    for name, counts in COUNT_CASES:
        given = {c.lower(): counts[c] for c in "AOMIRQ"}
        cases.append(
            {"name": name, "functional": None, "dysfunctional": None, "counts": given, "expected": analyse(counts)}
        )
    return {
        "generator": "core/tests/reference/kano.py",
        "seed": SEED,
        "tables": list(TABLES),
        "rules": RULES,
        "cases": cases,
    }


def render(data):
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def main(argv):
    text = render(build())
    if "--check" in argv:
        if not FIXTURE.exists() or FIXTURE.read_text(encoding="utf-8") != text:
            print(f"{FIXTURE} differs from what kano.py computes; run kano.py to regenerate it", file=sys.stderr)
            return 1
        print(f"{FIXTURE.name} agrees with kano.py")
        return 0
    FIXTURE.write_text(text, encoding="utf-8")
    print(f"wrote {FIXTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
