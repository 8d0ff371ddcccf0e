"""How compare.py and its end-to-end part run the programs they time: pinned to CPUs when asked,
with their output, wall time and peak resident memory (wait4), stopping on any failure."""
import os
import subprocess
import sys
import time


def fail(message):
    sys.exit(f"compare.py: {message}")


def pinned(cpus):
    """A preexec_fn that pins the child to `cpus` (None: no pinning)."""
    return None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))


def run(command, cpus=None, **kwargs):
    """Runs `command` (pinned to `cpus` if given), returning its standard output and its peak
    resident set in KiB."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True,
                               preexec_fn=pinned(cpus), **kwargs)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        fail(f"{' '.join(map(str, command))} exited with {process.returncode}")
    return output, usage.ru_maxrss


def timed(command, **kwargs):
    """Runs `command`: its output, its wall seconds and its peak resident set in KiB."""
    start = time.perf_counter()
    output, peak = run(command, **kwargs)
    return output, time.perf_counter() - start, peak
