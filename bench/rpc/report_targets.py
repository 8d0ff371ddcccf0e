"""The Targets table of docs/BENCHMARKS.md (issue 13's goals): each target as its figure
against its goal, "met" or "missed by X", and for every miss what the run's own profile or
figures say about why."""

import math
import statistics

E2E_TARGET = 1.0            # DuckDB's end-to-end time over ctrade's, CSV to one pair's balance
CREATE_RSS_TARGET_MIB = 200  # ctrade's peak resident memory during `datasets create --csv`
CREATE_RSS_SAME = 1.10       # "the same for both sizes": the larger at most 10 % above the other
COLD_TARGET_S = 0.2          # the first AnalyzeBalance of a freshly started server
CACHE_TARGET = 24            # bytes of resident memory per cached flow
STORED_TARGET = 12           # SQLite bytes per stored flow
SQLITE_INGEST_TARGET = 2e6   # flows per second through the SDK into SQLite
POSTGRES_INGEST_TARGET = 1e6  # flows per second through the SDK into PostgreSQL
MODES = {"1": "one thread each", "all": "all cores each"}


def num(x, digits=3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def flows_label(n):
    exponent = round(math.log10(n)) if n > 0 else 0
    return f"10^{exponent}" if 10 ** exponent == n and exponent >= 4 else f"{n:,}"


def verdict_at_least(value, target, unit):
    shown = f"{num(value)}{unit}" + ("" if unit == "x" else f" ({value / target:.2f}x the goal)")
    if value >= target:
        return f"**met**: {shown}"
    return f"**missed by {target / value:.2f}x**: {shown}"


def verdict_at_most(value, target, unit):
    shown = f"{num(value)}{unit} ({value / target:.2f}x the goal)"
    if value <= target:
        return f"**met**: {shown}"
    return f"**missed by {value / target:.2f}x**: {shown}"


class Targets:
    """Rows and reasons from a Report's results (`report.r`)."""

    def __init__(self, report):
        self.report = report
        self.r = report.r
        self.rows, self.misses = [], []
        self.import_profile_shown = False

    def add(self, target, goal, result, missed, why=None):
        self.rows.append([target, goal, result])
        if missed and why:
            self.misses.append(why())

    def build(self):
        self.end_to_end()
        self.create_memory()
        self.cold_query()
        self.stored()
        self.memory_limit()
        self.ingest()
        return self.rows, self.misses

    # ---- end to end against DuckDB (bench/compare) ----

    def e2e(self):
        """(size, mode) -> {tool: entry} of compare.py's end to end."""
        out = {}
        for e in (self.r.get("compare") or {}).get("end_to_end", []):
            out.setdefault((e["size"], str(e["threads"])), {})[e["tool"]] = e
        return out

    def not_measured(self, size):
        """Why compare.py has no end to end at `size`."""
        for skipped in (self.r.get("compare") or {}).get("skipped", []):
            if skipped["size"] == size:
                return f"not measured: {skipped['reason']}"
        return "not measured"

    def end_to_end(self):
        compare = self.r.get("compare")
        if not compare:
            self.add("End to end against DuckDB", f"≥ {E2E_TARGET:.1f}x",
                     "not measured (compare.py did not run)", False)
            return
        e2e = self.e2e()
        target = self.r["config"]["e2e_target_flows"]
        largest = max(self.r["config"]["compare_sizes"])
        for size in sorted({target, largest}):
            for mode in map(str, compare["threads"]):
                label = (f"End to end, CSV → one pair's balance, {flows_label(size)} flows, "
                         f"{MODES.get(mode, mode + ' CPUs')}: DuckDB's time over ctrade's")
                if size == largest and size != target:
                    label += " (the largest size: imported and analysed end to end)"
                t = e2e.get((size, mode))
                if t is None:
                    self.add(label, f"≥ {E2E_TARGET:.1f}x", self.not_measured(size), False)
                    continue
                ratio = t["duckdb"]["median_s"] / t["ctrade"]["median_s"]
                self.add(label, f"≥ {E2E_TARGET:.1f}x", verdict_at_least(ratio, E2E_TARGET, "x") +
                         f"; ctrade {num(t['ctrade']['median_s'])} s, DuckDB "
                         f"{num(t['duckdb']['median_s'])} s", ratio < E2E_TARGET,
                         lambda t=t, size=size, mode=mode: self.e2e_why(t, size, mode))

    def e2e_why(self, t, size, mode):
        c = t["ctrade"]
        phases = ", ".join(f"{k} {num(v)} s" for k, v in c["phases_s"].items())
        text = (f"**End to end, {flows_label(size)} flows, {MODES.get(mode, mode)}**: ctrade "
                f"takes {num(c['median_s'])} s ({phases}) against DuckDB's "
                f"{num(t['duckdb']['median_s'])} s (" +
                ", ".join(f"{k} {num(v)} s" for k, v in t["duckdb"]["phases_s"].items()) + ").")
        profiles = (self.r.get("compare") or {}).get("profiles") or []
        if not profiles:
            return text + " No profile of the import was taken (perf is not available)."
        if self.import_profile_shown:
            return text + " The import's profile is in the first end-to-end item."
        self.import_profile_shown = True
        p = profiles[-1]
        return (text + f" Where `ctrade datasets create` spends its CPU at "
                f"{flows_label(p['size'])} flows on one thread (perf, self time): the server "
                f"{p['server']}; ctrade {p['ctrade']}.")

    def create_memory(self):
        e2e = self.e2e()
        wanted = self.r["config"]["rss_csv_sizes"]
        label = (f"ctrade's peak resident memory during `datasets create --csv`, "
                 f"{flows_label(min(wanted))} and {flows_label(max(wanted))} rows")
        goal = (f"the same for both (within {100 * (CREATE_RSS_SAME - 1):.0f} %) and ≤ "
                f"{CREATE_RSS_TARGET_MIB} MiB")
        missing = [s for s in wanted if not any(size == s for size, _ in e2e)]
        if missing:
            self.add(label, goal, self.not_measured(missing[0]), False)
            return
        sizes = wanted
        peaks = {s: max(t["ctrade"]["peak_rss_kib"] for (size, _), t in e2e.items() if size == s)
                 / 1024 for s in sizes}
        small, large = peaks[min(sizes)], peaks[max(sizes)]
        worst = max(small, large)
        same = large <= small * CREATE_RSS_SAME
        met = same and worst <= CREATE_RSS_TARGET_MIB
        shown = (f"{num(small)} MiB at {flows_label(min(sizes))} rows, {num(large)} MiB at "
                 f"{flows_label(max(sizes))} ({large / small:.2f}x)")
        if met:
            result = f"**met**: {shown}"
        else:
            factor = max(worst / CREATE_RSS_TARGET_MIB, large / (small * CREATE_RSS_SAME))
            result = f"**missed by {factor:.2f}x**: {shown}"
        self.add(label, goal, result, not met,
                 lambda: (f"**ctrade's memory during an import**: {shown} (wait4's peak "
                          "resident set of the ctrade process, the largest over the thread "
                          "modes). Memory that grows with the file means the client holds "
                          "rows or blocks beyond the few in flight: see the CSV reader and the "
                          "upload stream's queue (client/ctrade/csv_flow_file.cc, "
                          "client/connection.cc)."))

    # ---- the store and the cache (bench/rpc/store_benchmark.py) ----

    def big(self):
        return max(self.r["sqlite"]["runs"])

    def cold_query(self):
        big = self.big()
        cold = self.report.sqlite_median(big, "first_analysis_s")
        self.add(f"Cold pair query: the first AnalyzeBalance of a freshly started server on a "
                 f"stored {flows_label(big)}-flow SQLite dataset", f"≤ {COLD_TARGET_S} s",
                 verdict_at_most(cold, COLD_TARGET_S, " s"), cold > COLD_TARGET_S,
                 lambda: self.cold_why(cold, big))

    def cold_why(self, cold, big):
        profile = self.r["sqlite"].get("cold_profile")
        text = (f"**Cold pair query**: {num(cold)} s at {flows_label(big)} flows, "
                f"{num(cold * 1e9 / big)} ns a stored flow, which says how much of the "
                "dataset the first call reads from the store.")
        if not profile:
            return text + " No profile was taken (perf is not available)."
        return text + f" The server's CPU during that call (perf, self time): {profile}."

    def stored(self):
        big = self.big()
        cached = self.report.cached_bytes_per_flow(big)
        self.add(f"Cache: server resident memory per cached flow ({flows_label(big)} flows)",
                 f"≤ {CACHE_TARGET} B", verdict_at_most(cached, CACHE_TARGET, " B"),
                 cached > CACHE_TARGET, lambda: self.report.memory_why(big))
        per_flow = self.report.sqlite_median(big, "store_bytes") / big
        self.add(f"On disk: SQLite bytes per stored flow ({flows_label(big)} flows)",
                 f"≤ {STORED_TARGET} B", verdict_at_most(per_flow, STORED_TARGET, " B"),
                 per_flow > STORED_TARGET,
                 lambda: (f"**On disk**: {num(per_flow)} B a flow in the SQLite file (its "
                          "write-ahead log checkpointed): the stored blocks' encoding "
                          "(service/storage/block_codec.cc) keeps more than the columns' "
                          "entropy; dictionary-coded keys, delta-coded years and values "
                          "compressed with zstd would close it."))

    def memory_limit(self):
        m = self.r.get("memory_limit")
        limit = self.r["config"]["memory_limit"]
        label = (f"Memory limit: the server in a {num(limit['limit_bytes'] / 2**30)} GiB cgroup "
                 f"takes one upload of {flows_label(limit['big_flows'])} flows and "
                 f"{limit['concurrent']} concurrent "
                 f"{flows_label(limit['concurrent_flows'])}-flow uploads")
        goal = "each stored or refused with RESOURCE_EXHAUSTED; the server never killed"
        if not m or m.get("skipped"):
            self.add(label, goal, f"not measured: {(m or {}).get('skipped', 'not run')}", False)
            return
        uploads = [m["big"]] + m["concurrent_uploads"]["outcomes"]
        bad = [u for u in uploads if not u["accepted"]]
        dead = not (m["big"]["alive_after"] and m["concurrent_uploads"]["alive_after"])
        stored = sum(u["code"] == "OK" for u in uploads)
        peak = max(m["big"]["max_usage_bytes"], m["concurrent_uploads"]["max_usage_bytes"])
        shown = (f"{stored} of {len(uploads)} stored, {len(uploads) - stored - len(bad)} "
                 f"refused; cgroup peak {num(peak / 2**30)} GiB")
        if not bad and not dead:
            self.add(label, goal, f"**met**: {shown}", False)
            return
        result = (f"**missed**: {len(bad)} upload(s) ended otherwise"
                  + ("; the server died" if dead else "") + f"; {shown}")
        self.add(label, goal, result, True, lambda: (
            "**Memory limit**: " + "; ".join(f"{u['flows']:,} flows ended {u['code']}: "
                                            f"{u['message'][:200]}" for u in bad) +
            ("; the server did not survive (OOM kill or crash)" if dead else "") + "."))

    def ingest(self):
        big = self.big()
        rate = self.report.sqlite_median(big, "flows_per_s")
        self.add(f"Ingest: flows/s through the SDK into SQLite ({flows_label(big)} flows)",
                 f"≥ {num(SQLITE_INGEST_TARGET)}",
                 verdict_at_least(rate, SQLITE_INGEST_TARGET, " flows/s"),
                 rate < SQLITE_INGEST_TARGET, self.report.ingest_why)
        pg = self.r.get("postgres")
        if pg and pg["runs"]:
            rate = statistics.median(r["flows_per_s"] for r in pg["runs"])
            n = pg["runs"][0]["flows"]
            self.add(f"Ingest: flows/s through the SDK into PostgreSQL ({flows_label(n)} flows)",
                     f"≥ {num(POSTGRES_INGEST_TARGET)}",
                     verdict_at_least(rate, POSTGRES_INGEST_TARGET, " flows/s"),
                     rate < POSTGRES_INGEST_TARGET, lambda: (
                         f"**Ingest into PostgreSQL**: {num(rate)} flows/s, the store's write "
                         f"{num(statistics.median(r['store_write_s'] for r in pg['runs']))} s "
                         f"of {num(statistics.median(r['upload_s'] for r in pg['runs']))} s "
                         "of upload (the store's own metric)."))
