#!/usr/bin/env bash
# Set-up command 1: install what is missing, then build the release app and serve it at
# http://127.0.0.1:8080 (rebuilding on changes). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
say "building the release app and serving it at http://127.0.0.1:8080 (first build ~1 minute; Ctrl-C stops)"
exec trunk serve --release
