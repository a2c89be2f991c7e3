#!/usr/bin/env bash
# Installs the project's npm dependencies when they are missing or older than package-lock.json
# (`npm ci`; `npm install` when there is no lock file), and otherwise does nothing. Used by
# scripts/run.sh and scripts/test.sh so that both work on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f package-lock.json ]; then lock=package-lock.json; else lock=package.json; fi
stamp=node_modules/.suno-installed-from
wanted=$(sha256sum "$lock" | cut -d' ' -f1)

if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi
# A node_modules that npm itself considers complete only needs the stamp (e.g. after a manual install).
if [ -d node_modules ] && [ ! -f "$stamp" ] && npm ls --depth=0 >/dev/null 2>&1; then
  echo "$wanted" >"$stamp"
  exit 0
fi

echo "[install-dependencies] installing npm dependencies" >&2
if [ "$lock" = package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
echo "$wanted" >"$stamp"
