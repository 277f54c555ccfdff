#!/bin/bash
# Text extraction benchmark: `factgraph extract` throughput on one core, and `factgraph build
# --jobs 2` against `--jobs 1` on the same articles. See docs/performance.md.
#
#   bench/run_text_bench.sh                  # 50 MB of articles, 3 repeats
#   MB=5 REPEAT=1 bench/run_text_bench.sh    # a quick run
#
# Environment: BUILD (default build-bench), OUT (default bench/out), SCRATCH (default
# /dev/shm/factgraph-text-bench.PID), MB, REPEAT.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/out}
# Outputs are deleted between repeats, so by default they go to a folder no other run uses (the
# graph benchmark or another checkout's text benchmark may be running on the same machine).
SCRATCH=${SCRATCH:-/dev/shm/factgraph-text-bench.$$}
REPEAT=${REPEAT:-3}
MB=${MB:-50}
PY=/usr/bin/python3
BENCH=$ROOT/bench
DATA=$OUT/text-${MB}mb
RESULTS=$OUT/text-results.jsonl
FG=$BUILD/factgraph

mkdir -p "$OUT" "$SCRATCH"

echo "== build ($BUILD, Release)"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$OUT/cmake-configure.log" 2>&1
cmake --build "$BUILD" -j2 --target factgraph > "$OUT/cmake-build.log" 2>&1

echo "== data ($DATA)"
if ! [ -f "$DATA/manifest.json" ]; then
  "$PY" "$BENCH/gen_articles.py" --out "$DATA" --mb "$MB"
fi
TEXT_BYTES=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['text_bytes'])" "$DATA/manifest.json")

[ -f "$RESULTS" ] && mv "$RESULTS" "$OUT/text-results.$(date +%Y%m%d-%H%M%S).jsonl"
{
  echo "{\"label\":\"meta\",\"commit\":\"$(git -C "$ROOT" rev-parse --short HEAD)\","
  echo "\"dirty\":\"$(git -C "$ROOT" status --porcelain --untracked-files=no | tr '\n' ' ')\","
  echo "$(tr -d '\n{}' < "$DATA/manifest.json")}"
} | tr -d '\n' > "$RESULTS"
echo >> "$RESULTS"

# Warm the page cache so the first repeat does not pay for reading 30,000 files from disk.
find "$DATA/txt" -name "*.txt" -exec cat {} + > /dev/null

T="$PY $BENCH/timed.py"
for r in $(seq 1 "$REPEAT"); do
  echo "== repeat $r of $REPEAT"
  rm -f "$SCRATCH"/*
  $T extract-j1 "$RESULTS" --input-bytes "$TEXT_BYTES" -- \
    "$FG" extract "$DATA/txt" --jobs 1 -o "$SCRATCH/extract.json"
  $T extract-jsonl-j1 "$RESULTS" -- \
    "$FG" extract "$DATA/articles.jsonl" --jobs 1 -o "$SCRATCH/extract-jsonl.json"
  $T extract-j2 "$RESULTS" -- "$FG" extract "$DATA/txt" --jobs 2 -o "$SCRATCH/extract-j2.json"
  cmp -s "$SCRATCH/extract.json" "$SCRATCH/extract-j2.json" || { echo "extract --jobs 1 and 2 differ" >&2; exit 1; }
  $T build-j1 "$RESULTS" -- "$FG" build "$DATA/txt" --jobs 1 -o "$SCRATCH/g1.json"
  $T build-j2 "$RESULTS" -- "$FG" build "$DATA/txt" --jobs 2 -o "$SCRATCH/g2.json"
  cmp -s "$SCRATCH/g1.json" "$SCRATCH/g2.json" || { echo "--jobs 1 and --jobs 2 graphs differ" >&2; exit 1; }
done

rm -f "$SCRATCH"/*  # about 1.8 GB of outputs, in memory when SCRATCH is tmpfs
rmdir "$SCRATCH" 2> /dev/null || true
"$PY" "$BENCH/summarize.py" text "$RESULTS" | tee "$OUT/text-summary.md"
