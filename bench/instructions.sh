#!/bin/bash
# Deterministic speed comparison for small changes (wall-clock medians on a shared VM vary by 5-10 %
# between processes, which hides a 2 % change): machine instructions per warm corpus pass, counted by
# valgrind (cachegrind, no cache simulation) with V8 single-threaded and fixed seeds, for the
# working tree and for a git revision (default HEAD). Per warm pass = (Ir(32 passes) - Ir(12)) / 20,
# which leaves out start-up and most JIT warm-up. Needs valgrind (apt-get install -y valgrind); takes
# about 4 minutes on 2 cores. Not part of `npm run bench` or the tests.
#   bench/instructions.sh [REV]
set -euo pipefail
cd "$(dirname "$0")/.."
REV="${1:-HEAD}"
OUT="$(mktemp -d)"
CORPUS="$(cd ../shared/corpus/eml && pwd)"
trap 'rm -rf "$OUT"' EXIT
npx esbuild bench/passes.ts --bundle --platform=node --format=esm --outfile="$OUT/new.mjs" --log-level=error
git worktree add -q --detach "$OUT/rev" "$REV"
ln -s "$PWD/node_modules" "$OUT/rev/node_modules"
# the same workload (this file's bench/passes.ts) over the revision's classifier
cp bench/passes.ts "$OUT/rev/bench/passes.ts"
(cd "$OUT/rev" && npx esbuild bench/passes.ts --bundle --platform=node --format=esm --outfile="$OUT/old.mjs" --log-level=error)
git worktree remove --force "$OUT/rev"
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null --smc-check=all-non-file \
    node --single-threaded --hash-seed=1 --random-seed=1 "$1" "$2" "$CORPUS" 2>&1 |
    awk '/I[ ]+refs/ {gsub(",", "", $4); print $4}'
}
for v in old new; do for n in 12 32; do count "$OUT/$v.mjs" "$n" >"$OUT/$v-$n" & done; done
wait
for v in old new; do
  [ -s "$OUT/$v-12" ] && [ -s "$OUT/$v-32" ] || { echo "valgrind run failed ($v)" >&2; exit 1; }
  a=$(cat "$OUT/$v-12"); b=$(cat "$OUT/$v-32")
  label=$([ "$v" = old ] && echo "$REV" || echo "working tree")
  awk -v a="$a" -v b="$b" -v l="$label" 'BEGIN { printf "%-14s %.1f M instructions per warm corpus pass\n", l, (b - a) / 20 / 1e6 }'
done
