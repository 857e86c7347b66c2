#!/usr/bin/env bash
# Benchmark: installs what is missing, builds the release app, prints the speed and size figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
say "release build (trunk build --release)"
trunk build --release
say "measuring in headless Chromium"
node tests/bench/bench.mjs
