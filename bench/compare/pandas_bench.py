#!/usr/bin/python3
"""pandas' side of bench/compare, run by compare.py with Debian's /usr/bin/python3:

  pandas_bench.py --csv FILE --runs R

loads the world's CSV (not timed), then times the per-year balance of every pair and each
pair's compound growth R times, and prints one JSON object. Values are held as int64 cents
(read from the text, never through a float) and the yearly sums as pandas' nullable Int64, so
that sums are exact and a missing direction is <NA>, not a zero or a NaN. pandas runs on one
thread.
"""
import argparse
import json
import time

import pandas as pd

KEYS = ["reporter", "partner", "year"]


def load(csv):
    flows = pd.read_csv(csv, dtype={"reporter": "category", "partner": "category",
                                    "product": "category", "direction": "category",
                                    "year": "int16", "value": str, "currency": "category"})
    units, _, cents = (flows["value"].str.partition(".")[i] for i in (0, 1, 2))
    flows["cents"] = units.astype("int64") * 100 + cents.str.ljust(2, "0").astype("int64")
    return flows.drop(columns=["value"])


def yearly(flows, direction, name):
    picked = flows[flows["direction"] == direction]
    return picked.groupby(KEYS, observed=True)["cents"].sum().astype("Int64").rename(name)


def growth(years, column):
    """Compound growth of `column` from each pair's first year with it to its last."""
    present = years[years[column].notna()]
    by_pair = present.groupby(["reporter", "partner"], observed=True, sort=False)
    first, last = by_pair.first(), by_pair.last()
    span = last["year"] - first["year"]
    start = first[column].astype("float64")
    end = last[column].astype("float64")
    rate = (end / start) ** (1.0 / span.where(span > 0)) - 1.0
    return rate.where((span > 0) & (start > 0) & (end >= 0))


def aggregate(flows):
    years = pd.concat([yearly(flows, "X", "exports"), yearly(flows, "M", "imports")], axis=1)
    years = years.sort_index().reset_index()
    years["balance"] = years["exports"] - years["imports"]
    pairs = pd.concat([growth(years, "exports").rename("export_cagr"),
                       growth(years, "imports").rename("import_cagr")], axis=1)
    return years, pairs


def summary(years, pairs):
    return {
        "pairs": len(pairs),
        "pair_years": len(years),
        "years_with_balance": int(years["balance"].notna().sum()),
        "balance_cents": int(years["balance"].sum()),
        "cagr_defined": int(pairs.notna().sum().sum()),
        "export_cagr_sum": float(pairs["export_cagr"].sum()),
        "import_cagr_sum": float(pairs["import_cagr"].sum()),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    flows = load(args.csv)
    runs = []
    for _ in range(args.runs):
        start = time.perf_counter()
        years, pairs = aggregate(flows)
        runs.append(time.perf_counter() - start)
    print(json.dumps({"version": pd.__version__, "runs_s": runs,
                      "answer": summary(years, pairs)}))


if __name__ == "__main__":
    main()
