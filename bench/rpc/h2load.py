"""h2load runs against a gRPC method: the peak rate, and per-request latency at a set rate.

h2load posts one fixed body, a gRPC request made by culturetrade-grpc-frame; it counts HTTP
200 whatever the gRPC status, so callers check the server's own count of failed calls."""

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from processes import BenchmarkError

CLIENTS = 4   # connections
STREAMS = 16  # calls in flight on each: 64 in all, well under the server's limit
THREADS = 1


def command(url, body, duration, warmup, rps=None, log_file=None):
    args = ["h2load", "-c", str(CLIENTS), "-m", str(STREAMS), "-t", str(THREADS),
            "-D", str(duration), "-d", str(body),
            "-H", "content-type: application/grpc", "-H", "te: trailers"]
    if warmup:
        args.append(f"--warm-up-time={warmup}")
    if rps is not None:
        args.append(f"--rps={rps}")
    if log_file is not None:
        args.append(f"--log-file={log_file}")
    return args + [url]


def _run(args, cpus):
    done = subprocess.run(args, capture_output=True, text=True,
                          preexec_fn=lambda: os.sched_setaffinity(0, cpus))
    out = done.stdout
    # h2load prints the run's length in the unit that suits it: "1.00s" or "999.91ms".
    finished = re.search(r"finished in ([\d.]+)(us|ms|s), ([\d.]+) req/s", out)
    requests = re.search(r"requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded, "
                         r"(\d+) failed, (\d+) errored, (\d+) timeout", out)
    if done.returncode != 0 or not finished or not requests:
        raise BenchmarkError(f"h2load failed: {out[-1500:]}{done.stderr[-1500:]}")
    succeeded, failed = int(requests.group(3)), sum(int(requests.group(i)) for i in (4, 5, 6))
    seconds = float(finished.group(1)) * {"us": 1e-6, "ms": 1e-3, "s": 1.0}[finished.group(2)]
    return {"seconds": seconds, "rps": float(finished.group(3)),
            "succeeded": succeeded, "failed": failed}


def peak(url, body, duration, warmup, cpus, server):
    """Requests per second with every stream busy, and the server's CPU time per request."""
    cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
    result = _run(command(url, body, duration, warmup), cpus)
    # CPU seconds per wall second over the whole run, warm-up included: steady, so it holds
    # for the measured part too.
    result["server_cores_busy"] = ((server.cpu_seconds() - cpu_before) /
                                   (time.monotonic() - wall_before))
    result["server_cpu_us_per_call"] = result["server_cores_busy"] * 1e6 / result["rps"]
    return result


def latency(url, body, duration, warmup, cpus, total_rps):
    """p50 and p99 latency at `total_rps` requests per second spread over the clients."""
    per_client = max(1, round(total_rps / CLIENTS))
    with tempfile.TemporaryDirectory() as work:
        log = Path(work) / "requests.tsv"
        result = _run(command(url, body, duration, warmup, per_client, log), cpus)
        rows = [line.split("\t") for line in log.read_text().splitlines() if line]
    # Columns: start (us since the epoch), HTTP status, microseconds until the response ended.
    starts = [int(r[0]) for r in rows]
    measured_from = min(starts) + warmup * 1e6 if starts else 0
    times = sorted(int(r[2]) / 1000.0 for r in rows if int(r[0]) >= measured_from)
    if not times:
        raise BenchmarkError("h2load logged no requests")
    result.update(rate=per_client * CLIENTS, p50_ms=_percentile(times, 50),
                  p99_ms=_percentile(times, 99), logged=len(times))
    return result


def _percentile(sorted_values, p):
    rank = max(0, min(len(sorted_values) - 1, round(p / 100 * len(sorted_values)) - 1))
    return sorted_values[rank]
