#!/usr/bin/env bash
# Builds the Worker (functions/) to functions/build/ with worker-build, using the local tools.
# Skipped when none of its inputs changed since the last build (build-stamp.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export WASM_BINDGEN_BIN="${WASM_BINDGEN_BIN:-$(command -v wasm-bindgen)}"
export ESBUILD_BIN="${ESBUILD_BIN:-$ROOT/node_modules/.bin/esbuild}"
export WASM_OPT_BIN="${WASM_OPT_BIN:-$ROOT/node_modules/.bin/wasm-opt}"
cd "$ROOT"
source scripts/build-stamp.sh
FINGERPRINT="$(inputs_fingerprint functions/src functions/sql functions/migrations functions/Cargo.toml \
  protocol Cargo.toml Cargo.lock .cargo scripts/setup.sh scripts/build-worker.sh)"
if build_is_fresh worker "$FINGERPRINT" functions/build/index.js; then
  echo "Worker: unchanged since its last build, functions/build/ kept"
  exit 0
fi
begin_build worker
cd functions
worker-build --release
mark_built worker "$FINGERPRINT"
