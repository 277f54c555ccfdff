#!/usr/bin/env bash
# Scores the extractor on the project's own annotated articles (samples/articles and
# tests/data/articles) with ../shared/eval/score.py, which expects NAME.gold.json beside NAME.txt.
# usage: tools/score_samples.sh [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for txt in samples/articles/*.txt tests/data/articles/*.txt; do
  name=$(basename "$txt" .txt)
  cp "$txt" "$work/$name.txt"
  python3 - "${txt%.txt}.expected.json" "$work/$name.gold.json" <<'PY'
import json, sys
gold = json.load(open(sys.argv[1], encoding="utf-8"))
gold.setdefault("entities", [])
gold.setdefault("relations", [])
json.dump(gold, open(sys.argv[2], "w", encoding="utf-8"))
PY
done
python3 ../shared/eval/score.py --bin build/factgraph "$@" "$work"
