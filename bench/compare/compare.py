#!/usr/bin/python3
"""culturetrade against the tools analysts use instead, on the synthetic world (bench/world.h).

  bench/compare/compare.py --build BUILD_DIR --sizes 10000,100000 --runs 5 --threads 1,all \\
      --out results.json [--work DIR] [--aggregation-max N] [--large-runs R]

For each size it writes the first N flows of the world as a CSV file, then:
  aggregation  the per-year balance of every reporter-partner pair and each pair's compound
               growth, on data already in memory, every tool on one thread: culturetrade's core
               (ComputePairBalances), DuckDB (node, @duckdb/node-api from the checkout's .tools),
               pandas and SQLite (Debian's python3). Every tool's answer is summarised (pairs,
               years, the exact sum of the balances in cents, the sum of the growth rates) and
               must agree. Sizes above --aggregation-max skip it (pandas alone would need tens
               of GiB at 10^8 flows).
  end to end   from the CSV file to one pair's balance: a culturetrade-server on a SQLite store
               and `ctrade datasets create` + `ctrade analyze balance`, against one DuckDB
               process doing read_csv and the same balance in SQL, once per --threads mode: `1`
               pins the server, ctrade and DuckDB's process to one CPU and sets DuckDB's
               threads to 1; `all` pins nothing and leaves DuckDB its default threads (every
               core). The answers must agree; the ctrade path is also timed phase by phase and
               ctrade's peak resident memory is taken (wait4) for each create.
Run Debian's /usr/bin/python3 (pandas). Writes the JSON that bench/run_benchmarks.py reads.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# No bytecode caches left in the checkout by the modules beside this script.
sys.dont_write_bytecode = True
import end_to_end  # noqa: E402
from children import fail, run  # noqa: E402

CHECKOUT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DUCKDB_MODULE = CHECKOUT / ".tools" / "node_modules" / "@duckdb" / "node-api"
# What a size needs on disk per flow: its CSV file (37 B a row) and the SQLite store.
DISK_BYTES_PER_FLOW = 100
TOOLS = ("culturetrade", "duckdb", "pandas", "sqlite")


class Programs:
    def __init__(self, build):
        self.world = build / "bench" / "compare" / "culturetrade-bench-world"
        self.core = build / "bench" / "compare" / "culturetrade-compare-core"
        self.server = build / "service" / "culturetrade-server"
        self.ctrade = build / "client" / "ctrade"
        for program in (self.world, self.core, self.server, self.ctrade):
            if not os.access(program, os.X_OK):
                fail(f"{program} is missing: build the targets culturetrade-bench-world, "
                     "culturetrade-compare-core, culturetrade-server and ctrade")
        if not DUCKDB_MODULE.is_dir():
            fail(f"DuckDB's node package is missing ({DUCKDB_MODULE}): install it with "
                 "`npm install --prefix .tools @duckdb/node-api` (deploy/setup.sh test does)")
        if shutil.which("node") is None:
            fail("node is missing: DuckDB runs under node")


def aggregation_command(tool, programs, size, csv, runs):
    if tool == "culturetrade":
        return [programs.core, "--flows", str(size), "--runs", str(runs)]
    if tool == "duckdb":
        return ["node", HERE / "duckdb_bench.mjs", "aggregate", "--csv", csv, "--runs", str(runs),
                "--threads", "1"]
    if tool == "pandas":
        return [sys.executable, HERE / "pandas_bench.py", "--csv", csv, "--runs", str(runs)]
    return [sys.executable, HERE / "sqlite_bench.py", "--csv", csv, "--runs", str(runs),
            "--threads", "1"]


def checksum(answer):
    """The summary as one string; growth rates are doubles summed in different orders, so their
    sum is rounded to six decimals."""
    cagr = answer["export_cagr_sum"] + answer["import_cagr_sum"]
    return (f"pairs={answer['pairs']} pair_years={answer['pair_years']} "
            f"years_with_balance={answer['years_with_balance']} "
            f"balance_cents={answer['balance_cents']} cagr_defined={answer['cagr_defined']} "
            f"cagr_sum={cagr:.6f}")


def aggregate(programs, size, csv, args, versions):
    entries = []
    for tool in TOOLS:
        output, peak = run(aggregation_command(tool, programs, size, csv, args.runs))
        result = json.loads(output)
        if "version" in result:
            versions[tool] = result["version"]
        entries.append({"size": size, "tool": tool, "threads": 1,
                        "median_s": statistics.median(result["runs_s"]),
                        "runs_s": result["runs_s"], "peak_rss_kib": peak,
                        "checksum": checksum(result["answer"])})
        print(f"aggregation {size:>9} {tool:<12} {entries[-1]['median_s']:.3g} s", flush=True)
    if len({e["checksum"] for e in entries}) != 1:
        fail(f"the tools disagree at {size} flows:\n" +
             "\n".join(f"  {e['tool']}: {e['checksum']}" for e in entries))
    return entries


def aggregation_notes(entries):
    notes = []
    by_size = {}
    for e in entries:
        by_size.setdefault(e["size"], {})[e["tool"]] = e["median_s"]
    for size, t in sorted(by_size.items()):
        ratios = ", ".join(f"{tool} {t[tool] / t['culturetrade']:.1f}x"
                           for tool in TOOLS[1:])
        verdict = ("meets" if t["duckdb"] >= 3 * t["culturetrade"] else
                   f"misses by {3 * t['culturetrade'] / t['duckdb']:.2f}x")
        notes.append(f"aggregation at {size} flows: culturetrade {t['culturetrade']:.3g} s; "
                     f"the others take {ratios} as long; {verdict} the 3x DuckDB target")
    return notes


def culturetrade_version():
    try:
        return subprocess.run(["git", "-C", CHECKOUT, "describe", "--always", "--dirty"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "dev"


def predicted_seconds(e2e, size, runs):
    """End to end's seconds at `size` (both tools, every thread mode, `runs` runs each), from
    the per-flow times of the largest size measured so far; 0 before any."""
    if not e2e:
        return 0.0
    last = max(e["size"] for e in e2e)
    return sum(e["median_s"] for e in e2e if e["size"] == last) * size / last * runs


def world_csv(programs, work, size):
    """Writes the first `size` world flows as a CSV file in `work`, after checking the disk."""
    free = shutil.disk_usage(work).free
    if free < size * DISK_BYTES_PER_FLOW:
        fail(f"{size} flows need about {size * DISK_BYTES_PER_FLOW / 2**30:.1f} GiB free in "
             f"{work} (its CSV file and the SQLite store); {free / 2**30:.1f} GiB are free")
    csv = work / f"world-{size}.csv"
    print(f"world       {size:>9} writing {csv.name}", flush=True)
    run([programs.world, "--flows", str(size), "--csv", csv])
    return csv


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", required=True, type=Path)
    parser.add_argument("--sizes", default="10000,100000,1000000,10000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", default="1,all",
                        help="end to end's thread modes, comma-separated: a number of CPUs or "
                        "`all`; aggregation always runs every tool on one thread")
    parser.add_argument("--aggregation-max", type=int, default=10_000_000,
                        help="the largest size the aggregation runs at")
    parser.add_argument("--large-runs", type=int, default=1,
                        help="runs of end to end at sizes above --aggregation-max")
    parser.add_argument("--large-budget-s", type=float, default=1200,
                        help="skip end to end at a size above --aggregation-max when the "
                        "previous size predicts it would take longer than this")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--work", type=Path, help="where the CSV files and the store go "
                        "(default: a temporary directory, removed at the end)")
    args = parser.parse_args()
    programs = Programs(args.build.resolve())
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = args.threads.split(",")
    work = args.work or Path(tempfile.mkdtemp(prefix="culturetrade-compare."))
    work.mkdir(parents=True, exist_ok=True)
    versions = {"culturetrade": culturetrade_version()}
    load_before = os.getloadavg()
    aggregation, e2e = [], []
    aggregated = [s for s in sizes if s <= args.aggregation_max]
    profile_size = max(aggregated or sizes)
    profile = end_to_end.cpu_profile.available()
    profiles = []
    servers = {m: end_to_end.Server(programs, work, m, max(sizes)) for m in modes}
    skipped = []
    try:
        for size in sizes:
            predicted = predicted_seconds(e2e, size, args.large_runs)
            if size not in aggregated and predicted > args.large_budget_s:
                skipped.append({"size": size, "reason": (
                    f"predicted {predicted / 60:.1f} min from the previous size's per-flow "
                    f"times, over the budget of {args.large_budget_s / 60:.1f} min "
                    "(compare.py --large-budget-s)")})
                print(f"end to end  {size:>9} skipped: {skipped[-1]['reason']}", flush=True)
                continue
            csv = world_csv(programs, work, size)
            if size in aggregated:
                aggregation += aggregate(programs, size, csv, args, versions)
            runs = args.runs if size in aggregated else args.large_runs
            for mode in modes:
                e2e += end_to_end.end_to_end(programs, servers[mode], size, csv, runs, mode)
            if size == profile_size and profile:
                profiles.append(end_to_end.profile_create(servers[modes[0]], csv, size, work))
            csv.unlink()
    finally:
        for server in servers.values():
            server.stop()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    versions = {k: versions.get(k, "unknown") for k in ("duckdb", "pandas", "sqlite",
                                                         "culturetrade")}
    flags = servers[modes[0]].flags
    notes = [
        "the world: 200 reporters x 200 partners x 50 products x 25 years x 2 directions, "
        f"a size-n dataset its first n flows; {args.runs} runs, medians"
        + (f" ({args.large_runs} above {args.aggregation_max} flows)"
           if max(sizes) > args.aggregation_max else ""),
        "aggregation: every tool on one thread (DuckDB SET threads=1, SQLite's sorter without "
        "helpers; culturetrade's kernel, pandas and SQLite's queries are single-threaded)"
        + (f"; not run above {args.aggregation_max} flows (pandas and SQLite would need tens "
           "of GiB and hours there)" if max(sizes) > args.aggregation_max else ""),
        "end to end, threads 1: the server, ctrade and DuckDB's node process each pinned to "
        "the same one CPU (sched_setaffinity), DuckDB SET threads=1; threads all: nothing "
        "pinned, DuckDB with its default threads",
        "the server's flags beyond its defaults: " + (" ".join(flags) or "none"),
        "exact sums everywhere: culturetrade int128 nanos, DuckDB DECIMAL(18,2), pandas int64 "
        "cents (nullable Int64 for the yearly sums), SQLite INTEGER cents",
        f"load average (1, 5, 15 min) before {load_before}, after {os.getloadavg()} on "
        f"{os.cpu_count()} CPUs",
    ] + aggregation_notes(aggregation) + end_to_end.notes(e2e) + [
        f"end to end at {s['size']} flows not run: {s['reason']}" for s in skipped]
    if not profile:
        notes.append("no profile: perf is not available here")
    args.out.write_text(json.dumps({"threads": modes, "versions": versions,
                                    "aggregation": aggregation, "end_to_end": e2e,
                                    "aggregation_max": args.aggregation_max,
                                    "server_flags": flags, "profiles": profiles,
                                    "skipped": skipped,
                                    "notes": notes}, indent=1) + "\n")


if __name__ == "__main__":
    main()
