#!/usr/bin/env bash
# Fails when schema.json or sanity.types.ts is out of date with the schema or the GROQ
# queries. TypeGen always writes where sanity.cli.ts says (its typegen block wins over
# --config-path), so this regenerates in place with the project's own settings,
# compares with the files as they were, and puts those back: the check never changes
# the working tree, whatever the outcome.
# Fix a failure with: npx sanity schema extract --path schema.json --force && npx sanity typegen generate
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=(schema.json sanity.types.ts)
saved="$(mktemp -d "${TMPDIR:-/tmp}/typegen-check.XXXXXX")"

restore() {
  for file in "${FILES[@]}"; do
    if [ -f "$saved/$file" ]; then cp "$saved/$file" "$file"; else rm -f "$file"; fi
  done
  rm -rf "$saved"
}

for file in "${FILES[@]}"; do
  if [ ! -f "$file" ]; then
    echo "typegen-check: $file is missing; generate and commit it:" >&2
    echo "  npx sanity schema extract --path schema.json --force && npx sanity typegen generate" >&2
    exit 1
  fi
  cp "$file" "$saved/$file"
done
trap restore EXIT

run() {
  local what="$1"
  shift
  if ! "$@" >"$saved/log" 2>&1; then
    cat "$saved/log" >&2
    echo "typegen-check: $what failed (output above)." >&2
    exit 1
  fi
}
run "sanity schema extract" npx --no-install sanity schema extract --path schema.json --force
run "sanity typegen generate" npx --no-install sanity typegen generate

status=0
for file in "${FILES[@]}"; do
  if ! diff -u --label "$file (committed)" --label "$file (regenerated)" "$saved/$file" "$file" >"$saved/diff"; then
    echo "typegen-check: $file is out of date:" >&2
    head -n 80 "$saved/diff" >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Regenerate and commit: npx sanity schema extract --path schema.json --force && npx sanity typegen generate" >&2
  exit 1
fi
echo "typegen-check: schema.json and sanity.types.ts are up to date."
