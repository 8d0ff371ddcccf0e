#!/usr/bin/python3
"""culturetrade against the tools analysts use instead, on the synthetic world (bench/world.h).

  bench/compare/compare.py --build BUILD_DIR --sizes 10000,100000 --runs 5 --threads 1 \\
      --out results.json [--work DIR]

For each size it writes the first N flows of the world as a CSV file, then:
  aggregation  the per-year balance of every reporter-partner pair and each pair's compound
               growth, on data already in memory: culturetrade's core (ComputePairBalances),
               DuckDB (node, @duckdb/node-api from the checkout's .tools), pandas and SQLite
               (Debian's python3). Every tool's answer is summarised (pairs, years, the exact sum
               of the balances in cents, the sum of the growth rates) and must agree.
  end to end   from the CSV file to one pair's answer: a culturetrade-server and
               `ctrade datasets create` + `ctrade analyze balance` + `ctrade analyze growth`,
               against one DuckDB process doing read_csv and the same answer in SQL. The answers
               must agree, and the ctrade path is also timed phase by phase.
Run Debian's /usr/bin/python3 (pandas). Writes the JSON that bench/run_benchmarks.py reads.
"""
import argparse
import decimal
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DUCKDB_MODULE = CHECKOUT / ".tools" / "node_modules" / "@duckdb" / "node-api"
# A pair and product every world of 50 flows or more has.
PAIR = {"reporter": "AFG", "partner": "AGO", "product": "HS9700"}
TOOLS = ("culturetrade", "duckdb", "pandas", "sqlite")


def fail(message):
    sys.exit(f"compare.py: {message}")


def run(command, **kwargs):
    """Runs `command`, returning its standard output and its peak resident set in KiB."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **kwargs)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        fail(f"{' '.join(map(str, command))} exited with {process.returncode}")
    return output, usage.ru_maxrss


def timed(command, **kwargs):
    start = time.perf_counter()
    output, _ = run(command, **kwargs)
    return output, time.perf_counter() - start


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


def aggregation_command(tool, programs, size, csv, runs, threads):
    if tool == "culturetrade":
        return [programs.core, "--flows", str(size), "--runs", str(runs)]
    if tool == "duckdb":
        return ["node", HERE / "duckdb_bench.mjs", "aggregate", "--csv", csv, "--runs", str(runs),
                "--threads", str(threads)]
    if tool == "pandas":
        return [sys.executable, HERE / "pandas_bench.py", "--csv", csv, "--runs", str(runs)]
    return [sys.executable, HERE / "sqlite_bench.py", "--csv", csv, "--runs", str(runs),
            "--threads", str(threads)]


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
        output, peak = run(aggregation_command(tool, programs, size, csv, args.runs,
                                               args.threads))
        result = json.loads(output)
        if "version" in result:
            versions[tool] = result["version"]
        entries.append({"size": size, "tool": tool, "threads": args.threads,
                        "median_s": statistics.median(result["runs_s"]),
                        "runs_s": result["runs_s"], "peak_rss_kib": peak,
                        "checksum": checksum(result["answer"])})
        print(f"aggregation {size:>9} {tool:<12} {entries[-1]['median_s']:.3g} s", flush=True)
    if len({e["checksum"] for e in entries}) != 1:
        fail(f"the tools disagree at {size} flows:\n" +
             "\n".join(f"  {e['tool']}: {e['checksum']}" for e in entries))
    return entries


def money(m):
    """A google.type.Money in ctrade's JSON as an exact Decimal."""
    return decimal.Decimal(m.get("units", "0")) + decimal.Decimal(m.get("nanos", 0)) / 10**9


class Server:
    """A culturetrade-server on a fresh SQLite store in `work`, its log in `work`."""

    def __init__(self, programs, work):
        self.programs = programs
        self.log_path = work / "server.log"
        port_file = work / "server.port"
        for stale in (port_file, *work.glob("e2e.db*")):
            stale.unlink(missing_ok=True)
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [programs.server, "--address=127.0.0.1:0", f"--port_file={port_file}",
             f"--db={work / 'e2e.db'}", "--seed=false"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                fail(f"culturetrade-server did not start; see {self.log_path}")
            time.sleep(0.05)
        self.endpoint = f"127.0.0.1:{port_file.read_text().strip()}"

    def ctrade(self, *arguments):
        return [self.programs.ctrade, "--endpoint", self.endpoint, "--timeout", "3600",
                "--format", "json", *arguments]

    def rpc_seconds(self, method, dataset):
        """The server's own duration of `method` on `dataset`, from its JSON log."""
        for line in self.log_path.read_text().splitlines():
            entry = json.loads(line)
            if entry.get("method") == method and entry.get("dataset") == f"datasets/{dataset}":
                return entry["duration_ms"] / 1000
        return None

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


def ctrade_pair(server, csv, name):
    """One run of the ctrade path; returns its answer and its phases in seconds."""
    pair_flags = [f"--{k}={v}" for k, v in PAIR.items()]
    _, create = timed(server.ctrade("datasets", "create", name, "--csv", csv))
    balance_json, balance = timed(server.ctrade("analyze", "balance", name, *pair_flags))
    growth_json, growth = timed(server.ctrade("analyze", "growth", name, *pair_flags,
                                              "--direction", "export"))
    phases = {"create": create, "balance": balance, "growth": growth,
              "upload_server": server.rpc_seconds("UploadFlows", name),
              "balance_server": server.rpc_seconds("AnalyzeBalance", name),
              "growth_server": server.rpc_seconds("AnalyzeGrowth", name)}
    run(server.ctrade("datasets", "delete", name), stderr=subprocess.DEVNULL)
    years = json.loads(balance_json)["years"]
    answer = {"balances": [[y["year"], money(y["balance"]) if "balance" in y else None]
                           for y in years],
              "export_cagr": json.loads(growth_json)["compound"]["rate"]}
    return answer, phases


def duckdb_pair(csv, threads):
    command = ["node", HERE / "duckdb_bench.mjs", "pair", "--csv", csv, "--threads", str(threads)]
    command += [a for k, v in PAIR.items() for a in (f"--{k}", v)]
    output, seconds = timed(command)
    result = json.loads(output)
    answer = {"balances": [[y, None if b is None else decimal.Decimal(b)]
                           for y, b in result["answer"]["balances"]],
              "export_cagr": result["answer"]["export_cagr"]}
    phases = dict(result["phases_s"])
    phases["process_start_and_exit"] = seconds - sum(phases.values())
    return answer, phases, seconds


def same_answer(a, b):
    return (a["balances"] == b["balances"] and
            abs(a["export_cagr"] - b["export_cagr"]) <= 1e-12 * max(1, abs(a["export_cagr"])))


def medians(phase_runs):
    return {k: statistics.median(r[k] for r in phase_runs)
            for k in phase_runs[0] if all(r[k] is not None for r in phase_runs)}


def end_to_end(programs, server, size, csv, args):
    # How long reading the file alone takes: --dry-run parses every row and sends nothing.
    _, parse = timed([programs.ctrade, "datasets", "create", "dry", "--csv", csv, "--dry-run"],
                     stderr=subprocess.DEVNULL)
    ctrade_runs, ctrade_phases, duckdb_runs, duckdb_phases = [], [], [], []
    for r in range(args.runs):
        ctrade_answer, phases = ctrade_pair(server, csv, f"world-{size}-{r}")
        ctrade_runs.append(phases["create"] + phases["balance"] + phases["growth"])
        ctrade_phases.append(phases)
        duckdb_answer, phases, seconds = duckdb_pair(csv, args.threads)
        duckdb_runs.append(seconds)
        duckdb_phases.append(phases)
        if not same_answer(ctrade_answer, duckdb_answer):
            fail(f"ctrade and DuckDB disagree on {PAIR} at {size} flows:\n"
                 f"  ctrade: {ctrade_answer}\n  duckdb: {duckdb_answer}")
    ctrade = {"size": size, "tool": "ctrade", "median_s": statistics.median(ctrade_runs),
              "runs_s": ctrade_runs, "phases_s": {"csv_parse": parse, **medians(ctrade_phases)}}
    duckdb = {"size": size, "tool": "duckdb", "median_s": statistics.median(duckdb_runs),
              "runs_s": duckdb_runs, "phases_s": medians(duckdb_phases)}
    for e in (ctrade, duckdb):
        print(f"end to end  {size:>9} {e['tool']:<12} {e['median_s']:.3g} s", flush=True)
    return [ctrade, duckdb]


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


def end_to_end_notes(entries):
    notes = []
    by_size = {}
    for e in entries:
        by_size.setdefault(e["size"], {})[e["tool"]] = e
    for size, t in sorted(by_size.items()):
        c, d = t["ctrade"], t["duckdb"]
        ratio = c["median_s"] / d["median_s"]
        verdict = ("meets the target" if ratio <= 1 else
                   f"misses the target (at least as fast as DuckDB) by {ratio:.2f}x")
        phases = ", ".join(f"{k} {v:.3f} s" for k, v in c["phases_s"].items())
        notes.append(f"end to end at {size} flows: ctrade {c['median_s']:.3f} s, DuckDB "
                     f"{d['median_s']:.3f} s: ctrade {verdict}. ctrade's phases: {phases}; "
                     f"DuckDB's: " +
                     ", ".join(f"{k} {v:.3f} s" for k, v in d["phases_s"].items()))
    return notes


def perf_works():
    if shutil.which("perf") is None:
        return False
    probe = subprocess.run(["perf", "stat", "-e", "task-clock", "true"], capture_output=True)
    return probe.returncode == 0


def top_symbols(data, count=8):
    """The `count` symbols with the most samples of a perf recording, as 'share symbol'."""
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children",
                             "--sort", "symbol", "-g", "none"],
                            capture_output=True, text=True).stdout
    tops = []
    for line in report.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0].endswith("%") and parts[1] in ("[k]", "[.]"):
            tops.append(f"{parts[0]} {parts[2].split('  ')[0].strip()[:80]}")
    return "; ".join(tops[:count])


def profile_create(server, csv, size, work):
    """Where `ctrade datasets create` spends its time, client and server, from perf."""
    server_data, client_data = work / "server.perf", work / "ctrade.perf"
    recorder = subprocess.Popen(["perf", "record", "-F", "999", "-o", server_data, "-p",
                                 str(server.process.pid)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)  # perf attaches
    name = f"world-{size}-profile"
    run(["perf", "record", "-F", "999", "-o", client_data, "--",
         *server.ctrade("datasets", "create", name, "--csv", csv)],
        stderr=subprocess.DEVNULL)
    recorder.send_signal(2)
    recorder.wait()
    run(server.ctrade("datasets", "delete", name), stderr=subprocess.DEVNULL)
    return [f"profile of ctrade datasets create at {size} flows (perf, self time), server: "
            f"{top_symbols(server_data)}",
            f"profile of the same, ctrade's side (CSV parsing, messages): "
            f"{top_symbols(client_data)}"]


def culturetrade_version():
    try:
        return subprocess.run(["git", "-C", CHECKOUT, "describe", "--always", "--dirty"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "dev"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", required=True, type=Path)
    parser.add_argument("--sizes", default="10000,100000,1000000,10000000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--work", type=Path, help="where the CSV files and the store go "
                        "(default: a temporary directory, removed at the end)")
    args = parser.parse_args()
    programs = Programs(args.build.resolve())
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="culturetrade-compare."))
    work.mkdir(parents=True, exist_ok=True)
    versions = {"culturetrade": culturetrade_version()}
    load_before = os.getloadavg()
    aggregation, e2e = [], []
    profile = perf_works()
    profile_notes = [] if profile else ["no profile: perf is not available here"]
    server = Server(programs, work)
    try:
        for size in sizes:
            csv = work / f"world-{size}.csv"
            run([programs.world, "--flows", str(size), "--csv", csv])
            aggregation += aggregate(programs, size, csv, args, versions)
            e2e += end_to_end(programs, server, size, csv, args)
            if size == max(sizes) and profile:
                profile_notes = profile_create(server, csv, size, work)
            csv.unlink()
    finally:
        server.stop()
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    versions = {k: versions.get(k, "unknown") for k in ("duckdb", "pandas", "sqlite",
                                                         "culturetrade")}
    notes = [
        f"the world: 200 reporters x 200 partners x 5 products x 25 years x 2 directions, "
        f"a size-n dataset its first n flows; {args.runs} runs, medians",
        f"{args.threads} thread(s) for every tool: DuckDB SET threads, SQLite's sorter "
        f"{args.threads - 1} helper(s); culturetrade's kernel, pandas and SQLite's queries are "
        "single-threaded",
        "exact sums everywhere: culturetrade int128 nanos, DuckDB DECIMAL(18,2), pandas int64 "
        "cents (nullable Int64 for the yearly sums), SQLite INTEGER cents",
        f"load average (1, 5, 15 min) before {load_before}, after {os.getloadavg()} on "
        f"{os.cpu_count()} CPUs",
    ] + aggregation_notes(aggregation) + end_to_end_notes(e2e) + profile_notes
    args.out.write_text(json.dumps({"threads": args.threads, "versions": versions,
                                    "aggregation": aggregation, "end_to_end": e2e,
                                    "notes": notes}, indent=1) + "\n")


if __name__ == "__main__":
    main()
