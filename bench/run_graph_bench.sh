#!/bin/bash
# Facts -> graph -> GraphML/JSON/GEXF/DOT benchmark, and the same graph written by igraph and
# networkx. See docs/performance.md for what each run measures.
#
#   bench/run_graph_bench.sh                      # 100,000 nodes, 1,000,000 edges, 3 repeats
#   NODES=20000 EDGES=200000 DOCS=400 REPEAT=1 bench/run_graph_bench.sh   # a quick run
#
# Environment: BUILD (build dir, default build-bench), OUT (data and results, default bench/out),
# SCRATCH (where graph files are written, default /dev/shm/factgraph-bench: tmpfs, so disk
# write-back does not land in the timings), REPEAT, NODES, EDGES, DOCS, SKIP_NETWORKX=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
OUT=${OUT:-$ROOT/bench/out}
SCRATCH=${SCRATCH:-/dev/shm/factgraph-bench}
REPEAT=${REPEAT:-3}
NODES=${NODES:-100000}
EDGES=${EDGES:-1000000}
DOCS=${DOCS:-2000}
PY=/usr/bin/python3
BENCH=$ROOT/bench
DATA=$OUT/graph-${NODES}n-${EDGES}e
RESULTS=$OUT/graph-results.jsonl
FG=$BUILD/factgraph

mkdir -p "$OUT" "$SCRATCH"

echo "== build ($BUILD, Release)"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$OUT/cmake-configure.log" 2>&1
cmake --build "$BUILD" -j2 --target factgraph > "$OUT/cmake-build.log" 2>&1
# The in-process phase timer links the same static library the CLI uses.
g++ -std=c++20 -O3 -DNDEBUG -I"$ROOT" "$BENCH/phase_timer.cpp" "$BUILD/libfactgraph_core.a" \
  -pthread -o "$OUT/phase_timer"

echo "== data ($DATA)"
if ! [ -f "$DATA/manifest.json" ] || ! grep -q "\"edges\": $EDGES," "$DATA/manifest.json" ||
   ! grep -q "\"documents\": $DOCS," "$DATA/manifest.json"; then
  "$PY" "$BENCH/gen_facts.py" --out "$DATA" --nodes "$NODES" --edges "$EDGES" --documents "$DOCS"
fi
FACTS=$DATA/facts.jsonl
FACTS_BYTES=$(stat -c %s "$FACTS")

echo "== correctness: a small generated graph must come out of factgraph exactly as generated"
"$PY" "$BENCH/gen_facts.py" --out "$OUT/graph-check" --nodes 2000 --edges 20000 --documents 40 > /dev/null
"$FG" build "$OUT/graph-check/facts.jsonl" -o "$OUT/graph-check/graph.json" 2> /dev/null
"$PY" "$BENCH/check_graph.py" "$OUT/graph-check/graph.json" "$OUT/graph-check"

# Results of earlier runs are kept under their time stamp; this run starts a fresh file.
[ -f "$RESULTS" ] && mv "$RESULTS" "$OUT/graph-results.$(date +%Y%m%d-%H%M%S).jsonl"
{
  echo "{\"label\":\"meta\",\"commit\":\"$(git -C "$ROOT" rev-parse --short HEAD)\","
  echo "\"dirty\":\"$(git -C "$ROOT" status --porcelain --untracked-files=no | tr '\n' ' ')\","
  echo "\"facts_bytes\":$FACTS_BYTES,\"nodes\":$NODES,\"edges\":$EDGES,\"documents\":$DOCS,"
  echo "\"manifest\":$(tr -d '\n' < "$DATA/manifest.json")}"
} | tr -d '\n' > "$RESULTS"
echo >> "$RESULTS"

T="$PY $BENCH/timed.py"
THREADS=$(nproc)
for r in $(seq 1 "$REPEAT"); do
  echo "== repeat $r of $REPEAT"
  rm -f "$SCRATCH"/*
  # factgraph, whole process: build alone cannot run without an output, so JSON is the baseline.
  $T fg-build-json "$RESULTS" --input-bytes "$FACTS_BYTES" -- "$FG" build "$FACTS" -o "$SCRATCH/g.json"
  $T fg-build-json-graphml "$RESULTS" -- "$FG" build "$FACTS" -o "$SCRATCH/g.json" -o "$SCRATCH/g.graphml"
  $T fg-build-graphml "$RESULTS" -- "$FG" build "$FACTS" -o "$SCRATCH/g.graphml"
  $T fg-build-all "$RESULTS" -- "$FG" build "$FACTS" -o "$SCRATCH/g.json" -o "$SCRATCH/g.graphml" \
    -o "$SCRATCH/g.gexf" -o "$SCRATCH/g.dot"
  # Export from the graph JSON written above: re-reads the JSON, then writes.
  $T fg-export-graphml "$RESULTS" -- "$FG" export "$SCRATCH/g.json" -o "$SCRATCH/g2.graphml"
  # The writers again on the graph read back from that JSON: the same graph, laid out in memory
  # in output order (a freshly merged graph is scattered over the heap).
  $T fg-phases-from-json "$RESULTS" -- "$OUT/phase_timer" --threads "$THREADS" "$SCRATCH/g.json" \
    "$SCRATCH" graphml json gexf dot
  # In one process: read, parse, merge, then each writer alone (exact export times), with as many
  # writer threads as the CLI uses by default (one per core), and again with one.
  $T fg-phases "$RESULTS" -- "$OUT/phase_timer" --threads "$THREADS" "$FACTS" "$SCRATCH" json graphml gexf dot
  $T fg-phases-1t "$RESULTS" -- "$OUT/phase_timer" --threads 1 "$FACTS" "$SCRATCH" json graphml gexf dot
  rm -f "$SCRATCH"/*
  $T igraph "$RESULTS" -- "$PY" "$BENCH/peer_graphml.py" igraph "$DATA" "$SCRATCH/igraph.graphml"
  rm -f "$SCRATCH"/*
  if [ "${SKIP_NETWORKX:-0}" != 1 ]; then
    $T networkx "$RESULTS" -- "$PY" "$BENCH/peer_graphml.py" networkx "$DATA" "$SCRATCH/networkx.graphml"
    rm -f "$SCRATCH"/*
  fi
done

rm -f "$SCRATCH"/*
"$PY" "$BENCH/summarize.py" graph "$RESULTS" | tee "$OUT/graph-summary.md"
