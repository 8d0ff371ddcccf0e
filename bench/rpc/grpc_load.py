"""culturetrade-bench-grpc-load runs against a gRPC method: the peak rate, and per-request
latency at a set rate, over a file of many request bodies (h2load repeats one). It counts
every call's gRPC status itself, so a failed call is seen whatever server answered it."""

import json
import os
import subprocess
import time
from pathlib import Path

from processes import BenchmarkError

CONNECTIONS = 4  # as h2load's clients
IN_FLIGHT = 16   # calls in flight on each, as h2load's streams


def command(build, target, method, bodies, duration, warmup, rate=None):
    args = [str(Path(build) / "bench" / "rpc" / "culturetrade-bench-grpc-load"),
            f"--target={target}", f"--method=/{method}", f"--bodies={bodies}",
            f"--connections={CONNECTIONS}", f"--in_flight={IN_FLIGHT}",
            f"--duration={duration}s", f"--warmup={warmup}s", "--order=random"]
    if rate is not None:
        args.append(f"--rate={rate}")
    return args


def _run(args, cpus):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          preexec_fn=lambda: os.sched_setaffinity(0, cpus))
    if done.returncode != 0:
        raise BenchmarkError(f"culturetrade-bench-grpc-load failed: {done.stderr[-1500:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["measured"] == 0 or result["logged"] == 0:
        raise BenchmarkError(f"culturetrade-bench-grpc-load measured no calls: {result}")
    return result


def peak(build, target, method, bodies, duration, warmup, cpus, server):
    """Requests per second with every call slot busy, and the server's CPU time per request."""
    cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
    result = _run(command(build, target, method, bodies, duration, warmup), cpus)
    # As h2load.peak: CPU seconds per wall second over the whole run, warm-up included.
    result["server_cores_busy"] = ((server.cpu_seconds() - cpu_before) /
                                   (time.monotonic() - wall_before))
    result["server_cpu_us_per_call"] = result["server_cores_busy"] * 1e6 / result["rps"]
    return result


def latency(build, target, method, bodies, duration, warmup, cpus, total_rps):
    """p50 and p99 latency at `total_rps` requests per second."""
    rate = max(1, round(total_rps))
    return _run(command(build, target, method, bodies, duration, warmup, rate), cpus)
