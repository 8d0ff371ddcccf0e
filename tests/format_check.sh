#!/bin/sh
# Fails, naming them, when a C++ file of the checkout is not formatted as .clang-format says.
# `clang-format -i FILE` formats one. Usage: format_check.sh SOURCE_DIR
set -eu
cd "$1"
bad=""
for f in $(git ls-files '*.cc' '*.h'); do
  clang-format --dry-run --Werror --style=file "$f" >/dev/null 2>&1 ||
    bad="$bad $f"
done
if [ -n "$bad" ]; then
  echo "not formatted (run clang-format -i on them):" >&2
  printf '  %s\n' $bad >&2
  exit 1
fi
echo "format_check: every C++ file is formatted"
