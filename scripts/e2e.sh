#!/usr/bin/env bash
# Browser tests: serves the built app and Worker with wrangler dev on a fresh, demo-seeded local
# database, runs the Playwright specs in Debian's Chromium at a phone viewport, then stops it.
# Map tiles come from a local stub (e2e/tile-stub.mjs), and pushes go to a push service the
# push spec runs on loopback (PUSH_EXTRA_HOSTS): the tests never reach the internet.
# Expects dist/ and functions/build/ to be built (test.sh does that).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export WRANGLER_SEND_METRICS=false
cd "$ROOT"
PORT="${E2E_PORT:-8788}"
TILE_PORT=$((PORT + 11))
STATE="$(mktemp -d /tmp/balai-e2e.XXXXXX)"
LOG="$STATE/wrangler.log"
bash scripts/local-db.sh demo "$STATE" >/dev/null

node e2e/tile-stub.mjs "$TILE_PORT" &
STUB_PID=$!
cd functions
# test.sh built the app and the Worker already: skip wrangler.toml's build step.
BALAI_SKIP_BUILD=1 wrangler dev --ip 127.0.0.1 --port "$PORT" --persist-to "$STATE" \
  --var "TILE_URL:http://127.0.0.1:$TILE_PORT/{z}/{x}/{y}.png" \
  --var "VAPID_PRIVATE_KEY:$(node "$ROOT/scripts/vapid-key.mjs")" --var "PUSH_EXTRA_HOSTS:127.0.0.1" \
  >"$LOG" 2>&1 &
WRANGLER_PID=$!
cleanup() {
  kill "$WRANGLER_PID" "$STUB_PID" 2>/dev/null || true
  pkill -P "$WRANGLER_PID" 2>/dev/null || true
  rm -rf "$STATE"
}
trap cleanup EXIT
cd "$ROOT"
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null || { echo "wrangler dev did not start:"; tail -40 "$LOG"; exit 1; }
BALAI_URL="http://127.0.0.1:$PORT" npx playwright test -c e2e/playwright.config.mjs "$@"
