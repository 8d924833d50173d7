#!/usr/bin/env bash
# The test command: everything CI checks, in order, ending with one summary line.
# Installs what is missing first (see setup.sh); quick when everything is there.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BALAI_NEED_BROWSER=1
source "$ROOT/scripts/setup.sh" || { echo "summary: 0 passed, 1 failed (setup)"; exit 1; }
set +e
cd "$ROOT"

passed=0; failed=0; failures=()
step() {
  local name="$1"; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); printf '\033[32m✔ %s (%ss)\033[0m\n' "$name" $((SECONDS - start))
  else
    failed=$((failed + 1)); failures+=("$name"); printf '\033[31m✘ %s\033[0m\n' "$name"
  fi
}

step "cargo fmt --check" cargo fmt --all -- --check
step "clippy (host)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)" bash -c 'cargo clippy -p balai-app -p balai-protocol --target wasm32-unknown-unknown --all-targets --locked -- -D warnings &&
  cargo clippy -p balai-functions --lib --target wasm32-unknown-unknown --locked -- -D warnings'
step "native tests (cargo test)" cargo test --workspace --exclude balai-app --locked
step "release builds (app + Worker)" bash scripts/build.sh
step "bundle report" node scripts/bundle-report.mjs
step "wrangler deploy --dry-run" bash -c 'cd functions && BALAI_SKIP_BUILD=1 wrangler deploy --dry-run --outdir "$(mktemp -d)"'
step "browser tests (Playwright)" bash scripts/e2e.sh
step "backup round trip (export, restore, search)" node e2e/backup-restore.mjs

echo
[ "$failed" = 0 ] || echo "failed steps: ${failures[*]}"
echo "summary: $passed passed, $failed failed"
[ "$failed" = 0 ]
