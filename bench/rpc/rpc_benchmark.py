"""The RPC benchmark: h2load drives AnalyzeBalance on the study's dataset and on a stored world
dataset, and the echo server's one method with the same body, settings and cores; and
culturetrade-bench-grpc-load drives a mixed load, AnalyzeBalance spread over a fleet of small
datasets, and the echo with the very same bodies. Each run measures the peak rate and then the
latency at half of it; the suite reports medians, each workload against the echo run by the
same load generator."""

import statistics
import subprocess
from pathlib import Path

import cpu_profile
import grpc_load
import h2load
from processes import BenchmarkError, EchoServer, Server, run_json

STUDY_REQUEST = ('dataset: "datasets/china-korea-tv-dramas" reporter: "CHN" partner: "KOR" '
                 'product_code: "TV_DRAMAS"')
ANALYZE = "culturetrade.v1.AnalysisService/AnalyzeBalance"
ECHO = "culturetrade.bench.Echo/Echo"
# The echo each workload is compared with: the one driven by the same load generator.
BASELINE = {"mixed": "mixed_echo", "mixed_echo": "mixed_echo"}


def _frame(build, work, name, text):
    body = Path(work) / f"{name}.bin"
    with open(body, "wb") as out:
        subprocess.run([str(Path(build) / "bench" / "culturetrade-grpc-frame"),
                        "culturetrade.v1.AnalyzeBalanceRequest", text], stdout=out, check=True)
    return body


def run(build, work, cores, runs, seconds, warmup, world_flows, mixed_datasets,
        profile_seconds):
    """Returns the per-run figures of every workload, their medians and, when asked and perf
    can, a CPU profile of the server on the study workload."""
    work = Path(work)
    world_id = f"world-{world_flows}"
    study_body = _frame(build, work, "study", STUDY_REQUEST)
    world_body = _frame(build, work, "world", (
        f'dataset: "datasets/{world_id}" reporter: "AFG" partner: "AGO" product_code: "HS9700"'))
    bench = Path(build) / "bench" / "rpc"
    server_dir = work / "rpc-server"
    with EchoServer(build, work, cores) as echo, \
            Server(build, server_dir, cores, db=server_dir / "store.db") as server:
        run_json([bench / "culturetrade-bench-ingest", f"--endpoint=127.0.0.1:{server.port}",
                  f"--flows={world_flows}", f"--dataset={world_id}"], cores)
        # The first analysis loads the dataset into the cache; the benchmark measures warm calls.
        run_json([bench / "culturetrade-bench-analyze", f"--endpoint=127.0.0.1:{server.port}",
                  f"--dataset={world_id}", "--calls=1"], cores)
        fleet_bodies = work / "fleet.bin"
        fleet = run_json([bench / "culturetrade-bench-mixed-fleet",
                          f"--endpoint=127.0.0.1:{server.port}", f"--datasets={mixed_datasets}",
                          f"--bodies={fleet_bodies}"], cores)
        workloads = {
            "echo": (echo, f"http://127.0.0.1:{echo.port}/{ECHO}", study_body),
            "study": (server, f"http://127.0.0.1:{server.port}/{ANALYZE}", study_body),
            "world": (server, f"http://127.0.0.1:{server.port}/{ANALYZE}", world_body),
        }
        loads = {"mixed_echo": (echo, ECHO), "mixed": (server, ANALYZE)}
        per_run = {name: [] for name in [*workloads, *loads]}
        for _ in range(runs):
            for name, (target, url, body) in workloads.items():
                top = h2load.peak(url, body, seconds, warmup, cores.client, target)
                half = h2load.latency(url, body, seconds, warmup, cores.client, top["rps"] / 2)
                per_run[name].append({"peak": top, "half": half})
            for name, (target, method) in loads.items():
                address = f"127.0.0.1:{target.port}"
                top = grpc_load.peak(build, address, method, fleet_bodies, seconds, warmup,
                                     cores.client, target)
                half = grpc_load.latency(build, address, method, fleet_bodies, seconds, warmup,
                                         cores.client, top["rps"] / 2)
                for phase in (top, half):
                    if phase["failed"]:
                        raise BenchmarkError(f"{name}: calls failed: {phase['codes']}")
                per_run[name].append({"peak": top, "half": half})
        codes = server.call_codes()
        if set(codes) != {"OK"}:
            raise BenchmarkError(f"calls failed during the RPC benchmark: {codes}")
        profile = None
        if profile_seconds and cpu_profile.available():
            _, url, body = workloads["study"]
            profile = cpu_profile.profile(
                server.pid, cores.server, profile_seconds,
                lambda: h2load.peak(url, body, profile_seconds + 2, 0, cores.client, server))
        commands = {
            "server": server.args, "echo": echo.args,
            "peak": h2load.command(f"http://127.0.0.1:PORT/{ANALYZE}", "BODY", seconds, warmup),
            "half": h2load.command(f"http://127.0.0.1:PORT/{ANALYZE}", "BODY", seconds, warmup,
                                   "RATE", "LOG"),
            "fleet": [str(bench / "culturetrade-bench-mixed-fleet"),
                      "--endpoint=127.0.0.1:PORT", f"--datasets={mixed_datasets}",
                      "--bodies=BODIES"],
            "load_peak": grpc_load.command(build, "127.0.0.1:PORT", ANALYZE, "BODIES", seconds,
                                           warmup),
            "load_half": grpc_load.command(build, "127.0.0.1:PORT", ANALYZE, "BODIES", seconds,
                                           warmup, "RATE"),
        }
    return {"runs": per_run, "summary": _summary(per_run), "profile": profile,
            "clients": h2load.CLIENTS, "streams": h2load.STREAMS,
            "world_flows": world_flows, "mixed_datasets": mixed_datasets, "fleet": fleet,
            "seconds": seconds, "warmup": warmup,
            "commands": commands}


def _summary(per_run):
    def med(name, phase, key):
        return statistics.median(r[phase][key] for r in per_run[name])

    summary = {}
    for name in per_run:
        summary[name] = {key: med(name, "peak", key)
                         for key in ("rps", "server_cpu_us_per_call", "server_cores_busy")}
        summary[name].update({key: med(name, "half", key) for key in ("p50_ms", "p99_ms", "rate")})
        # Each run's ratio to the echo of the same run and load generator, then their median.
        pairs = list(zip(per_run[name], per_run[BASELINE.get(name, "echo")]))
        summary[name]["rps_ratio"] = statistics.median(
            r["peak"]["rps"] / e["peak"]["rps"] for r, e in pairs)
        summary[name]["cpu_ratio"] = statistics.median(
            e["peak"]["server_cpu_us_per_call"] / r["peak"]["server_cpu_us_per_call"]
            for r, e in pairs)
        summary[name]["p99_ratio"] = statistics.median(
            r["half"]["p99_ms"] / e["half"]["p99_ms"] for r, e in pairs)
    return summary
