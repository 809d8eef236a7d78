#!/usr/bin/env bash
# The API-reference test opens the docs in Debian's Chromium: install it when it is missing
# (npm test runs this first, and so does .ci/run through npm test).
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "installing Debian's chromium for the API-reference test" >&2
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; }; then
  echo "could not install chromium: run 'apt-get install chromium' as root, then npm test again" >&2
  exit 1
fi
