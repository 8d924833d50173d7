#!/usr/bin/env bash
# Builds everything a deploy needs: the app into dist/ (Trunk) and the Worker into
# functions/build/ (worker-build). wrangler.toml runs this before `wrangler dev` and
# `wrangler deploy`; set BALAI_SKIP_BUILD=1 when the build is already fresh (tests, benchmarks).
set -euo pipefail
[ "${BALAI_SKIP_BUILD:-0}" = 1 ] && exit 0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/build-app.sh"
bash "$ROOT/scripts/build-worker.sh"
