"""Ingest, memory and growth: for each dataset size, a fresh server takes an upload of that
many world flows through the SDK; then a second fresh server on the same store answers a
first analysis (which loads the dataset into its cache) and warm ones, so that what the cache
holds is not hidden in memory the upload left behind. Each run records times, the servers'
resident memory before and after each step, the store's own write time (its metrics) and the
store file's size."""

import shutil
import time
from pathlib import Path

import cpu_profile
from processes import BenchmarkError, PrivatePostgres, Server, run_json, wait_for_memory

WARM_CALLS = 5
# Memory a run needs per flow, measured at 10^7 flows with some margin: the uploading server's
# peak (the upload held whole) plus the client's messages; and the cache-entry probe's.
RUN_BYTES_PER_FLOW = 1700
PROBE_BYTES_PER_FLOW = 700
MEMORY_MARGIN = 1 << 30


def _programs(build):
    bench = Path(build) / "bench" / "rpc"
    return (bench / "culturetrade-bench-ingest", bench / "culturetrade-bench-analyze",
            bench / "culturetrade-bench-cache-memory")


def _upload(build, cores, server, flows, dataset, profile):
    ingest, _, _ = _programs(build)
    rss_start = server.rss_kib()
    upload = run_json([ingest, f"--endpoint=127.0.0.1:{server.port}", f"--flows={flows}",
                       f"--dataset={dataset}"] + (["--profile"] if profile else []), cores)
    if upload["stored_flows"] != flows:
        raise BenchmarkError(f"stored {upload['stored_flows']} flows of {flows}")
    # The store's part: opening the write, each block (encoding included) and the commit.
    store_write_s = sum(server.store_seconds(op) for op in ("create", "write_block", "commit"))
    return {"flows": flows, "upload_s": upload["upload_s"],
            "flows_per_s": flows / upload["upload_s"], "store_write_s": store_write_s,
            "rss_start_kib": rss_start, "rss_stored_kib": server.rss_kib(),
            "rss_peak_upload_kib": server.rss_kib("VmHWM"),
            "phases": _phases(upload, store_write_s)}


# The upload's phases that culturetrade-bench-ingest --profile replays in its own process.
REPLAYED_PHASES = ("build_s", "serialize_s", "parse_s", "validate_s", "convert_s", "dedup_s",
                   "compress_s")
# Those of them that the server does outside its store's writes.
SERVER_PHASES = ("parse_s", "validate_s", "convert_s", "dedup_s")


def _phases(upload, store_write_s):
    """The replayed phases, the store's writes (compression included) and the rest of the
    upload's time, which the server spends waiting for messages: the transport."""
    if "parse_s" not in upload:
        return {}
    phases = {k: upload[k] for k in REPLAYED_PHASES}
    phases["store_write_s"] = store_write_s
    server_s = sum(upload[k] for k in SERVER_PHASES) + store_write_s
    phases["transport_s"] = max(0.0, upload["upload_s"] - server_s)
    return phases


# How long the cache may take to load a dataset in the background after its first analysis.
CACHE_LOAD_TIMEOUT_S = 600


def _wait_until_cached(server, flows):
    """Waits until the server's cache holds `flows` flows: a first analysis of one pair reads
    only that pair's blocks and loads the whole dataset in the background, so memory per cached
    flow is read once that load is done. Returns the flows cached and the seconds waited."""
    start = time.monotonic()
    cached = server.metrics().get("culturetrade_cache_flows", 0)
    while cached < flows and time.monotonic() - start < CACHE_LOAD_TIMEOUT_S:
        time.sleep(0.05)
        cached = server.metrics().get("culturetrade_cache_flows", 0)
    return cached, time.monotonic() - start


def _analyze(build, cores, server, dataset, flows):
    _, analyze, _ = _programs(build)
    rss_idle = server.rss_kib()
    calls = run_json([analyze, f"--endpoint=127.0.0.1:{server.port}", f"--dataset={dataset}",
                      f"--calls={WARM_CALLS}"], cores)
    cached, waited = _wait_until_cached(server, flows)
    return {"first_analysis_s": calls["first_s"], "warm_analysis_s": calls["warm_median_s"],
            "rss_idle_kib": rss_idle, "rss_cached_kib": server.rss_kib(),
            "rss_peak_kib": server.rss_kib("VmHWM"), "cached_flows": cached,
            "background_load_wait_s": waited}


def _one_run(build, cores, directory, store, flows, dataset, profile):
    """Upload through one server, analyse through another; returns the figures and the
    uploading server's command line."""
    with Server(build, directory / "upload", cores, seed=False, **store) as server:
        run = _upload(build, cores, server, flows, dataset, profile)
        command = server.args
    with Server(build, directory / "analyze", cores, seed=False, **store) as server:
        run.update(_analyze(build, cores, server, dataset, flows))
    return run, command


def _cold_profile(build, cores, directory, dataset):
    """Where a freshly started server's first analysis of the stored `dataset` spends its CPU
    (perf, the symbols with the most samples)."""
    _, analyze, _ = _programs(build)
    with Server(build, directory / "profile", cores, seed=False,
                db=directory / "store.db") as server:
        cpu_profile.record_pid(server.pid, lambda: run_json(
            [analyze, f"--endpoint=127.0.0.1:{server.port}", f"--dataset={dataset}",
             "--calls=0"], cores), directory / "cold.perf")
    return cpu_profile.top_symbols(directory / "cold.perf")


def sqlite_sizes(build, work, cores, sizes, runs, profile_size):
    """Per size, every run's figures on a SQLite store (synchronous=FULL, the default), the
    sizes skipped for want of memory and, at the largest size, a CPU profile of the cold first
    analysis."""
    results, skipped, cold_profile = {}, [], None
    for flows in sizes:
        if not wait_for_memory(flows * RUN_BYTES_PER_FLOW + MEMORY_MARGIN):
            skipped.append(flows)
            continue
        results[flows] = []
        for r in range(runs):
            directory = Path(work) / f"sqlite-{flows}-{r}"
            run, command = _one_run(build, cores, directory, {"db": directory / "store.db"},
                                    flows, f"world-{flows}", flows == profile_size and r == 0)
            # Stopped, the servers have checkpointed the write-ahead log into the file.
            run["store_bytes"] = sum(p.stat().st_size for p in directory.glob("store.db*"))
            results[flows].append(run)
            if flows == max(sizes) and r == runs - 1 and cpu_profile.available():
                cold_profile = _cold_profile(build, cores, directory, f"world-{flows}")
            shutil.rmtree(directory)
    return {"runs": results, "command": command, "skipped": skipped,
            "cold_profile": cold_profile}


def postgres(build, work, cores, flows, runs):
    """Every run's figures on a private PostgreSQL, fresh culturetrade-servers each run."""
    out = []
    with PrivatePostgres(Path(work) / "postgres") as pg:
        for r in range(runs):
            run, command = _one_run(build, cores, Path(work) / f"pg-{r}", {"store": pg.url},
                                    flows, f"world-{flows}-run{r}", False)
            out.append(run)
    return {"runs": out, "command": [str(a).replace(pg.url, "postgresql://...") for a in command]}


def cache_memory(build, cores, sizes):
    """The heap one cached dataset holds, per size (culturetrade-bench-cache-memory)."""
    _, _, probe = _programs(build)
    return {n: run_json([probe, f"--flows={n}"], cores) for n in sizes
            if wait_for_memory(n * PROBE_BYTES_PER_FLOW + MEMORY_MARGIN)}
