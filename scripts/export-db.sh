#!/usr/bin/env bash
# Writes a local D1 database to one SQL file that restores it whole, search included:
#   scripts/export-db.sh <out.sql> [persist dir]     # default: the one scripts/dev.sh serves
#   npx wrangler d1 execute balai --remote --file out.sql    # restore, into an empty database
#
# `wrangler d1 export` refuses a database that holds FTS5 tables. So this exports a copy without
# them (and without the triggers that feed them), then appends their CREATE statements, as the
# database itself states them, and sql/rebuild-search.sql to fill them from the restored rows.
# All tables come before any rows: D1 checks foreign keys on insert, and the export creates each
# table just before its rows, so a department (whose head is a person) would precede users.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$PATH"
export WRANGLER_SEND_METRICS=false
OUT="${1:?usage: $0 <out.sql> [persist dir]}"
STATE="${2:-$ROOT/functions/.wrangler/state}"
[ -d "$STATE/v3/d1" ] || { echo "no local D1 database under $STATE" >&2; exit 1; }
OUT="$(realpath -m "$OUT")"

# `wrangler d1 export --local` reads the state beside its config: give it a copy to work on.
COPY="$(mktemp -d /tmp/balai-export.XXXXXX)"
trap 'rm -rf "$COPY"' EXIT
mkdir -p "$COPY/.wrangler"
cp -r "$STATE" "$COPY/.wrangler/state"
cp "$ROOT/functions/wrangler.toml" "$COPY/"
d1() { wrangler d1 "$1" balai --local --config "$COPY/wrangler.toml" "${@:2}"; }
# Runs one query and prints the column `s` of each row, one a line.
lines() { d1 execute --json --command "$1" | node -e '
  const [answer] = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const row of answer.results) console.log(row.s);'; }

SEARCH="sql LIKE 'CREATE VIRTUAL TABLE%' OR (type = 'trigger' AND sql LIKE '%\_fts%' ESCAPE '\')"
lines "SELECT sql || ';' AS s FROM sqlite_master WHERE $SEARCH ORDER BY type = 'trigger', rowid" \
  >"$COPY/search.sql"
lines "SELECT 'DROP ' || upper(type) || ' ' || name || ';' AS s FROM sqlite_master
       WHERE $SEARCH ORDER BY type = 'table', rowid" >"$COPY/drop.sql"
d1 execute --file "$COPY/drop.sql" >/dev/null
d1 export --no-data --output "$COPY/schema.sql" >/dev/null
d1 export --no-schema --output "$COPY/rows.sql" >/dev/null
{
  cat "$COPY/schema.sql"
  grep -v '^PRAGMA defer_foreign_keys' "$COPY/rows.sql"
  cat "$COPY/search.sql" "$ROOT/functions/sql/rebuild-search.sql"
} >"$OUT"
echo "wrote $OUT ($(grep -c '^INSERT' "$OUT") rows)"
