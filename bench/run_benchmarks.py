#!/usr/bin/python3
"""culturetrade's benchmark suite in one command. It compares culturetrade with the tools
analysts use instead (bench/compare/compare.py), drives the server with h2load against a bare
gRPC echo, streams uploads through the SDK into SQLite and PostgreSQL, measures the memory of
cached and stored flows and how time and memory grow from 10^4 to 10^7 flows, and writes
docs/BENCHMARKS.md and docs/benchmarks-growth.svg.

    /usr/bin/python3 bench/run_benchmarks.py --build build/release [--runs 3]
    /usr/bin/python3 bench/run_benchmarks.py --build build/release --smoke

--smoke runs everything once at tiny sizes and short durations, writes into a temporary
directory and checks that the figures are sane: the test suite runs it so the suite never rots.
It needs h2load (Debian nghttp2-client), PostgreSQL's server binaries and, for compare.py,
Debian's pandas; perf (linux-perf), when present, adds a CPU profile to a full run."""

import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

# The suite's modules live in bench/rpc; no bytecode caches left in the checkout.
sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent / "rpc"))

import environment  # noqa: E402
import growth_chart  # noqa: E402
import report  # noqa: E402
import rpc_benchmark  # noqa: E402
import store_benchmark  # noqa: E402
from processes import CHECKOUT, BenchmarkError, Cores, wait_for_memory  # noqa: E402

FULL = {"growth_sizes": [10**4, 10**5, 10**6, 10**7], "ingest_flows": 10**6,
        "rpc_world_flows": 10**6, "rpc_mixed_datasets": 1000, "rpc_seconds": 20, "rpc_warmup": 3,
        "profile_seconds": 5,
        "postgres_flows": 10**6, "compare_sizes": [10**5, 10**6, 10**7]}
SMOKE = {"growth_sizes": [10**3, 10**4], "ingest_flows": 10**4, "rpc_world_flows": 10**4,
         "rpc_mixed_datasets": 20,
         "rpc_seconds": 1, "rpc_warmup": 0, "profile_seconds": 0, "postgres_flows": 10**3,
         "compare_sizes": [10**3, 10**4]}
# Above this one-minute load average at the start, other work shared the machine.
BUSY_LOAD = 0.5
# What compare.py's largest size needs (a server and ctrade holding the import), per flow.
COMPARE_BYTES_PER_FLOW = 1300


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", required=True, help="a release build directory")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads the compared tools may use (culturetrade's core uses one)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, once, into a temp dir")
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


def run_compare(build, config, runs, threads, work):
    script = CHECKOUT / "bench" / "compare" / "compare.py"
    if not script.exists():
        print("run_benchmarks: bench/compare/compare.py is not there; skipping the comparison",
              file=sys.stderr)
        return None, None
    out = Path(work) / "compare.json"
    sizes = ",".join(str(s) for s in config["compare_sizes"])
    if not wait_for_memory(max(config["compare_sizes"]) * COMPARE_BYTES_PER_FLOW, 3600):
        raise BenchmarkError("not enough free memory for compare.py's largest size")
    args = ["/usr/bin/python3", str(script), "--build", str(build), "--sizes", sizes,
            "--runs", str(runs), "--threads", str(threads), "--out", str(out)]
    if subprocess.run(args, stdout=sys.stderr).returncode != 0:
        raise BenchmarkError("bench/compare/compare.py failed")
    shown = (f"/usr/bin/python3 bench/compare/compare.py --build {shown_path(build)} "
             f"--sizes {sizes} --runs {runs} --threads {threads} --out WORK/compare.json")
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
                           (f" --threads {threads}" if threads != 1 else ""))}

    def step(name):
        print(f"run_benchmarks: {name} ...", file=sys.stderr, flush=True)

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
    results["compare"], results["compare_command"] = run_compare(build, config, runs, threads,
                                                                 work)
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
    if results["compare"] is not None and not results["compare"].get("aggregation"):
        problems.append("compare.py reported no aggregation")
    for heading in ("## Targets", "## RPC", "## Ingest", "## Memory", "## Growth"):
        if heading not in markdown:
            problems.append(f"the report has no '{heading}'")
    ElementTree.fromstring(chart)
    if problems:
        raise BenchmarkError("the smoke run's figures are not sane:\n  " + "\n  ".join(problems))


def main():
    args = parse_args()
    config = SMOKE if args.smoke else FULL
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
