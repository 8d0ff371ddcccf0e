#!/usr/bin/python3
"""culturetrade's benchmark suite in one command. It compares culturetrade with the tools
analysts use instead (bench/compare/compare.py: end to end up to 10^8 flows, on one thread and
on every core), drives the server with h2load against a bare gRPC echo, streams uploads
through the SDK into SQLite and PostgreSQL, measures the memory of cached and stored flows, the
cold first query and how time and memory grow from 10^4 to 10^7 flows, runs the server in a
4 GiB memory cgroup under the largest and concurrent uploads, and writes docs/BENCHMARKS.md
and docs/benchmarks-growth.svg.

    /usr/bin/python3 bench/run_benchmarks.py --build build/release [--runs 3]
    /usr/bin/python3 bench/run_benchmarks.py --build build/release --smoke

--smoke runs everything once at tiny sizes and short durations, writes into a temporary
directory and checks that the figures are sane: the test suite runs it so the suite never rots.
It needs h2load (Debian nghttp2-client), PostgreSQL's server binaries and, for compare.py,
Debian's pandas; perf (linux-perf), when present, adds CPU profiles to a full run. The memory
limit test needs a writable cgroup v1 memory controller (/sys/fs/cgroup/memory, as root) and
says why it was skipped when there is none. The full run needs about 17 GiB of free memory and
10 GiB of free disk for its 10^8-flow end to end."""

import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

# The suite's modules live in bench/rpc; no bytecode caches left in the checkout.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent / "rpc"))

import environment  # noqa: E402
import growth_chart  # noqa: E402
import memory_limit  # noqa: E402
import report  # noqa: E402
import rpc_benchmark  # noqa: E402
import store_benchmark  # noqa: E402
from processes import CHECKOUT, BenchmarkError, Cores, wait_for_memory  # noqa: E402

FULL = {"growth_sizes": [10**4, 10**5, 10**6, 10**7], "ingest_flows": 10**6,
        "rpc_world_flows": 10**6, "rpc_mixed_datasets": 1000, "rpc_seconds": 20, "rpc_warmup": 3,
        "profile_seconds": 5,
        "postgres_flows": 10**7, "compare_sizes": [10**5, 10**6, 10**7, 10**8],
        "aggregation_max": 10**7, "e2e_target_flows": 10**7, "rss_csv_sizes": [10**6, 10**8],
        "memory_limit": {"big_flows": 50_000_000, "concurrent": 4, "concurrent_flows": 10**7,
                         "limit_bytes": 4 << 30}}
SMOKE = {"growth_sizes": [10**3, 10**4], "ingest_flows": 10**4, "rpc_world_flows": 10**4,
         "rpc_mixed_datasets": 20,
         "rpc_seconds": 1, "rpc_warmup": 0, "profile_seconds": 0, "postgres_flows": 10**3,
         "compare_sizes": [10**3, 10**4, 2 * 10**4], "aggregation_max": 10**4,
         "e2e_target_flows": 10**4, "rss_csv_sizes": [10**3, 2 * 10**4],
         "memory_limit": {"big_flows": 2 * 10**4, "concurrent": 4, "concurrent_flows": 10**4,
                          "limit_bytes": 4 << 30}}
# Above this one-minute load average at the start, other work shared the machine.
BUSY_LOAD = 0.5
# What compare.py's largest size needs per flow: the server's upload buffer and cache (about
# 70 B) and DuckDB's in-memory table (about 95 B).
COMPARE_BYTES_PER_FLOW = 170
# What the memory limit test needs: the cgroup's limit and the uploading clients.
MEMORY_LIMIT_MARGIN = 2 << 30


def capped(config, most):
    """`config` with no size above `most` flows: a partial run."""
    out = dict(config)
    for key in ("growth_sizes", "compare_sizes"):
        out[key] = [n for n in config[key] if n <= most] or [most]
    for key in ("ingest_flows", "rpc_world_flows", "postgres_flows", "aggregation_max",
                "e2e_target_flows"):
        out[key] = min(config[key], most)
    out["rss_csv_sizes"] = sorted({min(n, most) for n in config["rss_csv_sizes"]})
    out["memory_limit"] = dict(config["memory_limit"],
                               big_flows=min(config["memory_limit"]["big_flows"], most),
                               concurrent_flows=min(config["memory_limit"]["concurrent_flows"],
                                                    most))
    return out


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, help="a release build directory")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--threads", default="1,all",
                        help="end to end's thread modes against DuckDB: a number of CPUs (the "
                        "server, ctrade and DuckDB pinned to them) or all")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, once, into a temp dir")
    parser.add_argument("--max-flows", type=int,
                        help="a partial run: no size above this many flows anywhere")
    parser.add_argument("--large-budget-min", type=float, default=20,
                        help="minutes end to end may take at its largest size (10^8 flows), as "
                        "predicted from 10^7; over it, that size is skipped and the report says "
                        "why")
    parser.add_argument("--out", help="where to write the report (default docs/, or a temporary "
                        "directory with --smoke)")
    parser.add_argument("--json", help="also save the raw results to this file")
    parser.add_argument("--from-json", help="only render the report from saved raw results")
    return parser.parse_args()


def shown_path(path):
    """A path as the report shows it: relative to the checkout when inside it."""
    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(CHECKOUT))
    except ValueError:
        return str(path)


def run_compare(build, config, runs, threads, large_budget_min, work):
    script = CHECKOUT / "bench" / "compare" / "compare.py"
    if not script.exists():
        print("run_benchmarks: bench/compare/compare.py is not there; skipping the comparison",
              file=sys.stderr)
        return None, None
    out = Path(work) / "compare.json"
    sizes = ",".join(str(s) for s in config["compare_sizes"])
    if not wait_for_memory(max(config["compare_sizes"]) * COMPARE_BYTES_PER_FLOW, 3600):
        raise BenchmarkError("not enough free memory for compare.py's largest size")
    tail = ["--runs", str(runs), "--threads", threads, "--aggregation-max",
            str(config["aggregation_max"]), "--large-runs", "1", "--large-budget-s",
            str(round(large_budget_min * 60))]
    args = ["/usr/bin/python3", str(script), "--build", str(build), "--sizes", sizes, *tail,
            "--out", str(out), "--work", str(Path(work) / "compare")]
    if subprocess.run(args, stdout=sys.stderr).returncode != 0:
        raise BenchmarkError("bench/compare/compare.py failed")
    shown = (f"/usr/bin/python3 bench/compare/compare.py --build {shown_path(build)} "
             f"--sizes {sizes} {' '.join(tail)} --out WORK/compare.json")
    return json.loads(out.read_text()), shown


def measure(args, config, work):
    build = Path(args.build).resolve()
    runs = 1 if args.smoke else args.runs
    cores = Cores()
    threads = args.threads
    results = {"machine": environment.machine(), "config": config, "runs": runs,
               "mode": "smoke" if args.smoke else "full", "cores": cores.describe(),
               "threads": threads, "build": shown_path(args.build), "work": str(work),
               "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "command": ("/usr/bin/python3 bench/run_benchmarks.py --build "
                           f"{shown_path(args.build)}" +
                           (" --smoke" if args.smoke else f" --runs {runs}") +
                           (f" --max-flows {args.max_flows}" if args.max_flows else "") +
                           (f" --threads {threads}" if threads != "1,all" else ""))}

    started = time.monotonic()

    def step(name):
        print(f"run_benchmarks: [{(time.monotonic() - started) / 60:.1f} min] {name} ...",
              file=sys.stderr, flush=True)

    step("RPC")
    results["rpc"] = rpc_benchmark.run(build, work, cores, runs, config["rpc_seconds"],
                                       config["rpc_warmup"], config["rpc_world_flows"],
                                       config["rpc_mixed_datasets"], config["profile_seconds"])
    step("ingest, memory and growth on SQLite")
    results["sqlite"] = store_benchmark.sqlite_sizes(build, work, cores, config["growth_sizes"],
                                                     runs, config["ingest_flows"])
    step("ingest on PostgreSQL")
    results["postgres"] = store_benchmark.postgres(build, work, cores, config["postgres_flows"],
                                                   runs)
    step("cache entry memory")
    results["probe"] = store_benchmark.cache_memory(build, cores, config["growth_sizes"])
    step("comparison with other tools")
    results["compare"], results["compare_command"] = run_compare(
        build, config, runs, threads, args.large_budget_min, work)
    step("the server in a memory cgroup")
    limit = config["memory_limit"]
    if not wait_for_memory(limit["limit_bytes"] + MEMORY_LIMIT_MARGIN):
        raise BenchmarkError("not enough free memory for the memory limit test")
    results["memory_limit"] = memory_limit.run(build, work, cores, limit["big_flows"],
                                               limit["concurrent"], limit["concurrent_flows"],
                                               limit["limit_bytes"])
    results["load_average_end"] = os.getloadavg()
    results["versions"] = environment.versions(
        build, CHECKOUT, (results["compare"] or {}).get("versions"))
    load = results["machine"]["load_average"][0]
    if load > BUSY_LOAD:
        results["shared_note"] = (
            f"The machine was not idle (load average {load:.2f} when the suite started): other "
            "work shared its cores, so the absolute figures are lower and noisier than on a "
            "quiet machine; ratios taken in the same run are the figures to trust.")
    return results


def sanitize(text, work):
    """No path of this machine in the report: the work directory becomes WORK, and paths in
    the checkout become relative to it."""
    return text.replace(str(work), "WORK").replace(f"{CHECKOUT}/", "")


def restore_keys(results):
    """JSON made the integer keys of per-size results strings; turn them back."""
    for section in ("probe",):
        results[section] = {int(k): v for k, v in results[section].items()}
    results["sqlite"]["runs"] = {int(k): v for k, v in results["sqlite"]["runs"].items()}
    return results


def check_sane(results, markdown, chart):
    """The smoke run's checks: every figure there, finite and positive where it must be."""
    problems = []

    def positive(name, value):
        if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            problems.append(f"{name} = {value!r}")

    for name, runs in results["rpc"]["runs"].items():
        for run in runs:
            positive(f"rpc {name} peak rps", run["peak"]["rps"])
            positive(f"rpc {name} p50", run["half"]["p50_ms"])
            positive(f"rpc {name} p99", run["half"]["p99_ms"])
            if run["peak"]["failed"] or run["half"]["failed"]:
                problems.append(f"rpc {name}: h2load saw failed requests")
    for flows, runs in results["sqlite"]["runs"].items():
        for run in runs:
            for key in ("flows_per_s", "store_write_s", "first_analysis_s", "warm_analysis_s",
                        "store_bytes", "rss_cached_kib"):
                positive(f"sqlite {flows} {key}", run[key])
            if run["cached_flows"] != flows:
                problems.append(f"sqlite {flows}: {run['cached_flows']} flows cached")
    for run in results["postgres"]["runs"]:
        positive("postgres flows_per_s", run["flows_per_s"])
    for flows, probe in results["probe"].items():
        if probe["cached_flows"] != flows:
            problems.append(f"cache probe {flows}: {probe['cached_flows']} flows")
    if results["compare"] is not None:
        if not results["compare"].get("aggregation"):
            problems.append("compare.py reported no aggregation")
        e2e = results["compare"].get("end_to_end") or []
        if {(e["size"], e["threads"]) for e in e2e} != {
                (s, m) for s in results["config"]["compare_sizes"]
                for m in results["threads"].split(",")}:
            problems.append("compare.py's end to end misses a size or a thread mode")
        for e in e2e:
            positive(f"end to end {e['size']} {e['tool']} {e['threads']}", e["median_s"])
            positive(f"end to end {e['size']} {e['tool']} peak RSS", e["peak_rss_kib"])
    problems += memory_limit_problems(results.get("memory_limit"))
    for heading in ("## Targets", "## RPC", "## Ingest", "## Memory", "## Growth",
                    "## Memory limit", "### End to end"):
        if heading not in markdown:
            problems.append(f"the report has no '{heading}'")
    ElementTree.fromstring(chart)
    if problems:
        raise BenchmarkError("the smoke run's figures are not sane:\n  " + "\n  ".join(problems))


def memory_limit_problems(m):
    """The memory limit test must have run or said why not; run, every upload must be stored or
    refused and the server must have survived."""
    if not m:
        return ["the memory limit test did not run"]
    if m.get("skipped"):
        print(f"run_benchmarks: memory limit test skipped: {m['skipped']}", file=sys.stderr)
        return []
    problems = []
    for part in (m["big"], m["concurrent_uploads"]):
        if not part["alive_after"]:
            problems.append("the server did not survive the memory limit test")
    for upload in [m["big"]] + m["concurrent_uploads"]["outcomes"]:
        if not upload["accepted"]:
            problems.append(f"an upload under the memory limit ended {upload['code']}: "
                            f"{upload['message']}")
    return problems


def main():
    args = parse_args()
    config = SMOKE if args.smoke else FULL
    if args.max_flows:
        config = capped(config, args.max_flows)
    work = Path(tempfile.mkdtemp(prefix="culturetrade-bench-"))
    # A private PostgreSQL runs as another user when the suite runs as root: let it in.
    os.chmod(work, 0o755)
    try:
        if args.from_json:
            results = restore_keys(json.loads(Path(args.from_json).read_text()))
        else:
            results = measure(args, config, work)
            if args.json:
                Path(args.json).write_text(json.dumps(results, indent=1))
        rendered = report.Report(results)
        markdown = sanitize(rendered.build(), results["work"])
        chart = growth_chart.svg(*rendered.growth_series())
        if args.smoke:
            check_sane(results, markdown, chart)
        out = Path(args.out) if args.out else (work / "docs" if args.smoke else CHECKOUT / "docs")
        out.mkdir(parents=True, exist_ok=True)
        (out / "BENCHMARKS.md").write_text(markdown)
        (out / "benchmarks-growth.svg").write_text(chart)
        print(f"run_benchmarks: wrote {out / 'BENCHMARKS.md'} and benchmarks-growth.svg",
              file=sys.stderr)
    except BenchmarkError as e:
        print(f"run_benchmarks: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
