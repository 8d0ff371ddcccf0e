#!/bin/sh
# Lints the v1 API with buf, and checks it against the v1 that has landed for breaking changes:
# protoc builds an image with the googleapis imports from the tree and one from the landed
# revision (read from git), buf checks only our files.
# Usage: buf_lint.sh SOURCE_DIR GOOGLEAPIS_DIR PROTOC
#
# CULTURETRADE_API_BASELINE names the landed revision; v1 may only grow from it.
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
baseline=${CULTURETRADE_API_BASELINE:-02fe7be30254a18c916f0a20a5382acee476c854}
if ! git -C "$src" cat-file -e "$baseline^{commit}" 2>/dev/null; then
  echo "the landed API ($baseline) is not in this clone's history: clone with history" >&2
  exit 1
fi
mkdir "$work/landed"
git -C "$src" archive "$baseline" proto/culturetrade | tar -x -C "$work/landed"
# shellcheck disable=SC2086
(cd "$work/landed/proto" && "$protoc" -I . -I "$googleapis" --include_imports \
  --include_source_info -o "$work/landed.binpb" $(find culturetrade -name '*.proto' | sort))
cd "$work"
path_args=""
for f in $files; do path_args="$path_args --path $f"; done
# shellcheck disable=SC2086
"$buf" lint image.binpb $path_args
echo "buf lint: clean"
# shellcheck disable=SC2086
"$buf" breaking image.binpb --against landed.binpb $path_args
echo "buf breaking: nothing breaks the v1 of $baseline"
