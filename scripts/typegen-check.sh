#!/usr/bin/env bash
# Fails when schema.json or sanity.types.ts is out of date with the schema or the GROQ
# queries. TypeGen always writes where sanity.cli.ts says (its typegen block wins over
# --config-path), so the check regenerates inside a scratch copy of the project (the
# files git would see, with node_modules linked) and compares: the working tree is
# never written, so a commit or a type check running meanwhile sees nothing change.
# Fix a failure with: npx sanity schema extract --path schema.json --force && npx sanity typegen generate
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

FILES=(schema.json sanity.types.ts)
FIX="npx sanity schema extract --path schema.json --force && npx sanity typegen generate"

for file in "${FILES[@]}"; do
  if [ ! -f "$file" ]; then
    echo "typegen-check: $file is missing; generate and commit it: $FIX" >&2
    exit 1
  fi
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/typegen-check.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
copy="$scratch/project"
mkdir -p "$copy"
# Tracked and untracked-but-not-ignored files: what a commit of this tree would hold.
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' file; do
  # Regular files only: a linked node_modules (as in a scratch copy) is not project source.
  [ -f "$file" ] && [ ! -L "$file" ] || continue
  mkdir -p "$copy/$(dirname "$file")"
  cp -p "$file" "$copy/$file"
done
ln -s "$root/node_modules" "$copy/node_modules"

run() {
  local what="$1"
  shift
  if ! (cd "$copy" && "$@") >"$scratch/log" 2>&1; then
    cat "$scratch/log" >&2
    echo "typegen-check: $what failed (output above)." >&2
    exit 1
  fi
}
run "sanity schema extract" npx --no-install sanity schema extract --path schema.json --force
run "sanity typegen generate" npx --no-install sanity typegen generate

status=0
for file in "${FILES[@]}"; do
  if ! diff -u --label "$file (committed)" --label "$file (regenerated)" "$file" "$copy/$file" >"$scratch/diff"; then
    echo "typegen-check: $file is out of date:" >&2
    head -n 80 "$scratch/diff" >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Regenerate and commit: $FIX" >&2
  exit 1
fi
echo "typegen-check: schema.json and sanity.types.ts are up to date."
