#!/usr/bin/env bash
# Set-up command 2: install what is missing, then run every check and test tier:
# format, lints (host and wasm), host domain tests, browser tests in headless Chromium,
# the release build, end-to-end tests in Chromium against dist/, the cross-engine smoke
# suite in WebKit and Firefox ESR, and the sync server's set-up against PouchDB Server.
set -euo pipefail
FIELD_LEDGER_SETUP_FOR=tests
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { printf '\n\033[1;32m==>\033[0m \033[1m%s\033[0m\n' "$*"; }

# A clean build of every tier writes about 4 GB under target/. A disk that fills mid-build shows up
# as a linker crash that names no cause, so say how much room there is before starting.
free_kb=$(df -Pk . | awk 'NR == 2 { print $4 }')
step "disk: $((free_kb / 1024 / 1024)) GB free for target/ (a clean run needs about 4 GB)"
if ((free_kb < 5 * 1024 * 1024)); then
  printf '\033[1;33mwarning:\033[0m less than 5 GB free: the build may fail with a linker crash (disk full)\n' >&2
fi

step "format check: cargo fmt --check"
cargo fmt --all -- --check

step "lints for the host: cargo clippy --all-targets"
cargo clippy --all-targets -- -D warnings

step "lints for the browser: cargo clippy --target wasm32-unknown-unknown --all-targets"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "tier 1 — domain tests and doctests on the host: cargo test"
cargo test

step "tier 2 — storage and component tests in headless Chromium: wasm-bindgen-test"
browser_tests=()
for file in tests/browser_*.rs; do browser_tests+=(--test "$(basename "$file" .rs)"); done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown "${browser_tests[@]}"

step "release build: trunk build --release (prints every dist/ file's raw and gzip size)"
trunk build --release

step "release build under a sub-path: trunk build --release --public-url /field-ledger/ (offline test of a sub-path deployment)"
trunk build --release --public-url /field-ledger/ --dist target/dist-subpath

step "tier 3 — end-to-end tests in Chromium against dist/ on 127.0.0.1: Playwright"
npx playwright test -c tests/e2e

step "tier 4 — cross-engine smoke in WebKit (Storage API on and off) and Firefox ESR against dist/: WebDriver"
node --test --test-concurrency=1 --test-timeout=600000 tests/cross-engine/

step "tier 5 — live sync's server set-up (provision.sh, add-account.sh, validate_doc_update) against PouchDB Server on 127.0.0.1: node --test"
node --test tests/sync-server/

step "all checks and tiers passed; screenshots are in target/screenshots/"
