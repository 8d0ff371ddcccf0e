#!/bin/sh
# Runs each fuzz target for a bounded time against its seed corpus; non-zero when one crashes,
# leaks, times out or runs out of memory (libFuzzer then saves the input as crash-*, leak-*,
# timeout-* or oom-* in the artifact directory, and prints how to reproduce it).
#
#   tests/fuzz/run_fuzzers.sh [SECONDS [RUNS]]   each target for SECONDS (default 10) or RUNS
#                                                executions, whichever comes first
#
# Environment: CULTURETRADE_FUZZ_BUILD (default build/asan, as `cmake --preset asan` makes),
# CULTURETRADE_FUZZ_TARGETS (default all seven), CULTURETRADE_FUZZ_ARTIFACTS (where crashing
# inputs go; default build/asan/artifacts). The seed corpus is copied, never written to: new
# inputs found go to a scratch corpus under the build directory.
set -eu

seconds=${1:-10} runs=${2:--1}
case $seconds$runs in
  *[!0-9-]*|-*) echo "usage: $0 [SECONDS [RUNS]]" >&2; exit 2 ;;
esac

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${CULTURETRADE_FUZZ_BUILD:-$src/build/asan}
targets=${CULTURETRADE_FUZZ_TARGETS:-"csv_flows_fuzzer csv_rates_fuzzer decimal_fuzzer period_fuzzer request_fuzzer upload_fuzzer block_fuzzer"}
artifacts=${CULTURETRADE_FUZZ_ARTIFACTS:-$build/artifacts}
mkdir -p "$artifacts"

# Leaks count as failures; UBSan stops at its first report (the build also says so).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

failed=""
for target in $targets; do
  bin=$build/tests/fuzz/$target
  if [ ! -x "$bin" ]; then
    echo "$0: $bin is missing: cmake --preset asan && cmake --build --preset asan" >&2
    exit 2
  fi
  work=$build/fuzz-corpus/$target
  mkdir -p "$work"
  log=$build/fuzz-$target.log
  echo "== $target: ${seconds}s (log: $log)"
  rc=0
  "$bin" "$work" "$src/tests/fuzz/corpus/$target" \
    -max_total_time="$seconds" -runs="$runs" -rss_limit_mb=2048 -timeout=25 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$log" 2>&1 || rc=$?
  # The corpus loaded, the last status line, the final stats, and any report.
  grep -E '^#[0-9]+.*(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|^SUMMARY|Test unit written' "$log" || true
  if [ "$rc" -ne 0 ]; then
    echo "== $target: FAILED (exit $rc)"
    failed="$failed $target"
  else
    echo "== $target: ok"
  fi
done

if [ -n "$failed" ]; then
  echo "crashed:$failed (inputs in $artifacts)" >&2
  exit 1
fi
