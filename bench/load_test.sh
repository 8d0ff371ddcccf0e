#!/bin/sh
# A bounded load test of culturetrade-server on loopback, in two phases.
#
#   bench/load_test.sh BUILD_DIR [SECONDS]     (default 60; BUILD_DIR such as build/release)
#
# Saturation, for SECONDS after a warm-up of SECONDS/6 (at least 3 s): h2load drives four
# workloads at once, 4 connections x 16 streams each (16 connections, 256 calls in flight):
# the study's balance, the balance of a 10^5-flow grid uploaded at start, GetDataset and
# ListDatasets; beside it culturetrade-load-client (bench/load) runs uploaders that create,
# analyse and delete datasets of their own, and samplers that check answers against the
# expected ones. The server admits 512 calls at once, more than all of that, so every call
# should succeed. The run fails when the server's /metrics count a code other than OK (h2load
# cannot tell, it counts HTTP 200 whatever the grpc-status), but for the calls h2load drops in
# flight when its time is up, which the server stops as CANCELLED; when h2load saw a
# stream fail; when a client saw a failure or a wrong answer; or when the server's resident
# memory grew by CULTURETRADE_LOAD_MAX_RSS_GROWTH % (default 10) or more from the end of the
# warm-up to the end (it is also sampled six times during the run).
#
# Overload, for SECONDS/6 (at least 2 s): a second server with --max_concurrent_calls=4 flooded
# by 16 callers; it fails when a call ends otherwise than OK or RESOURCE_EXHAUSTED or nothing is
# refused. It prints how fast refusals came back (client side p50, p99, max, and the handler's
# own time from the server's log) and whether p99 is under 10 ms: reported, never judged, since
# speed depends on the machine.
#
# Every wait is bounded; the servers are stopped on exit. The suite runs it as `load_smoke`.
set -eu
build=${1:?usage: bench/load_test.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
max_growth=${CULTURETRADE_LOAD_MAX_RSS_GROWTH:-10}
warmup=$((seconds / 6 > 3 ? seconds / 6 : 3))
flood=$((seconds / 6 > 2 ? seconds / 6 : 2))
server="$build/service/culturetrade-server"
client="$build/bench/load/culturetrade-load-client"
frame="$build/bench/culturetrade-grpc-frame"
for tool in "$server" "$client" "$frame"; do
  [ -x "$tool" ] || { echo "load_test: $tool missing; build it first" >&2; exit 1; }
done
command -v h2load >/dev/null || { echo "load_test: h2load missing (Debian nghttp2-client)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/culturetrade-load.XXXXXX")
pid=""      # the server of the current phase
retired=""  # the saturation phase's server, draining while the overload phase starts
failed=0
fail() { echo "FAIL: $*"; failed=1; }
stop_server() {  # PID: SIGTERM, then SIGKILL if it has not drained and exited within 10 s
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 100); do  # a child that exited stays a zombie until waited for
    [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null || echo Z)" = Z ] && break
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
cleanup() { stop_server "$retired"; stop_server "$pid"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' HUP INT PIPE TERM  # so that the EXIT trap runs

start_server() {  # NAME LIMIT: a server on loopback ports of its own, on a new SQLite file
  "$server" --address=127.0.0.1:0 --metrics_address=127.0.0.1:0 --port_file="$work/$1.port" \
    --db="$work/$1.db" --max_concurrent_calls="$2" 2>"$work/$1.log" &
  pid=$!
  for _ in $(seq 100); do [ -s "$work/$1.port.metrics" ] && break; sleep 0.1; done
  [ -s "$work/$1.port.metrics" ] || { tail -5 "$work/$1.log" >&2; echo "load_test: $1 server did not start" >&2; exit 1; }
  endpoint="127.0.0.1:$(cat "$work/$1.port")"
  metrics_port=$(cat "$work/$1.port.metrics")
  timeout 60 "$client" prepare --endpoint="$endpoint"
}
bounded_client() {  # SECONDS ARGS...: the load client, killed if it outlives its run by far
  d=$1
  shift
  timeout -k 5 $((d + 60)) "$client" "$@" --endpoint="$endpoint" --seconds="$d"
}
scrape() { timeout 10 "$client" scrape --metrics_port="$metrics_port" >"$1"; }
status() { awk -v f="$1:" '$1 == f {print $2}' "/proc/$pid/status"; }  # VmRSS (KiB), Threads

# The h2load workloads: name, method, request body.
"$frame" culturetrade.v1.AnalyzeBalanceRequest "$("$client" request study)" >"$work/study.bin"
"$frame" culturetrade.v1.AnalyzeBalanceRequest "$("$client" request grid)" >"$work/grid.bin"
"$frame" culturetrade.v1.GetDatasetRequest 'name: "datasets/china-korea-tv-dramas"' >"$work/get.bin"
"$frame" culturetrade.v1.ListDatasetsRequest 'page_size: 50' >"$work/list.bin"
workloads="study:AnalysisService/AnalyzeBalance grid:AnalysisService/AnalyzeBalance
get:DatasetService/GetDataset list:DatasetService/ListDatasets"

saturate() {  # SECONDS PHASE: every workload at once, and the load client's uploaders and samplers
  pids=""
  for w in $workloads; do
    name=${w%%:*}
    timeout -k 5 $(($1 + 60)) h2load -c 4 -m 16 -D "$1" -d "$work/$name.bin" \
      -H 'content-type: application/grpc' -H 'te: trailers' \
      "http://$endpoint/culturetrade.v1.${w#*:}" >"$work/$2.$name.txt" 2>&1 &
    pids="$pids $!"
  done
  bounded_client "$1" mix >"$work/$2.mix.txt" 2>&1 || fail "$2: the load client's uploads or samples failed"
  for p in $pids; do wait "$p" || fail "$2: h2load failed"; done
  # Requests h2load saw fail at the HTTP/2 level (a reset stream, a status other than 200).
  broken=$(cat "$work/$2".*.txt | awk '/^requests:/ {n += $10 + $12 + $14} END {print n + 0}')
  [ "$broken" -eq 0 ] || fail "$2: h2load counted $broken failed, errored or timed out requests"
  # Requests in flight when h2load stopped: it drops them, and the server stops those it is
  # working on as CANCELLED.
  abandoned=$((abandoned + $(cat "$work/$2".*.txt | awk '/^requests:/ {n += $4 - $6} END {print n + 0}')))
}
abandoned=0

# Per method and code, the calls the server counted between two scrapes (all of them with one).
rpc_counts() {  # [BEFORE] AFTER
  awk '/^culturetrade_rpc_total\{/ {
         match($0, /method="[^"]*"/); m = substr($0, RSTART + 8, RLENGTH - 9)
         match($0, /code="[^"]*"/); c = substr($0, RSTART + 6, RLENGTH - 7)
         n[m " " c] += (FILENAME == ARGV[ARGC - 1] ? $NF : -$NF)
       }
       END { for (k in n) if (n[k] != 0) print k, n[k] }' "$@" | sort
}

echo "== saturation: ${warmup} s warm-up, then ${seconds} s; 16 h2load connections x 16 streams, 4 uploaders, 2 samplers"
start_server saturation 512
saturate "$warmup" warmup
sed 's/^/warm-up: /' "$work/warmup.mix.txt"
scrape "$work/before.prom"
rss_start=$(status VmRSS) threads_start=$(status Threads)
every=$((seconds / 6 > 1 ? seconds / 6 : 1))
for _ in $(seq $((seconds / every))); do sleep "$every"; status VmRSS; done >"$work/rss.txt" 2>/dev/null &
rss_sampler=$!
saturate "$seconds" run
rss_end=$(status VmRSS) threads_end=$(status Threads)
wait "$rss_sampler" || true
scrape "$work/after.prom"

for w in $workloads; do
  name=${w%%:*}
  printf 'h2load %-5s %-36s %s; %s\n' "$name" "${w#*:}" \
    "$(grep -o 'finished in [^,]*, [0-9.]* req/s' "$work/run.$name.txt")" \
    "$(grep '^requests:' "$work/run.$name.txt" | cut -d' ' -f2-)"
done
cat "$work/run.mix.txt"
echo "server, calls during the ${seconds} s run (method, code, count, per second):"
rpc_counts "$work/before.prom" "$work/after.prom" | awk -v s="$seconds" '{printf "  %-16s %-18s %9d %9.1f/s\n", $1, $2, $3, $3 / s}'
not_ok=$(rpc_counts "$work/after.prom" | awk '$2 != "OK" && $2 != "CANCELLED" {n += $3} END {print n + 0}')
stopped=$(rpc_counts "$work/after.prom" | awk '$2 == "CANCELLED" {n += $3} END {print n + 0}')
echo "server, since start (warm-up included): $not_ok calls failed; $stopped stopped as CANCELLED, of the $abandoned h2load dropped in flight when it stopped"
if [ "$not_ok" -ne 0 ] || [ "$stopped" -gt "$abandoned" ]; then
  fail "the server answered calls with another code than OK; the first ones it logged:"
  grep '"severity":"WARNING","event":"rpc"' "$work/saturation.log" | grep -v '"code":"CANCELLED"' | head -5
fi
growth=$(awk -v a="$rss_start" -v b="$rss_end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
echo "server resident memory: ${rss_start} KiB after the warm-up, ${rss_end} KiB at the end (${growth} %)"
echo "server resident memory during the run, every ${every} s (KiB): $(tr "\n" " " <"$work/rss.txt")"
echo "server threads: ${threads_start} after the warm-up, ${threads_end} at the end"
awk -v g="$growth" -v m="$max_growth" 'BEGIN {exit !(g < m)}' ||
  fail "resident memory grew by ${growth} % (${max_growth} % allowed)"
kill "$pid"
retired=$pid

echo "== overload: a server admitting 4 calls at once, 16 callers on 4 connections for ${flood} s"
start_server overload 4
bounded_client "$flood" flood --callers=16 --connections=4 >"$work/flood.txt" 2>&1 ||
  fail "overload: a call failed otherwise than RESOURCE_EXHAUSTED, or nothing was refused"
cat "$work/flood.txt"
# The server's own time for a refusal, from its log: the handler's share of the latency above.
sed -n 's/.*"code":"RESOURCE_EXHAUSTED","duration_ms":\([0-9.]*\).*/\1/p' "$work/overload.log" |
  sort -n | awk '{d[NR] = $1} END {if (NR) printf "flood, refused (server side, in the handler, %d calls): p50 %.0f us, p99 %.0f us, max %.0f us\n", NR, 1000 * d[int(NR * 0.5 + 0.999)], 1000 * d[int(NR * 0.99 + 0.999)], 1000 * d[NR]}'
scrape "$work/flood.prom"
echo "server, calls by code:"
rpc_counts "$work/flood.prom" | awk '{printf "  %-16s %-18s %9d\n", $1, $2, $3}'
other=$(rpc_counts "$work/flood.prom" | awk '$2 != "OK" && $2 != "RESOURCE_EXHAUSTED" {n += $3} END {print n + 0}')
[ "$other" -eq 0 ] || fail "overload: the server answered $other calls with another code than OK or RESOURCE_EXHAUSTED"

[ "$failed" -eq 0 ] && echo "load test: passed" || echo "load test: FAILED"
exit "$failed"
