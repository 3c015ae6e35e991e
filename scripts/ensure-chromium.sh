#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; no browser is ever
# downloaded. Installs it when missing and we may (root with apt), else says how.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
[ -n "${CHROMIUM_PATH:-}" ] || exit 1
