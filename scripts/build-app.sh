#!/usr/bin/env bash
# Builds the app (app/) into dist/ with Trunk, offline, using the wasm-bindgen and wasm-opt
# that setup.sh installed; then pins the inline loader script into the CSP.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
cd "$ROOT"
trunk build --release --offline
node scripts/csp.mjs dist
