#!/usr/bin/env bash
# The run command: installs what is missing, builds the app and the Worker, prepares a local D1
# seeded with the demo company, and serves app + API at http://127.0.0.1:8787 with wrangler dev.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
PORT="${PORT:-8787}"
STATE="$ROOT/functions/.wrangler/state"

say "building the app and the Worker"
bash scripts/build.sh
say "preparing the local database (demo company)"
# The demo company is seeded once and kept between runs. When the seed itself has changed (new
# features bring new demo content), a database seeded by the old one is replaced.
SEED_HASH="$(cat functions/src/seed/*.rs | sha256sum | cut -c1-16)"
if [ -d "$STATE/v3" ] && [ "$(cat "$STATE/demo-seed" 2>/dev/null)" != "$SEED_HASH" ]; then
  say "the demo seed changed since this database was made: seeding the demo company afresh"
  rm -rf "$STATE/v3"
fi
bash scripts/local-db.sh demo "$STATE" >/dev/null
echo "$SEED_HASH" > "$STATE/demo-seed"
# A local setup secret, so /api/setup can be tried; production sets it with `wrangler secret put`.
[ -f functions/.dev.vars ] || printf 'SETUP_SECRET=local-only-setup-secret-%s\n' "$RANDOM$RANDOM" > functions/.dev.vars
# A local key for phone notifications (web push); production keeps its own as a secret.
grep -q '^VAPID_PRIVATE_KEY=' functions/.dev.vars ||
  printf "VAPID_PRIVATE_KEY='%s'\n" "$(node scripts/vapid-key.mjs)" >> functions/.dev.vars

cat <<MSG

  Balai is starting at  http://127.0.0.1:$PORT
  Demo admin login:     admin@balai.demo  /  balai-demo-2026
  (every demo colleague, e.g. ani.wijaya@balai.demo, has the same password)

MSG
cd functions
BALAI_SKIP_BUILD=1 exec wrangler dev --ip 127.0.0.1 --port "$PORT" --persist-to "$STATE"
