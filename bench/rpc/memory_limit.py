"""The server under a memory limit: culturetrade-server in a cgroup v1 memory cgroup limited to
4 GiB takes (a) one upload of as many flows as one dataset may hold (its
--max_flows_per_dataset, 50 M by default) and (b) several concurrent uploads of 10^7 flows,
each generated block by block by culturetrade-bench-upload-blocks so that no CSV file is
written. Each upload must be stored or refused with RESOURCE_EXHAUSTED, and the server must
survive: still running and answering afterwards, never killed by the kernel's OOM killer. The
cgroup's peak usage and failcnt come from memory.max_usage_in_bytes and memory.failcnt; note
that a cgroup v1 is charged for the page cache of the files its processes write, so usage
reaches the limit and failcnt counts reclaim of that cache, which is not an out-of-memory."""

import json
import os
import subprocess
from pathlib import Path

from processes import BenchmarkError, Server, _pinned, run_json

CGROUP_ROOT = Path("/sys/fs/cgroup/memory")
ACCEPTED = ("OK", "RESOURCE_EXHAUSTED")


class MemoryCgroup:
    """A cgroup v1 memory cgroup of its own, removed when the `with` block ends (its processes
    must have ended by then)."""

    def __init__(self, name, limit_bytes):
        self.path = CGROUP_ROOT / name
        self.limit_bytes = limit_bytes

    def __enter__(self):
        self.path.mkdir()
        self.write("memory.limit_in_bytes", self.limit_bytes)
        return self

    def __exit__(self, *exc):
        try:
            self.path.rmdir()
        except OSError:
            pass

    def write(self, name, value):
        (self.path / name).write_text(str(value))

    def read(self, name):
        return (self.path / name).read_text()

    def add(self, pid):
        self.write("cgroup.procs", pid)

    def stats(self):
        oom = dict(line.split() for line in self.read("memory.oom_control").splitlines())
        return {"max_usage_bytes": int(self.read("memory.max_usage_in_bytes")),
                "failcnt": int(self.read("memory.failcnt")),
                "oom_control": {k: int(v) for k, v in oom.items()}}

    def reset_peaks(self):
        self.write("memory.max_usage_in_bytes", 0)
        self.write("memory.failcnt", 0)


def unusable_reason():
    """Why a memory cgroup cannot be made here, or None when it can."""
    if not CGROUP_ROOT.is_dir():
        return f"no cgroup v1 memory controller at {CGROUP_ROOT}"
    if not os.access(CGROUP_ROOT, os.W_OK):
        return f"{CGROUP_ROOT} is not writable by this user"
    probe = CGROUP_ROOT / f"culturetrade-bench-probe-{os.getpid()}"
    try:
        probe.mkdir()
        probe.rmdir()
    except OSError as e:
        return f"cannot make a cgroup under {CGROUP_ROOT}: {e.strerror}"
    return None


def _uploader(build, server, flows, dataset):
    return [str(Path(build) / "bench" / "rpc" / "culturetrade-bench-upload-blocks"),
            f"--endpoint=127.0.0.1:{server.port}", f"--flows={flows}", f"--dataset={dataset}"]


def _concurrent(build, cores, server, count, flows):
    """`count` uploads at once; their outcomes in the order started."""
    children = [subprocess.Popen(_uploader(build, server, flows, f"concurrent-{i}"),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 preexec_fn=_pinned(cores.client)) for i in range(count)]
    outcomes = []
    for child in children:
        out, err = child.communicate()
        if child.returncode != 0:
            raise BenchmarkError(f"culturetrade-bench-upload-blocks failed: {err.strip()[-2000:]}")
        outcomes.append(_judged(json.loads(out.strip().splitlines()[-1])))
    return outcomes


def _judged(outcome):
    """An upload's outcome, with whether it is one of the two the test accepts."""
    return dict(outcome, accepted=outcome["code"] in ACCEPTED)


def _alive(build, cores, server, probe):
    """Whether the server still runs and answers: a small upload must be stored."""
    if server.process.poll() is not None:
        return False
    answer = run_json(_uploader(build, server, 100, f"alive-{probe}"), cores)
    return answer["code"] == "OK"


def run(build, work, cores, big_flows, concurrent, concurrent_flows, limit_bytes):
    """Both parts' outcomes and the cgroup's figures, or why the test was skipped."""
    reason = unusable_reason()
    if reason:
        return {"skipped": reason}
    directory = Path(work) / "memory-limit"
    name = f"culturetrade-bench-{os.getpid()}"
    result = {"limit_bytes": limit_bytes, "big_flows": big_flows, "concurrent": concurrent,
              "concurrent_flows": concurrent_flows}
    with MemoryCgroup(name, limit_bytes) as cgroup:
        with Server(build, directory, cores, db=directory / "store.db", seed=False) as server:
            cgroup.add(server.pid)
            result["command"] = server.args
            print(f"memory limit: one upload of {big_flows} flows", flush=True)
            big = _judged(run_json(_uploader(build, server, big_flows, "big"), cores))
            result["big"] = dict(big, alive_after=_alive(build, cores, server, "big"),
                                 **cgroup.stats())
            cgroup.reset_peaks()
            print(f"memory limit: {concurrent} concurrent uploads of {concurrent_flows} flows",
                  flush=True)
            outcomes = _concurrent(build, cores, server, concurrent, concurrent_flows)
            result["concurrent_uploads"] = dict(
                outcomes=outcomes, alive_after=_alive(build, cores, server, "concurrent"),
                **cgroup.stats())
            if server.process.poll() is None:
                result["server_peak_rss_kib"] = server.rss_kib("VmHWM")
            result["server_exit"] = server.process.poll()
    return result
