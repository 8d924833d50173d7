#!/usr/bin/env bash
# Installs what Balai's build and tests need, skipping whatever is already there at the right
# version. Sourced by dev.sh and test.sh; safe to run again. Offline-friendly: every tool comes
# from crates.io, npm or Debian, never from a download of its own (see ../shared/TOOLCHAIN.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14          # trunk 0.22 needs a newer rustc than this machine's 1.95
WORKER_BUILD_VERSION=0.8.7
WASM_SPLIT_VERSION=0.2.4      # wasm-split-cli: splits the app into per-page chunks (scripts/split-app.mjs)
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }

if ! have_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (takes ~9 minutes the first time)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (must equal Cargo.lock's wasm-bindgen)"
  # --locked fails for this crate here (a locked dependency is missing from the index).
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi
if ! have_version worker-build "$WORKER_BUILD_VERSION"; then
  say "installing worker-build $WORKER_BUILD_VERSION"
  cargo install --locked --force "worker-build@$WORKER_BUILD_VERSION"
fi
# wasm-split-cli has no --version: ask cargo what it installed.
if ! command -v wasm-split-cli >/dev/null 2>&1 ||
  ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (~2 minutes the first time)"
  cargo install --locked --force "wasm_split_cli_support@$WASM_SPLIT_VERSION" --features build-binary
fi

# npm tools: wrangler (with workerd), esbuild, wasm-opt (binaryen), Playwright's test runner.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

# Chromium for the browser tests comes from Debian (Playwright's own download cannot work here).
if [ "${BALAI_NEED_BROWSER:-0}" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  say "installing Debian's chromium"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# wrk drives the API benchmark (scripts/bench.sh) with little CPU of its own.
if [ "${BALAI_NEED_WRK:-0}" = 1 ] && ! command -v wrk >/dev/null; then
  say "installing Debian's wrk"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

# Point worker-build and Trunk at the tools above instead of letting them download their own.
export WASM_BINDGEN_BIN="$(command -v wasm-bindgen)"
export ESBUILD_BIN="$ROOT/node_modules/.bin/esbuild"
export WASM_OPT_BIN="$ROOT/node_modules/.bin/wasm-opt"
export WRANGLER_SEND_METRICS=false
export CHROME_PATH=/usr/bin/chromium
