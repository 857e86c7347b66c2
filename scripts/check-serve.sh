#!/usr/bin/env bash
# Proves the README's serve command: starts `bash scripts/serve.sh` in the background in its own
# process group (setsid), waits until http://127.0.0.1:8080/ answers and the app has mounted in
# Chromium showing an app-version built from this checkout's HEAD, then stops the whole group.
# Fails if the serve command exits, never answers, or serves another build. CI runs it after the
# test tiers (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The checker drives Chromium with Playwright from node_modules: install what is missing first
# (the serve command's own set-up then finds everything in place).
source scripts/setup.sh
# The log goes to a temporary file, not target/: the serve command must work on a clone that has
# no target/ yet (creating it here would hide exactly that failure).
serve_log=$(mktemp --tmpdir field-ledger-serve.XXXXXX.log)
# No dist/ from an earlier build: if the serve command's own build failed, trunk would go on
# serving the old files (stamped with the same HEAD) and the check would pass.
rm -rf dist
# setsid without job control (as here, non-interactive) execs in place: $! is the group's ID.
setsid bash scripts/serve.sh >"$serve_log" 2>&1 &
serve_pid=$!
trap 'kill -TERM -- "-$serve_pid" 2>/dev/null || true; echo "serve command output: $serve_log"' EXIT
node tests/serve/check-serve.mjs http://127.0.0.1:8080/ "$(git rev-parse --short=7 HEAD)" "$serve_pid" "$serve_log"
