#!/usr/bin/env bash
# Benchmarks (separate from the tests): the bundle report, then the feed API under wrangler dev
# with 100,000 posts and 2,000 people, 8 concurrent clients on loopback.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BALAI_NEED_WRK=1 BALAI_NEED_BROWSER=1
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
PORT="${BENCH_PORT:-8790}"
# Kept between runs (seeding 100,000 posts takes a while); bump the version when the seed changes.
SEED_VERSION=3
STATE="$ROOT/bench/.state-v$SEED_VERSION"
find "$ROOT/bench" -maxdepth 1 -name '.state*' ! -name ".state-v$SEED_VERSION" -exec rm -rf {} +

[ -f dist/index.html ] && [ -f functions/build/index.js ] || bash scripts/build.sh
echo "== bundle"
node scripts/bundle-report.mjs

echo "== seeding (skipped when already seeded)"
time bash scripts/local-db.sh bench "$STATE" >/dev/null

# wrangler's local stack (proxy worker, miniflare, workerd, local D1) without the DevTools
# inspector, which otherwise streams every D1 subrequest to Node: see bench/serve.mjs.
node bench/serve.mjs "$PORT" "$STATE" >/tmp/balai-bench-wrangler.log 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 1; done
WORKERD_PID="$(pgrep -n -f 'workerd serve')" # the user Worker's runtime (started last)
echo "== API (node clients: latency, D1 round trips and rows read, CPU)"
node bench/api.mjs "http://127.0.0.1:$PORT" "$WORKERD_PID" 8 250
echo "== floor (the same node clients): Balai's /api/health, then a Worker that does nothing"
node bench/floor.mjs "/api/health" "http://127.0.0.1:$PORT/api/health" 8 250
FLOOR_PORT=$((PORT + 1))
node bench/serve.mjs "$FLOOR_PORT" "$STATE-noop" bench/noop >/tmp/balai-bench-noop.log 2>&1 &
FLOOR_PID=$!
trap 'kill $SERVER_PID $FLOOR_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$FLOOR_PORT/" >/dev/null && break; sleep 1; done
node bench/floor.mjs "no-op Worker (bench/noop)" "http://127.0.0.1:$FLOOR_PORT/api/noop" 8 250
kill "$FLOOR_PID" 2>/dev/null || true
echo "== map page: 10,000 places clustered, in headless Chromium at a phone viewport"
node bench/map.mjs "http://127.0.0.1:$PORT"
# The floor of the local stack itself (wrangler's proxy + workerd + local D1), measured with
# wrk, which costs far less CPU than node clients on this 2-core machine.
if command -v wrk >/dev/null; then
  COOKIE="$(curl -s -D - -o /dev/null -X POST "http://127.0.0.1:$PORT/api/auth/login" -H 'content-type: application/json' \
    -H "origin: http://127.0.0.1:$PORT" -d '{"email":"admin@balai.demo","password":"balai-demo-2026"}' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip')"
  for path in /api/health /api/posts; do
    echo "== wrk, 8 connections, 10 s: $path"
    wrk -t2 -c8 -d10s --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$path" | grep -E '^ +(50|99)%|Requests/sec'
  done
fi
