#!/usr/bin/env bash
# Installs whatever is missing to build and test Field Ledger on a fresh Debian 12 machine, and
# puts the tools on PATH. Sourced by scripts/serve.sh and scripts/test.sh; every step is skipped
# when its tool is already there, so running it again takes a second.
#
# First run on a new machine: about 20 minutes, almost all of it `cargo install` compiling trunk
# and wasm-bindgen-cli. Versions and the traps behind them: see README "Toolchain".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (Cargo.toml pins it with "=").
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
CARGO_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
# node_modules/.bin first: its wasm-opt (binaryen 132) must win over Debian's broken wasm-opt 108.
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"
export CHROMIUM_PATH=/usr/bin/chromium
export CHROMEDRIVER=/usr/bin/chromedriver

# 1. Debian packages: the browser and its driver for every browser test, CJK fonts so Chinese
#    renders as glyphs rather than boxes; for the tests, LibreOffice Calc (headless) as the real
#    spreadsheet that opens the exported CSV files, LibreOffice Writer, poppler's pdftotext and
#    python3-docx as the real readers of the Word summary, and the two other engines of the
#    cross-engine tier: Firefox ESR, and WebKitGTK's WebDriver with its MiniBrowser, run under Xvfb.
packages=(chromium chromium-driver fonts-noto-cjk)
if [[ "${FIELD_LEDGER_SETUP_FOR:-}" == tests ]]; then
  packages+=(libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils python3-docx curl)
  packages+=(firefox-esr webkit2gtk-driver xvfb)
fi
missing=()
for package in "${packages[@]}"; do
  # dpkg -s also succeeds for removed packages whose config files remain: check the status.
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]} (about a minute)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${packages[*]}"
fi

# 2. The Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 3. trunk (0.22 needs a newer rustc than this machine's 1.95).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION with cargo: about 10 minutes on 2 cores, once per machine"
  cargo install trunk --version "$TRUNK_VERSION" --locked
else
  say "trunk $TRUNK_VERSION present"
fi

# 4. wasm-bindgen-cli, equal to Cargo.lock (no --locked: one of its locked dependencies is no
#    longer served by crates.io).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION with cargo: about 6 minutes, once per machine"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
else
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
fi

# 4b. geckodriver, Firefox's WebDriver server, for the cross-engine tier (the npm package would
#     download a binary at install time, which these machines cannot).
GECKODRIVER_VERSION=0.37.1
if [[ "${FIELD_LEDGER_SETUP_FOR:-}" == tests ]] &&
  [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1')" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION with cargo: about 4 minutes, once per machine"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
elif [[ "${FIELD_LEDGER_SETUP_FOR:-}" == tests ]]; then
  say "geckodriver $GECKODRIVER_VERSION present"
fi

# 5. npm tools: binaryen's wasm-opt 132 for trunk, Playwright and axe-core for the tests,
#    selenium-webdriver for the cross-engine tier, acorn to check the boot check stays ES5,
#    Lighthouse for the benchmark, PouchDB Server for the sync tier.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools from package-lock.json (binaryen 132, Playwright, axe-core, ajv, selenium-webdriver, Lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
else
  say "npm tools present"
fi
if ! wasm-opt --version | grep -q 'version 132'; then
  say "wasm-opt on PATH is not binaryen 132 ($(command -v wasm-opt)): a release build would not mount"
  exit 1
fi
