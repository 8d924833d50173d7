#!/usr/bin/env bash
# Sourced by build-app.sh and build-worker.sh: a build whose inputs are unchanged since its last
# success is skipped, so the run and test commands are quick when nothing changed (wasm-opt alone
# takes minutes on this 2-core machine). `rm -rf target/build-stamps` forces the next builds.
STAMPS="$ROOT/target/build-stamps"

# A hash of every file under the given paths (relative to the root), with the toolchain and
# flags that shape the output.
inputs_fingerprint() {
  {
    (cd "$ROOT" && find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    rustc -V
    echo "RUSTFLAGS=${RUSTFLAGS:-}"
  } | sha256sum | cut -c1-32
}

# True when build NAME last succeeded with fingerprint FP and its OUTPUT file is still there.
build_is_fresh() {
  [ -f "$ROOT/$3" ] && [ "$(cat "$STAMPS/$1" 2>/dev/null)" = "$2" ]
}

# Forgets NAME's stamp before building, so an interrupted build is never taken for a fresh one.
begin_build() {
  rm -f "$STAMPS/$1"
}

mark_built() {
  mkdir -p "$STAMPS"
  echo "$2" > "$STAMPS/$1"
}
