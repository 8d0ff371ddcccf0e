#!/bin/sh
# Lints the v1 API with buf: protoc builds an image with the googleapis imports, buf lints
# only our files. Usage: buf_lint.sh SOURCE_DIR GOOGLEAPIS_DIR PROTOC
set -eu
src=$1 googleapis=$2 protoc=$3
buf=${BUF:-$src/.tools/node_modules/.bin/buf}
if [ ! -x "$buf" ]; then
  echo "buf not found at $buf: run deploy/setup.sh test, or set BUF" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$src/proto"
files=$(find culturetrade -name '*.proto' | sort)
# shellcheck disable=SC2086
"$protoc" -I . -I "$googleapis" --include_imports --include_source_info -o "$work/image.binpb" $files
cp buf.yaml "$work/buf.yaml"
cd "$work"
path_args=""
for f in $files; do path_args="$path_args --path $f"; done
# shellcheck disable=SC2086
"$buf" lint image.binpb $path_args
echo "buf lint: clean"
