#!/usr/bin/env bash
# Benchmark: installs what is missing, builds the release app, prints the speed and size figures.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
say "release build (trunk build --release)"
trunk build --release
say "measuring in headless Chromium"
node tests/bench/bench.mjs
say "importer fuzz: 100,000 mutated exports (cargo test --release --test domain_import_fuzz)"
FUZZ_CASES=100000 cargo test --release --test domain_import_fuzz -- --nocapture the_importer_never_panics 2>&1 | grep -E "importer fuzz|test result"
