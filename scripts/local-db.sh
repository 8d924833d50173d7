#!/usr/bin/env bash
# Prepares a local D1 database under a wrangler state folder: applies the migrations, then seeds
# it (demo company or benchmark set) unless it already has people, and puts what belongs in KV
# (profile photos) into the local KV namespace. Prints the database file.
#   scripts/local-db.sh <demo|bench> <persist dir>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="$1"; STATE="$2"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
cd "$ROOT/functions"
wrangler d1 migrations apply balai --local --persist-to "$STATE" >/dev/null
DB_FILE="$(find "$STATE/v3/d1" -name '*.sqlite' ! -name 'metadata.sqlite' | head -n 1)"
[ -n "$DB_FILE" ] || { echo "no local D1 database under $STATE" >&2; exit 1; }
KV_FILE="$STATE/kv-seed.json"
rm -f "$KV_FILE"
cargo run --quiet --release -p balai-functions --bin balai-seed -- "$MODE" "$DB_FILE" "$KV_FILE" >&2
if [ -s "$KV_FILE" ]; then
  wrangler kv bulk put "$KV_FILE" --binding KV --local --persist-to "$STATE" >/dev/null
  rm -f "$KV_FILE"
fi
echo "$DB_FILE"
