#!/bin/bash
# Where time and memory go: callgrind on text extraction (about 1 MB of articles) and on the
# facts -> graph -> GraphML/JSON path (the 200,000-edge graph), heaptrack on the full-size build.
# Instruction counts do not depend on other work sharing the machine, unlike the timings.
#
#   bench/profile.sh            # after bench/run_graph_bench.sh and bench/run_text_bench.sh
#
# Needs valgrind and heaptrack (apt-get install valgrind heaptrack). Writes $OUT/profile-*.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$ROOT/bench/out}
PROF=$OUT/build-prof
PY=/usr/bin/python3
BENCH=$ROOT/bench
TEXT=${TEXT:-$OUT/text-50mb}
FULL=${FULL:-$OUT/graph-100000n-1000000e}
SMALL=$OUT/graph-20000n-200000e
SCRATCH=${SCRATCH:-/dev/shm/factgraph-bench}
mkdir -p "$SCRATCH"

echo "== profiling build ($PROF: Release with -g -fno-omit-frame-pointer)"
cmake -S "$ROOT" -B "$PROF" -DCMAKE_BUILD_TYPE=Release -DFACTGRAPH_TESTS=OFF \
  "-DCMAKE_CXX_FLAGS=-g -fno-omit-frame-pointer" > "$OUT/profile-configure.log" 2>&1
cmake --build "$PROF" -j2 --target factgraph > "$OUT/profile-build.log" 2>&1
g++ -std=c++20 -O3 -DNDEBUG -g -fno-omit-frame-pointer -I"$ROOT" "$BENCH/phase_timer.cpp" \
  "$PROF/libfactgraph_core.a" -o "$OUT/phase_timer_prof"

summary() {  # callgrind output -> top functions, inclusive and self (awk reads to the end: no SIGPIPE)
  echo "## inclusive"
  callgrind_annotate --inclusive=yes "$1" | sed -n '/^Ir/,$p' | awk 'NR <= 45' | cut -c1-230
  echo
  echo "## self"
  callgrind_annotate "$1" | sed -n '/^Ir/,$p' | awk 'NR <= 35' | cut -c1-230
}

echo "== callgrind: text extraction"
rm -rf "$OUT/profile-text-input" && mkdir -p "$OUT/profile-text-input"
# The first articles of the corpus, up to 1,000,000 bytes.
"$PY" - "$TEXT/txt/000" "$OUT/profile-text-input" <<'EOF'
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
total = 0
for name in sorted(os.listdir(src)):
    size = os.path.getsize(os.path.join(src, name))
    if total + size > 1_000_000:
        break
    shutil.copy(os.path.join(src, name), dst)
    total += size
print(f"{total} bytes of articles", file=sys.stderr)
EOF
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind-text.out" \
  "$PROF/factgraph" extract "$OUT/profile-text-input" -o "$SCRATCH/profile-facts.json" 2> "$OUT/callgrind-text.log"
summary "$OUT/callgrind-text.out" > "$OUT/profile-text.txt"
rm -f "$SCRATCH/profile-facts.json"

echo "== callgrind: facts -> graph -> GraphML, JSON (200,000 edges)"
[ -f "$SMALL/manifest.json" ] ||
  "$PY" "$BENCH/gen_facts.py" --out "$SMALL" --nodes 20000 --edges 200000 --documents 400 > /dev/null
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind-graph.out" \
  "$OUT/phase_timer_prof" "$SMALL/facts.jsonl" "$SCRATCH" graphml json > /dev/null 2> "$OUT/callgrind-graph.log"
summary "$OUT/callgrind-graph.out" > "$OUT/profile-graph.txt"
rm -f "$SCRATCH"/phase.*

echo "== heaptrack: factgraph build (full size) -o g.graphml"
heaptrack -o "$OUT/heaptrack-build" "$PROF/factgraph" build "$FULL/facts.jsonl" -o "$SCRATCH/h.graphml" \
  > "$OUT/heaptrack.log" 2>&1
heaptrack_print -f "$OUT/heaptrack-build.zst" --print-peaks 1 --print-allocators 0 --print-temporary 0 \
  --print-leaks 0 --peak-limit 40 --sub-peak-limit 6 > "$OUT/heaptrack-peaks.txt" 2> /dev/null
"$PY" "$BENCH/heap_top.py" "$OUT/heaptrack-peaks.txt" "$ROOT" | tee "$OUT/profile-heap.txt"
rm -f "$SCRATCH/h.graphml"
echo "profiles: $OUT/profile-text.txt $OUT/profile-graph.txt $OUT/profile-heap.txt"
