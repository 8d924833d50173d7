#!/usr/bin/env bash
# Builds the app (app/) into dist/ with Trunk, offline, using the wasm-bindgen and wasm-opt
# that setup.sh installed; then pins the inline loader script into the CSP. Skipped when none
# of its inputs changed since the last build (build-stamp.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
cd "$ROOT"
source scripts/build-stamp.sh
FINGERPRINT="$(inputs_fingerprint app protocol style public Trunk.toml Cargo.toml Cargo.lock .cargo \
  package-lock.json scripts/setup.sh scripts/build-app.sh scripts/split-app.mjs scripts/csp.mjs)"
if build_is_fresh app "$FINGERPRINT" dist/index.html; then
  echo "app: unchanged since its last build, dist/ kept"
  exit 0
fi
begin_build app
trunk build --release --offline
node scripts/csp.mjs dist
mark_built app "$FINGERPRINT"
