#!/usr/bin/env bash
# The whole suite, exactly as CI runs it. Run through `npm test`, so the `node`
# devDependency (Node 24) is first on PATH even on a machine with Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Chromium for the browser tests"
bash scripts/ensure-chromium.sh

step "Node $(node --version)"

step "Formatting (Prettier)"
prettier --check . --log-level warn
echo "All files formatted"

step "Type check"
tsc --noEmit -p .

step "Schema validation (0 errors, 0 warnings)"
report=$(sanity schema validate --format ndjson --level warning 2>&1) || { echo "$report"; exit 1; }
if printf '%s\n' "$report" | grep -q '"severity"'; then
  sanity schema validate
  echo "Schema validation reported problems." >&2
  exit 1
fi
echo "0 errors, 0 warnings"

step "TypeGen output is current"
bash scripts/typegen-check.sh

step "Studio build"
sanity build dist --yes

step "Tests"
# Browser tests drive a real Studio against a real lake with timing a person would have;
# they run after the rest, one file at a time, not squeezed between a dozen lakes on 2 cores.
BROWSER_TESTS=(e2e.test.ts test/web/browser.test.ts)
STUDIO_DIST="$PWD/dist" vitest run --exclude '**/*.e2e.test.ts' --exclude 'test/web/browser.test.ts' "$@"

step "Browser tests (Chromium)"
STUDIO_DIST="$PWD/dist" vitest run --no-file-parallelism "${BROWSER_TESTS[@]}" "$@"
