#!/bin/sh
# Installs the SDK from the build tree into a fresh prefix, builds tests/consumer against it as
# another project would, and runs it against a real server.
# Usage: consumer_test.sh SOURCE_DIR BUILD_DIR SERVER_BINARY
set -eu
src=$1 build=$2 server=$3
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/share/culturetrade/proto/culturetrade/v1/dataset_service.proto"
# The SDK's libraries carry the build's compiler and flags (a sanitizer build's among them): the
# consumer needs the same ones to link.
cache="$build/CMakeCache.txt"
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$cache")
cxx_flags=$(sed -n 's/^CMAKE_CXX_FLAGS:STRING=//p' "$cache")
ld_flags=$(sed -n 's/^CMAKE_EXE_LINKER_FLAGS:STRING=//p' "$cache")
cmake -S "$src/tests/consumer" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_FLAGS="$cxx_flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$ld_flags" >/dev/null
cmake --build "$work/build" >/dev/null
"$server" --address=127.0.0.1:0 --port_file="$work/port" --db="$work/db" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
out=$("$work/build/consumer" "127.0.0.1:$(cat "$work/port")")
echo "$out"
[ "$out" = "consumer: 1 datasets; export growth 26.85%" ]
