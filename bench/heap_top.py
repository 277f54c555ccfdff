#!/usr/bin/python3
"""Sums heaptrack's peak-memory report by the innermost factgraph source lines of each stack.

    heaptrack_print -f RUN.zst --print-peaks 1 --print-allocators 0 --print-temporary 0 \
        --print-leaks 0 --peak-limit 40 --sub-peak-limit 6 > peaks.txt
    bench/heap_top.py peaks.txt [ROOT]

Needs a build with debug information (-g) so inlined frames carry file:line. Prints the memory
live at the peak, grouped by the first three frames inside ROOT (default: this repository).
"""
import os
import re
import sys

UNITS = {"B": 1, "K": 1e3, "M": 1e6, "G": 1e9}


def size(text):
    text = text.rstrip("B") or "0"
    if text[-1] in UNITS:
        return float(text[:-1]) * UNITS[text[-1]]
    return float(text)


def main():
    path = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = root.rstrip("/") + "/"
    text = open(path, encoding="utf-8", errors="replace").read()
    totals = {}
    for block in re.split(r"\n(?=\S[^\n]*peak memory consumed)", text):
        if not re.match(r"\S+ peak memory consumed over \d+ calls", block):
            continue
        for sub in re.split(r"\n(?=\S[^\n]* consumed over \d+ calls from:)", block)[1:]:
            m = re.match(r"(\S+) consumed over (\d+) calls", sub)
            frames = [f[len(root):] for f in re.findall(r"at (" + re.escape(root) + r"[^\n]+)", sub)]
            key = " <- ".join(frames[:3]) or "(outside the project)"
            totals[key] = totals.get(key, 0) + size(m.group(1))
    peak = re.search(r"peak heap memory consumption: (\S+)", text)
    if peak:
        print(f"peak heap: {peak.group(1)}")
    for key, value in sorted(totals.items(), key=lambda kv: -kv[1])[:20]:
        print(f"{value / 1e6:9.1f} MB  {key}")


if __name__ == "__main__":
    main()
