"""compare.py's end to end: from the world's CSV file to one pair's balance, ctrade (a
culturetrade-server on a SQLite store, `ctrade datasets create NAME --csv FILE`, then
`ctrade analyze balance`) against one DuckDB process (read_csv, then the balance in SQL).

A thread mode is `all` (nothing pinned; DuckDB keeps its default threads, every core) or a
number of CPUs N: the server, ctrade and DuckDB's process are each pinned to the same N CPUs
and DuckDB runs with SET threads=N."""
import decimal
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from children import fail, pinned, run, timed

HERE = Path(__file__).resolve().parent
# perf's helpers are the benchmark suite's (bench/rpc/cpu_profile.py).
sys.path.insert(0, str(HERE.parent / "rpc"))
import cpu_profile  # noqa: E402
# A pair and product every world of 50 flows or more has.
PAIR = {"reporter": "AFG", "partner": "AGO", "product": "HS9700"}
# Datasets above the server's defaults (50 M flows a dataset and in its cache, 1 GiB for the
# uploads in progress at about 40 B a flow) need flags that let one dataset of that size in.
DEFAULT_MAX_FLOWS = 50_000_000
UPLOAD_BYTES_PER_FLOW = 64


def mode_cpus(mode):
    """The CPUs a thread mode pins to: None for `all`, else the last N of this process's."""
    if mode == "all":
        return None
    cpus = sorted(os.sched_getaffinity(0))
    if not 1 <= int(mode) <= len(cpus):
        fail(f"--threads {mode}: this machine lets us use {len(cpus)} CPUs")
    return set(cpus[-int(mode):])


def server_flags(max_flows):
    """The server flags a dataset of `max_flows` needs beyond the defaults."""
    if max_flows <= DEFAULT_MAX_FLOWS:
        return []
    return [f"--max_flows_per_dataset={max_flows}", f"--cache_flows={max_flows}",
            f"--upload_memory_bytes={UPLOAD_BYTES_PER_FLOW * max_flows}"]


def money(m):
    """A google.type.Money in ctrade's JSON as an exact Decimal."""
    return decimal.Decimal(m.get("units", "0")) + decimal.Decimal(m.get("nanos", 0)) / 10**9


class Server:
    """A culturetrade-server on a fresh SQLite store in `work`, pinned to `cpus` (None: not)."""

    def __init__(self, programs, work, mode, max_flows):
        self.programs = programs
        self.cpus = mode_cpus(mode)
        self.log_path = work / f"server-{mode}.log"
        port_file = work / f"server-{mode}.port"
        db = work / f"e2e-{mode}.db"
        for stale in (port_file, *work.glob(f"{db.name}*")):
            stale.unlink(missing_ok=True)
        self.flags = server_flags(max_flows)
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [programs.server, "--address=127.0.0.1:0", f"--port_file={port_file}", f"--db={db}",
             "--seed=false", *self.flags],
            stdout=self.log, stderr=subprocess.STDOUT, preexec_fn=pinned(self.cpus))
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if self.process.poll() is not None or time.monotonic() > deadline:
                fail(f"culturetrade-server did not start; see {self.log_path}")
            time.sleep(0.05)
        self.endpoint = f"127.0.0.1:{port_file.read_text().strip()}"

    def ctrade(self, *arguments):
        return [self.programs.ctrade, "--endpoint", self.endpoint, "--timeout", "7200",
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
    """One run of the ctrade path: its answer, its phases in seconds and the create's peak
    resident memory in KiB."""
    pair_flags = [f"--{k}={v}" for k, v in PAIR.items()]
    _, create, peak = timed(server.ctrade("datasets", "create", name, "--csv", csv),
                            cpus=server.cpus)
    balance_json, balance, _ = timed(server.ctrade("analyze", "balance", name, *pair_flags),
                                     cpus=server.cpus)
    phases = {"create": create, "balance": balance,
              "upload_server": server.rpc_seconds("UploadFlows", name),
              "balance_server": server.rpc_seconds("AnalyzeBalance", name)}
    run(server.ctrade("datasets", "delete", name), stderr=subprocess.DEVNULL)
    years = json.loads(balance_json)["years"]
    answer = [[y["year"], money(y["balance"]) if "balance" in y else None] for y in years]
    return answer, phases, peak


def duckdb_pair(csv, mode):
    command = ["node", HERE / "duckdb_bench.mjs", "pair", "--csv", csv, "--threads", mode]
    command += [a for k, v in PAIR.items() for a in (f"--{k}", v)]
    output, seconds, peak = timed(command, cpus=mode_cpus(mode))
    result = json.loads(output)
    answer = [[y, None if b is None else decimal.Decimal(b)] for y, b in result["answer"]]
    phases = dict(result["phases_s"])
    phases["process_start_and_exit"] = seconds - sum(phases.values())
    return answer, phases, seconds, peak, result["threads"]


def medians(phase_runs):
    return {k: statistics.median(r[k] for r in phase_runs)
            for k in phase_runs[0] if all(r[k] is not None for r in phase_runs)}


def end_to_end(programs, server, size, csv, runs, mode):
    """Both tools `runs` times on `csv` in thread mode `mode`: one entry each."""
    # How long reading the file alone takes: --dry-run parses every row and sends nothing.
    _, parse, _ = timed([programs.ctrade, "datasets", "create", "dry", "--csv", csv,
                         "--dry-run"], cpus=server.cpus, stderr=subprocess.DEVNULL)
    ctrade = {"size": size, "tool": "ctrade", "threads": mode, "runs_s": [], "phases": [],
              "peaks": []}
    duckdb = {"size": size, "tool": "duckdb", "threads": mode, "runs_s": [], "phases": [],
              "peaks": []}
    for r in range(runs):
        ctrade_answer, phases, peak = ctrade_pair(server, csv, f"world-{size}-{mode}-{r}")
        ctrade["runs_s"].append(phases["create"] + phases["balance"])
        ctrade["phases"].append(phases)
        ctrade["peaks"].append(peak)
        duckdb_answer, phases, seconds, peak, duckdb["duckdb_threads"] = duckdb_pair(csv, mode)
        duckdb["runs_s"].append(seconds)
        duckdb["phases"].append(phases)
        duckdb["peaks"].append(peak)
        if ctrade_answer != duckdb_answer:
            fail(f"ctrade and DuckDB disagree on {PAIR} at {size} flows:\n"
                 f"  ctrade: {ctrade_answer}\n  duckdb: {duckdb_answer}")
    for e in (ctrade, duckdb):
        e["median_s"] = statistics.median(e["runs_s"])
        e["phases_s"] = medians(e.pop("phases"))
        # ctrade's peak is the create's (the client holding the import); DuckDB's its process'.
        e["peak_rss_kib"] = statistics.median(e.pop("peaks"))
        print(f"end to end  {size:>9} {e['tool']:<8} threads {mode:<4} {e['median_s']:.3g} s, "
              f"peak {e['peak_rss_kib'] / 1024:.0f} MiB", flush=True)
    ctrade["phases_s"] = {"csv_parse": parse, **ctrade["phases_s"]}
    return [ctrade, duckdb]


def notes(entries):
    by_key = {}
    for e in entries:
        by_key.setdefault((e["size"], e["threads"]), {})[e["tool"]] = e
    out = []
    for (size, mode), t in sorted(by_key.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        c, d = t["ctrade"], t["duckdb"]
        ratio = d["median_s"] / c["median_s"]
        verdict = ("meets the target (at least as fast as DuckDB)" if ratio >= 1 else
                   f"misses the target (at least as fast as DuckDB) by {1 / ratio:.2f}x")
        phases = ", ".join(f"{k} {v:.3f} s" for k, v in c["phases_s"].items())
        out.append(f"end to end at {size} flows, threads {mode}: ctrade {c['median_s']:.3f} s, "
                   f"DuckDB {d['median_s']:.3f} s ({ratio:.2f}x): ctrade {verdict}. ctrade's "
                   f"phases: {phases}; DuckDB's: " +
                   ", ".join(f"{k} {v:.3f} s" for k, v in d["phases_s"].items()))
    return out


def profile_create(server, csv, size, work):
    """Where `ctrade datasets create` spends its time, client and server, from perf."""
    server_data, client_data = work / "server.perf", work / "ctrade.perf"
    name = f"world-{size}-profile"
    cpu_profile.record_pid(server.process.pid, lambda: run(
        ["perf", "record", "-F", "999", "-o", client_data, "--",
         *server.ctrade("datasets", "create", name, "--csv", csv)],
        cpus=server.cpus, stderr=subprocess.DEVNULL), server_data)
    run(server.ctrade("datasets", "delete", name), stderr=subprocess.DEVNULL)
    return {"size": size, "server": cpu_profile.top_symbols(server_data),
            "ctrade": cpu_profile.top_symbols(client_data)}
