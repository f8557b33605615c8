#!/usr/bin/env python3
"""Independent reference for the figures core computes from whole responses: writes
core/tests/fixtures/responses.json, a Manyi JSON export (two questionnaires and their responses,
drawn with a fixed seed) and every figure expected of it.

Written from DOMAIN.md §3, not from the Rust code:

* the satisfaction index: item answers rescaled to 0-100 on their scale, (x - min)/(max - min) x 100;
  a respondent's composite is the weighted mean of his answered items (N/A and missing drop out),
  the weights being dimension weight x item weight within the dimension, renormalised over the
  answered items ("global"), or item weights renormalised within each dimension and then the
  dimension weights over the dimensions answered ("within_dimension"); a dimension's score is the
  item-weighted mean of its answered items. The index of a group is the mean of its composites
  (respondents without one are not counted), SE = s/sqrt(n) with s the sample SD (ddof 1), the 95 %
  interval mean +- t(0.975, n - 1) SE (scipy), flagged as a small sample when n < 30. Groups are
  keyed by a tag value ("(none)" without one), the channel, or the month / ISO week of submission
  in the device's own offset, in key order; groups without a value are not listed. Complete
  responses are scored, and break-offs when asked; drafts never.
* weights: stated (normalised at each level), equal, or derived from the data: the standardised
  regression coefficients of the rescaled overall on the 0-100 item scores (statsmodels OLS with a
  constant, b_j sd(x_j)/sd(y), ddof 1), or the Pearson correlations of the dimension scores with
  the overall, over the respondents with all of them (listwise); negatives clamped to 0, then
  normalised. Derived item weights replace the products (a dimension weighs the sum of its items);
  derived dimension weights replace the dimension weights.
* drivers: penalty-reward contrast analysis (statsmodels OLS of the overall answer, on its own
  0-10 scale, on a constant and a low-band (1-2) and a high-band (5) dummy per 1-5 item; a missing
  item answer is a middle answer, or the respondent is dropped (listwise); penalty = |b_low|,
  reward = b_high, two-sided t p-values, IA = (b_high - |b_low|)/(|b_high| + |b_low|), a penalty
  significant when b_low < 0 and p < alpha, a reward when b_high > 0 and p < alpha); importance =
  the standardised coefficient of the 1-5 answers (listwise); performance = the mean of every
  answer to the item rescaled to 0-100; IPA quadrants by the data means, a point on a line high.
* Kano: each pair classified by the standard table of DOMAIN.md §3 or the Pouliot variant (cells
  (2, 2) and (4, 4) questionable), then the figures of kano.py.

    python3 core/tests/reference/responses.py          # rewrite the fixture
    python3 core/tests/reference/responses.py --check  # recompute; exit 1 if the committed fixture differs
"""

import json
import math
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.stats import pearsonr, t as student_t

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kano  # noqa: E402  (the Kano figures of kano.py)

SEED = 20261124
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "responses.json"
NONE = "(none)"
CST = timezone(timedelta(hours=8))

# ---------------------------------------------------------------- the questionnaires


def text(zh, en):
    return {"zh": zh, "en": en}


FIVE = {"min": 1, "max": 5}
TEN = {"min": 0, "max": 10}
DIMENSIONS = [("waiting", 2.0), ("counter", 3.0), ("self_service", 1.0)]
# (id, dimension, weight, N/A offered)
ITEMS = [
    ("w1", "waiting", 1.0, False),
    ("w2", "waiting", 2.0, False),
    ("c1", "counter", 1.0, False),
    ("c2", "counter", 1.0, False),
    ("c3", "counter", 2.0, False),
    ("s1", "self_service", 1.0, True),
    ("s2", "self_service", 1.0, True),
]
OVERALL = "overall"


def survey_questionnaire():
    labels = ["非常不满意", "不满意", "一般", "满意", "非常满意"]
    items = []
    for item_id, dimension, weight, na in ITEMS:
        item = {
            "id": item_id,
            "text": text(f"题目 {item_id}", f"Item {item_id}"),
            "dimension": dimension,
            "kind": {"type": "rating", "scale": "five"},
        }
        if weight != 1.0:
            item["weight"] = weight
        if na:
            item["kind"]["not_applicable"] = True
        items.append(item)
    items.append({"id": OVERALL, "text": text("总体满意度", "Overall"), "kind": {"type": "rating", "scale": "ten"}})
    return {
        "id": "survey",
        "version": 3,
        "mode": "self_completed",
        "title": text("参考问卷", "Reference survey"),
        "scales": {
            "five": {**FIVE, "labels": [text(z, f"point {k + 1}") for k, z in enumerate(labels)]},
            "ten": {**TEN, "labels": []},
        },
        "dimensions": [{"id": d, "title": text(d, d), "weight": w} for d, w in DIMENSIONS],
        "items": items,
        "scoring": {"renormalise": "global", "overall": OVERALL},
    }


FEATURES = ["online", "sms", "manager"]


def kano_questionnaire():
    return {
        "id": "features",
        "version": 1,
        "mode": "self_completed",
        "title": text("功能", "Features"),
        "items": [
            {
                "id": f,
                "text": text(f, f),
                "kind": {"type": "kano_pair", "functional": text("有", "with"), "dysfunctional": text("无", "without")},
            }
            for f in FEATURES
        ],
    }


# ---------------------------------------------------------------- the responses

HALLS = ["城东营业厅", "城西营业厅", "高新区营业厅", None]
HALL_P = [0.5, 0.33, 0.11, 0.06]
CLASSES = ["residential", "business", None]
CLASS_P = [0.6, 0.3, 0.1]


def likert(value, low, high):
    return int(np.clip(np.rint(value), low, high))


def stamp(t):
    return t.isoformat()


def header(rng, q_ref, status, started):
    r = {
        "id": str(uuid.UUID(bytes=rng.bytes(16))),
        "questionnaire": q_ref,
        "channel": "hall" if rng.random() < 0.85 else "hotline",
        "status": status,
        "tags": {},
        "started_at": stamp(started),
    }
    if status != "draft":
        r["submitted_at"] = stamp(started + timedelta(seconds=int(rng.integers(40, 400))))
    return r


def start_time(rng):
    day = datetime(2026, 10, 20, 8, 0, tzinfo=CST) + timedelta(days=int(rng.integers(0, 46)))
    return day + timedelta(seconds=int(rng.integers(0, 9 * 3600)))


def survey_responses(rng, n=260):
    ref = {"id": "survey", "version": 3}
    out = []
    for k in range(n):
        u = rng.random()
        status = "complete" if u < 0.84 else ("break_off" if u < 0.93 else "draft")
        started = start_time(rng)
        if k == 0:
            # Submitted just after midnight local time on 1 November: still October in UTC.
            started = datetime(2026, 10, 31, 23, 58, 30, tzinfo=CST)
        r = header(rng, ref, status, started)
        if k == 0:
            r["status"], r["submitted_at"] = "complete", stamp(datetime(2026, 11, 1, 0, 1, 5, tzinfo=CST))
        hall = HALLS[rng.choice(4, p=HALL_P)]
        if hall is not None:
            r["tags"]["hall"] = hall
        klass = CLASSES[rng.choice(3, p=CLASS_P)]
        if klass is not None:
            r["tags"]["customer_class"] = klass
        quality = rng.normal()
        points = {}
        for item_id, _, _, _ in ITEMS:
            lam = {"w1": 0.6, "w2": 0.5, "c1": 0.7, "c2": 0.5, "c3": 0.6, "s1": 0.4, "s2": 0.3}[item_id]
            points[item_id] = likert(3.5 + 1.15 * (lam * quality + math.sqrt(1 - lam * lam) * rng.normal()), 1, 5)
        y = (
            6.8
            - 1.6 * (points["w1"] <= 2)
            + 0.45 * (points["c1"] - 3)
            + 0.9 * (points["c3"] == 5)
            + 0.3 * (points["w2"] - 3)
            + 0.8 * quality
            + rng.normal(scale=1.1)
        )
        points[OVERALL] = likert(y, 0, 10)
        answers = {}
        # A break-off or a draft stops somewhere; a complete response skips an item now and then.
        asked = [i for i, _, _, _ in ITEMS] + [OVERALL]
        if status != "complete":
            asked = asked[: int(rng.integers(1, len(asked)))]
        for item_id in asked:
            na = item_id in ("s1", "s2") and rng.random() < 0.4
            if na:
                answers[item_id] = "not_applicable"
            elif rng.random() < (0.03 if item_id == OVERALL else 0.05):
                continue
            else:
                answers[item_id] = {"rating": points[item_id]}
        r["answers"] = answers
        out.append(r)
    return out


def kano_profile(boosts):
    weights = np.ones((5, 5))
    for (f, d), w in boosts.items():
        weights[f - 1, d - 1] += w
    return (weights / weights.sum()).ravel()


KANO_PROFILES = {
    "online": {(1, 3): 14, (1, 4): 8, (3, 3): 8, (2, 2): 3},
    "sms": {(2, 5): 16, (1, 5): 8, (2, 2): 9, (4, 4): 9, (3, 3): 6},
    "manager": {(3, 3): 10, (2, 2): 10, (4, 4): 8, (1, 5): 6},
}


def kano_responses(rng, n=150):
    ref = {"id": "features", "version": 1}
    out = []
    for _ in range(n):
        u = rng.random()
        status = "complete" if u < 0.9 else ("break_off" if u < 0.95 else "draft")
        r = header(rng, ref, status, start_time(rng))
        answers = {}
        for f in FEATURES:
            if rng.random() < 0.06:
                continue
            cell = int(rng.choice(25, p=kano_profile(KANO_PROFILES[f])))
            answers[f] = {"kano": {"functional": cell // 5 + 1, "dysfunctional": cell % 5 + 1}}
        r["answers"] = answers
        out.append(r)
    return out


# ---------------------------------------------------------------- the index


def rescale(x, scale):
    return (x - scale["min"]) / (scale["max"] - scale["min"]) * 100.0


def item_scores(r):
    """0-100 per item of ITEMS; None for N/A or missing."""
    out = []
    for item_id, _, _, _ in ITEMS:
        a = r["answers"].get(item_id)
        out.append(rescale(a["rating"], FIVE) if isinstance(a, dict) else None)
    return out


def overall_point(r):
    a = r["answers"].get(OVERALL)
    return a["rating"] if isinstance(a, dict) else None


class Tree:
    """Dimension weights (sum 1) and item weights within each dimension (sum 1 within it)."""

    def __init__(self, dimension_weights, item_weights):
        self.dims = dimension_weights
        self.items = item_weights

    @staticmethod
    def stated():
        total = sum(w for _, w in DIMENSIONS)
        dims = [w / total for _, w in DIMENSIONS]
        items = []
        for item_id, d, w, _ in ITEMS:
            within = sum(w2 for _, d2, w2, _ in ITEMS if d2 == d)
            items.append(w / within)
        return Tree(dims, items)

    @staticmethod
    def equal():
        dims = [1 / len(DIMENSIONS)] * len(DIMENSIONS)
        items = [1 / sum(1 for _, d2, _, _ in ITEMS if d2 == d) for _, d, _, _ in ITEMS]
        return Tree(dims, items)

    def dim_of(self, j):
        return [d for d, _ in DIMENSIONS].index(ITEMS[j][1])

    def products(self):
        return [self.dims[self.dim_of(j)] * self.items[j] for j in range(len(ITEMS))]

    def with_item_weights(self, weights):
        total = sum(weights)
        w = [x / total for x in weights]
        dims = [sum(w[j] for j in range(len(ITEMS)) if self.dim_of(j) == k) for k in range(len(DIMENSIONS))]
        items = [w[j] / dims[self.dim_of(j)] if dims[self.dim_of(j)] > 0 else 0.0 for j in range(len(ITEMS))]
        return Tree(dims, items)

    def with_dimension_weights(self, weights):
        total = sum(weights)
        return Tree([x / total for x in weights], self.items)

    def dimension_score(self, k, scores):
        pairs = [(self.items[j], s) for j, s in enumerate(scores) if self.dim_of(j) == k and s is not None]
        total = sum(w for w, _ in pairs)
        return sum(w * s for w, s in pairs) / total if total > 0 else None

    def composite(self, scores, rule):
        if rule == "global":
            pairs = [(p, s) for p, s in zip(self.products(), scores) if s is not None]
        else:
            pairs = [(self.dims[k], self.dimension_score(k, scores)) for k in range(len(DIMENSIONS))]
            pairs = [(w, s) for w, s in pairs if s is not None]
        total = sum(w for w, _ in pairs)
        return sum(w * s for w, s in pairs) / total if total > 0 else None


def local(text_time):
    return datetime.fromisoformat(text_time)


def group_key(r, by):
    when = local(r.get("submitted_at") or r["started_at"])
    if by == "all":
        return "all"
    if by == "channel":
        return r["channel"]
    if by == "month":
        return when.strftime("%Y-%m")
    if by == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    return r["tags"].get(by, NONE)


def summary(values):
    n = len(values)
    v = np.array(values)
    mean = float(v.mean())
    if n < 2:
        return {"n": n, "index": mean, "se": None, "ci_low": None, "ci_high": None, "small_sample": n < 30}
    se = float(v.std(ddof=1) / math.sqrt(n))
    half = float(student_t.ppf(0.975, n - 1)) * se
    return {"n": n, "index": mean, "se": se, "ci_low": mean - half, "ci_high": mean + half, "small_sample": n < 30}


def groups(pairs):
    by_key = {}
    for key, value in pairs:
        if value is not None:
            by_key.setdefault(key, []).append(value)
    return [{"group": key, **summary(by_key[key])} for key in sorted(by_key, key=lambda s: s.encode("utf-8"))]


def scored(responses, include_break_offs):
    ok = ("complete", "break_off") if include_break_offs else ("complete",)
    return [r for r in responses if r["status"] in ok]


def standardised(y, x):
    fit = sm.OLS(y, sm.add_constant(x, has_constant="add")).fit()
    return np.asarray(fit.params[1:]) * x.std(axis=0, ddof=1) / y.std(ddof=1)


def clamp_normalise(values):
    clamped = [max(float(v), 0.0) for v in values]
    return [c / sum(clamped) for c in clamped]


def derived_tree(rows, weights):
    stated = Tree.stated()
    y_all = [overall_point(r) for r in rows]
    if weights == "items_derived_regression":
        columns = [item_scores(r) for r in rows]
        keep = [k for k, c in enumerate(columns) if y_all[k] is not None and all(s is not None for s in c)]
        y = np.array([rescale(y_all[k], TEN) for k in keep])
        x = np.array([columns[k] for k in keep])
        return stated.with_item_weights(clamp_normalise(standardised(y, x))), len(keep)
    columns = [[stated.dimension_score(k, item_scores(r)) for k in range(len(DIMENSIONS))] for r in rows]
    keep = [k for k, c in enumerate(columns) if y_all[k] is not None and all(s is not None for s in c)]
    y = np.array([rescale(y_all[k], TEN) for k in keep])
    x = np.array([columns[k] for k in keep])
    r = [float(pearsonr(x[:, j], y).statistic) for j in range(len(DIMENSIONS))]
    return stated.with_dimension_weights(clamp_normalise(r)), len(keep)


INDEX_CASES = [
    ("stated", "stated", None, False, ["all", "hall", "customer_class", "channel", "month", "week"]),
    ("stated_within_dimension", "stated", "within_dimension", False, ["hall"]),
    ("equal", "equal", None, False, ["all", "month"]),
    ("stated_with_break_offs", "stated", None, True, ["hall"]),
    ("items_derived_regression", "items_derived_regression", None, False, ["all", "hall"]),
    ("dimensions_derived_correlation", "dimensions_derived_correlation", None, False, ["all"]),
]


def index_case(responses, name, weights, renormalise, include_break_offs, groupings):
    rows = scored(responses, include_break_offs)
    n_derived = None
    if weights == "stated":
        tree = Tree.stated()
    elif weights == "equal":
        tree = Tree.equal()
    else:
        tree, n_derived = derived_tree(rows, weights)
    rule = renormalise or "global"
    scores = [item_scores(r) for r in rows]
    composites = [tree.composite(s, rule) for s in scores]
    dims = [[tree.dimension_score(k, s) for k in range(len(DIMENSIONS))] for s in scores]
    tables = []
    for by in groupings:
        keys = [group_key(r, by) for r in rows]
        tables.append(
            {
                "group_by": by,
                "overall": groups(zip(keys, composites)),
                "dimensions": [
                    {"dimension": d, "groups": groups(zip(keys, [x[k] for x in dims]))}
                    for k, (d, _) in enumerate(DIMENSIONS)
                ],
            }
        )
    return {
        "name": name,
        "weights": weights,
        "renormalise": renormalise,
        "include_break_offs": include_break_offs,
        "expected": {
            "scored": len(rows),
            "left_out": len(responses) - len(rows),
            "products": tree.products(),
            "derived_from": n_derived,
            "tables": tables,
            # Each scored response's own scores, grouped by the first grouping (two cases suffice).
            "responses": [
                {"id": r["id"], "group": group_key(r, groupings[0]), "composite": c, "dimensions": d}
                for r, c, d in zip(rows, composites, dims)
            ]
            if name in ("stated_within_dimension", "items_derived_regression")
            else None,
        },
    }


# ---------------------------------------------------------------- drivers

LOW, HIGH = (1, 2), (5, 5)
DRIVER_ITEMS = [i for i, _, _, _ in ITEMS]


def point(r, item_id):
    a = r["answers"].get(item_id)
    return float(a["rating"]) if isinstance(a, dict) else None


def drivers_case(responses, missing, alpha):
    rows = scored(responses, False)
    k = len(DRIVER_ITEMS)
    x_all = [[point(r, i) for i in DRIVER_ITEMS] for r in rows]
    y_all = [point(r, OVERALL) for r in rows]
    keep = [
        m for m in range(len(rows)) if y_all[m] is not None and (missing == "as_middle" or None not in x_all[m])
    ]
    y = np.array([y_all[m] for m in keep])
    columns = []
    for j in range(k):
        xs = [x_all[m][j] for m in keep]
        columns.append([1.0 if v is not None and LOW[0] <= v <= LOW[1] else 0.0 for v in xs])
        columns.append([1.0 if v is not None and HIGH[0] <= v <= HIGH[1] else 0.0 for v in xs])
    fit = sm.OLS(y, sm.add_constant(np.column_stack(columns), has_constant="add")).fit()
    complete = [m for m in range(len(rows)) if y_all[m] is not None and None not in x_all[m]]
    importance = standardised(np.array([y_all[m] for m in complete]), np.array([x_all[m] for m in complete]))
    performance = []
    for j in range(k):
        given = [x[j] for x in x_all if x[j] is not None]
        performance.append(rescale(sum(given) / len(given), FIVE))
    centre_i, centre_p = float(np.mean(importance)), float(np.mean(performance))
    out = []
    for j, name in enumerate(DRIVER_ITEMS):
        b_low, b_high = float(fit.params[1 + 2 * j]), float(fit.params[2 + 2 * j])
        p_low, p_high = float(fit.pvalues[1 + 2 * j]), float(fit.pvalues[2 + 2 * j])
        for p in (p_low, p_high):
            assert abs(p - alpha) > 1e-4, f"{name}: p = {p} too near alpha; pick another seed"
        denominator = abs(b_high) + abs(b_low)
        penalty = b_low < 0 and p_low < alpha
        reward = b_high > 0 and p_high < alpha
        high_i, high_p = importance[j] >= centre_i, performance[j] >= centre_p
        out.append(
            {
                "item": name,
                "penalty": abs(b_low),
                "penalty_p": p_low,
                "reward": b_high,
                "reward_p": p_high,
                "impact_asymmetry": None if denominator == 0 else (b_high - abs(b_low)) / denominator,
                "category": {
                    (True, False): "basic",
                    (True, True): "performance",
                    (False, True): "excitement",
                    (False, False): "indifferent",
                }[(penalty, reward)],
                "importance": float(importance[j]),
                "performance": performance[j],
                "quadrant": {
                    (True, False): "concentrate_here",
                    (True, True): "keep_up_the_good_work",
                    (False, False): "low_priority",
                    (False, True): "possible_overkill",
                }[(bool(high_i), bool(high_p))],
            }
        )
    return {"missing": missing, "alpha": alpha, "n": len(keep), "expected": out}


# ---------------------------------------------------------------- Kano


def kano_case(responses, table):
    rows = scored(responses, False)
    out = []
    for f in FEATURES:
        pairs = [
            (r["answers"][f]["kano"]["functional"], r["answers"][f]["kano"]["dysfunctional"])
            for r in rows
            if f in r["answers"]
        ]
        result = kano.analyse(kano.count(pairs, table), pairs)
        result["category"] = result["category"]["mode"]
        out.append({"attribute": f, **result})
    return {"table": table, "expected": out}


# ---------------------------------------------------------------- the fixture


def fixture():
    rng = np.random.default_rng(SEED)
    survey = survey_responses(rng)
    features = kano_responses(rng)
    bundle = {
        "format": "manyi",
        "format_version": 1,
        "questionnaires": [survey_questionnaire(), kano_questionnaire()],
        "responses": survey + features,
    }
    return {
        "generated_by": "core/tests/reference/responses.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "bundle": bundle,
        "index": [index_case(survey, *case) for case in INDEX_CASES],
        "drivers": [drivers_case(survey, "as_middle", 0.05), drivers_case(survey, "listwise", 0.05)],
        "kano": [kano_case(features, "standard"), kano_case(features, "pouliot")],
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


def render(data):
    """Indented JSON with each questionnaire and response of the bundle, and each response's
    expected scores, on one line."""
    records = []

    def mark(items):
        marks = []
        for item in items:
            marks.append(f"@@{len(records)}@@")
            records.append(item)
        return marks

    bundle = data["bundle"]
    marked = {
        **data,
        "bundle": {**bundle, "questionnaires": mark(bundle["questionnaires"]), "responses": mark(bundle["responses"])},
        "index": [
            {**case, "expected": {**case["expected"], "responses": mark(case["expected"]["responses"] or [])}}
            if case["expected"]["responses"]
            else case
            for case in data["index"]
        ],
    }
    out = json.dumps(marked, indent=1, ensure_ascii=False)
    for k, record in enumerate(records):
        out = out.replace(f'"@@{k}@@"', json.dumps(record, ensure_ascii=False, separators=(",", ":")), 1)
    return out + "\n"


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
    FIXTURE.write_text(render(fresh), encoding="utf-8")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
