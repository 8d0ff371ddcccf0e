#!/bin/sh
# clang-tidy (.clang-tidy's checks, warnings as errors) over the .cc files that the last commits
# changed, with the build's compile commands.
#
#   tests/tidy_check.sh SOURCE_DIR BUILD_DIR
#
# CULTURETRADE_TIDY_BASE picks the files: a git revision (those changed since it; by default the
# last ten commits, which covers a submission), or `all` for every file, which takes about a
# quarter of an hour on two cores.
set -eu
src=$1
build=$2
cd "$src"
base=${CULTURETRADE_TIDY_BASE:-HEAD~10}
if [ "$base" = all ]; then
  files=$(git ls-files '*.cc')
else
  git rev-parse -q --verify "$base^{commit}" >/dev/null || base=$(git rev-list --max-parents=0 HEAD)
  files=$( (git diff --name-only --diff-filter=d "$base" -- '*.cc'; git ls-files --others --exclude-standard '*.cc') | sort -u)
fi
# Only files the build compiles: fuzz targets need the asan preset's libFuzzer, and some builds
# leave them out.
checked=""
for f in $files; do
  grep -q "\"file\": \"[^\"]*/$f\"" "$build/compile_commands.json" && checked="$checked $f"
done
if [ -z "$checked" ]; then
  echo "tidy_check: no changed file to check"
  exit 0
fi
echo "tidy_check: $(echo $checked | wc -w) files"
# shellcheck disable=SC2086
printf '%s\n' $checked | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>&1 |
  grep -v '^[0-9]* warnings\? generated\.$' | grep -v '^Suppressed [0-9]* warnings' |
  grep -v '^Use -header-filter' | grep -v '^$' > "$build/tidy_check.log" || true
if grep -q 'error:' "$build/tidy_check.log"; then
  cat "$build/tidy_check.log"
  exit 1
fi
echo "tidy_check: clean"
