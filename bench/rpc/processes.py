"""The processes the benchmarks run: culturetrade-server, the echo server, a private PostgreSQL
and the benchmark's client programs. Servers run on the server cores and clients on the client
cores (Cores), so that a load generator never takes a server's CPU, and every server is
stopped when its `with` block ends, whatever happened inside it."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


class BenchmarkError(Exception):
    """A benchmark could not run or produced nonsense: the suite stops and says which."""


class Cores:
    """The last CPU for clients and load generators, the others for servers; one CPU is shared."""

    def __init__(self):
        cpus = sorted(os.sched_getaffinity(0))
        self.server = cpus[:-1] if len(cpus) > 1 else cpus
        self.client = cpus[-1:]

    def describe(self):
        return (f"Servers on CPU {','.join(map(str, self.server))}, "
                f"clients and h2load on CPU {','.join(map(str, self.client))}")


def _pinned(cpus):
    return lambda: os.sched_setaffinity(0, cpus)


def _wait_for(predicate, process, what, log_path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value is not None:
            return value
        if process.poll() is not None:
            break
        time.sleep(0.05)
    tail = Path(log_path).read_text(errors="replace")[-2000:] if Path(log_path).exists() else ""
    raise BenchmarkError(f"{what} did not start:\n{tail}")


class _Process:
    """A child process stopped with SIGTERM (then SIGKILL) when the `with` block ends."""

    process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    @property
    def pid(self):
        return self.process.pid

    def rss_kib(self, field="VmRSS"):
        """Resident memory now (VmRSS), or at its highest so far (VmHWM), from /proc."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.M).group(1))

    def cpu_seconds(self):
        """User plus system CPU time used so far, every thread included."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


class Server(_Process):
    """culturetrade-server on loopback, on a SQLite file (`db`) or a PostgreSQL URL (`store`)."""

    def __init__(self, build, work, cores, db=None, store=None, seed=True):
        self.work = Path(work)
        self.work.mkdir(parents=True, exist_ok=True)
        port_file = self.work / "server.port"
        self.log_path = self.work / "server.log"
        self.args = [str(Path(build) / "service" / "culturetrade-server"),
                     "--address=127.0.0.1:0", f"--port_file={port_file}",
                     "--metrics_address=127.0.0.1:0", "--max_concurrent_calls=1000",
                     f"--seed={'true' if seed else 'false'}",
                     f"--store={store}" if store else f"--db={db}"]
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=log,
                                            preexec_fn=_pinned(cores.server))

        def port():
            text = port_file.read_text() if port_file.exists() else ""
            return int(text) if text.strip() else None

        self.port = _wait_for(port, self.process, "culturetrade-server", self.log_path)
        self.metrics_port = int(Path(str(port_file) + ".metrics").read_text())

    def metrics(self):
        """The Prometheus samples, `name{labels}` to value."""
        url = f"http://127.0.0.1:{self.metrics_port}/metrics"
        with urllib.request.urlopen(url, timeout=30) as response:
            text = response.read().decode()
        samples = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                samples[name] = float(value)
        return samples

    def store_seconds(self, operation):
        return self.metrics().get(
            f'culturetrade_store_duration_seconds_sum{{operation="{operation}"}}', 0.0)

    def call_codes(self):
        """How many calls ended with each gRPC code, from the server's JSON log."""
        codes = {}
        for line in self.log_path.read_text(errors="replace").splitlines():
            if '"event":"rpc"' in line:
                code = json.loads(line)["code"]
                codes[code] = codes.get(code, 0) + 1
        return codes


class EchoServer(_Process):
    """culturetrade-bench-echo, the RPC benchmark's baseline."""

    def __init__(self, build, work, cores):
        self.log_path = Path(work) / "echo.log"
        self.args = [str(Path(build) / "bench" / "rpc" / "culturetrade-bench-echo"),
                     "--address=127.0.0.1:0"]
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=log,
                                            text=True, preexec_fn=_pinned(cores.server))
        line = self.process.stdout.readline()
        if not line.startswith("port "):
            _wait_for(lambda: None, self.process, "culturetrade-bench-echo", self.log_path, 0)
        self.port = int(line.split()[1])


class PrivatePostgres:
    """A throw-away PostgreSQL cluster in `directory` (tests/postgres_test_server.sh), which
    must not exist yet."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.script = CHECKOUT / "tests" / "postgres_test_server.sh"

    def __enter__(self):
        # As root the server runs as another user: every directory above `directory` must let
        # it through (the suite's work directory is made so).
        done = subprocess.run(["sh", str(self.script), "start", str(self.directory)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchmarkError(f"PostgreSQL did not start: {done.stderr.strip()}")
        self.url = done.stdout.strip().splitlines()[-1]
        return self

    def __exit__(self, *exc):
        subprocess.run(["sh", str(self.script), "stop", str(self.directory)],
                       capture_output=True)


def available_memory():
    """Bytes the kernel could give out now without swapping (MemAvailable)."""
    meminfo = Path("/proc/meminfo").read_text()
    return int(re.search(r"^MemAvailable:\s+(\d+) kB", meminfo, re.M).group(1)) * 1024


def wait_for_memory(needed, timeout=900):
    """Waits until `needed` bytes are available, for at most `timeout` seconds: on a shared
    machine a large run waits for others to finish rather than push anyone out of memory."""
    deadline = time.monotonic() + timeout
    while available_memory() < needed:
        if time.monotonic() > deadline:
            return False
        time.sleep(10)
    return True


def run_json(args, cores, timeout=7200):
    """Runs a benchmark program on the client cores; its last line of output is JSON."""
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_pinned(cores.client))
    if done.returncode != 0:
        raise BenchmarkError(f"{Path(str(args[0])).name} failed: {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
