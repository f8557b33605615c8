#!/usr/bin/env python3
"""The benchmark's scoring pass done independently with pandas/numpy, on the same files.

Reads the Manyi JSON files that `cargo run --release -p manyi-cli --example bench` wrote (default
/tmp/manyi-bench: 10 files, 1,000,000 responses, 90 % hall and 10 % Kano), and times:

* import and merge: json.load of every file, flattened into one DataFrame, de-duplicated by UUID;
* the scoring pass:
  - hall composites: each 1-5 answer rescaled to 0-100 as (x - 1) / 4 * 100; N/A and missing drop out;
    stated weights of the built-in questionnaire (four dimensions of weight 1, items equal within their
    dimension), renormalised over the answered items; complete responses only;
  - the index by hall, by month (the local year-month of submitted_at) and by business type: n, mean,
    SE = s / sqrt(n) with s the sample standard deviation;
  - the Kano category counts of each feature under the standard evaluation table, and the class by the
    most frequent category with ties broken M > O > A > I > R > Q;
  - penalty-reward: numpy lstsq of overall on a constant and, for each rated item, a low-band dummy
    (1-2) and a high-band dummy (5), a missing or N/A answer counting as a middle answer (both 0);
    penalty = |b_low|, reward = b_high.

Peak memory is ru_maxrss (the process's VmHWM). Then it compares with DIR/rust_results.json: index values and SEs equal to 1e-9, counts and classes
exactly, penalties and rewards to 1e-9. Exit 1 on any difference.

    python3 cli/examples/bench_pandas.py [--dir /tmp/manyi-bench]
"""

import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HALL_ITEMS = {
    # item: dimension
    "guide": "guidance",
    "wait": "guidance",
    "queue_fair": "guidance",
    "courtesy": "counter",
    "speed": "counter",
    "right_first_time": "counter",
    "explained": "counter",
    "kiosk_ease": "self_service",
    "kiosk_fit": "self_service",
    "environment": "environment",
}
# Dimension weight 1/4, split equally among the dimension's items.
DIMENSION_SIZE = pd.Series(HALL_ITEMS).value_counts()
WEIGHTS = np.array([0.25 / DIMENSION_SIZE[d] for d in HALL_ITEMS.values()])

# Standard Kano table, rows functional 1..5, columns dysfunctional 1..5.
KANO_TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]
TIE_ORDER = "MOAIRQ"


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8-sig") as f:
            bundle = json.load(f)
        for r in bundle["responses"]:
            row = {
                "id": r["id"],
                "questionnaire": r["questionnaire"]["id"],
                "status": r["status"],
                "hall": r.get("tags", {}).get("hall"),
                "business_type": r.get("tags", {}).get("business_type"),
                "month": (r.get("submitted_at") or r["started_at"])[:7],
            }
            for item, answer in r["answers"].items():
                if isinstance(answer, dict):
                    if "rating" in answer:
                        row[item] = answer["rating"]
                    elif "kano" in answer:
                        row[item + "_f"] = answer["kano"]["functional"]
                        row[item + "_d"] = answer["kano"]["dysfunctional"]
            rows.append(row)
    df = pd.DataFrame(rows)
    return df.drop_duplicates("id")


def hall_index(hall, by):
    scores = (hall[list(HALL_ITEMS)].to_numpy(dtype=float) - 1.0) / 4.0 * 100.0
    answered = ~np.isnan(scores)
    w = np.where(answered, WEIGHTS, 0.0)
    composite = np.nansum(scores * WEIGHTS, axis=1) / w.sum(axis=1)
    frame = pd.DataFrame({"group": hall[by].fillna("(none)").to_numpy(), "composite": composite})
    frame = frame[w.sum(axis=1) > 0]
    g = frame.groupby("group")["composite"].agg(["count", "mean", "std"])
    g["se"] = g["std"] / np.sqrt(g["count"])
    return g


def kano(df, features):
    out = {}
    for feature in features:
        pairs = df[[feature + "_f", feature + "_d"]].dropna().astype(int).to_numpy()
        cats = np.array([list(row) for row in KANO_TABLE])[pairs[:, 0] - 1, pairs[:, 1] - 1]
        counts = {c: int((cats == c).sum()) for c in "AOMIRQ"}
        best = max(counts.values())
        category = next(c for c in TIE_ORDER if counts[c] == best)
        out[feature] = (counts, category)
    return out


def penalty_reward(hall, items):
    y = hall["overall"].to_numpy(dtype=float)
    keep = ~np.isnan(y)
    columns = [np.ones(keep.sum())]
    for item in items:
        x = hall[item].to_numpy(dtype=float)[keep]
        columns.append(np.where(x <= 2, 1.0, 0.0))  # NaN compares False: a middle answer
        columns.append(np.where(x == 5, 1.0, 0.0))
    beta, *_ = np.linalg.lstsq(np.column_stack(columns), y[keep], rcond=None)
    return {item: (abs(beta[1 + 2 * j]), beta[2 + 2 * j]) for j, item in enumerate(items)}


def peak_mb():
    """The process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    args = sys.argv[1:]
    folder = Path(args[args.index("--dir") + 1]) if "--dir" in args else Path("/tmp/manyi-bench")
    rust = json.loads((folder / "rust_results.json").read_text(encoding="utf-8"))
    paths = [folder / f for f in rust["files"]]

    t0, c0 = time.perf_counter(), time.process_time()
    df = load(paths)
    t1, c1 = time.perf_counter(), time.process_time()
    peak_import = peak_mb()
    hall = df[(df["questionnaire"] == "hall") & (df["status"] == "complete")]
    indices = {by: hall_index(hall, by) for by in ("hall", "month", "business_type")}
    t2 = time.perf_counter()
    kano_df = df[(df["questionnaire"] == "kano") & (df["status"] == "complete")]
    features = [k["attribute"] for k in rust["kano"]]
    kano_result = kano(kano_df, features)
    t3 = time.perf_counter()
    drivers = penalty_reward(hall, [d["item"] for d in rust["drivers"]])
    t4, c4 = time.perf_counter(), time.process_time()

    print(f"pandas {pd.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
    print(f"import + merge    {t1 - t0:7.2f} s wall {c1 - c0:7.2f} s cpu  {len(df)} responses; peak memory {peak_import:.0f} MB")
    print(
        f"scoring pass      {t4 - t1:7.2f} s wall {c4 - c1:7.2f} s cpu  index x3 {t2 - t1:.2f} s, Kano {t3 - t2:.2f} s, "
        f"penalty-reward {t4 - t3:.2f} s; peak memory {peak_mb():.0f} MB"
    )

    problems = []
    if len(df) != rust["responses"]:
        problems.append(f"responses: pandas {len(df)}, Rust {rust['responses']}")
    for by, table in indices.items():
        groups = {g["group"]: g for g in rust["index"][by]}
        if set(groups) != set(table.index):
            problems.append(f"{by}: groups differ: {sorted(groups)} vs {sorted(table.index)}")
        for group, row in table.iterrows():
            g = groups.get(group)
            if g is None:
                continue
            if g["n"] != row["count"] or abs(g["index"] - row["mean"]) > 1e-9 or abs(g["se"] - row["se"]) > 1e-9:
                problems.append(f"{by}={group}: Rust n {g['n']} index {g['index']!r} se {g['se']!r}; "
                                f"pandas n {row['count']} index {row['mean']!r} se {row['se']!r}")
    for k in rust["kano"]:
        counts, category = kano_result[k["attribute"]]
        rust_counts = {c.upper(): v for c, v in k["counts"].items()}
        if rust_counts != counts or k["category"] != category:
            problems.append(f"kano {k['attribute']}: Rust {rust_counts} {k['category']}, pandas {counts} {category}")
    for d in rust["drivers"]:
        penalty, reward = drivers[d["item"]]
        if abs(d["penalty"] - penalty) > 1e-9 or abs(d["reward"] - reward) > 1e-9:
            problems.append(f"drivers {d['item']}: Rust {d['penalty']!r}/{d['reward']!r}, pandas {penalty!r}/{reward!r}")
    checked = sum(len(t) for t in indices.values())
    if problems:
        print("DIFFERENCES:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(
        f"agrees with Rust: {checked} index groups (index and SE to 1e-9), "
        f"{len(rust['kano'])} Kano features (counts, class), {len(rust['drivers'])} penalty-reward items (to 1e-9)"
    )


if __name__ == "__main__":
    main()
