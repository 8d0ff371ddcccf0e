#!/bin/sh
# A bounded load test of culturetrade-server on loopback: h2load drives analyses and reads at
# saturation while a second client samples that calls still succeed, and the server's resident
# memory is read after warm-up and at the end.
#
#   bench/load_test.sh BUILD_DIR [SECONDS]     (default 60 s; BUILD_DIR such as build/release)
#
# Prints requests/s per workload, failed requests, and memory growth; exits non-zero when a
# request that should have succeeded failed or memory grew by 10 % or more after warm-up.
set -eu
build=$1 seconds=${2:-60}
server="$build/service/culturetrade-server" ctrade="$build/client/ctrade"
frame="$build/bench/culturetrade-grpc-frame"
command -v h2load >/dev/null || { echo "load_test: h2load missing (Debian nghttp2-client)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$server" --address=127.0.0.1:0 --port_file="$work/port" --db="$work/db" \
  --max_concurrent_calls=256 2>"$work/log" &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
url="http://127.0.0.1:$port"

"$frame" culturetrade.v1.AnalyzeBalanceRequest 'dataset: "datasets/china-korea-tv-dramas"
  reporter: "CHN" partner: "KOR" product_code: "TV_DRAMAS"' > "$work/balance.bin"
"$frame" culturetrade.v1.GetDatasetRequest 'name: "datasets/china-korea-tv-dramas"' \
  > "$work/get.bin"

rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
h2() {  # body path, seconds, output
  # 4 connections x 16 streams per workload: 128 calls in flight in all, under the server's
  # limit, so every call should succeed (h2load counts HTTP 200 whatever grpc-status says;
  # the sampling client below checks the gRPC status).
  h2load -c 4 -m 16 -D "$2" -d "$1" -H 'content-type: application/grpc' -H 'te: trailers' \
    "$url/culturetrade.v1.$3" > "$4" 2>&1
}

# Warm-up with the same mix (the server's threads and caches grow to the load), then the
# measured run: analyses and reads at once, a client sampling beside them.
h2 "$work/balance.bin" 10 AnalysisService/AnalyzeBalance "$work/warmup1.txt" &
warm=$!
h2 "$work/get.bin" 10 DatasetService/GetDataset "$work/warmup2.txt"
wait "$warm"
rss_start=$(rss)
h2 "$work/balance.bin" "$seconds" AnalysisService/AnalyzeBalance "$work/balance.txt" &
a=$!
h2 "$work/get.bin" "$seconds" DatasetService/GetDataset "$work/get.txt" &
b=$!
samples=0 bad=0
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  samples=$((samples + 1))
  CULTURETRADE_ENDPOINT="127.0.0.1:$port" "$ctrade" --timeout 10 --format csv analyze balance \
    china-korea-tv-dramas --reporter CHN --partner KOR --product TV_DRAMAS >/dev/null 2>&1 ||
    bad=$((bad + 1))
  sleep 0.5
done
wait "$a" "$b"
rss_end=$(rss)

report() {  # label, h2load output
  printf '%s: %s; %s\n' "$1" "$(grep -o 'finished in .*req/s' "$2" | sed 's/, [0-9.]*[KM]*B\/s//')" \
    "$(grep '^requests:' "$2")"
}
report AnalyzeBalance "$work/balance.txt"
report GetDataset "$work/get.txt"
growth=$(( (rss_end - rss_start) * 100 / rss_start ))
echo "sampled calls: $samples, failed: $bad"
echo "resident memory after warm-up: ${rss_start} KiB, at the end: ${rss_end} KiB (${growth} %)"
failed=$(cat "$work/balance.txt" "$work/get.txt" | awk '/^requests:/ {s += $10 + $12 + $14} END {print s + 0}')
[ "$bad" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$growth" -lt 10 ]
