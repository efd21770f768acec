#!/usr/bin/env bash
# Rewrite constraints.txt from the working .venv: the exact release of every package installed
# there (torch and the project itself left out: scripts/setup.sh pins torch on its own line, as its
# CPU build's local version differs by index). Run it after changing dependencies in pyproject.toml
# and checking the suite passes; commit constraints.txt with the change.
set -euo pipefail
cd "$(dirname "$0")/.."
out=constraints.txt
tmp=$(mktemp "$out.XXXXXX")
{
  echo "# The releases the suite and the shipped default model were last checked with (scripts/lock.sh"
  echo "# wrote it from a working .venv). scripts/setup.sh installs under these constraints, so a release"
  echo "# that reaches the package index later cannot change a fresh set-up; pip install policytag (no"
  echo "# constraints) keeps pyproject.toml's ranges. POLICYTAG_UNLOCKED=1 scripts/setup.sh ignores it."
  .venv/bin/python -m pip freeze --exclude-editable --disable-pip-version-check 2>/dev/null \
    | grep -v -i -E '^(torch|policytag)(==| @)' | grep -E '^[A-Za-z0-9_.-]+==' | LC_ALL=C sort -f
} > "$tmp"
mv "$tmp" "$out"
echo "$out: $(grep -c '==' "$out") packages"
