"""Where a process's CPU goes: under load, `perf record` with DWARF call graphs on the server's
cores while h2load runs, then the share of the server's samples spent inside each of a few
frames (children included); for one slow step (a cold query, an import), the symbols with the
most samples of one process while the step runs. Needs perf (Debian linux-perf) and the right
to use it; without them the suite reports that no profile was taken."""

import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

# The frames of an AnalyzeBalance call worth naming, outermost first; depth indents the report.
# An analysis call is parsed and admitted on gRPC's event thread (the raw method), then run,
# answered, logged and metered on a CallExecutor worker, which runs nothing else.
HANDLER = "culturetrade::CallExecutor::Work"
ADMISSION = "culturetrade::AnalysisServiceImpl::AnalyzeBalance"
FRAMES = [
    (0, ADMISSION, "parsing and admitting the call on gRPC's thread"),
    (0, HANDLER, "the call on its worker: analysis, reply, log line, metrics"),
    (1, "culturetrade::CachingStore::GetAnalyzable", "finding the dataset (freshness, cache)"),
    (2, "culturetrade::SqliteStore::Revision", "the dataset's current revision"),
    (1, "culturetrade::LoadInput", "selecting the series' flows"),
    (1, "culturetrade::ComputeBalance", "computing the balance"),
    (1, "culturetrade::BalanceToProto", "building the response"),
    (1, "culturetrade::RpcGate::Call::Finish", "the call's log line and metrics"),
]
OUTSIDE = "outside the call: gRPC, HTTP/2, the kernel's TCP, the allocator, threads"


def available():
    """Whether perf is there and may record here."""
    if shutil.which("perf") is None:
        return False
    probe = subprocess.run(["perf", "stat", "-e", "task-clock", "true"], capture_output=True)
    return probe.returncode == 0


def top_symbols(data, count=8):
    """The `count` symbols with the most samples of a perf recording, as 'share symbol'."""
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children",
                             "--sort", "symbol", "-g", "none"],
                            capture_output=True, text=True).stdout
    tops = []
    for line in report.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0].endswith("%") and parts[1] in ("[k]", "[.]"):
            tops.append(f"{parts[0]} {parts[2].split('  ')[0].strip()[:80]}")
    return "; ".join(tops[:count])


def record_pid(pid, step, data):
    """Records process `pid` into `data` while `step()` runs; returns what `step` returned."""
    recorder = subprocess.Popen(["perf", "record", "-F", "999", "-o", str(data), "-p", str(pid)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)  # perf attaches
    try:
        return step()
    finally:
        recorder.send_signal(signal.SIGINT)
        recorder.wait()


def profile(pid, cpus, seconds, load):
    """Runs `load()` (which must keep the server busy for longer than `seconds`) and returns
    [(depth, frame, label, percent of the server's samples)], or None when perf cannot."""
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "perf.data"
        record = subprocess.Popen(
            ["perf", "record", "-a", "-C", ",".join(map(str, cpus)), "-F", "499",
             "--call-graph", "dwarf,16384", "-o", str(data), "--", "sleep", str(seconds)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        load()
        if record.wait() != 0 or not data.exists():
            return None
        report = subprocess.run(
            ["perf", "report", "-i", str(data), f"--pid={pid}", "--children", "--stdio",
             "--percentage", "relative", "--sort", "sym", "-g", "none"],
            capture_output=True, text=True)
    children = {}
    for line in report.stdout.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+[\d.]+%\s+\[\.\]\s+(.*?)\s*$", line)
        if m:
            symbol = m.group(2)
            children.setdefault(symbol, float(m.group(1)))
    shares = [(depth, frame, label, _share(children, frame)) for depth, frame, label in FRAMES]
    ours = [share for depth, _, _, share in shares if depth == 0]
    outside = None if None in ours else 100 - sum(ours)
    return shares + [(0, "", OUTSIDE, outside)]


def _share(children, frame):
    """The frame's share: the largest over its symbols (overloads, clones)."""
    shares = [v for symbol, v in children.items()
              if symbol == frame or symbol.startswith(frame + "(") or
              symbol.startswith(frame + "[") or symbol.startswith(frame + ".")]
    return max(shares) if shares else None
