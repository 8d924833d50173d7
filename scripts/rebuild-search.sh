#!/usr/bin/env bash
# Rebuilds the full-text search tables (FTS5) from the base tables, whenever search looks wrong.
#   scripts/rebuild-search.sh --remote                 # the deployed database
#   scripts/rebuild-search.sh --local [persist dir]    # a local one (default: scripts/dev.sh's)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$PATH"
cd "$ROOT/functions"
case "${1:-}" in
  --remote) wrangler d1 execute balai --remote --file sql/rebuild-search.sql ;;
  --local) wrangler d1 execute balai --local --persist-to "${2:-.wrangler/state}" --file sql/rebuild-search.sql ;;
  *) echo "usage: $0 --remote | --local [persist dir]" >&2; exit 2 ;;
esac
