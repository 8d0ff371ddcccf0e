#!/usr/bin/python3
"""SQLite's side of bench/compare, run by compare.py:

  sqlite_bench.py --csv FILE --runs R --threads T

loads the world's CSV into an in-memory database (not timed), then times the per-year balance
of every pair and each pair's compound growth R times, and prints one JSON object. SQLite has
no decimal type, so values are INTEGER cents (read from the text, never through a float), whose
sums are exact. The SQL is DuckDB's (duckdb_bench.mjs) but for arg_min and arg_max, which
SQLite lacks: a pair's first and last values come from joins on an index of the yearly table
instead (timed too; without it SQLite scans that table once a pair). SQLite runs queries on
one thread; PRAGMA threads lets its sorter use T - 1 helpers.
"""
import argparse
import csv
import json
import sqlite3
import time

PAIR_YEARS = """
  CREATE TEMP TABLE pair_years AS
  SELECT reporter, partner, year,
         sum(cents) FILTER (WHERE direction = 'X') AS exports,
         sum(cents) FILTER (WHERE direction = 'M') AS imports,
         sum(cents) FILTER (WHERE direction = 'X') - sum(cents) FILTER (WHERE direction = 'M')
           AS balance
  FROM flows GROUP BY reporter, partner, year"""

PAIR_YEARS_INDEX = "CREATE INDEX temp.pair_years_key ON pair_years (reporter, partner, year)"

PAIR_GROWTH = """
  CREATE TEMP TABLE pair_growth AS
  WITH span AS (
    SELECT reporter, partner,
           min(year) FILTER (WHERE exports IS NOT NULL) AS x_first,
           max(year) FILTER (WHERE exports IS NOT NULL) AS x_last,
           min(year) FILTER (WHERE imports IS NOT NULL) AS m_first,
           max(year) FILTER (WHERE imports IS NOT NULL) AS m_last
    FROM pair_years GROUP BY reporter, partner)
  SELECT s.reporter, s.partner,
         CASE WHEN x_last > x_first AND xs.exports > 0 AND xe.exports >= 0
              THEN power(xe.exports * 1.0 / xs.exports, 1.0 / (x_last - x_first)) - 1 END
           AS export_cagr,
         CASE WHEN m_last > m_first AND ms.imports > 0 AND me.imports >= 0
              THEN power(me.imports * 1.0 / ms.imports, 1.0 / (m_last - m_first)) - 1 END
           AS import_cagr
  FROM span s
  LEFT JOIN pair_years xs
    ON xs.reporter = s.reporter AND xs.partner = s.partner AND xs.year = s.x_first
  LEFT JOIN pair_years xe
    ON xe.reporter = s.reporter AND xe.partner = s.partner AND xe.year = s.x_last
  LEFT JOIN pair_years ms
    ON ms.reporter = s.reporter AND ms.partner = s.partner AND ms.year = s.m_first
  LEFT JOIN pair_years me
    ON me.reporter = s.reporter AND me.partner = s.partner AND me.year = s.m_last"""

SUMMARY = """
  SELECT (SELECT count(*) FROM pair_growth), (SELECT count(*) FROM pair_years),
         (SELECT count(balance) FROM pair_years),
         (SELECT coalesce(sum(balance), 0) FROM pair_years),
         (SELECT count(export_cagr) + count(import_cagr) FROM pair_growth),
         (SELECT coalesce(sum(export_cagr), 0) FROM pair_growth),
         (SELECT coalesce(sum(import_cagr), 0) FROM pair_growth)"""


def cents(text):
    units, _, fraction = text.partition(".")
    return int(units) * 100 + int(fraction.ljust(2, "0"))


def load(db, path):
    db.execute("CREATE TABLE flows (reporter TEXT, partner TEXT, product TEXT, direction TEXT, "
               "year INTEGER, cents INTEGER, currency TEXT)")
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        db.executemany("INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?)",
                       ((r[0], r[1], r[2], r[3], int(r[4]), cents(r[5]), r[6]) for r in rows))
    db.commit()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--csv", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.execute(f"PRAGMA threads = {max(args.threads - 1, 0)}")
    db.execute("BEGIN")
    load(db, args.csv)
    runs = []
    for _ in range(args.runs):
        db.execute("DROP TABLE IF EXISTS temp.pair_years")
        db.execute("DROP TABLE IF EXISTS temp.pair_growth")
        start = time.perf_counter()
        db.execute(PAIR_YEARS)
        db.execute(PAIR_YEARS_INDEX)
        db.execute(PAIR_GROWTH)
        runs.append(time.perf_counter() - start)
    names = ["pairs", "pair_years", "years_with_balance", "balance_cents", "cagr_defined",
             "export_cagr_sum", "import_cagr_sum"]
    answer = dict(zip(names, db.execute(SUMMARY).fetchone()))
    print(json.dumps({"version": sqlite3.sqlite_version, "runs_s": runs, "answer": answer}))


if __name__ == "__main__":
    main()
